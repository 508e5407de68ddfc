"""s18 (kb18): ``fold_text`` tests the characters beyond Latin-1 in the encoder's error handler instead of searching
the whole text first; the s17 form kept here as the oracle, and ``fold`` itself (the same text, character by
character)."""

from __future__ import annotations

import importlib

from hypothesis import example, given, settings, strategies as st

# the module (``communique.kb.fold`` as an attribute is the function ``fold``)
F = importlib.import_module("communique.kb.fold")


def _fold_text_s17(text: str) -> str:
    if F._L1_BYTES is not None and F._HARD.search(text) is None:
        return text.encode("latin-1", "communique.fold").translate(F._L1_BYTES).decode("latin-1")
    if F._OUTSIDE.search(text) is None:
        return text.translate(F._PLAIN)
    return text.translate(F._TABLE)


# Latin-1 letters, the characters of _EASY (quotes, dashes), characters that are neither (Cyrillic, Polish, Greek,
# CJK, U+1FEF whose ASCII fold the fold itself would change), in runs and alone
_PIECES = st.sampled_from([
    "Straße", "Über", "ab", "„", "“", "”", "–", "—", "‚", "’", "Łódź", "ź", "Москва", "й", "Ё", "Ω", "東京", "\u1fef",
    "İ", "ẞ", " ", "\n", "\u00a0", "\u2003", "x", "7",
])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
@example("„Zitat“ – Łódź")
@example("a–b „c“ Москва")
def test_fold_text_as_before(text: str) -> None:
    assert F.fold_text(text) == _fold_text_s17(text) == F.fold(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_fold_text_any_text(text: str) -> None:
    assert F.fold_text(text) == _fold_text_s17(text) == F.fold(text)


def test_the_error_handler_still_refuses_what_it_cannot_fold() -> None:
    """The handler raises for a hard character (the text then takes ``translate``), also after easy ones."""
    import pytest

    with pytest.raises(F._Hard):
        "„ab“ Ω".encode("latin-1", "communique.fold")
    assert "„ab“".encode("latin-1", "communique.fold") == b'"ab"'
