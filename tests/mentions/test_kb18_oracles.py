"""s18 German linking speed (kb18): each rewritten step of mentions/places.py and mentions/matching.py against the
form it replaced (kept here as the oracle), on invented text (hypothesis over pieces that make the shapes likely)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from communique.mentions.places import _CAPRUN, _WORD_WHOLE

# the s17 form, with a group around the run (its span is the match's)
_CAPRUN_S17 = re.compile(r"([A-Z](?<![\w'’.-].)(?:[a-z’'-]*+(?<=[a-z])(?:[A-Z][a-z]++)?|[A-Z]{2,}+|(?<=S)t\.|(?<=M)t\.|(?<=F)t\.)"
                         r"(?:[^\S\n]" + _WORD_WHOLE + r"){0,2})(?![\w’'-])")

# capitalised words of each shape _CAPRUN knows (McKee, O'Neill, HOLLIDAY, St.), blanks of several kinds, newlines,
# hyphens, apostrophes and the characters its look-arounds test
_RUN_PIECES = st.sampled_from([
    "Bad", "Homburg", "McKee", "O'Neill", "O’Neill", "HOLLIDAY", "EU", "USA", "St.", "Mt.", "Ft.", "Sankt", "A", "B",
    "in", "von", "der", "x", "ab", "Über", "Ärger", "7", " ", "  ", "\t", "\u00a0", "\n", ", ", ".", "-", "'", "’", "_",
])
_RUN_TEXTS = st.lists(_RUN_PIECES, max_size=16).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_RUN_TEXTS)
@example("In Bad Homburg vor der Höhe, St. Louis und Mt. Everest-Basis")
@example("HOLLIDAY McKee O'Neill-Smith Ft. Worth\nBerlin")
def test_caprun_spans_without_the_group(text: str) -> None:
    """``PlaceContext._caprun_spans`` reads the spans of ``_CAPRUN`` (no group) where it read group 1 of the s17
    form: the same spans."""
    assert list(map(re.Match.span, _CAPRUN.finditer(text))) == [m.span(1) for m in _CAPRUN_S17.finditer(text)]


# -- the matcher's scan: the s17 form as the oracle ---------------------------------------------------------------

def _scan_s17(linker, text, ft, lang, lo, hi, depth):
    """``KBMatching._scan`` as it was at s17 (79fe3d4)."""
    from communique.mentions.common import _ARTICLES, _Raw
    from communique.mentions.matching import _ALNUM_RUN, _lower_dead, _lower_dead_table

    kb = linker.kb
    n = len(ft)
    out = []
    dead = _lower_dead_table(kb)
    it = kb.matcher.find_matches_as_indexes(ft[lo:hi] if (lo or hi != n) else ft)
    if lo:
        it = [(pidx, s + lo, e + lo) for pidx, s, e in it]
    for pidx, s, e in it:
        if s > 0 and ft[s - 1].isalnum():
            if depth < 3 and " " in ft[s:e]:
                nxt = ft.find(" ", s) + 1
                out.extend(r for r in _scan_s17(linker, text, ft, lang, nxt, min(n, e + 80), depth + 1)
                           if r.start < e and not any(o.start < r.end and r.start < o.end for o in out))
            continue
        if dead[pidx] != 1 and text[s].isalpha() and text[s:e].islower() and (dead[pidx] == 2 or _lower_dead(kb, pidx)):
            keep = []
        else:
            keep = linker._accept(text, ft, lang, pidx, s, e)
        if keep and depth < 3 and (sp := ft.find(" ", s, e)) > 0 and ft[s:sp] in _ARTICLES:
            nxt = ft.find(" ", s) + 1
            longer = [r for r in _scan_s17(linker, text, ft, lang, nxt, min(n, e + 80), depth + 1)
                      if r.start < e and r.end > e and not any(o.start < r.end and r.start < o.end for o in out)]
            if longer:
                out.extend(longer)
                continue
        if keep:
            out.append(_Raw(s, _ALNUM_RUN.match(ft, e).end() if ft[e:e + 1].isalnum() else e, keep))
        elif depth < 3 and " " in ft[s:e]:
            nxt = ft.find(" ", s) + 1
            out.extend(r for r in _scan_s17(linker, text, ft, lang, nxt, min(n, e + 80), depth + 1)
                       if r.start < e and not any(o.start < r.end and r.start < o.end for o in out))
    return out


@pytest.fixture(scope="module")
def linker():
    from communique.mentions import MentionLinker

    return MentionLinker(use_natasha=False)


# names with a blank (rescans from the next word), articles before names, lower-case common words, words with a
# name inside them, endings
_SCAN_PIECES = st.sampled_from([
    "la Unión Europea", "La Unión", "Unión Europea", "die", "Die", "den", "der Vereinten Nationen", "Vereinten",
    "Bundesrepublik Deutschland", "Deutschlands", "deutschland", "Berliner", "Berlin", "in", "New York", "new york",
    "Nord-Korea", "Südkorea", "Frankfurt am Main", "am", "Macron", "macron", "Emmanuel", "EU", "eu", "Europa",
    "el país", "El País", "Москва", "москвы", "Россия", "России", "the", "United States", "States", "ei", "Ei",
    "Ukraine", "Ukrainekrieg", " ", " ", " ", ", ", ". ", "-", "\n",
])
_SCAN_TEXTS = st.lists(_SCAN_PIECES, max_size=18).map("".join)


def _raws(rs):
    return [(r.start, r.end, list(r.cands)) for r in rs]


@settings(max_examples=400, deadline=None)
@given(_SCAN_TEXTS, st.sampled_from(["de", "es", "en", "ru"]))
@example("die la Unión Europea in Bundesrepublik Deutschland den Vereinten Nationen", "de")
@example("Nord-Korea el país la Unión Europea, La Unión", "es")
def test_scan_as_before(linker, text: str, lang: str) -> None:
    """``KBMatching._scan`` with the blank found by ``find`` in its bounds, the rescans in ``_scan_inside`` and a
    lower-case match of a pattern no candidate takes so going straight to its rescan: the s17 scan's matches."""
    from communique.kb.fold import fold_text

    ft = fold_text(text)
    assert _raws(linker._scan(text, ft, lang, 0, len(ft), 0)) == _raws(_scan_s17(linker, text, ft, lang, 0, len(ft), 0))


