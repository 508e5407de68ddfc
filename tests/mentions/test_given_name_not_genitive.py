"""A given name ending in -s before a capitalised noun is a person's name, not the genitive of a surname (s17):
"Thomas Bagger" is a name ("Bagger" is also a noun, "Thoma" also a surname), not Thoma's excavator. The genitive
reading stays for three words ("Anna Petra Wolters Castingshow" style)."""

from __future__ import annotations

import pytest

from mentions.conftest import found_in


@pytest.mark.parametrize("text, name", [
    ("Staatssekretär Thomas Bagger sagte, die Gespräche seien gut verlaufen.", "Thomas Bagger"),
    ("Am Montag traf Thomas Bagger die Delegation in Rom.", "Thomas Bagger"),
])
def test_given_name_and_noun_surname(linker, text, name):
    found = found_in(linker, text, "de")
    assert (name, "person") in found
    assert ("Thomas", "person") not in found


def test_three_words_keep_the_genitive_reading(linker):
    found = found_in(linker, "Gestern lief Maria Luise Hartbergs Kochsendung zum ersten Mal.", "de")
    assert ("Maria Luise Hartbergs Kochsendung", "person") not in found
