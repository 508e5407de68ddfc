"""Safety of the event store: concurrent reading while writing, arbitrary user text in filters."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.consolidate import Consolidator, consolidate_records
from communique.consolidate.query import resolve_actor
from communique.consolidate.synthetic import scenario_records
from communique.store import events as es
from communique.store import open_store


def _ordered():
    return sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"])


def test_readers_see_a_consistent_snapshot_while_extraction_writes(tmp_path):
    path = tmp_path / "wal.db"
    writer = open_store(path)
    recs = _ordered()
    consolidate_records(writer.conn, recs[:5])
    reader = open_store(path)
    before = [r["id"] for r in es.iter_story_records(reader.conn, es.StoryQuery(limit=None))]
    writer.conn.execute("BEGIN IMMEDIATE")
    c = Consolidator(writer.conn)
    for rec, text in recs[5:]:
        c.add_record(rec, text)
    # the write transaction is open: the reader is not blocked and sees the committed state
    assert [r["id"] for r in es.iter_story_records(reader.conn, es.StoryQuery(limit=None))] == before
    writer.conn.execute("COMMIT")
    after = list(es.iter_story_records(reader.conn, es.StoryQuery(limit=None)))
    assert len(after) > len(before)
    assert writer.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reader.close()
    writer.close()


_store = None


def _shared_store():
    global _store
    if _store is None:
        _store = open_store(":memory:")
        consolidate_records(_store.conn, _ordered())
    return _store


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40))
def test_any_text_filter_is_safe(text):
    conn = _shared_store().conn
    out = list(es.iter_story_records(conn, es.StoryQuery(text=text)))
    assert all(r["id"].startswith("s") for r in out)
    resolve_actor(conn, text)  # never raises
    list(es.iter_story_records(conn, es.StoryQuery(kind=text, country=text[:2], type=text)))
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 9


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_fold_is_idempotent_and_case_free(s):
    f = es.fold(s)
    assert es.fold(f) == f
    assert es.fold(s.upper()) == es.fold(s.lower()) or not s.isascii()
