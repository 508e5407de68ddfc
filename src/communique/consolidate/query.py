"""Queries over consolidated events that scripts and the CLI share: names to ids, an actor's record."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from typing import Any

from communique.store import events as es

log = logging.getLogger(__name__)


def _kb_search(name: str) -> list[dict[str, Any]]:
    try:
        from communique.kb import load_kb  # type: ignore[attr-defined]
    except ImportError:
        return []
    try:
        return list(load_kb().search(name) or [])
    except Exception as exc:  # the knowledge base is optional here: fall back to stored names
        log.warning("knowledge-base lookup of %r failed: %s", name, exc)
        return []


def resolve_actor(conn: sqlite3.Connection, name: str) -> list[str]:
    """Entity ids a name (any language or script, or an ISO country code) refers to.

    The knowledge base answers first; the names and mention forms stored with the events
    (case- and accent-insensitive, words or their prefixes) add what it does not know.
    """
    ids: list[str] = []
    name = name.strip()
    if len(name) == 2 and name.isalpha() and name.isupper():
        ids.append(f"kb:country/{name}")
    if name.startswith(("kb:", "new:", "gn:")):
        ids.append(name)
    hits = [h["id"] for h in _kb_search(name) if h.get("id")]
    if hits:
        # the knowledge base ranks loose matches too: keep those the store has seen, else the best one
        known = es.entities_by_id(conn, hits)
        ids.extend([h for h in hits if h in known] or hits[:1])
    else:
        ids.extend(es.resolve_names(conn, name))
    return list(dict.fromkeys(ids))


def query_keys(ids: list[str]) -> list[str]:
    """Story keys for entity ids: a country also stands for everyone and everything of that country."""
    keys = list(ids)
    for i in ids:
        if i.startswith("kb:country/"):
            keys.append("cc:" + i.rsplit("/", 1)[1].upper())
    return list(dict.fromkeys(keys))


def own_side(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    """The ids themselves and their own countries: never counted as counterparts."""
    side = set(ids)
    for e in es.entities_by_id(conn, ids).values():
        if e.get("country"):
            side.add(f"kb:country/{e['country']}")
    return side


def actor_engagements(conn: sqlite3.Connection, ids: list[str], *, as_of: str | None = None, grace_days: int = 7,
                      date_from: str | None = None, date_to: str | None = None, limit: int | None = None
                      ) -> dict[str, Any]:
    """Everything an actor took part in, oldest first, with counterparts and places counted."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for key in query_keys(ids):
        q = es.StoryQuery(keys=[key], date_from=date_from, date_to=date_to, limit=None, ascending=True)
        for rec in es.iter_story_records(conn, q, as_of=as_of, grace_days=grace_days):
            if rec["id"] not in seen:
                seen.add(rec["id"])
                rows.append(rec)
    rows.sort(key=lambda r: ((r.get("time") or {}).get("start") or (r["sources"][0].get("published") or ""), r["id"]))
    if limit is not None:
        rows = rows[-limit:]
    counterparts: Counter[str] = Counter()
    places: Counter[str] = Counter()
    names: dict[str, str] = {}
    mine = own_side(conn, ids)
    for rec in rows:
        for e in rec.get("entities") or []:
            names[e["id"]] = e["name"]
        parts = set(rec.get("actors") or []) | set(rec.get("recipients") or [])
        for p in parts - mine:
            counterparts[p] += 1
        if rec.get("location"):
            places[rec["location"]] += 1
    return {
        "ids": ids,
        "events": rows,
        "counterparts": [{"id": i, "name": names.get(i, i), "events": n} for i, n in counterparts.most_common()],
        "places": [{"id": i, "name": names.get(i, i), "events": n} for i, n in places.most_common()],
    }
