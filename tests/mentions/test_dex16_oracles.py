"""s16 German linking speed (dex16): each shortcut in persons_de/places_de/orgs_de against the code it replaced
(kept here as the oracle), on invented text (hypothesis over pieces that make the shapes likely)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from communique.mentions import persons_de
from communique.mentions.capnames import _name_like
from communique.mentions.capnames_de import _token_spans, _verb_word
from communique.mentions.spanindex import SpanIndex


class _Span:
    def __init__(self, s: int, e: int) -> None:
        self.start, self.end = s, e


def _lone_subjects_s15(text: str, capset: set[str], kb, covered):
    """``persons_de._lone_subjects`` before s16: every occurrence of every name-like word, then the sentence test."""
    adverbs = persons_de._r8_adverbs()
    names = capset & _name_like("de")
    for s, e, w in sorted(_token_spans(text, names)) if names else ():
        if covered(s, e):
            continue
        if not persons_de._sentence_start(text, s):
            continue
        nx = persons_de._R8_LOWER.match(text, e)
        if nx is None or not persons_de._lone_name(w, kb):
            continue
        v = nx.group(1)
        if v in adverbs:
            nx = persons_de._R8_LOWER.match(text, nx.end())
            v = nx.group(1) if nx else ""
        if not v or not _verb_word(v):
            continue
        yield s, e


_LONE_WORDS = ["Stalin", "Thälmann", "Bismarck", "Wasser", "Berlin", "Kramer", "Goethe", "Napoleon", "Mozart", "Luther"]
_LONE_PIECES = _LONE_WORDS + ["verlangte", "sagte", "wiederum", "ist", "kam", "mit", "der", ".", "!", "?", ":", "\n", " ", "  ",
                              "\t", "\xa0", ",", "„", "“", "«", "»", "(", '"', "-", "_", "x", "3", "Ä"]


def _run(fn, t: str, capset: set[str], kb, taken: list[int]) -> list:
    idx = SpanIndex([_Span(i, i + 3) for i in taken])
    got = []
    for s, e in fn(t, capset, kb, idx.overlaps):
        got.append((s, e))
        idx.append(_Span(s, e))  # the caller adds each span before the next is asked
    return got


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LONE_PIECES), max_size=40).map("".join), st.lists(st.integers(0, 200), max_size=3))
def test_lone_subjects_from_sentence_starts_are_the_token_scan(linker, t: str, taken: list[int]) -> None:
    kb = linker.kb
    capset = set(re.findall(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+", t)) | {"Stalin", "Goethe-Haus"}
    assert _run(persons_de._lone_subjects, t, capset, kb, taken) == _run(_lone_subjects_s15, t, capset, kb, taken)


def test_lone_subjects_on_invented_sentences(linker) -> None:
    t = ("Stalin verlangte mehr. Wasser kam.  Goethe wiederum sagte nichts.\nMit Bismarck kam er.\n"
         "(Luther sagte es.) „Mozart kam.“ Napoleon-Stalin kam. x.Stalin sagte: Stalin kam.")
    capset = set(re.findall(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+", t))
    got = _run(persons_de._lone_subjects, t, capset, linker.kb, [])
    assert got == _run(_lone_subjects_s15, t, capset, linker.kb, [])
    assert "Goethe" in [t[s:e] for s, e in got]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LONE_PIECES), max_size=40).map("".join))
def test_sentence_spans_are_the_token_spans_at_sentence_starts(t: str) -> None:
    words = set(re.findall(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+", t)) | {"Stalin", "Goethe-Haus", "Ka"}
    want = sorted(x for x in _token_spans(t, words) if persons_de._sentence_start(t, x[0]))
    assert persons_de._sentence_spans(t, words) == want


_TOWN_PIECES = ["Wismar", "Potsdam", "Berlin", "Hof", "Essen", "liegt", "hat", "Royals", "der", "ä", "3", ".", ". ", "\n", "\n\n",
                " ", "\t", '"', "'", "«", "„", "“", "(", "-", "x", "Ü", "Öl"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOWN_PIECES), max_size=40).map("".join), st.integers(0, 300))
def test_initial_word_opens_with_its_first_characters(t: str, p: int) -> None:
    """``places_de.initial_towns`` skips a start whose character is not in ``_INITIAL_FIRST``: the match fails there."""
    from communique.mentions import places_de
    if places_de._INITIAL_WORD.match(t, p) is not None:
        assert t[p] in places_de._INITIAL_FIRST


def _initial_towns_s15(text: str, out: list, kb) -> list:
    """``places_de.initial_towns`` before s16 (the match at every start)."""
    from communique.mentions import places_de
    from communique.mentions.common import Mention
    found = []
    starts = [0]
    for sep in ("\n", ". "):
        i = text.find(sep)
        while i >= 0:
            starts.append(i + len(sep))
            i = text.find(sep, i + 1)
    for p in starts:
        x = places_de._INITIAL_WORD.match(text, p)
        if x is None:
            continue
        eid = places_de._initial_town(x.group(1), kb)
        if eid is not None:
            found.append((x.start(1), x.end(1), eid))
    res = list(out)
    for s, e, eid in found:
        if not any(m.start < e and s < m.end for m in res):
            res.append(Mention(s, e, eid, "name", "place"))
    return res


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOWN_PIECES), max_size=40).map("".join))
def test_initial_towns_are_the_match_at_every_start(linker, t: str) -> None:
    from communique.mentions import places_de
    assert places_de.initial_towns(t, [], linker.kb) == _initial_towns_s15(t, [], linker.kb)


def test_initial_towns_on_invented_sentences(linker) -> None:
    from communique.mentions import places_de
    t = "Potsdam liegt an der Havel.\n\nWismar hat einen Hafen. Potsdam Royals spielen. 3 Tore.\n(Potsdam) war schön."
    got = places_de.initial_towns(t, [], linker.kb)
    assert got == _initial_towns_s15(t, [], linker.kb)


_SECTION_PIECES = ["Geschichte", "Geographie", "Geografie", "Geographische", "Lage", "Wirtschaft", "Verkehr", "Bevölkerung",
                   "Kastrinje", "Borna", "war", "ist", "liegt", "hat", "wurde", "der", "-", "x", " ", "  ", "\t", "\n", "\n\n", "."]


def _located_s15(text: str, capset: set[str]) -> list:
    """``places_de.located_subjects``' section step before s16: the regex matched at every line start."""
    from communique.mentions import places_de
    hits = []
    if not places_de._SECTION_WORDS.isdisjoint(capset):
        i = 0
        while i >= 0:
            m = places_de._SECTION.match(text, i)
            if m is not None:
                hits.append(m.span(1))
            i = text.find("\n", i)
            if i >= 0:
                i += 1
    return hits


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES), max_size=40).map("".join))
def test_section_hits_from_section_words_are_the_line_scan(t: str) -> None:
    from communique.mentions import places_de
    # the capitalised tokens as capnames_de collects them (every section word opening a line is one)
    for capset in (set(re.findall(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+", t)), set()):
        want = _located_s15(t, capset)
        got = places_de._section_hits(t, capset) if not places_de._SECTION_WORDS.isdisjoint(capset) else []
        assert got == want
