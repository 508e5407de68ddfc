"""A foreign ministry's spokesperson named by the role alone: "официальный представитель МИД России заявила",
"the State Department spokesperson said", "la porte-parole du ministère russe des Affaires étrangères".

The role words and the words that tie them to the ministry are data (``spokesperson`` in
``data/lang/<iso>/mentions.yaml``). A role phrase names a person only where

* a foreign ministry's mention (a knowledge-base ministry tagged ``institution: foreign_ministry``, or the
  ministry :mod:`communique.mentions.institutions` made of a country: "МИД Ирана") follows it, after the linking
  words ("of the", "des", "del"), or stands right before it ("the Foreign Ministry spokesperson");
* no name follows (then the phrase is the name's title, linked by the title rules) and none stands right before it
  with a comma between ("Mark Toner, acting spokesperson of ..."); no word of ``before`` precedes it (an
  indefinite article: "a spokesperson", "ein Sprecher" is one of the ministry's speakers; "deputy", "acting",
  "former", "исполняющий обязанности": someone else), and no person mention covers it;
* the knowledge base has exactly one spokesperson of that ministry in office on the document's date (China's
  ministry has several at once: none is chosen).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from communique.mentions.common import Mention, mentions_data

# the English role of a foreign ministry's spokesperson in the knowledge base's terms (office "spokesperson" also
# holds presidents' press secretaries: "Press Secretary of the President of Russia", "White House Press Secretary")
_MINISTRY_ROLE = re.compile(r"Foreign Affairs|External Affairs|Department of State|Foreign Office")
_NEW_MINISTRY = "new:organization/ministry-of-foreign-affairs-of-"


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> tuple[tuple[str, ...], re.Pattern, re.Pattern, frozenset[str]] | None:
    data = mentions_data(lang).get("spokesperson") or {}
    roles = data.get("role") or []
    if not roles:
        return None
    # literal parts of the role words, one of which the text must hold before the regex runs (most texts hold none)
    quick = tuple(str(q) for q in data.get("quick") or ())
    role = re.compile(r"(?<![\w-])(?:" + "|".join(roles) + r")(?![\w-])", re.IGNORECASE)
    links = sorted((str(w) for w in data.get("link") or ()), key=len, reverse=True)
    link = re.compile(r"[ \xa0]*(?:(?:" + "|".join(re.escape(w) for w in links) + r")[ \xa0]+)?" if links else r"[ \xa0]*",
                      re.IGNORECASE)
    return quick, role, link, frozenset(str(w).lower() for w in data.get("before") or ())


def _spokespersons(kb: Any) -> dict[str, list[tuple[str, str | None, str]]]:
    """country -> [(start, end, person id)] of the foreign ministries' spokespersons' terms (built once per base)."""
    idx = getattr(kb, "_ministry_spokespersons", None)
    if idx is None:
        idx = {}
        for eid, e in kb.entities.items():
            if e.get("type") != "person":
                continue
            for t in e.get("terms") or ():
                if t.get("office") == "spokesperson" and t.get("country") and _MINISTRY_ROLE.search(t.get("role") or ""):
                    idx.setdefault(t["country"], []).append((t.get("start") or "0000", t.get("end"), eid))
        kb._ministry_spokespersons = idx
    return idx


def spokesperson_on(kb: Any, country: str, day: str | None) -> str | None:
    """The one spokesperson of ``country``'s foreign ministry in office on ``day``; None if none or several."""
    if not day:
        return None
    live = {eid for s, e, eid in _spokespersons(kb).get(country, ()) if s <= day and (not e or e >= day)}
    return live.pop() if len(live) == 1 else None


def _ministry_country(kb: Any, m: Mention) -> str | None:
    """The country of a foreign ministry's mention; None for any other mention."""
    if m.etype != "organization":
        return None
    if m.eid.startswith(_NEW_MINISTRY):
        return m.country
    e = kb.entities.get(m.eid) or {}
    return e.get("country") if e.get("institution") == "foreign_ministry" else None


def _role_hits(text: str, quick: tuple[str, ...], role_re: re.Pattern) -> list[re.Match]:
    """The role words' matches, in text order: the regex tried only in a window around each literal of ``quick`` (a
    case-insensitive alternation run over a whole text costs ~100 instructions a character; s20)."""
    if not quick:
        return list(role_re.finditer(text))
    found: dict[int, re.Match] = {}
    find = text.find
    for q in quick:
        i = find(q)
        while i >= 0:
            for h in role_re.finditer(text, max(0, i - 8), min(len(text), i + 60)):
                found.setdefault(h.start(), h)
            i = find(q, i + len(q))
    return [found[k] for k in sorted(found)]


def ministry_spokespersons(kb: Any, text: str, lang: str, mentions: list[Mention], day: str | None) -> list[Mention]:
    """Person mentions of the foreign ministries' spokespersons named by their role alone (module docstring)."""
    lex = _lexicon(lang)
    if lex is None or not day:
        return []
    quick, role_re, link_re, not_after = lex
    out: list[Mention] = []
    hits = _role_hits(text, quick, role_re)
    if not hits:
        return out
    orgs = [m for m in mentions if m.etype == "organization" and m.nested_in is None]
    persons = [m for m in mentions if m.etype == "person"]
    for h in hits:
        s, e = h.span()
        if any(p.start < e and s < p.end or p.end <= s and not text[p.end:s].strip(" \xa0,") for p in persons):
            continue  # a person's own words, or the apposition of the person before ("Mark Toner, spokesperson ...")
        before = text[max(0, s - 30):s].split()
        if before and before[-1].lower().strip(",") in not_after:
            continue
        reach = link_re.match(text, e).end()
        ministry = next((m for m in orgs if m.start == reach or (m.end <= s and not text[m.end:s].strip(" \xa0"))), None)
        if ministry is None:
            continue
        end = max(e, ministry.end)
        if any(end <= p.start <= end + 3 for p in persons):
            continue  # "официальный представитель МИД России Мария Захарова": the title of the name after it
        country = _ministry_country(kb, ministry)
        eid = spokesperson_on(kb, country, day) if country else None
        if eid is None:
            continue
        out.append(Mention(s, e if ministry.end <= s else end, eid, "coref", "person",
                           name=kb.entities[eid]["name"], country=country))
    return out
