"""Crash safety: an ingest killed with SIGKILL in the middle, then rerun, ends with every document once."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N_MESSAGES = 30_000
TIMEOUT = 60


def _write_export(path, n):
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"name": "Crash test", "type": "public_channel", "id": 4242, "messages": [\n')
        for i in range(1, n + 1):
            msg = {"id": i, "type": "service" if i % 50 == 0 else "message", "date_unixtime": str(1_700_000_000 + i),
                   "from": "Crash test", "from_id": "channel4242",
                   "text": f"Message {i}: the minister met the ambassador to discuss item {i % 97}."}
            fh.write(json.dumps(msg) + (",\n" if i < n else "\n"))
        fh.write("]}\n")


def _ingest_cmd(db, export):
    code = "import sys; from communique.cli import main; sys.argv = ['communique'] + sys.argv[1:]; main()"
    return [sys.executable, "-c", code, "--db", str(db), "ingest", "--json", "--lang", "en", str(export)]


def _count(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_in_the_middle_then_rerun(tmp_path):
    export = tmp_path / "result.json"
    db = tmp_path / "crash.db"
    _write_export(export, N_MESSAGES)
    expected = N_MESSAGES - N_MESSAGES // 50

    proc = subprocess.Popen(_ingest_cmd(db, export), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + TIMEOUT
    while _count(db) < 4000 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed: make the export larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    partial = _count(db)
    assert 0 < partial < expected

    out = subprocess.run(_ingest_cmd(db, export), capture_output=True, text=True, timeout=TIMEOUT)
    assert out.returncode == 0, out.stderr
    (summary,) = json.loads(out.stdout)
    assert summary["new"] == expected - partial and summary["unchanged"] == partial
    assert summary["quarantined"] == 0 and summary["skipped_by_reason"] == {"service": N_MESSAGES // 50}

    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone() == (expected, expected)
        ids = {r[0] for r in con.execute("SELECT id FROM documents")}
        assert ids == {f"tg:4242:{i}" for i in range(1, N_MESSAGES + 1) if i % 50}
        # one revision per document: nothing was written twice
        assert con.execute("SELECT COUNT(*) FROM document_revisions").fetchone()[0] == expected
        assert con.execute("SELECT COUNT(*) FROM document_revisions WHERE revision != 1").fetchone()[0] == 0
        # the full-text index matches the table
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        hits = con.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'ambassador'").fetchone()[0]
        assert hits == expected
        statuses = [r[0] for r in con.execute("SELECT status FROM ingest_runs ORDER BY id")]
        assert statuses == ["interrupted", "done"]
    finally:
        con.close()
