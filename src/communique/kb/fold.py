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


_MEMO: dict[str, str] = {}  # short texts (words, names) -> their folds: the passes fold the same words again and again
_MEMO_LEN = 64
_MEMO_MAX = 65536  # entries; cleared when full


def fold(text: str) -> str:
    """Lower-case, strip accents (é->e, ä->a, ё->е; й and ß kept), unify quotes and dashes."""
    hit = _MEMO.get(text)
    if hit is not None:
        return hit
    # s20 (kb20): a word opening with a Latin-1 character (a comparison: no one-character string made) is lowered
    # if it is ASCII (its fold, "`" apart: checked at import), else it takes fold_text's byte path ("Österreich":
    # the dict translation costs ~360 instructions a character); the rest (Cyrillic words) as before, where the
    # byte path would only fail
    if text < "\u0100":
        out = text.lower().replace("`", "'") if text.isascii() else fold_text(text)
    else:
        out = text.translate(_PLAIN) if _OUTSIDE.search(text) is None else text.translate(_TABLE)
    if len(text) <= _MEMO_LEN:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        _MEMO[text] = out
    return out


# fold_text, for Latin-1 text (s12 round three): ``str.translate`` looks every character of a non-ASCII text up in a dict
# (about 360 instructions a character under callgrind). A text whose characters are all below 256 is encoded as
# Latin-1 and its bytes translated through a 256-byte table (the folds of those characters are below 256 too:
# checked at import), a few instructions a character. A text with a few wider characters that fold to ASCII
# ("„Zitat“", "–", "Łódź" has "ź" -> "z" but "Ł" -> "ł": not this one) takes the same path: the encoder's error
# handler gives their folds, which the byte table keeps as they are (an ASCII fold that the fold itself would
# change, such as the "`" of U+1FEF, is excluded). One regex search for any other character decides.
_L1_BYTES = bytes(_PLAIN[c] for c in range(256)) if all(_PLAIN[c] < 256 for c in range(256)) else None
_MOVED = frozenset(chr(c) for c in range(128) if _PLAIN[c] != c)  # ASCII characters the fold changes (A-Z, "`")
_EASY = [c for c in sorted(_PLAIN) if c >= 256 and _PLAIN[c] < 128 and chr(_PLAIN[c]) not in _MOVED]
_HARD = re.compile("[^\\x00-\\xff" + "".join(f"\\U{c:08x}" for c in _EASY) + "]")


class _Hard(Exception):
    """A character the Latin-1 byte path cannot fold (neither Latin-1 nor of ``_EASY``)."""


def _ascii_folds(exc: UnicodeError) -> tuple[str, int]:
    """Error handler of the Latin-1 encoding in ``fold_text``: the folds of the characters it cannot encode where
    they are all of ``_EASY`` (their folds are ASCII); else ``_Hard`` (the text takes another path)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    seg = exc.object[exc.start:exc.end]
    if _HARD.search(seg) is not None:
        raise _Hard
    return seg.translate(_PLAIN), exc.end


codecs.register_error("communique.fold", _ascii_folds)


def fold_text(text: str) -> str:
    """``fold(text)`` for a whole text (a document): the Latin-1 byte path where it applies. ``fold`` itself takes
    it for a word that opens with a Latin-1 character (s20), not for a Cyrillic one, which would only pay the test."""
    if _L1_BYTES is not None:
        # s18 (kb18): the characters beyond Latin-1 are tested where the encoder meets them (the error handler),
        # not by a search of the whole text first (~60 instructions a character: 4.5 M for 150,000)
        try:
            return text.encode("latin-1", "communique.fold").translate(_L1_BYTES).decode("latin-1")
        except _Hard:
            pass
    if _OUTSIDE.search(text) is None:
        return text.translate(_PLAIN)
    return text.translate(_TABLE)


# fold's ASCII path: the fold of an ASCII character is its lower case, but for "`"
if any(chr(_PLAIN[c]) != chr(c).lower().replace("`", "'") for c in range(128)):  # pragma: no cover
    raise AssertionError("fold: the ASCII fold is no longer str.lower")


def is_word_char(ch: str) -> bool:
    return ch.isalnum()
