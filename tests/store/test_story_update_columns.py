"""A joined story's UPDATE sets only the indexed columns that changed; migration 009 drops an unused index."""

from __future__ import annotations

import json

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.store import events as es
from communique.store import open_store


def _consolidated(path):
    s = open_store(path)
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    return s


def test_story_columns_agree_with_their_records_after_joins(tmp_path):
    s = _consolidated(tmp_path / "s.db")
    rows = s.conn.execute("SELECT kind, type, status, t_start, t_end, d_start, d_end, n_sources, record"
                          " FROM stories").fetchall()
    assert any(r[7] > 1 for r in rows)  # stories that were joined (updated) are among them
    for kind, type_, status, t_start, t_end, d_start, d_end, n, raw in rows:
        rec = json.loads(raw)
        t = rec["time"]
        assert (kind, type_, status, t_start, t_end) == (rec["kind"], rec["type"], rec["status"], t["start"], t["end"])
        assert n == len(rec["sources"])
        if t["start"]:
            assert (d_start, d_end) == (t["start"][:10], (t["end"] or t["start"])[:10])
    assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s.close()


def test_update_sets_only_changed_indexed_columns(tmp_path):
    s = _consolidated(tmp_path / "s.db")
    conn = s.conn
    sid, raw = conn.execute("SELECT id, record FROM stories ORDER BY n_sources DESC LIMIT 1").fetchone()
    rec = json.loads(raw)
    row = conn.execute("SELECT d_start, d_end, first_seen, last_seen FROM stories WHERE id=?", (sid,)).fetchone()
    summary = dict(zip(("d_start", "d_end", "first_seen", "last_seen"), row))
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    # the same record again, then one with another status: the UPDATE names only what differs
    es.save_story(conn, sid, summary, rec, [], "now")
    rec2 = dict(rec, status="cancelled")
    es.save_story(conn, sid, summary, rec2, [], "now")
    conn.set_trace_callback(None)
    updates = [q for q in statements if q.startswith("UPDATE stories")]
    assert len(updates) == 2
    assert "status=" not in updates[0] and "kind=" not in updates[0] and "record=" in updates[0]
    assert "status=" in updates[1] and "kind=" not in updates[1]
    assert conn.execute("SELECT status FROM stories WHERE id=?", (sid,)).fetchone()[0] == "cancelled"
    s.close()


def test_opening_an_older_store_drops_the_participant_entity_index(tmp_path):
    path = tmp_path / "old.db"
    s = _consolidated(path)
    s.conn.execute("CREATE INDEX event_participants_entity ON event_participants(entity_id)")
    s.conn.execute("DELETE FROM schema_migrations WHERE number = 9")
    s.close()
    s = open_store(path)
    assert s.schema_version() >= 9
    assert not s.conn.execute("SELECT 1 FROM sqlite_master WHERE name='event_participants_entity'").fetchone()
    assert s.conn.execute("SELECT COUNT(*) FROM event_participants").fetchone()[0] > 0
    s.close()
