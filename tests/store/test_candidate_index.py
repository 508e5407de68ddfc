"""Migration 008: candidate stories are read from a compact index, not from their rows."""

from __future__ import annotations

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.store import events as es
from communique.store import open_store


def _store(path):
    s = open_store(path)
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    return s


def _all_candidates(conn):
    keys = [r[0] for r in conn.execute("SELECT DISTINCT key FROM match_keys")]
    return [[(c.id, c.d_start, c.d_end, c.status, c.kind, c.t_start)
             for c in es.candidate_stories(conn, keys, "1900-01-01", "2999-12-31", 1000, kinds)]
            for kinds in (None, ["meeting", "talks"], ["visit"])]


def test_candidates_come_from_the_index_and_equal_the_rows(tmp_path):
    s = _store(tmp_path / "s.db")
    conn = s.conn
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, d_start, d_end, status, kind, t_start FROM stories"
        " INDEXED BY stories_candidates WHERE id IN (1, 2) AND kind IN ('meeting')"))
    assert "COVERING INDEX stories_candidates" in plan
    with_index = _all_candidates(conn)
    assert with_index[0]  # the scenario corpus has stories
    conn.execute("DROP INDEX stories_candidates")  # a store without migration 008: the rows are read
    assert _all_candidates(conn) == with_index
    s.close()


def test_opening_an_older_store_builds_the_index(tmp_path):
    path = tmp_path / "old.db"
    s = _store(path)
    s.conn.execute("DROP INDEX stories_candidates")
    s.conn.execute("DELETE FROM schema_migrations WHERE number = 8")
    s.close()
    s = open_store(path)
    assert s.schema_version() >= 8
    assert s.conn.execute("SELECT 1 FROM sqlite_master WHERE name='stories_candidates'").fetchone()
    assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s.close()
