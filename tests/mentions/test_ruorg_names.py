"""Russian organisation names, round three (s10, mentions/orgs_ru.py, natasha_ner.py): what natasha
calls an organisation but is none (a station, a venue, a legal form alone, a number opening a title),
person nouns at the start of a span, function adjectives before an institution, a parliament's
convocation, knowledge-base names written with their descriptor, Latin-script organisation words,
compounded names natasha calls persons, a site's domain after a reporting verb. Invented sentences."""

from __future__ import annotations

from communique.kb.build import slug
from communique.mentions.common import Mention, _english_name
from communique.mentions.orgs_ru import latin_orgs, not_org_name, person_noun_lead, venue_name
from mentions.conftest import found_in


def _found(linker, text):
    return found_in(linker, text, "ru")


def _span(text, word):
    s = text.index(word)
    return s, s + len(word)


def test_station_and_telescope_are_facilities():
    text = "Грузовик доставил на МКС оборудование для телескопа Хаббл."
    assert not_org_name(text, *_span(text, "МКС")) == "facility"
    assert not_org_name(text, *_span(text, "Хаббл")) == "facility"


def test_legal_form_without_a_name():
    text = "Потом ПАО отстыковался от станции. Акции ПАО «Северный завод» и ГУ МВД по области."
    assert not_org_name(text, *_span(text, "ПАО")) == "form"
    s = text.index("ПАО «")
    assert not_org_name(text, s, s + 3) is None  # a quoted name follows
    assert not_org_name(text, *_span(text, "ГУ")) is None  # "ГУ МВД": extended later


def test_number_opening_a_quoted_title():
    text = "Читайте колонку «7 причин переехать» и звоните в службу 112."
    assert not_org_name(text, *_span(text, "7")) == "nothing"
    assert not_org_name(text, *_span(text, "112")) is None


def test_venue_after_a_spatial_preposition():
    text = "Концерт пройдёт во Дворце спорта, встреча в Доме журналиста. Издательский дом выпустил альманах."
    assert venue_name(text, *_span(text, "Дворце спорта"))
    assert venue_name(text, *_span(text, "Доме журналиста"))
    assert not venue_name(text, *_span(text, "Издательский дом"))


def test_person_noun_opening_a_span_is_cut():
    text = "Аналитики Центрального банка Чили ошиблись. Врачи без границ помогают."
    s, e = _span(text, "Аналитики Центрального банка Чили")
    assert text[person_noun_lead(text, s, e):e] == "Центрального банка Чили"
    s, e = _span(text, "Врачи без границ")
    assert person_noun_lead(text, s, e) == s


def test_person_noun_alone_before_a_name_is_dropped():
    text = "Замглавы Таможенной службы прибыл."
    s, e = _span(text, "Замглавы")
    assert person_noun_lead(text, s, e) == e
    text = "Коза Ностры боялись все."  # not a person noun by its suffix: kept
    s, e = _span(text, "Коза Ностры")
    assert person_noun_lead(text, s, e) == s


def test_function_adjective_after_a_country_adjective(linker):
    got = _found(linker, "Вечером представитель норвежского дипломатического ведомства вызвал посла.")
    assert ("норвежского дипломатического ведомства", "organization") in got


def test_function_adjective_with_a_complement(linker):
    got = _found(linker, "Заявление подписал глава антимонопольного ведомства Казахстана.")
    assert ("антимонопольного ведомства Казахстана", "organization") in got


def test_convocation_joins_the_parliament(linker):
    got = _found(linker, "Депутаты Государственной думы восьмого созыва приняли закон.")
    assert ("Государственной думы восьмого созыва", "organization") in got


def test_kb_name_with_descriptor_is_cut_to_the_quoted_name(linker):
    got = _found(linker, "Вчера представители движения «Талибан» отвергли предложение.")
    assert any(s == "Талибан" for s, _ in got)
    assert not any(s.startswith("движения") for s, _ in got)


def test_latin_organisation_word_without_any_mention():
    text = "Доклад подготовила Foundation for Open Markets вместе с университетом."
    out = latin_orgs(text, [], Mention, _english_name, slug)
    assert [(text[m.start:m.end], m.etype) for m in out] == [("Foundation for Open Markets", "organization")]


def test_compounded_organisation_names():
    from communique.mentions.orgs_ru import compound_org_name

    for word in ("Облнадзора", "Горстрой", "Техноэкспорту", "Сельхозбанком"):
        assert compound_org_name(word), word
    for word in ("Строев", "Агронов", "Банк", "Иванова"):
        assert not compound_org_name(word), word


def test_domain_after_a_reporting_verb(linker):
    got = _found(linker, "Мост откроют в мае, сообщает gorod-novosti.ru. Короткий адрес ya.ru удобен.")
    assert ("gorod-novosti.ru", "organization") in got
    assert not any(s == "ya.ru" for s, _ in got)
