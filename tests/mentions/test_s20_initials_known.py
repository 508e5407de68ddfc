"""Initials glued to the surname of a knowledge-base person whose given name has that first letter name that person,
in any case form ("С.А.Рябков", "с С.А.Рябковым"; persons._initials_known, s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _persons(linker, text):
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm) if m.etype == "person"]


@pytest.mark.parametrize("text,surface", [
    ("Заместитель Министра иностранных дел России С.А.Рябков провёл консультации в Женеве.", "С.А.Рябков"),
    ("Посол Швейцарии встретился с С.А.Рябковым в Москве.", "С.А.Рябковым"),
])
def test_initials_and_a_known_surname(linker, text, surface):
    assert (surface, "kb:person/sergey-ryabkov") in _persons(linker, text)


def test_another_first_initial_is_someone_else(linker):
    got = _persons(linker, "Директор департамента А.Рябков провёл консультации в Женеве.")
    assert "kb:person/sergey-ryabkov" not in [eid for _, eid in got]


def _roles(linker, text):
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.role, m.country) for m in linker.find(d, norm) if m.etype == "person"]


@pytest.mark.parametrize("text,surface,role", [
    ("Посол России в ФРГ С.Ю.Нечаев возложил венок к памятнику.", "С.Ю.Нечаев", "Посол России в ФРГ"),
    ("Генконсул России в Гамбурге А.Ю.Петров принял участие в приёме.", "А.Ю.Петров", "Генконсул России в Гамбурге"),
    ("Временный поверенный в делах России в Молдавии А.Н.Иванов вручил ноту.", "А.Н.Иванов",
     "Временный поверенный в делах России в Молдавии"),
])
def test_title_with_its_countries_before_initials(linker, text, surface, role):
    assert (surface, role, "RU") in _roles(linker, text)


def test_one_initial_before_a_town_stays_the_town(linker):
    d = Document(id="t", text="Делегация прибыла в Н.Новгород.", source="test", lang="ru",
                 published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(d.text)
    assert not [m for m in linker.find(d, norm) if m.etype == "person"]


def test_russian_press_spelling_of_egypts_minister(linker):
    got = _persons(linker, "Министр провёл переговоры с министром иностранных дел Египта Бадром Абдельатти в Москве.")
    assert ("Бадром Абдельатти", "kb:person/badr-abdelatty") in got


def test_smolenskaya_square_is_the_ministry(linker):
    text = "Смоленская площадь вызвала посла Польши."
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert ("Смоленская площадь", "kb:org/mfa-russia") in [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm)]
