"""s13 (spdcore): each shortcut of the shared mention code against the plain path it replaces, on invented
text and random strings, so that a later rule change cannot silently break a shortcut."""

from __future__ import annotations

import random
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mentions import capnames
from communique.mentions.common import _Coverage

INVENTED = [
    "Die Neue Deutsche Landesbank und das Bundesumweltministerium luden am Dienstag ein.",
    "Der Bayerische Rundfunk berichtete, die Süddeutschen Verkehrsbetriebe für Bahn und Bus seien pünktlich.",
    "Ein Sprecher der staatsanwaltschaft und des Reichsverbandes, dazu das LANDESAMT, äußerten sich.",
    "Im Staatsrat sprach die Fränkische Kulturstiftung Nürnberg; die Bundesländer schwiegen.",
    "ſtaatsbank Bundesſtiftung İstanbul Landesbank",
]


def _old_org_phrases(text: str, lex: capnames.CapLexicon) -> list[tuple[int, int]]:
    """The s12 _org_phrases: the plain regexes, finditer."""
    out: list[tuple[int, int]] = []
    rx, pre_rx = capnames._org_phrase_rxs(lex.org_endings, lex.org_prefixes)
    for m in rx.finditer(text):
        if not m.group(2).lower().endswith(lex.org_endings):
            continue
        a, b = m.span()
        first = text[a:text.find(" ", a)]
        if first.lower() in lex.stop:
            nxt = re.match(r"\S+\s+", text[a:])
            a += nxt.end() if nxt else 0
            if not re.match(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es|em)\s", text[a:b]):
                continue
        out.append((a, b))
    if pre_rx is not None:
        folded = text.casefold()
        if not any(p in folded for p in lex.org_prefixes):
            return out
        for m in pre_rx.finditer(text):
            if m.group(0)[:1].isupper():
                out.append(m.span())
    return out


_POOL = ["Bundes", "Landes", "staats", "Reichs", "LANDES", "bank", "ministerium", "rat", "stiftung", "Neue ",
         "Deutsche ", "Bayerischen ", "Zeitung", " für ", " der ", " und ", "Verband", "a", "e", "en", "er", "ä", "ß",
         "ſ", "İ", "ı", "K", "-", ",", ".", " ", "\n", "1", "Die "]


def _random_texts(n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    return ["".join(r.choice(_POOL) for _ in range(r.randint(0, 20))) for _ in range(n)]


def test_org_phrases_same_as_plain_regexes() -> None:
    lex = capnames.cap_lexicon("de")
    for text in INVENTED + _random_texts(4000, 13):
        assert capnames._org_phrases(text, lex) == _old_org_phrases(text, lex), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_POOL), max_size=25).map("".join))
def test_org_phrases_hypothesis(text: str) -> None:
    lex = capnames.cap_lexicon("de")
    assert capnames._org_phrases(text, lex) == _old_org_phrases(text, lex)


def test_adjective_regex_same_matches() -> None:
    lex = capnames.cap_lexicon("de")
    old = capnames._org_phrase_rxs(lex.org_endings, lex.org_prefixes)[0]
    new = capnames._org_phrase_rx_fast(lex.org_endings)
    for text in INVENTED + _random_texts(3000, 7):
        assert [(m.span(), m.groups()) for m in old.finditer(text)] == [(m.span(), m.groups()) for m in new.finditer(text)]


