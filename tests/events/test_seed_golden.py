"""Golden test: the seed announcement, with hand-built mentions and times (the event stage alone)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from communique.evaluation.events import check_seed


@pytest.fixture
def expected(shared):
    return json.loads((shared / "spec" / "seed" / "seed_de.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def schema(shared):
    return json.loads((shared / "spec" / "extract-output.schema.json").read_text(encoding="utf-8"))


def test_seed_record_is_valid(seed_record, schema):
    jsonschema.validate(seed_record, schema)


def test_every_span_is_exact(seed_record, seed_text):
    for ent in seed_record["entities"]:
        for m in ent["mentions"]:
            assert seed_text[m["start"]:m["end"]] == m["text"]
    for ev in seed_record["events"]:
        assert ev["evidence"], ev
        for sp in ev["evidence"]:
            assert 0 <= sp["start"] < sp["end"] <= len(seed_text)
        trig = ev["trigger"]
        assert seed_text[trig["start"]:trig["end"]] == trig["text"]


def test_seed_complete(seed_record, expected):
    result = check_seed(seed_record, expected)
    missing = [i["label"] for i in result["items"] if not i["optional"] and not i["matched_by"]]
    assert not missing
    assert result["occurred_violations"] == []
    assert result["complete"]
    assert result["optional_matched"] >= 2  # the adoption and the 1999 treaty


def test_seed_specifics(seed_record):
    evs = seed_record["events"]
    visit = next(e for e in evs if e["kind"] == "visit")
    assert visit["actors"] == ["kb:person/sergey-lavrov"]
    assert visit["recipients"] == ["kb:country/BY"]
    assert visit["location"] == "gn:629634"
    assert (visit["time"]["start"], visit["time"]["end"]) == ("2024-11-21", "2024-11-22")
    # one visit: "seines Besuchs" and "des Besuchs" are more evidence for it, not new visits
    assert sum(e["kind"] == "visit" for e in evs) == 1
    assert len(visit["evidence"]) >= 3
    council = next(e for e in evs if e["time"]["start"] == "2024-12-01")
    assert council["kind"] == "session" and council["location"] is None
    assert council["organizations"] == ["kb:org/union-state"]
    treaty = next(e for e in evs if e["modality"] == "historical")
    assert treaty["kind"] == "signing" and treaty["status"] == "occurred"
    docs = {e["id"]: e for e in seed_record["entities"] if e["type"] == "document"}
    signing = next(e for e in evs if e["kind"] == "signing" and e["status"] == "planned")
    assert len(signing["documents"]) == 2
    assert all(d in docs for d in signing["documents"])
    assert signing["modality"] == "expected"
    assert not any(e["type"] == "SANCTION" for e in evs)  # "Gegenmaßnahmen" is inside a title


def test_extraction_is_deterministic(seed_text):
    from events.conftest import make_doc, seed_inputs
    from communique.events import EventExtractor
    from communique.normalize import normalize

    outs = []
    for _ in range(2):
        ents, times = seed_inputs(seed_text)
        evs = EventExtractor(["de"]).extract(make_doc(seed_text, "de"), normalize(seed_text), ents, times)
        outs.append([e.to_json() for e in evs])
    assert outs[0] == outs[1]
