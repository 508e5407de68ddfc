"""s20 (kb20): ``fold`` lowers an ASCII word and sends a word opening with a Latin-1 character through
``fold_text``'s byte path; the s19 ``fold`` (the dict translation of every word) kept here as the oracle."""

from __future__ import annotations

import importlib

from hypothesis import example, given, settings, strategies as st

# the module (``communique.kb.fold`` as an attribute is the function ``fold``)
F = importlib.import_module("communique.kb.fold")


def _fold_s19(text: str) -> str:
    return text.translate(F._PLAIN) if F._OUTSIDE.search(text) is None else text.translate(F._TABLE)


def _fresh_fold(text: str) -> str:
    F._MEMO.pop(text, None)  # the memo would answer from an earlier call
    return F.fold(text)


_PIECES = st.sampled_from([
    "Straße", "Über", "ÄÖÜ", "ab", "AB", "`", "'", "„", "“", "–", "—", "’", "Łódź", "ź", "ń", "Москва", "й", "Ё", "Ω",
    "東京", "\u1fef", "İ", "ẞ", "ß", " ", "\n", "\u00a0", "\u00ff", "\u0100", "\u2003", "x", "7", "«", "»", "Ā",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
@example("")
@example("Österreich")
@example("Târgu Mureş")
@example("`Quote`")
@example("\u00ffĀ")
@example("\u0100")
@example("«Москва»")
def test_fold_as_s19(text: str) -> None:
    assert _fresh_fold(text) == _fold_s19(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=30))
def test_fold_any_text_as_s19(text: str) -> None:
    assert _fresh_fold(text) == _fold_s19(text)


def test_every_latin1_and_ascii_character() -> None:
    for c in range(0x180):
        ch = chr(c)
        for text in (ch, ch + "a", "a" + ch, ch + "Ł", ch + "Ж"):
            assert _fresh_fold(text) == _fold_s19(text), repr(text)