def test_ignorecase_strays_table() -> None:
    """Every code point that re.IGNORECASE matches to an ASCII letter, other than those whose lower() is it."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for x in string.ascii_lowercase:
        strays = {m.group() for m in re.finditer(re.escape(x), every, re.IGNORECASE)} - {c for c in every if c.lower() == x}
        assert strays == set(capnames._IGNORECASE_STRAYS.get(x, "")), x
    assert capnames._ignorecase_strays("Bundes") is None  # not lower-case ASCII: the regex itself


def test_prefix_finditer_same_as_finditer() -> None:
    lex = capnames.cap_lexicon("de")
    pre = capnames._org_phrase_rxs(lex.org_endings, lex.org_prefixes)[1]
    for text in INVENTED + _random_texts(3000, 5):
        if any(p in text.casefold() for p in lex.org_prefixes):
            assert [m.span() for m in capnames._prefix_finditer(pre, lex.org_prefixes, text)] == \
                [m.span() for m in pre.finditer(text)], text


def _old_prev_words(text: str, s: int, k: int = 3) -> list[str]:
    left = text[max(0, s - 60):s]
    ws = capnames._PREV_TOKENS.findall(left)
    return [w.lower() for w in ws[-k:]]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab Ä1_-'’,.;:()\"x\n", max_size=120), st.integers(0, 130), st.integers(1, 4))
def test_prev_words_same(text: str, s: int, k: int) -> None:
    s = min(s, len(text))
    assert capnames._prev_words(text, s, k) == _old_prev_words(text, s, k)


def test_prev_words_invented() -> None:
    text = " ".join(INVENTED)
    for s in range(len(text) + 1):
        for k in (3, 4):
            assert capnames._prev_words(text, s, k) == _old_prev_words(text, s, k)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=20), st.integers(0, 70), st.integers(0, 12))
def test_overlap_index_same_as_scan(raw: list[tuple[int, int]], s: int, width: int) -> None:
    spans = [(a, a + w, object()) for a, w in raw]
    e = s + width
    assert capnames._overlap_index(spans)(s, e) == [x for x in spans if x[0] < e and s < x[1]]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=20), st.integers(0, 70), st.integers(0, 12))
def test_coverage_of_spans_same_as_scan(raw: list[tuple[int, int]], s: int, width: int) -> None:
    spans = [(a, a + w) for a, w in raw]
    e = s + width
    assert _Coverage.of_spans(spans).overlaps(s, e) == any(a < e and s < b for a, b in spans)


_OLD_CAPRUN = re.compile(
    r"([A-Z](?<![\w'’.-].)(?:[a-z’'-]*[a-z](?:[A-Z][a-z]+)?|[A-Z]{2,}|(?<=S)t\.|(?<=M)t\.|(?<=F)t\.)"
    r"(?:[^\S\n](?:[A-Z][a-z’'-]*[a-z](?:[A-Z][a-z]+)?|[A-Z]{3,})){0,2})(?![\w’'-])")


def test_caprun_same_matches() -> None:
    from communique.mentions import places

    r = random.Random(11)
    pool = list("AaBbSMtF.’'- \nzZäÄ1\xa0") + ["Mc", "Kee", "St.", "ABC", "Ft. ", "O'N"]
    texts = INVENTED + ["Near McKee, St. Louis and Ft. Worth the O'Neill-Smith farm; HOLLIDAY Road - Abc-"]
    texts += ["".join(r.choice(pool) for _ in range(r.randint(0, 24))) for _ in range(6000)]
    for text in texts:
        assert [m.span() for m in places._CAPRUN.finditer(text)] == [m.span(1) for m in _OLD_CAPRUN.finditer(text)], text


def test_surname_shape_same_matches() -> None:
    from communique.mentions import common

    old = re.compile(
        r"[A-ZÁÉÍÓÚÑ](?<![\w'’-].)(?:"
        r"(?<=[A-ZÁÉÍÓÚÑ])[a-záéíóúñ]{4,}+(?![\w'’-])(?:" + common._ends_behind(common._SURNAME_ENDS_ES, "[a-záéíóúñ]") + ")"
        r"|(?<=[A-Z])[a-z]{4,}+(?![\w'’-])(?:" + common._ends_behind(common._SURNAME_ENDS, "[a-z]") + "))")
    r = random.Random(17)
    parts = ["Ko", "Pe", "Ál", "Iwa", "now", "owa", "ska", "skaja", "enko", "witsch", "ez", "és", "áez", "rodr", "íguez",
             "a", "z", "s", "ñ", "ä", " ", "-", "'", "\n", "X", "schenko", "tschuk", "wicz", "sky"]
    texts = ["Kowalski, Petrowa und Rodríguez trafen Iwanow; Schewtschenko und Sánchez, Pérez, Lukaschenko, Godáez."]
    texts += ["".join(r.choice(parts) for _ in range(r.randint(0, 16))) for _ in range(6000)]
    for text in texts:
        assert [m.span() for m in common._SURNAME_SHAPE.finditer(text)] == [m.span() for m in old.finditer(text)], text
