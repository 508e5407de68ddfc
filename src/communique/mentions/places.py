"""Place disambiguation by the document's geography (called from the linker).

A place name usually has namesakes ("London" in England, Ontario and Kentucky; "Edmonton" in
Alberta, north London, Queensland and Kentucky). Population alone picks the biggest; news about a
small place names its region somewhere: "Paris, Texas", the dateline "LONDON, Ky. (WKYT)", the
first-level division elsewhere in the text ("Kentucky State Police"), or other places of the same
region ("near Cairns"). :class:`PlaceContext` collects that evidence once per document:

* **explicit** "X, <region>" / "X, <country>" (a comma, then a first-level division, its AP
  abbreviation or US postal code, or a country): strongest; it holds for every mention of the same
  name in the document (one sense per discourse);
* **region evidence**: first-level divisions named in the text, explicit patterns, and places whose
  reading is clear (one candidate, or one that outweighs every namesake twenty times) vote for their
  (country, admin1) pair; a candidate in a pair other names of the document support gains;
* an **alternate name** of a city ("Oklahoma" for Oklahoma City, "Santa Ana" for Taguig) loses to
  a place whose main name it is.

Small places (500–15,000 inhabitants, GeoNames cities500) are not in the matcher: they become
candidates only with that evidence. For a name the matcher found, a small namesake needs an
explicit pattern, or region evidence while no bigger namesake has any support in the document; a
capitalised name the matcher did not find needs the explicit pattern, or region evidence plus a
place preposition before it ("of McKee", "near Hinton") and no reading as an ordinary word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from communique.kb.fold import fold, fold_text
from communique.mentions.common import _HSPACE_CHARS, _trail_end, _word_before_in

# prepositions after which a capitalised name is a place rather than a person or an organisation
PLACE_PREPS = {
    "en": frozenset("in of near from at to outside around into via".split()),
    "de": frozenset("in bei nach aus von nahe".split()),
    "fr": frozenset("à de près dans vers".split()),
    "es": frozenset("en de cerca desde hacia a".split()),
    "ru": frozenset("в во из под около возле".split()),
}

_FIRST, _SECOND = itemgetter(0), itemgetter(1)
NEAR_KM = 100.0
_LIKELY = 3  # a likely reading outweighs its namesakes this many times ...
_LIKELY_KM = 30.0  # ... and backs only candidates this near it
# latitude differences (degrees) beyond which no point is within NEAR_KM / _LIKELY_KM (6371 km * dlat in
# radians is a lower bound of the haversine distance; the margin keeps float rounding on the safe side)
_NEAR_DLAT = math.degrees(NEAR_KM / 6371.0) * 1.001
_LIKELY_DLAT = math.degrees(_LIKELY_KM / 6371.0) * 1.001
# a first-level division as populous as a big country (England, Chinese provinces) says little about a town
_REGION_INFORMATIVE = 40_000_000

_REGION_CUE = {"en": re.compile(r"[^\S\n]+(?:state|State|Governor|governor|Gov\.|Legislature|legislature|Senate|"
                                r"Assembly|Attorney General|Department of)(?![\w])")}
# a dateline: "TORRINGTON — Mayor ...", "KABUL (Reuters) - The ..."; not a headline in capitals ("IBARRA - INFRAESTRUCTURAS")
_DATELINE = re.compile(r"[^\S\n]*(?:\([A-Za-z][\w .&-]{0,20}\)[^\S\n]*)?(?:—|–|--|-[^\S\n])(?=[^\n]{0,30}?[a-z])")
_LIST = re.compile(r"[^\S\n]*(?:,|and|or|und|et|y|и)[^\S\n]*|[^\S\n]*,[^\S\n]*(?:and|or)[^\S\n]+")
_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")
_ABBR = re.compile(r"([A-Z][A-Za-z]{0,5}\.(?:[A-Z][a-z]?\.)?|[A-Z]{2}|[A-Z][a-z]{1,3})(?![\w])")
_WORD = r"(?:[A-Z][a-z’'-]*[a-z](?:[A-Z][a-z]+)?|[A-Z]{3,})"  # Hinton, McKee, O'Neill, HOLLIDAY
# searched in a slice: the lookbehind stops at its start. s19: written with the capital first and the lookbehind
# after it (the engine skips to the capitals instead of trying each of the 20 positions); before s19
# (?<![\w'’.-])([A-Z][a-z]+)[^\S\n]$, the same matches (at the slice's start the two-character lookbehind cannot
# match, as the one-character one could not: tests/mentions/test_s19_kb19_oracles.py)
_WORD_BEFORE = re.compile(r"[A-Z](?<![\w'’.-][A-Z])[a-z]+[^\S\n]$")
_WORD_AFTER = re.compile(r"[^\S\n]([A-Z][a-z]+)(?![\w'’-])")
# a run of one to three capitalised words: (?<![\w'’.-])((?:_WORD|St\.|Mt\.|Ft\.)(?:[^\S\n]_WORD){0,2})(?![\w’'-]),
# written with the capital first and the lookbehind after it (the same matches; the engine then skips
# to capitals instead of trying the lookbehind at every position: 2.5x faster)
# s13 (spdcore): every run taken whole (possessive) and its last letter checked behind: a shorter run leaves a
# character of the run next, where neither a capital, a space nor the final lookahead can follow; the same
# matches, without backtracking over every shorter run of every capitalised word (tests/mentions/test_spdcore_*)
_WORD_WHOLE = r"(?:[A-Z][a-z’'-]*+(?<=[a-z])(?:[A-Z][a-z]++)?|[A-Z]{3,}+)"
# s18 (kb18): no group around the run (its span was the match's: the rest is a look-ahead); the engine keeps no marks
# and the spans come from ``map`` (2.3 M of 34.8 M for the timed German; tests/mentions/test_kb18_oracles.py)
_CAPRUN = re.compile(r"[A-Z](?<![\w'’.-].)(?:[a-z’'-]*+(?<=[a-z])(?:[A-Z][a-z]++)?|[A-Z]{2,}+|(?<=S)t\.|(?<=M)t\.|(?<=F)t\.)"
                     r"(?:[^\S\n]" + _WORD_WHOLE + r"){0,2}(?![\w’'-])")


def _folded_preps(lang: str) -> tuple[str, ...]:
    """The folds of ``lang``'s place prepositions (``fold``: a word whose ``str.lower()`` is a preposition folds to
    the preposition's fold, letter by letter; tests/mentions/test_kb18_oracles.py checks every code point)."""
    hit = _FOLDED_PREPS.get(lang)
    if hit is None:
        hit = _FOLDED_PREPS[lang] = tuple(sorted({fold(w) for w in PLACE_PREPS.get(lang, ())}))
    return hit


