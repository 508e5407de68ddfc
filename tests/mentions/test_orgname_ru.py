"""New Russian organisations are named in the nominative (mentions/orgname_ru.py)."""

from __future__ import annotations

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.orgname_ru import nominative_org_name
from communique.normalize import normalize


@pytest.mark.parametrize("surface, nominative", [
    ("Северстали", "Северсталь"), ("Интерфаксу", "Интерфакс"), ("Известий", "Известия"),
    ("МегаФону", "МегаФон"),  # the letters shared with the surface keep its case
    ("Газпром", "Газпром"),  # already nominative
    ("Вести", "Вести"), ("Сони", "Сони"), ("Порту", "Порту"),  # a nominative reading: left as written
    ("Роме", "Роме"), ("Альфе", "Альфе"),  # readings with different nominatives (Ром/Рома, Альф/Альфа)
    ("Перекрестка", "Перекресток"),  # no "ё" where the surface has none
    ("Русала", "Русала"),  # unknown to the dictionary: no guess
    ("ХАМАС", "ХАМАС"), ("Совет директоров", "Совет директоров"), ("Yandex", "Yandex"),
])
def test_nominative_org_name(surface, nominative):
    assert nominative_org_name(surface) == nominative


@pytest.fixture(scope="module")
def linker():
    pytest.importorskip("natasha")
    return MentionLinker()


def _orgs(linker, text):
    d = Document(id="t", text=text, source="t", lang="ru")
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm) if m.etype == "organization"]


def test_one_company_in_three_cases_is_one_entity(linker):
    got = _orgs(linker, "Компания «Северсталь» отчиталась о прибыли. Акции «Северстали» выросли, "
                        "и руководство «Северстали» довольно.")
    # natasha finds the name two or three times, depending on its context; each is the one entity
    assert {eid for _, eid in got} == {"new:organization/severstal"}
    assert {s for s, _ in got} == {"Северсталь", "Северстали"}


def test_genitive_of_a_known_organisation_is_linked(linker):
    got = _orgs(linker, "Газета «Известия» пишет, что главный редактор «Известий» ушёл в отставку.")
    assert [eid for _, eid in got] == ["kb:org/izvestia", "kb:org/izvestia"]
