"""Consolidation: one story per real-world event, across documents and languages.

``communique extract --db`` calls :func:`register_hooks`; from then on every record the store
saves is indexed (entities, mentions, events, evidence) and its events are placed into
stories inside the same transaction. :func:`reindex` rebuilds everything from the stored
extractions; :func:`consolidate_records` indexes records that are not in the document store
(tests, benchmarks, imports).
"""

from __future__ import annotations

import gc
import logging
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from communique.consolidate.engine import (Consolidator, Settings, aggregate, grace_days_default, invalidate_records,
                                           status_history)

log = logging.getLogger(__name__)

__all__ = ["register_hooks", "reindex", "consolidate_records", "Consolidator", "Settings", "aggregate",
           "status_history", "grace_days_default", "transaction"]


def register_hooks(store, settings: Settings | None = None) -> Consolidator:
    """Index and consolidate each record ``store.save_extractions`` writes (once per store)."""
    for hook in store.extraction_hooks:
        existing = getattr(hook, "consolidator", None)
        if existing is not None:
            return existing
    consolidator = Consolidator(store.conn, settings)

    def hook(store_, doc, record: dict[str, Any]) -> None:
        consolidator.add_record(record, doc.text)

    hook.consolidator = consolidator  # type: ignore[attr-defined]
    hook.on_rollback = lambda: invalidate_records(store.conn)  # type: ignore[attr-defined]
    store.extraction_hooks.append(hook)
    return consolidator


# The cyclic garbage collector's first threshold while a consolidation batch runs. Consolidation makes
# no reference cycles (records are trees of dicts and lists, freed by reference counting), but its
# long-lived record caches made the collector's default threshold (700 allocations) run it about
# 900 times per 10,000 documents, 10 to 13 % of the CPU time (docs/events-store.md, round seven).
GC_THRESHOLD = 20_000


@contextmanager
def fewer_collections(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """Raise the collector's first threshold to ``threshold`` for the block (restored after it)."""
    old = gc.get_threshold()
    if old[0] and old[0] < threshold:  # (0: the collector is switched off by threshold; leave it)
        gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextmanager
def transaction(conn) -> Iterator[None]:
    """One write transaction of a consolidation batch (rolled back on an error; the collector runs
    less often inside it, see :data:`GC_THRESHOLD`)."""
    with fewer_collections():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            invalidate_records(conn)
            raise
        conn.execute("COMMIT")


def consolidate_records(conn, records: Iterable[tuple[dict[str, Any], str | None]], *, settings: Settings | None = None,
                        batch: int = 500) -> int:
    """Index ``(record, text)`` pairs in transactions of ``batch`` records; returns how many."""
    c = Consolidator(conn, settings)
    n = 0
    it = iter(records)
    while True:
        with transaction(conn):
            k = 0
            for record, text in it:
                c.add_record(record, text)
                k += 1
                if k >= batch:
                    break
        n += k
        if k < batch:
            return n


def reindex(store, settings: Settings | None = None) -> int:
    """Drop every event and story and rebuild them from the stored extractions, in publication order."""
    conn = store.conn
    with transaction(conn):
        for table in ("story_status_history", "story_events", "story_keys", "match_keys", "events_fts", "stories",
                      "event_evidence", "event_participants", "events", "mentions", "entity_names", "entities"):
            conn.execute(f"DELETE FROM {table}")
    invalidate_records(conn)  # story ids are reused: no consolidator may keep records of the old ones
    rows = conn.execute("SELECT e.record, d.text FROM extractions e JOIN documents d ON d.id = e.doc_id"
                        " ORDER BY d.published, d.id").fetchall()
    import json

    return consolidate_records(conn, ((json.loads(r[0]), r[1]) for r in rows), settings=settings)
