"""German persons, round six (``mentions/persons_de.py`` and the person passes of ``capnames_de``):
the name's own shape and bounds, lone surnames in subject slots, and things that are no persons.
Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.mentions.conftest import found_in


def persons(linker, text: str) -> set[str]:
    return {s for s, t in found_in(linker, text, "de", skip=("adj", "adjstem", "dem")) if t == "person"}


@pytest.mark.parametrize("text, name", [
    # an initial goes on to the surname, even an English word; an initial before a small town's name
    ("Den Vorsitz übernahm Mildred T. Cross als Älteste.", "Mildred T. Cross"),
    ("Im Finale gewann K. Tambow gegen einen Polen.", "K. Tambow"),
    # name particles: Dutch, German "von" after a title or a clause boundary, Arabic "al-"
    ("Das bestätigte van den Broek am Abend.", "van den Broek"),
    ("Am Abend kam die Nachricht. Van den Broek will bleiben.", "Van den Broek"),
    ("Die Sitzung leitete Dr. von Stetten am Vormittag.", "von Stetten"),
    ("Die Minister wollten verhandeln, von Quitzow dagegen nicht.", "von Quitzow"),
    ("Der Minister Khalid al-Rashid eröffnete am Montag die Messe.", "Khalid al-Rashid"),
    # lone surnames that are English words, where German syntax wants a name (a subject with no article)
    ("Nach der Wahl wurde Fletcher rasch populär.", "Fletcher"),
    ("Fowler erhielt den Preis im Jahr 2001.", "Fowler"),
    ("Die Wahl ist vorbei, Brewer ist nun Senator.", "Brewer"),
    ("Sie hofft, dass Wright bald zurückkehrt.", "Wright"),
    ("Gerber agierte jahrelang im Hintergrund.", "Gerber"),
    # an agent noun in -ist before a name; the Saxon genitive of a listed name before a compound noun
    ("Das Konzert des Pianisten Keller war ausverkauft.", "Keller"),
    ("Die Einnahmen der Saison flossen in Carters Wahlkampfkasse.", "Carters"),
    ("Über Hoovers Wirtschaftspolitik wurde lange gestritten.", "Hoovers"),
    # two guessed names side by side are one
    ("Die Aufnahmen mit Ole Winther Hansen dauerten lange.", "Ole Winther Hansen"),
])
def test_person_found_whole(linker, text, name):
    assert name in persons(linker, text)


def test_no_person_after_a_bishops_von(linker):
    found = found_in(linker, "Der Bischof von Trier sprach lange.", "de")
    assert ("Trier", "place") in found and not any(t == "person" for _s, t in found)


@pytest.mark.parametrize("text, word", [
    ("Nachdem Sturmtief Xaverius über das Land gezogen war, blieben die Schulen zu.", "Xaverius"),
    ("Geöffnet ist Mo-Fr von 8 bis 12 Uhr.", "Mo-Fr"),
    ("Im Garten wachsen Exemplare von Fagus sylvatica neben Eichen.", "Fagus"),
    ("Großes Bienen-Kino gibt es morgen.", "Bienen-Kino"),
    ("Das Tier gehört zur Gattung Neomysis und lebt im Meer.", "Neomysis"),
    ("Später erschien die Platte Songs of Avalor bei einem kleinen Label.", "Avalor"),
])
def test_no_person(linker, text, word):
    assert word not in persons(linker, text)


def test_article_noun_leaves_the_name(linker):
    got = persons(linker, "Der Hund folgt dem Jäger Tarvo Linnamäe durch den Wald.")
    assert "Tarvo Linnamäe" in got and "Jäger Tarvo Linnamäe" not in got


def test_a_family_keeps_its_name(linker):
    assert "Quandtke" in persons(linker, "Der Hof gehörte der Familie Quandtke seit 1800.")
