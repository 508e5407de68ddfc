"""Small places are looked up without changing the knowledge base: their records live in a bounded
LRU apart from the built ones, and ``kb.entities`` resolves them while they are there."""

from __future__ import annotations

import pytest

import communique.kb as kbmod
from communique.kb import load_kb
from communique.kb.build import region_abbreviations


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_lookup_does_not_change_the_table(kb):
    n, keys = len(kb.entities), list(kb.entities)[:50]
    ids = kb.small_places("mckee")
    assert "gn:4300339" in ids and kb.small_places("mckee") == ids  # the same answer again
    assert len(kb.entities) == n and list(kb.entities)[:50] == keys  # nothing registered
    assert "gn:4300339" not in dict.keys(kb.entities)
    # ... yet the id resolves, by [], get() and in
    assert kb.entities["gn:4300339"]["name"] == "McKee" and kb.entities.get("gn:4300339")["admin1"] == "KY"
    assert "gn:4300339" in kb.entities
    assert kb.entities.get("gn:no-such-id") is None and kb.entities.get("gn:no-such-id", 1) == 1
    with pytest.raises(KeyError):
        kb.entities["gn:no-such-id"]


def test_the_records_are_bounded(kb, monkeypatch):
    monkeypatch.setattr(kbmod, "_SMALL_KEEP", 1)
    a = kb.small_places("mckee")
    assert a and a[-1] in kb.entities
    b = kb.small_places("hinton")
    assert b and b[-1] in kb.entities and len(kb._small_made) == 1  # the older ones were dropped
    assert kb.small_places("mckee") == a and a[-1] in kb.entities  # and come back with the next lookup


def test_region_abbreviations_are_built_with_the_kb(kb):
    assert kb._place_abbr == region_abbreviations(kb.entities, kb.index)
    assert kb._place_abbr["ky."][:2] == ("US", "KY")
