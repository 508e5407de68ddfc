"""A country named as the topic of talks ("on the situation in Syria") is neither a side nor the venue: it goes
to the event's ``topics``."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text,topic", [
    ("en", "Vladimir Putin held talks with Recep Tayyip Erdogan on the situation in Syria.", "kb:country/SY"),
    ("en", "Sergey Lavrov and Hakan Fidan held talks on the Syrian settlement.", "kb:country/SY"),
    ("en", "Sergey Lavrov and Hakan Fidan held talks on Syria.", "kb:country/SY"),
    ("ru", "Владимир Путин провёл переговоры с Реджепом Тайипом Эрдоганом о ситуации в Сирии.", "kb:country/SY"),
    ("ru", "Сергей Лавров провёл переговоры с Хаканом Фиданом по сирийскому урегулированию.", "kb:country/SY"),
    ("ru", "Сергей Лавров встретился с Ван И. Стороны обсудили ситуацию вокруг Ирана.", "kb:country/IR"),
    ("de", "Wladimir Putin führte Gespräche mit Erdogan über die Lage in Syrien.", "kb:country/SY"),
    ("de", "Johann Wadephul traf sich mit Hakan Fidan zu Gesprächen über Syrien.", "kb:country/SY"),
    ("fr", "Emmanuel Macron s'est entretenu avec Erdogan sur la situation en Syrie.", "kb:country/SY"),
    ("fr", "Jean-Noël Barrot s'est entretenu avec Hakan Fidan sur le conflit ukrainien.", "kb:country/UA"),
    ("es", "José Manuel Albares se reunió con Hakan Fidan sobre la situación en Siria.", "kb:country/SY"),
    ("es", "José Manuel Albares se reunió con Hakan Fidan sobre el conflicto ucraniano.", "kb:country/UA"),
])
def test_a_country_named_as_the_topic_is_no_side(pipeline, lang, text, topic):
    evs = [e for e in _events(pipeline, text, lang) if e["type"] == "CONSULT"]
    assert len(evs) == 1, evs
    ev = evs[0]
    assert topic not in ev["actors"] + ev["recipients"]
    assert ev["location"] != topic
    assert ev["topics"] == [topic]
    assert len(ev["actors"] + ev["recipients"]) == 2  # the two people


def test_coordinated_topic_countries_and_no_venue(pipeline):
    ev, = _events(pipeline, "Sergey Lavrov and Hakan Fidan held talks on the situation in Syria and Libya.", "en")
    assert ev["topics"] == ["kb:country/SY", "kb:country/LY"]
    assert ev["location"] is None
    assert set(ev["actors"]) == {"kb:person/sergey-lavrov", "kb:person/hakan-fidan"}


def test_a_place_in_a_topic_phrase_is_no_venue(pipeline):
    ev, = _events(pipeline, "Sergey Lavrov and Hakan Fidan held talks on the situation around Gaza.", "en")
    assert ev["location"] is None
    assert ev["topics"] == ["kb:country/GAZA"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Sergey Lavrov held talks with Hakan Fidan in Ankara."),
    ("ru", "Сергей Лавров провёл переговоры с Хаканом Фиданом в Анкаре."),
])
def test_talks_with_no_topic_keep_their_venue_and_no_topics(pipeline, lang, text):
    ev, = [e for e in _events(pipeline, text, lang) if e["kind"] == "talks"]
    assert ev["location"] is not None
    assert "topics" not in ev


def test_a_bare_preposition_does_not_hide_a_directed_events_target(pipeline):
    # "complained about X": X is the target of the complaint, not its topic
    evs = _events(pipeline, "Armenia complained to the United Nations about Azerbaijani shelling.", "en")
    accuse = [e for e in evs if e["type"] == "ACCUSE"]
    assert accuse and accuse[0]["recipients"] == ["kb:country/AZ"]
