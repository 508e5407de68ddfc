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


# --- _cue_word: its own sets and the role endings by their last three letters before _role_word ------------------

def _plain_cue_word(word: str) -> int:
    """``_cue_word`` as it was before s17 (the oracle)."""
    if word.lower() in cd.de_lexicon().speech_verbs:
        return 1
    if word[:1].isupper() and cd._role_word.__wrapped__(word):
        return 2
    return 0


def _cue_words() -> list[str]:
    lex = cd.de_lexicon()
    cap = cap_lexicon("de")
    base = sorted({*lex.role_endings, *cap.per_cues, *cd._bare_roles(), *lex.speech_verbs, *lex.apposition})
    return base


def test_cue_word_as_before_on_the_data_words():
    rnd = random.Random(171)
    base = _cue_words()
    heads = ["", "Bundes", "CSU-", "Ober", "Vize-", "Ex", "Chef", "Haupt", "A", "Sä", "\u212a"]
    tails = ["", "", "in", "innen", "s", "n", "en", "e", "\n", "-", "ist", "isten", "istin", "er"]
    words = set()
    for x in base:
        words.update({x, x.capitalize(), x.upper()})
    for _ in range(4000):
        x = rnd.choice(base)
        w = rnd.choice(heads) + rnd.choice([x, x.capitalize()]) + rnd.choice(tails)
        words.add(w[:1].upper() + w[1:] if rnd.random() < 0.8 else w)
    for w in sorted(words):
        assert cd._cue_word.__wrapped__(w) == _plain_cue_word(w), w


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="TrainePolitkSsagtmüChfBr-\nİAUa", min_size=0, max_size=18))
def test_cue_word_hypothesis(word):
    assert cd._cue_word.__wrapped__(word) == _plain_cue_word(word)


def test_cue_word_examples():
    assert cd._cue_word("Trainer") == 2 and cd._cue_word("CSU-Politiker") == 2 and cd._cue_word("sagte") == 1
    assert cd._cue_word("Angela") == 0 and cd._cue_word("Merkel") == 0
