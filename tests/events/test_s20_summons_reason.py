"""s20: what a summons is about ("over the missile strike on Kyiv", "после атаки беспилотников на Варшаву") is an
event of its own: the summons' sides (the envoy's state, the ministry) are not its sides, and its place is not the
summons' place."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text,typ,actors", [
    ("en", "The Russian ambassador was summoned to the Foreign Office over the missile strike on Kyiv.", "ASSAULT", []),
    # the attacker named inside the reason stays its actor
    ("en", "The Foreign Office summoned the Russian ambassador over the Russian missile strike on Kyiv.", "ASSAULT",
     ["kb:country/RU"]),
    ("en", "The Russian chargé d'affaires was summoned to the State Department after the arrest of two Americans.",
     "COERCE", []),
    ("fr", "L'ambassadeur de Russie a été convoqué au Quai d'Orsay après la frappe sur Odessa.", "ASSAULT", []),
    ("es", "El embajador de Rusia fue convocado al Ministerio de Asuntos Exteriores de España por el ataque contra Kiev.",
     "ASSAULT", []),
])
def test_the_summons_sides_are_not_the_reasons(pipeline, lang, text, typ, actors):
    evs = _events(pipeline, text, lang)
    reason = next(e for e in evs if e["type"] == typ)
    assert reason["actors"] == actors
    assert not any(x.startswith("kb:org/") for x in reason["actors"] + reason["recipients"])
    summons = next(e for e in evs if e["type"] == "ACCUSE")
    assert summons.get("main")


def test_the_reasons_place_is_not_the_summons(pipeline):
    evs = _events(pipeline, "Посол России был вызван в МИД Польши после атаки беспилотников на Варшаву.", "ru")
    summons = next(e for e in evs if e["type"] == "ACCUSE")
    assert summons["location"] is None
    assert summons["actors"] == ["kb:country/PL"] and summons["recipients"] == ["kb:country/RU"]
