"""Which office-holder a role noun names: "глава МИД России", "the Russian foreign minister",
"der Außenminister".

A role noun that refers to a person ("глава МИД", "the Foreign Minister") names the holder of
that office in the country the context gives:

* a country right after the role ("глава МИД России", "МИД России" found as an organisation with its
  country) or a country adjective right before it ("the Russian foreign minister", "der russische
  Außenminister", "российский министр иностранных дел"): the holder of the office for that country
  on the document's date (a person already named with that office is preferred, otherwise the
  knowledge base's terms decide);
* no country: the holder for the document's main country when the document is clearly about one
  country (at least two mentions and twice as many as the next one); otherwise the nearest person
  named before who holds the office (the linker's fallback).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Callable

from communique.kb.build import office_index


# the words that tie a role to the country after it where the language does not use a bare genitive
# ("Präsident Kasachstans", "глава МИД России"): de "von"/"der", en "of (the)", fr "de (la)/du/des",
# es "de (la/los/las)/del"; a country mention must follow, so a preposition alone decides nothing
_COUNTRY_LINK = re.compile(r"(?:von|der|of(?: the)?|de(?: la| l'| los| las)?|du|des|del|d')[ \xa0]*(?<=[ \xa0'])")


def holders(kb: Any) -> dict[tuple[str, str], list[tuple[str, str | None, str]]]:
    """(office, country) -> [(start, end, person id)]: the knowledge base's, computed by its build (s12 round
    three; ``kb.build.office_index``), or built here once from its records (an older cache, a hand-made base)."""
    idx = getattr(kb, "_office_index", None)
    if idx is None:
        idx = office_index(kb.entities)
        kb._office_index = idx
    return idx


def holder_on(kb: Any, office: str, country: str, day: str | None) -> str | None:
    """The person holding `office` for `country` on `day` (the latest-started term if several)."""
    if not day:
        return None
    live = [(s, eid) for s, e, eid in holders(kb).get((office, country), ()) if s <= day and (not e or e >= day)]
    if not live:
        return None
    return max(live)[1]


def _country(kb: Any, m: Any) -> str | None:
    e = kb.entities.get(m.eid)
    if e is None:
        return None
    if e.get("type") == "country" or (e.get("type") in ("organization", "group") and e.get("country")):
        return e.get("country")
    return None


def phrase_reach(text: str, e: int) -> int:
    """The end of the spaces after a role phrase ending at ``e`` (a mention starting there follows it directly),
    after a linking word ("den Präsidenten von Kasachstan", "the President of Kazakhstan")."""
    w = e
    while w < len(text) and text[w] in " \xa0":
        w += 1
    link = _COUNTRY_LINK.match(text, w)
    if link:
        w = link.end()
    return w


def context_mentions(mentions: list) -> Callable[[str, int, int], list]:
    """For many calls of :func:`context_country` on one document: a function giving, for a phrase [s, e), the
    mentions that call can look at (starting from ``s`` to the phrase's reach, or adjectives ending in the 25
    characters before ``s``), in list order; the same answer as on the whole list (s12: no scan per phrase)."""
    starts = sorted((m.start, n) for n, m in enumerate(mentions))
    adj_ends = sorted((m.end, n) for n, m in enumerate(mentions) if m.kind in ("adj", "adjstem"))

    def near(text: str, s: int, e: int) -> list:
        w = phrase_reach(text, e)
        keys = set()
        i = bisect.bisect_left(starts, (s, -1))
        while i < len(starts) and starts[i][0] <= w:
            keys.add(starts[i][1])
            i += 1
        i = bisect.bisect_left(adj_ends, (s - 24, -1))
        while i < len(adj_ends) and adj_ends[i][0] <= s:
            keys.add(adj_ends[i][1])
            i += 1
        return [mentions[n] for n in sorted(keys)]

    return near


def context_country(kb: Any, text: str, s: int, e: int, mentions: list) -> tuple[str | None, int]:
    """The country the role phrase text[s:e] is tied to, and the end of the phrase including it."""
    w = phrase_reach(text, e)
    for m in mentions:
        c = None
        if m.start < e and s < m.end and m.start >= s and m.kind not in ("adj", "adjstem", "dem"):
            c = _country(kb, m)  # "глава МИД России": the organisation "МИД России" overlaps the role
        elif e < m.start <= w and m.kind not in ("adj", "adjstem", "dem"):
            c = _country(kb, m) if kb.entities.get(m.eid, {}).get("type") == "country" else None
        elif m.kind == "adj" and e < m.start and not text[e:m.start].strip(" \xa0"):
            # "le ministre russe", "el jefe de la diplomacia española": the adjective after, a mention of its own
            if (c := _country(kb, m)):
                return c, e
        if c:
            return c, max(e, m.end)
    for m in mentions:
        if m.kind in ("adj", "adjstem") and m.end <= s and s - m.end < 25 \
                and re.fullmatch(r"[ \xa0]+(?:[^\W\d_]+[ \xa0]+)?", text[m.end:s]):
            c = _country(kb, m)
            if c:
                return c, e
    return None, e


def main_country(doc_countries: dict[str, int] | None) -> str | None:
    if not doc_countries:
        return None
    ranked = sorted(doc_countries.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 2 * second else None
