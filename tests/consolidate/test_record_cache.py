"""The consolidator's cache of decoded candidate records changes no decision and goes stale never."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from communique.consolidate import Consolidator, engine, transaction
from communique.consolidate.synthetic import World, synthetic_records
from communique.store import open_store

TABLES = {
    "stories": "id, kind, status, d_start, d_end, location, n_sources, record, flat",
    "story_events": "story_id, event_id, score, reason",
    "story_keys": "key, d_start, story_id",
    "match_keys": "key, d_start, story_id",
    "story_status_history": "story_id, status, at, doc_id, event_id, note",
    "entities": "id, type, name, country, role",
    "entity_names": "form, entity_id",
}


def _consolidate(path, n: int = 400) -> Consolidator:
    store = open_store(path)
    c = Consolidator(store.conn)
    recs = list(synthetic_records(n, seed=5, world=World(5), start=date(2024, 1, 1), days=20))
    for i in range(0, len(recs), 100):
        with transaction(store.conn):
            for rec, text in recs[i:i + 100]:
                c.add_record(rec, text)
    return c


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    return {t: conn.execute(f"SELECT {cols} FROM {t} ORDER BY {cols}").fetchall() for t, cols in TABLES.items()}


def test_cached_records_give_the_same_stores(tmp_path, monkeypatch):
    c = _consolidate(tmp_path / "cached.db")
    assert c._records  # dense synthetic news: candidates were met, and kept
    monkeypatch.setattr(engine, "RECORD_CACHE", 0)
    plain = _consolidate(tmp_path / "plain.db")
    assert not plain._records
    cached, uncached = _dump(tmp_path / "cached.db"), _dump(tmp_path / "plain.db")
    assert len(cached["story_events"]) > len(cached["stories"])  # some events joined stories
    assert cached == uncached


def test_a_saved_story_is_kept_as_stored_and_another_writer_clears_the_cache(tmp_path):
    path = tmp_path / "s.db"
    c = _consolidate(path, 200)
    sid = next(iter(c._records))
    members = [dict(x) for x in c._records[sid]["sources"]]
    old = c._records[sid]
    c._save(sid, members, {}, "2024-02-01T00:00:00+00:00")
    assert c._records[sid] is not old  # the record as saved replaces the one read before
    assert list(c._records)[-1] == sid  # and is the newest in the cache
    stored = c.conn.execute("SELECT record FROM stories WHERE id=?", (sid,)).fetchone()[0]
    assert c._records[sid] == json.loads(stored)
    # every cached record is what reading its row back gives
    for k, rec in list(c._records.items())[:300]:
        assert rec == json.loads(c.conn.execute("SELECT record FROM stories WHERE id=?", (k,)).fetchone()[0])
    other = sqlite3.connect(path)
    other.execute("UPDATE stories SET updated=? WHERE id=?", ("2024-03-01T00:00:00+00:00", sid))
    other.commit()
    c._check_records()
    assert not c._records


def _consolidate_with_a_rollback(path) -> Consolidator:
    store = open_store(path)
    c = Consolidator(store.conn)
    recs = list(synthetic_records(600, seed=5, world=World(5), start=date(2024, 1, 1), days=20))
    with transaction(store.conn):
        for rec, text in recs[:200]:
            c.add_record(rec, text)
    try:
        with transaction(store.conn):  # read and cached, then rolled back: those rows never existed
            for rec, text in recs[200:400]:
                c.add_record(rec, text)
            raise RuntimeError("abandon the batch")
    except RuntimeError:
        pass
    with transaction(store.conn):
        for rec, text in recs[200:]:
            c.add_record(rec, text)
    return c


def test_a_rollback_on_the_same_connection_clears_the_cache(tmp_path, monkeypatch):
    _consolidate_with_a_rollback(tmp_path / "cached.db")
    monkeypatch.setattr(engine, "RECORD_CACHE", 0)
    _consolidate_with_a_rollback(tmp_path / "plain.db")
    assert _dump(tmp_path / "cached.db") == _dump(tmp_path / "plain.db")


def test_a_full_cache_forgets_its_oldest_half(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "RECORD_CACHE", 50)
    c = _consolidate(tmp_path / "small.db", 200)
    assert 0 < len(c._records) <= 50
    monkeypatch.setattr(engine, "RECORD_CACHE", 0)
    _consolidate(tmp_path / "plain.db", 200)
    assert _dump(tmp_path / "small.db") == _dump(tmp_path / "plain.db")


def test_entities_of_a_rolled_back_batch_are_written_again(tmp_path):
    store = open_store(tmp_path / "e.db")
    c = Consolidator(store.conn)
    rec, text = next(iter(synthetic_records(1, seed=9, world=World(5), start=date(2024, 1, 1), days=5)))
    try:
        with transaction(store.conn):
            c.add_record(rec, text)
            raise RuntimeError("abandon the batch")
    except RuntimeError:
        pass
    with transaction(store.conn):
        c.add_record(rec, text)
    ids = {e["id"] for e in rec["entities"]}
    stored = {r[0] for r in store.conn.execute("SELECT id FROM entities")}
    assert ids and ids <= stored
    assert store.conn.execute("SELECT COUNT(*) FROM entity_names").fetchone()[0] > 0
