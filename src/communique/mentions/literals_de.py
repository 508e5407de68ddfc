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
          " liegt", " lag", "Bad ", "d'", "d’", "Fraktion", "The ", "von")
# where ``places_de._PREP_CAP`` can match: a blank or line break, "in", "aus" or "nach" (either case), a space
PREP_NEEDLES = tuple(c + w + " " for c in " \n" for w in ("in", "In", "aus", "Aus", "nach", "Nach"))


@lru_cache(maxsize=1)
def needles() -> tuple[str, ...]:
    """The literals: the fixed ones, round eight's maiden-name words and honorifics (``h + " "``), the
    firm names' conjunctions (``orgs_de._FIRM_CONJ``), the starts of ``places_de._PREP_CAP``, the verbs of
    flowing (``places_de._FLOW_VERBS``) and the heads of foreign organisations (``orgs_de``)."""
    from communique.mentions.orgs_de import _FIRM_CONJ
    from communique.mentions.persons_de import _r8_data

    _preps, _copulas, honorifics, _ages, maiden = _r8_data()
    from communique.mentions.orgs_de import _data as org_data
    from communique.mentions.places_de import _FLOW_VERBS

    return tuple(dict.fromkeys((*_FIXED, *sorted(maiden), *(h + " " for h in sorted(honorifics)), *_FIRM_CONJ, *PREP_NEEDLES,
                                *_FLOW_VERBS, *sorted(org_data().foreign_heads))))


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(needles()), matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=ahocorasick_rs.Implementation.DFA)


_LAST: list = [None, {}]  # (text, its literals): the text is held, so its id cannot be reused while kept


def doc_literals(text: str) -> dict[str, list[int]]:
    """Needle -> the start of each occurrence in ``text``, in order (overlapping ones too), for the needles
    :func:`needles` that occur; absent needles are no keys. Do not change the lists (they are shared)."""
    if _LAST[0] is text:
        return _LAST[1]
    ns = needles()
    res: dict[str, list[int]] = {}
    for p, s, _e in _automaton().find_matches_as_indexes(text, overlapping=True):
        got = res.get(ns[p])
        if got is None:
            res[ns[p]] = [s]
        else:
            got.append(s)
    _LAST[0] = text
    _LAST[1] = res
    return res
