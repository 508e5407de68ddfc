"""s16 (dep16): the shortcuts of the German passes give what the plain code they replaced gave.

Each shortcut is compared with the plain code (kept here as the oracle) on invented words and sentences, seeded
random strings and hypothesis: the gate of ``_word_classes`` (the new words pass two regex scans over them first;
only those ending like an ending of a class, or starting like a compass prefix, are walked), the verbs of saying
as a trie in ``_after_blank_rx``, the club pattern that reads its first character before its look-behind
(``_club_rx``), the quoted titles and road numbers matched at the places of their first characters
(``_matches_at_firsts``) and the street-adjective matches read in the lines of the street heads (``_street_adj_matches``)."""

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



def _plain_after_blank_rx(speech: frozenset[str]):
    """``_after_blank_rx`` before s16: the verbs first, longest first, the look-ahead second."""
    import re
    verbs = sorted((v[::-1] for v in speech if cd._LOWER_RUN.fullmatch(v)), key=len, reverse=True)
    alt = "|".join(map(re.escape, verbs)) or "(?!)"
    return re.compile(r"[A-ZÄÖÜ] (?:(?:" + alt + r")(?:[ \n]|\Z)|(?![a-zäöüß]+(?:[ \n]|\Z)))")


BLANK_ALPHABET = list("aeinrstuäöüßAEKMSÄÖÜ .,\n\t-\"") + [
    "sagte ", "sagt ", "erklärte ", "meinte ", "sagten ", "sag ", "te ", "Pfister ", "Bauer ", "X ", " ", "\n",
]


def _check_blank(text: str, speech: frozenset[str]) -> None:
    r = text[::-1]
    old = [m.span() for m in _plain_after_blank_rx(speech).finditer(r)]
    assert [m.span() for m in cd._after_blank_rx(speech).finditer(r)] == old, text


def test_after_blank_trie_as_the_alternation():
    speech = cd.de_lexicon().speech_verbs
    for t in ("Er sagte Pfister , sagt Bauer und meinte X. Die Frau erklärte Ulm sagten Kiel", "sag Te te Pfister",
              "\nsagte Ä", "sagte  Bauer", "Asagte Bauer"):
        _check_blank(t, speech)
    rnd = random.Random(616)
    small = frozenset({"sagte", "sagt", "sag", "te", "meinte", "ergänzte", "x1"})
    for _ in range(1500):
        t = "".join(rnd.choice(BLANK_ALPHABET) for _ in range(rnd.randint(0, 40)))
        _check_blank(t, speech)
        _check_blank(t, small)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(BLANK_ALPHABET), max_size=30).map("".join))
def test_after_blank_trie_hypothesis(text):
    _check_blank(text, cd.de_lexicon().speech_verbs)


CLUB_ALPHABET = list("FCSVB12. \n\t-/'aeüÄ0459") + [
    "FC ", "SV ", "SpVgg ", "SpVg ", "TSV ", "VfB ", "1. ", "2.", "1 . ", "FFC ", "BV ", "Nürnberg", "Schalke ", "04",
    "1860 ", "Wehen-Wiesbaden", "Bayern/Hof", "xFC ", "-SV ", "Mainz ", " ",
]


def _check_club(text: str) -> None:
    old = [(m.span(), m.groups()) for m in cd._plain_club_rx().finditer(text)]
    assert [(m.span(), m.groups()) for m in cd._club_rx().finditer(text)] == old, text


def test_club_rx_as_the_plain_pattern():
    for t in ("Der 1. FC Nürnberg schlug den FC Schalke 04 und den TSV 1860 München, SpVgg Greuther Fürth",
              "2. SV Wehen-Wiesbaden, xFC Ulm, -SV Ulm, 1 .FC Köln, 1.  FC Köln, FC\nKöln, SV 1860 Hof/Ulm Nord Süd"):
        _check_club(t)
    rnd = random.Random(1616)
    for _ in range(2000):
        _check_club("".join(rnd.choice(CLUB_ALPHABET) for _ in range(rnd.randint(0, 30))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CLUB_ALPHABET), max_size=25).map("".join))
def test_club_rx_hypothesis(text):
    _check_club(text)


QUOTE_ALPHABET = list("„\"»«“” \n\tABab13-.,:…") + [
    "„ Wallace und Gromit “", "\" Grand Theft Auto \"", "» Ecce homo «", " A 7", "A7 ", "B 27,", "A 380", "die ", "B1-",
    "x" * 60, " ", "A", "B",
]


def _check_at(rx, text: str, firsts: str) -> None:
    old = [(m.span(), m.groups()) for m in rx.finditer(text)]
    assert [(m.span(), m.groups()) for m in cd._matches_at_firsts(rx, text, firsts)] == old, text


def test_matches_at_firsts_as_the_scan():
    for t in ("Er las „ Kater und Krähe : Zwei am Deich “ und \" Grand Theft Auto \" auf der A 7 bei B 27 .",
              "„ “ „„ x “ \" \" \"a\" » b « « c » “ d ” A1 B 2 A 380 AB12 A 1234 B 3,5 xA 4 A 7-Ring"):
        _check_at(cd._QUOTED, t, cd._QUOTE_OPENERS)
        _check_at(cd._ROAD, t, "AB")
    rnd = random.Random(16016)
    for _ in range(2000):
        t = "".join(rnd.choice(QUOTE_ALPHABET) for _ in range(rnd.randint(0, 30)))
        _check_at(cd._QUOTED, t, cd._QUOTE_OPENERS)
        _check_at(cd._ROAD, t, "AB")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(QUOTE_ALPHABET), max_size=25).map("".join))
def test_matches_at_firsts_hypothesis(text):
    _check_at(cd._QUOTED, text, cd._QUOTE_OPENERS)
    _check_at(cd._ROAD, text, "AB")


STREET_ALPHABET = list("aeErRJLPSstBhnfo \n\t-.,") + [
    "Jenaer ", "Straße", "Plauer ", "See", "Lehrter ", "Bahnhof", "Neuer ", "Weg", "Berliner Müller Straße",
    "Kieler-", "Ring", "Tor ", "Xer ", " ", "\n", "Allee",
]


def _check_street(text: str) -> None:
    heads = cd.de_lexicon().street_heads
    old = [(m.span(), m.groups()) for m in cd._STREET_ADJ.finditer(text) if m.group(2) in heads]
    got = [(m.span(), m.groups()) for m in cd._street_adj_matches(text, heads & set(cd._CAP_TOKEN.findall(text)))
           if m.group(2) in heads]
    assert got == old, text


def test_street_adj_lines_as_the_scan():
    for t in ("Er wohnt in der Jenaer Straße, am Plauer See und am Lehrter Bahnhof.\nNeuer Weg",
              "Berliner Müller Straße\nKieler Ring Tor\nJenaer  Straße-Nord, Xer Allee."):
        _check_street(t)
    rnd = random.Random(1606)
    for _ in range(2000):
        _check_street("".join(rnd.choice(STREET_ALPHABET) for _ in range(rnd.randint(0, 25))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STREET_ALPHABET), max_size=25).map("".join))
def test_street_adj_lines_hypothesis(text):
    _check_street(text)
