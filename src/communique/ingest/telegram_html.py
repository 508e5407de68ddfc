"""Telegram Desktop HTML export (``messages.html``, ``messages2.html``, ...; 1,000 messages a file).

Each ``div.message.default`` is a post; a ``joined`` one continues the previous sender's run and
has no ``from_name``, so the sender is carried over. The exact time is in the ``title`` attribute
of ``div.date`` (``03.12.2025 19:07:28 UTC+02:00``; older exporters leave out the offset, which is
then read as UTC and flagged ``meta["time_assumed_utc"]``). ``div.message.service`` blocks (date
dividers, joins, pins) are skipped and counted. Forwarded posts (``div.forwarded.body``) are flagged
with the original sender; replies keep the id they answer.

The HTML export has no chat id, so keys are ``tg:<chat>:<message-id>`` with ``<chat>`` the
``--chat-id`` given (then the keys equal those of a JSON export of the same chat), else the
``--source`` name, else the chat name in the page header, else the export folder's name
(spaces and punctuation as ``_``: ``tg:Embassy_Press_Office:10``).
A page without any message is an error naming the file.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import lxml.html

from communique.documents import BadRecord, Document
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats, wanted
from communique.ingest.files import decode_utf8, read_bytes

log = logging.getLogger(__name__)

NAME = "telegram-html"

_TITLE_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):?(\d{2}))?")
_MSG_ID = re.compile(r"^message(-?\d+)$")
_GOTO = re.compile(r"GoToMessage\((\d+)\)|go_to_message(\d+)")
_WS = re.compile(r"[ \t\r\n]+")
_SLUG = re.compile(r"[^\w.()-]+")
_BLOCK = {"div", "p", "blockquote", "pre", "li"}


def sniff(path: Path, head: bytes) -> bool:
    low = head[:65536].lower()
    if b"<html" not in low and b"<!doctype html" not in low and b"<div" not in low:
        return False
    return (b'class="history"' in low or b"class=\"message default" in low) and b"tgme_widget" not in low


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    html = decode_utf8(read_bytes(source), source)
    if not html.strip():
        raise IngestError("the file is empty", source=source, position="byte 0")
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise IngestError(f"not an HTML page ({exc})", source=source) from None
    chat = options.source_name or _chat_name(root) or Path(source).resolve().parent.name or "unknown"
    chat_key = options.chat_id or _SLUG.sub("_", chat).strip("_") or "unknown"
    messages = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " message ")]')
    if not messages:
        raise IngestError("no Telegram messages in this HTML page (is it a Telegram Desktop export?)",
                          source=source, position="file")
    sender: str | None = None
    n_posts = 0
    for div in messages:
        classes = set((div.get("class") or "").split())
        raw_id = div.get("id") or ""
        m = _MSG_ID.match(raw_id)
        if "service" in classes:
            stats.skip("date-divider" if m and m.group(1).startswith("-") else "service")
            continue
        if "default" not in classes:
            continue
        n_posts += 1
        if not m:
            yield BadRecord(source, f"message #{n_posts}", f"a message block without an id ({raw_id!r})",
                            _snippet(div))
            continue
        msg_id = int(m.group(1))
        body = _child(div, "body")
        if body is None:
            yield BadRecord(source, f"message {msg_id}", "a message block without a body", _snippet(div))
            continue
        from_name = _child(body, "from_name")
        if from_name is not None:
            sender = _clean(from_name.text_content())
        elif "joined" not in classes:
            sender = None
        try:
            doc = _to_document(div, body, msg_id, chat, chat_key, sender, options)
        except ValueError as exc:
            yield BadRecord(source, f"message {msg_id}", str(exc), _snippet(div))
            continue
        if not wanted(doc, options, stats):
            continue
        yield doc
    if n_posts == 0:
        raise IngestError("this HTML export page has no messages (only service blocks)", source=source,
                          position="file")


def _to_document(div, body, msg_id: int, chat: str, chat_key: str, sender: str | None,
                 options: ReadOptions) -> Document | None:
    meta: dict[str, Any] = {}
    date_div = _child(body, "date")
    published, assumed = parse_title_date(date_div.get("title") if date_div is not None else None)
    if published is None:
        raise ValueError("no date (expected a title attribute like '03.12.2025 19:07:28 UTC+02:00')")
    if assumed:
        meta["time_assumed_utc"] = True
    if sender:
        meta["from"] = sender
    text_div = _child(body, "text")
    fwd = _child(body, "forwarded", "body")
    if fwd is not None:
        meta["forwarded"] = True
        fname = _child(fwd, "from_name")
        if fname is not None:
            inner_date = fname.xpath('.//span[contains(@class, "date")]')
            if inner_date:
                orig, _ = parse_title_date(inner_date[0].get("title"))
                if orig:
                    meta["forwarded_date"] = orig.isoformat()
            meta["forwarded_from"] = _clean(_own_text(fname))
        if text_div is None:
            text_div = _child(fwd, "text")
    reply = _child(body, "reply_to")
    if reply is not None:
        for a in reply.iter("a"):
            g = _GOTO.search((a.get("onclick") or "") + " " + (a.get("href") or ""))
            if g:
                meta["reply_to"] = int(g.group(1) or g.group(2))
                break
    media = _child(body, "media_wrap")
    if media is not None:
        kinds = [c for a in media.iter("a", "div") for c in (a.get("class") or "").split()
                 if c.endswith("_wrap") and c not in ("media_wrap",)]
        meta["media"] = kinds[:1] or ["media"]
    text = html_text(text_div) if text_div is not None else ""
    links = [a.get("href") for a in text_div.iter("a")] if text_div is not None else []
    links = [h for h in links if h and h.startswith(("http://", "https://"))]
    if links:
        meta["links"] = links
    if not text.strip():
        return None
    return Document(id=f"tg:{chat_key}:{msg_id}", text=text, source=NAME, channel=chat, published=published, meta=meta)


def parse_title_date(title: str | None) -> tuple[datetime | None, bool]:
    """``03.12.2025 19:07:28 UTC+02:00`` -> aware UTC datetime; the flag says the offset was missing."""
    if not title:
        return None, False
    m = _TITLE_DATE.search(title)
    if not m:
        return None, False
    d, mo, y, h, mi, s = (int(x) for x in m.groups()[:6])
    dt = datetime(y, mo, d, h, mi, s)
    if m.group(7):
        off = timedelta(hours=int(m.group(8)), minutes=int(m.group(9)))
        tz = timezone(off if m.group(7) == "+" else -off)
        return dt.replace(tzinfo=tz).astimezone(timezone.utc), False
    return dt.replace(tzinfo=timezone.utc), True


def html_text(el) -> str:
    """The text of an element as a reader sees it: ``<br>`` and block ends are line breaks."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(_WS.sub(" ", node.text) if node.tag != "pre" else node.text)
        for child in node:
            if not isinstance(child.tag, str):  # comments, processing instructions
                if child.tail:
                    parts.append(_WS.sub(" ", child.tail))
                continue
            if child.tag == "br":
                parts.append("\n")
            else:
                walk(child)
                if child.tag in _BLOCK:
                    parts.append("\n")
            if child.tail:
                parts.append(_WS.sub(" ", child.tail))

    walk(el)
    lines = [ln.strip() for ln in "".join(parts).split("\n")]
    # drop the blank lines the exporter's indentation leaves at both ends, keep inner ones
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _child(el, *classes: str):
    """The first child element that has every one of ``classes``."""
    for c in el:
        if isinstance(c.tag, str):
            have = (c.get("class") or "").split()
            if all(k in have for k in classes):
                return c
    return None


def _own_text(el) -> str:
    """Text of an element without its child elements' text (the sender name before the date span)."""
    parts = [el.text or ""]
    for c in el:
        if "date" not in (c.get("class") or ""):
            parts.append(c.text_content())
        parts.append(c.tail or "")
    return "".join(parts)


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _chat_name(root) -> str | None:
    hits = root.xpath('//div[contains(@class, "page_header")]//div[contains(@class, "text") and contains(@class, "bold")]')
    if hits:
        name = _clean(hits[0].text_content())
        return name or None
    return None


def _snippet(el) -> str:
    return lxml.html.tostring(el, encoding="unicode")[:2000]
