"""The event store: SQL for entities, source events and stories (consolidated events).

Tables come from migration ``003_events.sql``. Writing happens inside the caller's
transaction (``SQLiteStore.save_extractions`` runs its hooks inside one); nothing here
begins or commits. Every filter is a bound parameter; no SQL is built from user text.

A *member* is the summary of one source event that a story keeps in its record (the
``sources`` list of a consolidated event): document, event id, language, publication time
and the EVENT's fields, with the text of its evidence.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from communique.errors import StoreError
from communique.store.codec import dumps, loads
from communique.kb.fold import fold as kb_fold

PARTICIPANT_ROLES = ("actor", "recipient", "location", "document", "organization")
EVIDENCE_TEXT_MAX = 400
_WORD_MIN = 3


# -- helpers -------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, whitespace collapsed: the knowledge
    base's folding (:func:`communique.kb.fold.fold`), so stored names and KB names agree."""
    return " ".join(kb_fold(text).split())


@lru_cache(maxsize=65536)
def _forms_of(name: str) -> frozenset[str]:
    forms: set[str] = set()
    f = fold(name)
    if f:
        forms.add(f)
    for word in f.replace("-", " ").split():
        word = word.strip(".,;:()«»\"'")
        if len(word) >= _WORD_MIN and any(c.isalpha() for c in word):
            forms.add(word)
    return frozenset(forms)


def name_forms(*names: str) -> set[str]:
    """Folded forms an entity can be looked up by: each whole name and each of its words."""
    forms: set[str] = set()
    for name in names:
        if name:
            forms.update(_forms_of(name))
    return forms


def day(value: str | None) -> str | None:
    """The calendar day (YYYY-MM-DD) of an ISO date or datetime string."""
    if not value:
        return None
    return value[:10]


def add_days(iso_day: str, n: int) -> str:
    return _add_days(iso_day[:10], n)


@lru_cache(maxsize=65536)
def _add_days(iso_day: str, n: int) -> str:
    return (date.fromisoformat(iso_day) + timedelta(days=n)).isoformat()


def today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def require_event_tables(conn: sqlite3.Connection) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = {"events", "stories", "story_keys", "story_events"} - tables
    if missing:
        raise StoreError(f"the store has no event tables ({', '.join(sorted(missing))}); is it a communique store?")


# -- writing source events ---------------------------------------------------------------------
def remove_document(conn: sqlite3.Connection, doc_id: str) -> set[int]:
    """Forget a document's mentions and events; return the stories they belonged to."""
    rows = conn.execute("SELECT id, story_id FROM events WHERE doc_id=?", (doc_id,)).fetchall()
    stories = {r[1] for r in rows if r[1] is not None}
    for r in rows:
        eid = r[0]
        conn.execute("DELETE FROM event_participants WHERE event_id=?", (eid,))
        conn.execute("DELETE FROM event_evidence WHERE event_id=?", (eid,))
        conn.execute("DELETE FROM story_events WHERE event_id=?", (eid,))
        conn.execute("DELETE FROM events_fts WHERE rowid=?", (eid,))
    if rows:
        conn.execute("DELETE FROM events WHERE doc_id=?", (doc_id,))
    conn.execute("DELETE FROM mentions WHERE doc_id=?", (doc_id,))
    return stories


class EntityCache:
    """What one writer has already stored of entities and name forms (skips repeated upserts)."""

    def __init__(self, limit: int = 500_000) -> None:
        self.rows: dict[str, tuple] = {}
        self.forms: set[tuple[str, str]] = set()
        # (entity id, name or mention text) whose forms are all in ``forms``: no need to fold it again
        self.texts: set[tuple[str, str]] = set()
        self.limit = limit

    def trim(self) -> None:
        if len(self.rows) > self.limit:
            self.rows.clear()
        if len(self.forms) > self.limit or len(self.texts) > self.limit:
            self.forms.clear()
            self.texts.clear()


