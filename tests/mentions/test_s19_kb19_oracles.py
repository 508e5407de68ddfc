"""s19 (kb19): the Spanish and knowledge-base shortcuts of s19 against the code they replace (kept here as oracles)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mentions import capnames_es as ce

_H = r"[^\S\n]"


def test_regex_classes_are_the_str_methods():
    """capnames_es._speakers tests \\s and \\w a character at a time by str methods: the same sets for every code point."""
    w, s = re.compile(r"\w"), re.compile(r"\s")
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        assert (w.match(c) is not None) == (c.isalnum() or c == "_"), hex(i)
        assert (s.match(c) is not None) == c.isspace(), hex(i)


_OLD_SPEAKER = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?=" + _H + r"*[,.])")  # before s19: greedy, giving letters back
_SPK = ["Ana", "Barrena", "Pérez", "PÉREZ", "ÁNGEL", "Ñoño", "dijo", "el", "ü", "ñ", "x", "Ü", " ", "\u00a0", "\t", "\n",
        ",", ".", ";", "2", "_", "-"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_SPK), max_size=30).map("".join))
def test_speaker_possessive_equals_greedy(text):
    assert [m.span() for m in ce._SPEAKER.finditer(text)] == [m.span() for m in _OLD_SPEAKER.finditer(text)]


# -- capnames_es._Sporty: words of sport near an offset from one scan of the text ------------------------------
_SPORT = ["gol", "goles", "Gol", "GOLES", "golfo", "partido", "PARTIDO", "fútbol", "FÚTBOL", "set", "sets", "final", "finalmente",
          "base", "árbitro", "ÁRBITRO", "el", "de", "Madrid", " ", "\t", "\n", ",", ".", "-", "_", "2", "İ", "Σ", "ß", "ﬁ", "ǅ",
          "x" * 97, "a" * 397, " " * 399, "é" * 401, "_gol", "gol_", "1gol", "gol2", "dıjo", "ΣΑΣ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SPORT), max_size=40).map("".join), st.lists(st.integers(0, 3000), max_size=12))
def test_sporty_equals_the_window_scan(text, offsets):
    lex = ce._lex()
    sporty = ce._Sporty(text, lex)
    for s in offsets + [0, len(text) // 2, max(0, len(text) - 1)]:
        s = min(s, max(0, len(text) - 1))
        assert sporty(s) == ce._sporty(text, s, lex), (text, s)


def test_sporty_examples():
    lex = ce._lex()
    text = "x" * 390 + " gol " + "y" * 800 + " partido"
    sp = ce._Sporty(text, lex)
    for s in (0, 5, 380, 395, 790, 794, 795, 796, 797, 802, 803, 1200, 1600, len(text) - 1):
        assert sp(s) == ce._sporty(text, s, lex)
    assert sp(0) and not sp(796) and not sp(802) and sp(803)  # "partido" fills 1196-1203: cut at the edge, no word


# -- places._WORD_BEFORE with the capital first ------------------------------------------------------------------
_OLD_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[^\S\n]$")
_WB = ["Mount", "South", "Trinity", "St", "A", "a", "ab", "AB", "Ab", "É", "é", ".", "-", "'", "’", "_", "1", " ", "\u00a0", "\t", "\n"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_WB), max_size=12).map("".join))
def test_word_before_capital_first(text):
    from communique.mentions.places import _WORD_BEFORE

    old, new = _OLD_WORD_BEFORE.search(text), _WORD_BEFORE.search(text)
    assert (old is None) == (new is None), text
    if old is not None:
        assert old.span() == new.span(), text


# -- capnames_es._motion_to: the blank before "a"/"al" in the quick test -------------------------------------------
_MOTION = ["llegó", "LLEGÓ", "fue", "trasladado", "viajó", "a", "al", "A", "la", "para", "val", "l", " ", "\u00a0", "\t", "\n",
           ",", ".", "_", "1", "é", "x" * 12]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_MOTION), max_size=14).map("".join))
def test_motion_to_equals_the_regex(t):
    lex = ce._lex()
    text = t + "Madrid"
    mv = ce._MOTION_TO_RX1.search(text[max(0, len(t) - 30):len(t)])
    assert ce._motion_to(text, len(t), lex) == (mv is not None and mv.group(1).lower() in lex.motion_verbs), t


_OLD_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)" + _H + r"$")
_GB = ["Alfonso", "Chandler", "Ángel", "Ñu", "A", "a", "ab", "ñ", "ü", "AB", "É", ".", "-", "_", "1", " ", "\u00a0", "\t", "\n"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_GB), max_size=12).map("".join))
def test_given_name_before_capital_first(text):
    old, new = _OLD_GIVEN_BEFORE.search(text), ce._GIVEN_NAME_PLACES_RX1.search(text)
    assert (old is None) == (new is None), text
    if old is not None:
        assert old.span() == new.span() and old.span(1) == new.span(1), text
