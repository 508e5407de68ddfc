"""JSON Lines: one document per line, ``{"id", "text", "published", "lang", "url", "title", ...}``.

Only ``text`` is required; a missing ``id`` becomes ``file:<sha256 of the text>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from communique.documents import BadRecord, Document, file_key, parse_datetime
from communique.ingest.base import Item, ReadOptions, ReadStats
from communique.ingest.files import open_text

NAME = "jsonl"
_KNOWN = {"id", "text", "published", "lang", "url", "title", "channel", "source"}


def sniff(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return True
    first = head.lstrip()[:1]
    if first != b"{":
        return False
    line = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    with open_text(source) as fh:
        yield from read_lines(fh, source, options, stats)


def read_lines(fh: IO[str], source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a line must be a JSON object")
            yield record_to_document(obj, options)
        except (ValueError, KeyError, TypeError) as exc:
            yield BadRecord(source, f"line {lineno}", f"{type(exc).__name__}: {exc}", line[:2000])


def record_to_document(obj: dict, options: ReadOptions | None = None) -> Document:
    text = obj.get("text")
    if not isinstance(text, str):
        raise KeyError("'text' is missing or not a string")
    published = obj.get("published")
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    return Document(
        id=str(obj.get("id") or file_key(text)),
        text=text,
        source=str(obj.get("source") or NAME),
        channel=obj.get("channel") or (options.source_name if options else None),
        url=obj.get("url"),
        published=parse_datetime(published) if published else None,
        lang=obj.get("lang") or (options.lang if options else None),
        title=obj.get("title"),
        meta=meta,
    )
