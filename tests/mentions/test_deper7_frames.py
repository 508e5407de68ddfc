"""German persons, round seven (``mentions/persons_de._frames`` and the person cues of ``capnames_de``):
a bare role noun or a noun of nationality before a name, a party in brackets after one, a source before
"zufolge", a conjunct next to a person. Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.mentions.conftest import found_in


def typed(linker, text: str) -> dict[str, str]:
    return {s: t for s, t in found_in(linker, text, "de", skip=("adj", "adjstem", "dem"))}


@pytest.mark.parametrize("text, name", [
    # a bare role noun before a name, also over a small town of the knowledge base (Garfield, New Jersey)
    ("Zum Jahresende unterschrieb Präsident Garfield den Vertrag.", "Garfield"),
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
    # a role or nationality noun or a party does not make a state, region or large city a person (s11 review)
    ("Minister Brandenburg und Präsident Bayern sprachen.", "Bayern"),
    ("Die Abgeordneten Bayerns stimmten zu, die Minister Sachsens nicht.", "Sachsens"),
    ("Laut Gouverneur Belgorod wurde niemand verletzt.", "Belgorod"),
    ("Die Ukrainer Odessa und Charkiw wurden beschossen.", "Odessa"),
    ("Die Abgeordneten Köln (SPD) und Dresden (CDU) stimmten zu.", "Köln"),
    # s15 (de6): "Präsident Cleveland" left this list: after a bare head of state's title a town that is no capital is the
    # holder's name (mentions/titled_de.py, tests/mentions/test_de6_titled.py); "Gouverneur Belgorod" above stays a place
])
def test_no_person_in_frame(linker, text, word):
    assert typed(linker, text).get(word) != "person"


def test_no_conjunction_cut_out_of_a_word(linker):
    # "Freund" holds "und": no person may start or end inside it
    text = "Er traf seinen Freund Olaf Scholz."
    got = typed(linker, text)
    assert got.get("Olaf Scholz") == "person"
    assert all(s == "Olaf Scholz" or "Freund" not in s and not s.startswith(("und", "Fre")) for s in got)


@pytest.mark.parametrize("text, name", [
    ("Wendtland zufolge: Die Reform kommt zu spät.", "Wendtland"),                  # "zufolge" before a colon
    ("Im Ausschuss widersprach Tollkamp (SPD, Vorsitzende des Ausschusses) dem Antrag.", "Tollkamp"),
])
def test_frame_variants(linker, text, name):
    assert typed(linker, text).get(name) == "person"


@pytest.mark.parametrize("text, name", [
    ("Das sei, wie Tollkamp schon sagte, ein Irrtum.", "Tollkamp"),      # "wie X sagte"
    ("Laut Wendtland kam die Reform zu spät.", "Wendtland"),               # "laut X" before a lower-case word
])
def test_person_as_source(linker, text, name):
    assert typed(linker, text).get(name) == "person"


def test_no_person_for_laut_before_a_noun(linker):
    assert typed(linker, "Laut Polizei kam der Wagen zu spät.").get("Polizei") != "person"
