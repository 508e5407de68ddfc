"""The line-by-line repair and alignment agree with the former whole-document difflib alignment."""

import time
import unicodedata
from unittest import mock

import ftfy
from hypothesis import example, given, settings, strategies as st

from communique.normalize import normalize
from communique.normalize import text as text_module
from communique.normalize.text import _DROP, _SPACE, _anchored_opcodes

from _old_normalize_ref import normalize as old_normalize  # the pre-s10 implementation, verbatim

_WORDS = ["Außenminister", "Grüße", "Gespräch", "Lawrow", "Лавров", "встреча", "déjà", "naïve", "São",
          "Zürich", "über", "the", "talks", "on", "Monday", "2026", "№5", "—", "€12", "and", "с", "по"]


def _mojibake(word: str, codec: str) -> str:
    """UTF-8 read as Latin-1 or Windows-1252 (Latin-1 where cp1252 has no character for a byte)."""
    data = word.encode("utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode("latin-1")


_token = st.one_of(
    st.sampled_from(_WORDS),
    st.builds(_mojibake, st.sampled_from(_WORDS), st.sampled_from(["latin-1", "cp1252"])),
    st.sampled_from(["\u201cquoted\u201d", "\u2018x\u2019", "\u00a0", "\u00ad", "\u200b", "\u200d", "\ufeff",
                     "\u2009", "\x07", "\x1b[31m", "\x85", "e\u0301", "a\u0308", "&amp;", "&lt;b&gt;", "ﬁ",
                     "Ａ", "<", ".", ",", "!"]),
)
_line = st.lists(_token, max_size=12).map(" ".join)
_doc = st.tuples(st.lists(_line, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n", "\n\n", "\r"])).map(
    lambda t: t[1].join(t[0]))


def _clean(text: str) -> str:
    return "".join(" " if c in _SPACE else c for c in unicodedata.normalize("NFC", text) if c not in _DROP)


def _acceptable(normalised: str, original: str, new: tuple[int, int], old: tuple[int, int]) -> bool:
    """Where the old whole-document alignment was ambiguous (difflib picked one of several
    equally good matches, sometimes across lines), the new span must cover original text that
    repairs to the normalised span on its own, or hold the old span (a coarser replaced stretch)."""
    piece = original[new[0]:new[1]]
    return (normalised in _clean(piece) or normalised in _clean(ftfy.fix_text(piece))
            or normalised in _clean(ftfy.fix_text(piece, unescape_html=False))
            or (new[0] <= old[0] and old[1] <= new[1]))


@settings(max_examples=250, deadline=None)
@given(_doc)
@example("\nthe Gr\u00c3\u00bc\u00c3\x9fe Gr\u00fc\u00dfe")  # a repaired word with its copy later on the line
@example("Au\u00c3\x9fenminister Au\u00c3\x9fenminister Au\u00dfenminister Au\u00c3\x9fenminister")  # ... and a clean copy
@example("\u00c3\u00a9lys\u00c3\u00a9e\t\u00c3\u00a9lys\u00c3\u00a9e\t\u00e9lys\u00e9e\tMoskau")  # the same, tab-separated
def test_same_text_and_same_map_as_the_whole_document_alignment(original):
    new, old = normalize(original), old_normalize(original)
    assert new.text == old.text
    assert new.is_identity == old.is_identity
    n = len(new.text)
    for i in range(n):
        for j in range(i, min(n, i + 8) + 1):
            s, e = new.to_original(i, j)
            assert 0 <= s <= e <= len(original)
            if (s, e) == old.to_original(i, j):
                continue
            assert _acceptable(new.text[i:j], original, (s, e), old.to_original(i, j))


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("abcäöЛав ")), max_size=700), st.text(st.sampled_from(list("abcäöЛав ")),
                                                                           max_size=700))
def test_anchored_opcodes_cover_both_strings_in_order(a, b):
    """Longer than the aligner's window, so its windowed and resynchronising paths run."""
    ops = _anchored_opcodes(a, b)
    ia = jb = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (ia, jb) and i2 >= i1 and j2 >= j1
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        ia, jb = i2, j2
    assert (ia, jb) == (len(a), len(b))


def test_long_single_line_uses_the_linear_aligner_and_maps_exactly():
    word = "Gespräch über Lawrow Лавров Берлин "
    line = "".join(_mojibake(word, "cp1252") if k % 7 == 0 else word for k in range(400))
    start = time.perf_counter()
    n = normalize(line)
    assert time.perf_counter() - start < 5
    assert n.text == ftfy.fix_text(line)
    # every word of the normalised text maps back to an original stretch that repairs to it
    pos = 0
    for w in n.text.split(" "):
        if w:
            s, e = n.to_original(pos, pos + len(w))
            assert ftfy.fix_text(line[s:e]) == w
        pos += len(w) + 1


def test_fifty_kilobytes_with_mojibake_is_fast():
    para = ("Der Außenminister sprach über das Gespräch mit Лавров in Zürich.\n" * 10)
    doc = "".join(_mojibake(para, "cp1252") if k % 5 == 0 else para for k in range(80))
    assert len(doc) > 50_000
    start = time.perf_counter()
    n = normalize(doc)
    assert time.perf_counter() - start < 5
    assert n.text == ftfy.fix_text(doc)


@settings(max_examples=150, deadline=None)
@given(_doc)
def test_anchored_aligner_for_long_lines_agrees_too(original):
    """The same check with the difflib budget at zero, so every changed line takes the linear path."""
    with mock.patch.object(text_module, "_DIFFLIB_BUDGET", 0):
        new = normalize(original)
    old = old_normalize(original)
    assert new.text == old.text
    n = len(new.text)
    for i in range(n):
        for j in range(i + 1, min(n, i + 8) + 1):
            s, e = new.to_original(i, j)
            assert 0 <= s <= e <= len(original)
            if (s, e) != old.to_original(i, j):
                assert _acceptable(new.text[i:j], original, (s, e), old.to_original(i, j))
