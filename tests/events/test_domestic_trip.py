"""A leader's trip inside their own country: the visitor is the actor and the place visited the recipient (the
visitor used to be put among the hosts, as a person of the host country)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _visits(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return [e for e in evs if e["kind"] == "visit"]


@pytest.mark.parametrize("lang,text,who", [
    ("en", "President Volodymyr Zelenskyy made a working trip to the Donetsk region.", "kb:person/volodymyr-zelenskyy"),
    ("en", "During a working trip to the Donetsk region, President Volodymyr Zelenskyy met with the military.",
     "kb:person/volodymyr-zelenskyy"),
    ("ru", "Президент Владимир Путин посетил Курскую область.", "kb:person/vladimir-putin"),
    ("de", "Bundeskanzler Friedrich Merz besuchte am Montag Hamburg.", "kb:person/friedrich-merz"),
    ("fr", "Le président Emmanuel Macron s'est rendu à Marseille lundi.", "kb:person/emmanuel-macron"),
    ("es", "El presidente Pedro Sánchez visitó Sevilla el lunes.", "kb:person/pedro-sanchez"),
])
def test_a_trip_at_home_has_the_visitor_as_actor(pipeline, lang, text, who):
    visit, = _visits(pipeline, text, lang)
    assert visit["actors"] == [who]
    assert visit["recipients"] == [visit["location"]]
    assert visit["location"] is not None


def test_a_visit_abroad_is_unchanged(pipeline):
    visit, = _visits(pipeline, "Chancellor Olaf Scholz visited Paris on Monday.", "en")
    assert visit["actors"] == ["kb:person/olaf-scholz"]
    assert visit["recipients"] == [visit["location"]]
