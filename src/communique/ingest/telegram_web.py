"""Telegram web preview (``https://t.me/s/<channel>``): saved pages, and live fetching.

A page lists about twenty posts, oldest first; older ones are at ``?before=<id>`` (the "load
more" link carries the id), and the end of the history shows ``.tme_no_messages_found`` (or a
page with no posts). The fetcher walks back page by page, newest first, until the end of the
history, the ``--since`` date or the ``--limit``; it pauses between requests
(``ReadOptions.request_delay``) and retries with backoff (:mod:`communique.ingest.http`). An
unreachable network is a :class:`~communique.errors.NetworkError` naming the URL; the posts of the
pages already fetched are kept.

Keys: ``tg@<username>:<message-id>``; ``meta`` has views (``12.3K`` -> 12300), ``edited``,
``forwarded_from``, ``reply_to`` and ``album`` (the photos of a grouped post).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html

from communique.documents import BadRecord, Document, parse_datetime
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats
from communique.ingest.files import decode_utf8, read_bytes
from communique.ingest.http import Fetcher
from communique.ingest.telegram_html import html_text

log = logging.getLogger(__name__)

NAME = "telegram-web"

_VIEWS = re.compile(r"^\s*([\d.,]+)\s*([KkMm]?)\s*$")
_POST = re.compile(r"^([A-Za-z0-9_]+)/(\d+)$")
_MAX_PAGES = 100_000


def sniff(path: Path, head: bytes) -> bool:
    return b"tgme_widget_message" in head or b"tgme_channel_history" in head or b"tme_no_messages_found" in head


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    if is_url(source):
        yield from fetch_channel(channel_url(source), options, stats)
        return
    html = decode_utf8(read_bytes(source), source)
    if not html.strip():
        raise IngestError("the file is empty", source=source, position="byte 0")
    page = parse_page(html, source, options, stats)
    if not page.posts and not page.bad:
        raise IngestError("no Telegram posts in this page" + (" (end of history)" if page.end else ""),
                          source=source, position="file")
    yield from _filtered(page.posts, options, stats)
    yield from page.bad


class Page:
    __slots__ = ("posts", "bad", "before", "end", "channel_title")

    def __init__(self) -> None:
        self.posts: list[Document] = []
        self.bad: list[BadRecord] = []
        self.before: int | None = None  # the id to page back from, if the page offers it
        self.end = False  # .tme_no_messages_found
        self.channel_title: str | None = None


def parse_page(html: str, source: str, options: ReadOptions, stats: ReadStats) -> Page:
    page = Page()
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise IngestError(f"not an HTML page ({exc})", source=source) from None
    page.end = bool(root.find_class("tme_no_messages_found"))
    titles = root.find_class("tgme_channel_info_header_title")
    if titles:
        page.channel_title = " ".join(titles[0].text_content().split()) or None
    for more in root.find_class("tme_messages_more"):
        before = more.get("data-before")
        if before and before.isdigit():
            page.before = int(before)
    for n, div in enumerate(root.find_class("tgme_widget_message"), 1):
        post = div.get("data-post") or ""
        classes = (div.get("class") or "").split()
        m = _POST.match(post)
        if not m:
            page.bad.append(BadRecord(source, f"post #{n}", f"a post without a usable data-post ({post!r})",
                                      lxml.html.tostring(div, encoding="unicode")[:2000]))
            continue
        if "service_message" in classes:
            stats.skip("service")
            continue
        try:
            doc = post_to_document(div, m.group(1), int(m.group(2)), options, page.channel_title)
        except (ValueError, TypeError) as exc:
            page.bad.append(BadRecord(source, f"post {post}", str(exc),
                                      lxml.html.tostring(div, encoding="unicode")[:2000]))
            continue
        if doc is None:
            stats.skip("empty")
            continue
        page.posts.append(doc)
    if page.before is None and page.posts:
        ids = [int(d.id.rsplit(":", 1)[1]) for d in page.posts]
        page.before = min(ids)
    return page


def post_to_document(div, username: str, msg_id: int, options: ReadOptions,
                     channel_title: str | None = None) -> Document | None:
    meta: dict[str, Any] = {}
    text_el = _first(div, "tgme_widget_message_text")
    text = html_text(text_el) if text_el is not None else ""
    if not text.strip():
        return None
    time_el = div.xpath('.//a[contains(@class, "tgme_widget_message_date")]//time[@datetime]')
    if not time_el:
        time_el = div.xpath(".//time[@datetime]")
    if not time_el:
        raise ValueError("the post has no <time datetime=...>")
    published = parse_datetime(time_el[0].get("datetime"))
    owner = _first(div, "tgme_widget_message_owner_name")
    if owner is not None:
        meta["from"] = " ".join(owner.text_content().split())
    views = _first(div, "tgme_widget_message_views")
    if views is not None:
        v = parse_views(views.text_content())
        if v is not None:
            meta["views"] = v
    meta_el = _first(div, "tgme_widget_message_meta")
    if meta_el is not None and "edited" in meta_el.text_content().lower():
        meta["edited"] = True  # the preview says so, without the time
    fwd = _first(div, "tgme_widget_message_forwarded_from_name")
    if fwd is not None:
        meta["forwarded"] = True
        meta["forwarded_from"] = " ".join(fwd.text_content().split())
        if fwd.get("href"):
            meta["forwarded_from_url"] = fwd.get("href")
    reply = _first(div, "tgme_widget_message_reply")
    if reply is not None and reply.get("href"):
        tail = reply.get("href").rstrip("/").rsplit("/", 1)[-1].split("?")[0]
        if tail.isdigit():
            meta["reply_to"] = int(tail)
    photos = div.find_class("tgme_widget_message_photo_wrap")
    if len(photos) > 1 or div.find_class("tgme_widget_message_grouped_wrap"):
        meta["album"] = [p.get("href") for p in photos if p.get("href")]
    elif photos or div.find_class("tgme_widget_message_video_player"):
        meta["media"] = ["photo" if photos else "video"]
    links = [a.get("href") for a in text_el.iter("a") if (a.get("href") or "").startswith(("http://", "https://"))]
    if links:
        meta["links"] = links
    return Document(id=f"tg@{username}:{msg_id}", text=text, source=NAME,
                    channel=options.source_name or username, url=f"https://t.me/{username}/{msg_id}",
                    published=published, meta=meta)


def parse_views(s: str) -> int | None:
    m = _VIEWS.match(s.replace("\u202f", "").replace("\xa0", ""))
    if not m:
        return None
    number, unit = m.groups()
    if unit:
        value = float(number.replace(",", "."))
        return int(round(value * (1000 if unit.lower() == "k" else 1_000_000)))
    return int(number.replace(",", "").replace(".", ""))


def _first(el, cls: str):
    found = el.find_class(cls)
    return found[0] if found else None


def _filtered(posts: list[Document], options: ReadOptions, stats: ReadStats) -> Iterator[Document]:
    for d in posts:
        if options.since is not None and d.published is not None and d.published < options.since:
            stats.skip("before-since")
            continue
        yield d


# -- fetching ---------------------------------------------------------------------------------

def channel_url(channel: str) -> str:
    """``MFARussia``, ``@MFARussia``, ``t.me/MFARussia`` or a full URL -> ``https://t.me/s/MFARussia``."""
    parts = urlsplit(channel.strip())
    if is_url(channel) and not (parts.netloc.lower() in ("t.me", "telegram.me", "www.t.me") and
                                not parts.path.startswith("/s/")):
        return channel.strip()  # a preview URL already (or another host serving the same pages)
    if is_url(channel):  # t.me/<name> or t.me/<name>/<post>: the channel is the first path segment
        name = parts.path.strip("/").split("/")[0]
    else:
        name = channel.strip().rstrip("/").rsplit("/", 1)[-1]
    return f"https://t.me/s/{name.lstrip('@')}"


