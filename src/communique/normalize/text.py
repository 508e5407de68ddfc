"""Unicode repair (ftfy), NFC and whitespace normalisation with an exact offset map."""

from __future__ import annotations

import difflib
import re
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
    segments = _repair_segments(original) if ftfy.badness.is_bad(original) else None
    changed = segments is not None and any(seg is not fixed and seg != fixed for seg, fixed, _ in segments)
    if not changed and unicodedata.is_normalized("NFC", original) and not _needs_cleanup(original):
        return NormText(original, original)

    pieces: list[tuple[str, int, int]] = []  # (normalised piece, original start, original end)
    if changed:
        assert segments is not None
        base: list[tuple[str, int, int]] = []
        for seg, fixed, offset in segments:
            if seg == fixed:
                base.extend((ch, offset + k, offset + k + 1) for k, ch in enumerate(seg))
            else:
                _align(seg, fixed, offset, base)
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


# Above this many character pairs, the changed middle of a segment is aligned by the windowed
# aligner (_anchored_opcodes) instead of one difflib (whose cost grows with the product of the lengths).
_DIFFLIB_BUDGET = 4_000_000
# Resynchronisation (_sync): how far ahead to look for the next agreeing stretch.
_SYNC_REACH = 40
# Long changed stretches: difflib window, and the length of an equal block trusted as an anchor.
_WINDOW = 256
_ANCHOR_LEN = 8
_SYNC_SLACK = 3


def _repair_segments(original: str) -> list[tuple[str, str, int]]:
    """Run ftfy exactly as ``ftfy.fix_text(original, normalization="NFC")`` does, keeping its segments.

    ``fix_text`` repairs line by line (a segment ends after each ``\\n``, or at
    ``max_decode_length``), and turns HTML unescaping off for good once a segment contains
    ``<``. Replaying that loop gives the same repaired text, segment by segment, so the
    alignment can be made per segment: linear in the document, not quadratic.
    Returns ``(original segment, repaired segment, offset of the segment in original)``.
    """
    config = ftfy.TextFixerConfig(explain=False, normalization="NFC")
    out: list[tuple[str, str, int]] = []
    pos = 0
    n = len(original)
    while pos < n:
        textbreak = original.find("\n", pos) + 1
        if textbreak == 0:
            textbreak = n
        if textbreak - pos > config.max_decode_length:
            textbreak = pos + config.max_decode_length
        segment = original[pos:textbreak]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        fixed, _ = ftfy.fix_and_explain(segment, config)
        out.append((segment, fixed, pos))
        pos = textbreak
    return out


# after each space or tab: words with the space that ends them (a no-break space may be the second byte of a
# mojibake letter, "Ã\xa0" for "à", so it splits nothing)
_SPACE_END = re.compile(r"(?<=[ \t])(?=.)", re.S)


def _align(a: str, b: str, offset: int, pieces: list[tuple[str, int, int]]) -> None:
    """Append pieces mapping repaired segment ``b`` onto original segment ``a`` (at ``offset``).

    Equal characters map one to one; a replaced or inserted stretch of ``b`` maps as one piece
    to the original stretch it replaces; deleted original characters produce nothing.
    """
    # Common prefix and suffix are equal characters; only the middle needs an alignment (difflib on a
    # whole line could match a repaired word with a copy of it later on the line: "GrÃ¼Ã\x9fe Grüße").
    lo = 0
    top = min(len(a), len(b))
    while lo < top and a[lo] == b[lo]:
        lo += 1
    hi_a, hi_b = len(a), len(b)
    while hi_a > lo and hi_b > lo and a[hi_a - 1] == b[hi_b - 1]:
        hi_a -= 1
        hi_b -= 1
    pieces.extend((b[k], offset + k, offset + k + 1) for k in range(lo))
    mid_a, mid_b = a[lo:hi_a], b[lo:hi_b]
    base = offset + lo
    words_a, words_b = _SPACE_END.split(mid_a), _SPACE_END.split(mid_b)
    if len(words_a) == len(words_b) > 1:
        # the repair kept every space: align word with word, each with the space after it ("AuÃ\x9fenminister
        # Außenminister": difflib on the whole stretch matched a repaired word with the next, clean, copy of it)
        ka = 0
        for wa, wb in zip(words_a, words_b):
            _align_middle(wa, wb, base + ka, pieces)
            ka += len(wa)
    else:
        _align_middle(mid_a, mid_b, base, pieces)
    tail_a = hi_a
    pieces.extend((b[hi_b + k], offset + tail_a + k, offset + tail_a + k + 1) for k in range(len(b) - hi_b))


