"""s20: the target of a directed act named after a word of direction ("a", "to", "à", "на") is no place: "impuso
sanciones a Venezuela", "sent humanitarian aid to Myanmar" happen to Venezuela and Myanmar, not in them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _main(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e.get("main"))


@pytest.mark.parametrize("lang,text,typ,actor,recipient", [
    ("es", "Estados Unidos impuso sanciones a Venezuela el martes.", "SANCTION", "kb:country/US", "kb:country/VE"),
    ("en", "Japan sent humanitarian aid to Myanmar.", "AID", "kb:country/JP", "kb:country/MM"),
    ("ru", "Россия направила гуманитарную помощь на Кубу.", "AID", "kb:country/RU", "kb:country/CU"),
])
def test_a_target_after_a_word_of_direction_is_no_place(pipeline, lang, text, typ, actor, recipient):
    ev = _main(pipeline, text, lang)
    assert ev["type"] == typ
    assert (ev["actors"], ev["recipients"]) == ([actor], [recipient])
    assert ev["location"] is None


@pytest.mark.parametrize("lang,text,location", [
    # a meeting's country after "in" (no town named) is still where it is; so is the country where fighting is
    ("en", "Russia launched missile strikes in Ukraine.", "kb:country/UA"),
    ("en", "Sergey Lavrov met Antonio Tajani in Malta.", "kb:country/MT"),
    ("ru", "Сергей Лавров встретился с Антонио Таяни на Мальте.", "kb:country/MT"),
])
def test_guard_a_meetings_or_a_strikes_country_stays_its_place(pipeline, lang, text, location):
    assert _main(pipeline, text, lang)["location"] == location
