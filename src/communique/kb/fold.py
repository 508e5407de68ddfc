"""Length-preserving case and accent folding: one character in, one character out.

Folded text has exactly the length of its input, so offsets found in folded text are offsets
in the normalised text (and through ``NormText.to_original`` in the document).
"""

from __future__ import annotations

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


def fold(text: str) -> str:
    """Lower-case, strip accents (é->e, ä->a, ё->е; й and ß kept), unify quotes and dashes."""
    return text.translate(_TABLE)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()
