"""A feminine pronoun ("she", "она", "sie" with a singular verb, "elle", "ella") never resolves to a man the text marks
as one, and a masculine one never to a woman; a person the text marks with the pronoun's gender ("Ms", "la ministre",
"Außenministerin", a Russian verb in -ла) right before the pronoun comes first."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)
_LAVROV = "kb:person/sergey-lavrov"
_BAERBOCK = "kb:person/annalena-baerbock"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Sergey Lavrov visited Berlin. He was received by Ms. Annalena Baerbock. She signed an agreement on "
           "cooperation."),
    ("ru", "Сергей Лавров посетил Берлин. Его приняла Анналена Бербок. Она подписала соглашение о сотрудничестве."),
    ("de", "Sergej Lawrow besuchte Berlin. Ihn empfing Außenministerin Annalena Baerbock. Sie unterzeichnete ein "
           "Abkommen über Zusammenarbeit."),
    ("fr", "Sergueï Lavrov s'est rendu à Berlin. Il a été reçu par la ministre Annalena Baerbock. Elle a signé un "
           "accord de coopération."),
    ("es", "Serguéi Lavrov visitó Berlín. Fue recibido por la ministra Annalena Baerbock. Ella firmó un acuerdo de "
           "cooperación."),
])
def test_she_is_the_woman_not_the_visitor(pipeline, lang, text):
    signing, = [e for e in _events(pipeline, text, lang) if e["kind"] == "signing"]
    assert signing["actors"] == [_BAERBOCK]


def test_he_is_not_the_woman(pipeline):
    # the frame's actor is a woman ("посетила"); "Он" is the man who came with her
    text = "Мария Захарова посетила Берлин вместе с Сергеем Лавровым. Он подписал соглашение о сотрудничестве."
    signing, = [e for e in _events(pipeline, text, "ru") if e["kind"] == "signing"]
    assert signing["actors"] == [_LAVROV]


def test_she_still_resolves_to_a_woman_who_is_the_frames_actor(pipeline):
    text = "Мария Захарова посетила Берлин вместе с Сергеем Лавровым. Она подписала соглашение о сотрудничестве."
    signing, = [e for e in _events(pipeline, text, "ru") if e["kind"] == "signing"]
    assert signing["actors"] == ["kb:person/maria-zakharova"]


def test_german_sie_with_a_plural_verb_is_still_they(pipeline):
    text = "Sergej Lawrow und Außenministerin Annalena Baerbock trafen sich in Berlin. Sie unterzeichneten ein " \
           "Abkommen über Zusammenarbeit."
    signing, = [e for e in _events(pipeline, text, "de") if e["kind"] == "signing"]
    assert set(signing["actors"]) == {_LAVROV, _BAERBOCK}