def upsert_entities(conn: sqlite3.Connection, doc_id: str, entities: Sequence[dict[str, Any]],
                    cache: EntityCache | None = None) -> None:
    ent_rows, name_rows, mention_rows = [], [], []
    for ent in entities:
        eid = ent["id"]
        row = (eid, ent.get("type") or "other", ent.get("name") or eid, ent.get("country"),
               ent.get("wikidata"), ent.get("geonames"), ent.get("role"))
        if cache is None or cache.rows.get(eid) != row:
            ent_rows.append(row)
            if cache is not None:
                cache.rows[eid] = row
        mentions = ent.get("mentions") or []
        if cache is None:
            name_rows.extend((form, eid) for form in name_forms(ent.get("name") or "",
                                                                 *(m.get("text") or "" for m in mentions)))
        else:
            texts = cache.texts
            name = ent.get("name") or ""
            if mentions or (name and (eid, name) not in texts):  # (a known name and no mentions: nothing new)
                for text in (name, *(m.get("text") or "" for m in mentions)):
                    if not text or (eid, text) in texts:
                        continue  # (folded before: its forms are stored or queued)
                    texts.add((eid, text))
                    for form in _forms_of(text):
                        if (form, eid) not in cache.forms:
                            cache.forms.add((form, eid))
                            name_rows.append((form, eid))
        for m in mentions:
            mention_rows.append((doc_id, eid, m["start"], m["end"], m.get("text")))
    # (nothing to write is common once the cache is warm: no statement then)
    if ent_rows:
        conn.executemany(
            "INSERT INTO entities(id, type, name, country, wikidata, geonames, role) VALUES (?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET type=excluded.type, name=excluded.name, country=excluded.country,"
            " wikidata=coalesce(excluded.wikidata, wikidata), geonames=coalesce(excluded.geonames, geonames),"
            " role=coalesce(excluded.role, role)",
            ent_rows,
        )
    if name_rows:
        conn.executemany("INSERT OR IGNORE INTO entity_names(form, entity_id) VALUES (?,?)", name_rows)
    if mention_rows:
        conn.executemany('INSERT OR IGNORE INTO mentions(doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)',
                         mention_rows)
    if cache is not None:
        cache.trim()


def member_of(event: dict[str, Any], doc: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The summary of one source event a story keeps (without its database id)."""
    t = event.get("time") or {}
    evidence = []
    for sp in event.get("evidence") or []:
        s, e = int(sp["start"]), int(sp["end"])
        quote = sp.get("text")
        if quote is None and text is not None:
            quote = text[s:e]
        evidence.append({"start": s, "end": e, "text": (quote or "")[:EVIDENCE_TEXT_MAX]})
    return {
        "doc": doc["id"],
        "event": event["id"],
        "lang": doc.get("lang"),
        "published": doc.get("published"),
        "url": doc.get("url"),
        "kind": event.get("kind") or "other",
        "type": event.get("type"),
        "mode": event.get("mode"),
        "status": event.get("status") or "unknown",
        "modality": event.get("modality"),
        "actors": list(event.get("actors") or []),
        "recipients": list(event.get("recipients") or []),
        "location": event.get("location"),
        "time": {"start": t.get("start"), "end": t.get("end") or t.get("start"),
                 "granularity": t.get("granularity"), "text": t.get("text")},
        "documents": list(event.get("documents") or []),
        "organizations": list(event.get("organizations") or []),
        "confidence": float(event.get("confidence") if event.get("confidence") is not None else 0.5),
        "evidence": evidence,
    }


def insert_events(conn: sqlite3.Connection, record: dict[str, Any], text: str | None) -> list[dict[str, Any]]:
    """Write a record's events (with participants, evidence and full text); return their members with ``rowid``."""
    doc = record["doc"]
    names = {e["id"]: e.get("name") or "" for e in record.get("entities") or []}
    out = []
    all_parts: list[tuple[int, str, str]] = []
    evidence: list[tuple[int, int, int, str]] = []
    bodies: list[tuple[int, str]] = []
    for ev in record.get("events") or []:
        m = member_of(ev, doc, text)
        t = m["time"]
        cur = conn.execute(
            "INSERT INTO events(doc_id, local_id, published, lang, kind, type, mode, status, modality, location,"
            " t_start, t_end, granularity, confidence, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc["id"], ev["id"], doc.get("published"), doc.get("lang"), m["kind"], m["type"], m["mode"], m["status"],
             m["modality"], m["location"], t["start"], t["end"], t["granularity"], m["confidence"],
             dumps(ev)),
        )
        rowid = int(cur.lastrowid)
        parts = set()
        for role, ids in (("actor", m["actors"]), ("recipient", m["recipients"]), ("document", m["documents"]),
                          ("organization", m["organizations"]), ("location", [m["location"]] if m["location"] else [])):
            for eid in ids:
                parts.add((rowid, role, eid))
        all_parts.extend(parts)
        evidence.extend((rowid, sp["start"], sp["end"], sp["text"]) for sp in m["evidence"])
        bodies.append((rowid, " ".join([m["kind"], *(names.get(i, "") for _, _, i in sorted(parts)),
                                        *(sp["text"] for sp in m["evidence"])])))
        m["rowid"] = rowid
        out.append(m)
    # one statement per table for the whole record
    if all_parts:
        conn.executemany("INSERT OR IGNORE INTO event_participants(event_id, role, entity_id) VALUES (?,?,?)", all_parts)
    if evidence:
        conn.executemany('INSERT OR IGNORE INTO event_evidence(event_id, start, "end", text) VALUES (?,?,?,?)', evidence)
    if bodies:
        conn.executemany("INSERT INTO events_fts(rowid, body) VALUES (?,?)", bodies)
    return out


