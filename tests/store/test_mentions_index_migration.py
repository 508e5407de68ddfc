"""Migration 010 drops mentions_entity (no statement reads mentions by entity); mentions still come and go by document."""

from __future__ import annotations

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.store import open_store


def test_opening_an_older_store_drops_the_mention_entity_index(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(path)
    records = sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"])
    consolidate_records(s.conn, records)
    n = s.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    assert n > 0
    s.conn.execute("CREATE INDEX mentions_entity ON mentions(entity_id)")
    s.conn.execute("DELETE FROM schema_migrations WHERE number = 10")
    s.close()
    s = open_store(path)
    assert s.schema_version() >= 10
    assert not s.conn.execute("SELECT 1 FROM sqlite_master WHERE name='mentions_entity'").fetchone()
    # a document stored again replaces its mentions (deleted by document, the primary key's first column)
    consolidate_records(s.conn, records[:1])
    assert s.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == n
    plan = " ".join(str(tuple(r)) for r in s.conn.execute("EXPLAIN QUERY PLAN DELETE FROM mentions WHERE doc_id=?", ("x",)))
    assert "USING PRIMARY KEY (doc_id=?)" in plan
    s.close()
