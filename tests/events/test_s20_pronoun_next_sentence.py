"""s20: a singular subject pronoun opening the sentence after a visit is the visitor ("Außenministerin Baerbock
besuchte Kiew. Sie traf dort Präsident Selenskyj": the meeting had Zelenskyy alone); a plural "Sie trafen" is not."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _meeting(pipeline: Pipeline, text: str, lang: str) -> dict:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    return next(e for e in evs if e["kind"] in ("meeting", "talks") and e["evidence"][0]["start"] > 0)


@pytest.mark.parametrize("lang,text,visitor,host", [
    ("de", "Außenministerin Baerbock besuchte Kiew. Sie traf dort Präsident Selenskyj.", "kb:person/annalena-baerbock",
     "kb:person/volodymyr-zelenskyy"),
    ("en", "Kaja Kallas arrived in Kyiv on Monday. She met President Zelenskyy.", "kb:person/kaja-kallas",
     "kb:person/volodymyr-zelenskyy"),
    # ru, es: guards, right before too (talks or a meeting "with X" in a visit's frame take the visitor)
    ("ru", "Сергей Лавров прибыл в Пекин. Он провёл переговоры с Ван И.", "kb:person/sergey-lavrov",
     "kb:person/wang-yi"),
    ("fr", "Jean-Noël Barrot s'est rendu à Kiev. Il a rencontré le président Volodymyr Zelensky.",
     "kb:person/jean-noel-barrot", "kb:person/volodymyr-zelenskyy"),
    ("es", "Albares viajó a Rabat. Él se reunió con Nasser Bourita.", "kb:person/jose-manuel-albares",
     "kb:person/nasser-bourita"),
])
def test_the_pronoun_opening_the_next_sentence_is_the_visitor(pipeline, lang, text, visitor, host):
    ev = _meeting(pipeline, text, lang)
    assert visitor in ev["actors"] + ev["recipients"]
    assert host in ev["actors"] + ev["recipients"]


def test_guard_a_plural_sie_is_not_one_visitor(pipeline):
    ev = _meeting(pipeline, "Baerbock und Sikorski besuchten Kiew. Sie trafen dort Präsident Selenskyj.", "de")
    assert "kb:person/annalena-baerbock" not in ev["actors"] + ev["recipients"]
