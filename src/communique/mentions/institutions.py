"""National institutions named by their country: "the Turkish Foreign Ministry", "das türkische
Außenministerium", "МИД Турции", "le ministère turc des Affaires étrangères", "the Russian Embassy in Washington".

Every country has a foreign ministry and embassies, and diplomatic news names them by the country: a phrase around a country
mention (its name, adjective or case form). The frames are data: ``institutions`` in
``data/lang/<iso>/mentions.yaml``, a pair of regular expressions per frame, the text just before the country
mention and the text just after it. A frame found makes one organisation mention over the whole phrase, linked to
the knowledge base's ministry of that country where the knowledge base has one ("Russian Foreign Ministry" is
``kb:org/mfa-russia``), else to ``new:organization/ministry-of-foreign-affairs-of-<country>`` (one id per country, the
same in every language and document, so consolidation can group them; an embassy's id also names the host
country when a place follows: "the Russian Embassy in Washington", "посольство России в США" are both
``new:organization/embassy-of-russia-in-united-states``). The country mention stays, flagged
``nested_in`` the ministry, as :mod:`communique.mentions.nested` does for "МИД России"; new organisations found by
the capitalised-names passes inside the phrase ("Ministerio de Exteriores") give way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from communique.kb.build import institution_index, slug
from communique.kb.fold import fold
from communique.mentions.common import Mention, mentions_data

_WINDOW = 90  # characters before a country mention a frame may use
_ADJ_KINDS = frozenset(["adj", "adjstem", "dem"])


@dataclass(frozen=True)
class _Frame:
    before: re.Pattern | None  # matched so that it ends where the country mention starts
    after: re.Pattern | None  # matched where the country mention ends
    adjective: bool = False  # only after a country adjective ("Turkish Foreign Ministry", not "in Turkey embassy")


@dataclass(frozen=True)
class _Institution:
    key: str
    name: str  # English name with {country}
    kb_names: tuple[str, ...]  # English KB names to look up, with {country}
    frames: tuple[_Frame, ...]
    quick: "re.Pattern | _Literals"  # one of the institution's words is in the text: the frames are worth trying
    host_after: re.Pattern | None = None  # "... in ": the place or country right after names the host (embassies)
    name_host: str | None = None  # English name with {country} and {host}


@dataclass(frozen=True)
class _Literals:
    """A ``quick`` test written as a list of literal words: one of them is in the text (``str.find`` per word; an
    alternation regex is tried at every position of the text, s20)."""
    words: tuple[str, ...]

    def search(self, text: str) -> bool:
        return any(w in text for w in self.words)


@lru_cache(maxsize=16)
def _institutions(lang: str) -> tuple[_Institution, ...]:
    data = mentions_data(lang).get("institutions") or {}
    out = []
    for key, spec in data.items():
        frames = []
        for frame in spec.get("frames") or ():
            before, after = frame[0], frame[1]
            frames.append(_Frame(re.compile(f"(?:{before})\\Z") if before else None,
                                 re.compile(after) if after else None, "adj" in frame[2:]))
        host = spec.get("host_after")
        quick = spec["quick"]
        out.append(_Institution(key, spec["name"], tuple(spec.get("kb_names") or ()), tuple(frames),
                                _Literals(tuple(quick)) if isinstance(quick, list) else re.compile(quick),
                                re.compile(host) if host else None, spec.get("name_host")))
    return tuple(out)


def country_institutions(kb: Any, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the institutions their country mentions name added (offsets in the normalised
    ``text``); the country mentions inside them flagged ``nested_in``."""
    insts = [i for i in _institutions(lang) if i.quick.search(text)]
    if not insts:
        return mentions
    ents = kb.entities
    found: list[tuple[int, int, str, str, str]] = []  # start, end, eid, name, country
    inner: set[int] = set()  # id() of the country mentions that opened a phrase
    ordered: list[Mention] | None = None  # by start, for the host lookup
    for m in mentions:
        if m.etype != "country" or (m.nested_in and not m.nested_in.startswith("new:")):
            continue  # (inside a new organisation found by capitalised words: the phrase may be the ministry)
        cc = (ents.get(m.eid) or {}).get("country")
        if not cc:
            continue
        for inst in insts:
            adjective = m.kind in _ADJ_KINDS or (m.end - m.start <= 4 and text[m.start:m.end].isupper())  # "US"
            span = _frame_span(text, m.start, m.end, inst, adjective)
            if span is None:
                continue
            if ordered is None:
                ordered = sorted(mentions, key=lambda x: x.start)
            host = _host(kb, text, span[1], inst, ordered, cc)
            eid, name = _institution_id(kb, inst, m.eid, host)
            found.append((span[0], span[1], eid, name, cc))
            inner.add(id(m))
            break
    if not found:
        return mentions
    # a known organisation's name covering the phrase ("Russian Foreign Ministry", "МИД России") stays as it is
    # so does a longer organisation's name around it ("... Exteriores de Argentina y Culto")
    orgs = sorted((m.start, m.end, m.eid.startswith("kb:")) for m in mentions if m.etype in ("organization", "group"))
    starts = [o[0] for o in orgs]
    longest = max((o[1] - o[0] for o in orgs), default=0)

    def covered(f: tuple[int, int, str, str, str]) -> bool:
        lo, hi = bisect.bisect_left(starts, f[1] - longest), bisect.bisect_right(starts, f[0])
        return any(b >= f[1] and (known or (a, b) != (f[0], f[1])) for a, b, known in orgs[lo:hi])

    found = sorted(f for f in found if not covered(f))
    if not found:
        return mentions
    fstarts = [f[0] for f in found]
    out: list[Mention] = []
    for m in mentions:
        k = bisect.bisect_right(fstarts, m.start) - 1  # the last phrase starting at or before the mention
        within = found[k] if k >= 0 and m.end <= found[k][1] else None
        if within is None:
            out.append(m)
        elif id(m) in inner:
            out.append(replace(m, nested_in=within[2]))  # the country of the phrase that stayed
        elif m.etype in ("organization", "group") and not m.eid.startswith("kb:"):
            continue  # "Ministerio de Exteriores", "МИД Турции" as new organisations: the phrase is the ministry
        else:
            out.append(m)
    for s, e, eid, name, cc in found:
        out.append(Mention(s, e, eid, "institution", "organization", name=name, country=cc))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _frame_span(text: str, s: int, e: int, inst: _Institution, adjective: bool) -> tuple[int, int] | None:
    for f in inst.frames:
        if f.adjective and not adjective:
            continue
        a, b = s, e
        if f.before is not None:
            lo = max(0, s - _WINDOW)
            mb = f.before.search(text[lo:s])
            if mb is None:
                continue
            a = lo + mb.start()
        if f.after is not None:
            ma = f.after.match(text, e)
            if ma is None:
                continue
            b = ma.end()
        if (a, b) != (s, e):
            return a, b
    return None


