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
