"""RSS 0.9x/1.0/2.0 and Atom feeds, from a file or a URL (feedparser).

One document per item: title, the item's text (``content`` when the feed has it, else the
summary, as plain text), link, publication time (``published``, else ``updated``) in UTC.
With ``options.follow_links`` each item's article page is fetched and its main text
(trafilatura, via :mod:`communique.ingest.web`) replaces the summary, which is kept in
``meta["summary"]``; an article that cannot be fetched keeps the summary
(``meta["follow_error"]``).

Keys: ``rss:<feed>:<guid>``, ``<feed>`` being ``--source``, else the host and path of the feed's
own link, else the feed title, else the file name; ``<guid>`` the item's id, else its link,
else a hash of its title and text. A malformed feed keeps the items read before the error and
yields a :class:`BadRecord` with its line.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import feedparser
import lxml.html

from communique.documents import BadRecord, Document
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats, wanted
from communique.ingest.files import decode_utf8, read_bytes
from communique.ingest.http import Fetcher
from communique.ingest.telegram_html import html_text

log = logging.getLogger(__name__)

NAME = "rss"

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTMLISH = re.compile(r"<[a-zA-Z/!][^>]*>")


def sniff(path: Path, head: bytes) -> bool:
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body.startswith(b"<"):
        return False
    return bool(_FEED_ROOT.search(body[:4096]))


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    if source.startswith(("http://", "https://")):
        with Fetcher(options) as fetcher:
            response = fetcher.get(source)
            yield from _read_feed(response.content, source, options, stats, fetcher, feed_url=response.url,
                                  headers=response.headers)
        return
    data = read_bytes(source)
    if not data.strip():
        raise IngestError("the file is empty", source=source, position="byte 0")
    if not re.search(rb"<\?xml[^>]*encoding", data[:200], re.IGNORECASE):
        decode_utf8(data, source)  # a wrong encoding is an error naming the byte, not mojibake
    fetcher = Fetcher(options) if options.follow_links else None
    try:
        yield from _read_feed(data, source, options, stats, fetcher, feed_url=None)
    finally:
        if fetcher:
            fetcher.close()


def _read_feed(data: bytes, source: str, options: ReadOptions, stats: ReadStats, fetcher: Fetcher | None,
               feed_url: str | None, headers: dict[str, str] | None = None) -> Iterator[Item]:
    # the HTTP headers tell feedparser the charset the server declared
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False,
                              response_headers={"content-type": headers["content-type"]}
                              if headers and "content-type" in headers else None)
    entries = parsed.get("entries") or []
    feed = parsed.get("feed") or {}
    if parsed.get("bozo") and not entries and not feed:
        raise IngestError(f"not a readable feed ({_bozo_message(parsed)})", source=source,
                          position=_bozo_position(parsed))
    name = options.source_name or feed_name(feed, source, feed_url)
    for n, entry in enumerate(entries, 1):
        try:
            doc = entry_to_document(entry, name, options)
        except (ValueError, TypeError, KeyError) as exc:
            yield BadRecord(source, f"item {n}", f"{type(exc).__name__}: {exc}", str(entry.get("title", ""))[:2000])
            continue
        if not wanted(doc, options, stats):
            continue
        if options.follow_links and fetcher is not None and doc.url:
            _follow(doc, fetcher, options)
        yield doc
    if parsed.get("bozo") and entries:
        exc = parsed.get("bozo_exception")
        # feedparser reads what it can of a broken feed; say where it broke
        if exc is not None and not isinstance(exc, feedparser.CharacterEncodingOverride):
            yield BadRecord(source, _bozo_position(parsed),
                            f"the feed is malformed ({_bozo_message(parsed)}); {len(entries)} item(s) before it were kept")


def feed_name(feed: dict, source: str, feed_url: str | None) -> str:
    link = feed.get("link") or feed_url
    if link:
        parts = urlsplit(link)
        if parts.netloc:
            host = parts.netloc.lower()
            host = host[4:] if host.startswith("www.") else host
            return host + parts.path.rstrip("/")
    if feed.get("title"):
        return " ".join(str(feed["title"]).split())
    return Path(source).name


def entry_to_document(entry: Any, feed: str, options: ReadOptions) -> Document | None:
    title = _plain(entry.get("title") or "") or None
    body = ""
    contents = entry.get("content") or []
    if contents:
        body = max((c.get("value") or "" for c in contents), key=len)
    if not body:
        body = entry.get("summary") or entry.get("description") or ""
    text = _plain(body)
    if not text and not title:
        return None
    link = entry.get("link")
    guid = entry.get("id") or link or hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest()[:32]
    # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning
    pub_struct, upd_struct = dict.get(entry, "published_parsed"), dict.get(entry, "updated_parsed")
    published = _time(pub_struct) or _time(upd_struct)
    meta: dict[str, Any] = {"feed": feed}
    if pub_struct and upd_struct and upd_struct != pub_struct:
        meta["updated"] = _time(upd_struct).isoformat()
    if entry.get("author"):
        meta["author"] = entry["author"]
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    lang = None
    for detail in (entry.get("title_detail"), entry.get("summary_detail")):
        if detail and detail.get("language"):
            lang = str(detail["language"]).split("-")[0].lower()
            break
    return Document(id=f"rss:{feed}:{guid}", text=text or title or "", source=NAME, channel=options.source_name or feed,
                    url=link, published=published, lang=lang, title=title, meta=meta)


def _follow(doc: Document, fetcher: Fetcher, options: ReadOptions) -> None:
    from communique.ingest.web import extract_article

    try:
        response = fetcher.get(doc.url)
        article = extract_article(response.text, response.url)
    except IngestError as exc:
        log.warning("%s: could not follow the item's link: %s", doc.id, exc)
        doc.meta["follow_error"] = exc.message
        return
    if article and article.get("text"):
        doc.meta["summary"] = doc.text
        doc.meta["article_url"] = response.url
        doc.text = article["text"]
        if not doc.published and article.get("published"):
            doc.published = article["published"]
    else:
        doc.meta["follow_error"] = "no main text found on the article page"


def _plain(value: str) -> str:
    if not value:
        return ""
    if not _HTMLISH.search(value):
        return value.strip()
    try:
        el = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return value.strip()
    return html_text(el)


def _time(struct) -> datetime | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), timezone.utc)


def _bozo_message(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "unknown error"
    msg = getattr(exc, "getMessage", None)
    return str(msg() if callable(msg) else exc)


def _bozo_position(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    line = getattr(exc, "getLineNumber", None)
    col = getattr(exc, "getColumnNumber", None)
    if callable(line):
        try:
            return f"line {line()}, column {col()}" if callable(col) else f"line {line()}"
        except Exception:  # pragma: no cover
            pass
    return "file"
