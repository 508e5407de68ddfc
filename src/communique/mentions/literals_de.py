"""Which rare literals a German document contains, found in one scan (s13, docs/kb.md "German linking cost, s13
(spdde)").

The German passes of ``persons_de``, ``places_de`` and ``orgs_de`` each open with a cheap test of a literal
(``"jährige" in text``, ``" ter " in text``, ``"Fraktion" in text``, ...) before their own work. Most of these
literals are absent from most documents, so each test scanned the whole text to fail: some forty scans a
document. One Aho-Corasick automaton over the literals finds every occurrence of each in one scan, and the tests
become lookups: ``needle in doc_literals(text)`` is ``needle in text`` for every needle of :data:`NEEDLES`
(the automaton reports overlapping matches, so no occurrence is missed). Frequent literals (" und ", "\\n") are
left out: a plain test finds them near the start and their many matches would only cost.

The result of the last text is kept (the three modules ask for the same text object in turn).
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick_rs

# the literals the passes test (persons_de.person_passes, _frames, _round8; places_de.refine's passes; orgs_de)
_FIXED = ("van ", "Van d", " ter ", " ten ", "zufolge", "aut ", " S.", "jährige", "reis", " of ",
          " liegt", " lag", "Bad ", "d'", "d’", "Fraktion", "The ", "von",
          "wie ", "Wie ", "laut ", "Laut ")  # s20: persons_de._frames reads their places (_at_literal)
# where ``places_de._PREP_CAP`` can match: a blank or line break, "in", "aus" or "nach" (either case), a space
PREP_NEEDLES = tuple(c + w + " " for c in " \n" for w in ("in", "In", "aus", "Aus", "nach", "Nach"))


@lru_cache(maxsize=1)
def needles() -> tuple[str, ...]:
    """The literals: the fixed ones, round eight's maiden-name words and honorifics (``h + " "``), the
    firm names' conjunctions (``orgs_de._FIRM_CONJ``), the starts of ``places_de._PREP_CAP``, the verbs of
    flowing (``places_de._FLOW_VERBS``), the heads of foreign organisations (``orgs_de``) and the subordinating
    conjunctions and the town prepositions in every spelling, with their blank (``capnames_de.subject_needles``,
    ``capnames_de.prep_needles``; s15), and the media names' lower-case first words (``capnames_de._media_data``; s19)."""
    from communique.mentions.capnames_de import _media_data, prep_needles, subject_needles
    from communique.mentions.orgs_de import _FIRM_CONJ
    from communique.mentions.persons_de import _r8_data

    _preps, _copulas, honorifics, _ages, maiden = _r8_data()
    from communique.mentions.orgs_de import _data as org_data
    from communique.mentions.places_de import _FLOW_VERBS

    return tuple(dict.fromkeys((*_FIXED, *sorted(maiden), *(h + " " for h in sorted(honorifics)), *_FIRM_CONJ, *PREP_NEEDLES,
                                *_FLOW_VERBS, *sorted(org_data().foreign_heads), *subject_needles(),
                                *prep_needles(), *_media_data()[2])))


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[int, str | None], ...]]:
    """One automaton for the needles and the organisation pass's patterns (``orgs_de._Data.all_pats``): one scan
    of the document for both. Each pattern's roles: (its index in ``all_pats`` or -1, the needle or None)."""
    from communique.mentions.orgs_de import _data as org_data

    org = org_data().all_pats
    ns = needles()
    pats = list(dict.fromkeys((*org, *ns)))
    org_of = {p: i for i, p in enumerate(org)}
    nset = frozenset(ns)
    roles = tuple((org_of.get(p, -1), p if p in nset else None) for p in pats)
    ac = ahocorasick_rs.AhoCorasick(pats, matchkind=ahocorasick_rs.MatchKind.Standard,
                                    implementation=ahocorasick_rs.Implementation.DFA)
    return ac, roles


# (text, its literals, its organisation pattern matches): the text is held, so its id cannot be reused while kept
_LAST: list = [None, {}, []]


def _scan(text: str) -> None:
    if _LAST[0] is text:
        return
    ac, roles = _automaton()
    lit: dict[str, list[int]] = {}
    org: list[tuple[int, int, int]] = []
    for p, s, e in ac.find_matches_as_indexes(text, overlapping=True):
        oi, nd = roles[p]
        if oi >= 0:
            org.append((oi, s, e))
        if nd is not None:
            got = lit.get(nd)
            if got is None:
                lit[nd] = [s]
            else:
                got.append(s)
    _LAST[0] = text
    _LAST[1] = lit
    _LAST[2] = org


def doc_literals(text: str) -> dict[str, list[int]]:
    """Needle -> the start of each occurrence in ``text``, in order (overlapping ones too), for the needles
    :func:`needles` that occur; absent needles are no keys. Do not change the lists (they are shared)."""
    _scan(text)
    return _LAST[1]


def org_matches(text: str) -> list[tuple[int, int, int]]:
    """(index in ``orgs_de._Data.all_pats``, start, end) in characters of every (overlapping) match of the
    organisation pass's patterns, in the order an automaton of those patterns alone reports them (a match's
    end, then the longer pattern first: the order of the suffixes, which other patterns do not change). Shared:
    do not change it."""
    _scan(text)
    return _LAST[2]
