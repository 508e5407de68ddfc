"""Opening inputs: text files with a clear error for a wrong encoding, byte streams that count offsets."""

from __future__ import annotations

import codecs
import hashlib
import io
from pathlib import Path
from typing import IO

from communique.errors import IngestError

BOM = codecs.BOM_UTF8


def open_text(path: str | Path) -> IO[str]:
    """Open a UTF-8 text file (a BOM is accepted); a non-UTF-8 file raises naming the byte offset."""
    return io.TextIOWrapper(open_checked(path), encoding="utf-8-sig", newline="")


def open_checked(path: str | Path, *, skip_bom: bool = False) -> "CheckedReader":
    """A binary reader of a UTF-8 file that raises :class:`IngestError` with the byte offset of bad bytes.

    ``offset`` tells how many bytes have been handed out so far (for error positions).
    """
    p = Path(path)
    try:
        raw = p.open("rb")
    except OSError as exc:
        raise IngestError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc
    reader = CheckedReader(raw, str(path))
    if skip_bom:
        head = raw.read(3)
        if head != BOM:
            raw.seek(0)
        else:
            reader.offset = 3
    return reader


def read_checked(path: str | Path) -> str:
    """The whole of a (small) UTF-8 file as text; a wrong encoding raises naming the byte offset."""
    with open_text(path) as fh:
        return fh.read()


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc


def decode_utf8(data: bytes, source: str) -> str:
    """Decode UTF-8 (BOM accepted) or raise naming the byte offset of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}); convert the file to UTF-8",
            source=source, position=f"byte {exc.start}",
        ) from None


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class CheckedReader(io.RawIOBase):
    """Wraps a binary file so that invalid UTF-8 raises IngestError with the byte offset."""

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self._raw = raw
        self._name = name
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._error: IngestError | None = None
        self.offset = 0

    def readable(self) -> bool:
        return True

    def _check(self, data: bytes) -> bytes:
        """``data`` if it is valid UTF-8 so far; on a bad byte, the complete lines before it (the error
        is raised on the next read, so that a line-by-line reader keeps every line before the bad one)."""
        if self._error is not None:
            raise self._error
        pending = len(self._decoder.getstate()[0])
        try:
            self._decoder.decode(data, final=not data)
            return data
        except UnicodeDecodeError as exc:
            bad = max(0, exc.start - pending)
            value = data[bad] if bad < len(data) else 0
            self._error = IngestError(
                f"not UTF-8 text (invalid byte 0x{value:02x}); convert the file to UTF-8",
                source=self._name, position=f"byte {self.offset + bad}",
            )
            cut = data.rfind(b"\n", 0, bad) + 1
            if cut == 0:
                raise self._error from None
            self._decoder = codecs.getincrementaldecoder("utf-8")()
            return data[:cut]

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self._check(self._raw.read(len(b)))
        self.offset += len(data)
        b[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        data = self._check(self._raw.read(size))
        self.offset += len(data)
        return data

    def close(self) -> None:
        self._raw.close()
        super().close()


# kept for code that imported the old private name
_CheckedReader = CheckedReader
