"""s20: a joint statement issued or adopted is an AGREE adoption of its sides, with the statement as its document
("issued a joint statement", "emitieron una declaración conjunta", "ont publié une déclaration commune",
"veröffentlichten eine gemeinsame Erklärung", "приняли совместное заявление": no event, or a Russian meeting,
before). Also German "trafen sich im ...": a meeting."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _main(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e.get("main"))


@pytest.mark.parametrize("lang,text,sides,doc", [
    ("en", "France and Germany issued a joint statement on Ukraine.", ["kb:country/FR", "kb:country/DE"],
     "new:document/joint-statement-on-ukraine"),
    ("es", "España y Francia emitieron una declaración conjunta sobre Gaza.", ["kb:country/ES", "kb:country/FR"],
     "new:document/declaracion-conjunta-sobre-gaza"),
    ("fr", "La France et l'Allemagne ont publié une déclaration commune sur l'Ukraine.",
     ["kb:country/FR", "kb:country/DE"], "new:document/declaration-commune-sur-l-ukraine"),
    ("de", "Deutschland und Frankreich veröffentlichten eine gemeinsame Erklärung.", ["kb:country/DE", "kb:country/FR"],
     "new:document/gemeinsame-erklarung"),
    ("ru", "Россия и Китай приняли совместное заявление.", ["kb:country/RU", "kb:country/CN"],
     "new:document/sovmestnoye-zayavleniye"),
])
def test_a_joint_statement_issued_is_agreed(pipeline, lang, text, sides, doc):
    ev = _main(pipeline, text, lang)
    assert (ev["type"], ev["kind"], ev["status"]) == ("AGREE", "adoption", "occurred")
    assert ev["actors"] == sides
    assert ev["documents"] == [doc]


@pytest.mark.parametrize("lang,text,kind", [
    ("de", "Die Außen- und Verteidigungsminister Deutschlands und Japans trafen sich im 2+2-Format in Tokio.", "meeting"),
    # guard: receiving a guest is still a meeting
    ("ru", "Владимир Путин принял в Кремле президента Индонезии Прабово Субианто.", "meeting"),
])
def test_meetings(pipeline, lang, text, kind):
    assert _main(pipeline, text, lang)["kind"] == kind
