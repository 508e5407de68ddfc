"""Russian organisations, round six (s13, mentions/orgs_ru.py, adj_ru.py, nested_orgs_ru.py): a press service
takes the organisation after it, chambers of a parliament, adjectives of a government's make-up, the armed
services by their abbreviations, a city adjective before an institution word, "кабинет министров" alone,
ИТАР-ТАСС, and the organisation at the end of a knowledge-base organisation's name. Invented sentences,
without natasha."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _doc(text):
    return Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))


def _orgs(linker, text):
    """[(mention text, entity id, nested_in)] of the organisation mentions, in text order."""
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid, m.nested_in) for m in sorted(linker.find(_doc(text), norm), key=lambda m: (m.start, m.end))
            if m.etype in ("organization", "group")]


def _texts(linker, text):
    return {t for t, _e, _n in _orgs(linker, text)}


def test_press_service_takes_an_organisation(linker):
    got = _texts(linker, "Вечером пресс-служба МВД опровергла слухи о задержании.")
    assert "пресс-служба МВД" in got
    got = _texts(linker, "Как уточнили в пресс-службе Минобороны, учения завершены.")
    assert "пресс-службе Минобороны" in got


def test_press_service_of_a_territorial_body_takes_its_region(linker):
    got = _texts(linker, "По данным пресс-службы ГУ МВД по Москве, задержаны двое.")
    assert "пресс-службы ГУ МВД по Москве" in got


def test_press_service_alone_is_no_organisation(linker):
    assert _texts(linker, "Пресс-служба пока не ответила на запрос.") == set()


def test_chamber_of_parliament(linker):
    got = _texts(linker, "Законопроект одобрили депутаты нижней палаты парламента в среду.")
    assert "нижней палаты парламента" in got
    got = _texts(linker, "Решение поддержала верхняя палата парламента Канады.")
    assert "верхняя палата парламента Канады" in got


def test_government_by_its_make_up(linker):
    assert "коалиционное правительство" in _texts(linker, "Партии договорились сформировать коалиционное правительство к осени.")
    assert "техническому правительству" in _texts(linker, "Президент поручил техническому правительству подготовить выборы.")
    assert "Местная полиция" in _texts(linker, "Местная полиция перекрыла улицу до утра.")


def test_adjective_after_a_hyphen_is_part_of_a_compound(linker):
    got = _texts(linker, "Блок получил 40 мест в 200-местном парламенте Латвии.")
    assert "парламенте Латвии" in got
    assert not any("местном" in t for t in got)


def test_cabinet_of_ministers_alone(linker):
    assert "кабинета министров" in _texts(linker, "Заседание кабинета министров перенесли на пятницу.")
    assert "кабинет министров Польши" in _texts(linker, "Вчера кабинет министров Польши утвердил бюджет.")
    # "кабинет" alone is also a room
    assert _texts(linker, "Он вышел из кабинета и закрыл дверь.") == set()


def test_city_adjective_before_an_institution_word(linker):
    got = _texts(linker, "Представители новосибирской мэрии обещали отремонтировать мост.")
    assert "новосибирской мэрии" in got


def test_armed_services_are_common_heads():
    # natasha finds "ВМС"/"ВВС"; as common heads they take a country adjective before them ("французских ВМС")
    from communique.mentions.orgs_ru import common_head

    assert common_head("ВМС") and common_head("ВВС") and common_head("полиции")
    assert not common_head("вдвое") and not common_head("Марс")


def test_itar_tass_is_tass(linker):
    got = _orgs(linker, "Как сообщает ИТАР-ТАСС, переговоры продлятся два дня.")
    assert ("ИТАР-ТАСС", "kb:org/tass", None) in got


def test_organisation_at_the_end_of_a_kb_name_is_nested(linker):
    got = _orgs(linker, "Совет Безопасности ООН соберётся в понедельник.")
    assert ("Совет Безопасности ООН", "kb:org/un-security-council", None) in got
    assert ("ООН", "kb:org/un", "kb:org/un-security-council") in got


def test_nested_organisation_is_no_event_participant(linker):
    text = "Генеральная Ассамблея ООН приняла резолюцию."
    ents = linker.link(_doc(text), normalize(text))
    un = [e for e in ents if e.id == "kb:org/un"]
    assert un and all(s.nested_in == "kb:org/un-general-assembly" for s in un[0].mentions)


def test_senate_alone_but_not_a_senator(linker):
    got = _texts(linker, "Сенат одобрил закон, но сенатор Браун голосовал против.")
    assert "Сенат" in got and not any("сенатор" in t for t in got)
    assert "сенате Канады" in _texts(linker, "Законопроект застрял в сенате Канады.")


def test_national_organisations_in_the_knowledge_base(linker):
    got = {(t, e) for t, e, _n in _orgs(linker, "Решение Банка России обсудили в КПРФ, ЛДПР и РЖД; выпускники МГУ и ФБР тут ни при чём.")}
    assert {("Банка России", "kb:org/bank-of-russia"), ("КПРФ", "kb:org/cprf"), ("ЛДПР", "kb:org/ldpr"),
            ("РЖД", "kb:org/russian-railways"), ("МГУ", "kb:org/moscow-state-university"), ("ФБР", "kb:org/fbi")} <= got
