"""s20: more ways to say that an ambassador was summoned: Russian object-first impersonal "посла X вызвали", a
weekday before the passive verb, a town after "вызвал"; German passives and particle verbs with a long middle."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _summons(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return [e for e in evs if e["type"] == "ACCUSE" and e["kind"] == "other"]


@pytest.mark.parametrize("lang,text,actors,recipient", [
    ("ru", "Вчера посла Польши вызвали в МИД.", [], "kb:country/PL"),
    ("ru", "Посла Литвы в пятницу вызвали в МИД России.", ["kb:country/RU"], "kb:country/LT"),
    ("ru", "Посол Франции Пьер Леви в понедельник был вызван в МИД России.", ["kb:country/RU"], "kb:country/FR"),
    ("ru", "МИД Польши вызвал в Варшаве посла России.", ["kb:country/PL"], "kb:country/RU"),
    ("de", "Der polnische Botschafter wurde nach dem Zwischenfall bei Kaliningrad ins russische Außenministerium "
           "einbestellt.", ["kb:country/RU"], "kb:country/PL"),
    ("de", "Das Auswärtige Amt bestellte den polnischen Botschafter wegen des Zwischenfalls bei Kaliningrad ein.",
     ["kb:country/DE"], "kb:country/PL"),
])
def test_a_summons_in_other_words(pipeline, lang, text, actors, recipient):
    evs = _summons(pipeline, text, lang)
    assert len(evs) == 1
    assert evs[0]["actors"] == actors
    assert evs[0]["recipients"] == [recipient]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Своего посла вызвали в Москву."),  # a recall of one's own envoy
    ("de", "Die Regierung bestellte am Montag ein neues Flugzeug beim Hersteller ein."),
])
def test_guard_no_summons(pipeline, lang, text):
    assert _summons(pipeline, text, lang) == []
