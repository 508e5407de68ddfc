"""s19 review F1: a summons is a protest only when a foreign envoy is the one summoned, as the verb's object or its
passive subject; other uses of the verbs ("вызвал беспокойство", "convocó elecciones") and a state recalling or
convening its own envoys are no ACCUSE event."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _accuse(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return [e for e in evs if e["type"] == "ACCUSE"]


@pytest.mark.parametrize("lang,text", [
    # the verb in another sense, an envoy elsewhere in the sentence
    ("ru", "Посол Италии в Москве назвал решение вызовом для всей Европы."),
    ("ru", "Посол Бразилии сообщил, что авария вызвала панику в столице."),
    ("ru", "Посол Японии отметил, что ураган вызвал большие разрушения на побережье."),
    ("en", "The ambassador of Canada said the ruling summoned memories of the crisis."),
    ("de", "Der Botschafter Kanadas sagte, die Regierung habe eine Sitzung einbestellt und dann Berlin besucht."),
    ("fr", "L'ambassadeur du Japon a salué la décision; Rome a convoqué un sommet."),
    ("es", "La embajadora de Chile afirmó que el presidente convocó un referéndum en Perú."),
    # a state recalling or convening its own envoys
    ("en", "Poland summoned its ambassador to Hungary back for consultations."),
    ("en", "Macron summoned France's ambassadors to Paris for their yearly meeting."),
    ("ru", "Польша вызвала своего посла в Венгрии на консультации."),
    ("de", "Polen hat seinen Botschafter in Ungarn zu Konsultationen einbestellt."),
    ("fr", "La Pologne a convoqué son ambassadeur en Hongrie pour consultations."),
    ("es", "Polonia convocó a su embajador en Hungría para consultas."),
])
def test_no_summons_of_a_foreign_envoy(pipeline, lang, text):
    assert not _accuse(pipeline, text, lang)


# guards (pass with and without the fix): the summonses the trigger was written for still count
@pytest.mark.parametrize("lang,text,recipient", [
    ("ru", "МИД Польши вызвал венгерского посла.", "kb:country/HU"),
    ("ru", "МИД Польши вызвал в четверг посла Венгрии.", "kb:country/HU"),
    ("ru", "Посол Венгрии в Варшаве был вызван в МИД Польши.", "kb:country/HU"),
    ("en", "Poland summoned the Hungarian chargé d'affaires.", "kb:country/HU"),
    ("en", "The ambassador of Hungary was summoned to the Polish Foreign Ministry.", "kb:country/HU"),
    ("de", "Polen bestellte den ungarischen Botschafter ein.", "kb:country/HU"),
    ("fr", "La Pologne a convoqué l'ambassadeur de Hongrie.", "kb:country/HU"),
    ("fr", "Le Quai d'Orsay a convoqué jeudi l'ambassadeur de Hongrie.", "kb:country/HU"),
    ("es", "Polonia convocó al embajador de Hungría.", "kb:country/HU"),
])
def test_guard_a_foreign_envoy_summoned_still_counts(pipeline, lang, text, recipient):
    evs = _accuse(pipeline, text, lang)
    assert len(evs) == 1 and evs[0]["recipients"] == [recipient], evs
