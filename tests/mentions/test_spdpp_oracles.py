"""s14 German linking speed (spdpp): each shortcut in persons_de/places_de against the code it replaced, on
invented text (hypothesis over pieces that make the shapes likely)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from communique.mentions import places_de, persons_de
from communique.mentions.capnames import _name_like
from communique.mentions.capnames_de import _token_spans, _verb_word
from communique.mentions.spanindex import SpanIndex

# the regexes as they were before s14 (a lookbehind first: tried at every position of the text)
_OLD_RIVER = re.compile(r"(?<![\w-])(?:zur|zum|vom|am|[Dd]ie|[Dd]er|[Dd]en|[Dd]em)[^\S\n]+([A-ZÄÖÜ][\w'’]*\w)(?![\w'’-])"
                        r"((?:[^\S\n]+[^\s,.;:!?()]+){0,4}?)[^\S\n]+(?:fließt|fliesst|mündet|münden|durchfließt|durchflossen|entspringt|entwässert)(?!\w)")
_OLD_PEERAGE = re.compile(r"(?<![\w-])(?:Earl|Duke|Duchess|Marquess|Marquis|Viscount|Baron|Baroness|Countess|Lord|Bishop|Archbishop)"
                          r"[^\S\n]+of[^\S\n]+([A-Z][\w'’]*[a-z])(?![\w'’-])")


def _old_romance_rx() -> re.Pattern:
    heads = sorted({str(x) for x in places_de._data().get("romance_heads") or []}, key=len, reverse=True)
    parts = sorted({str(x) for x in places_de._data().get("romance_particles") or []}, key=len, reverse=True)
    part = "(?:" + "|".join(re.escape(p) + ("" if p.endswith("'") else r"[^\S\n]+") for p in parts) + ")"
    name = r"[A-ZÄÖÜÀ-ÞŠŽČ][\w'’-]*\w"
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, heads)) + r")[^\S\n]+" + part + "?" + name
                      + r"(?:[^\S\n]+" + part + name + ")*" + r"(?![\w'’-])")


_PIECES = ["zur", "zum", "am", "vom", "Die", "die", "der", "Der", "den", "dem", "Oulette", "Vanne", "Ill", "fließt", "mündet",
           "entspringt", "durchflossen", "Earl", "Baron", "Baroness", "Bishop", "of", "Wexbury", "Lago", "di", "Via", "del",
           "Pont", "du", "Gard", "Val", "d'", "Aosta", "Étang", "de", "la", "Vézère", "Geschichte", "Lage", "Geographische",
           "Wirtschaft", "Kramer", "liegt", "war", "ist", "und", "oder", "sowie", "Anna", "Weber", "x", "ä", "Ü", "-", "_",
           " ", "  ", "\t", "\n", "\xa0", "\u2009", ",", ".", "(", "’", "'", "Ł", "😀"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_SENTENCES = ("Bevor er zur Oulette fließt, die Ill entspringt im Wald; von der Vanne durchflossen.\n"
              "Der Earl of Wexbury und die Baroness of Hallam, xEarl of Nowhere, Bishop  of\tDurham.\n"
              "Am Lago di Sottomarina, an der Via del Corso, am Pont du Gard und im Val d'Aosta; -Via Roma nicht.\n"
              "Geschichte Kastrinje war klein.\nLage Vellaroo liegt am See. Wirtschaft Borna ist stark.")


def _spans(rx: re.Pattern, t: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(t)]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_word_start_regexes_match_as_the_lookbehind_forms(t: str) -> None:
    assert _spans(places_de._RIVER, t) == _spans(_OLD_RIVER, t)
    assert _spans(places_de._PEERAGE, t) == _spans(_OLD_PEERAGE, t)
    assert _spans(places_de._romance_rx(), t) == _spans(_old_romance_rx(), t)


def test_word_start_regexes_on_invented_sentences() -> None:
    for new, old in ((places_de._RIVER, _OLD_RIVER), (places_de._PEERAGE, _OLD_PEERAGE), (places_de._romance_rx(), _old_romance_rx())):
        assert _spans(new, _SENTENCES) == _spans(old, _SENTENCES)
    assert [m.group(1) for m in places_de._RIVER.finditer(_SENTENCES)] == ["Oulette", "Ill", "Vanne"]
    assert [m.group(1) for m in places_de._PEERAGE.finditer(_SENTENCES)] == ["Wexbury", "Hallam", "Durham"]


def _section_hits_old(text: str) -> list:
    return [m.span(1) for m in places_de._SECTION.finditer(text) if m.start() == 0 or text[m.start() - 1] == "\n"]


def _section_hits_new(text: str) -> list:
    """``located_subjects``' section step alone (the regex matched at each line start)."""
    hits = []
    i = 0
    while i >= 0:
        m = places_de._SECTION.match(text, i)
        if m is not None:
            hits.append(m.span(1))
        i = text.find("\n", i)
        if i >= 0:
            i += 1
    return hits


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_section_titles_at_line_starts_are_the_filtered_scan(t: str) -> None:
    assert _section_hits_new(t) == _section_hits_old(t)


