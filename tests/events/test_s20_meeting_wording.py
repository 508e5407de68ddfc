"""s20: French "se sont réunis à Paris" (passé composé) is a meeting, "réunis en sommet" stays the summit; Spanish
"recibió en el Palacio Real al presidente" a meeting; Russian "прибыл" is a past tense."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _main(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e.get("main"))


@pytest.mark.parametrize("lang,text,kind,status,sides", [
    ("fr", "Les ministres des Affaires étrangères du Triangle de Weimar se sont réunis à Paris.", "meeting", "occurred",
     ["kb:org/weimar-triangle"]),
    ("es", "El rey Felipe VI recibió en el Palacio Real al presidente de Chile, Gabriel Boric.", "meeting", "occurred",
     ["kb:person/felipe-vi", "kb:person/gabriel-boric"]),
    ("ru", "Министр иностранных дел России Сергей Лавров прибыл в Пхеньян с официальным визитом.", "visit", "occurred",
     ["kb:person/sergey-lavrov"]),
    # guard: met as a summit
    ("fr", "Les dirigeants de l'Union européenne se sont réunis en sommet à Bruxelles.", "summit", "occurred", None),
])
def test_meeting_wording(pipeline, lang, text, kind, status, sides):
    ev = _main(pipeline, text, lang)
    assert (ev["kind"], ev["status"]) == (kind, status)
    if sides is not None:
        assert ev["actors"] == sides
