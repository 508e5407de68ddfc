"""Round trips of every export: what is written reads back to the same events."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.export import (FLAT_NAMES, export, flatten, parse_flat_row, plover_record, polecat_columns,
                               polecat_row)
from communique.store import events as es
from communique.store import open_store


@pytest.fixture(scope="module")
def records():
    s = open_store(":memory:")
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    recs = list(es.iter_story_records(s.conn, es.StoryQuery(limit=None)))
    s.close()
    assert len(recs) >= 9
    return recs


def _run(records, fmt) -> bytes:
    buf = io.BytesIO()
    st = export(iter(records), fmt, buf)
    assert st.written + st.skipped == len(records)
    return buf.getvalue()


def test_jsonl_round_trip(records):
    lines = _run(records, "jsonl").decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records


def test_csv_round_trip(records):
    text = _run(records, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0].keys()) == FLAT_NAMES
    assert [parse_flat_row(r) for r in rows] == [flatten(r) for r in records]


def test_parquet_round_trip(records, tmp_path):
    path = tmp_path / "events.parquet"
    with open(path, "wb") as fh:
        export(iter(records), "parquet", fh)
    table = pq.read_table(path)
    assert table.num_rows == len(records)
    rows = table.to_pylist()
    for row, rec in zip(rows, records):
        assert json.loads(row.pop("record")) == rec
        assert row == flatten(rec)


def test_parquet_writes_row_groups(records, tmp_path):
    from communique.export import write_parquet

    path = tmp_path / "groups.parquet"
    with open(path, "wb") as fh:
        write_parquet(iter(records * 3), fh, row_group=10)
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == len(records) * 3
    assert meta.num_row_groups == -(-len(records) * 3 // 10)


def test_polecat_round_trip(records):
    text = _run(records, "polecat").decode("utf-8")
    lines = text.split("\n")
    assert lines[-1] == ""
    header = lines[0].split("\t")
    assert header == polecat_columns() and len(header) == 40
    assert header[:4] == ["Event ID", "Event Date", "Event Type", "Event Mode"]
    assert {"Wikipedia Actor ID", "GeoNames ID"} <= set(header) and header[-2:] == ["Language", "Version"]
    body = [dict(zip(header, line.split("\t"))) for line in lines[1:-1]]
    typed = [r for r in records if r.get("type")]
    assert len(body) == len(typed)
    for row, rec in zip(body, typed):
        assert list(row.values()) == polecat_row(rec)
        assert row["Event ID"] == rec["id"]
        assert row["Event Type"] == rec["type"].lower()
        assert row["Event Date"] == (rec["time"]["start"] or rec["sources"][0]["published"][:10])
    brest = next(r for r in body if r["GeoNames ID"] == "629634" and r["Event Mode"] == "visit")
    assert brest["Actor Name"] == "Sergey Lavrov" and brest["Actor Country"] == "RUS"
    assert brest["Recipient Country"] == "BLR" and brest["Placename"] == "Brest" and brest["Country"] == "BLR"
    assert brest["Quad Code"] == "VERBAL COOPERATION"
    assert set(brest["Language"].split(";")) == {"de", "en"}


def test_plover_round_trip(records):
    lines = _run(records, "plover").decode("utf-8").splitlines()
    back = [json.loads(line) for line in lines]
    typed = [r for r in records if r.get("type")]
    assert back == [plover_record(r) for r in typed]
    talks = next(p for p in back if p["context"] == ["talks"])
    assert talks["event"] == "CONSULT" and talks["date"] == "2024-11-21"
    assert (talks["year"], talks["month"], talks["day"]) == (2024, 11, 21)
    assert "RUS" in talks["actor"] and talks["geo"]["geonames_id"] == "629634"
    assert talks["communique"]["status"] == "occurred"


def test_untyped_events_are_counted_not_lost():
    rec = {"id": "s1", "type": None, "kind": "commemoration", "status": "occurred", "actors": [], "recipients": [],
           "time": {}, "entities": [], "sources": [], "evidence": []}
    buf = io.BytesIO()
    st = export(iter([rec]), "polecat", buf)
    assert (st.written, st.skipped) == (0, 1)
    assert polecat_row(rec) is None and plover_record(rec) is None


def test_unknown_format_is_an_error():
    from communique.errors import CommuniqueError

    with pytest.raises(CommuniqueError):
        export(iter([]), "xml", io.BytesIO())


def test_tabs_and_newlines_never_break_a_tsv_row(records):
    rec = json.loads(json.dumps(records[0]))
    rec["entities"][0]["name"] = "A\tB\nC"
    row = polecat_row(rec)
    assert all("\t" not in c and "\n" not in c for c in row)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "polecat", "plover"])
@pytest.mark.parametrize("as_of", ["2024-07-01", "2024-12-10"])
def test_stored_export_rows_equal_exports_of_the_records(fmt, as_of):
    """The export rows kept beside each story (and their read-time status) give the same bytes as the records."""
    s = open_store(":memory:")
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    from_records, from_rows = io.BytesIO(), io.BytesIO()
    export(es.iter_story_records(s.conn, es.StoryQuery(limit=None), as_of=as_of), fmt, from_records)
    from communique.export import NEEDS_RECORD

    export(es.iter_export_rows(s.conn, es.StoryQuery(limit=None), as_of=as_of, need_record=fmt in NEEDS_RECORD),
           fmt, from_rows)
    s.close()
    assert from_rows.getvalue() == from_records.getvalue()
    if as_of == "2024-12-10" and fmt == "csv":
        assert b"unconfirmed" in from_rows.getvalue()
