"""Length-preserving case and accent folding: one character in, one character out.

Folded text has exactly the length of its input, so offsets found in folded text are offsets
in the normalised text (and through ``NormText.to_original`` in the document).
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = {
    "ё": "е", "Ё": "е", "й": "й", "Й": "й", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "«": '"', "»": '"', "„": '"',
    "“": '"', "”": '"', "İ": "i", "ẞ": "ß", "ß": "ß",
}


class _FoldTable(dict):
    def __missing__(self, code: int) -> int:
        ch = chr(code)
        out = _SPECIAL.get(ch)
        if out is None:
            low = ch.lower()
            if len(low) != 1:
                low = ch
            base = unicodedata.normalize("NFD", low)
            out = base[0] if base and not unicodedata.combining(base[0]) else low
            if len(out) != 1:
                out = low
        self[code] = ord(out)
        return self[code]


_TABLE = _FoldTable()

# The scripts news text is written in, folded once into a plain dict: ``str.translate`` looks every character
# up in its table, and a dict subclass (``_FoldTable``: it fills itself through ``__missing__``) answers each
# subscript through a generic Python-level slot, several times dearer than a plain dict's. A text with a
# character outside these ranges is translated with ``_TABLE`` itself (the same values).
_RANGES = ((0x0000, 0x0530), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x20A0, 0x20D0), (0x2100, 0x2150))
_OUTSIDE = re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b - 1:08x}" for a, b in _RANGES) + "]")
# filled whole at import (about 1,800 characters): a text is never translated with a part of it
_PLAIN: dict[int, int] = {c: _TABLE[c] for a, b in _RANGES for c in range(a, b)}


def fold(text: str) -> str:
    """Lower-case, strip accents (é->e, ä->a, ё->е; й and ß kept), unify quotes and dashes."""
    if _OUTSIDE.search(text) is None:
        return text.translate(_PLAIN)
    return text.translate(_TABLE)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()
