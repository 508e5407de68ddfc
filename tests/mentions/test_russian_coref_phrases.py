"""Russian role phrases in case forms (s19): "министром иностранных дел Египта" names Egypt's minister, not the
last minister named; without a country, "на выборах главы государства" names no one."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.common import ru_coref_key
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _found(linker: MentionLinker, text: str) -> dict[str, str]:
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 20, tzinfo=timezone.utc))
    norm = normalize(text)
    return {norm.text[m.start:m.end]: m.eid for m in linker.find(doc, norm)}


@pytest.mark.parametrize("word, key", [
    ("министром иностранных дел", "министр иностранных дел"),
    ("министра", "министр"),
    ("главой мид", "глава мид"),
    ("главы мида", "глава мид"),
    ("главы государства", "глава государства"),
    ("премьер-министра", "премьер-министр"),
    ("президентом", "президент"),
    ("министрами иностранных", None),
])
def test_the_longest_role_phrase_the_words_are_a_form_of(word, key):
    keys = ["министр", "министр иностранных дел", "глава мид", "глава государства", "президент", "премьер-министр",
            "премьер"]
    assert ru_coref_key(word, keys) == key


@pytest.mark.parametrize("text, phrase, eid", [
    ("Лавров встретился с министром иностранных дел Египта.", "министром иностранных дел Египта",
     "kb:person/badr-abdelatty"),
    ("Сергей Лавров провел переговоры с главой МИД Турции.", "главой МИД Турции", "kb:person/hakan-fidan"),
])
def test_a_role_phrase_with_a_country_names_that_country_s_holder(linker, text, phrase, eid):
    assert _found(linker, text).get(phrase) == eid


def test_a_bare_role_noun_later_stays_with_the_person_named_first(linker):
    """In a ministry's own texts the bare "Министр" is its minister, the host (review of s19: a rule that made the
    holder introduced by role and country the antecedent was taken out)."""
    found = _found(linker, "Лавров встретился с министром иностранных дел Египта. Министр рассказал о ситуации.")
    assert found.get("министром иностранных дел Египта") == "kb:person/badr-abdelatty"
    assert found.get("Министр") == "kb:person/sergey-lavrov"


def test_another_country_s_minister_is_not_the_one_named_before(linker):
    found = _found(linker, "Лавров встретился с министром Египта.")
    assert found.get("министром") != "kb:person/sergey-lavrov"


@pytest.mark.parametrize("text, phrase", [
    ("Путин выступил в Кремле. Кандидаты на выборах главы государства зарегистрированы.", "главы государства"),
    ("Лавров выступил в Москве. Сидибе был министром здравоохранения, а затем министром иностранных дел.",
     "министром иностранных дел"),
])
def test_an_office_in_a_case_form_without_a_country_names_no_one(linker, text, phrase):
    assert not _found(linker, text).get(phrase, "").startswith("kb:person/")


@pytest.mark.parametrize("word, key", [
    ("официального представителя", "официальный представитель"),
    ("официальным представителем", "официальный представитель"),
    ("официальный представитель", "официальный представитель"),
    ("официальные", None),
])
def test_a_role_phrase_opened_by_an_adjective_declines_both_words(word, key):
    assert ru_coref_key(word, ["официальный представитель", "министр"]) == key
