"""s20 item 1: a summons' actor is the summoning state. Where the text names the ministry only ("ins Auswärtige Amt",
"the Foreign Office", "le Quai d'Orsay", "Форин-офис", "el Foreign Office") and no entity of its country, the
country comes from the organisation's ``country`` and joins the record with no mentions (the text names it nowhere),
``found_by: events`` and ``implied_by``: the organisation's id."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)
_SCHEMA = Path(__file__).resolve().parents[2] / ".." / "shared" / "spec" / "extract-output.schema.json"


def _record(pipeline: Pipeline, text: str, lang: str) -> dict:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))


@pytest.mark.parametrize("lang,text,org,actor,recipient", [
    ("de", "Der Botschafter Irans wurde am Dienstag ins Auswärtige Amt einbestellt.",
     "kb:org/german-foreign-office", "kb:country/DE", "kb:country/IR"),
    ("en", "The Iranian chargé d'affaires was summoned to the Foreign Office on Monday.",
     "kb:org/uk-fcdo", "kb:country/GB", "kb:country/IR"),
    ("fr", "Le Quai d'Orsay a convoqué mardi l'ambassadeur d'Algérie.",
     "kb:org/quai-dorsay", "kb:country/FR", "kb:country/DZ"),
    ("ru", "Форин-офис в среду вызвал посла России.", "kb:org/uk-fcdo", "kb:country/GB", "kb:country/RU"),
    ("es", "El Foreign Office convocó el miércoles al embajador de Rusia.",
     "kb:org/uk-fcdo", "kb:country/GB", "kb:country/RU"),
])
def test_the_ministrys_state_is_the_actor(pipeline, lang, text, org, actor, recipient):
    rec = _record(pipeline, text, lang)
    ev = next(e for e in rec["events"] if e["type"] == "ACCUSE")
    assert ev["actors"] == [actor]
    assert ev["recipients"] == [recipient]
    assert ev["organizations"] == [org]
    added = next(e for e in rec["entities"] if e["id"] == actor)
    # nothing in the text is the country's name: no mention, and it says where it comes from
    assert added["type"] == "country" and added["mentions"] == []
    assert added["found_by"] == "events" and added["implied_by"] == org
    assert added["name"] and added["country"] == actor.rsplit("/", 1)[1]
    if _SCHEMA.exists():
        jsonschema.validate(rec, json.loads(_SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang,text,actor", [
    # the country is named: its own entity, nothing added
    ("es", "La Cancillería francesa convocó al embajador de Argelia.", "kb:country/FR"),
    ("ru", "МИД России в пятницу вызвал посла Эстонии.", "kb:country/RU"),
])
def test_guard_a_named_country_is_not_added_again(pipeline, lang, text, actor):
    rec = _record(pipeline, text, lang)
    ev = next(e for e in rec["events"] if e["type"] == "ACCUSE")
    assert ev["actors"] == [actor]
    countries = [e for e in rec["entities"] if e["id"] == actor]
    assert len(countries) == 1 and countries[0]["mentions"] and "implied_by" not in countries[0]
