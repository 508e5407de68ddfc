"""A curated one-word Cyrillic spelling of a foreign surname ("Вадефуль") declines like a Russian noun: its
case forms are the same person, though pymorphy guesses an unknown "-уля" word to be a given name ("Юля")."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize

_JUNE_2025 = datetime(2025, 6, 10, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _ids(linker: MentionLinker, text: str) -> dict[str, str]:
    d = Document(id="t", text=text, source="test", lang="ru", published=_JUNE_2025)
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n)}


@pytest.mark.parametrize("form", ["Вадефуль", "Вадефуля", "Вадефулю", "Вадефулем", "Вадефуле"])
def test_case_forms_of_a_native_spelling(linker, form):
    assert _ids(linker, f"Министр ответил на вопрос о словах {form} вчера вечером.").get(form) \
        == "kb:person/johann-wadephul"


def test_a_dictionary_given_name_is_still_no_surname_alone(linker):
    # "Павел" is a given name in the dictionary: "Павел Лавров" is not the foreign minister
    assert "kb:person/sergey-lavrov" not in _ids(linker, "Павел Лавров пришёл на встречу.").values()
