"""s15 (spdde3): the shortcuts of the German passes give what the plain code they replaced gave.

Each shortcut is compared with the old code (kept here as the oracle) on invented sentences, random strings over
the characters the code looks at (a seeded generator) and hypothesis: the organisation-suffix matches found from
the suffixes' places instead of a scan of the whole text (``_suffix_matches``), the subject-clause matches found
from the conjunctions' places (``_subject_matches``), the genitive-before-noun matches from the places of the
words in -s (``_gen_before_noun_matches``), and the dictionary tests written with ``get`` instead of
``in`` (``de_town_like``, ``_word_stem``, ``_real_compound``, ``orgs_de._compound_noun``)."""

from __future__ import annotations

import random
from functools import lru_cache

from hypothesis import HealthCheck, given, settings, strategies as st

from communique.mentions import capnames_de as cd
from communique.mentions import orgs_de
from communique.mentions.capnames import _dictionary, _name_like

SENTENCES = [
    "Die Deutsche Bank AG und die Quellwerk Holding GmbH trafen sich mit der Kessler Verlag Gruppe in Ulm.",
    "Laut Tarnow Media Group, der Frankfurter Rundschau und Ostwind Energy Ltd. stieg der Kurs; Blau Presse schwieg.",
    "Die Velten Bau mbH & Co. KG zahlte, die Karsten Schmidt Verwaltungs-GmbH nicht. Rotbart Inc. kam\nAG",
    "Die Bank lehnte ab. Bank AG Holding City United Town Band Line, Kiel City, Inner City, Karl Olk Band 3.",
    "  Nord  Süd West Radio Times\n\tOst Board Party Versicherungen Versicherung Corp Corporation KGaA KG SE",
    "Er fragte, ob Velten kommt, und dass Tarnow geht, weil Olk wartet; obwohl Kessler schweigt, sodass Bauer lacht.",
    "als Ulm, bis Kiel kam, als Quast nickte, während Lenz schlief, solange Brandt blieb, nachdem Ecker fuhr obgleich",
    "Sodass Marta ging. XdassY Bonn sah, -ob Lenz ging, dass\nOlk kam, dass  Ulm kam, daß Rüdiger wusste",
]

ALPHABET = list("aAbBsSmMtTgerhÄÖÜäöüßK-_ .,;:!?\n\t\xa0'’&„“()23") + [
    "AG", "GmbH", "mbH", "Bank", "City", "Band", "Holding", "Presse", "Verlag", "Group", "KG", "KGaA", "Inc", "Line ",
    "Deutsche ", "Kiel ", "Ost ", "Olk ", "dass ", "ob ", "als ", "weil ", "sodass ", "während ", "kommt ", "ging ",
    ", ", ". ", "  ", "\n",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 50))) for _ in range(n)]


def _suffix_starts(text: str) -> list[int]:
    """Every place where one of the suffixes stands (more places than ``_org_suffix_names`` gives)."""
    starts = set()
    for x in cd.de_lexicon().org_suffixes:
        i = text.find(x)
        while i >= 0:
            starts.add(i)
            i = text.find(x, i + 1)
    return sorted(starts)


def _same_suffix_matches(text: str) -> None:
    rx = cd._suffix_rx()
    old = [(m.span(), m.groups()) for m in rx.finditer(text)]
    new = [(m.span(), m.groups()) for m in cd._suffix_matches(text, rx, _suffix_starts(text))]
    assert new == old, text


def _same_subject_matches(text: str) -> None:
    old = [(m.span(), m.group(0)) for m in cd._subject_rx().finditer(text)]
    new = [(m.span(), m.group(0)) for m in cd._subject_matches(text)]
    assert new == old, text


def test_suffix_matches_on_sentences() -> None:
    for t in SENTENCES:
        _same_suffix_matches(t)
    assert [m.group(2) for m in cd._suffix_matches(SENTENCES[0], cd._suffix_rx(), _suffix_starts(SENTENCES[0]))] \
        == ["AG", "GmbH", "Verlag"]


def test_suffix_matches_on_random_texts() -> None:
    for t in _random_texts(3000, 15):
        _same_suffix_matches(t)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_suffix_matches_hypothesis(text: str) -> None:
    _same_suffix_matches(text)