def test_located_subjects_finds_section_places() -> None:
    from communique.mentions.common import Mention

    def make(s, e, typ, w):
        return Mention(s, e, "new:place/" + w, "cap", typ)
    got = places_de.located_subjects(_SENTENCES, [], make, {"Geschichte", "Lage", "Wirtschaft"})
    assert sorted(_SENTENCES[m.start:m.end] for m in got) == sorted(_SENTENCES[slice(*s)] for s in _section_hits_old(_SENTENCES)
                                                                     if all(persons_de._cd._unknown_name_token(t)
                                                                            for t in _SENTENCES[slice(*s)].split()))


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=200))
def test_pretests_never_skip_a_match(t: str, k: int) -> None:
    """``_conj_before`` and the ``_NAME_TOKEN_LEFT`` test hold wherever the searches they guard match."""
    s = min(k, len(t))
    lm = persons_de._CONJ_LEFT.search(t, max(0, s - 40), s)
    if lm and "," not in lm.group(0):
        assert persons_de._conj_before(t, s)
    lt = persons_de._NAME_TOKEN_LEFT.search(t, max(0, s - 30), s)
    if lt:
        j = persons_de._blanks_before(t, s)
        assert 0 < j < s and t[j - 1] in persons_de._NAME_END


def test_name_end_is_the_class() -> None:
    assert persons_de._NAME_END == {chr(c) for c in range(0x3000) if re.fullmatch(r"[a-zäöüßà-ÿ]", chr(c))}


def _lone_subjects_old(text: str, capset: set[str], kb, covered) -> list:
    """``_round8``'s step before s14: the word test for every name-like word of the document first."""
    adverbs = persons_de._r8_adverbs()
    lone = {w for w in capset & _name_like("de") if persons_de._lone_name(w, kb)}
    res = []
    for s, e, w in sorted(_token_spans(text, lone)) if lone else ():
        if covered(s, e) or not persons_de._sentence_start(text, s):
            continue
        nx = persons_de._R8_LOWER.match(text, e)
        if nx is None:
            continue
        v = nx.group(1)
        if v in adverbs:
            nx = persons_de._R8_LOWER.match(text, nx.end())
            v = nx.group(1) if nx else ""
        if not v or not _verb_word(v):
            continue
        res.append((s, e))
    return res


_LONE_WORDS = ["Stalin", "Thälmann", "Bismarck", "Wasser", "Berlin", "Kramer", "Hoffnung", "Goethe", "Napoleon", "Mozart"]
_LONE_PIECES = _LONE_WORDS + ["verlangte", "sagte", "wiederum", "ist", "kam", "mit", "der", ". ", "\n", " ", ", ", "und"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LONE_PIECES), max_size=30).map(" ".join), st.lists(st.integers(0, 300), max_size=3))
def test_lone_subjects_are_the_word_test_first(linker, t: str, taken: list[int]) -> None:
    kb = linker.kb
    capset = {w for w in re.findall(r"[A-ZÄÖÜ][\w]*", t)}
    idx = SpanIndex([_Span(i, i + 3) for i in taken])
    new = []
    for s, e in persons_de._lone_subjects(t, capset, kb, idx.overlaps):
        new.append((s, e))
        idx.append(_Span(s, e))
    idx2 = SpanIndex([_Span(i, i + 3) for i in taken])
    assert new == _lone_subjects_old(t, capset, kb, idx2.overlaps)


class _Span:
    def __init__(self, s: int, e: int) -> None:
        self.start, self.end = s, e


def test_lone_subjects_on_invented_sentences(linker) -> None:
    t = "Stalin verlangte mehr. Wasser kam. Goethe wiederum sagte nichts.\nMit Bismarck kam er."
    capset = {"Stalin", "Wasser", "Goethe", "Mit", "Bismarck"}
    got = list(persons_de._lone_subjects(t, capset, linker.kb, lambda s, e: False))
    assert got == _lone_subjects_old(t, capset, linker.kb, lambda s, e: False)


def _word_before_old(text: str, s: int) -> tuple[str, int]:
    j = s
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
        i -= 1
    return text[i:j], i


@settings(max_examples=300, deadline=None)
@given(_texts, _texts)
def test_word_before_is_the_character_walk(t: str, t2: str) -> None:
    for text in (t, t2, t):  # a new text, another, the first again (the reversed text is kept per text)
        for s in range(len(text) + 1):
            assert places_de._word_before(text, s) == _word_before_old(text, s)


