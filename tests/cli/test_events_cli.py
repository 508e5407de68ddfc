"""The events, event, upcoming, actor and export commands on a store built from the scenario corpus."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import SCENARIO_EXPECTED, scenario_records
from communique.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "events.db"
    s = open_store(path)
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    s.close()
    return str(path)


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, *args], env={"COLUMNS": "400"})


def test_events_json_is_a_list_of_consolidated_events(db):
    res = run(db, "events", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out) == len(SCENARIO_EXPECTED)
    for ev in out:
        assert {"id", "type", "kind", "status", "actors", "time", "evidence", "entities", "sources",
                "status_history"} <= set(ev)
        for e in ev["entities"]:
            assert {"id", "type", "name", "country", "role"} <= set(e)
        for s in ev["sources"]:
            assert {"doc", "event", "lang", "published"} <= set(s)
        for h in ev["status_history"]:
            assert {"status", "at", "doc"} <= set(h)


@pytest.mark.parametrize("name", ["Lavrov", "Лавров", "Lawrow"])
def test_actor_names_in_any_script(db, name):
    res = run(db, "events", "--actor", name, "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out) == 8
    assert all("kb:person/sergey-lavrov" in ev["actors"] + ev["recipients"] for ev in out)
    res = run(db, "actor", name, "--format", "json")
    assert res.exit_code == 0, res.output
    a = json.loads(res.stdout)
    assert len(a["events"]) == 8
    starts = [e["time"]["start"] for e in a["events"]]
    assert starts == sorted(starts)
    counterparts = {c["name"]: c["events"] for c in a["counterparts"]}
    assert counterparts["Wang Yi"] == 2 and counterparts["Antony Blinken"] == 2
    assert {p["name"] for p in a["places"]} >= {"Brest", "Moscow", "Ankara", "Astana"}


def test_actor_table_and_unknown_actor(db):
    res = run(db, "actor", "Лавров")
    assert res.exit_code == 0 and "Counterparts" in res.stdout and "Wang Yi" in res.stdout
    res = run(db, "actor", "Nobody Atall")
    assert res.exit_code != 0 and "no entity" in res.output


def test_filters(db):
    out = json.loads(run(db, "events", "--country", "by", "--kind", "talks", "--format", "json").stdout)
    assert [e["kind"] for e in out] == ["talks"]
    out = json.loads(run(db, "events", "--status", "unconfirmed", "--format", "json").stdout)
    assert [e["kind"] for e in out] == ["summit"]
    out = json.loads(run(db, "events", "--from", "2024-11-01", "--to", "2024-11-30", "--format", "json").stdout)
    assert sorted(e["kind"] for e in out) == ["talks", "visit"]
    out = json.loads(run(db, "events", "--text", "Brest", "--type", "CONSULT", "--format", "json").stdout)
    assert len(out) == 2
    out = json.loads(run(db, "events", "--status", "planned", "--grace-days", "365", "--format", "json").stdout)
    assert sorted(e["kind"] for e in out) == ["summit", "visit"]
    assert run(db, "events", "--from", "yesterday").exit_code == 2
    assert run(db, "events", "--country", "Russia").exit_code == 2


def test_events_table_and_csv(db):
    res = run(db, "events")
    assert res.exit_code == 0 and "Events" in res.stdout
    res = run(db, "events", "--format", "csv", "--kind", "visit")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 3 and all(r["kind"] == "visit" for r in rows)


def test_upcoming_soonest_first(db):
    res = run(db, "upcoming", "--format", "json")
    out = json.loads(res.stdout)
    assert [e["time"]["start"] for e in out] == ["2024-12-20"]
    out = json.loads(run(db, "upcoming", "--as-of", "2024-06-02", "--format", "json").stdout)
    starts = [e["time"]["start"] for e in out]
    assert starts == sorted(starts) and starts[0] == "2024-07-03"
    assert all(e["status"] == "planned" for e in out)
    assert "Upcoming" in run(db, "upcoming").stdout


def test_event_show_explains_the_merge(db):
    out = json.loads(run(db, "events", "--kind", "talks", "--format", "json").stdout)
    sid = out[0]["id"]
    res = run(db, "event", "show", sid)
    assert res.exit_code == 0, res.output
    assert "joined (score" in res.stdout and "same kind (talks)" in res.stdout
    assert "tg:mfa_ru:7001" in res.stdout and "confirmed" in res.stdout
    js = json.loads(run(db, "event", "show", sid.lstrip("s"), "--format", "json").stdout)
    assert [m["reason"]["decision"] for m in js["merge"]] == ["new story", "joined"]
    assert run(db, "event", "show", "s99999").exit_code != 0
    assert run(db, "event", "show", "abc").exit_code == 2


@pytest.mark.parametrize("fmt", ["jsonl", "plover", "polecat", "csv", "parquet"])
def test_export_to_file(db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    res = run(db, "export", "--format", fmt, "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "exported" in res.stderr
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == len(SCENARIO_EXPECTED)
    elif fmt == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == len(SCENARIO_EXPECTED)
    elif fmt == "polecat":
        assert len(out.read_text(encoding="utf-8").splitlines()[0].split("\t")) == 40


def test_export_stdout_with_filter(db):
    res = run(db, "export", "--format", "jsonl", "--actor", "Wang Yi")
    assert res.exit_code == 0
    assert len(res.stdout.splitlines()) == 2


def test_missing_foreign_and_corrupt_databases_give_clear_errors(tmp_path):
    res = run(str(tmp_path / "nope.db"), "events")
    assert res.exit_code == 1 and "no such database" in res.output
    foreign = tmp_path / "foreign.db"
    c = sqlite3.connect(foreign)
    c.execute("CREATE TABLE customers (id INTEGER)")
    c.commit()
    c.close()
    res = run(str(foreign), "events")
    assert res.exit_code == 1 and "another application" in res.output
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    res = run(str(corrupt), "events")
    assert res.exit_code == 1 and "error" in res.output
    assert "Traceback" not in res.output
