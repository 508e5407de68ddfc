"""A visit made to attend a gathering takes the gathering's organisations; German present tense announces."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 6, 20, tzinfo=timezone.utc)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _events(pipeline: Pipeline, text: str, lang: str) -> list[dict]:
    return pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]


@pytest.mark.parametrize("lang,text,org", [
    ("en", "Foreign Minister Sergey Lavrov will pay a working visit to Astana to take part in the SCO summit.", "kb:org/sco"),
    ("ru", "Сергей Лавров посетит Астану для участия в саммите ШОС.", "kb:org/sco"),
    ("fr", "Le ministre Jean-Noël Barrot se rendra à Bruxelles pour participer au sommet de l'OTAN.", "kb:org/nato"),
    ("es", "El ministro José Manuel Albares viajará a Bruselas para participar en la cumbre de la OTAN.", "kb:org/nato"),
    ("de", "Außenminister Johann Wadephul reist am Montag nach Den Haag, um am NATO-Gipfel teilzunehmen.", "kb:org/nato"),
])
def test_a_visit_to_attend_a_summit_takes_its_organisation(pipeline, lang, text, org):
    visits = [e for e in _events(pipeline, text, lang) if e["kind"] == "visit"]
    assert len(visits) == 1
    assert org in visits[0]["organizations"]
    assert visits[0]["status"] == "planned"


@pytest.mark.parametrize("text", [
    "President Zelenskyy visited Brussels. He took part in the EU summit.",
    "The Chancellor visited Paris, where the EU summit was held.",
])
def test_a_summit_outside_the_visits_purpose_stays_its_own(pipeline, text):
    evs = _events(pipeline, text, "en")
    assert [e["organizations"] for e in evs if e["kind"] == "visit"] == [[]]
    assert any(e["kind"] == "summit" and e["organizations"] == ["kb:org/eu"] for e in evs)


def test_german_present_tense_with_a_weekday_is_ahead(pipeline):
    # "reist am Montag": the coming Monday (23 June), not the last one (16 June)
    evs = _events(pipeline, "Außenminister Johann Wadephul reist am Montag nach Den Haag.", "de")
    assert [(e["kind"], e["status"], e["time"]["start"]) for e in evs] == [("visit", "planned", "2025-06-23")]
    evs = _events(pipeline, "Außenminister Johann Wadephul reiste am Montag nach Den Haag.", "de")
    assert [(e["kind"], e["status"], e["time"]["start"]) for e in evs] == [("visit", "occurred", "2025-06-16")]


@pytest.mark.parametrize("lang,text,place", [
    ("es", "El presidente Pedro Sánchez viajará la próxima semana a China.", "kb:country/CN"),
    ("fr", "Le ministre Jean-Noël Barrot se rendra la semaine prochaine à Moscou.", "gn:524901"),
    ("en", "Secretary Rubio will travel next week to Brussels.", "gn:2800866"),
    ("de", "Bundeskanzler Merz reist am Donnerstag zu Gesprächen nach Paris.", "gn:2988507"),
])
def test_a_trip_with_words_before_its_destination_is_a_visit(pipeline, lang, text, place):
    visits = [e for e in _events(pipeline, text, lang) if e["kind"] == "visit"]
    assert [(v["location"], v["status"]) for v in visits] == [(place, "planned")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Il se rend compte en ce moment à quel point la situation est grave."),
    ("en", "Travel restrictions apply to Brussels."),
])
def test_no_trip_no_visit(pipeline, lang, text):
    assert not any(e["kind"] == "visit" for e in _events(pipeline, text, lang))


@pytest.mark.parametrize("lang,text,host,guest", [
    ("en", "President Macron will travel to China next week, where he will meet Xi Jinping.",
     "kb:person/xi-jinping", "kb:person/emmanuel-macron"),
    ("de", "Bundeskanzler Merz reist nach Peking, wo er mit Xi Jinping zusammentreffen wird.",
     "kb:person/xi-jinping", "kb:person/friedrich-merz"),
])
def test_a_pronoun_in_the_visits_relative_clause_is_the_visitor(pipeline, lang, text, host, guest):
    meetings = [e for e in _events(pipeline, text, lang) if e["kind"] == "meeting"]
    assert len(meetings) == 1 and {host, guest} <= set(meetings[0]["actors"] + meetings[0]["recipients"])


def test_a_named_speaker_before_the_pronoun_is_not_replaced(pipeline):
    # in the visit's own sentence, so that only the "person before the pronoun" test keeps Scholz out
    evs = _events(pipeline, "Olaf Scholz will travel to Paris, where Xi Jinping said he will meet Emmanuel Macron.", "en")
    meetings = [e for e in evs if e["kind"] == "meeting"]
    assert all("kb:person/olaf-scholz" not in e["actors"] + e["recipients"] for e in meetings)


@pytest.mark.parametrize("lang,text,guest,host", [
    ("de", "Bundespräsident Steinmeier wird vom 3. bis 5. Dezember Japan einen Staatsbesuch abstatten.",
     "kb:person/frank-walter-steinmeier", "kb:country/JP"),
    ("de", "Der russische Präsident Wladimir Putin wird China einen Besuch abstatten.",
     "kb:person/vladimir-putin", "kb:country/CN"),
    ("ru", "Президент России Владимир Путин совершит визит в Китай.", "kb:person/vladimir-putin", "kb:country/CN"),
])
def test_a_visits_destination_before_a_final_verb(pipeline, lang, text, guest, host):
    visits = [e for e in _events(pipeline, text, lang) if e["kind"] == "visit"]
    assert [(v["actors"], v["recipients"], v["location"], v["status"]) for v in visits] == [
        ([guest], [host], host, "planned")]


def test_a_proposed_summit_is_ahead_and_no_part_of_the_meeting(pipeline):
    """"proposed to hold a summit in Kyiv in February" (published in November): next February, planned; it was
    the last February, occurred, and then merged into the leaders' meeting of the same document (s18)."""
    evs = _events(pipeline, "President Zelenskyy met with President Ilham Aliyev. The President proposed to hold a "
                            "summit in Kyiv in February.", "en")
    assert [(e["kind"], e["status"], e["time"]["start"]) for e in evs] == [
        ("meeting", "occurred", None), ("summit", "planned", "2026-02-01")]


