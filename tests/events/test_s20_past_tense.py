"""s20: irregular and short past forms are past-tense cues: "sent humanitarian aid", "ввёл санкции", "verhängte
neue Sanktionen", "mantuvo una conversación telefónica" were of unknown status in a text with no other cue."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _main(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e.get("main"))


@pytest.mark.parametrize("lang,text,typ,status", [
    ("en", "Japan sent humanitarian aid to Myanmar.", "AID", "occurred"),
    ("ru", "Евросоюз ввёл новые санкции против России.", "SANCTION", "occurred"),
    ("de", "Die Europäische Union verhängte neue Sanktionen gegen den Iran.", "SANCTION", "occurred"),
    ("de", "Deutschland lieferte Waffen in die Ukraine.", "AID", "occurred"),
    ("es", "El ministro José Manuel Albares mantuvo una conversación telefónica con su homólogo francés Jean-Noël "
           "Barrot.", "CONSULT", "occurred"),
    # guards: the future stays planned
    ("en", "Japan will send humanitarian aid to Myanmar.", "AID", "planned"),
    ("es", "Albares mantendrá una conversación telefónica con Jean-Noël Barrot.", "CONSULT", "planned"),
])
def test_past_forms_give_the_status(pipeline, lang, text, typ, status):
    ev = _main(pipeline, text, lang)
    assert (ev["type"], ev["status"]) == (typ, status)
