"""s17 German linking speed (kbs17): each shortcut in mentions/places.py, mentions/matching.py and kb/ against the
plain path it replaced (kept here as the oracle), on invented text (hypothesis over pieces that make the shapes
likely)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from communique.mentions.common import _word_before_in
from communique.mentions.places import PLACE_PREPS, _prep_gaps

_LANGS = ("de", "en", "fr", "es", "ru", "it")
# prepositions of every language in several cases, letters whose lower case is special (İ ı ſ K), blanks of
# several kinds, newlines, letters and punctuation
_PIECES = st.sampled_from([
    "in", "In", "IN", "İn", "ın", "bei", "Bei", "nach", "NACH", "nahe", "aus", "von", "Von", "of", "near", "Near",
    "outside", "à", "À", "de", "De", "près", "PRÈS", "dans", "en", "EN", "a", "A", "desde", "hacia", "в", "В", "во",
    "из", "Из", "под", "около", "возле", "Berlin", "Latein", "Hainan", "x", "ſ", "K", "Mainz", "Trier",
    " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n", " \n", ", ", ".", "-", "'", "7",
])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _hspace(ch: str) -> bool:
    return ch.isspace() and ch != "\n"


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_prep_gaps_cover_every_preposition_cue(text: str) -> None:
    """``PlaceContext.unmatched`` asks ``_word_before_in`` only at the positions ``_prep_gaps`` gives: every
    position (whose own character is no blank other than a newline) where it holds must be among them."""
    for lang in _LANGS:
        preps = PLACE_PREPS.get(lang, frozenset())
        longest = max(map(len, preps), default=0)
        gaps = _prep_gaps(text, lang)
        for s in range(len(text) + 1):
            if s < len(text) and _hspace(text[s]):
                continue
            if _word_before_in(text, s, preps, longest):
                assert s in gaps, (text, s, lang)


def test_prep_gaps_examples() -> None:
    text = "Ein Fest in  Mainz, später nahe \nTrier; INTRIER und Latein Bonn"
    gaps = _prep_gaps(text, "de")
    for word in ("Mainz", "Trier"):
        s = text.index(word)
        assert s in gaps and _word_before_in(text, s, PLACE_PREPS["de"], 4)
    s = text.index("Bonn")  # "Latein" ends with "in": a candidate, which the full test rejects
    assert s in gaps and not _word_before_in(text, s, PLACE_PREPS["de"], 4)
    assert _prep_gaps(text, "it") == set()
