"""Migration 007: a store made before it gets packed export rows for every story when opened."""

from __future__ import annotations

import json

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.export import export_columns
from communique.store import open_store


def test_opening_an_older_store_fills_the_packed_rows(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(path)
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    n = s.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    # back to the schema of migration 006
    s.conn.execute("ALTER TABLE stories DROP COLUMN flat_packed")
    s.conn.execute("DELETE FROM schema_migrations WHERE number = 7")
    s.close()
    s = open_store(path)
    assert 7 in {r[0] for r in s.conn.execute("SELECT number FROM schema_migrations")}
    rows = s.conn.execute("SELECT record, flat_packed FROM stories").fetchall()
    assert len(rows) == n > 0
    for rec, packed in rows:
        assert packed is not None and packed == export_columns(json.loads(rec))[1]
    s.close()