# review s18: where the new rules must not fire
@pytest.mark.parametrize("lang,text", [
    ("fr", "La Russie se rend coupable de génocide en Ukraine, affirme Kiev."),
    ("de", "Reisen in die Region nach Syrien sind gefährlich, warnt das Auswärtige Amt."),
    ("de", "Die Zahl der Reisen deutscher Politiker nach China steigt."),
    ("es", "El ministro no viajará porque asistirá a la cumbre de la OTAN."),
])
def test_no_trip_no_visit_review(pipeline, lang, text):
    assert not any(e["kind"] == "visit" for e in _events(pipeline, text, lang))


def test_a_summit_discussed_is_not_attended(pipeline):
    evs = _events(pipeline, "Scholz will travel to Brussels next week to discuss the results of the G7 summit with "
                            "Michel.", "en")
    assert [e["organizations"] for e in evs if e["kind"] == "visit"] == [[]]


@pytest.mark.parametrize("lang,text,stranger", [
    ("es", "Sánchez viajará a China la próxima semana. En el foro, Xi Jinping se reunirá con Li Qiang.",
     "kb:person/pedro-sanchez"),
    ("en", "Macron will travel to Germany next week. The president of China said he will meet Scholz on Friday.",
     "kb:person/emmanuel-macron"),
])
def test_a_pronoun_in_another_sentence_is_not_the_visitor(pipeline, lang, text, stranger):
    meetings = [e for e in _events(pipeline, text, lang) if e["kind"] == "meeting"]
    assert meetings and all(stranger not in e["actors"] + e["recipients"] for e in meetings)


def test_a_country_after_a_topic_word_is_no_venue(pipeline):
    evs = _events(pipeline, "Putin held talks with Erdogan on the situation in Syria.", "en")
    assert [e["location"] for e in evs if e["kind"] == "talks"] == [None]
