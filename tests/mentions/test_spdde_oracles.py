"""s13 German linking speed (spdde): each shortcut against the plain path it replaces, on invented text."""

from __future__ import annotations

import re

import ahocorasick_rs
from hypothesis import given, settings, strategies as st

from communique.mentions import orgs_de, places_de
from communique.mentions.persons_de import _EAST_ASIAN, _east_asian_matches

# pieces that make the shapes the passes look for likely: names, hyphens, blanks, line breaks, umlauts, quotes
_PIECES = ["Moon", "Jae", "in", "Lee", "Myung", "bak", "Kim", "Dae", "jung", "Ab", "x", "ä", "Ü", "-", " ", "  ", "\t",
           "\n", "\u2009", "\xa0", ".", "_", "’", "'", ",", "(", "„", "Kreuz", "Dreieck", "Kurpark", "Schlosspark", "Stadt",
           "Verlag", "Bundesamt", "GmbH", "Bank", "rat", "amt", "Müller", "und", "von", "der", "Institut", "für", "😀", "Ł"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=700, deadline=None)
@given(_texts)
def test_east_asian_matches_are_the_regex_scan(t: str) -> None:
    assert [m.span() for m in _east_asian_matches(t)] == [m.span() for m in _EAST_ASIAN.finditer(t)]


def test_east_asian_matches_on_invented_sentences() -> None:
    t = ("Der Besuch von Moon Jae-in in Seoul, danach Lee Myung-bak und  Kim Dae-jung; nicht Ost-West, nicht "
         "EU-Kommission, nicht xMoon Jae-in, nicht Moon\nJae-in, aber Kim\u2009Dae-jung.")
    got = [t[slice(*m.span())] for m in _east_asian_matches(t)]
    assert got == [t[slice(*m.span())] for m in _EAST_ASIAN.finditer(t)]
    assert got == ["Moon Jae-in", "Lee Myung-bak", "Kim Dae-jung", "Kim\u2009Dae-jung"]


def _search_bytes(d, text: str) -> list[tuple[int, int, int]]:
    """The s12 search: a contiguous NFA over the UTF-8 bytes, byte offsets turned into characters."""
    ac = ahocorasick_rs.BytesAhoCorasick([p.encode() for p in d.all_pats], matchkind=ahocorasick_rs.MatchKind.Standard,
                                         implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    b = text.encode()
    hits = ac.find_matches_as_indexes(b, overlapping=True)
    if not hits or len(b) == len(text):
        return hits
    offs = sorted({o for _p, s, e in hits for o in (s, e)})
    char: dict[int, int] = {}
    pos = prev = 0
    for o in offs:
        pos += len(b[prev:o].decode("utf-8", "replace"))
        char[o] = pos
        prev = o
    return [(p, char[s], char[e]) for p, s, e in hits]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_org_search_is_the_byte_search(t: str) -> None:
    d = orgs_de._data()
    assert orgs_de._search(d, t) == _search_bytes(d, t)


def test_org_search_finds_overlapping_patterns_in_characters() -> None:
    d = orgs_de._data()
    t = "Das „Bundesamt für Ölförderung“ und die Zentralbank – Grüße an das Institut 😀 der Müller GmbH."
    got = orgs_de._search(d, t)
    assert got == _search_bytes(d, t)
    assert got and all(t[s:e] == d.all_pats[p] for p, s, e in got)


_CAP_TOKEN = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+")  # capnames_de's capitalised words (the capset of the passes)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_named_sites_with_capset_is_the_plain_pass(t: str) -> None:
    from communique.mentions.common import Mention

    # one guessed place per capitalised word: the pass's replacements are reachable
    ms = [Mention(m.start(), m.end(), "new:x", "cap", "place") for m in re.finditer(r"[A-ZÄÖÜ][a-zäöü]+", t)]

    def make(s, e, etype, w):
        return Mention(s, e, "new:" + w, "cap", etype)
    plain = places_de.named_sites(t, list(ms), make)
    fast = places_de.named_sites(t, list(ms), make, set(_CAP_TOKEN.findall(t)))
    assert [(m.start, m.end, m.eid, m.etype) for m in fast] == [(m.start, m.end, m.eid, m.etype) for m in plain]


def test_named_sites_after_underscore_and_quote() -> None:
    from communique.mentions.common import Mention

    for t in ("Stau am _Kreuz Hodenfeld heute", "Stau am „Kreuz Hodenfeld heute", "Stau am Kreuz Hodenfeld"):
        ms = [Mention(m.start(), m.end(), "new:x", "cap", "place") for m in re.finditer("Hodenfeld", t)]

        def make(s, e, etype, w):
            return Mention(s, e, "new:" + w, "cap", etype)
        plain = places_de.named_sites(t, list(ms), make)
        fast = places_de.named_sites(t, list(ms), make, set(_CAP_TOKEN.findall(t)))
        assert [(m.start, m.end) for m in fast] == [(m.start, m.end) for m in plain]
        assert len(plain) == 1 and plain[0].start < t.index("Hodenfeld")  # the head joined the town in each


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["van ", "Van der", " ter ", "jährige", "geb.", "Miss ", "Sir ", "reis", " of ",
                                           " liegt", " lag", "Bad ", "d'", "d’", "Fraktion", "The ", " & ", " und Co",
                                           " und Partner", " S."]), max_size=30).map("".join))
