"""A small place's id keeps resolving after the bounded LRU dropped its record (one document that
names more small places than the LRU keeps): ``kb.entities`` makes the record again from the table."""

from __future__ import annotations

import pytest

import communique.kb as kbmod
from communique.kb import load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_evicted_small_place_resolves(kb, monkeypatch):
    monkeypatch.setattr(kbmod, "_SMALL_KEEP", 1)
    a = kb.small_places("mckee")
    assert "gn:4300339" in a
    rec = dict(kb.entities["gn:4300339"])
    b = kb.small_places("hinton")
    assert b and "gn:4300339" not in kb._small_made  # dropped from the LRU ...
    # ... yet it resolves, by [], get() and in, to the same record
    assert kb.entities["gn:4300339"] == rec
    assert kb.entities.get("gn:4300339") == rec and "gn:4300339" in kb.entities
    assert len(kb._small_made) == 1  # still bounded


def test_unknown_ids_still_missing(kb):
    assert kb.entities.get("gn:999999999") is None and "gn:999999999" not in kb.entities
    with pytest.raises(KeyError):
        kb.entities["gn:999999999"]
    with pytest.raises(KeyError):
        kb.entities["kb:person/no-such-person"]


def test_every_record_of_the_table_can_be_made_again(kb):
    # the first, a middle and the last record of the table, whatever separator stands before them
    text = kb.small
    lines = [text[:text.index("\n")], text[len(text) // 2:].split("\n")[1], text.rstrip("\n").rsplit("\n", 1)[-1]]
    for line in lines:
        key, packed = line.split("\t")
        for raw in packed.split(";"):
            eid = "gn:" + raw.split("|")[0]
            ids = kb.small_places(key)
            assert eid in ids
            assert kb._small_by_id(eid) == kbmod._small_record(raw)
