"""What the event stage works with inside one document: mentions and times in normalised
coordinates, the draft event being built, and small helpers on them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from communique.events.lexicon import Trigger
from communique.model import Entity, EventTime, TimeExpr

PARTICIPANT_TYPES = ("person", "country", "group")
CLASS_OF_KIND = {
    "visit": "visit", "meeting": "meet", "talks": "meet", "session": "meet", "summit": "meet",
    "phone_call": "call", "video_call": "call", "signing": "agree", "adoption": "agree",
    "commemoration": "commemoration", "appointment": "appointment",
}
GATHERINGS = frozenset({"summit", "session"})
IMPLY_VISIT = frozenset({"signing"})  # a meeting in one side's country is already CONSULT/visit (mode)
SUB_KINDS = frozenset({"meeting", "talks", "signing", "adoption", "commemoration", "session"})
WORD = re.compile(r"\w+(?:[.'’-]\w+)*", re.UNICODE)


@dataclass(slots=True)
class MentionAt:
    start: int
    end: int
    entity: Entity


@dataclass(slots=True)
class TimeAt:
    start: int
    end: int
    expr: TimeExpr


@dataclass
class Draft:
    trigger: Trigger
    tstart: int
    tend: int
    sentence: tuple[int, int]
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    location: str | None = None
    time: EventTime | None = None
    own_time: bool = False
    time_span: tuple[int, int] | None = None
    status: str = "unknown"
    modality: str = "asserted"
    documents: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    status_cue: bool = False
    inherited: bool = False
    frame: "Draft | None" = None
    doc_spans: list[tuple[int, int]] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)  # spans whose mentions belong to another event
    dropped: bool = False  # no event after all (a state summoning its own envoys)
    arranged: bool = False  # agreed on, arranged or invited to: ahead
    mode: str | None = None
    main: bool = False  # the main event of its sentence
    # countries and places named inside a topic phrase of the clause ("on the situation in Syria"): no sides,
    # no venue; their spans, and the ids that go out as the event's ``topics``
    topic_spans: frozenset[tuple[int, int]] = frozenset()
    topics: list[str] = field(default_factory=list)

    @property
    def cls(self) -> str:
        t = self.trigger
        return CLASS_OF_KIND.get(t.kind) or f"{t.kind}:{t.type}"

    @property
    def participants(self) -> list[str]:
        return uniq(self.actors + self.recipients)


def uniq(items):
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def day_of(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def is_sub_visit(ev: Draft, frame: Draft | None) -> bool:
    return ev.trigger.kind == "visit" and frame is not None and frame is not ev and frame.trigger.kind == "visit"


def distance(s: int, e: int, ts: int, te: int) -> int:
    if e <= ts:
        return ts - e
    if s >= te:
        return (s - te) + 1
    return 0


def adjacent(text: str, a: TimeAt, b: TimeAt) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    gap = text[lo.end:hi.start]
    return len(gap) <= 8 and bool(re.fullmatch(r"\s*(?:[-–—/]|und|and|bis|и|по|et|au|y|al|to|–)?\s*", gap))


def event_time(group: list[TimeAt], text: str) -> EventTime:
    starts = [t.expr.interval_start for t in group if t.expr.interval_start]
    ends = [t.expr.interval_end for t in group if t.expr.interval_end]
    g = sorted(group, key=lambda t: t.start)
    return EventTime(start=min(starts) if starts else None, end=max(ends) if ends else None,
                     granularity=g[0].expr.granularity,
                     text=g[0].expr.text if len(g) == 1 else text[g[0].start:g[-1].end])


def same_time(a: EventTime | None, b: EventTime | None) -> bool:
    if a is None or b is None:
        return True
    return a.start == b.start and a.end == b.end


def within(inner: EventTime, outer: EventTime) -> bool:
    if not (inner.start and outer.start and outer.end):
        return True
    return outer.start <= inner.start and (inner.end or inner.start) <= outer.end
