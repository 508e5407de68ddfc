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


# -- a small hand-written multilingual scenario corpus (tests, docs) --------------------------------
_PEOPLE = {
    "lavrov": ("kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Minister of Foreign Affairs of Russia"),
    "ryzhenkov": ("kb:person/maxim-ryzhenkov", "person", "Maxim Ryzhenkov", "BY",
                  "Minister of Foreign Affairs of Belarus"),
    "wang": ("kb:person/wang-yi", "person", "Wang Yi", "CN", "Minister of Foreign Affairs of China"),
    "blinken": ("kb:person/antony-blinken", "person", "Antony Blinken", "US", "Secretary of State of the United States"),
    "RU": ("kb:country/RU", "country", "Russia", "RU", None),
    "BY": ("kb:country/BY", "country", "Belarus", "BY", None),
    "TR": ("kb:country/TR", "country", "Turkey", "TR", None),
    "brest": ("gn:629634", "place", "Brest", "BY", None),
    "moscow": ("gn:524901", "place", "Moscow", "RU", None),
    "astana": ("gn:1526273", "place", "Astana", "KZ", None),
    "ankara": ("gn:323786", "place", "Ankara", "TR", None),
    "sco": ("kb:organization/sco", "organization", "Shanghai Cooperation Organisation", None, None),
}