def page_url(base: str, before: int | None) -> str:
    parts = urlsplit(base)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "before"]
    if before is not None:
        query.append(("before", str(before)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def fetch_channel(url: str, options: ReadOptions, stats: ReadStats, *, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Page back through a channel's web preview, newest first (see the module docs)."""
    limit = options.effective_limit()
    since: datetime | None = options.since
    own = fetcher is None
    fetcher = fetcher or Fetcher(options)
    seen: set[str] = set()
    yielded = 0
    before: int | None = None
    try:
        for page_no in range(_MAX_PAGES):
            target = page_url(url, before)
            response = fetcher.get(target)  # NetworkError after retries: the runner keeps what came before
            page = parse_page(response.text, target, options, stats)
            yield from page.bad
            if not page.posts:
                if page_no == 0 and not page.end:
                    raise IngestError("the page shows no posts: is the channel public and the name right?",
                                      source=target, position="page 1")
                log.info("%s: end of history after %d page(s)", url, page_no)
                return
            older_than_since = False
            for doc in sorted(page.posts, key=lambda d: int(d.id.rsplit(":", 1)[1]), reverse=True):
                if doc.id in seen:
                    continue
                seen.add(doc.id)
                if since is not None and doc.published is not None and doc.published < since:
                    older_than_since = True
                    stats.skip("before-since")
                    continue
                yield doc
                yielded += 1
                if limit is not None and yielded >= limit:
                    return
            if older_than_since or page.end:
                return
            next_before = page.before
            if next_before is None or (before is not None and next_before >= before) or next_before <= 1:
                return
            before = next_before
    finally:
        if own:
            fetcher.close()
