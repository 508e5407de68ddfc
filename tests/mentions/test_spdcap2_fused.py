"""s14 (spdcap2): the fused per-word test of capnames gives the answers of the separate cached tests it replaced."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from communique.kb.fold import fold
from communique.mentions.capnames import (
    _compound, _compound_raw, _dictionary, _foreign_word, _known, _known_lower, _name_like,
    _nameish_strict, _place_shaped, _place_suffix_rx, _raw_keys, _strict_nameish, cap_lexicon, strict_word,
)


def _plain_place_shaped(word: str, lex) -> bool:
    """capnames._place_shaped as it was at d881d2b (before the two-letter suffix test)."""
    if not lex.place_suffixes:
        return False
    w = word.lower()
    if "\n" in w:
        return _place_suffix_rx(lex.place_suffixes).search(w) is not None
    return w.endswith(lex.place_suffixes) and any(len(x) + 3 <= len(w) and w.endswith(x) for x in lex.place_suffixes)


def _plain_strict_nameish(word: str, lang: str) -> bool:
    """capnames._strict_nameish as it was at d881d2b (the oracle: five separately cached tests)."""
    lex = cap_lexicon(lang)
    parts = word.split("-")
    last = parts[-1]
    if len(parts) > 1 and not last[:1].isupper():
        return False
    noun_end = bool(lex.noun_suffixes) and last.lower().endswith(lex.noun_suffixes)
    place = None
    if noun_end:
        place = _plain_place_shaped(last, lex)
        if not place:
            return False
    if _known_lower(last, lang):
        return False
    if _known(last, lang) and last not in _name_like(lang):
        return False
    if place or place is None and _plain_place_shaped(last, lex):
        return True
    if any(_foreign_word(last, f) for f in lex.foreign):
        return False
    if noun_end:
        return False
    return len(last) >= 2 and not _compound(last, lang)


def _words(n: int) -> list[str]:
    """Dictionary entries, their lower cases, invented stems with noun and place endings, hyphenated pairs,
    English words written with a capital, short and odd tokens."""
    rng = random.Random(14)
    d = _dictionary("de")
    keys = [k for k in d.keys() if k[:1].isupper()]
    rng.shuffle(keys)
    lex = cap_lexicon("de")
    en = [k for k in _dictionary("en").keys() if k.isalpha() and k.islower()]
    rng.shuffle(en)
    made = ["Quarzelung", "Brimbachheit", "Zolldorf", "Wernerstadt", "Ortungsberg", "Kleinwaltung", "Anzeiger-ung",
            "Forstheim", "Tölzung", "Bad-Schrakeit", "Ei", "Ung", "Heim", "A", "Ö", "X-", "-Berg", "Grünwalder",
            "Maxwellschen", "Kramerische", "Ölbergstadt\n", "Oberhausen\n", "Straßenbahnwerk", "ÜBERHAUS", "Ärzte",
            "Bärlinger", "Zwölfling", "Sankt-Ilmenau", "Heidelbergschen"]
    suffixed = [k[:5] + s for k in keys[:200] for s in lex.noun_suffixes[:8]] \
        + [k[:4] + s for k in keys[200:400] for s in lex.place_suffixes[:8]]
    english = [w.capitalize() for w in en[:400]]
    return keys[:n] + made + suffixed + [w.lower() for w in keys[:200]] + english \
        + [k + "-" + k2 for k, k2 in zip(keys[:150], keys[150:300])] + [k + "-" + k2.lower() for k, k2 in zip(keys[:50], keys[50:100])]


def test_strict_word_is_the_plain_test():
    lex = cap_lexicon("de")
    for w in _words(4000):
        assert strict_word(w, "de", lex) == _plain_strict_nameish(w, "de"), w
        assert _strict_nameish(w, "de") == _plain_strict_nameish(w, "de"), w


def _plain_nameish(word: str, lex, first: frozenset[str]) -> bool:
    """capnames._nameish for the strict (German) lexicon, as it was before it was removed in s15 (the oracle)."""
    if not word[:1].isupper() or word.lower() in lex.stop:
        return False
    if word.isupper():
        return len(word) >= 2
    if fold(word) in first:
        return True
    return _plain_strict_nameish(word, "de")


def test_nameish_strict_is_nameish():
    lex = cap_lexicon("de")
    first = frozenset(map(fold, ["Anna", "Jürgen", "Klaus", "Mehmet", "Haus"]))  # a given name that is also a noun
    for w in _words(1500) + ["Anna", "Jürgen", "Haus", "UNO", "U", "der", "Der", "Und"]:
        assert _nameish_strict(w, "de", lex, first) == _plain_nameish(w, lex, first), w


def test_place_shaped_and_plain_lookups():
    """The two-letter suffix test of _place_shaped and the direct dictionary lookups of _known, _known_lower and
    _foreign_word give the answers of the plain forms (German and Spanish lexicons)."""
    from communique.mentions.capnames import _contains

    de, en = _contains("de"), _contains("en")
    for lang in ("de", "es"):
        lex = cap_lexicon(lang)
        for w in _words(800) + ["Ow", "ow", "Au", "Xau", "Bergau\n", "A"]:
            assert _place_shaped(w, lex) == _plain_place_shaped(w, lex), (lang, w)
    for w in _words(800):
        assert _known(w, "de") == de(w), w
        assert _known_lower(w, "de") == (w.lower() != w and de(w.lower())), w
        assert _foreign_word(w, "en") == (en(w.lower()) and not en(w)), w


def test_compound_raw_is_compound():
    raw = _raw_keys("de")
    for w in _words(1500):
        assert _compound_raw(w, raw) == _compound(w, "de"), w


_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ-'\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=18),
       st.sampled_from(["", "ung", "heim", "berg", "stadt", "haus", "schen", "-Dorf", "werk", "straße"]))
def test_strict_word_on_invented_text(stem: str, tail: str):
    lex = cap_lexicon("de")
    w = stem[:1].upper() + stem[1:] + tail
    assert strict_word(w, "de", lex) == _plain_strict_nameish(w, "de")
    assert _compound_raw(w, _raw_keys("de")) == _compound(w, "de")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=20))
def test_fold_of_an_ascii_word_is_its_lower_case(w: str):
    """_nameish_strict tests ``word.lower() in first`` for an ASCII word without "`" instead of ``fold(word)``."""
    if "`" not in w:
        assert fold(w) == w.lower()
    lex = cap_lexicon("de")
    first = frozenset(["anna", "klaus", "x"])
    word = w[:1].upper() + w[1:]
    assert _nameish_strict(word, "de", lex, first) == _plain_nameish(word, lex, first)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=16))
def test_in_first_is_fold_in_first(w: str):
    from communique.mentions.capnames import _in_first

    first = frozenset([fold(w), "anna", "jurgen", "jürgen"])
    other = frozenset([fold(w) + "x", "anna"])
    assert _in_first(w, first) == (fold(w) in first)
    assert _in_first(w, other) == (fold(w) in other)
    assert _in_first(w.lower(), first) == (fold(w.lower()) in first)
