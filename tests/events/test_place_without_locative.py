"""Without a locative word, a place of no country (a continent in a minister's title) is no event's place."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.pipeline import Pipeline


def _events(text: str, lang: str) -> list[dict]:
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    return Pipeline(use_natasha=False).process(d)["events"]


def test_europe_in_a_french_ministers_title_is_no_place():
    evs = _events("Le ministre de l'Europe et des Affaires étrangères, Jean-Noël Barrot, s'est entretenu par téléphone "
                  "avec son homologue ukrainien Andrii Sybiha.", "fr")
    assert [(e["kind"], e["location"]) for e in evs] == [("phone_call", None)]


def test_a_continent_after_a_locative_stays_the_place():
    evs = _events("The ministers met in Europe on Monday.", "en")
    assert [(e["kind"], e["location"]) for e in evs] == [("meeting", "gn:6255148")]


def test_a_document_title_starts_after_a_place_or_time():
    """"подписали в Минске договор ...": the treaty's title is not "в Минске договор ..." (s18)."""
    evs = _events("Президенты подписали в Минске договор о гарантиях безопасности.", "ru")
    assert [e["documents"] for e in evs if e["kind"] == "signing"] == [["new:document/dogovor-o-garantiyakh-bezopasnosti"]]
    evs = _events("Министры подписали 5 декабря в Бресте совместное заявление.", "ru")
    assert [e["documents"] for e in evs if e["kind"] == "signing"] == [["new:document/sovmestnoye-zayavleniye"]]


def test_a_place_in_a_statements_content_belongs_to_the_event_there():
    """"condamne l'attaque contre l'ambassade à Kinshasa": the attack was in Kinshasa, not the statement (s18)."""
    evs = _events("La France condamne fermement l'attaque contre l'ambassade à Kinshasa.", "fr")
    assert [e["location"] for e in evs if e["kind"] == "statement"] == [None]
    assert "gn:2314302" in [e["location"] for e in evs if e["kind"] != "statement"]


def test_a_country_after_a_locative_is_where_a_session_is_not_a_side():
    evs = _events("2 декабря Министр иностранных дел Российской Федерации С.В.Лавров примет участие в заседании "
                  "Совета министров иностранных дел государств – членов ОБСЕ на Мальте.", "ru")
    sessions = [e for e in evs if e["kind"] == "session"]
    assert [(s["location"], s["status"]) for s in sessions] == [("kb:country/MT", "planned")]
    assert "kb:country/MT" not in sessions[0]["actors"] + sessions[0]["recipients"]
    assert "kb:person/sergey-lavrov" in sessions[0]["actors"]
