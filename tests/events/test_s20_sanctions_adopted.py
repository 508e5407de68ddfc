"""s20: sanctions adopted or approved are a SANCTION, not an AGREE adoption (whose actor was the sanctioned
country: "adopted ... sanctions against Russia" had Russia adopt something)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "The Council of the EU adopted a new package of sanctions against Russia.", "kb:org/eu", "kb:country/RU"),
    ("fr", "Le Conseil de l'Union européenne a adopté de nouvelles sanctions contre la Russie.",
     "kb:org/council-of-the-eu", "kb:country/RU"),
    ("es", "El Consejo de la UE aprobó nuevas sanciones contra Irán.", "new:organization/consejo-de-la-ue",
     "kb:country/IR"),
    ("ru", "Совет ЕС утвердил 19-й пакет санкций против России.", "kb:org/council-of-the-eu", "kb:country/RU"),
    ("de", "Die EU verabschiedete ein neues Sanktionspaket gegen Russland.", "kb:org/eu", "kb:country/RU"),
])
def test_sanctions_adopted_are_a_sanction(pipeline, lang, text, actor, recipient):
    evs = _events(pipeline, text, lang)
    assert not any(e["type"] == "AGREE" for e in evs)
    main = next(e for e in evs if e.get("main"))
    assert main["type"] == "SANCTION"
    assert (main["actors"], main["recipients"]) == ([actor], [recipient])


def test_guard_a_name_between_is_the_sanctioner(pipeline):
    # "approving the EU's sixth sanctions package": the EU sanctions; the verb stays an adoption
    evs = _events(pipeline, "It is good that we see progress in approving the EU's sixth sanctions package.", "en")
    sanction = next(e for e in evs if e["type"] == "SANCTION")
    assert sanction["actors"] == ["kb:org/eu"] and sanction["recipients"] == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'Assemblée nationale a adopté la loi sur les sanctions."),
    ("en", "The parliament adopted the law on sanctions."),
])
def test_guard_a_law_on_sanctions_is_adopted(pipeline, lang, text):
    evs = _events(pipeline, text, lang)
    assert [e["type"] for e in evs if e.get("main")] == ["AGREE"]


# s20 review (F2, F3, F4): lifting sanctions, a resolution condemning them and "sprach mit Blick auf" are no sanction
# and no talks
@pytest.mark.parametrize("lang,text", [
    ("en", "The EU adopted a decision to lift sanctions on Syria."),
    ("es", "La UE aprobó levantar las sanciones del paquete contra Siria."),
    ("fr", "Le Conseil a adopté la levée des sanctions contre la Syrie."),
    ("en", "The General Assembly adopted a resolution condemning the sanctions against Cuba."),
    ("ru", "Генассамблея ООН приняла резолюцию с осуждением санкций против Кубы."),
])
def test_lifting_or_condemning_sanctions_is_no_sanction(lang, text):
    evs = Pipeline(use_natasha=False).process(
        Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc)))["events"]
    assert not [e for e in evs if e["kind"] == "sanction" and e["actors"]]


@pytest.mark.parametrize("text", [
    "Merz sprach mit Blick auf die Ukraine von einer Zeitenwende.",
    "Der Minister sprach am Montag mit Journalisten über die Lage.",
])
def test_german_sprach_mit_blick_is_no_talks(text):
    evs = Pipeline(use_natasha=False).process(
        Document(id="t", text=text, source="test", lang="de", published=datetime(2025, 11, 21, tzinfo=timezone.utc)))["events"]
    assert not [e for e in evs if e["kind"] == "talks"]
