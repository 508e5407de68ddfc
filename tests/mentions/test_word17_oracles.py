"""s17 (word17): the shortcuts of the German passes give what the plain code they replaced gave.

Each shortcut is compared with the plain path (kept here, or still in the module, as the oracle) on invented
words and sentences, seeded random strings and hypothesis."""

from __future__ import annotations

import random
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings, strategies as st

from communique.mentions import capnames_de as cd
from communique.mentions.capnames import cap_lexicon


def _make(s: int, e: int, etype: str, name: str) -> SimpleNamespace:
    return SimpleNamespace(start=s, end=e, etype=etype, kind="cap", eid="new:" + name)


def _spans(ms: list) -> list:
    return sorted((m.start, m.end, m.etype) for m in ms)


# --- _word_classes(lazy=True): the apposition candidates without _apposition_kind --------------------------------

_APPO_WORDS = ["Spielzeughersteller", "Technologie-Konzerns", "Rockband", "Verein", "Dörfer", "Zweitligisten",
               "Mobilfunkbetreiber", "Bürgermeister", "Vereinschef", "Magazins", "Hansestadt", "Kleinstadt",
               "Autobauer", "Softwarefirma", "Partei", "Gemeinde", "Zeitung", "Konzern", "Modemarke", "Sender"]


def test_lazy_classes_are_the_candidates_of_the_plain_classes():
    rnd = random.Random(17)
    _e, _l, tails6, short = cd._appo_ends()
    ends = sorted({*tails6, *short})
    heads = ["", "A", "Kreis", "Bundes", "Holz", "Welt-", "Ober", "İ", "Ä"]
    for _ in range(300):
        ws = set(rnd.sample(_APPO_WORDS, 4))
        for _ in range(8):
            e = rnd.choice(ends)
            w = rnd.choice(heads) + rnd.choice([e, e.capitalize(), e.upper()]) + rnd.choice(["", "s", "es", "n", "en"])
            if w:
                ws.add(w[:1].upper() + w[1:])
        lazy = cd._word_classes(ws, lazy=True)
        plain = cd._word_classes(ws)
        assert lazy[0] == plain[0] and lazy[1] == plain[1] and lazy[3] == plain[3]
        assert {w for w in lazy[2] if cd._apposition_kind(w) is not None} == plain[2]
        assert lazy[2] == {w for w in ws if _cheap_candidate(w)}


def _cheap_candidate(w: str) -> bool:
    """``_apposition_candidate`` without its ``_apposition_kind`` (the oracle of the lazy class)."""
    _e, _l, tails6, short = cd._appo_ends()
    lw = w.lower()
    return lw[-6:] in tails6 or lw in short or lw.rsplit("-", 1)[-1] in short


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.text(alphabet="KonzerbadVitlgsDöfäuhmp-İ", min_size=1, max_size=16), max_size=10))
def test_lazy_classes_hypothesis(words):
    lazy = cd._word_classes(words, lazy=True)
    plain = cd._word_classes(words)
    assert {w for w in lazy[2] if cd._apposition_kind(w) is not None} == plain[2]


_SENTENCES = [
    "Der Spielzeughersteller Mattel meldete am Montag neue Zahlen .",
    "Die Rockband Blue Harbour spielt im Sommer , sagte der Bürgermeister Hans Weber .",
    "Die Dörfer Hokkala , Kumpula und Pölkki liegen am See , der Verein Ascoli nicht .",
    "Beim Technologie-Konzerns Zentrix Systems gab es Streit ; die Partei SPD schwieg .",
    "Das Magazin „ The Harbour “ erschien , der Vereinschef Karl Moser lobte es .",
    "Bürgermeister Weber und Landrat Kuhn trafen den Autobauer Volkswagen in Wolfsburg .",
    "Die Gemeinde Kleinwalde und die Kleinstadt Oberau haben einen Sender Radio Nord .",
]


def _apposition(text: str, cands: set[str] | None) -> list:
    cap = cap_lexicon("de")
    return cd._apposition_names(text, [], None, cd.de_lexicon(), cap, cd.de_given_names(), _make,
                                set(cd._CAP_TOKEN.findall(text)), cands)


def test_apposition_names_with_the_lazy_candidates():
    rnd = random.Random(1717)
    texts = list(_SENTENCES)
    for _ in range(150):
        texts.append(" ".join(rnd.sample(_SENTENCES, 3)))
    for text in texts:
        capset = set(cd._CAP_TOKEN.findall(text))
        lazy = cd._word_classes(capset, lazy=True)[2]
        plain = cd._word_classes(capset)[2]
        want = _spans(_apposition(text, None))
        assert _spans(_apposition(text, plain)) == want, text
        assert _spans(_apposition(text, lazy)) == want, text
