"""s16 (dep16): the shortcuts of the German passes give what the plain code they replaced gave.

Each shortcut is compared with the plain code (kept here as the oracle) on invented words and sentences, seeded
random strings and hypothesis: the gate of ``_word_classes`` (the words new to the process pass C calls first;
only those ending like an ending of a class, or starting like a compass prefix, are walked)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings, strategies as st

from communique.mentions import capnames_de as cd


def _plain_classes(capset: set[str]) -> tuple:
    """The four walks of every word that ``_word_classes`` replaced (s14's oracle)."""
    ends = cd._authority_endings()
    return ({w for w in capset if w[-1] == "s"}, {w for w in capset if cd._place_shape(w)},
            {w for w in capset if cd._apposition_candidate(w)}, {w for w in capset if w.endswith(ends)})


def _endings() -> list[str]:
    """Every ending and prefix a class tests, as the data gives them."""
    pre, ends = cd._place_shape_affixes()
    _e, _l, tails6, short = cd._appo_ends()
    return sorted({*pre, *ends, *tails6, *short, *cd._authority_endings()})


def test_word_classes_gate_on_the_data_endings():
    rnd = random.Random(16)
    ends = _endings()
    heads = ["", "A", "Kreis", "Bundes", "Süd", "Ober", "X-", "Groß-", "İ", "\u212a", "Ä", "ẞ"]
    for _ in range(400):
        ws = set()
        for _ in range(10):
            e = rnd.choice(ends)
            e = rnd.choice([e, e.upper(), e.capitalize(), e[:1].upper() + e[1:], e.swapcase()])
            w = rnd.choice(heads) + e + rnd.choice(["", "", "s", "es", "n", "en", "İ", "\u212a", "-" + rnd.choice(ends)])
            if w:
                ws.add(w)
        assert cd._word_classes(ws) == _plain_classes(ws), ws


def test_word_classes_gate_keeps_the_known_examples():
    words = {"Südfrankreich", "Nordafrikas", "Schwanitzstraße", "Spielzeughersteller", "Technologie-Konzerns",
             "Amtsgericht", "Landratsamts", "Kreises", "Rockband", "Xamt", "Unterwegs", "Hausboot"}
    got = cd._word_classes(words)
    assert got == _plain_classes(words)
    assert "Südfrankreich" in got[1] and "Schwanitzstraße" in got[1] and "Spielzeughersteller" in got[2]
    assert "Amtsgericht" in got[3] and {"Kreises", "Nordafrikas", "Landratsamts", "Technologie-Konzerns"} <= got[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.text(alphabet="SüdNorstaßegchmkzbnlÄXAMTİK\u212a-", min_size=1, max_size=16), max_size=12))
def test_word_classes_gate_hypothesis(words):
    assert cd._word_classes(words) == _plain_classes(words)