def _doc(doc_id: str, published: str, lang: str, text: str, mentions: dict[str, list[str]],
         events: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    ents = []
    for key, forms in mentions.items():
        eid, type_, name, cc, role = _PEOPLE[key]
        spans = []
        for form in forms:
            start = text.index(form)
            spans.append((start, start + len(form), form))
        ents.append(entity(eid, type_, name, cc, role, spans))
    return record(doc_id, published, lang, text, ents, events), text


def _id(key: str) -> str:
    return _PEOPLE[key][0]


def scenario_records() -> list[tuple[dict[str, Any], str]]:
    """Announcements and reports of the same events in several languages, distinct meetings of the
    same people, a postponement, a cancellation, an event never reported and one still ahead."""
    L, R, W, B = _id("lavrov"), _id("ryzhenkov"), _id("wang"), _id("blinken")
    out = []
    # A: a visit announced in German, its talks reported in Russian, the visit summed up in English
    t = "Am 21. und 22. November wird Sergej Lawrow Brest besuchen. Geplant sind Gespräche mit Maxim Ryschenkow."
    out.append(_doc("tg:mfa_de:101", "2024-11-20T09:00:00+00:00", "de", t,
                    {"lavrov": ["Sergej Lawrow"], "ryzhenkov": ["Maxim Ryschenkow"], "brest": ["Brest"], "BY": []},
                    [event("e1", "visit", "planned", [L], [_id("BY")], location=_id("brest"), start="2024-11-21",
                           end="2024-11-22", time_text="Am 21. und 22. November", evidence=(0, 58)),
                     event("e2", "talks", "planned", [L, R], location=_id("brest"), evidence=(59, len(t)))]))
    t = "21 ноября в Бресте Сергей Лавров провёл переговоры с Максимом Рыженковым."
    out.append(_doc("tg:mfa_ru:7001", "2024-11-21T16:30:00+00:00", "ru", t,
                    {"lavrov": ["Сергей Лавров"], "ryzhenkov": ["Максимом Рыженковым"], "brest": ["Бресте"]},
                    [event("e1", "talks", "occurred", [L, R], location=_id("brest"), start="2024-11-21",
                           time_text="21 ноября", evidence=(0, len(t)))]))
    t = "Sergey Lavrov concluded a two-day working visit to Brest, Belarus."
    out.append(_doc("web:mfa.example/en/2211", "2024-11-22T18:00:00+00:00", "en", t,
                    {"lavrov": ["Sergey Lavrov"], "brest": ["Brest"], "BY": ["Belarus"]},
                    [event("e1", "visit", "occurred", [L], [_id("BY")], location=_id("brest"), start="2024-11-21",
                           end="2024-11-22", time_text="two-day", evidence=(0, len(t)))]))
    # B: the same two people meet twice, on different days; the same day, someone else
    t = "Le 2 octobre, Sergueï Lavrov a rencontré Wang Yi à Moscou."
    out.append(_doc("rss:mfa_fr:55", "2024-10-03T08:00:00+00:00", "fr", t,
                    {"lavrov": ["Sergueï Lavrov"], "wang": ["Wang Yi"], "moscow": ["Moscou"]},
                    [event("e1", "meeting", "occurred", [L, W], location=_id("moscow"), start="2024-10-02",
                           time_text="Le 2 octobre", evidence=(0, len(t)))]))
    t = "El 5 de octubre, Serguéi Lavrov se reunió con Wang Yi."
    out.append(_doc("rss:mfa_es:91", "2024-10-06T08:00:00+00:00", "es", t,
                    {"lavrov": ["Serguéi Lavrov"], "wang": ["Wang Yi"]},
                    [event("e1", "meeting", "occurred", [L, W], start="2024-10-05", time_text="El 5 de octubre",
                           evidence=(0, len(t)))]))
    t = "On 2 October Sergey Lavrov also met Antony Blinken in Moscow."
    out.append(_doc("web:mfa.example/en/0310", "2024-10-03T12:00:00+00:00", "en", t,
                    {"lavrov": ["Sergey Lavrov"], "blinken": ["Antony Blinken"], "moscow": ["Moscow"]},
                    [event("e1", "meeting", "occurred", [L, B], location=_id("moscow"), start="2024-10-02",
                           time_text="On 2 October", evidence=(0, len(t)))]))
    # C: announced, postponed, rescheduled, then reported without a date ("today")
    t = "Maxim Ryschenkow wird am 10. September Moskau besuchen."
    out.append(_doc("tg:mfa_de:90", "2024-09-01T09:00:00+00:00", "de", t,
                    {"ryzhenkov": ["Maxim Ryschenkow"], "moscow": ["Moskau"], "RU": []},
                    [event("e1", "visit", "planned", [R], [_id("RU")], location=_id("moscow"), start="2024-09-10",
                           time_text="am 10. September", evidence=(0, len(t)))]))
    t = "The visit of Maxim Ryzhenkov to Moscow planned for 10 September has been postponed."
    out.append(_doc("web:mfa.example/en/0809", "2024-09-08T10:00:00+00:00", "en", t,
                    {"ryzhenkov": ["Maxim Ryzhenkov"], "moscow": ["Moscow"], "RU": []},
                    [event("e1", "visit", "postponed", [R], [_id("RU")], location=_id("moscow"), start="2024-09-10",
                           time_text="10 September", evidence=(0, len(t)))]))
    t = "Визит Максима Рыженкова в Москву состоится 1 октября."
    out.append(_doc("tg:mfa_ru:6500", "2024-09-20T09:00:00+00:00", "ru", t,
                    {"ryzhenkov": ["Максима Рыженкова"], "moscow": ["Москву"], "RU": []},
                    [event("e1", "visit", "planned", [R], [_id("RU")], location=_id("moscow"), start="2024-10-01",
                           time_text="1 октября", evidence=(0, len(t)))]))
    t = "Today Maxim Ryzhenkov arrived in Moscow on a working visit."
    out.append(_doc("web:mfa.example/en/0110", "2024-10-01T15:00:00+00:00", "en", t,
                    {"ryzhenkov": ["Maxim Ryzhenkov"], "moscow": ["Moscow"], "RU": []},
                    [event("e1", "visit", "occurred", [R], [_id("RU")], location=_id("moscow"), evidence=(0, len(t)))]))
    # D: a phone call announced, then cancelled
    t = "Sergueï Lavrov et Antony Blinken auront un entretien téléphonique le 5 août."
    out.append(_doc("rss:mfa_fr:40", "2024-08-01T08:00:00+00:00", "fr", t,
                    {"lavrov": ["Sergueï Lavrov"], "blinken": ["Antony Blinken"]},
                    [event("e1", "phone_call", "planned", [L, B], start="2024-08-05", time_text="le 5 août",
                           evidence=(0, len(t)))]))
    t = "Se canceló la conversación telefónica entre Serguéi Lavrov y Antony Blinken."
    out.append(_doc("rss:mfa_es:41", "2024-08-04T08:00:00+00:00", "es", t,
                    {"lavrov": ["Serguéi Lavrov"], "blinken": ["Antony Blinken"]},
                    [event("e1", "phone_call", "cancelled", [L, B], evidence=(0, len(t)))]))
    # E: a summit announced and never reported
    t = "Sergey Lavrov will attend the SCO summit in Astana on 3-4 July."
    out.append(_doc("web:mfa.example/en/0106", "2024-06-01T09:00:00+00:00", "en", t,
                    {"lavrov": ["Sergey Lavrov"], "sco": ["SCO"], "astana": ["Astana"]},
                    [event("e1", "summit", "planned", [L], location=_id("astana"), start="2024-07-03",
                           end="2024-07-04", time_text="3-4 July", organizations=[_id("sco")], evidence=(0, len(t)))]))
    # F: a visit still ahead
    t = "20 декабря Сергей Лавров посетит Анкару."
    out.append(_doc("tg:mfa_ru:7400", "2024-12-10T10:00:00+00:00", "ru", t,
                    {"lavrov": ["Сергей Лавров"], "ankara": ["Анкару"], "TR": []},
                    [event("e1", "visit", "planned", [L], [_id("TR")], location=_id("ankara"), start="2024-12-20",
                           time_text="20 декабря", evidence=(0, len(t)))]))
    return out


# The stories scenario_records() must consolidate into: (sorted sources, status, statuses in history)
SCENARIO_EXPECTED = [
    (["tg:mfa_de:101#e1", "web:mfa.example/en/2211#e1"], "occurred", ["planned", "occurred"]),
    (["tg:mfa_de:101#e2", "tg:mfa_ru:7001#e1"], "occurred", ["planned", "occurred"]),
    (["rss:mfa_fr:55#e1"], "occurred", ["occurred"]),
    (["rss:mfa_es:91#e1"], "occurred", ["occurred"]),
    (["web:mfa.example/en/0310#e1"], "occurred", ["occurred"]),
    (["tg:mfa_de:90#e1", "tg:mfa_ru:6500#e1", "web:mfa.example/en/0110#e1", "web:mfa.example/en/0809#e1"],
     "occurred", ["planned", "postponed", "planned", "occurred"]),
    (["rss:mfa_es:41#e1", "rss:mfa_fr:40#e1"], "cancelled", ["planned", "cancelled"]),
    (["web:mfa.example/en/0106#e1"], "unconfirmed", ["planned", "unconfirmed"]),
    (["tg:mfa_ru:7400#e1"], "planned", ["planned"]),
]
