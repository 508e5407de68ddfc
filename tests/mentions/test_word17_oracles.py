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


# --- _given_kind: an ASCII word's fold is its lower case --------------------------------------------------------

def _plain_given_kind(g0: str, given: frozenset[str]) -> int:
    if g0.lower() in given:
        return 1
    f = cd.fold(g0)
    if f in given:
        return 1
    return 2 if f in cd.de_weak_given_names() else 0


def test_given_kind_as_before():
    given = cd.de_given_names()
    rnd = random.Random(1771)
    words = ["Anna", "Jürgen", "Dawn", "Hans", "Zoë", "Ögmund", "Merkel", "Ba`ker", "ANNA", "İlkay", "Renée", "Sabine"]
    names = sorted(given)[:400] + sorted(cd.de_weak_given_names())[:200]
    for _ in range(1500):
        n = rnd.choice(names)
        words.append(rnd.choice([n, n.capitalize(), n.upper()]) + rnd.choice(["", "", "s", "`", "é", "-Peter"]))
    for w in words:
        assert cd._given_kind.__wrapped__(w, given) == _plain_given_kind(w, given), w


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="AnaJürgeDwHsbiÖ`éİK\u212a", min_size=1, max_size=10))
def test_given_kind_hypothesis(word):
    given = cd.de_given_names()
    assert cd._given_kind.__wrapped__(word, given) == _plain_given_kind(word, given)


# --- _person_genitive_stem: a word whose base is no listed name nor a KB name is rejected first -----------------

def _plain_genitive_stem(w: str, kb) -> bool:
    """``_person_genitive_stem`` before s17 (the oracle), copied."""
    base = w[:-1]
    names = cd._name_like("de")
    if base in cd.de_weak_surnames() and not cd._known_lower(base, "de"):
        return True
    if base in cd.de_noun_surnames() and not cd._known_lower(base, "de") and not cd._known_lower(w, "de"):
        return True
    if cd._known_lower(w, "de") or cd._known_lower(base, "de") or (cd._known(base, "de") and base not in names):
        return False
    lemma = cd._dictionary("de").get(w)
    if lemma is not None and lemma != base and w not in names:
        return False
    cap = cap_lexicon("de")
    if cap is None or base.lower() in cap.stop or len(base) < 3:
        return False
    person = False
    for eid, _k, _f in kb.index.get(cd.fold(base), ()):
        ent = kb.entities.get(eid) or {}
        t = ent.get("type")
        if t == "person":
            person = True
        elif t != "place" or ent.get("capital") or (ent.get("population") or 0) >= 20_000 or not eid.startswith("gn:"):
            return False
    if cd._known(base.lower(), "en"):
        return False
    return person or base in cd.de_surnames() or cd.fold(base) in cd.de_given_names()


def test_person_genitive_stem_as_before(linker):
    kb = linker.kb
    rnd = random.Random(17)
    words = ["Merkels", "Johnsons", "Hoovers", "Köhlers", "Chinas", "Siemens", "Leipzigs", "Teams", "Stars", "Hauses",
             "Bushs", "Putins", "Müllers", "Annas", "Jürgens", "Xyzzys", "Kreises", "Brandts", "Goethes", "Kiels"]
    pool = sorted(cd.de_surnames())[:300] + sorted(cd.de_noun_surnames())[:100] + sorted(cd.de_weak_surnames())[:100] \
        + [g.capitalize() for g in sorted(cd.de_given_names())[:200]]
    for _ in range(600):
        words.append(rnd.choice(pool) + "s")
    for w in words:
        assert cd._person_genitive_stem.__wrapped__(w, kb) == _plain_genitive_stem(w, kb), w
    assert cd._person_genitive_stem("Merkels", kb) and not cd._person_genitive_stem("Chinas", kb)
