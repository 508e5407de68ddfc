"""s20 (kb20): the Spanish passes' window patterns rewritten so that the engine skips positions inside words, and
the separators between names tested without a regex; each against its s19 form, on generated texts."""

from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

from communique.mentions import capnames_es as C
from communique.mentions import orgs_es as O

_H = r"[^\S\n]"
OLD = {
    "_ROLE_DE": re.compile(r"(\w+)" + _H + r"+(?:de|del)" + _H + r"+$"),
    "_WORD_PLACES_RX1": re.compile(r"(\w+)" + _H + r"+(?:de" + _H + r"+)?$"),
    "_NOT_ORGS_RX1": re.compile(r"(\w+)" + _H + r"+(?:de|del)(?:" + _H + r"+la)?" + _H + r"+$"),
    "_NOT_ORGS_RX2": re.compile(r"(\w+)" + _H + r"+$"),
    "_CLUBS_RX1": re.compile(r"([^\W\d_][\w'’.-]*)" + _H + r"*\(" + _H + r"*$"),
    "_MATCH_SENTENCE_RX1": re.compile(r"\b\d{1,2}-\d{1,2}\b"),
}
_CLUBS_RX4_OLD = re.compile(r"[^\W\d_][\w.'’-]*" + _H + r"*\(" + _H + r"*[^\W\d_][^()\n]{0,30}\)")

# words, digits, blanks of several kinds, the line break, brackets, apostrophes, dots, dashes, "_", accents
_PIECES = st.sampled_from([
    "de", "del", "la", "De", "presidente", "crudo", "ministro", "Madrid", "3", "12", "1-0", "2-1", "-", "0", "x", "_",
    "é", "ñ", "Ñ", "’", "'", ".", "(", ")", "( ", " (", ",", ";", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "y", "e",
    "o", "a", "ab", "5a", "a5", "U.S.", "Real", "²", "٣",
])
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _same(old: re.Match | None, new: re.Match | None) -> None:
    assert (old is None) == (new is None)
    if old is not None:
        assert old.span() == new.span() and old.groups() == new.groups()


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example("el presidente de ")
@example("el crudo ")
@example("el ministro ecuatoriano de la ")
@example("Roberto ( ")
@example("ganó por 3-0 a Gales")
@example("a12-3 1-22 x 3-4b")
@example("5a ( ")
@example("de \n")
def test_window_patterns_as_s19(text: str) -> None:
    for name, old in OLD.items():
        new = getattr(C, name)
        _same(old.search(text), new.search(text))
        for a in range(0, len(text), 3):  # the passes search slices of the text (windows before a name)
            _same(old.search(text[a:]), new.search(text[a:]))
    assert _CLUBS_RX4_OLD.findall(text) == C._CLUBS_RX4.findall(text)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example(" , ")
@example(" ( 4 ) , ")
@example(" y\n")
@example("\u00a0e\u2003")
@example(",,")
@example("")
def test_separators_as_s19(gap: str) -> None:
    assert bool(C._LISTS_RX1.fullmatch(gap)) == O.blanks_around(gap, C._LINKS)
    assert bool(C._SEP.fullmatch(gap)) == C._is_sep(gap)
    assert bool(O._LIST_SEP.fullmatch(gap)) == O.blanks_around(gap, O._LIST_SEPS)


def test_blanks_are_the_engines() -> None:
    """``str.strip`` and ``str.isspace`` take for blanks what ``\\s`` matches, for every code point."""
    rx = re.compile(r"\s")
    for c in range(0x110000):
        ch = chr(c)
        assert (rx.match(ch) is not None) == ch.isspace() == (ch.strip() == "")


def test_one_blank_as_hch() -> None:
    """``_HCH.match(text, i)`` and ``_HCH.fullmatch(gap)`` asked without the regex (``isspace`` and not a line break)."""
    for c in range(0x110000):
        ch = chr(c)
        assert (C._HCH.match(ch) is not None) == (ch.isspace() and ch != "\n")
    for gap in ("", " ", "\n", "  ", "\u00a0", "\t", "a", " a"):
        assert (C._HCH.fullmatch(gap) is not None) == (len(gap) == 1 and gap.isspace() and gap != "\n")