_FOLDED_PREPS: dict[str, tuple[str, ...]] = {}
_HSPACE = frozenset(_HSPACE_CHARS)  # the blanks other than the newline


def _prep_gaps(text: str, lang: str, ft: str | None = None) -> set[int]:
    """Every ``s`` where ``_word_before_in(text, s, PLACE_PREPS[lang], ...)`` may hold (a superset), for an ``s``
    whose own character is no blank other than a newline (``unmatched`` asks at the capitals opening runs).
    That needs a word whose lower case is a preposition, blanks (no newline) after it up to ``s``, or up to a
    newline right before ``s``: each place in the folded text ``ft`` (``fold_text(text)``) where a preposition's fold
    starts and a blank follows gives the end of those blanks and the position after it (inside a word too: a
    superset; each hit is confirmed by the function). s18 (kb18): ``str.find`` per preposition, where s17 tried a
    regex with look-behinds at every blank (35.1 M for the timed German, now ~2.5 M)."""
    out: set[int] = set()
    if ft is None:
        ft = fold_text(text)
    n = len(text)
    find = ft.find
    for p in _folded_preps(lang):
        i = find(p)
        while i >= 0:
            q = i + len(p)
            if q < n and text[q] in _HSPACE:
                q += 1
                while q < n and text[q] in _HSPACE:
                    q += 1
                out.add(q)
                out.add(q + 1)
            i = find(p, i + 1)
    return out


def _abbreviations(kb) -> dict[str, tuple[str, str, str]]:
    """Folded abbreviations of first-level divisions ("ky", "ky.", "n.j.", "nj", "sask.", "nsw")
    -> (country, admin1, entity id)."""
    cached = getattr(kb, "_place_abbr", None)
    if cached is not None:
        return cached
    from communique.kb.build import region_abbreviations

    # a cache written before KBData.place_abbr: computed once per process
    kb._place_abbr = region_abbreviations(kb.entities, kb.index)
    return kb._place_abbr