def test_doc_literals_are_the_substring_tests(t: str) -> None:
    from communique.mentions.literals_de import doc_literals, needles

    lit = doc_literals(t)
    for nd in needles():
        assert (nd in lit) == (nd in t), nd
        want = [i for i in range(len(t)) if t.startswith(nd, i)]
        assert lit.get(nd, []) == want, nd


def test_doc_literals_keep_the_last_text_only() -> None:
    from communique.mentions.literals_de import doc_literals

    a = "Die 23-jährige Miss Kolbe, geb. Weber, und der Sir " + "x" * 3
    b = "".join(["Die Fraktion", " tagte."])
    assert doc_literals(a) is doc_literals(a)
    lb = doc_literals(b)
    assert "Fraktion" in lb and "jährige" not in lb
    la = doc_literals(a)
    assert {"jährige", "Miss ", "geb", "Sir "} <= set(la) and "Fraktion" not in la


class _M:
    def __init__(self, s, e):
        self.start, self.end = s, e


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25),
       st.lists(st.tuples(st.sampled_from(["over", "at", "ending", "drop", "add", "alive"]), st.integers(0, 70),
                          st.integers(1, 10)), max_size=12))
def test_lazy_mention_index_is_the_eager_one(spans, ops) -> None:
    """orgs_de._Ms builds its index at the first use; the s12 eager index (built here at once) answers the same."""
    ms = [_M(s, s + n) for s, n in spans]
    lazy, eager = orgs_de._Ms(ms), orgs_de._Ms(ms)
    eager._build()
    extra: list = []
    for op, a, b in ops:
        if op == "over":
            assert lazy.over(a, a + b) == eager.over(a, a + b)
        elif op == "at":
            assert lazy.at(a) == eager.at(a)
        elif op == "ending":
            assert lazy.ending_at(a) == eager.ending_at(a)
        elif op == "drop":
            gone = [m for m in ms + extra if m.start <= a < m.end][:1]
            lazy.drop(gone)
            eager.drop(gone)
        elif op == "alive":
            for m in ms + extra:
                assert lazy.alive(m) == eager.alive(m)
        else:
            m = _M(a, a + b)
            extra.append(m)
            lazy.add(m)
            eager.add(m)
    got = lazy.live()
    assert got == [m for _s, _i, m in sorted(eager.rows, key=lambda r: r[1]) if id(m) not in eager.dead]
    if not any(op in ("drop", "add") for op, _a, _b in ops):
        assert got == ms and got is not ms