def _host(kb: Any, text: str, end: int, inst: _Institution, mentions: list[Mention], cc: str) -> str | None:
    """The English name of the country where the institution sits, when a place or country mention follows
    the phrase after ``host_after`` ("the Russian Embassy in Washington": the United States)."""
    if inst.host_after is None:
        return None
    h = inst.host_after.match(text, end)
    if h is None:
        return None
    nxt = next((m for m in _starting_at(mentions, h.end()) if m.etype in ("place", "country")), None)
    hc = ((kb.entities.get(nxt.eid) or {}).get("country") if nxt is not None else None) or None
    if not hc or hc == cc:
        return None
    host = kb.entities.get(f"kb:country/{hc}")
    return (host or {}).get("name")


def _listed(kb: Any) -> dict[tuple[str, str], str]:
    """(institution, country) -> id of the knowledge base's organisations tagged ``institution``: computed by the
    KB build (``kb.build.institution_index``), or here once for an older cache."""
    got = getattr(kb, "_institution_index", None)
    if got is None:
        got = kb._institution_index = institution_index(kb.entities)
    return got


def _starting_at(mentions: list[Mention], pos: int) -> list[Mention]:
    """The mentions starting at ``pos`` (``mentions`` sorted by start)."""
    i = bisect.bisect_left(mentions, pos, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start == pos:
        out.append(mentions[i])
        i += 1
    return out


def _institution_id(kb: Any, inst: _Institution, country_eid: str, host: str | None = None) -> tuple[str, str]:
    """The knowledge base's institution of the country if it lists one under a usual English name, else a
    ``new:`` id that is the same for every mention of that country's institution (in that host country)."""
    c = kb.entities[country_eid]
    cname = c.get("name") or country_eid
    listed = _listed(kb).get((inst.key, c.get("country")))
    if listed is not None:  # "French Foreign Ministry", "Britain's Foreign Ministry": the one the KB lists
        return listed, kb.entities[listed]["name"]
    if host and inst.name_host:
        name = inst.name_host.format(country=cname, host=host)
        return f"new:organization/{slug(name)}", name
    for pattern in inst.kb_names:
        for n in (c.get("names") or {}).get("en") or [cname]:
            for eid, _kind, _flags in kb.index.get(fold(pattern.format(country=n)), ()):
                if eid.startswith("kb:org/"):
                    return eid, kb.entities[eid]["name"]
    name = inst.name.format(country=cname)
    return f"new:organization/{slug(name)}", name
