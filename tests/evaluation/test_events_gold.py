"""Quality gate: PLOVER type, mode, source and target of the main event on our own gold sentences.

``tests/fixtures/events/plover_{en,de,fr,ru,es}.jsonl`` (286 sentences, written before the lexicons
were tuned on them: development data) and ``heldout/plover_*.jsonl`` (100 sentences written after
tuning; first run before any fix from them). Measured with ``communique eval events --part gold``
(see docs/events.md); floors slightly below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


@pytest.fixture(scope="module")
def pipeline():
    from communique.pipeline import Pipeline

    return Pipeline()


def test_gold_files_cover_every_plover_type():
    from communique.evaluation.events import read_gold

    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}
    en = read_gold(FIXTURES / "plover_en.jsonl")
    assert len(en) >= 120 and {r["type"] for r in en} == types
    for lang in ("de", "fr", "ru", "es"):
        rows = read_gold(FIXTURES / f"plover_{lang}.jsonl")
        assert len(rows) >= 30 and {r["type"] for r in rows} == types


def test_gold_development_floor(pipeline):
    from communique.evaluation.events import default_gold_paths, eval_gold

    r = eval_gold(default_gold_paths(), pipeline)["per_lang"]
    assert r["all"]["n"] == 286
    assert r["all"]["type_accuracy"] >= 0.98
    assert r["all"]["mode_accuracy"] >= 0.97
    assert r["all"]["source_accuracy"] >= 0.92
    assert r["all"]["target_accuracy"] >= 0.93
    assert r["all"]["fully_correct"] >= 0.87
    for lang in ("en", "de", "fr", "ru", "es"):
        assert r[lang]["type_accuracy"] >= 0.95 and r[lang]["fully_correct"] >= 0.80, lang


def test_gold_heldout_floor(pipeline):
    from communique.evaluation.events import eval_gold

    r = eval_gold(sorted((FIXTURES / "heldout").glob("plover_*.jsonl")), pipeline)["per_lang"]
    assert r["all"]["n"] == 100
    assert r["all"]["type_accuracy"] >= 0.97
    assert r["all"]["fully_correct"] >= 0.94


def test_score_gold_row_undirected_target():
    """With no direction every participant is an actor (OUTPUT.md): the target may be any actor but the source."""
    from communique.evaluation.events import score_gold_row

    record = {"entities": [{"id": "kb:country/FR", "type": "country", "country": "FR", "name": "France", "mentions": []},
                           {"id": "kb:person/joe-biden", "type": "person", "country": "US", "name": "Joe Biden",
                            "mentions": []}],
              "events": [{"type": "CONSULT", "mode": "phone", "actors": ["kb:country/FR", "kb:person/joe-biden"],
                          "recipients": [], "confidence": 0.9, "trigger": {"start": 0}}]}
    row = {"type": "CONSULT", "mode": "phone", "source": "FR", "target": "US"}
    assert score_gold_row(row, record)["full"]
    assert not score_gold_row({**row, "target": "DE"}, record)["target"]
    assert not score_gold_row({**row, "mode": None}, record)["mode"]
