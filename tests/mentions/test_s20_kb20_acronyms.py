"""s20 (kb20): ``org_patterns._acronyms`` (the runs of capitals found in a byte mask, the pattern matched at each
run's start) against ``_ACRONYM.finditer``, on generated texts; and no character beyond Latin-1 is one of its capitals
(the mask writes them all as "not a capital")."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from communique.mentions.common import _ACRONYM
from communique.mentions.org_patterns import _acronyms

_PIECES = st.sampled_from([
    "EU", "USA", "NATO", "UNESCO", "ABCDEFG", "ÄÖÜ", "ÉÑ", "A", "B", "Ä", "a", "ä", "ß", "-", "_", "1", " ", "\n", ".",
    "„", "“", "–", "ЕС", "Ж", "ǅ", "Ⅲ", "’", "'", "(", ")", "x", "GmbH", "dpa", "IS", "ISS-", "-DDR",
])


@settings(max_examples=4000, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
@example("Die EU und die NATO, nicht die UNESCO.")
@example("ABC")
@example("ABCDEFG HIJ")
@example("xABC ABC- -ABC ABC_ „ABC“ ÄÖÜ")
@example("ЕС и NATO")
def test_acronyms_as_finditer(text: str) -> None:
    assert [m.span() for m in _acronyms(text)] == [m.span() for m in _ACRONYM.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=30))
def test_acronyms_any_text(text: str) -> None:
    assert [m.span() for m in _acronyms(text)] == [m.span() for m in _ACRONYM.finditer(text)]


def test_no_capital_beyond_latin1() -> None:
    assert not any(_ACRONYM.match(chr(c) * 3) for c in range(256, 0x110000))
