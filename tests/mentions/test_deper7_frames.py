"""German persons, round seven (``mentions/persons_de._frames`` and the person cues of ``capnames_de``):
a bare role noun or a noun of nationality before a name, a party in brackets after one, a source before
"zufolge", a conjunct next to a person. Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.mentions.conftest import found_in


def typed(linker, text: str) -> dict[str, str]:
    return {s: t for s, t in found_in(linker, text, "de", skip=("adj", "adjstem", "dem"))}


@pytest.mark.parametrize("text, name", [
    # a bare role noun before a name, also over a small town of the knowledge base
    ("Zum Jahresende unterschrieb Präsident Cleveland den Vertrag.", "Cleveland"),
    ("Vor der Presse trat Präsident Obama kurz auf.", "Obama"),
    ("In der Debatte sprach die Abgeordnete Kramer zuerst.", "Kramer"),
    # a noun of nationality before a name
    ("Im Sprint siegte der Schwede Lindqvist knapp.", "Lindqvist"),
    # a party in brackets after a name
    ("Im Ausschuss widersprach Tollkamp (CDU) dem Antrag.", "Tollkamp"),
    ("Im Ausschuss widersprach Harrsen ( SPD ) dem Antrag.", "Harrsen"),
    # a source before "zufolge"
    ("Die Reform kam, Wendtland zufolge, viel zu spät.", "Wendtland"),
    # a conjunct next to a person
    ("Am Abend sprachen Olaf Scholz und Wendtland lange miteinander.", "Wendtland"),
    ("Das Treffen mit Tollkamp und Olaf Scholz dauerte lange.", "Tollkamp"),
    ("Es kamen Olaf Scholz, Harrsen und ein paar andere.", "Harrsen"),
])
def test_person_in_frame(linker, text, name):
    assert typed(linker, text).get(name) == "person"


@pytest.mark.parametrize("text, word", [
    ("Laut den Angaben zufolge war es kalt.", "Angaben"),               # a plural noun before "zufolge"
    ("Der Präsident Frankreichs reiste ab.", "Frankreichs"),           # a country after the role noun stays one
    ("Im Nordwesten und Süden regnete es.", "Nordwesten"),             # nouns in a coordination
    ("Der Landesverband Berlin (SPD) tagte am Montag.", "Berlin"),    # a capital before a party stays no person
    ("Olaf Scholz, Bundeskanzler, sprach zuerst.", "Bundeskanzler"),  # an apposition after a comma
    ("Er traf seinen Freund Olaf Scholz.", "Fre"),                     # no "und" cut out of "Freund"
])
def test_no_person_in_frame(linker, text, word):
    assert typed(linker, text).get(word) != "person"


@pytest.mark.parametrize("text, name", [
    ("Das sei, wie Tollkamp schon sagte, ein Irrtum.", "Tollkamp"),      # "wie X sagte"
    ("Laut Wendtland kam die Reform zu spät.", "Wendtland"),               # "laut X" before a lower-case word
])
def test_person_as_source(linker, text, name):
    assert typed(linker, text).get(name) == "person"


def test_no_person_for_laut_before_a_noun(linker):
    assert typed(linker, "Laut Polizei kam der Wagen zu spät.").get("Polizei") != "person"