def entities_by_id(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(dict.fromkeys(i for i in ids if i))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        q = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT id, type, name, country, role, wikidata, geonames FROM entities WHERE id IN ({q})",
                              chunk):
            out[r[0]] = {"id": r[0], "type": r[1], "name": r[2], "country": r[3], "role": r[4], "wikidata": r[5],
                         "geonames": r[6]}
    return out


# -- stories -----------------------------------------------------------------------------
class StoryRow:
    """A stored story; its record is read and decoded only when asked for."""

    __slots__ = ("id", "d_start", "d_end", "status", "kind", "t_start", "_raw", "_record", "_conn")

    def __init__(self, id: int, d_start: str, d_end: str, status: str, kind: str, t_start: str | None,
                 raw: str | None = None, conn: sqlite3.Connection | None = None) -> None:
        self.id, self.d_start, self.d_end, self.status, self.kind, self.t_start = id, d_start, d_end, status, kind, t_start
        self._raw = raw
        self._conn = conn
        self._record: dict[str, Any] | None = None

    @property
    def record(self) -> dict[str, Any]:
        if self._record is None:
            if self._raw is None:
                self._raw = self._conn.execute("SELECT record FROM stories WHERE id=?", (self.id,)).fetchone()[0]
            self._record = loads(self._raw)
        return self._record


def candidate_stories(conn: sqlite3.Connection, keys: Sequence[str], lo: str, hi: str, limit: int = 25,
                      kinds: Sequence[str] | None = None) -> list[StoryRow]:
    """Stories with one of the match ``keys`` anchored on a day in [lo, hi] (of one of ``kinds``), most keys first
    (then newest first).

    Two plain index lookups (the anchors, then the few stories they name) with the counting and
    ordering done here: cheaper than one statement that groups and sorts in temporary B-trees.
    """
    if not keys:
        return []
    counts: dict[int, int] = {}
    for (sid,) in conn.execute(f"SELECT story_id FROM match_keys WHERE key IN ({','.join('?' * len(keys))})"
                               f" AND d_start BETWEEN ? AND ?", [*keys, lo, hi]):
        counts[sid] = counts.get(sid, 0) + 1
    if not counts:
        return []
    kind_sql = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds else ""
    ids = list(counts)
    rows: list[tuple] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        where = f"WHERE id IN ({','.join('?' * len(chunk))}){kind_sql}"
        params = [*chunk, *(kinds or ())]
        try:
            # the compact index of migration 008: the story rows themselves (whole records) are not read
            cur = conn.execute(f"SELECT id, d_start, d_end, status, kind, t_start FROM stories"
                               f" INDEXED BY stories_candidates {where}", params)
        except sqlite3.OperationalError:  # a store without migration 008 (opened without migrating)
            cur = conn.execute(f"SELECT id, d_start, d_end, status, kind, t_start FROM stories {where}", params)
        rows.extend(cur.fetchall())
    rows.sort(key=lambda r: (-counts[r[0]], -r[0]))
    return [StoryRow(*r, conn=conn) for r in rows[:limit]]


