"""Round seven's shortcuts give what the general code gives: the one-member fold, the one-pass export
row, and the consolidation batch's collector threshold (restored after the batch, also on errors)."""

from __future__ import annotations

import copy
import gc
import json
from datetime import date

import pytest

from communique.consolidate import GC_THRESHOLD, consolidate_records, fewer_collections, transaction
from communique.consolidate.engine import _fold, _fold_one, aggregate
from communique.consolidate.synthetic import World, scenario_records, synthetic_records
from communique.export import EXPORT_FIELDS, _fields, export_row
from communique.store import events as es
from communique.store import open_store


def _members():
    out = []
    for records in (scenario_records(), synthetic_records(300, seed=3, world=World(5), start=date(2024, 3, 1), days=60)):
        for rec, text in records:
            for ev in rec["events"]:
                out.append(es.member_of(ev, rec["doc"], text))
    return out


def _odd(m):
    """Variants the synthetic data does not make: missing and repeated values."""
    a = copy.deepcopy(m)
    a.update(kind=None, location="", confidence=None, modality=None, type=None)
    b = copy.deepcopy(m)
    b["actors"] = b["actors"] + b["actors"][:1] + [""]
    b["recipients"] = b["actors"][:1] + b["recipients"]
    b.update(status="unknown", published=None, confidence=1.5)
    c = copy.deepcopy(m)
    c["time"] = {"start": None, "end": None, "granularity": None, "text": None}
    c.update(status="unknown", confidence=-2.0)
    return [a, b, c]


def test_the_one_member_fold_is_the_general_fold():
    members = _members()
    assert len(members) > 300
    for m in members + [x for m in members[:40] for x in _odd(m)]:
        assert _fold_one(m) == _fold([m], {}), m


def test_aggregate_of_one_member_leaves_its_input_alone():
    m = _members()[0]
    before = copy.deepcopy(m)
    members = [m]
    record, _ = aggregate(members, {})
    assert record["sources"] == [before] and record["sources"] is not members and m == before


def _stories(tmp_path):
    s = open_store(tmp_path / "s.db")
    consolidate_records(s.conn, sorted(scenario_records(), key=lambda rt: rt[0]["doc"]["published"]))
    consolidate_records(s.conn, synthetic_records(300, seed=5, world=World(5), start=date(2024, 3, 1), days=60))
    recs = [json.loads(r[0]) for r in s.conn.execute("SELECT record FROM stories")]
    s.close()
    return recs


def _reference(rec):
    f = _fields(rec)
    return [f[n] for n in EXPORT_FIELDS]


def test_the_one_pass_export_row_is_the_field_by_field_row(tmp_path):
    recs = _stories(tmp_path)
    assert any(len(r["sources"]) > 1 for r in recs) and len(recs) > 300
    odd = copy.deepcopy(recs[0])
    odd["actors"] = odd["actors"] + ["kb:person/not-in-entities"]
    odd["entities"].append({"id": "kb:org/x", "type": "organization", "name": "An Org", "country": "FR",
                            "role": None, "wikidata": "Q1", "geonames": None})
    odd["recipients"] = ["kb:org/x"]
    odd["location"] = "gn:42"
    odd["status_history"] = [{"status": "planned", "at": None, "doc": "d1"}, {"status": "planned", "at": "2024-01-02"},
                             {"status": "occurred", "at": "2024-01-05", "doc": None}]
    odd["evidence"] = [{"text": ""}, {"text": "the second quote"}]
    bare = {"id": "s9", "kind": "other", "status": "unknown"}
    for rec in recs + [odd, bare]:
        assert export_row(rec) == _reference(rec)


def test_a_batch_raises_the_collector_threshold_and_restores_it(tmp_path):
    before = gc.get_threshold()
    s = open_store(tmp_path / "t.db")
    with transaction(s.conn):
        assert gc.get_threshold()[0] == max(before[0], GC_THRESHOLD)
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError):
        with transaction(s.conn):
            raise RuntimeError("boom")
    assert gc.get_threshold() == before
    s.close()


def test_a_switched_off_collector_stays_off():
    before = gc.get_threshold()
    try:
        gc.set_threshold(0)
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
