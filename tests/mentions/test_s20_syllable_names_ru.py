"""Korean, Vietnamese and Chinese names in Cyrillic after a title: three short syllables that may be Russian words
("Чо", "Син") are the name, in the form written (persons._in_syllable_name, common.SYLLABLE_NAME; s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


@pytest.mark.parametrize("text,surface,name", [
    ("Министр иностранных дел Республики Корея Чо Мин Хо посетил Москву.", "Чо Мин Хо", "Cho Min Kho"),
    ("Посол КНДР Син Хон Чхоль вручил копии верительных грамот.", "Син Хон Чхоль", "Sin Khon Chkhol"),
])
def test_three_syllables_after_a_title(linker, text, surface, name):
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    got = [(norm.text[m.start:m.end], m.name) for m in linker.find(d, norm) if m.etype == "person"]
    assert (surface, name) in got
