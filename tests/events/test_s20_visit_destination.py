"""s20: a visit's destination is first a country after a locative word ("visitó a las tropas españolas en Letonia":
Latvia, not the adjective "españolas"); German compound consultations ("Regierungskonsultationen") are talks."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _main(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e.get("main"))


@pytest.mark.parametrize("lang,text,location", [
    ("es", "La ministra de Defensa Margarita Robles visitó a las tropas españolas en Letonia.", "kb:country/LV"),
    ("en", "The minister visited Ukrainian soldiers in Poland.", "kb:country/PL"),
    ("en", "Macron visited the German-French brigade in Germany.", "kb:country/DE"),  # guard (passed before)
])
def test_the_country_after_a_locative_is_the_destination(pipeline, lang, text, location):
    ev = _main(pipeline, text, lang)
    assert ev["kind"] == "visit"
    assert ev["location"] == location
    assert location in ev["recipients"] and location not in ev["actors"]


def test_no_destination_from_a_far_adjective(pipeline):
    ev = _main(pipeline, "The President of Ukraine and the Prime Minister of the United Kingdom visited an exhibition of "
                         "destroyed military equipment of the Russian occupiers.", "en")
    assert ev["kind"] == "visit"
    assert ev["location"] is None and "kb:country/RU" not in ev["recipients"]


def test_a_trip_is_one_visit_to_the_region(pipeline):
    # "the Ukrainian military" is no destination: one visit, to the region of the trip
    evs = pipeline.process(Document(id="t", text="During a working trip to the Zaporizhzhia region, President of Ukraine "
                                    "Volodymyr Zelenskyy visited the frontline positions of the Ukrainian military.",
                                    source="test", lang="en", published=_PUB))["events"]
    visits = [e for e in evs if e["kind"] == "visit"]
    assert len(visits) == 1 and visits[0]["recipients"] == ["kb:place/zaporizhzhia-region"]


def test_german_compound_consultations(pipeline):
    ev = _main(pipeline, "Deutschland und Polen vereinbarten regelmäßige Regierungskonsultationen.", "de")
    assert (ev["kind"], ev["actors"]) == ("talks", ["kb:country/DE", "kb:country/PL"])