def load_story(conn: sqlite3.Connection, story_id: int) -> StoryRow | None:
    r = conn.execute("SELECT id, d_start, d_end, status, kind, t_start, record FROM stories WHERE id=?",
                     (story_id,)).fetchone()
    return StoryRow(*r) if r else None


_STORY_COLUMNS = ("kind", "type", "mode", "status", "t_start", "t_end", "granularity", "d_start", "d_end",
                  "location", "first_seen", "last_seen", "n_sources", "confidence", "record", "flat", "flat_packed",
                  "updated")
# the columns of ``stories`` that one of its indexes holds (migrations 003, 006, 008)
_INDEXED = ("kind", "type", "status", "t_start", "t_end", "d_start", "d_end")
_INDEXED_AT = [_STORY_COLUMNS.index(c) for c in _INDEXED]
_PLAIN_AT = [i for i, c in enumerate(_STORY_COLUMNS) if c not in _INDEXED]
_SELECT_INDEXED = f"SELECT {', '.join(_INDEXED)} FROM stories WHERE id=?"


@lru_cache(maxsize=256)
def _update_sql(changed: tuple[int, ...]) -> str:
    """UPDATE of a story's row setting the indexed columns ``changed`` (positions in ``_INDEXED``) and every other one."""
    sets = [f"{_INDEXED[i]}=?" for i in changed] + [f"{_STORY_COLUMNS[i]}=?" for i in _PLAIN_AT]
    return f"UPDATE stories SET {', '.join(sets)} WHERE id=?"


def save_story(conn: sqlite3.Connection, story_id: int | None, summary: dict[str, Any], record: dict[str, Any],
               keys: Iterable[str], now: str, flat: Any = None, match: Iterable[tuple[str, str]] = ()) -> int:
    """Insert or replace one story with its keys, status history and export row."""
    new = story_id is None
    if new:
        story_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM stories").fetchone()[0])
        record["id"] = f"s{story_id}"
    rec_json = dumps(record)
    # the export row (and its packed columns), computed once the id is known
    cols = flat(record) if flat is not None else None
    flat_json, packed = cols if isinstance(cols, tuple) else (cols, None)
    t = record.get("time") or {}
    values = (record["kind"], record.get("type"), record.get("mode"), record["status"], t.get("start"), t.get("end"),
              t.get("granularity"), summary["d_start"], summary["d_end"], record.get("location"),
              summary.get("first_seen"), summary.get("last_seen"), len(record.get("sources") or []),
              record.get("confidence"), rec_json, flat_json, packed, now)
    if new:
        conn.execute(
            "INSERT INTO stories(kind, type, mode, status, t_start, t_end, granularity, d_start, d_end, location,"
            " first_seen, last_seen, n_sources, confidence, record, flat, flat_packed, updated, id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*values, story_id),
        )
    else:
        # the columns that the story indexes hold are set only where their value changed: an UPDATE
        # rewrites the entries of every index over a column it sets, changed or not (pages written)
        old = conn.execute(_SELECT_INDEXED, (story_id,)).fetchone()
        changed = tuple(i for i, v in enumerate(old) if v != values[_INDEXED_AT[i]]) if old is not None \
            else tuple(range(len(_INDEXED)))
        sql = _update_sql(changed)
        conn.execute(sql, (*(values[_INDEXED_AT[i]] for i in changed),
                           *(values[i] for i in _PLAIN_AT), story_id))
    d_start = summary["d_start"]
    story_keys = {(k, d_start) for k in keys}
    match_keys = set(match)
    history = [(h["status"], h.get("at"), h.get("doc"), h.get("rowid"), h.get("note"))
               for h in record.get("status_history") or []]
    if not new:
        # a story that gained a source mostly keeps its keys and history: change only what differs
        # (rows left alone are pages not written)
        story_keys = _replace_keys(conn, "story_keys", story_id, story_keys)
        match_keys = _replace_keys(conn, "match_keys", story_id, match_keys)
        old = [tuple(r) for r in conn.execute(
            "SELECT status, at, doc_id, event_id, note FROM story_status_history WHERE story_id=? ORDER BY id",
            (story_id,))]
        if history[:len(old)] == old:
            history = history[len(old):]
        else:
            conn.execute("DELETE FROM story_status_history WHERE story_id=?", (story_id,))
    # in key order: successive rows land on the same or the next index page
    if story_keys:
        conn.executemany("INSERT OR IGNORE INTO story_keys(key, d_start, story_id) VALUES (?,?,?)",
                         [(k, d, story_id) for k, d in sorted(story_keys)])
    if match_keys:
        conn.executemany("INSERT OR IGNORE INTO match_keys(key, d_start, story_id) VALUES (?,?,?)",
                         [(k, d, story_id) for k, d in sorted(match_keys)])
    if history:
        conn.executemany(
            "INSERT INTO story_status_history(story_id, status, at, doc_id, event_id, note) VALUES (?,?,?,?,?,?)",
            [(story_id, *h) for h in history],
        )
    return story_id


