"""Unicode repair (ftfy), NFC and whitespace normalisation with an exact offset map."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

import ftfy
import ftfy.badness

# Characters removed for matching (soft hyphen, zero-width space/joiners, BOM, word joiner).
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Characters replaced by a plain space (no-break and typographic spaces).
_SPACE = frozenset("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000")


@dataclass(slots=True)
class NormText:
    """Normalised text plus a map back to the original.

    ``starts[i]`` is the original offset where normalised character ``i`` comes from and
    ``ends[i]`` the original offset just after it. ``None`` maps mean the identity.
    """

    original: str
    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    @property
    def is_identity(self) -> bool:
        return self.starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def normalize(original: str) -> NormText:
    """Repair mojibake, compose to NFC, unify spaces and drop invisible characters.

    The result keeps a character map so spans found in ``text`` map back to ``original``.
    """
    repaired = original
    if ftfy.badness.is_bad(original):
        repaired = ftfy.fix_text(original, normalization="NFC")
    if repaired == original and unicodedata.is_normalized("NFC", original) and not _needs_cleanup(original):
        return NormText(original, original)

    pieces: list[tuple[str, int, int]] = []  # (normalised piece, original start, original end)
    if repaired != original:
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, repaired, autojunk=False).get_opcodes():
            if tag == "equal":
                pieces.extend((repaired[j1 + k], i1 + k, i1 + k + 1) for k in range(i2 - i1))
            elif j2 > j1:
                pieces.append((repaired[j1:j2], i1, max(i2, i1)))
        base = pieces
        pieces = []
        for piece, s, e in base:
            pieces.extend(_nfc_pieces(piece, s, e))
    else:
        pieces = _nfc_pieces_of(original)

    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for piece, s, e in pieces:
        for ch in piece:
            if ch in _DROP:
                continue
            out.append(" " if ch in _SPACE else ch)
            starts.append(s)
            ends.append(e)
    return NormText(original, "".join(out), starts, ends)


def _needs_cleanup(text: str) -> bool:
    return any(ch in _DROP or ch in _SPACE for ch in text)


def _nfc_pieces_of(text: str) -> list[tuple[str, int, int]]:
    """Split into clusters (a starter and its combining marks), each NFC-composed, with offsets."""
    pieces: list[tuple[str, int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if j - i == 1:
            pieces.append((cluster, i, j))
        else:
            pieces.append((unicodedata.normalize("NFC", cluster), i, j))
        i = j
    # NFC of a single character can still change it (singleton decompositions): handle per piece.
    return [(unicodedata.normalize("NFC", p) if len(p) == 1 else p, s, e) for p, s, e in pieces]


def _nfc_pieces(piece: str, s: int, e: int) -> list[tuple[str, int, int]]:
    if len(piece) == 1 and e - s == 1:
        return [(unicodedata.normalize("NFC", piece), s, e)]
    return [(unicodedata.normalize("NFC", piece), s, e)]
