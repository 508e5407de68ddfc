"""Parquet from packed flat columns (stories.flat_packed): the same table as from the records."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest

from communique.consolidate import consolidate_records
from communique.consolidate.synthetic import scenario_records
from communique.export import (EXPORT_FIELDS, ExportRow, FLAT_NAMES, export, export_columns, export_row, flatten, pack_row,
                               write_parquet)
from communique.store import events as es
from communique.store import open_store


@pytest.fixture()
def store():
    s = open_store(":memory:")
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    yield s
    s.close()


def _table(items, **kw):
    buf = io.BytesIO()
    write_parquet(items, buf, **kw)
    return pq.read_table(io.BytesIO(buf.getvalue()))


@pytest.mark.parametrize("as_of", ["2024-07-01", "2024-12-10"])
def test_stored_packed_rows_give_the_table_of_the_records(store, as_of):
    assert store.conn.execute("SELECT COUNT(*) FROM stories WHERE flat_packed IS NULL").fetchone()[0] == 0
    q = es.StoryQuery(limit=None)
    from_records = _table(es.iter_story_records(store.conn, q, as_of=as_of))
    rows = list(es.iter_export_rows(store.conn, q, as_of=as_of, need_record=True))
    assert all(r.packed is not None for r in rows)
    from_rows = _table(iter(rows))
    assert from_rows.equals(from_records)
    statuses = from_rows.column("status").to_pylist()
    if as_of == "2024-12-10":
        assert "unconfirmed" in statuses
        i = statuses.index("unconfirmed")
        assert from_rows.column("history").to_pylist()[i][-1].startswith("unconfirmed@")
        assert json.loads(from_rows.column("record").to_pylist()[i])["status"] == "unconfirmed"


def test_stories_without_packed_rows_export_the_same(store):
    q = es.StoryQuery(limit=None)
    before = _table(es.iter_export_rows(store.conn, q, as_of="2024-12-10"))
    store.conn.execute("UPDATE stories SET flat_packed = NULL WHERE id % 2 = 0")
    mixed = _table(es.iter_export_rows(store.conn, q, as_of="2024-12-10"), chunk=3)
    assert mixed.equals(before)
    store.conn.execute("UPDATE stories SET flat_packed = NULL")
    assert es.backfill_packed_rows(store.conn) == store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    for rec, packed in store.conn.execute("SELECT record, flat_packed FROM stories"):
        assert packed == export_columns(json.loads(rec))[1]
    assert _table(es.iter_export_rows(store.conn, q, as_of="2024-12-10")).equals(before)


def test_pack_row_keeps_empty_lists_empty_strings_and_nulls(store):
    rec = next(es.iter_story_records(store.conn, es.StoryQuery(limit=1)))
    row = export_row(rec)
    i = {n: k for k, n in enumerate(EXPORT_FIELDS)}
    row[i["actors"]], row[i["recipients"]], row[i["countries"]] = [], [""], ["", "a", ""]
    row[i["mode"]], row[i["time_text"]], row[i["confidence"]], row[i["location_name"]] = None, "", 1, "Ñ ü 北京"
    assert pack_row(row) is not None
    rec_row = dict(zip(EXPORT_FIELDS, row))

    # what the store yields: record text and packed columns (no export row)
    back = _table(iter([ExportRow(json.dumps(rec), None, None, pack_row(row))])).to_pylist()[0]
    back.pop("record")
    assert back == {n: rec_row[n] for n in FLAT_NAMES}
    assert back["confidence"] == 1.0 and back["recipients"] == [""] and back["actors"] == []


@pytest.mark.parametrize("bad", ["a\x1eb", "a\x1fb", "\x15", "x\x15"])
def test_separators_in_values_are_never_packed_but_still_exported(store, bad):
    recs = list(es.iter_story_records(store.conn, es.StoryQuery(limit=None)))
    rec = json.loads(json.dumps(recs[0]))
    rec["entities"][0]["name"] = bad
    rec["time"]["text"] = bad
    assert pack_row(export_row(rec)) is None
    items = recs[:2] + [rec] + recs[2:]
    table = _table(iter(items), chunk=2)
    rows = table.to_pylist()
    assert len(rows) == len(items)
    for row, r in zip(rows, items):
        assert json.loads(row.pop("record")) == r
        assert row == flatten(r)


def test_export_format_parquet_from_the_store_round_trips(store):
    buf = io.BytesIO()
    st = export(es.iter_export_rows(store.conn, es.StoryQuery(limit=None), as_of="2024-12-10"), "parquet", buf)
    recs = list(es.iter_story_records(store.conn, es.StoryQuery(limit=None), as_of="2024-12-10"))
    rows = pq.read_table(io.BytesIO(buf.getvalue())).to_pylist()
    assert st.written == len(recs) == len(rows)
    for row, rec in zip(rows, recs):
        assert json.loads(row.pop("record")) == rec
        assert row == flatten(rec)
