"""s20 (cap20): the cheaper forms of the per-word tests and of the role-noun search give the old answers."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from communique.kb.fold import fold
from communique.mentions import capnames
from communique.mentions.common import coref_finditer, lang_lexicon

# Latin-1 letters of both cases, a few wider ones (Polish, Turkish, Greek with its final sigma, Cyrillic), "ß", "ẞ",
# "`", "’", digits, hyphens
_WORDISH = "abcdefghijklmnopqrstuvwxyzäöüßéèçñáíóúABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÉÇÑÁÍÓÚłŁıİğŞσςΣДжёẞ`’'-1\xaa\xb5\xba\xdf\xff"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_WORDISH, max_size=14))
def test_fold_word_is_fold(w: str) -> None:
    assert capnames._fold_word(w) == fold(w)


def test_fold_latin1_table() -> None:
    assert capnames._FOLD_LATIN1 is not None
    for c in range(256):
        assert capnames._fold_word(chr(c)) == fold(chr(c)), c
        assert capnames._fold_word("Ab" + chr(c) + "z") == fold("Ab" + chr(c) + "z"), c


def _endings(lex) -> list[str]:
    rng = random.Random(20)
    base = ["Haus", "Berg", "Zeitung", "Wirtschaft", "Ort", "au", "Au", "X", "", "ung", "heim", "Bad"]
    out = list(base)
    for x in lex.noun_suffixes + lex.place_suffixes:
        for b in rng.sample(base, 4):
            out += [b + x, b[:2] + x, x, x[1:], b + x + "e", (b + x).lower(), b + x[:-1]]
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abceghiklmnorstuäöüß", max_size=12))
def test_suffixes_by_last_two_letters(stem: str) -> None:
    for lang in ("de", "es"):
        lex = capnames.cap_lexicon(lang)
        for low in [stem] + [stem + x for x in lex.noun_suffixes[:5] + lex.place_suffixes[:5]]:
            assert (low.endswith(lex.noun_by2.get(low[-2:], ())) if lex.noun_by2 is not None
                    else low.endswith(lex.noun_suffixes)) == low.endswith(lex.noun_suffixes), (lang, low)
            assert capnames._place_low(low, lex.place_suffixes, lex.place_by2) == \
                capnames._place_low(low, lex.place_suffixes), (lang, low)


def test_suffix_groups_on_every_ending() -> None:
    for lang in ("de", "es"):
        lex = capnames.cap_lexicon(lang)
        assert lex.noun_by2 is not None and lex.place_by2 is not None
        assert sorted(x for g in lex.place_by2.values() for x in g) == sorted(lex.place_suffixes)
        for w in _endings(lex):
            low = w.lower()
            assert low.endswith(lex.noun_by2.get(low[-2:], ())) == low.endswith(lex.noun_suffixes), (lang, w)
            plain = low.endswith(lex.place_suffixes) and any(
                len(x) + 3 <= len(low) and low.endswith(x) for x in lex.place_suffixes)
            assert capnames._place_low(low, lex.place_suffixes, lex.place_by2) == plain, (lang, w)
            assert capnames._place_low(low + "\n", lex.place_suffixes, lex.place_by2) == \
                capnames._place_low(low + "\n", lex.place_suffixes), (lang, w)


def _coref_all_words(lex: dict, key: str, ft: str) -> list:
    """coref_finditer as it was before s20: every role noun looked for, the ones that extend another too."""
    full = dict(lex)
    full["coref_words"] = sorted(lex["coref"])
    return list(coref_finditer(full, key, ft))


_ROLE_TEXT = ["der", "die", "den", "dem", "des", "la", "el", "the", " ", "  ", "\n", ",", "russische", "neue",
              "minister", "ministerin", "außenminister", "ministerprasident", "prasident", "prasidenten", "sprecherin",
              "kanzler", "bundeskanzler", "ministro", "presidenta", "secretary of state", "secretary", "foreign",
              "x", "1", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_TEXT), max_size=30), st.sampled_from(["de", "es", "en"]))
def test_coref_finditer_with_fewer_words(pieces: list[str], lang: str) -> None:
    lex = lang_lexicon(lang)
    ft = "".join(p if p in (" ", "  ", "\n", ",") else p + " " for p in pieces)
    for key in ("coref_re", "coref_adj_re"):
        new = [m.span() for m in coref_finditer(lex, key, ft)]
        assert new == [m.span() for m in _coref_all_words(lex, key, ft)], (lang, key, ft)
        assert new == [m.span() for m in lex[key].finditer(ft)], (lang, key, ft)


def test_no_extensions() -> None:
    from communique.mentions.common import _no_extensions

    assert _no_extensions(["ab", "abc", "b", "cab", "c"]) == ["ab", "b", "c"]
    words = lang_lexicon("de")["coref_words"]
    assert "minister" in words and "ministerin" not in words and "außenminister" in words
    assert all(any(w.startswith(v) for v in words) for w in lang_lexicon("de")["coref"])
