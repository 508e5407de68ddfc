"""Hand-built mentions and times for the event stage's unit tests (independent of the linker)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.model import Entity, Span, TimeExpr
from communique.normalize import normalize
from communique.pipeline import Pipeline


def spans(text: str, needle: str) -> list[Span]:
    out, pos = [], 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return out
        out.append(Span(i, i + len(needle), needle))
        pos = i + len(needle)


def entity(text: str, eid: str, etype: str, name: str, country: str | None, *needles: str,
           role: str | None = None) -> Entity:
    ms: list[Span] = []
    for n in needles:
        ms.extend(spans(text, n))
    return Entity(id=eid, type=etype, name=name, country=country, role=role, mentions=ms)


def time(text: str, needle: str, start: str, end: str, gran: str = "day", typ: str = "DATE",
         value: str | None = None, mod: str | None = None) -> TimeExpr:
    i = text.index(needle)
    return TimeExpr(i, i + len(needle), needle, typ, value or start, mod, start, end, gran)


def make_doc(text: str, lang: str, published: str = "2024-11-20T10:00:00+00:00", doc_id: str = "t:1") -> Document:
    return Document(id=doc_id, text=text, source="test", lang=lang,
                    published=datetime.fromisoformat(published).astimezone(timezone.utc))


def run(text: str, lang: str, entities: list[Entity], times: list[TimeExpr] | None = None,
        published: str = "2024-11-20T10:00:00+00:00"):
    from communique.events import EventExtractor

    doc = make_doc(text, lang, published)
    return EventExtractor([lang]).extract(doc, normalize(text), entities, times or [])


def seed_inputs(text: str) -> tuple[list[Entity], list[TimeExpr]]:
    ents = [
        entity(text, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Sergej Lawrow",
               role="Minister of Foreign Affairs of Russia"),
        entity(text, "kb:person/maxim-ryzhenkov", "person", "Maxim Ryzhenkov", "BY", "Maxim Ryschenkow",
               role="Minister of Foreign Affairs of Belarus"),
        entity(text, "new:person/pyotr-parkhomchik", "person", "Pyotr Parkhomchik", "BY", "Pjotr Parkhomchik",
               role="Chairman of the Brest Regional Executive Committee"),
        entity(text, "kb:country/RU", "country", "Russia", "RU", "Russlands", "russisch", "🇷🇺"),
        entity(text, "kb:country/BY", "country", "Belarus", "BY", "Republik Belarus", "Weißrusslands",
               "belarussischen", "🇧🇾"),
        entity(text, "gn:629634", "place", "Brest", "BY", "Brest,", "Region Brest"),
        entity(text, "kb:org/sco", "organization", "Shanghai Cooperation Organisation", None, "SCO"),
        entity(text, "kb:org/brics", "organization", "BRICS", None, "BRICS"),
        entity(text, "kb:org/union-state", "organization", "Union State", None, "Unionsstaates"),
    ]
    for e in ents:  # "Brest," -> "Brest"
        e.mentions = [Span(m.start, m.start + len(m.text.rstrip(",")), m.text.rstrip(",")) if m.text else m
                      for m in e.mentions]
    times = [
        time(text, "Am 21. und 22.November", "2024-11-21", "2024-11-22", value="2024-11-21/2024-11-22"),
        time(text, "seit 2000", "2000-01-01", "2024-11-20", "year", value="2000"),
        time(text, "2025", "2025-01-01", "2025-12-31", "year", value="2025"),
        time(text, "Anfang Dezember 2024", "2024-12-01", "2024-12-10", "month", value="2024-12", mod="START"),
        time(text, "im Jahr 1999", "1999-01-01", "1999-12-31", "year", value="1999"),
    ]
    return ents, times


@pytest.fixture
def seed_record(seed_text):
    from communique.record import build_record

    ents, times = seed_inputs(seed_text)
    doc = make_doc(seed_text, "de")
    from communique.events import EventExtractor

    events = EventExtractor(["de"]).extract(doc, normalize(seed_text), ents, times)
    return build_record(doc, ents, times, events)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The whole pipeline without natasha, shared by the event tests that run real sentences (s20)."""
    return Pipeline(use_natasha=False)
