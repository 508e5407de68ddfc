"""Summoning an ambassador is a formal diplomatic protest: PLOVER ACCUSE, kind `other`, the summoning state the
actor, the envoy's state the recipient, status by tense. A court's or an inquiry's summons is no such event."""

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


@pytest.mark.parametrize("lang,text,actor,recipient,status", [
    ("en", "The ambassador of Azerbaijan was summoned to the Russian Foreign Ministry.",
     "kb:country/RU", "kb:country/AZ", "occurred"),
    ("en", "Germany will summon the Russian ambassador.", "kb:country/DE", "kb:country/RU", "planned"),
    ("ru", "Посол Азербайджана был вызван в МИД России.", "kb:country/RU", "kb:country/AZ", "occurred"),
    ("ru", "МИД России вызвал посла Польши.", "kb:country/RU", "kb:country/PL", "occurred"),
    ("ru", "МИД Армении вызовет посла России.", "kb:country/AM", "kb:country/RU", "planned"),
    # the Federal Office's state is named nowhere in the text: its country (DE) joins the record (s20)
    ("de", "Der Botschafter von Aserbaidschan wurde ins Auswärtige Amt einbestellt.",
     "kb:country/DE", "kb:country/AZ", "occurred"),
    ("de", "Das Auswärtige Amt bestellte den russischen Botschafter ein.",
     "kb:country/DE", "kb:country/RU", "occurred"),
    ("fr", "L'ambassadeur d'Azerbaïdjan a été convoqué au Quai d'Orsay.", "kb:country/FR", "kb:country/AZ",
     "occurred"),
    ("es", "El ministro de Asuntos Exteriores de España convocará al embajador de Venezuela.", "kb:country/ES",
     "kb:country/VE", "planned"),
])
def test_a_summoned_ambassador_is_a_protest(pipeline, lang, text, actor, recipient, status):
    evs = _events(pipeline, text, lang)
    assert [(e["type"], e["kind"], e["mode"]) for e in evs] == [("ACCUSE", "other", None)], evs
    ev = evs[0]
    assert ev["actors"] == [actor]
    assert ev["recipients"] == [recipient]
    assert ev["status"] == status


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le ministère des Affaires étrangères a convoqué l'ambassadeur de Russie."),
    ("es", "El embajador de Azerbaiyán fue convocado al Ministerio de Asuntos Exteriores."),
])
def test_the_envoys_state_without_a_known_summoner(pipeline, lang, text):
    ev, = _events(pipeline, text, lang)
    assert (ev["type"], ev["kind"], ev["status"]) == ("ACCUSE", "other", "occurred")
    assert len(ev["recipients"]) == 1 and ev["recipients"][0] in ("kb:country/RU", "kb:country/AZ")


@pytest.mark.parametrize("lang,text", [
    ("en", "The court summoned the former ambassador to testify."),
    ("en", "The head of the company was summoned by prosecutors."),
    ("ru", "Бывший посол вызван на допрос в прокуратуру."),
    ("ru", "Лавров вызвал недовольство Запада."),
    ("ru", "Слова посла Польши вызвали возмущение в Москве."),  # to cause, with an envoy near
    ("fr", "L'ambassadeur a été convoqué comme témoin par le juge."),
    ("es", "El embajador fue convocado a declarar ante el juez."),
])
def test_a_court_summons_is_no_protest(pipeline, lang, text):
    assert not [e for e in _events(pipeline, text, lang) if e["type"] == "ACCUSE"]


@pytest.mark.parametrize("lang,text,typ", [
    ("fr", "Le syndicat a convoqué une grève générale.", "PROTEST"),
    ("es", "Los sindicatos convocaron una huelga contra la reforma.", "MOBILIZE"),
])
def test_calling_a_strike_stays_what_it_was(pipeline, lang, text, typ):
    assert [e["type"] for e in _events(pipeline, text, lang)] == [typ]
