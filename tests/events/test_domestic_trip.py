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


@pytest.mark.parametrize("lang,text", [
    ("en", "President Volodymyr Zelenskyy invited the Federal Chancellor to pay a visit to Ukraine."),
    ("en", "President Volodymyr Zelenskyy renewed his invitation for the King of Jordan to visit Ukraine."),
    ("ru", "Президент Владимир Путин пригласил канцлера посетить Россию."),
    ("ru", "Ваш визит в Москву очень важен, заявил Владимир Путин."),
])
def test_an_invitees_or_addressees_visit_is_no_trip_at_home(pipeline, lang, text):
    for visit in _visits(pipeline, text, lang):
        assert not (visit["recipients"] == [visit["location"]] and visit["actors"]
                    and all(a.startswith("kb:person/") for a in visit["actors"])), visit


@pytest.mark.parametrize("lang,text,visitor,host", [
    ("en", "President Volodymyr Zelenskyy met with Chancellor Olaf Scholz during his visit to Kyiv.",
     "kb:person/olaf-scholz", "kb:person/volodymyr-zelenskyy"),
    ("en", "President Volodymyr Zelenskyy met with Minister of Foreign Affairs of Austria Alexander Schallenberg "
           "during their visit to Kyiv.", "kb:person/alexander-schallenberg", "kb:person/volodymyr-zelenskyy"),
    ("ru", "Владимир Путин встретился с Си Цзиньпином во время его визита в Москву.", "kb:person/xi-jinping",
     "kb:person/vladimir-putin"),
    ("es", "Pedro Sánchez se reunió con Emmanuel Macron durante su visita a París.", "kb:person/pedro-sanchez",
     "kb:person/emmanuel-macron"),
])
def test_his_visit_after_a_meeting_may_be_the_other_sides(pipeline, lang, text, visitor, host):
    visit, = _visits(pipeline, text, lang)
    assert visit["actors"] == [visitor]
    assert host in visit["recipients"]


def test_a_reflexive_visit_stays_the_subjects(pipeline):
    visit, = _visits(pipeline, "Владимир Путин встретился с Си Цзиньпином во время своего визита в Пекин.", "ru")
    assert visit["actors"] == ["kb:person/vladimir-putin"]
    assert "kb:person/xi-jinping" not in visit["recipients"] + visit["actors"]
