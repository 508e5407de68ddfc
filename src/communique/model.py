"""The extraction output types: what the mention, time and event stages produce.

Their ``to_json`` methods give exactly the shapes of ``OUTPUT.md`` (ENTITY, TIME, EVENT).
Every ``start``/``end`` is an offset into ``Document.text`` as published, ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "country", "place", "organization", "document", "group", "other")
EVENT_KINDS = (
    "visit", "meeting", "talks", "phone_call", "video_call", "summit", "session", "signing",
    "adoption", "statement", "commemoration", "appointment", "sanction", "other",
)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("planned", "occurred", "cancelled", "postponed", "denied", "unknown")
MODALITIES = ("asserted", "expected", "possible", "negated", "historical")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str | None = None
    # for an entity's mention: the whole phrase the name stands in, where it follows its descriptor
    # ("партии «Яблоко»" around "Яблоко"); given in the JSON as ``phrase`` (an added field of OUTPUT.md)
    phrase: Span | None = None
    # for an entity's mention: the id of the organisation whose name it lies in ("России" in "МИД России",
    # mentions/nested.py); given in the JSON as ``nested_in`` (an added field)
    nested_in: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.text is not None:
            d["text"] = self.text
        if self.phrase is not None:
            d["phrase"] = self.phrase.to_json()
        if self.nested_in is not None:
            d["nested_in"] = self.nested_in
        return d


@dataclass(slots=True)
class Entity:
    """A person, country, place, organisation, document or group, with its mentions in one document."""

    id: str  # kb:<type>/<key>, gn:<geonameid>, or new:<type>/<slug>
    type: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # additional fields (acronym, how found, score...)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "country": self.country,
            "wikidata": self.wikidata,
            "geonames": self.geonames,
            "role": self.role,
            "mentions": [m.to_json() for m in sorted(self.mentions, key=lambda s: (s.start, s.end))],
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class TimeExpr:
    """A time expression normalised against the document date (TIMEX3 plus calendar interval)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None
    interval_start: str | None = None  # ISO date, inclusive
    interval_end: str | None = None
    granularity: str | None = None
    certainty: str = "resolved"  # resolved, inferred, unresolved
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": {"start": self.interval_start, "end": self.interval_end},
            "granularity": self.granularity,
            "certainty": self.certainty,
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class EventTime:
    start: str | None = None
    end: str | None = None
    granularity: str | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity, "text": self.text}


@dataclass(slots=True)
class Event:
    id: str
    kind: str
    type: str | None = None
    mode: str | None = None
    status: str = "unknown"
    modality: str = "asserted"
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    location: str | None = None
    time: EventTime = field(default_factory=EventTime)
    documents: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "kind": self.kind,
            "status": self.status,
            "modality": self.modality,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "location": self.location,
            "time": self.time.to_json(),
            "documents": list(self.documents),
            "organizations": list(self.organizations),
            "evidence": [e.to_json() for e in self.evidence],
            "confidence": round(float(self.confidence), 3),
        }
        d.update(self.extra)
        return d
