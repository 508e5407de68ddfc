"""Web article pages (a press release, a statement), from a saved file or a URL.

trafilatura finds the main text, title and date. The publication time is taken first from the
page's own markup, which is more precise than trafilatura's day (``article:published_time``,
``itemprop=datePublished``, JSON-LD ``datePublished``, ``<time datetime>``, ``DC.date``), then from
trafilatura (a date without time is midnight UTC, ``meta["date_precision"] = "day"``).

Keys: ``web:<normalised-url>``, the URL being the fetched one, or for a saved page its canonical
link (``<link rel=canonical>``, ``og:url``); a saved page with no URL is ``file:<sha256>`` of its
bytes. A page with no main text is quarantined, naming the file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import lxml.html

from communique.documents import BadRecord, Document, parse_datetime, web_key
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats
from communique.ingest.files import read_bytes
from communique.ingest.http import Fetcher

log = logging.getLogger(__name__)

NAME = "web"

_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|meta|title)[\s>]", re.IGNORECASE)
_META_DATES = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="publish-date"]/@content',
    '//meta[@name="DC.date.issued"]/@content',
    '//meta[@name="dcterms.date"]/@content',
    '//meta[@name="DC.date"]/@content',
    '//meta[@name="date"]/@content',
    '//article//time[@datetime]/@datetime',
    '//time[@datetime]/@datetime',
)


def sniff(path: Path, head: bytes) -> bool:
    return bool(_HTML.search(head[:8192]))


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    if source.startswith(("http://", "https://")):
        with Fetcher(options) as fetcher:
            response = fetcher.get(source)
        html, url, raw = response.text, response.url, response.content
    else:
        raw = read_bytes(source)
        if not raw.strip():
            raise IngestError("the file is empty", source=source, position="byte 0")
        html, url = _decode_html(raw, source), None
    article = extract_article(html, url)
    if not article or not article.get("text"):
        yield BadRecord(source, "file" if url is None else "page", "no article text found on this page", html[:2000])
        return
    url = article.get("url") or url
    meta: dict[str, Any] = {}
    if article.get("date_precision"):
        meta["date_precision"] = article["date_precision"]
    for k in ("author", "sitename", "description"):
        if article.get(k):
            meta[k] = article[k]
    if url is None:
        meta["file"] = Path(source).name
    doc = Document(
        id=web_key(url) if url else "file:" + hashlib.sha256(raw).hexdigest(),
        text=article["text"], source=NAME, channel=options.source_name or article.get("sitename"),
        url=url, published=article.get("published"), lang=article.get("lang"), title=article.get("title"), meta=meta,
    )
    if options.since is not None and doc.published is not None and doc.published < options.since:
        stats.skip("before-since")
        return
    yield doc


def _decode_html(raw: bytes, source: str) -> str:
    """UTF-8 unless the page declares another charset (web pages often do)."""
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.IGNORECASE)
    enc = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        return raw.decode("utf-8-sig" if enc in ("utf-8", "utf8") else enc)
    except (LookupError, UnicodeDecodeError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            raise IngestError(f"not {enc} text (invalid byte 0x{raw[exc.start]:02x}); convert the file or fix its "
                              "charset", source=source, position=f"byte {exc.start}") from None
        return raw.decode("utf-8", errors="replace")


def extract_article(html: str, url: str | None = None) -> dict[str, Any] | None:
    """Main text, title, publication time, canonical URL of an article page (None: not a page)."""
    import trafilatura

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    canonical = url or _canonical(root)
    extracted = trafilatura.bare_extraction(html, url=canonical, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_precision=True)
    if extracted is None:
        return None
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (data.get("text") or "").strip()
    out: dict[str, Any] = {"text": text, "title": data.get("title"), "url": canonical,
                           "author": data.get("author"), "sitename": data.get("sitename"),
                           "description": data.get("description")}
    published = _page_date(root)
    if published is None and data.get("date"):
        try:
            published = datetime.fromisoformat(str(data["date"])[:10]).replace(tzinfo=timezone.utc)
            out["date_precision"] = "day"
        except ValueError:
            published = None
    out["published"] = published
    lang = root.get("lang") or ""
    out["lang"] = lang.split("-")[0].lower() or None
    return out


def _canonical(root) -> str | None:
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        hits = root.xpath(xp)
        if hits and str(hits[0]).startswith(("http://", "https://")):
            return str(hits[0])
    return None


def _page_date(root) -> datetime | None:
    for xp in _META_DATES:
        for value in root.xpath(xp):
            dt = _parse_date(str(value))
            if dt:
                return dt
    for script in root.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict):
                graph = obj.get("@graph") if isinstance(obj.get("@graph"), list) else [obj]
                for o in graph:
                    if isinstance(o, dict) and o.get("datePublished"):
                        dt = _parse_date(str(o["datePublished"]))
                        if dt:
                            return dt
    return None


def _parse_date(value: str) -> datetime | None:
    v = value.strip()
    if not v or not v[:4].isdigit():
        return None
    try:
        if len(v) == 10:
            return None  # a day only: leave it to the more careful path (flagged as day precision)
        return parse_datetime(v.replace(" ", "T", 1) if "T" not in v and len(v) > 10 else v)
    except ValueError:
        return None
