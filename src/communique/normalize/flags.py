"""Flag emoji (regional-indicator pairs) to ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import regex

_FLAG = regex.compile(r"[\U0001F1E6-\U0001F1FF]{2}")


def find_flags(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, country code) for every flag, e.g. ``🇷🇺🇧🇾`` -> RU, BY."""
    out = []
    for m in _FLAG.finditer(text):
        code = "".join(chr(ord(c) - 0x1F1E6 + 65) for c in m.group())
        out.append((m.start(), m.end(), code))
    return out
