"""s19 review F1b: a place inside the visitor's title ("Mayor of Kharkiv Ihor Terekhov") is neither the venue nor the
destination of the visit, and a trip is no trip at home when the visit verb names its destination."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)
_VIENNA, _LVIV, _ODESA, _ROME = "gn:2761369", "gn:702550", "gn:698740", "gn:3169070"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _visits(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return [e for e in evs if e["kind"] == "visit"]


@pytest.mark.parametrize("lang,text,title_place,destination", [
    ("en", "Mayor of Lviv Andriy Sadovyi visited Vienna.", _LVIV, _VIENNA),
    ("en", "Lviv Mayor Andriy Sadovyi visited Vienna.", _LVIV, _VIENNA),
    ("ru", "Бургомистр Одессы Геннадий Труханов посетил Рим.", _ODESA, _ROME),
    ("ru", "Губернатор Одесской области Олег Кипер посетил Рим.", "kb:place/odesa-oblast", _ROME),
    ("de", "Der Bürgermeister von Lwiw Andrij Sadowyj besuchte Wien.", _LVIV, _VIENNA),
    ("fr", "Le maire de Lviv Andriï Sadovy a visité Vienne.", _LVIV, _VIENNA),
    ("es", "El alcalde de Leópolis Andriy Sadovyi visitó Viena.", _LVIV, _VIENNA),
])
def test_the_place_in_the_visitors_title_is_no_destination(pipeline, lang, text, title_place, destination):
    evs = _visits(pipeline, text, lang)
    assert evs, text
    for ev in evs:
        assert title_place not in ev["recipients"] and ev["location"] != title_place, ev
    assert any(ev["location"] == destination for ev in evs), evs


def test_the_verbs_destination_wins_over_a_place_named_before(pipeline):
    evs = _visits(pipeline, "Ukrainian President Zelenskyy, in Odesa on Monday, later visited Rome.", "en")
    assert [(ev["actors"], ev["location"]) for ev in evs] == [(["kb:person/volodymyr-zelenskyy"], _ROME)], evs
