"""The one document model every source produces, and the records a bad input leaves behind."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit, urlunsplit


@dataclass(slots=True)
class Document:
    """A post, press release or page, with its text exactly as published.

    ``id`` is a stable key: ``tg:<channel-id>:<message-id>``, ``tg@<username>:<message-id>``,
    ``rss:<feed>:<guid>``, ``web:<normalised-url>`` or ``file:<sha256>``.
    """

    id: str
    text: str
    source: str  # the connector that produced it: telegram-json, telegram-html, rss, web, jsonl, ...
    channel: str | None = None
    url: str | None = None
    published: datetime | None = None  # aware, UTC
    lang: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.published is not None:
            if self.published.tzinfo is None:
                raise ValueError(f"{self.id}: publication time must be timezone-aware")
            self.published = self.published.astimezone(timezone.utc)

    @property
    def content_sha256(self) -> str:
        """Hash of what a revision is about: title and text as published."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "channel": self.channel,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "lang": self.lang,
            "title": self.title,
            "text": self.text,
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        pub = d.get("published")
        return cls(
            id=d["id"],
            text=d["text"],
            source=d.get("source") or "unknown",
            channel=d.get("channel"),
            url=d.get("url"),
            published=parse_datetime(pub) if pub else None,
            lang=d.get("lang"),
            title=d.get("title"),
            meta=d.get("meta") or {},
        )


@dataclass(slots=True)
class BadRecord:
    """A record that could not be read: kept aside (quarantined) and reported, never silently lost."""

    source: str  # file path or URL
    position: str  # "line 12", "message 345", "byte 1024", ...
    error: str
    raw: str = ""  # a snippet of the raw input, at most a few KB

    def __str__(self) -> str:
        return f"{self.source}, {self.position}: {self.error}"


def parse_datetime(value: str) -> datetime:
    """Parse ISO-8601; a naive value is taken as UTC."""
    v = value.strip()
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    dt = datetime.fromisoformat(v)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def file_key(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "file:" + hashlib.sha256(data).hexdigest()


def normalise_url(url: str) -> str:
    """Scheme and host lower-cased, default ports, fragments and trailing slashes dropped."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    if parts.port and not ((scheme == "http" and parts.port == 80) or (scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, parts.query, ""))


def web_key(url: str) -> str:
    return "web:" + normalise_url(url)


def dumps(obj: Any) -> str:
    """Compact, deterministic JSON used everywhere communique writes JSON."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
