"""Telegram Desktop JSON export (``result.json``), streamed with ijson.

Handles every layout seen in the wild:

* a single-chat export ``{"name", "type", "id", "messages": [...]}``;
* a full account export with ``chats.list[*]`` (and ``left_chats.list[*]``);
* a bare array of message objects (an excerpt of ``messages``).

Inside a message, ``text`` is a string or a list of strings and entity objects, and
``text_entities`` (newer exporters) is the same text as a flat list of entities; ``date`` is the
exporter's local time and ``date_unixtime`` (newer exporters) the truth, so the latter wins and the
former is read as UTC only when it is all there is (``meta["time_assumed_utc"]``); ``from_id`` is a
number (old) or ``"channel123"``/``"user123"`` (new).

Service messages are skipped and counted (``service``); posts with no text at all (a photo
without a caption) are skipped and counted (``empty``). An album (several media messages with the
same ``media_group_id``/``grouped_id``, or a second apart from the same sender with at most one
caption) becomes one document keyed by its first message, with ``meta["album"]`` listing the ids.

Keys: ``tg:<chat-id>:<message-id>``. A file that breaks off keeps every message before the break
and yields a :class:`BadRecord` naming the byte offset and the last message read. Invalid JSON
inside a one-chat export (or a bare array) loses only the broken message: reading resumes at the
next message that parses on its own (a full account export keeps what came before the error).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import ijson

from communique.documents import BadRecord, Document, dumps
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats
from communique.ingest.files import open_checked

log = logging.getLogger(__name__)

NAME = "telegram-json"

_MSG_PREFIXES = frozenset({"item", "messages.item", "chats.list.item.messages.item",
                           "left_chats.list.item.messages.item"})
_MSG_ARRAYS = frozenset({"", "messages", "chats.list.item.messages", "left_chats.list.item.messages"})
_CHAT_PREFIXES = frozenset({"chats.list.item", "left_chats.list.item"})
_CHAT_ATTRS = {}
for _p in ("", "chats.list.item", "left_chats.list.item"):
    for _k in ("name", "type", "id", "username"):
        _CHAT_ATTRS[f"{_p}.{_k}" if _p else _k] = _k

_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "location_information", "contact_information")
_SNIFF_TYPE = re.compile(rb'"type"\s*:\s*"(?:message|service|public_channel|private_channel|personal_chat|'
                         rb'private_group|public_supergroup|private_supergroup|saved_messages|bot_chat)"')
_SNIFF_KEYS = re.compile(rb'"(?:messages|date_unixtime|personal_information|chats|from_id|text_entities)"\s*:')
_DIGITS = re.compile(r"(\d+)$")

# the text entity types whose text is a link target, and the ones that carry one in "href"
_LINK_TYPES = {"link", "email"}
_HREF_TYPES = {"text_link"}


def sniff(path: Path, head: bytes) -> bool:
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body[:1] not in (b"{", b"["):
        return False
    # one JSON object per line is JSON Lines, not an export
    first_line = body.split(b"\n", 1)[0].strip()
    if first_line.startswith(b"{") and first_line.endswith(b"}") and b"\n{" in body:
        return False
    if b'"personal_information"' in body[:8192]:
        return True  # a full account export: its chats may start after a long contact list
    return bool(_SNIFF_TYPE.search(body) and _SNIFF_KEYS.search(body))


# -- reading --------------------------------------------------------------------------------

class _Chat:
    __slots__ = ("name", "type", "id", "username")

    def __init__(self) -> None:
        self.name: str | None = None
        self.type: str | None = None
        self.id: Any = None
        self.username: str | None = None


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    reader = open_checked(source, skip_bom=True)
    try:
        yield from _read_stream(reader, source, options, stats)
    finally:
        reader.close()


def _read_stream(reader, source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    album = _AlbumBuffer(source, options, stats)
    last_id: Any = None
    n_messages = 0
    layout, chat = _probe(source)
    if layout == "single":
        stream = _fast_messages(reader, "messages.item", chat)
    elif layout == "array":
        stream = _fast_messages(reader, "item", chat)
    else:
        stream = _general_messages(reader)
    try:
        for msg, msg_chat in stream:
            if msg is None:
                yield from album.flush()
                continue
            n_messages += 1
            if isinstance(msg, dict):
                last_id = msg.get("id", last_id)
            yield from album.add(msg, msg_chat, n_messages)
    except ijson.JSONError as exc:
        yield from album.flush()
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        after = f" after message {last_id}" if last_id is not None else ""
        if reader.offset == 0:
            raise IngestError("the file is empty", source=source, position="byte 0") from None
        if "EOF" in detail:
            msg = f"the export breaks off (truncated JSON){after}; {n_messages} message(s) read before the break were kept"
            position = f"byte {reader.offset}"
            yield BadRecord(source, position, msg, _tail(source, reader.offset))
            return
        # the parser reads 64 KB at a time: the error is within the last block read
        position = f"byte {max(0, reader.offset - 65536)}-{reader.offset}"
        if layout == "general":
            msg = f"invalid JSON ({detail}){after}; the messages before it were kept"
            yield BadRecord(source, position, msg, _tail(source, reader.offset))
            return
        # one chat (or a bare array): resume at the next message that parses on its own
        resynced = _resync(source, last_id)
        bad_found = False
        for msg, bad in resynced:
            if bad is not None:
                bad_found = True
                yield from album.flush()
                yield bad
                continue
            n_messages += 1
            yield from album.add(msg, chat, n_messages)
        if not bad_found:
            yield BadRecord(source, position, f"invalid JSON ({detail}){after} between messages; "
                            f"{resynced.recovered} message(s) after it were recovered", _tail(source, reader.offset))
    except IngestError as exc:  # wrong encoding from some byte on: keep what came before
        yield from album.flush()
        after = f" (after message {last_id})" if last_id is not None else ""
        yield BadRecord(source, (exc.position or "?") + after, exc.message)
        return
    yield from album.flush()


def _probe(source: str) -> tuple[str, _Chat]:
    """Look at the start of the file: ``single`` (one chat), ``array`` (bare messages) or ``general``.

    The first two are read with ijson's C item builder (fast); a full export, or anything
    unusual, goes through the general event loop that tracks which chat each message is in.
    """
    chat = _Chat()
    reader = open_checked(source, skip_bom=True)
    try:
        for prefix, event, value in ijson.parse(reader, use_float=True, buf_size=16384):
            if event == "start_map":
                if prefix == "messages.item":
                    return "single", chat
                if prefix == "item":
                    return "array", chat
                if prefix in _CHAT_PREFIXES:
                    return "general", chat
            elif prefix in _CHAT_ATTRS and event in ("string", "number", "integer", "double"):
                setattr(chat, _CHAT_ATTRS[prefix], value)
            elif event == "map_key" and prefix == "" and value in ("chats", "left_chats"):
                return "general", chat
            if reader.offset > 1 << 20:
                break
    except (ijson.JSONError, IngestError):
        pass
    finally:
        reader.close()
    return "general", chat


def _fast_messages(reader, prefix: str, chat: _Chat) -> Iterator[tuple[Any, _Chat]]:
    for msg in ijson.items(reader, prefix, use_float=True):
        yield msg, chat


def _general_messages(reader) -> Iterator[tuple[Any, _Chat | None]]:
    """Every message with its chat; ``(None, None)`` at the end of each chat's messages."""
    chat = _Chat()
    builder = None
    depth = 0
    for prefix, event, value in ijson.parse(reader, use_float=True):
        if builder is not None:
            builder.event(event, value)
            if event == "start_map" or event == "start_array":
                depth += 1
            elif event == "end_map" or event == "end_array":
                depth -= 1
                if depth == 0:
                    msg = builder.value
                    builder = None
                    yield msg, chat
            continue
        if event == "start_map":
            if prefix in _MSG_PREFIXES:
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
                depth = 1
            elif prefix in _CHAT_PREFIXES:
                yield None, None
                chat = _Chat()
        elif event == "end_array":
            if prefix in _MSG_ARRAYS:
                yield None, None
        elif prefix in _CHAT_ATTRS and event in ("string", "number", "integer", "double"):
            setattr(chat, _CHAT_ATTRS[prefix], value)


