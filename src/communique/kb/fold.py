"""Length-preserving case and accent folding: one character in, one character out.

Folded text has exactly the length of its input, so offsets found in folded text are offsets
in the normalised text (and through ``NormText.to_original`` in the document).
"""

from __future__ import annotations

import codecs
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


def _fold_table(text: str) -> str:
    """``fold`` by ``str.translate`` with the tables (the reference path)."""
    if _OUTSIDE.search(text) is None:
        return text.translate(_PLAIN)
    return text.translate(_TABLE)


# Latin-1 text (s12 round three): ``str.translate`` looks every character of a non-ASCII text up in a dict
# (about 360 instructions a character under callgrind); a text whose characters are all below 256 is encoded
# as Latin-1 and its bytes translated through a 256-byte table (their folds are below 256 too: checked at import),
# a few instructions a character. A text with a few wider characters ("„Zitat“", "–", "Łódź") takes the same
# path when each of them folds to ASCII: the encoder's error handler gives their folds, which the table keeps as
# they are (an ASCII fold that is not its own fold, such as the "`" of U+1FEF, sends the text to the translation). Anything else (Cyrillic, Greek) is translated.
_L1_BYTES = bytes(_PLAIN[c] for c in range(256)) if all(_PLAIN[c] < 256 for c in range(256)) else None
_MOVED = frozenset(chr(c) for c in range(128) if _PLAIN[c] != c)  # ASCII characters the fold changes (A-Z, "`")
_WIDE = re.compile(r"[^\x00-\xff]")
_SHORT = 24  # a shorter text is translated: the three calls of the byte path cost more than they save there


class _NotAscii(Exception):
    pass


def _ascii_folds(exc: UnicodeError) -> tuple[str, int]:
    """Error handler of the Latin-1 encoding in ``fold``: the folds of the characters it cannot encode, when
    they are ASCII (else the text is translated instead)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = exc.object[exc.start:exc.end].translate(_TABLE)
    if not out.isascii() or not _MOVED.isdisjoint(out):
        raise _NotAscii
    return out, exc.end


codecs.register_error("communique.fold", _ascii_folds)


def fold(text: str) -> str:
    """Lower-case, strip accents (é->e, ä->a, ё->е; й and ß kept), unify quotes and dashes."""
    if len(text) < _SHORT or _L1_BYTES is None:
        return _fold_table(text)
    wide = _WIDE.search(text)
    if wide is None:
        return text.encode("latin-1").translate(_L1_BYTES).decode("latin-1")
    if _TABLE[ord(wide.group())] < 128:  # the first wide character folds to ASCII (not Cyrillic): worth trying
        try:
            return text.encode("latin-1", "communique.fold").translate(_L1_BYTES).decode("latin-1")
        except _NotAscii:
            pass
    return _fold_table(text)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()
