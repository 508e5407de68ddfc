"""s13 (spdcap): shortcuts of the German capitalised-word passes give what the plain code they replaced gave.

Each shortcut is compared with the old code (kept here as the oracle) on invented sentences and on random
strings over the characters the code looks at (hypothesis and a seeded generator): the previous word read
from the reversed text, the apposition candidate test with one lookup for the short forms, and the role-ending
test by the word's tails."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from communique.mentions.capnames_de import (
    _APPO_ENDS, _CAP_TOKEN, _PREV_ABBR, _apposition_candidate, _apposition_kind, _appo_ends, _prev_word,
)

SENTENCES = [
    "Gestern sagte Dr. Quastorf im Amtsgericht Kiel, dass die Bundespolizei  nichts wisse; Prof . Lenz nickte.",
    "Danach verließ Pfandleiter Ostrowski das Landratsamt\tund ging zum Hauptbahnhof-Nord in Münsters Altstadt.",
    "Im Herbst reiste Tobias' Schwester mit Anna-Lena Großkopf nach Kiel;\nPeter_2 Blau kam\xa0nie. x-Werts Ämter",
    "Die Spielzeughersteller Rotbart und der Technologie-Konzerns Chef trafen die Rockband Blue Harbour.",
    "Sie las ² Zeilen: „Bauers Hof“ — Kreises, Saarlandes, AMTS, Amts-s, Xamt, Polizeireviers-Leiter und Z.",
]

ALPHABET = "aAbBsSmMtTgerichÄÖÜäöüß-_ .,:\n\t\xa0'’„“²1Dr"


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 50))) for _ in range(n)]


def _old_prev_word(text: str, s: int) -> str | None:
    """``_prev_word`` as it was before s13: two loops walking back over the characters."""
    j = s
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    if j == s or j == 0:
        return None
    if text[j - 1] == ".":
        m = _PREV_ABBR.search(text[max(0, s - 12):s])
        return m.group(1) if m and m.group(1)[:1].isupper() else None
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
        i -= 1
    w = text[i:j]
    return w if w and (w[0].isalpha()) else None


def _check_prev_word(text: str) -> None:
    for s in range(len(text) + 1):
        assert _prev_word(text, s) == _old_prev_word(text, s), (text, s)
    other = "x " + text  # another text after this one: the reversed copy is made again
    for s in range(len(other) + 1):
        assert _prev_word(other, s) == _old_prev_word(other, s), (other, s)


def test_prev_word_as_the_loops():
    for t in SENTENCES + _random_texts(1500, 23):
        _check_prev_word(t)
    t = SENTENCES[0]
    assert _prev_word(t, t.index("Quastorf")) == "Dr" and _prev_word(t, t.index("Kiel")) == "Amtsgericht"
    assert _prev_word(t, t.index("nichts")) == "Bundespolizei" and _prev_word(t, 0) is None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_prev_word_as_the_loops_hypothesis(text):
    _check_prev_word(text)


def test_apposition_candidate_as_the_old_test():
    _e, _l, tails6, short = _appo_ends()
    assert _APPO_ENDS[0] is not None and _APPO_ENDS[1] == (not any("-" in e for e in short))
    words = set()
    for t in SENTENCES + _random_texts(800, 31):
        words |= set(_CAP_TOKEN.findall(t))
    words |= {"Verein", "Vereins", "Hersteller", "Technologie-Konzerns", "Rockband", "Dörfer", "Erstligisten", "Club-Verein",
              "Mobilfunkbetreiber", "Stadt", "Hansestadt-Band", "Dorf", "Zeitung"}
    for w in sorted(words):
        lw = w.lower()
        old = (lw[-6:] in tails6 or lw in short or lw.rsplit("-", 1)[-1] in short) and _apposition_kind(w) is not None
        assert _apposition_candidate(w) == old, w
    assert any(_apposition_candidate(w) for w in words)
    assert re.fullmatch(r"[\w-]+", "Technologie-Konzerns")


def _old_ends_with(w: str, endings: tuple[str, ...], before: int = 3) -> bool:
    n = len(w) - before
    return any(len(x) <= n and w.endswith(x) for x in endings) if w.endswith(endings) else False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="abeilnrstu-", max_size=14), st.integers(min_value=0, max_value=5))
def test_ends_with_as_the_walk(word, before):
    """``_ends_with`` (tails looked up by length) against the walk over every ending it replaced."""
    from communique.mentions.capnames_de import _ends_with, de_lexicon

    for endings in (de_lexicon().role_endings, ("er", "leiter", "in", "trainer", "r"), ("", "x"), ()):
        if not endings:
            continue
        assert _ends_with(word, endings, before) == _old_ends_with(word, endings, before), (word, endings, before)
        for w in ("Bäderleiter", "Trainer", "Er", "Politikerin", "Leiter", "Rektor"):
            assert _ends_with(w.lower(), endings, before) == _old_ends_with(w.lower(), endings, before), (w, endings)


ROUTE_PIECES = ["von ", "Von ", "von\t", "von-", "nach ", "bis ", "Kessling ", "Ambrode", "Xvon ", "davon ", "A", "b", " ",
                "\n", "’", "1", "-", "Nagoya", "Tsurugi "]


def _check_route(text: str) -> None:
    from communique.mentions.capnames_de import _ROUTE, _route_matches

    assert [(m.span(), m.groups()) for m in _route_matches(text)] == [(m.span(), m.groups()) for m in _ROUTE.finditer(text)], text


def test_route_matches_as_the_scan():
    """``_route_matches`` (the pattern matched after each "von"/"Von") against the ``_ROUTE`` scan it replaced."""
    from communique.mentions.capnames_de import _route_matches

    rnd = random.Random(37)
    texts = ["Der Zug fuhr von Kessling nach Ambrode und von Nagoya bis nach Tsurugi; davon Avon nach Bonn.",
             "Von Kessling\tnach Ambrode, von\xa0Ulmtal bis Rotbach, von-Xdorf nach Ydorf, von\nKessling nach Ambrode."]
    texts += ["".join(rnd.choice(ROUTE_PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(6000)]
    for t in texts:
        _check_route(t)
    assert [m.group(1) for m in _route_matches(texts[0])] == ["Kessling", "Nagoya"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ROUTE_PIECES), max_size=14).map("".join))
def test_route_matches_as_the_scan_hypothesis(text):
    _check_route(text)