# the start of a message object as Telegram Desktop writes it: "id" is its first key
_MESSAGE_START = re.compile(rb'\{\s*"id"\s*:\s*(-?\d+)\s*,')


class _Resync:
    """After invalid JSON inside a chat's messages: every later message that parses on its own.

    Telegram Desktop writes each message as an object whose first key is ``"id"`` and numbers messages in ascending order, so the file is cut at those starts and each piece
    after the last message read is decoded alone. Yields ``(message, None)`` for each piece that
    parses and ``(None, BadRecord)`` naming the byte offset and message id of each that does not.
    """

    def __init__(self, source: str, after_id: Any) -> None:
        self.source = source
        self.after_id = after_id
        self.recovered = 0

    def __iter__(self) -> Iterator[tuple[Any, BadRecord | None]]:
        import json
        import mmap

        decoder = json.JSONDecoder()
        after = self.after_id if isinstance(self.after_id, int) else None
        with open(self.source, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            starts = [(m.start(), int(m.group(1))) for m in _MESSAGE_START.finditer(mm)]
            if after is not None:
                starts = [s for s in starts if s[1] > after]
            for i, (begin, msg_id) in enumerate(starts):
                end = starts[i + 1][0] if i + 1 < len(starts) else len(mm)
                try:
                    msg, _ = decoder.raw_decode(mm[begin:end].decode("utf-8"))
                except (UnicodeDecodeError, ValueError) as exc:
                    yield None, BadRecord(self.source, f"byte {begin} (message {msg_id})",
                                          f"message {msg_id} is not valid JSON ({str(exc).splitlines()[0]}); skipped, "
                                          "the messages after it were read", mm[begin:min(end, begin + 2000)]
                                          .decode("utf-8", errors="replace"))
                    continue
                self.recovered += 1
                yield msg, None


def _resync(source: str, after_id: Any) -> _Resync:
    return _Resync(source, after_id)


def _tail(source: str, offset: int, size: int = 400) -> str:
    try:
        with open(source, "rb") as fh:
            fh.seek(max(0, offset - size))
            return fh.read(size).decode("utf-8", errors="replace")
    except OSError:
        return ""


# -- albums ---------------------------------------------------------------------------------

class _AlbumBuffer:
    """Holds back media messages until it is clear whether the next one continues their album."""

    def __init__(self, source: str, options: ReadOptions, stats: ReadStats) -> None:
        self.source = source
        self.options = options
        self.stats = stats
        self.group: list[dict] = []
        self.chat: _Chat | None = None

    def add(self, msg: Any, chat: _Chat, index: int) -> Iterator[Item]:
        if not isinstance(msg, dict):
            yield from self.flush()
            yield BadRecord(self.source, f"message #{index}", "a message must be a JSON object", dumps(msg)[:2000])
            return
        if msg.get("type", "message") != "message":
            kind = msg.get("type")
            self.stats.skip("service" if kind in (None, "service") else f"type:{kind}")
            return
        try:
            t = _unixtime(msg)
        except (ValueError, TypeError, OverflowError) as exc:
            yield from self.flush()
            yield BadRecord(self.source, f"message {msg.get('id', '#' + str(index))}", f"bad date: {exc}",
                            dumps(msg)[:2000])
            return
        msg["_t"] = t
        if self.group and (self.chat is not chat or not _continues(self.group, msg)):
            yield from self.flush()
        if _has_media(msg):
            self.group.append(msg)
            self.chat = chat
            return
        yield from self._emit([msg], chat)

    def flush(self) -> Iterator[Item]:
        if self.group:
            group, self.group = self.group, []
            yield from self._emit(group, self.chat or _Chat())

    def _emit(self, group: list[dict], chat: _Chat) -> Iterator[Item]:
        try:
            doc = messages_to_document(group, chat, self.options)
        except (ValueError, TypeError, KeyError, OverflowError) as exc:
            first = group[0]
            for m in group:
                m.pop("_t", None)
            yield BadRecord(self.source, f"message {first.get('id', '?')}", f"{type(exc).__name__}: {exc}",
                            dumps(first)[:2000])
            return
        if doc is None:
            self.stats.skip("empty")
            return
        since = self.options.since
        if since is not None and doc.published is not None and doc.published < since:
            self.stats.skip("before-since")
            return
        yield doc


def _has_media(msg: dict) -> bool:
    return any(k in msg for k in _MEDIA_KEYS)


def _media_kind(msg: dict) -> str:
    if msg.get("media_type"):
        return str(msg["media_type"])
    return next(k for k in _MEDIA_KEYS if k in msg)


def _group_id(msg: dict) -> Any:
    return msg.get("media_group_id", msg.get("grouped_id"))


def _continues(group: list[dict], msg: dict) -> bool:
    """Does ``msg`` belong to the album in ``group``?"""
    if not _has_media(msg):
        return False
    last = group[-1]
    gid, lgid = _group_id(msg), _group_id(last)
    if gid is not None or lgid is not None:
        return gid is not None and gid == lgid
    if msg.get("from_id") != last.get("from_id"):
        return False
    if msg["_t"] is None or last["_t"] is None or abs(msg["_t"] - last["_t"]) > 1:
        return False
    if msg.get("forwarded_from") != last.get("forwarded_from"):
        return False
    # one caption per album: a second captioned message starts a new post
    return not (_plain_text(msg) and any(_plain_text(m) for m in group))


# -- one message (or album) -> Document -------------------------------------------------------

def _unixtime(msg: dict) -> int | None:
    ut = msg.get("date_unixtime")
    if ut not in (None, ""):
        return int(ut)
    d = msg.get("date")
    if d:
        return int(datetime.fromisoformat(str(d)).replace(tzinfo=timezone.utc).timestamp())
    return None


def _plain_text(msg: dict) -> str:
    ents = msg.get("text_entities")
    if isinstance(ents, list) and ents:
        return "".join(e.get("text", "") if isinstance(e, dict) else str(e) for e in ents)
    text = msg.get("text")
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text)
    return ""


