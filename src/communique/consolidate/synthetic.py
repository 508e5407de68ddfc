"""Synthetic OUTPUT.md records: a builder for tests and a generator for the store benchmark.

Nothing here is real data: the generator invents people, places and events; the builder
makes records from what a test spells out.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterator

KINDS = ("meeting", "talks", "visit", "phone_call", "summit", "signing", "statement", "session")
PLOVER = {"meeting": "CONSULT", "talks": "CONSULT", "visit": "CONSULT", "phone_call": "CONSULT",
          "summit": "CONSULT", "session": "CONSULT", "signing": "AGREE", "statement": None}
MODES = {"visit": "visit", "phone_call": "phone", "summit": "multilateral"}


def entity(eid: str, type_: str, name: str, country: str | None = None, role: str | None = None,
           mentions: list[tuple[int, int, str]] | None = None, **extra: Any) -> dict[str, Any]:
    d = {"id": eid, "type": type_, "name": name, "country": country, "wikidata": None,
         "geonames": int(eid[3:]) if eid.startswith("gn:") else None, "role": role,
         "mentions": [{"start": s, "end": e, "text": t} for s, e, t in (mentions or [])]}
    d.update(extra)
    return d


def event(eid: str, kind: str, status: str, actors: list[str], recipients: list[str] | None = None, *,
          location: str | None = None, start: str | None = None, end: str | None = None,
          granularity: str | None = None, time_text: str | None = None, evidence: tuple[int, int] = (0, 0),
          documents: list[str] | None = None, organizations: list[str] | None = None, confidence: float = 0.8,
          modality: str | None = None, type_: str | None = "", mode: str | None = "") -> dict[str, Any]:
    return {
        "id": eid, "type": PLOVER.get(kind) if type_ == "" else type_,
        "mode": MODES.get(kind) if mode == "" else mode, "kind": kind, "status": status,
        "modality": modality or {"planned": "expected", "occurred": "asserted"}.get(status, "asserted"),
        "actors": list(actors), "recipients": list(recipients or []), "location": location,
        "time": {"start": start, "end": end or start, "granularity": granularity or ("day" if start else None),
                 "text": time_text},
        "documents": list(documents or []), "organizations": list(organizations or []),
        "evidence": [{"start": evidence[0], "end": evidence[1]}], "confidence": confidence,
    }


def record(doc_id: str, published: str, lang: str, text: str, entities: list[dict[str, Any]],
           events: list[dict[str, Any]], url: str | None = None) -> dict[str, Any]:
    return {
        "doc": {"id": doc_id, "url": url, "published": published, "published_inferred": False, "lang": lang,
                "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "entities": entities, "times": [], "events": events,
    }


# -- the benchmark generator ------------------------------------------------------------------
class World:
    """An invented world: countries, their people and places, with a skewed popularity."""

    def __init__(self, seed: int = 7, countries: int = 190, persons_per_country: int = 25,
                 places_per_country: int = 10) -> None:
        rnd = random.Random(seed)
        self.rnd = rnd
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        codes = [a + b for a in letters for b in letters]
        rnd.shuffle(codes)
        self.countries = codes[:countries]
        self.persons: dict[str, list[dict[str, Any]]] = {}
        self.places: dict[str, list[dict[str, Any]]] = {}
        self.country_ent: dict[str, dict[str, Any]] = {}
        gid = 100000
        for cc in self.countries:
            self.country_ent[cc] = entity(f"kb:country/{cc}", "country", f"Country {cc}", cc)
            self.persons[cc] = [entity(f"kb:person/{cc.lower()}-{i}", "person", f"Person {cc} {i}", cc,
                                       role="Minister" if i < 3 else "Official") for i in range(persons_per_country)]
            places = []
            for i in range(places_per_country):
                gid += 1
                places.append(entity(f"gn:{gid}", "place", f"Place {cc} {i}", cc))
            self.places[cc] = places
        # popularity: a few countries and people are in most of the news
        self.cweights = [1.0 / (i + 1) ** 0.8 for i in range(countries)]
        self.pweights = [1.0 / (i + 1) for i in range(persons_per_country)]
        self.orgs = [entity(f"kb:organization/org-{i}", "organization", f"Organisation {i}") for i in range(40)]

    def country(self) -> str:
        return self.rnd.choices(self.countries, self.cweights)[0]

    def person(self, cc: str) -> dict[str, Any]:
        return self.rnd.choices(self.persons[cc], self.pweights)[0]


def synthetic_records(n_docs: int, *, seed: int = 7, start: date = date(2020, 1, 1), days: int = 1800,
                      world: World | None = None, prefix: str = "syn") -> Iterator[tuple[dict[str, Any], str]]:
    """``(record, text)`` pairs: about 1.5 events each; a third of the events are announced and
    reported again later by another document (so that consolidation has work to do)."""
    w = world or World(seed)
    rnd = random.Random(seed * 7919 + 1)
    pending: list[tuple[int, dict[str, Any]]] = []  # (day index to report, event template)
    per_day = max(1, n_docs // days)
    for i in range(n_docs):
        day_idx = min(days - 1, i // per_day)
        published_day = start + timedelta(days=day_idx)
        published = datetime(published_day.year, published_day.month, published_day.day, 9, 0,
                             tzinfo=timezone.utc).isoformat()
        ents: dict[str, dict[str, Any]] = {}
        events = []
        due = [p for p in pending if p[0] <= day_idx]
        if due and rnd.random() < 0.5:
            pending.remove(due[0])
            tpl = dict(due[0][1])
            tpl["status"] = "occurred"
            tpl["modality"] = "asserted"
            tpl["id"] = "e1"
            events.append(tpl)
            for eid in tpl.pop("_ents"):
                ents[eid["id"]] = eid
        n_events = 1 if rnd.random() < 0.6 else 2
        for k in range(n_events):
            cc1 = w.country()
            cc2 = w.country()
            p1, p2 = w.person(cc1), w.person(cc2)
            kind = rnd.choice(KINDS)
            place = rnd.choice(w.places[cc2]) if rnd.random() < 0.6 else None
            planned = rnd.random() < 0.35
            offset = rnd.randint(1, 20) if planned else -rnd.randint(0, 2)
            when = published_day + timedelta(days=offset)
            used = [p1, p2, w.country_ent[cc1], w.country_ent[cc2]] + ([place] if place else [])
            orgs = [rnd.choice(w.orgs)] if kind == "summit" else []
            ev = event(f"e{len(events) + 1}", kind, "planned" if planned else "occurred", [p1["id"]], [p2["id"]],
                       location=place["id"] if place else None, start=when.isoformat(),
                       evidence=(0, 60), organizations=[o["id"] for o in orgs])
            events.append(ev)
            for e in used + orgs:
                ents[e["id"]] = e
            if planned and rnd.random() < 0.5:
                tpl = dict(ev)
                tpl["_ents"] = used + orgs
                pending.append((day_idx + offset, tpl))
        text = " ".join(f"{e['kind']} {' '.join(ents[a]['name'] for a in e['actors'] + e['recipients'])}"
                        for e in events).ljust(60)
        yield record(f"{prefix}:{i}", published, rnd.choice(("en", "ru", "de", "fr", "es")), text,
                     list(ents.values()), events), text
