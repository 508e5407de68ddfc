"""A KB person's surname after another person's initial or given name is not that person."""

from __future__ import annotations

import pytest

from mentions.conftest import linked_in


@pytest.mark.parametrize("text, lang, surface", [
    ("Директор завода В.Лукашенко открыл новый цех.", "ru", "В.Лукашенко"),
    ("Директор завода В. Лукашенко открыл новый цех.", "ru", "В. Лукашенко"),
    ("Der Unternehmer Viktor Lukaschenko eröffnete eine Fabrik.", "de", "Viktor Lukaschenko"),
])
def test_other_initial_or_given_name_is_not_the_kb_person(linker, text, lang, surface):
    ids = linked_in(linker, text, lang)
    assert ids.get(surface, "").startswith("new:person/")
    assert "kb:person/alexander-lukashenko" not in ids.values()


@pytest.mark.parametrize("text, lang, surface", [
    ("Президент Белоруссии А.Лукашенко провёл совещание.", "ru", "А.Лукашенко"),
    ("Президент Белоруссии Лукашенко провёл совещание.", "ru", "Лукашенко"),
    ("Präsident Alexander Lukaschenko empfing die Delegation.", "de", "Alexander Lukaschenko"),
    ("Außenminister S. Lawrow reiste nach Minsk.", "de", "S. Lawrow"),
    ("Foreign Minister Sergei Lavrov travelled to Minsk.", "en", "Sergei Lavrov"),
    ("Bundespräsident Frank Walter Steinmeier reiste nach Minsk.", "de", "Steinmeier"),  # a middle name
])
def test_own_initial_or_given_name_keeps_the_kb_person(linker, text, lang, surface):
    ids = linked_in(linker, text, lang)
    assert ids.get(surface, "").startswith("kb:person/")