# -- PlaceContext.unmatched: the preposition cue's places by str.find in the folded text ---------------------------

def test_folded_prepositions_cover_every_lower_case_spelling() -> None:
    """``_prep_gaps`` looks for the folds of the prepositions in the folded text: a word whose ``str.lower()`` is a
    preposition must fold to it letter by letter. Every code point whose lower case is one letter of a preposition
    folds as that letter does, and no code point lowers to several characters found in a preposition."""
    import sys

    from communique.kb.fold import fold
    from communique.mentions.places import PLACE_PREPS

    preps = {w for ws in PLACE_PREPS.values() for w in ws}
    letters = {ch for w in preps for ch in w}
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        low = ch.lower()
        if len(low) == 1:
            if low in letters:
                assert fold(ch) == fold(low), (hex(c), ch)
        else:
            assert not any(low in w for w in preps), (hex(c), ch)


_PREP_PIECES = st.sampled_from([
    "in", "In", "IN", "İn", "ın", "bei", "Bei", "nach", "NACH", "nahe", "aus", "auſ", "von", "Von", "of", "near",
    "outside", "à", "À", "de", "De", "près", "PRÈS", "PRES", "dans", "en", "EN", "a", "A", "desde", "hacia", "в", "В",
    "во", "из", "Из", "под", "около", "ОКОЛО", "возле", "Berlin", "Stein", "Latein", "x", "K", "Mainz", "Trier",
    " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n", " \n", ", ", ".", "-", "'", "7",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PREP_PIECES, max_size=16).map("".join))
@example("Stein" + " " * 18 + "Berlin")
@example("PRÈS  \nLyon, À\u00a0Paris, ОКОЛО Москвы")
def test_prep_gaps_cover_every_cue(text: str) -> None:
    """Every position (whose own character is no blank other than a newline) where ``_word_before_in`` holds is
    among ``_prep_gaps``' (the s17 test in test_kbs17_oracles.py asks the same of its own texts)."""
    from communique.mentions.common import _word_before_in
    from communique.mentions.places import PLACE_PREPS, _prep_gaps

    for lang, preps in PLACE_PREPS.items():
        longest = max(map(len, preps))
        gaps = _prep_gaps(text, lang)
        for s in range(len(text) + 1):
            if s < len(text) and text[s].isspace() and text[s] != "\n":
                continue
            if _word_before_in(text, s, preps, longest):
                assert s in gaps, (text, s, lang)


# -- PlaceContext._after_comma: no regex after one blank and a character that is neither a comma nor a blank --------

_COMMA_PIECES = st.sampled_from([
    "Louisville", "LOUISVILLE", "Ky.", "KY", "Ky", "Georgia", "Texas", "Deutschland", "Berlin", "und", "(WBKO)",
    ",", ", ", " ,", " ", "  ", "\t", "\u00a0", "\n", "-", "--", "—", ".",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_COMMA_PIECES, max_size=12).map("".join))
@example("LOUISVILLE , Ky (WBKO) Berlin  , Texas")
def test_after_comma_second_test(text: str) -> None:
    """``PlaceContext._after_comma`` returns nothing without the regex where one blank (no newline) is followed by
    a character that is neither a comma nor such a blank: ``_COMMA`` cannot match there."""
    from communique.mentions.places import _COMMA

    def hblank(c: str) -> bool:
        return c.isspace() and c != "\n"

    for end in range(len(text) + 1):
        c, c2 = text[end:end + 1], text[end + 1:end + 2]
        if c != "," and hblank(c) and c2 != "," and not hblank(c2):
            assert _COMMA.match(text, end) is None, (text, end)
