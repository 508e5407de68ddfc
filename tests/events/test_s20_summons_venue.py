"""s20 item 2: a summons happens at the summoning ministry. Its place is a town named after a locative word, of the
summoning state where that is known; no other place of the sentence (a name the linker took for a town, the place
of the incident the summons is about), and no such place is the summoner either."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _summons(pipeline: Pipeline, text: str, lang: str) -> dict:
    rec = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))
    return next(e for e in rec["events"] if e["type"] == "ACCUSE" and e["kind"] == "other")


@pytest.mark.parametrize("lang,text,actors,recipient", [
    # "Леви" is linked to Lévis (Quebec): a person's name, not where the summons was
    ("ru", "Посол Франции Пьер Леви был вызван в МИД России.", ["kb:country/RU"], "kb:country/FR"),
    ("ru", "Посол Польши был вызван в МИД России после инцидента под Калининградом.", ["kb:country/RU"],
     "kb:country/PL"),
    ("en", "The Polish ambassador was summoned to the Russian Foreign Ministry after the Kaliningrad incident.",
     ["kb:country/RU"], "kb:country/PL"),
    # the incident's place is neither the venue nor the summoner
    ("de", "Polens Botschafter wurde nach Vorfällen bei Kaliningrad einbestellt.", [], "kb:country/PL"),
    ("fr", "L'ambassadeur de Pologne a été convoqué au ministère russe des Affaires étrangères après l'incident de "
           "Kaliningrad.", ["kb:country/RU"], "kb:country/PL"),
    ("es", "El embajador de Polonia fue convocado al Ministerio de Asuntos Exteriores de Rusia tras el incidente de "
           "Kaliningrado.", ["kb:country/RU"], "kb:country/PL"),
])
def test_no_venue_from_a_place_that_is_not_where_the_summons_was(pipeline, lang, text, actors, recipient):
    ev = _summons(pipeline, text, lang)
    assert ev["location"] is None
    assert ev["actors"] == actors
    assert ev["recipients"] == [recipient]


@pytest.mark.parametrize("lang,text,location", [
    ("en", "The Russian ambassador was summoned to the Foreign Ministry in Warsaw on Friday.", "gn:756135"),
    ("de", "Der russische Botschafter wurde in Berlin ins Auswärtige Amt einbestellt.", "gn:2950159"),
    ("fr", "L'ambassadeur de Russie a été convoqué à Paris au Quai d'Orsay.", "gn:2988507"),
    ("es", "El embajador de Rusia fue convocado en Madrid al Ministerio de Asuntos Exteriores de España.", "gn:3117735"),
    ("ru", "Посол Эстонии в Москве был вызван в МИД России.", "gn:524901"),
])
def test_guard_the_ministrys_town_named_after_a_locative_is_kept(pipeline, lang, text, location):
    assert _summons(pipeline, text, lang)["location"] == location