def _entities(msg: dict) -> list:
    ents = msg.get("text_entities")
    if isinstance(ents, list) and ents:
        return ents
    text = msg.get("text")
    return [p for p in text if isinstance(p, dict)] if isinstance(text, list) else []


def _iso_from(unixtime: Any, local: Any) -> str | None:
    if unixtime not in (None, ""):
        return datetime.fromtimestamp(int(unixtime), timezone.utc).isoformat()
    if local:
        return datetime.fromisoformat(str(local)).replace(tzinfo=timezone.utc).isoformat()
    return None


def chat_id_of(chat: _Chat, msg: dict) -> str:
    if chat.id not in (None, ""):
        return str(chat.id)
    from_id = msg.get("from_id")
    if isinstance(from_id, (int, float)):
        return str(int(from_id))
    if isinstance(from_id, str):
        m = _DIGITS.search(from_id)
        if m:
            return m.group(1)
    return "unknown"


def messages_to_document(group: list[dict], chat: _Chat, options: ReadOptions) -> Document | None:
    """One post (a message, or the messages of an album) as a Document; None when it has no text."""
    first = group[0]
    captioned = next((m for m in group if _plain_text(m)), first)
    text = _plain_text(captioned)
    meta: dict[str, Any] = {}
    poll = captioned.get("poll")
    if not text and isinstance(poll, dict):
        answers = [str(a.get("text", "")) for a in poll.get("answers") or [] if isinstance(a, dict)]
        text = "\n".join([str(poll.get("question", ""))] + answers)
        meta["poll"] = {"question": poll.get("question"), "answers": answers, "closed": poll.get("closed"),
                        "total_voters": poll.get("total_voters")}
    if not text.strip():
        for m in group:
            m.pop("_t", None)
        return None
    msg_id = first.get("id")
    if msg_id is None:
        raise KeyError("the message has no 'id'")
    t = first.get("_t")
    published = datetime.fromtimestamp(t, timezone.utc) if t is not None else None
    if t is not None and first.get("date_unixtime") in (None, ""):
        meta["time_assumed_utc"] = True  # only the exporter's local time was there
    if first.get("from") is not None:
        meta["from"] = first.get("from")
    if first.get("from_id") is not None:
        meta["from_id"] = first.get("from_id")
    if captioned.get("reply_to_message_id") is not None:
        meta["reply_to"] = captioned["reply_to_message_id"]
    if captioned.get("reply_to_peer_id") is not None:
        meta["reply_to_peer"] = captioned["reply_to_peer_id"]
    edited = _iso_from(captioned.get("edited_unixtime"), captioned.get("edited"))
    if edited:
        meta["edited"] = edited
    for key in ("views", "forwards"):
        if captioned.get(key) is not None:
            meta[key] = captioned[key]
    fwd = captioned.get("forwarded_from") or captioned.get("saved_from")
    if fwd is not None or "forwarded_from" in captioned:
        meta["forwarded"] = True
        meta["forwarded_from"] = fwd
    if captioned.get("forwarded_from_id") is not None:
        meta["forwarded_from_id"] = captioned["forwarded_from_id"]
    if captioned.get("author"):
        meta["author"] = captioned["author"]  # a channel post's signature
    if captioned.get("via_bot"):
        meta["via_bot"] = captioned["via_bot"]
    reactions = captioned.get("reactions")
    if isinstance(reactions, list) and reactions:
        meta["reactions"] = sum(int(r.get("count") or 0) for r in reactions if isinstance(r, dict))
    links = []
    for e in _entities(captioned):
        if not isinstance(e, dict):
            continue
        kind = e.get("type")
        if kind in _LINK_TYPES and e.get("text"):
            links.append(e["text"])
        elif kind in _HREF_TYPES and e.get("href"):
            links.append(e["href"])
    if links:
        meta["links"] = links
    media = [_media_kind(m) for m in group if _has_media(m)]
    if media:
        meta["media"] = media
    if len(group) > 1:
        meta["album"] = [m.get("id") for m in group]
    if captioned.get("media_group_id") is not None:
        meta["media_group_id"] = captioned["media_group_id"]
    for m in group:
        m.pop("_t", None)
    chat_id = chat_id_of(chat, first) if chat.id not in (None, "") or not options.chat_id else options.chat_id
    channel = options.source_name or chat.name or first.get("from")
    if chat.type:
        meta["chat_type"] = chat.type
    url = f"https://t.me/{chat.username}/{msg_id}" if chat.username else None
    return Document(id=f"tg:{chat_id}:{msg_id}", text=text, source=NAME, channel=channel, url=url,
                    published=published, lang=None, title=None, meta=meta)
