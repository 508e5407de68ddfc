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