def _old_org_suffix_gate(text: str, capset: set[str]) -> bool:
    """Whether ``_org_suffix_names`` scanned the text before s15."""
    lex = cd.de_lexicon()
    present = lex.org_suffixes & capset
    hit = any(x in text for x in cd._lower_org_suffixes(lex.org_suffixes))
    if present and not hit:
        hit = any(cd._cap_token_before(text, a) for a, _b, _w in cd._token_spans(text, present))
    return hit


def test_org_suffix_names_keeps_the_scan_matches() -> None:
    """The pass's own mentions: what the scan of the whole text gave (the same texts, both ways)."""
    made = []

    def make(s, e, etype, name):
        made.append((s, e, etype, name))
        return _M(s, e, etype)

    for t in SENTENCES + _random_texts(800, 16):
        capset = set(cd._CAP_TOKEN.findall(t))
        made.clear()
        cd._org_suffix_names(t, [], cd.de_lexicon(), make, capset)
        got = [x for x in made if x[2] == "organization"]
        want = []
        if _old_org_suffix_gate(t, capset):
            made.clear()
            cd._org_suffix_names(t, [], cd.de_lexicon(), make, None)  # the plain scan (no word set)
            want = [x for x in made if x[2] == "organization"]
        assert got == want, t


class _M:
    def __init__(self, s: int, e: int, etype: str) -> None:
        self.start, self.end, self.etype, self.kind, self.eid = s, e, etype, "cap", "new:x"


def test_subject_matches_on_sentences() -> None:
    for t in SENTENCES:
        _same_subject_matches(t)
    assert [m.group(0) for m in cd._subject_matches(SENTENCES[5])] == ["Velten", "Tarnow", "Olk", "Kessler", "Bauer"]


def test_subject_matches_on_random_texts() -> None:
    for t in _random_texts(3000, 17):
        _same_subject_matches(t)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_subject_matches_hypothesis(text: str) -> None:
    _same_subject_matches(text)


# the dictionary tests before s15, with "x in d" (Mapping.__contains__)
@lru_cache(maxsize=None)
def _old_word_stem(h: str, depth: int = 0) -> bool:
    d = _dictionary("de")
    if len(h) < 3:
        return False
    if h in d or h.lower() in d or h.capitalize() in d:
        return True
    for x in cd._LINKS:
        b = h[:-len(x)]
        if h.endswith(x) and len(b) >= 3 and (b in d or b.lower() in d or b.capitalize() in d):
            return True
    if any(h.lower() + x in d or h.capitalize() + x in d for x in ("e", "en", "n")):
        return True
    return depth < 1 and any(_old_word_stem(h[:k], depth + 1) and h[k:].capitalize() in d for k in range(3, len(h) - 2))


def _old_real_compound(w: str) -> bool:
    d = _dictionary("de")
    names = _name_like("de")
    return any(w[k].upper() + w[k + 1:] in d and w[k].upper() + w[k + 1:] not in names and _old_word_stem(w[:k])
               for k in range(3, len(w) - 3))


def _old_town_like(word: str) -> bool:
    d = _dictionary("de")
    if d.get(word) != word or word.lower() in d or len(word) < 4:
        return False
    return not any(d.get(word + x) == word for x in ("e", "en", "n", "er", "ern", "es"))


def _old_compound_noun(w: str) -> bool:
    if len(w) < 9 or not w[1:].islower() or w.endswith("er"):
        return False
    d = _dictionary("de")
    return any(w[k].upper() + w[k + 1:] in d and _old_word_stem(w[:k]) for k in range(4, len(w) - 3))


WORDS = ["Hauptinitiant", "Rennradler", "Marienklosters", "Wendelin", "Vitantonio", "Ingenieurbüro", "Frachtreederei",
         "Mainz", "Rostock", "Bergen", "Kiel", "Halle", "Hof", "Arbeitsamt", "Schulhof", "Tarnowitz", "Quellwerk",
         "Bundesstraße", "Wasserwerk", "Kindergarten", "Xyzzyplonk", "Abc", "Ab", "Velten", "Bürgermeister", "Straße"]


def test_dictionary_get_forms() -> None:
    for w in WORDS:
        assert cd._word_stem(w) == _old_word_stem(w), w
        assert cd._word_stem(w, 1) == _old_word_stem(w, 1), w
        assert cd._real_compound(w) == _old_real_compound(w), w
        assert cd.de_town_like(w) == _old_town_like(w), w
        assert orgs_de._compound_noun(w.lower().capitalize()) == _old_compound_noun(w.lower().capitalize()), w
    assert cd._real_compound("Rennradler") and not cd._real_compound("Wendelin")


