"""Incremental, explainable consolidation of source events into stories.

Each new source event is compared with the few stories that share one of its participants
(or its place) and whose interval is near its own. A story it does not contradict and that
scores at least the threshold takes it; otherwise it starts a story of its own. Nothing
else is recomputed. Every decision is kept: why an event joined (the checks that scored),
and which candidates were rejected and why.

Contradictions that always keep events apart: the same document; incompatible kinds;
different people on both sides (outside multilateral kinds); different sets of countries on
both sides; a visit by a different visitor; places in different countries; intervals that do
not overlap (a postponement or rescheduling aside); a report published before the date of
the story it would join.
"""

from __future__ import annotations

import logging
import math
import os
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from itertools import chain
from typing import Any, Iterable

import yaml

from communique.export import export_columns
from communique.store import events as es

log = logging.getLogger(__name__)

GRANULARITY_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "season": 5, "year": 6,
                    "decade": 7, "century": 8}
_WORD = re.compile(r"\w{4,}", re.UNICODE)


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    text = resources.files("communique.consolidate").joinpath("data/rules.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class Settings:
    threshold: float
    weights: dict[str, float]
    windows: dict[str, int]
    grace_days: int
    compatible: dict[str, frozenset[str]]
    multilateral: frozenset[str]

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        r = _rules()
        compatible: dict[str, set[str]] = {}
        for group in r.get("compatible_kinds") or []:
            for k in group:
                compatible.setdefault(k, set()).update(group)
        grace = int(os.environ.get("COMMUNIQUE_GRACE_DAYS", r.get("grace_days", 7)))
        s = cls(threshold=float(r["threshold"]), weights={k: float(v) for k, v in r["weights"].items()},
                windows={k: int(v) for k, v in r["windows"].items()}, grace_days=grace,
                compatible={k: frozenset(v) for k, v in compatible.items()},
                multilateral=frozenset(r.get("multilateral_kinds") or []))
        for k, v in overrides.items():
            setattr(s, k, v)
        return s


def grace_days_default() -> int:
    return Settings.load().grace_days


# -- small helpers ---------------------------------------------------------------------------
def _country_of(eid: str, ents: dict[str, dict[str, Any]]) -> str | None:
    e = ents.get(eid)
    if e and e.get("country"):
        return e["country"]
    if eid.startswith("kb:country/"):
        return eid.rsplit("/", 1)[1].upper()
    return None


def _type_of(eid: str, ents: dict[str, dict[str, Any]]) -> str:
    e = ents.get(eid)
    if e and e.get("type"):
        return e["type"]
    m = re.match(r"^(?:kb|new):([a-z]+)/", eid)
    return m.group(1) if m else "other"


def _name(eid: str, ents: dict[str, dict[str, Any]]) -> str:
    e = ents.get(eid)
    return e["name"] if e and e.get("name") else eid


RECORD_CACHE = 20_000  # decoded candidate records kept by a consolidator (then it starts afresh)
MAX_EVENT_DAYS = 62  # a longer interval ("their first meeting since 2019") does not date the event itself


def _interval(m: dict[str, Any]) -> tuple[str, str] | None:
    t = m.get("time") or {}
    if not t.get("start"):
        return None
    return t["start"][:10], (t.get("end") or t["start"])[:10]


def _match_interval(m: dict[str, Any]) -> tuple[str, str] | None:
    """The interval an event is matched by: none when it is too long to date the event itself."""
    iv = _interval(m)
    if iv is None or _days_between(iv[0], iv[1]) > MAX_EVENT_DAYS:
        return None
    return iv


def _words(texts: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for t in texts:
        out.update(w.casefold() for w in _WORD.findall(t or ""))
    return out


def _days_between(a: str, b: str) -> int:
    return _days_apart(a[:10], b[:10])


@lru_cache(maxsize=65536)
def _days_apart(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- aggregation ------------------------------------------------------------------------------
def _order(m: dict[str, Any]) -> tuple[str, str, str]:
    return (m.get("published") or "9999", m["doc"], m["event"])


def _vote(values: list[Any]) -> Any:
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    first = vals[0]
    if len(vals) == 1 or vals.count(first) == len(vals):
        return first  # unanimous (most stories have one source): what the count below gives
    counts = Counter(vals)
    best = max(counts.values())
    return next(v for v in vals if counts[v] == best)


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    return list(dict.fromkeys(filter(None, chain.from_iterable(lists))))


_NOTES = {
    (None, "planned"): "announced",
    (None, "occurred"): "reported",
    (None, "cancelled"): "reported cancelled",
    (None, "postponed"): "reported postponed",
    (None, "denied"): "denied",
    ("planned", "occurred"): "confirmed",
    ("postponed", "occurred"): "confirmed",
    ("cancelled", "occurred"): "reported after a cancellation",
    ("planned", "cancelled"): "cancelled",
    ("planned", "postponed"): "postponed",
    ("postponed", "planned"): "rescheduled",
    ("cancelled", "planned"): "announced again",
    ("postponed", "cancelled"): "cancelled",
}


def status_history(members: list[dict[str, Any]], start: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """Fold the members' statuses in publication order into the story's status and its history.

    A member whose own status is ``unknown`` but which asserts the event in a document published on
    or after the event's first day (``start``) counts as a report: it occurred.
    """
    state: str | None = None
    history: list[dict[str, Any]] = []
    for m in sorted(members, key=_order):
        s = m.get("status") or "unknown"
        note = None
        if s == "unknown":
            published = (m.get("published") or "")[:10]
            if start and published and published >= start[:10] and m.get("modality") in (None, "asserted"):
                s, note = "occurred", "reported on or after the date (status inferred)"
            else:
                continue
        if state == s:
            continue
        if state == "occurred" and s != "denied":
            continue  # a later announcement or retrospective mention does not undo a report
        history.append({"status": s, "at": m.get("published"), "doc": m["doc"], "event": m["event"],
                        "rowid": m.get("rowid"), "note": note or _NOTES.get((state, s), s)})
        state = s
    return state or "unknown", history


def _choose_time(members: list[dict[str, Any]]) -> dict[str, Any]:
    if len(members) == 1:  # (most stories): its own dates, if it has any; what the choice below gives
        m = members[0]
        if not _interval(m):
            return {"start": None, "end": None, "granularity": None, "text": None}
        t = m["time"]
        return {"start": t["start"], "end": t.get("end") or t["start"], "granularity": t.get("granularity"),
                "text": t.get("text")}
    ordered = sorted(members, key=_order)
    dated = [m for m in ordered if _interval(m)]
    if not dated:
        return {"start": None, "end": None, "granularity": None, "text": None}
    tier = [m for m in dated if m.get("status") == "occurred"]
    if not tier:
        last_post = max((i for i, m in enumerate(ordered) if m.get("status") == "postponed"), default=-1)
        after = [m for m in ordered[last_post + 1:] if _interval(m) and m.get("status") == "planned"]
        tier = after or [m for m in dated if m.get("status") not in ("postponed", "cancelled")] or dated
    pos = {id(m): i for i, m in enumerate(ordered)}
    # the finest dates; among them the widest (a summit of 22-24 October, though a report tells of its
    # last day), then the latest source
    best = min(tier, key=lambda m: (GRANULARITY_RANK.get((m["time"] or {}).get("granularity") or "", 9),
                                    -_days_between(*_interval(m)), -pos[id(m)]))
    t = best["time"]
    return {"start": t["start"], "end": t.get("end") or t["start"], "granularity": t.get("granularity"),
            "text": t.get("text")}


def _fold_one(m: dict[str, Any]) -> tuple:
    """What :func:`_fold` gives for a single member (most stories), without its votes and unions."""
    time = _choose_time([m])
    status, history = status_history([m], time["start"])
    actors = list(dict.fromkeys(filter(None, m["actors"])))
    return ([m], time, status, history, m["kind"] or "other", actors,
            [r for r in dict.fromkeys(filter(None, m["recipients"])) if r not in actors],
            m.get("location") or None, list(dict.fromkeys(filter(None, m["documents"]))),
            list(dict.fromkeys(filter(None, m["organizations"]))),
            1.0 - (1.0 - min(max(m.get("confidence") or 0.0, 0.0), 0.999)),
            m.get("type"), m.get("mode"), m.get("modality") or "asserted")


def _fold(members: list[dict[str, Any]], ents: dict[str, dict[str, Any]]) -> tuple:
    """The members in publication order and what the story takes of them: time, status, history, kind,
    actors, recipients, location, documents, organizations, confidence, type, mode, modality."""
    members = sorted(members, key=_order)
    time = _choose_time(members)
    status, history = status_history(members, time["start"])
    kind = _vote([m["kind"] for m in members]) or "other"
    same_status = [m for m in members if m.get("status") == status] or members
    actors = _union(m["actors"] for m in members)
    recipients = [r for r in _union(m["recipients"] for m in members) if r not in actors]
    locs = [m.get("location") for m in members if m.get("location")]
    location = None
    if len(locs) == 1:
        location = locs[0]
    elif locs:
        counts = Counter(locs)
        location = max(dict.fromkeys(locs), key=lambda x: (_type_of(x, ents) != "country", counts[x]))
    documents = _union(m["documents"] for m in members)
    organizations = _union(m["organizations"] for m in members)
    conf = 1.0 - math.prod(1.0 - min(max(m.get("confidence") or 0.0, 0.0), 0.999) for m in members)
    return (members, time, status, history, kind, actors, recipients, location, documents, organizations, conf,
            _vote([m.get("type") for m in members]), _vote([m.get("mode") for m in members]),
            _vote([m.get("modality") for m in same_status]) or "asserted")


def aggregate(members: list[dict[str, Any]], ents: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The consolidated record of a story from its members, and its summary (d_start, d_end, seen)."""
    (members, time, status, history, kind, actors, recipients, location, documents, organizations, conf,
     type_, mode, modality) = _fold_one(members[0]) if len(members) == 1 else _fold(members, ents)
    referenced = _union([actors, recipients, [location] if location else [], documents, organizations])
    entities = []
    for eid in referenced:
        e = ents.get(eid) or {}
        entities.append({"id": eid, "type": e.get("type") or _type_of(eid, ents), "name": e.get("name") or eid,
                         "country": e.get("country") or _country_of(eid, ents), "role": e.get("role"),
                         "wikidata": e.get("wikidata"), "geonames": e.get("geonames")})
    published = [m["published"] for m in members if m.get("published")]
    record = {
        "id": None,
        "type": type_,
        "mode": mode,
        "kind": kind,
        "status": status,
        "modality": modality,
        "actors": actors,
        "recipients": recipients,
        "location": location,
        "time": time,
        "documents": documents,
        "organizations": organizations,
        "evidence": [{"doc": m["doc"], "event": m["event"], **sp} for m in members for sp in m["evidence"]],
        "confidence": round(conf, 3),
        "entities": entities,
        "sources": members,
        "status_history": history,
    }
    first = min(published) if published else None
    last = max(published) if published else None
    if time["start"]:
        d_start, d_end = time["start"][:10], (time["end"] or time["start"])[:10]
    else:
        d_start = (first or es.today())[:10]
        d_end = (last or d_start)[:10]
    return record, {"d_start": d_start, "d_end": d_end, "first_seen": first, "last_seen": last}


def story_keys(record: dict[str, Any], ents: dict[str, dict[str, Any]]) -> set[str]:
    ids = _union([record["actors"], record["recipients"], record["organizations"],
                  [record["location"]] if record.get("location") else []])
    keys = set(ids)
    for eid in ids:
        if _type_of(eid, ents) == "organization":
            continue
        cc = _country_of(eid, ents)
        if cc:
            keys.add("cc:" + cc.upper())
    return keys


# -- matching ---------------------------------------------------------------------------------
@dataclass
class Verdict:
    score: float = 0.0
    checks: list[str] = field(default_factory=list)
    blocker: str | None = None

    @property
    def ok(self) -> bool:
        return self.blocker is None


class _Facts:
    """What comparisons read of one story record, computed once per record object."""

    __slots__ = ("record", "docs", "kinds", "words")

    def __init__(self, record: dict[str, Any]) -> None:
        members = record["sources"]
        self.record = record
        self.docs = {x["doc"] for x in members}
        self.kinds = {x["kind"] for x in members}
        self.words: set[str] | None = None


# Writes on a connection that a consolidator's record cache cannot see (a rollback, a reindex):
# connection id -> generation. ``PRAGMA data_version`` only tells of other connections' commits.
_GENERATIONS: dict[int, int] = {}


def invalidate_records(conn: sqlite3.Connection) -> None:
    """Make every consolidator on ``conn`` forget its cached story records (call after a rollback)."""
    _GENERATIONS[id(conn)] = _GENERATIONS.get(id(conn), 0) + 1


class Consolidator:
    """Places source events into stories, one record at a time, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings | None = None) -> None:
        self.conn = conn
        self.s = settings or Settings.load()
        self.cache = es.EntityCache()
        # decoded records of stories met as candidates (a story near many new events is read once);
        # a story this consolidator saves or deletes is dropped, and all of them when another
        # connection has written to the store (``PRAGMA data_version``) or this one rolled back
        # or rebuilt the stories (``invalidate_records``)
        self._records: dict[int, dict[str, Any]] = {}
        # what comparisons read of a story record again and again (its members' documents and
        # kinds, its evidence words), valid while the record object is the same
        self._facts: dict[int, _Facts] = {}
        # the evidence words of the event being placed (computed once for all its candidates)
        self._m_words: tuple[dict[str, Any] | None, set[str] | None] = (None, None)
        self._data_version: tuple[int, int] | None = None
        # kind -> its kind group, for the compatible kinds it was computed from
        self._groups: tuple[Any, dict[str, str]] = (None, {})
        # kind -> its sorted retrieval groups, for the kind groups above
        self._kind_groups_cache: tuple[Any, dict[str, list[str]]] = (None, {})
        # index writes into a large store touch many pages: give this connection a real page cache
        conn.execute(f"PRAGMA cache_size=-{int(os.environ.get('COMMUNIQUE_CACHE_MB', '256')) * 1024}")
        # and a larger WAL between checkpoints: a page written by several transactions is copied
        # into the database file once
        conn.execute(f"PRAGMA wal_autocheckpoint={int(os.environ.get('COMMUNIQUE_WAL_PAGES', '65536'))}")
        # and the WAL file cut back after each checkpoint, so a long-lived connection does not keep
        # a 256 MB file around (these settings last as long as the connection)
        conn.execute("PRAGMA journal_size_limit=67108864")
        # and pages read through a memory map, not a read() call each (SQLite caps the map, often at 2 GB)
        conn.execute(f"PRAGMA mmap_size={int(os.environ.get('COMMUNIQUE_MMAP_MB', '2048')) * 1024 * 1024}")

    # -- public ----------------------------------------------------------------------------
    def add_record(self, record: dict[str, Any], text: str | None = None) -> list[int]:
        """Index one OUTPUT.md record (replacing what its document had) and consolidate its events."""
        conn = self.conn
        self._check_records()
        doc_id = record["doc"]["id"]
        now = _now()
        touched: list[int] = []
        for sid in sorted(es.remove_document(conn, doc_id)):
            self.rebuild(sid, now)
        entities = record.get("entities") or []
        es.upsert_entities(conn, doc_id, entities, self.cache)
        ents = {e["id"]: e for e in entities}
        for m in es.insert_events(conn, record, text):
            touched.append(self.place(m, ents, now))
        return touched

    def rebuild(self, story_id: int, now: str | None = None) -> None:
        """Recompute a story from its stored members (after one of them was removed)."""
        members = es.members_from_db(self.conn, story_id)
        if not members:
            self._records.pop(story_id, None)
            es.delete_story(self.conn, story_id)
            return
        ids = _union([m["actors"] + m["recipients"] + m["documents"] + m["organizations"] +
                      ([m["location"]] if m.get("location") else []) for m in members])
        ents = es.entities_by_id(self.conn, ids)
        self._save(story_id, members, ents, now or _now())

    def _check_records(self) -> None:
        """Forget the cached records if the store changed behind this consolidator since the last look."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], _GENERATIONS.get(id(self.conn), 0))
        if version != self._data_version:
            self._records.clear()
            self._facts.clear()
            # and what it believes is already stored of entities and name forms (rolled back, or
            # changed by another writer)
            self.cache = es.EntityCache()
            self._data_version = version

    # -- placing one event --------------------------------------------------------------------
    def group(self, kind: str) -> str:
        """The kind group a kind is matched in (the first of its compatible kinds)."""
        groups = self._groups
        if groups[0] is not self.s.compatible:
            groups = self._groups = (self.s.compatible, {})
        g = groups[1].get(kind)
        if g is None:
            g = groups[1][kind] = min(self.s.compatible.get(kind, frozenset()) | {kind})
        return g

    @staticmethod
    def _participants(m: dict[str, Any], ents: dict[str, dict[str, Any]]) -> list[str]:
        ids = _union([m["actors"], m["recipients"], m["organizations"], [m["location"]] if m.get("location") else []])
        selective = [i for i in ids if _type_of(i, ents) not in ("country",)]
        return selective if len(selective) >= 2 else ids

    def _kind_groups(self, kind: str) -> list[str]:
        """The kind groups an event of ``kind`` is retrieved by, sorted (cached like :meth:`group`)."""
        self.group(kind)  # (resets the caches when the compatible kinds changed)
        cache = self._kind_groups_cache
        if cache[0] is not self._groups[1]:
            cache = self._kind_groups_cache = (self._groups[1], {})
        g = cache[1].get(kind)
        if g is None:
            g = cache[1][kind] = sorted({self.group(k) for k in {kind, *self.s.compatible.get(kind, ())}})
        return g

    def _retrieval_keys(self, m: dict[str, Any], ents: dict[str, dict[str, Any]]) -> list[str]:
        return [f"{g}|{i}" for g in self._kind_groups(m["kind"]) for i in self._participants(m, ents)]

    def match_keys(self, members: list[dict[str, Any]], ents: dict[str, dict[str, Any]]) -> set[str]:
        """What a story is found by: each member's kind group with each of its participants (all of them,
        so that a later event naming only a country still finds the story)."""
        keys: set[str] = set()
        for x in members:
            g = self.group(x["kind"])
            ids = _union([x["actors"], x["recipients"], x["organizations"], [x["location"]] if x.get("location") else []])
            keys.update(f"{g}|{i}" for i in ids)
        return keys

    def _window(self, m: dict[str, Any]) -> tuple[str, str]:
        """The days a joinable story has an anchor in (see :meth:`anchors`)."""
        w = self.s.windows
        slack = w["anchor_step_days"] // 2 + 1
        iv = _match_interval(m)
        if iv:
            return es.add_days(iv[0], -slack), es.add_days(iv[1], slack)
        p = (m.get("published") or es.today())[:10]
        if m.get("status") == "occurred":
            return es.add_days(p, -w["report_days"] - slack), es.add_days(p, slack)
        return es.add_days(p, -slack), es.add_days(p, w["announcement_days"] + slack)

    def anchors(self, record: dict[str, Any], summary: dict[str, Any]) -> list[str]:
        """Days a story is found at: every ``anchor_step_days`` across the days it may be about
        (its interval; for an undated or postponed plan, the time ahead it may still happen)."""
        w = self.s.windows
        lo, hi = summary["d_start"], summary["d_end"]
        status = record.get("status")
        if not (record.get("time") or {}).get("start"):
            if status == "occurred":
                lo = es.add_days(lo, -w["report_days"])
            else:
                hi = es.add_days(hi, w["announcement_days"])
        elif status == "postponed":
            hi = es.add_days(hi, w["announcement_days"])
        span = max(0, _days_between(lo, hi))
        step = max(w["anchor_step_days"], -(-span // w["max_anchors"]))
        days = [es.add_days(lo, i) for i in range(0, span + 1, step)]
        if days[-1] != hi:
            days.append(hi)
        return days

    def place(self, m: dict[str, Any], ents: dict[str, dict[str, Any]], now: str) -> int:
        keys = self._retrieval_keys(m, ents)
        lo, hi = self._window(m)
        best: tuple[float, es.StoryRow, Verdict] | None = None
        rejected = []
        kinds = sorted({m["kind"], *self.s.compatible.get(m["kind"], ())})
        mi = _match_interval(m)
        relaxed = m.get("status") in ("postponed", "cancelled", "denied")
        slack = self.s.windows.get("gathering_slack_days", 0) if m["kind"] in self.s.multilateral else 0
        if slack:
            lo, hi = es.add_days(lo, -slack), es.add_days(hi, slack)
        for cand in es.candidate_stories(self.conn, keys, lo, hi, self.s.windows["candidates"], kinds):
            if mi and cand.t_start and not relaxed and cand.status != "postponed" \
                    and not (es.add_days(mi[0], -slack) <= cand.d_end and cand.d_start <= es.add_days(mi[1], slack)):
                # decided without decoding the candidate: its dates do not overlap
                rejected.append({"story": f"s{cand.id}",
                                 "why": f"dates differ ({mi[0]}..{mi[1]} / {cand.d_start}..{cand.d_end})"})
                continue
            cached = self._records.get(cand.id)
            if cached is not None:
                cand._record = cached
            else:
                self._remember(cand.id, cand.record)
            cents = {e["id"]: e for e in cand.record["entities"]}
            merged = {**cents, **ents}
            v = self.compare(m, cand, merged)
            if not v.ok:
                rejected.append({"story": f"s{cand.id}", "why": v.blocker})
            elif v.score < self.s.threshold:
                rejected.append({"story": f"s{cand.id}", "why": f"score {v.score:.2f} below {self.s.threshold}",
                                 "checks": v.checks})
            elif best is None or v.score > best[0]:
                best = (v.score, cand, v)
        if best is None:
            members = [m]
            sid = self._save(None, members, ents, now)
            es.link_event(self.conn, sid, m["rowid"], None,
                          {"decision": "new story", "checks": ["no story matched"], "rejected": rejected[:10]}, now)
            return sid
        score, cand, v = best
        cents = {e["id"]: e for e in cand.record["entities"]}
        members = [x for x in cand.record["sources"] if x.get("rowid") != m["rowid"]] + [m]
        self._save(cand.id, members, {**cents, **ents}, now)
        es.link_event(self.conn, cand.id, m["rowid"], round(score, 3),
                      {"decision": "joined", "score": round(score, 3), "threshold": self.s.threshold,
                       "checks": v.checks, "rejected": rejected[:10]}, now)
        return cand.id

    def _save(self, story_id: int | None, members: list[dict[str, Any]], ents: dict[str, dict[str, Any]],
              now: str) -> int:
        record, summary = aggregate(members, ents)
        if story_id is not None:
            record["id"] = f"s{story_id}"
            self._records.pop(story_id, None)
        days = self.anchors(record, summary)
        match = [(k, d) for k in self.match_keys(members, ents) for d in days]
        story_id = es.save_story(self.conn, story_id, summary, record, story_keys(record, ents), now,
                                 flat=export_columns, match=match)
        # the record as saved is what reading the row back would give (JSON of plain lists, dicts,
        # strings and numbers): keep it, a story just saved is the likeliest candidate of the next events
        self._remember(story_id, record)
        return story_id

    def _remember(self, story_id: int, record: dict[str, Any]) -> None:
        if RECORD_CACHE <= 0:
            return
        if len(self._records) >= RECORD_CACHE:
            # forget the oldest half (insertion order): the stories met or saved longest ago
            for sid in list(self._records)[:len(self._records) // 2 + 1]:
                del self._records[sid]
                self._facts.pop(sid, None)
        self._records[story_id] = record

    # -- comparing -----------------------------------------------------------------------------
    def _facts_of(self, story: es.StoryRow) -> "_Facts":
        rec = story.record
        f = self._facts.get(story.id)
        if f is None or f.record is not rec:
            if len(self._facts) >= 2 * max(RECORD_CACHE, 1):
                self._facts.clear()
            f = self._facts[story.id] = _Facts(rec)
        return f

    def compare(self, m: dict[str, Any], story: es.StoryRow, ents: dict[str, dict[str, Any]]) -> Verdict:
        w = self.s.weights
        v = Verdict()
        rec = story.record
        members = rec["sources"]
        facts = self._facts_of(story)
        if m["doc"] in facts.docs:
            v.blocker = "an event of the same document is already in it"
            return v
        # kind
        kinds = facts.kinds
        if m["kind"] in kinds:
            v.score += w["same_kind"]
            v.checks.append(f"same kind ({m['kind']})")
        elif kinds & self.s.compatible.get(m["kind"], frozenset()):
            v.score += w["compatible_kind"]
            v.checks.append(f"compatible kinds ({m['kind']} / {', '.join(sorted(kinds))})")
        else:
            v.blocker = f"different kinds ({m['kind']} / {', '.join(sorted(kinds))})"
            return v
        # participants: contradictions against every member, then what is shared
        mside = self._side(m, ents)
        for x in members:
            why = self._contradiction(m, x, ents, mside)
            if why:
                v.blocker = why
                return v
        pm = set(m["actors"]) | set(m["recipients"])
        ps = set(rec["actors"]) | set(rec["recipients"])
        shared = sorted(pm & ps)
        if shared:
            v.score += w["shared_participant"] * min(len(shared), int(w["max_shared"]))
            v.checks.append("shared participants: " + ", ".join(_name(i, ents) for i in shared))
        else:
            cm = {c for c in (_country_of(i, ents) for i in pm) if c}
            cs = {c for c in (_country_of(i, ents) for i in ps) if c}
            common = sorted(cm & cs)
            if common:
                v.score += w["shared_country"] * min(len(common), 2)
                v.checks.append("shared countries: " + ", ".join(common))
        if not shared and pm and ps and m["kind"] not in self.s.multilateral and not kinds & self.s.multilateral:
            cm = {c for c in (_country_of(i, ents) for i in pm) if c}
            cs = {c for c in (_country_of(i, ents) for i in ps) if c}
            if not cm & cs:
                # a meeting at the same place and day as another, with none of its people or countries:
                # another meeting (a summit's venue hosts many)
                v.blocker = "no participant or country in common"
                return v
        orgs = sorted(set(m["organizations"]) & set(rec["organizations"]))
        if orgs and m["kind"] in self.s.multilateral and kinds & self.s.multilateral:
            # the summit of one organisation: its members' reports name different delegations
            v.score += w["gathering_organization"]
            v.checks.append("a gathering of the same organization: " + ", ".join(_name(i, ents) for i in orgs))
        elif orgs:
            v.score += w["shared_organization"] * min(len(orgs), 2)
            v.checks.append("shared organizations: " + ", ".join(_name(i, ents) for i in orgs))
        if not shared and not orgs and not (m.get("location") and m.get("location") == rec.get("location")):
            if v.score < w["same_kind"] + w["shared_country"] * 2:
                v.blocker = "no shared participant, organization or place"
                return v
        # place
        ml, sl = m.get("location"), rec.get("location")
        if ml and sl:
            if ml == sl:
                v.score += w["same_place"]
                v.checks.append(f"same place ({_name(ml, ents)})")
            else:
                cl, cs2 = _country_of(ml, ents), _country_of(sl, ents)
                if cl and cs2 and cl != cs2:
                    v.blocker = f"places in different countries ({_name(ml, ents)} / {_name(sl, ents)})"
                    return v
                if cl and cl == cs2:
                    v.score += w["same_place_country"]
                    v.checks.append(f"places in the same country ({_name(ml, ents)} / {_name(sl, ents)})")
        # time
        why = self._time(m, story, rec, v)
        if why:
            v.blocker = why
            return v
        # text, as support only
        sim = self._similarity_of(m, facts)
        if sim > 0:
            v.score += w["text_similarity"] * sim
            v.checks.append(f"evidence word overlap {sim:.2f} (support)")
        return v

    def _side(self, x: dict[str, Any], ents: dict[str, dict[str, Any]]) -> tuple | None:
        """What :meth:`_contradiction` reads of one side: None for a multilateral side (never contradicts),
        else its people, its organisations and groups, its countries, and a visit's visitor countries."""
        p = set(x["actors"]) | set(x["recipients"])
        if x["kind"] in self.s.multilateral or x.get("mode") == "multilateral" or len(p) > 4:
            return None
        per = {i for i in p if _type_of(i, ents) == "person"}
        org = {i for i in p if _type_of(i, ents) in ("organization", "group")}
        cc = {c for c in (_country_of(i, ents) for i in p) if c}
        visitor = ({c for c in (_country_of(i, ents) for i in x["actors"]) if c}
                   if x["kind"] == "visit" and x["recipients"] else None)
        return per, org, cc, visitor

    def _contradiction(self, m: dict[str, Any], x: dict[str, Any], ents: dict[str, dict[str, Any]],
                       mside: tuple | None | bool = False) -> str | None:
        """Why ``m`` and the member ``x`` cannot be one event (None: they can); ``mside`` is
        :meth:`_side` of ``m`` when the caller has it."""
        if mside is False:
            mside = self._side(m, ents)
        if mside is None:
            return None
        xside = self._side(x, ents)
        if xside is None:
            return None
        per_m, org_m, cm, vm = mside
        per_x, org_x, cx, vx = xside
        if per_m - per_x and per_x - per_m:
            return ("different people (" + ", ".join(_name(i, ents) for i in sorted(per_m - per_x)) + " / "
                    + ", ".join(_name(i, ents) for i in sorted(per_x - per_m)) + f") than {x['doc']}#{x['event']}")
        # a meeting of a grouping ("BRICS leaders met") is not a meeting of two named people
        # ("Guterres met Putin" on its sidelines): one side names only organisations and countries,
        # the other two or more people and no organisation
        # (grouping side: its organisations and people; people side: its people and organisations)
        for orgs, own_people, people, other_orgs in ((org_m, per_m, per_x, org_x), (org_x, per_x, per_m, org_m)):
            if orgs and not own_people and len(people) >= 2 and not other_orgs:
                return ("a meeting of " + ", ".join(_name(i, ents) for i in sorted(orgs)) + " / of "
                        + ", ".join(_name(i, ents) for i in sorted(people)) + f" in {x['doc']}#{x['event']}")
        # two sides that agree on two countries and differ in a third (a host, a country talked about)
        # are not contradicting each other
        if len(cm) >= 2 and len(cx) >= 2 and cm - cx and cx - cm and len(cm & cx) < 2:
            return f"different countries ({', '.join(sorted(cm))} / {', '.join(sorted(cx))}) than {x['doc']}#{x['event']}"
        if vm is not None and vx is not None:  # both visits that name whom they visit
            if vm and vx and not vm & vx:
                return f"a different visitor ({', '.join(sorted(vm))} / {', '.join(sorted(vx))}) than {x['doc']}#{x['event']}"
        return None

    def _time(self, m: dict[str, Any], story: es.StoryRow, rec: dict[str, Any], v: Verdict) -> str | None:
        w, win = self.s.weights, self.s.windows
        mi = _match_interval(m)
        t = rec.get("time") or {}
        si = _match_interval({"time": t})
        p = (m.get("published") or "")[:10] or None
        mstatus, sstatus = m.get("status"), rec.get("status")
        if mi and si:
            if m["kind"] in self.s.multilateral and {x["kind"] for x in rec["sources"]} & self.s.multilateral \
                    and set(m["organizations"]) & set(rec["organizations"]) and not (mi[0] <= si[1] and si[0] <= mi[1]):
                # a summit of the same organization, dated by the day a source tells of (its first day,
                # the day of a meeting on its sidelines): days apart within the slack are the same summit
                slack = win.get("gathering_slack_days", 0)
                # and the story, with this source, spans at most gathering_max_days: reports of each day
                # of a conference week join, sessions a few days apart do not chain into one story
                # that drifts along with them
                ivs = [iv for iv in [si, mi, *(_match_interval(x) for x in rec["sources"])] if iv]
                span = _days_between(min(iv[0] for iv in ivs), max(iv[1] for iv in ivs))
                if es.add_days(mi[0], -slack) <= si[1] and si[0] <= es.add_days(mi[1], slack) \
                        and span <= win.get("gathering_max_days", span):
                    v.score += w["near_in_time"]
                    v.checks.append(f"a gathering of the same organization {slack} days or less apart "
                                    f"({mi[0]}..{mi[1]} / {si[0]}..{si[1]})")
                    return None
            if mi[0] <= si[1] and si[0] <= mi[1]:
                coarse = max(GRANULARITY_RANK.get((m["time"] or {}).get("granularity") or "", 9),
                             GRANULARITY_RANK.get(t.get("granularity") or "", 9)) > GRANULARITY_RANK["day"]
                if mi == si and not coarse:
                    v.score += w["same_dates"]
                    v.checks.append(f"same dates ({mi[0]}..{mi[1]})")
                elif coarse:
                    v.score += w["coarse_overlap"]
                    v.checks.append(f"overlapping dates, one coarse ({mi[0]}..{mi[1]} / {si[0]}..{si[1]})")
                else:
                    v.score += w["overlapping_dates"]
                    v.checks.append(f"overlapping dates ({mi[0]}..{mi[1]} / {si[0]}..{si[1]})")
                return None
            if mstatus in ("postponed", "cancelled", "denied") and sstatus in ("planned", "postponed") \
                    and (p is None or p <= es.add_days(si[1], win["report_days"])):
                v.score += w["near_in_time"]
                v.checks.append(f"{mstatus} with a new or other date ({mi[0]} / {si[0]}), published before the date")
                return None
            if mstatus in ("planned", "occurred") and sstatus == "postponed" and mi[0] > si[0] \
                    and mi[0] <= es.add_days(si[1], win["announcement_days"]):
                v.score += w["near_in_time"]
                v.checks.append(f"{'rescheduled' if mstatus == 'planned' else 'held'} after a postponement "
                                f"({si[0]} -> {mi[0]})")
                return None
            return f"dates differ ({mi[0]}..{mi[1]} / {si[0]}..{si[1]})"
        if p is None:
            return "no dates to compare"
        if mi and not si:
            first = (story.record["sources"][0].get("published") or story.d_start)[:10]
            last = story.d_end
            if sstatus == "occurred":
                ok = mi[0] <= last and mi[1] >= es.add_days(first, -win["report_days"])
            else:
                ok = mi[1] >= es.add_days(first, -1) and mi[0] <= es.add_days(last, win["announcement_days"])
            if not ok:
                return f"dated {mi[0]}..{mi[1]}, far from the undated reports of {first}..{last}"
            v.score += w["near_in_time"]
            v.checks.append(f"dated {mi[0]}..{mi[1]}, near the undated story ({first}..{last})")
            return None
        if si and not mi:
            if mstatus == "occurred":
                if si[0] > p:
                    return f"an undated report published {p}, before the story's date {si[0]}"
                if si[1] < es.add_days(p, -win["report_days"]):
                    return f"an undated report published {p}, long after the story's date {si[1]}"
            elif mstatus in ("postponed", "cancelled", "denied"):
                if p > es.add_days(si[1], win["report_days"]):
                    return f"{mstatus} published {p}, after the story's date {si[1]}"
            else:
                if si[1] < p or si[0] > es.add_days(p, win["announcement_days"]):
                    return f"an undated announcement published {p}, not before the story's date {si[0]}"
            v.score += w["near_in_time"]
            v.checks.append(f"undated, published {p}, near the story's date {si[0]}")
            return None
        last = story.d_end
        if abs(_days_between(last, p)) > win["report_days"]:
            return f"both undated, published {abs(_days_between(last, p))} days apart"
        v.score += w["near_in_time"]
        v.checks.append(f"both undated, published within {win['report_days']} days")
        return None

    def _similarity_of(self, m: dict[str, Any], facts: "_Facts") -> float:
        """:meth:`_similarity` with the words of ``m`` and of the story computed once."""
        cur, a = self._m_words
        if cur is not m:
            a = _words(sp.get("text") or "" for sp in m["evidence"])
            self._m_words = (m, a)
        if not a:
            return 0.0
        b = facts.words
        if b is None:
            b = facts.words = _words(sp.get("text") or "" for sp in facts.record["evidence"])
        if not b:
            return 0.0
        return len(a & b) / len(a | b)

    @staticmethod
    def _similarity(m: dict[str, Any], rec: dict[str, Any]) -> float:
        a = _words(sp.get("text") or "" for sp in m["evidence"])
        if not a:
            return 0.0
        b = _words(sp.get("text") or "" for sp in rec["evidence"])
        if not b:
            return 0.0
        return len(a & b) / len(a | b)
