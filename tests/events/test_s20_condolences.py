"""s20: condolences are sympathy shown to the other side, coded as congratulations are (PLOVER SUPPORT, a
statement): the sender the actor, the people or state addressed the recipient. No meeting."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "Antonio Guterres expressed his condolences to the people of Afghanistan after the earthquake.",
     "kb:person/antonio-guterres", "kb:country/AF"),
    ("ru", "Владимир Путин направил соболезнования президенту Турции Реджепу Тайипу Эрдогану в связи с авиакатастрофой.",
     "kb:person/vladimir-putin", "kb:person/recep-tayyip-erdogan"),
    ("de", "Bundespräsident Frank-Walter Steinmeier kondolierte dem König von Marokko nach dem Erdbeben.",
     "kb:person/frank-walter-steinmeier", "kb:country/MA"),
    ("de", "Merz sprach dem König von Marokko sein Beileid aus.", "kb:person/friedrich-merz", "kb:country/MA"),
    ("fr", "Emmanuel Macron a présenté ses condoléances au peuple marocain après le séisme.",
     "kb:person/emmanuel-macron", "kb:country/MA"),
    ("es", "Pedro Sánchez expresó sus condolencias a Turquía por el terremoto.", "kb:person/pedro-sanchez",
     "kb:country/TR"),
])
def test_condolences_are_support(pipeline, lang, text, actor, recipient):
    evs = _events(pipeline, text, lang)
    main = next(e for e in evs if e.get("main"))
    assert (main["type"], main["kind"], main["status"]) == ("SUPPORT", "statement", "occurred")
    assert main["actors"] == [actor]
    assert main["recipients"] == [recipient]
    assert not any(e["kind"] in ("meeting", "talks", "visit") for e in evs)