def test_word_before_on_invented_text() -> None:
    t = "Die Polen \xa0wählen, 12-mal\tin Ost-Berlin_2 und ½ Łódź 😀 x"
    for s in range(len(t) + 1):
        assert places_de._word_before(t, s) == _word_before_old(t, s)
    assert places_de._word_before(t, t.index("wählen")) == ("Polen", 4)


def _prev_token_old(text: str, s: int) -> tuple[str, int]:
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:j], i


@settings(max_examples=300, deadline=None)
@given(_texts, _texts)
def test_prev_token_is_the_character_walk(t: str, t2: str) -> None:
    from communique.mentions import orgs_de

    for text in (t, t2, t):
        for s in range(len(text) + 1):
            assert orgs_de._prev_token(text, s) == _prev_token_old(text, s)


def _unknown_slot_places_old(text: str, out: list, make, given: frozenset[str]) -> list:
    """``places_de.unknown_slot_places`` before s14 (the word test before the mentions' overlap test)."""
    import bisect

    from communique.kb.fold import fold

    P = places_de
    preps = P._unknown_preps()
    cands = []
    if preps & P._BARE_PREPS:
        cands = P._prep_cap_spans(text)
        first = P._PREP_CAP_START.match(text)
        if first:
            cands.append(first.span(1))
    if "im" in preps:
        for marker in (" im ", "Im "):
            i = text.find(marker)
            while i >= 0:
                a = P._IM_ADJ_CAP.match(text, i + len(marker) - 1)
                if a and (marker == " im " or i == 0 or not text[i - 1].isalnum()):
                    cands.append(a.span(1))
                i = text.find(marker, i + 3)
    hits = []
    for s, e in sorted(cands):
        w = text[s:e]
        if not P._slot_word(w):
            continue
        if s >= 2 and preps < P._BARE_PREPS and text[text.rfind(" ", 0, s - 1) + 1:s - 1].lower() in P._BARE_PREPS - preps:
            continue
        nx = P._NEXT_TOKEN.match(text, e)
        nw = nx.group(1) if nx else ""
        if nw == "-" or nw.lower() in P._ARTICLES or nw[:1].isupper() or fold(w) in given:
            continue
        p0, i0 = P._word_before(text, s)
        if p0.lower() == "aus" and ("bestand" in text[max(0, i0 - 40):i0] or "besteh" in text[max(0, i0 - 40):i0]):
            continue
        hits.append((s, e, w))
    if not hits:
        return out
    spans = sorted((x.start, x.end) for x in out)
    new = []
    for s, e, w in hits:
        k = bisect.bisect_left(spans, (e, e))
        if k > 0 and spans[k - 1][1] > s or k < len(spans) and spans[k][0] < e:
            continue
        new.append(make(s, e, "place", w))
    return out + new if new else out


_SLOT_PIECES = ["in", "In", "aus", "nach", "Nach", "im", "Im", "heutigen", "badischen", "Hvidlunde", "Westkarino", "Berlin",
                "Schmidt", "Anna", "der", "die", "-", "Zentrum", "bestand", "Regierung", " ", " ", " ", "\n", ",", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SLOT_PIECES), max_size=30).map(" ".join),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), max_size=6))
def test_unknown_slot_places_checks_the_mentions_first(t: str, spans: list) -> None:
    from communique.mentions.common import Mention

    def make(s, e, typ, w):
        return Mention(s, e, "new:place/" + w, "cap", typ)
    out = [Mention(s, s + n, "x", "cap", "person") for s, n in spans]
    given_names = frozenset({"anna"})
    got = places_de.unknown_slot_places(t, list(out), make, given_names)
    assert [(m.start, m.end, m.eid) for m in got] == [(m.start, m.end, m.eid) for m in _unknown_slot_places_old(t, list(out), make, given_names)]


def test_unknown_slot_places_on_an_invented_sentence() -> None:
    from communique.mentions.common import Mention

    def make(s, e, typ, w):
        return Mention(s, e, "new:place/" + w, "cap", typ)
    t = "Sie zog aus Westkarino nach Berlin und dann in Hvidlunde weiter."
    b = t.index("Berlin")
    h = t.index("Hvidlunde")
    out = [Mention(b, b + 6, "kb:place/berlin", "name", "place"), Mention(h, h + 9, "x", "cap", "person")]
    got = places_de.unknown_slot_places(t, list(out), make, frozenset())
    assert [t[m.start:m.end] for m in got[2:]] == ["Westkarino"]
    assert [(m.start, m.end) for m in got] == [(m.start, m.end) for m in _unknown_slot_places_old(t, list(out), make, frozenset())]
