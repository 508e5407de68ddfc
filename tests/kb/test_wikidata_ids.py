"""Wikidata ids in the knowledge base: well formed, one entity each, place ids from their table."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from communique.kb import load_kb
from communique.kb.build import DATA_DIR, KBData, _apply_place_wikidata, _tsv


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_ids_are_well_formed_and_name_one_thing(kb):
    by_id: dict[str, set[str]] = defaultdict(set)
    for eid, ent in kb.entities.items():
        q = ent.get("wikidata")
        if q:
            assert re.fullmatch(r"Q[1-9]\d*", q), (eid, q)
            by_id[q].add(ent["name"])
    # Two entities may share an id only when they are the same thing under one name (a
    # disputed territory listed both as a territory and as a region).
    shared = {q: names for q, names in by_id.items() if len(names) > 1}
    assert not shared


def test_every_place_wikidata_row_names_an_entity(kb):
    rows = _tsv(DATA_DIR / "place_wikidata.tsv")
    assert len(rows) > 50
    for row in rows:
        ent = kb.entities.get(row["entity"])
        assert ent is not None, row
        assert ent["wikidata"] == row["wikidata"]


def test_capitals_carry_their_ids(kb):
    assert kb.entities["gn:524901"]["wikidata"] == "Q649"  # Moscow
    assert kb.entities["kb:org/state-duma"]["wikidata"] == "Q715641"


def test_user_table_overrides_place_ids(tmp_path):
    (tmp_path / "place_wikidata.tsv").write_text("# a comment line\nentity\twikidata\tname\ngn:1\tQ42\tx\ngn:404\tQ7\ty\n",
                                                  encoding="utf-8")
    data = KBData()
    data.entities["gn:1"] = {"id": "gn:1", "name": "x", "wikidata": None}
    _apply_place_wikidata(data, [DATA_DIR, tmp_path])
    assert data.entities["gn:1"]["wikidata"] == "Q42"
    assert "gn:404" not in data.entities  # rows for unknown entities are ignored, not created
