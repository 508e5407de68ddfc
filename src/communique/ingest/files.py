"""Opening inputs: text files with a clear error for a wrong encoding, URLs with retries."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import IO

from communique.errors import IngestError


def open_text(path: str | Path) -> IO[str]:
    """Open a UTF-8 text file (a BOM is accepted); a non-UTF-8 file raises naming the byte offset."""
    p = Path(path)
    try:
        raw = p.open("rb")
    except OSError as exc:
        raise IngestError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc
    return io.TextIOWrapper(_CheckedReader(raw, str(path)), encoding="utf-8-sig", newline="")


class _CheckedReader(io.RawIOBase):
    """Wraps a binary file so that invalid UTF-8 raises IngestError with the byte offset."""

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self._raw = raw
        self._name = name
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        try:
            self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}); convert the file to UTF-8",
                source=self._name, position=f"byte {self._offset + exc.start}",
            ) from None
        self._offset += len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()