def _replace_keys(conn: sqlite3.Connection, table: str, story_id: int, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Delete the (key, day) rows of ``story_id`` in ``table`` that are not in ``keys``; return those to insert."""
    old = {(r[0], r[1]) for r in conn.execute(f"SELECT key, d_start FROM {table} WHERE story_id=?", (story_id,))}
    gone = old - keys
    if gone:
        conn.executemany(f"DELETE FROM {table} WHERE key=? AND d_start=? AND story_id=?",
                         [(k, d, story_id) for k, d in gone])
    return keys - old


def delete_story(conn: sqlite3.Connection, story_id: int) -> None:
    conn.execute("DELETE FROM story_keys WHERE story_id=?", (story_id,))
    conn.execute("DELETE FROM match_keys WHERE story_id=?", (story_id,))
    conn.execute("DELETE FROM story_status_history WHERE story_id=?", (story_id,))
    conn.execute("DELETE FROM story_events WHERE story_id=?", (story_id,))
    conn.execute("UPDATE events SET story_id=NULL WHERE story_id=?", (story_id,))
    conn.execute("DELETE FROM stories WHERE id=?", (story_id,))


def link_event(conn: sqlite3.Connection, story_id: int, event_rowid: int, score: float | None,
               reason: dict[str, Any], now: str) -> None:
    conn.execute("UPDATE events SET story_id=? WHERE id=?", (story_id, event_rowid))
    conn.execute(
        "INSERT INTO story_events(story_id, event_id, score, reason, joined) VALUES (?,?,?,?,?)"
        " ON CONFLICT(event_id) DO UPDATE SET story_id=excluded.story_id, score=excluded.score,"
        " reason=excluded.reason, joined=excluded.joined",
        (story_id, event_rowid, score, dumps(reason), now),
    )


def story_member_rows(conn: sqlite3.Connection, story_id: int) -> list[sqlite3.Row]:
    """The members of a story as stored: event rows with the reason each joined."""
    return conn.execute(
        "SELECT e.id AS rowid, e.doc_id, e.local_id, e.published, e.lang, e.record, se.score, se.reason, se.joined"
        " FROM story_events se JOIN events e ON e.id = se.event_id WHERE se.story_id=? ORDER BY e.published, e.id",
        (story_id,),
    ).fetchall()


def members_from_db(conn: sqlite3.Connection, story_id: int) -> list[dict[str, Any]]:
    """Rebuild the members of a story from the events table (used after a document is removed)."""
    out = []
    for r in story_member_rows(conn, story_id):
        ev = loads(r["record"])
        ev_texts = {(x[0], x[1]): x[2] for x in conn.execute(
            'SELECT start, "end", text FROM event_evidence WHERE event_id=?', (r["rowid"],))}
        for sp in ev.get("evidence") or []:
            sp.setdefault("text", ev_texts.get((sp["start"], sp["end"])))
        url = conn.execute("SELECT url FROM documents WHERE id=?", (r["doc_id"],)).fetchone()
        m = member_of(ev, {"id": r["doc_id"], "lang": r["lang"], "published": r["published"],
                           "url": url[0] if url else None}, None)
        m["rowid"] = r["rowid"]
        out.append(m)
    return out


# -- queries -------------------------------------------------------------------------------
@dataclass
class StoryQuery:
    """Filters of ``communique events``; ``keys`` are resolved entity ids (None: no actor filter)."""

    keys: list[str] | None = None
    country: str | None = None
    kind: str | None = None
    type: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    limit: int | None = 100
    offset: int = 0
    ascending: bool = False
    dated_only: bool = False


def as_of_default(conn: sqlite3.Connection) -> str:
    """The reference day for statuses: today, or the newest publication in the store if older.

    An announced event is only called unconfirmed when the store holds documents published
    after its date plus the grace period: the absence of a report is not evidence when the
    data ends before the event.
    """
    row = conn.execute("SELECT MAX(published) FROM events").fetchone()
    now = today()
    if row and row[0]:
        return min(now, row[0][:10])
    return now


def _fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms (all must occur): no FTS syntax from users."""
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    terms = [t for t in clean.split() if any(c.isalnum() for c in t)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _build(q: StoryQuery, cutoff: str, columns: str) -> tuple[str, list[Any], bool]:
    """SQL for ``q`` selecting ``s.id`` and ``columns``; the flag says the caller must drop repeated
    stories and apply limit/offset itself (a text search walks matching source events)."""
    where: list[str] = []
    params: list[Any] = []
    text = _fts_query(q.text) if q.text else None
    drive_key: str | None = None
    if q.text:
        # newest matching source events first (their ids grow as documents are indexed); stop at the limit
        sql = (f"SELECT s.id, {columns} FROM events_fts f JOIN events e ON e.id = f.rowid"
               f" JOIN stories s ON s.id = e.story_id")
        where.append("events_fts MATCH ?" if text else "0")
        if text:
            params.append(text)
        order_col = "f.rowid"
    elif q.keys is not None and len(q.keys) == 1 or q.keys is None and q.country:
        drive_key = q.keys[0] if q.keys else "cc:" + q.country.upper()
        sql = f"SELECT s.id, {columns} FROM story_keys k JOIN stories s ON s.id = k.story_id"
        where.append("k.key = ?")
        params.append(drive_key)
        order_col = "k.d_start"
        if q.date_to:
            where.append("k.d_start <= ?")
            params.append(q.date_to)
    else:
        sql = f"SELECT s.id, {columns} FROM stories s"
        order_col = "s.d_start"
    if q.date_to and drive_key is None:
        where.append("s.d_start <= ?")
        params.append(q.date_to)
    if q.keys is not None and drive_key is None:
        ph = ",".join("?" * len(q.keys)) or "NULL"
        where.append(f"EXISTS (SELECT 1 FROM story_keys k1 WHERE k1.story_id = s.id AND k1.key IN ({ph}))")
        params.extend(q.keys)
    if q.country and drive_key != "cc:" + q.country.upper():
        where.append("EXISTS (SELECT 1 FROM story_keys k2 WHERE k2.story_id = s.id AND k2.key = ?)")
        params.append("cc:" + q.country.upper())
    if q.date_from:
        where.append("s.d_end >= ?")
        params.append(q.date_from)
        if q.date_to and q.date_from > q.date_to:
            where.append("0")
    for col, val in (("kind", q.kind), ("type", q.type)):
        if val:
            where.append(f"s.{col} = ?")
            params.append(val.upper() if col == "type" else val)
    if q.status:
        if q.status == "unconfirmed":
            where.append("s.status = 'planned' AND s.t_end IS NOT NULL AND s.t_end < ?")
            params.append(cutoff)
        elif q.status == "planned":
            where.append("s.status = 'planned' AND NOT (s.t_end IS NOT NULL AND s.t_end < ?)")
            params.append(cutoff)
        else:
            where.append("s.status = ?")
            params.append(q.status)
    if q.dated_only:
        where.append("s.t_start IS NOT NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    direction = "ASC" if q.ascending else "DESC"
    if q.text:
        sql += f" ORDER BY {order_col} {direction}"
        return sql, params, True
    sql += f" ORDER BY {order_col} {direction}, s.id {direction}"
    if q.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([q.limit, q.offset])
    return sql, params, False


def _rows(conn: sqlite3.Connection, q: StoryQuery, cutoff: str, columns: str, batch: int) -> Iterator[tuple]:
    """The selected rows of ``q`` without the leading story id, streamed, each story once."""
    sql, params, dedupe = _build(q, cutoff, columns)
    try:
        cur = conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"query failed: {exc}") from exc
    seen: set[int] = set()
    skip = q.offset if dedupe else 0
    left = q.limit if dedupe and q.limit is not None else None
    while True:
        rows = cur.fetchmany(batch if left is None else min(batch, max(left, 16)))
        if not rows:
            return
        for row in rows:
            if dedupe:
                if row[0] in seen:
                    continue
                seen.add(row[0])
                if skip:
                    skip -= 1
                    continue
                if left is not None:
                    if left <= 0:
                        return
                    left -= 1
            yield row[1:]


def effective(record: dict[str, Any], cutoff: str, grace_days: int) -> dict[str, Any]:
    """The record with status ``unconfirmed`` where a planned event's date passed the grace period."""
    t = record.get("time") or {}
    if record.get("status") == "planned" and t.get("end") and t["end"] < cutoff:
        record["status"] = "unconfirmed"
        record.setdefault("status_history", []).append({
            "status": "unconfirmed", "at": add_days(t["end"], grace_days), "doc": None, "event": None,
            "note": f"no report within {grace_days} days after the date",
        })
    return record


def iter_story_records(conn: sqlite3.Connection, q: StoryQuery, *, as_of: str | None = None, grace_days: int = 7,
                       batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Consolidated events matching ``q`` as records, streamed from one cursor."""
    require_event_tables(conn)
    as_of = as_of or as_of_default(conn)
    cutoff = add_days(as_of, -grace_days)
    if q.keys is not None and not q.keys:
        return
    loads = json.loads
    for (rec,) in _rows(conn, q, cutoff, "s.record", batch):
        yield effective(loads(rec), cutoff, grace_days)


@lru_cache(maxsize=8192)
def _shift(iso_day: str, n: int) -> str:
    """:func:`add_days`, cached: an export meets the same few thousand days again and again."""
    return add_days(iso_day, n)


def _unconfirmed_raw(raw: str, cutoff: str, grace_days: int) -> str:
    """The record text with the read-time status ``unconfirmed``, edited in place where the layout allows."""
    at = None
    head = raw.find('"status":"planned"')
    tail = raw.rfind('"status_history":[')
    if 0 < head < raw.find('"sources":') and tail > 0 and raw.endswith("]}") and raw[-3] == "}":
        t = raw.find('"time":{"start":')
        end = raw.find('"end":"', t)
        if t > 0 and end > 0:
            at = _shift(raw[end + 7:end + 17], grace_days)
    if at is None:  # not the layout we write: decode and re-encode
        return json.dumps(effective(json.loads(raw), cutoff, grace_days), ensure_ascii=False, separators=(",", ":"))
    # what json.dumps of the entry gives (``at`` is an ISO day, the note plain ASCII)
    entry = (f'{{"status":"unconfirmed","at":"{at}","doc":null,"event":null,'
             f'"note":"no report within {int(grace_days)} days after the date"}}')
    raw = raw[:head] + '"status":"unconfirmed"' + raw[head + len('"status":"planned"'):]
    return raw[:-2] + "," + entry + "]}"


def iter_export_rows(conn: sqlite3.Connection, q: StoryQuery, *, as_of: str | None = None, grace_days: int = 7,
                     batch: int = 2000, need_record: bool = True) -> Iterator[Any]:
    """Stories matching ``q`` as :class:`communique.export.ExportRow` (record text and export row), streamed.

    Nothing is decoded here: the read-time status (planned -> unconfirmed) is decided on columns
    and applied to the text; writers decode the export row only if they need it. Without
    ``need_record`` the record text is not read at all (CSV, POLECAT and PLOVER do not use it);
    with it (JSON Lines, Parquet) the packed flat columns are read instead of the export row (which
    is read only where a story has no packed columns, and decoded only if a writer asks for it).
    """
    from communique.export import ExportRow, make_unconfirmed, unconfirmed_packed

    require_event_tables(conn)
    as_of = as_of or as_of_default(conn)
    cutoff = add_days(as_of, -grace_days)
    if q.keys is not None and not q.keys:
        return
    if need_record:
        columns = "s.record, s.flat_packed, CASE WHEN s.flat_packed IS NULL THEN s.flat END, s.status, s.t_end"
    else:
        columns = "NULL, NULL, s.flat, s.status, s.t_end"
    for raw, packed, flat, status, t_end in _rows(conn, q, cutoff, columns, batch):
        if status == "planned" and t_end and t_end < cutoff:
            r = ExportRow(_unconfirmed_raw(raw, cutoff, grace_days) if raw is not None else None, None, flat)
            at = _shift(t_end, grace_days)
            if packed is not None:
                # the export row, if a writer asks, comes from the edited record: the same edit
                r.packed = unconfirmed_packed(packed, at)
            else:
                make_unconfirmed(r.row, grace_days, at)
            yield r
        else:
            yield ExportRow(raw, None, flat, packed)


def backfill_packed_rows(conn: sqlite3.Connection, batch: int = 5000) -> int:
    """Fill ``stories.flat_packed`` from each story's stored export row (migration 007); returns how many."""
    from communique.export import _decode_row, export_row, pack_row

    n = 0
    last = 0
    while True:
        rows = conn.execute("SELECT id, flat, record FROM stories WHERE id > ? AND flat_packed IS NULL"
                            " ORDER BY id LIMIT ?", (last, batch)).fetchall()
        if not rows:
            return n
        updates = []
        for sid, flat, rec in rows:
            row = _decode_row(flat) if flat else export_row(json.loads(rec))
            packed = pack_row(row)
            if packed is not None:
                updates.append((packed, sid))
        conn.executemany("UPDATE stories SET flat_packed=? WHERE id=?", updates)
        n += len(updates)
        last = rows[-1][0]


def get_story_record(conn: sqlite3.Connection, story_id: int, *, as_of: str | None = None,
                     grace_days: int = 7) -> dict[str, Any] | None:
    require_event_tables(conn)
    row = conn.execute("SELECT record FROM stories WHERE id=?", (story_id,)).fetchone()
    if row is None:
        return None
    as_of = as_of or as_of_default(conn)
    return effective(json.loads(row[0]), add_days(as_of, -grace_days), grace_days)


def resolve_names(conn: sqlite3.Connection, name: str, limit: int = 50) -> list[str]:
    """Entity ids whose stored names match ``name`` (any script; every word must match a word or its prefix)."""
    f = fold(name)
    if not f:
        return []
    exact = [r[0] for r in conn.execute("SELECT entity_id FROM entity_names WHERE form=? LIMIT ?", (f, limit))]
    if exact:
        return exact
    result: set[str] | None = None
    for word in f.split():
        ids = {r[0] for r in conn.execute(
            "SELECT entity_id FROM entity_names WHERE form >= ? AND form < ? LIMIT ?", (word, word + "\U0010ffff", 500))}
        result = ids if result is None else result & ids
        if not result:
            return []
    return sorted(result or [])[:limit]


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    require_event_tables(conn)
    return {
        "events": int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]),
        "stories": int(conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]),
        "entities": int(conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0]),
    }