def _exonym_of_large_city(pop: int, other: int) -> bool:
    """A city of ``pop`` inhabitants known abroad by a name that a town of ``other`` bears as its own (s20)."""
    return pop >= 500_000 and other < 200_000 and 5 * other <= pop


@dataclass
class PlaceContext:
    kb: Any
    raws: list
    text: str
    ft: str
    lang: str
    doc_countries: dict[str, int]
    explicit: dict[str, set[tuple[str, str | None]]] = field(default_factory=dict)  # folded surface -> (cc, admin1)
    evidence: dict[tuple[str, str], float] = field(default_factory=dict)
    own: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)  # surface -> its own votes
    upper_ok: set[int] = field(default_factory=set)
    abbr_mentions: dict[int, tuple[int, str]] = field(default_factory=dict)  # start -> (end, region id)
    region_slot: set[int] = field(default_factory=set)  # starts of names right after "Place, "
    points: list[tuple[str, float, float, str]] = field(default_factory=list)  # (surface, lat, lon, country) of clear places
    # (surface, lat, lon, country) of names whose biggest reading outweighs every namesake a few times
    # ("Enfield": London's borough over Enfield, Connecticut); weaker than points: near ones only
    likely: list[tuple[str, float, float, str]] = field(default_factory=list)
    # start of a name right after "Place, " -> the (country, admin1) pairs of that place's readings
    region_of: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    # support() by the record (held with the answer) and the name (the evidence is complete after __post_init__)
    _support_memo: dict[tuple, tuple] = field(default_factory=dict, repr=False)
    _capruns: list[tuple[int, int]] | None = field(default=None, repr=False)  # _CAPRUN's spans
    _only_memo: dict[int, tuple] = field(default_factory=dict, repr=False)  # only_places() by id(raw)

    def _caprun_spans(self) -> list[tuple[int, int]]:
        """Capitalised runs of the text (one regex pass per document, shared by the two users)."""
        if self._capruns is None:
            self._capruns = list(map(re.Match.span, _CAPRUN.finditer(self.text)))
        return self._capruns

    def __post_init__(self) -> None:
        ents = self.kb.entities
        raws = self.raws
        for i, r in enumerate(raws):
            surf = self.ft[r.start:r.end]
            nxt = raws[i + 1] if i + 1 < len(raws) else None
            target = self._after_comma(r.end, nxt)
            if target:
                self.explicit.setdefault(surf, set()).update(target)
                for key in target:
                    if key[1]:
                        self._vote(surf, key, 1.0)
                if self.text[r.start:r.end].isupper():
                    self.upper_ok.add(i)
            if self.text[r.start:r.end].isupper() and _DATELINE.match(self.text, r.end) and \
                    not self.text[self.text.rfind("\n", 0, r.start) + 1:r.start].strip():
                self.upper_ok.add(i)  # a dateline without its region: "TORRINGTON —", "KABUL (Reuters) -"
            if _REGION_CUE.get(self.lang) is not None and _REGION_CUE[self.lang].match(self.text, r.end):
                self.region_slot.add(r.start)  # "New York state", "New York Governor Andrew Cuomo"
            if nxt is not None and _LIST.fullmatch(self.ft, r.end, nxt.start):
                # "in New Jersey and New York": a name listed with a first-level division is one too
                for a, b in ((r, nxt), (nxt, r)):
                    if any(ents[c[0]].get("level") == 1 for c in a.cands) and \
                            all(ents[c[0]].get("level") == 1 for c in a.cands if ents[c[0]]["type"] == "place"):
                        self.region_slot.add(b.start)
                # s18 (kb18): asked only here: every gap _COMMA takes whole, _LIST takes whole too (its "," branch)
                if _COMMA.fullmatch(self.ft, r.end, nxt.start) and any(ents[c[0]]["type"] == "place" for c in r.cands):
                    self.region_slot.add(nxt.start)
                    self.region_of.setdefault(nxt.start, set()).update(
                        (ents[c[0]].get("country"), ents[c[0]].get("admin1")) for c in r.cands
                        if ents[c[0]]["type"] == "place" and ents[c[0]].get("admin1"))
        # names the matcher does not know, written "Name, Region" ("COLUMBIA, Ky.")
        at = _raw_index(raws)
        spans = self._caprun_spans()
        ends = dict(zip(map(_SECOND, spans), map(_FIRST, spans)))  # end -> start (the runs do not overlap)
        # the runs with a comma right after them, in the text's order (the runs' ends increase with their starts)
        for m_start, m_end in [(ends[p], p) for p in _comma_positions(self.text) if p in ends]:
            target = self._after_comma(m_end, _raw_at(raws, self.ft, m_end, at))
            if target:
                self.explicit.setdefault(self.ft[m_start:m_end], set()).update(target)
                nxt = _raw_at(raws, self.ft, m_end, at)
                if nxt is not None and not any(r.start < m_end and m_start < r.end for r in raws):
                    # "Hugo, Oklahoma": a small town the matcher lacks, then its state
                    pairs = {(ents[c]["country"], ents[c]["admin1"]) for c in self.kb.small_places(self.ft[m_start:m_end])
                             if ents[c]["admin1"]} & target
                    if pairs:
                        self.region_slot.add(nxt.start)
                        self.region_of.setdefault(nxt.start, set()).update(pairs)
        for i, r in enumerate(raws):
            surf = self.ft[r.start:r.end]
            places = [ents[c[0]] for c in r.cands if ents[c[0]]["type"] == "place"]
            if not places or len(places) != len(r.cands):
                continue
            regions = [e for e in places if e.get("level") == 1 and e.get("admin1")]
            if not regions and len(places) == 1 and places[0].get("level") == 2 and places[0].get("admin1"):
                regions = places  # a county of a single state ("Laurel County") names that state as well
            if regions:
                for e in regions:
                    if (e.get("population") or 0) <= _REGION_INFORMATIVE:
                        self._vote(surf, (e["country"], e["admin1"]), 1.0 / len(regions))
                continue
            if not self.text[r.start:r.start + 1].isupper() or surf in self.explicit:
                continue
            top = max(places, key=lambda e: e.get("population") or 0)
            if not top.get("admin1") or not top.get("country"):
                continue
            pops = sorted((e.get("population") or 0 for e in places), reverse=True)
            top_pop = top.get("population") or 0
            rival = pops[1] if len(pops) > 1 else 0
            # s20 (cap20): the small namesakes can only raise the rival; where the place has no coordinates, or the
            # bigger namesakes already keep it from both verdicts below, they are not looked up
            if top.get("lat") is None or top_pop < min(20, _LIKELY) * max(rival, 1):
                continue
            # s15 (spdcore): the small namesakes' populations without handing out their ids (only read here)
            rival = max((rival,) + self.kb.small_place_stats(surf))
            if top_pop >= 20 * max(rival, 1):
                self.points.append((surf, top["lat"], top["lon"], top["country"]))
            elif top_pop >= _LIKELY * max(rival, 1):
                self.likely.append((surf, top["lat"], top["lon"], top["country"]))

    def _vote(self, surf: str, key: tuple[str, str], w: float) -> None:
        self.evidence[key] = self.evidence.get(key, 0.0) + w
        o = self.own.setdefault(surf, {})
        o[key] = o.get(key, 0.0) + w

    def _after_comma(self, end: int, nxt) -> set[tuple[str, str | None]]:
        """(country, admin1) pairs named right after ", " (a division, an abbreviation or a country)."""
        c = self.ft[end:end + 1]  # s15: _COMMA matches only at a comma or a blank other than a newline
        if c != ",":
            if c == "\n" or not c.isspace():
                return set()
            c = self.ft[end + 1:end + 2]  # s18 (kb18): after one blank, again a comma or a blank (a name, a word: none)
            if c != "," and (c == "\n" or not c.isspace()):
                return set()
        m = _COMMA.match(self.ft, end)
        if not m:
            return set()
        pos = m.end()
        ents = self.kb.entities
        out: set[tuple[str, str | None]] = set()
        if nxt is not None and nxt.start == pos:
            for eid, _k, _f in nxt.cands:
                e = ents[eid]
                if e["type"] == "place" and e.get("level") == 1 and e.get("admin1"):
                    out.add((e["country"], e["admin1"]))
                elif e["type"] == "country" and e.get("country"):
                    out.add((e["country"], None))
            if out:
                return out
        a = _ABBR.match(self.text, pos)
        if a:
            hit = _abbreviations(self.kb).get(a.group(1).lower())
            if hit and (a.group(1).endswith(".") or a.group(1).isupper() or self._dateline(end)):
                out.add(hit[:2])
                if not any(r.start == pos for r in self.raws):
                    # "EDMONTON, Ky (WBKO)", "LOUISVILLE, KY--": the abbreviation itself is a mention
                    self.abbr_mentions[pos] = (pos + len(a.group(1).rstrip(".")) + (1 if a.group(1).endswith(".") else 0), hit[2])
        return out

    def _dateline(self, end: int) -> bool:
        line_start = self.text.rfind("\n", 0, end) + 1
        return end - line_start < 40 and self.text[line_start:end].strip().isupper()

    # -- scoring ------------------------------------------------------------------------------
    def support(self, e: dict, surf: str, near: bool = True) -> float:
        """Evidence for ``e`` from the rest of the document (its own name's votes left out): its region
        named, plus one for a clearly identified place of another name within 100 km."""
        # s15 (spdcore): remembered by the record's identity (the record is held with the answer, so its id
        # cannot be reused while the memo lives); the answer depends on its country, admin1, lat and lon only
        mk = (id(e), surf, near)
        hit = self._support_memo.get(mk)
        if hit is not None and hit[0] is e:
            return hit[1]
        ev = self._support((e.get("country"), e.get("admin1")), e.get("lat"), e.get("lon"), surf, near)
        self._support_memo[mk] = (e, ev)
        return ev

    def _support(self, key: tuple, lat: float | None, lon: float | None, surf: str, near: bool) -> float:
        ev = 0.0
        if key[1]:
            ev = self.evidence.get(key, 0.0) - self.own.get(surf, {}).get(key, 0.0)
        # a latitude difference alone can put a point out of reach (the distance is at least R * dlat): no _km then
        if near and lat is not None and self.points and any(
                s != surf and abs(a - lat) <= _NEAR_DLAT and _km(lat, lon, a, b) <= NEAR_KM for s, a, b, _c in self.points):
            ev += 1.0
        elif near and lat is not None and self.likely and any(
                s != surf and abs(a - lat) <= _LIKELY_DLAT and _km(lat, lon, a, b) <= _LIKELY_KM for s, a, b, _c in self.likely):
            ev += 1.0
        return ev

    def bonus(self, r, eid: str, flags: str) -> float:
        ents = self.kb.entities
        e = ents[eid]
        surf = self.ft[r.start:r.end]
        b = 0.0
        ex = self.explicit.get(surf)
        if ex:
            if (e.get("country"), e.get("admin1")) in ex:
                b += 8
            elif any(a1 for _c, a1 in ex):
                b -= 4
        ev = self.support(e, surf)
        if ev > 0:
            b += 2 + min(ev, 3.0)
        if r.start in self.region_slot and e.get("level") == 1:
            b += 6  # "Bronx, New York", "New York Gov.": the state, not the city
        if "x" in flags and not e.get("capital") and not fold(e.get("name") or "").startswith(surf + " ") and any(
                "x" not in f and ents[c]["type"] == "place" and c != eid
                # s20: no penalty where the alternate name is a city of half a million or more and the other a town
                # under 200,000 a fifth its size ("Odessa": Odesa, 1.0 M, over Odessa, Texas, 0.1 M; the exonym of a
                # large city is its common name abroad; "Sparta" stays Sparta, not Isparta, 0.2 M, and "Cancún",
                # 0.9 M, is no Changchun)
                and not _exonym_of_large_city(e.get("population") or 0, ents[c].get("population") or 0)
                for c, _k, f in r.cands):
            b -= 1.5
        return b

    def region_reading(self, r) -> str | None:
        """"Atlanta, Georgia", "Hugo, Oklahoma": after "Place, " a name that is also a first-level division
        containing a reading of that place is the division, even where the name is also a country
        ("Georgia") or an alternate name of a city ("Oklahoma" for Oklahoma City). Returns its id."""
        pairs = self.region_of.get(r.start)
        if not pairs:
            return None
        ents = self.kb.entities
        hits = [c[0] for c in r.cands if ents[c[0]]["type"] == "place" and ents[c[0]].get("level") == 1
                and (ents[c[0]].get("country"), ents[c[0]].get("admin1")) in pairs]
        return hits[0] if len(hits) == 1 else None

    def backed(self, r, e: dict) -> bool:
        """The document names ``e``'s region (explicitly after this name, or elsewhere), or a clearly
        identified place lies near ``e`` and the name is no lower-case word of the language ("march")."""
        surf = self.ft[r.start:r.end]
        key = (e.get("country"), e.get("admin1"))
        if key in (self.explicit.get(surf) or ()) or self.support(e, surf, near=False) > 0:
            return True
        return self.support(e, surf) > 0 and not _lower_word(self.text[r.start:r.end], self.lang)

    def country_support(self, cc: str | None, surf: str) -> bool:
        """``cc`` is named in the document other than by ``surf`` (a country, or a region or place of it)."""
        if not cc:
            return False
        if self.doc_countries.get(cc):
            return True
        if any(s != surf and c == cc for s, _a, _b, c in self.points):
            return True
        return any(k[0] == cc and v - self.own.get(surf, {}).get(k, 0.0) > 0 for k, v in self.evidence.items())

    def only_places(self, r) -> bool:
        # s13: remembered per raw match while its candidate list is the same object (the passes replace the
        # list, never change it in place); the raw is held, so its id cannot be reused
        hit = self._only_memo.get(id(r))
        if hit is not None and hit[1] is r.cands:
            return hit[2]
        ents = self.kb.entities
        res = all(ents[c[0]]["type"] == "place" for c in r.cands)
        self._only_memo[id(r)] = (r, r.cands, res)
        return res

    # -- small places -------------------------------------------------------------------------
    def add_small_candidates(self) -> None:
        """Small namesakes of names the matcher found, where the document supports them."""
        ents = self.kb.entities
        self._extend_runs()
        # one sense per discourse: a reading in the explicit region that another mention of the name
        # kept ("GEORGETOWN, Ky." opens a sentence, where the matcher drops towns named like words)
        if self.explicit:  # s15 (spdcore): nothing to add where the document names no "X, Region"
            by_surf: dict[str, dict[str, tuple]] = {}
            for r in self.raws:
                for c in r.cands:
                    by_surf.setdefault(self.ft[r.start:r.end], {}).setdefault(c[0], c)
            for r in self.raws:
                surf = self.ft[r.start:r.end]
                ex = self.explicit.get(surf)
                if not ex or not r.cands or not self.only_places(r):
                    continue
                if any((ents[c[0]].get("country"), ents[c[0]].get("admin1")) in ex for c in r.cands):
                    continue
                more = [c for eid, c in by_surf[surf].items()
                        if (ents[eid].get("country"), ents[eid].get("admin1")) in ex and ents[eid]["type"] == "place"]
                if more:
                    r.cands = list(r.cands) + more
        for r in self.raws:
            if not r.cands or not self.only_places(r):
                continue
            surf = self.ft[r.start:r.end]
            small = self.kb.small_place_records(surf)
            if not small:
                continue
            ex = self.explicit.get(surf) or set()
            # a first-level division of the name ("Wyoming") is read as that unless the text names a region
            big_region = any(self.support(ents[c[0]], surf) > 0 or ents[c[0]].get("level") == 1 for c in r.cands)
            if big_region:
                if not ex:
                    continue  # s15 (spdcore): only a small place in the region named after the name could be added
                big_countries = set()  # (not read: big_supported holds for every small place)
            else:
                big_countries = {ents[c[0]].get("country") for c in r.cands
                                 if self.country_support(ents[c[0]].get("country"), surf)
                                 or (ents[c[0]].get("country"), None) in ex}
            for s, e in small:
                key = (e["country"], e.get("admin1"))
                # a bigger namesake's country named in the document speaks against a small place abroad,
                # not against one in the same country (New Milford, Connecticut vs New Jersey)
                big_supported = big_region or bool(big_countries - {e["country"]})
                if key in ex or (not big_supported and self.support(e, surf) > 0):
                    if not any(c[0] == s for c in r.cands):
                        # named with its region: no ordinary-word doubt left
                        r.cands = list(r.cands) + [(s, "name", "" if key in ex else _flags(e["name"], self.lang))]

    def _extend_runs(self) -> None:
        """"Mount Sheridan", "South Charleston", "Trinity Beach": a capitalised word next to a matched
        name that together name a small place of a region or country the document supports."""
        text, ft, raws = self.text, self.ft, self.raws
        for i, r in enumerate(raws):
            if not r.cands or not self.only_places(r) or not text[r.start:r.start + 1].isupper():
                continue
            spans = []
            before = _WORD_BEFORE.search(text[max(0, r.start - 20):r.start])
            if before:
                spans.append((r.start - len(before.group(0)), r.end))
            after = _WORD_AFTER.match(text, r.end, r.end + 20)
            if after:
                spans.append((r.start, r.end + len(after.group(0))))
            for s, e in spans:
                if (i > 0 and raws[i - 1].end > s) or (i + 1 < len(raws) and raws[i + 1].start < e):
                    continue
                key = ft[s:e]
                hits = [c for c, e in self.kb.small_place_records(key)
                        if key in self.explicit and (e["country"], e.get("admin1")) in self.explicit[key]
                        or self.support(e, key) > 0]
                if hits:
                    r.start, r.end = s, e
                    r.cands = [(c, "name", "") for c in hits]
                    break

    def unmatched(self, mentions: list, common) -> list[tuple[int, int, str]]:
        """(start, end, place id) for names the matcher did not find that the context makes places:
        small places, and region abbreviations of datelines ("EDMONTON, Ky (WBKO)").
        ``common(word)`` tells an ordinary word of the document's language."""
        out: list[tuple[int, int, str]] = []
        spans = sorted((m.start, m.end) for m in mentions)
        for s, (e, eid) in self.abbr_mentions.items():
            if not any(a < e and s < b for a, b in spans):
                out.append((s, e, eid))
                spans.append((s, e))
        if not self.evidence and not self.explicit and not self.points:
            return out
        ents = self.kb.entities
        preps = PLACE_PREPS.get(self.lang, frozenset())
        text = self.text
        place_ends = sorted(m.end for m in mentions if m.etype in ("place", "country"))
        covered = bytearray(len(text) + 1)
        for a, b in spans:
            covered[a:b] = b"\x01" * (b - a)
        runs = []
        at = _raw_index(self.raws)
        longest = max(map(len, preps), default=0)
        capruns = self._caprun_spans()
        # s17 (kbs17): where capitalised runs are dense (German nouns), the blanks after a preposition found in one
        # scan, and _word_before_in asked only there; elsewhere (Spanish, Russian: few runs) the scan would cost more
        # than the calls it saves
        gaps = _prep_gaps(text, self.lang, self.ft) if preps and len(capruns) * 40 > len(text) else None
        # s17 (kbs17): the starts with a place ending at most 6 characters before them (a bisect of place_ends before)
        near = bytearray(len(text) + 8)
        for pe in place_ends:
            near[pe:pe + 7] = b"\x01\x01\x01\x01\x01\x01\x01"
        # s17 (kbs17): runs that can have no cue (no place just before, no preposition), no comma after and a lower-case
        # second character are left for the pending list below, which is read only where a name was decided (their
        # coverage is tested there); in the text's order, as the other pending runs
        later: list[tuple[int, int]] = []
        for se in capruns:
            s, e = se
            may_prep = gaps is None or s in gaps  # without the scan, every run may follow a preposition
            if gaps is not None and not near[s] and not may_prep and text[e:e + 1] != "," and text[s + 1:s + 2].islower():
                later.append(se)
                continue
            if covered.find(1, s, e) >= 0:
                continue
            cue = (near[s] and _list_before(text, s)) or (may_prep and _word_before_in(text, s, preps, longest))
            if not cue and text[e:e + 1] != "," and text[s + 1:s + 2].islower():
                # the loop below would look nothing up: no cue, no comma after the run, and no prefix of it in
                # capitals (its first word, two characters or more, has a lower-case second one); words later
                runs.append((s, e, None, None, None, cue))
                continue
            words = text[s:e].split()
            for k in range(len(words), 0, -1):  # the longest prefix of the run that names a small place
                ee = s + len(" ".join(words[:k]))
                if k < len(words) and not text[ee:ee + 1].isspace():
                    continue
                if not cue and text[ee:ee + 1] != "," and not text[s:ee].isupper():
                    continue  # neither a cue before nor "Name, Region" after: checked later by name only
                surface = text[s:ee]
                cands = self.kb.small_places(fold(surface))
                if cands:
                    explicit = self._after_comma(ee, _raw_at(self.raws, self.ft, ee, at))
                    runs.append((s, ee, surface, cands, explicit, cue))
                    break
            else:
                runs.append((s, e, None, words, None, cue))
        # one sense per discourse: "Churchill, Man." once makes every "Churchill" that town
        named: dict[str, set] = {}
        for s, ee, surface, cands, explicit, cue in runs:
            if surface is not None and explicit:
                named.setdefault(fold(surface), set()).update(explicit)
        pending = [x for x in runs if x[2] is None]  # no cue: a place only if decided elsewhere in the document
        runs = [x for x in runs if x[2] is not None]
        decided: dict[str, str] = {}
        for s, ee, surface, cands, explicit, cue in runs:
            key = fold(surface)
            ex = named.get(key)
            if ex:
                hits = [c for c in cands if (ents[c]["country"], ents[c].get("admin1")) in ex]
                if hits:
                    decided[key] = max(hits, key=lambda c: ents[c].get("population") or 0)
                continue
            if surface.isupper() or key in decided:
                continue
            next_cap = re.match(r"[^\S\n]+[A-Z]", text[ee:ee + 3])
            if not cue or next_cap or (" " not in surface and common(surface)):
                continue
            sup = [(self.support(ents[c], ""), ents[c].get("population") or 0, c) for c in cands]
            sup = [x for x in sup if x[0] > 0]
            if sup:
                decided[key] = max(sup)[2]
        if not decided:
            return out
        if later:
            pending = sorted(pending + [(s, e, None, None, None, False) for s, e in later if covered.find(1, s, e) < 0],
                             key=_FIRST)
        for s, _e, _n, words, _x, _c in pending:
            if words is None:
                words = text[s:_e].split()
            for k in range(len(words), 0, -1):
                key = fold(" ".join(words[:k]))
                if key in decided:
                    runs.append((s, s + len(" ".join(words[:k])), key, None, None, False))
                    break
        for s, ee, surface, cands, explicit, cue in runs:
            eid = decided.get(fold(surface))
            if eid and not any(a < ee and s < b for a, b in spans):
                out.append((s, ee, eid))
                spans.append((s, ee))
        return out