GEN_ALPHABET = ALPHABET + ["Merkels ", "Olks ", "Tarnows ", "Rede ", "Redes ", "Plan", "’", "'", ".", "-", "Äs ", "Ités ", "és"]


def _same_gen_matches(text: str) -> None:
    old = [(m.span(), m.groups()) for m in cd._GEN_BEFORE_NOUN.finditer(text)]
    swords = {w for w in cd._CAP_TOKEN.findall(text) if w[-1] == "s"}
    new = [(m.span(), m.groups()) for m in cd._gen_before_noun_matches(text, swords)]
    assert new == old, text


def test_gen_before_noun_matches() -> None:
    texts = ["nach Tarnows Rücktritt und Olks Redes Ende, seit Ostrowskis Wahl; d.Merkels Plan, O’Neills Buch, X-Olks Rat"]
    for t in texts + SENTENCES:
        _same_gen_matches(t)
    assert [m.group(1) for m in cd._gen_before_noun_matches(texts[0], {"Tarnows", "Olks", "Redes", "Ostrowskis", "Merkels"})] \
        == ["Tarnows", "Olks", "Ostrowskis"]
    rnd = random.Random(20)
    for _ in range(4000):
        _same_gen_matches("".join(rnd.choice(GEN_ALPHABET) for _ in range(rnd.randint(0, 30))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(GEN_ALPHABET), max_size=30).map("".join))
def test_gen_before_noun_matches_hypothesis(text: str) -> None:
    _same_gen_matches(text)


PREP_ALPHABET = ALPHABET + ["in ", "In ", "IN ", "iN ", "aus ", "AUS ", "Aus ", "nach ", "NaCh ", "unweit ", "Unweit ", "von ",
                            "Von ", "ab ", "Ab ", "bei ", "gen ", "nahe ", "Hof", "Halle", "Kiel", "ın ", "İn ", "auſ ", "ǅ",
                            "ß", "ein ", "(", "„", "/"]


def _same_prep_town_matches(text: str) -> None:
    old = [(m.span(), m.group(0)) for m in cd._prep_town_rx().finditer(text)]
    new = [(m.span(), m.group(0)) for m in cd._prep_town_matches(text)]
    assert new == old, text


def test_prep_town_matches_on_sentences() -> None:
    texts = ["Er kam aus Hof nach Kiel, wohnte in Halle und unweit Ulm; Von Bonn ab Köln, IN Lahr, iN Rees.",
             "Sie zog ın Hof und İn Kiel, auſ Ulm nach\nBonn, in  Lahr, ein Rees, gen Osten bei Trier (nahe Prüm)"]
    assert cd._prep_town_rx().pattern.endswith(")" + cd._PREP_TOWN_TAIL.pattern[len("[A-ZÄÖÜ]"):])
    assert cd._prep_town_rx().pattern.startswith("[A-ZÄÖÜ](?:(?<=")
    for t in texts + SENTENCES:
        _same_prep_town_matches(t)
    assert [m.group(0) for m in cd._prep_town_matches(texts[0])] == ["Hof", "Kiel", "Halle", "Ulm", "Bonn", "Köln", "Lahr",
                                                                     "Rees"]
    assert [m.group(0) for m in cd._prep_town_matches(texts[1])] == ["Hof", "Kiel", "Ulm", "Osten", "Trier", "Prüm"]


def test_prep_town_matches_on_random_texts() -> None:
    rnd = random.Random(18)
    for _ in range(4000):
        _same_prep_town_matches("".join(rnd.choice(PREP_ALPHABET) for _ in range(rnd.randint(0, 40))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PREP_ALPHABET), max_size=40).map("".join))
def test_prep_town_matches_hypothesis(text: str) -> None:
    _same_prep_town_matches(text)


def test_prep_town_case_strays() -> None:
    """Every character of the Basic Multilingual Plane that (?i) matches to a letter of the prepositions is that letter
    in either case or one of ``_CASE_STRAYS``, so ``prep_needles`` holds every spelling the pattern matches."""
    import re

    letters = sorted({c for p in cd.prep_needles() for c in p.strip().lower() if c.isascii()})
    for c in letters:
        rx = re.compile("(?i:" + c + ")")
        found = {chr(u) for u in range(0x10000) if not 0xD800 <= u < 0xE000 and rx.fullmatch(chr(u))}
        assert found <= {c, c.upper(), *cd._CASE_STRAYS.get(c, "")}, (c, found)
