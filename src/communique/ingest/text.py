"""Plain text files: one document per file, the whole file as published.

Keys: ``file:<sha256 of the file's bytes>`` (the same file ingested twice is the same document).
The title is the first line when it is short and followed by a blank line (a headline). A
file that is not UTF-8 is an error naming the byte offset of the first bad byte.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from communique.documents import Document
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats
from communique.ingest.files import decode_utf8, read_bytes

NAME = "text"
_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}


def sniff(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in _SUFFIXES:
        return True
    # anything else without NUL bytes reads as text (a wrong encoding is then reported with its byte
    # offset), except JSON and markup that no other connector took: those are not prose
    if b"\x00" in head:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"[", b"<")


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    raw = read_bytes(source)
    if not raw.strip():
        raise IngestError("the file is empty", source=source, position="byte 0")
    text = decode_utf8(raw, source)
    lines = text.replace("\r\n", "\n").split("\n", 2)
    title = None
    if len(lines) >= 3 and 0 < len(lines[0].strip()) <= 200 and not lines[1].strip():
        title = lines[0].strip()
    yield Document(id="file:" + hashlib.sha256(raw).hexdigest(), text=text, source=NAME,
                   channel=options.source_name, title=title, lang=None,
                   meta={"file": Path(source).name})