def _align_middle(mid_a: str, mid_b: str, base: int, pieces: list[tuple[str, int, int]]) -> None:
    """Pieces mapping ``mid_b`` onto ``mid_a`` (at ``base``) by difflib, or the windowed aligner when long."""
    if mid_a == mid_b:
        pieces.extend((ch, base + k, base + k + 1) for k, ch in enumerate(mid_b))
        return
    if len(mid_a) * len(mid_b) <= _DIFFLIB_BUDGET:
        opcodes = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes()
    else:
        opcodes = _anchored_opcodes(mid_a, mid_b)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pieces.extend((mid_b[j1 + k], base + i1 + k, base + i1 + k + 1) for k in range(i2 - i1))
        elif j2 > j1:
            pieces.append((mid_b[j1:j2], base + i1, base + max(i2, i1)))


def _anchored_opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Linear alignment of long strings: difflib inside a sliding window.

    Equal stretches are skipped directly. At a mismatch, difflib aligns the next
    ``_WINDOW`` characters of each string; its opcodes are kept up to the last equal block of at
    least ``_ANCHOR_LEN`` characters (an anchor: the alignment beyond it could be cut by the
    window's edge), and the walk resumes there. Where the window has no anchor (dense
    mojibake, where only spaces survive), :func:`_sync` closes the changed stretch instead.
    """
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        if a[i] == b[j]:
            i0, j0 = i, j
            while i < na and j < nb and a[i] == b[j]:
                i += 1
                j += 1
            ops.append(("equal", i0, i, j0, j))
            continue
        wa, wb = min(na, i + _WINDOW), min(nb, j + _WINDOW)
        sub = difflib.SequenceMatcher(None, a[i:wa], b[j:wb], autojunk=False).get_opcodes()
        if wa == na and wb == nb:
            cut = len(sub) - 1
        else:
            cut = -1
            for k, (tag, i1, i2, _j1, _j2) in enumerate(sub):
                if tag == "equal" and i2 - i1 >= _ANCHOR_LEN:
                    cut = k
        if cut < 0:
            ia, jb = _sync(a, b, i, j)
            ops.append(("replace", i, ia, j, jb))
            i, j = ia, jb
            continue
        ops.extend((tag, i + i1, i + i2, j + j1, j + j2) for tag, i1, i2, j1, j2 in sub[:cut + 1])
        i, j = i + sub[cut][2], j + sub[cut][4]
    if i < na or j < nb:
        ops.append(("replace", i, na, j, nb))
    return ops


def _find_sync(a: str, b: str, i: int, j: int, length: int, reach: int) -> tuple[int, int] | None:
    """Nearest ``(ia, jb)`` (smallest total skip, each at most ``reach``) where ``length``
    characters agree, or where both strings end."""
    na, nb = len(a), len(b)
    found: tuple[int, int] | None = None
    if na - i <= reach and nb - j <= reach:
        found = (na, nb)
    for da in range(0, min(reach, na - i - length) + 1):
        if found is not None and da >= found[0] - i + found[1] - j:
            break
        ia = i + da
        jb = b.find(a[ia:ia + length], j, min(nb, j + reach + length))
        if jb < 0:
            continue
        if found is None or da + jb - j < found[0] - i + found[1] - j:
            found = (ia, jb)
    return found


def _sync(a: str, b: str, i: int, j: int) -> tuple[int, int]:
    """The nearest resynchronisation point after a mismatch at ``a[i]``, ``b[j]``.

    A two-character agreement is preferred unless a one-character one (a space between two
    Cyrillic mojibake words, say) is more than ``_SYNC_SLACK`` skips nearer.
    """
    long_ = _find_sync(a, b, i, j, 2, _SYNC_REACH)
    short = _find_sync(a, b, i, j, 1, _SYNC_REACH)
    if long_ is None:
        return short or (len(a), len(b))
    if short is not None and (short[0] + short[1]) + _SYNC_SLACK < (long_[0] + long_[1]):
        return short
    return long_


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
