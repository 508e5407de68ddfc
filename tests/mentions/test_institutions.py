"""A country's foreign ministry named by the country (mentions/institutions.py): one organisation mention over the
phrase, the knowledge base's ministry where it lists one, else one ``new:`` id per country in every language;
the country mention inside is flagged ``nested_in``."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize

_DAY = datetime(2025, 3, 3, tzinfo=timezone.utc)
TURKEY_MFA = "new:organization/ministry-of-foreign-affairs-of-turkiye"


def _found(linker, text: str, lang: str) -> list[tuple[str, str, str | None]]:
    d = Document(id="t", text=text, source="test", lang=lang, published=_DAY)
    n = normalize(text)
    return [(n.text[m.start:m.end], m.eid, m.nested_in) for m in linker.find(d, n)]


@pytest.mark.parametrize("lang, text, phrase", [
    ("en", "The Turkish Foreign Ministry summoned the Swedish envoy on Monday.", "Turkish Foreign Ministry"),
    ("en", "Turkey's Foreign Ministry summoned the Swedish envoy on Monday.", "Turkey's Foreign Ministry"),
    ("en", "A note from the Ministry of Foreign Affairs of Turkey arrived on Monday.", "Ministry of Foreign Affairs of Turkey"),
    ("de", "Das türkische Außenministerium bestellte am Montag den schwedischen Gesandten ein.", "türkische Außenministerium"),
    ("de", "Ein Sprecher des Außenministeriums der Türkei äußerte sich am Montag.", "Außenministeriums der Türkei"),
    ("fr", "Le ministère turc des Affaires étrangères a convoqué lundi l'envoyé suédois.", "ministère turc des Affaires étrangères"),
    ("es", "El Ministerio de Asuntos Exteriores de Turquía convocó el lunes al enviado sueco.", "Ministerio de Asuntos Exteriores de Turquía"),
    ("ru", "МИД Турции в понедельник вызвал шведского посланника.", "МИД Турции"),
    ("ru", "Турецкий МИД в понедельник вызвал шведского посланника.", "Турецкий МИД"),
])
def test_one_ministry_per_country_in_every_language(linker, lang, text, phrase):
    found = _found(linker, text, lang)
    assert (phrase, TURKEY_MFA, None) in found
    inside = [(s, n) for s, e, n in found if e == "kb:country/TR"]
    assert inside and all(n == TURKEY_MFA for _s, n in inside)  # the country inside is flagged, not lost


def test_the_knowledge_base_ministry_is_used_where_listed(linker):
    assert ("Ministerio de Exteriores ruso", "kb:org/mfa-russia", None) in _found(
        linker, "El Ministerio de Exteriores ruso convocó el lunes al enviado sueco.", "es")
    # a known name covering the phrase stays as it was
    assert ("МИД России", "kb:org/mfa-russia", None) in _found(linker, "МИД России вызвал посланника.", "ru")


def test_a_listed_ministry_is_found_by_its_country(linker):
    # the knowledge base tags its foreign ministries (organizations.yaml ``institution``): one id per country
    assert ("Foreign Ministry of France", "kb:org/quai-dorsay", None) in _found(
        linker, "A note from the Foreign Ministry of France arrived on Monday.", "en")
    assert ("Britain's Foreign Ministry", "kb:org/uk-fcdo", None) in _found(
        linker, "Britain's Foreign Ministry summoned the envoy on Monday.", "en")


def test_no_ministry_without_its_frame(linker):
    found = _found(linker, "Turkish officials met the Foreign Minister of Sweden on Monday.", "en")
    assert not any(e.startswith("new:organization/ministry") for _s, e, _n in found)


@pytest.mark.parametrize("lang, text, phrase, eid", [
    ("en", "The Russian Embassy in Washington denied the report on Monday.", "Russian Embassy",
     "new:organization/embassy-of-russia-in-united-states"),
    ("ru", "Посольство России в США в понедельник опровергло сообщение.", "Посольство России",
     "new:organization/embassy-of-russia-in-united-states"),
    ("de", "Die russische Botschaft in Berlin wies den Bericht am Montag zurück.", "russische Botschaft",
     "new:organization/embassy-of-russia-in-germany"),
    ("fr", "L'ambassade de Russie en France a démenti lundi.", "ambassade de Russie",
     "new:organization/embassy-of-russia-in-france"),
    ("es", "La Embajada de Rusia en Madrid lo negó el lunes.", "Embajada de Rusia",
     "new:organization/embassy-of-russia-in-spain"),
])
def test_an_embassy_is_named_by_its_country_and_host(linker, lang, text, phrase, eid):
    assert (phrase, eid, None) in _found(linker, text, lang)


def test_an_embassy_without_a_host_is_the_country_s_embassy(linker):
    assert ("Russian Embassy", "new:organization/embassy-of-russia", None) in _found(
        linker, "The Russian Embassy denied the report on Monday.", "en")


def test_data_sets_without_nesting_score_the_country_not_the_description(linker):
    # GermEval tags "russische" LOCderiv and "Botschaft" O; "Türkei" inside "Außenministeriums der Türkei" is LOC
    from communique.evaluation.ner import GoldDoc, predict

    text = "Ein Sprecher des Außenministeriums der Türkei und die russische Botschaft in Berlin widersprachen."
    pred, _ = predict(linker, GoldDoc("t", text, "de"), tokens=True, nested=False)
    assert not any(t == "ORG" for _s, _e, t in pred)
    assert (text.index("Türkei"), text.index("Türkei") + 6, "LOC") in pred
    # NEREL and factRuEval nest: the ministry is an organisation there, and the country inside it too
    text_ru = "МИД Турции и посольство России в Берлине возразили."
    pred_ru, _ = predict(linker, GoldDoc("t", text_ru, "ru"), nested=True)
    assert (0, len("МИД Турции"), "ORG") in pred_ru and (4, 10, "LOC") in pred_ru


@pytest.mark.parametrize("lang, text, wrong", [
    ("ru", "В ответ на заявление Турции МИД России выразил протест.", "new:organization/ministry-of-foreign-affairs-of-turkiye"),
    ("ru", "В Турции посольство России призвало к спокойствию.", "new:organization/embassy-of-turkiye"),
    ("en", "After talks in Turkey embassy staff left the city.", "new:organization/embassy-of-turkiye"),
    ("de", "Die Botschaft Russlands an den Westen ist klar.", "new:organization/embassy-of-russia"),
])
def test_a_country_name_next_to_the_noun_is_not_always_its_institution(linker, lang, text, wrong):
    # a country's name before "МИД"/"embassy" belongs to the clause before; German "Botschaft ... an" is a message
    assert not any(e.startswith(wrong) for _s, e, _n in _found(linker, text, lang))


def test_the_cached_institution_index_is_the_one_built_from_the_records(linker):
    from communique.kb.build import institution_index

    kb = linker.kb
    assert kb._institution_index == institution_index(kb.entities)
    assert kb._institution_index[("foreign_ministry", "RU")] == "kb:org/mfa-russia"