def _comma_positions(text: str) -> list[int]:
    out = []
    i = text.find(",")
    while i >= 0:
        out.append(i)
        i = text.find(",", i + 1)
    return out


def _list_before(text: str, s: int) -> bool:
    r"""``re.search(r"(?:,|\band|\bor)[^\S\n]*$", text[max(0, s - 6):s])`` is not None, without the search."""
    lo = max(0, s - 6)
    j = _trail_end(text, lo, s)
    while j > lo and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] == ",":
        return True
    for w in ("and", "or"):
        a = j - len(w)
        if a >= lo and text[a:j] == w and (a == lo or not (text[a - 1].isalnum() or text[a - 1] == "_")):
            return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def _raw_index(raws: list) -> dict[int, Any]:
    """start -> the first raw match starting there (build it again after raws change)."""
    out: dict[int, Any] = {}
    for r in raws:
        out.setdefault(r.start, r)
    return out


def _raw_at(raws: list, ft: str, end: int, index: dict[int, Any] | None = None):
    m = _COMMA.match(ft, end)
    if not m:
        return None
    if index is not None:
        return index.get(m.end())
    return next((r for r in raws if r.start == m.end()), None)


def _lower_word(word: str, lang: str) -> bool:
    from communique.mentions.capnames import _dictionary

    if lang == "ru":
        from communique.kb.build import is_common_word
        from communique.kb.translit import has_cyrillic

        # "Острова" (islands), not the town Ostrov; Latin words are not looked up (that would load
        # four more dictionaries)
        return has_cyrillic(word) and is_common_word(word)
    if lang not in ("en", "de", "fr", "es"):
        return False
    d = _dictionary(lang)
    return word.lower() in d and word not in d


def _flags(name: str, lang: str) -> str:
    """The matcher's flags for a small place's name, judged with the document language's dictionary only
    (loading the other languages' dictionaries for a lookup would cost memory)."""
    from communique.kb.wordstore import is_known  # simplemma.is_known from the compact word store (s15)

    letter = {"en": "e", "de": "d", "fr": "f", "es": "s"}.get(lang)
    flags = ""
    if letter and " " not in name and is_known(name.lower(), lang):
        flags = "c" + letter
    if name.isascii():
        flags += "a"
    return flags
