"""Review fixes (s12): a site head ("Kreuz", "Dreieck") after capitalised adjectives is part of a name of its own
("Roten Kreuz"), no junction named by the town after it. The sentences are invented for these tests."""

from mentions.conftest import NOT_NAMES, found_in, linked_in

from communique.mentions.places_de import _after_capitalised_adjective


def typed(linker, text):
    return dict(found_in(linker, text, "de", NOT_NAMES))


def test_red_cross_and_a_town_are_no_junction(linker):
    got = typed(linker, "Freiwillige vom Roten Kreuz Hamburg brachten am Abend Wasser .")
    assert "Kreuz Hamburg" not in got and got.get("Hamburg") == "place"
    got = typed(linker, "Das Rote Kreuz Wien bat am Montag um Spenden .")
    assert "Kreuz Wien" not in got and got.get("Wien") == "place"
    got = typed(linker, "Sanitäter des Deutschen Roten Kreuzes halfen dort .")
    assert not any(t == "place" for t in got.values())


def test_junctions_still_named_by_their_town(linker):
    got = linked_in(linker, "Nach dem Unfall am Kreuz Leverkusen staute sich der Verkehr .", "de")
    assert got.get("Kreuz Leverkusen") == linked_in(linker, "Sie lebt in Leverkusen .", "de")["Leverkusen"]
    assert typed(linker, "Das Kreuz Leverkusen wird neu gebaut .").get("Kreuz Leverkusen") == "place"
    assert typed(linker, "Zwischen Dreieck Heumar und der Brücke stand ein Lkw .").get("Dreieck Heumar") == "place"


def test_capitalised_adjective_before_the_head():
    def before(text):
        return _after_capitalised_adjective(text, text.index("Kreuz"))
    assert before("Helfer vom Roten Kreuz Bonn")
    assert before("Das Rote Kreuz Genf")
    assert before("Er sprach für Deutsches Rotes Kreuz Berlin")  # two adjectives need no determiner
    assert not before("Das Kreuz Bonn")  # a determiner alone
    assert not before("Zwischen Kreuz Bonn und Köln")  # a preposition opening the sentence
    assert not before("Kreuz Bonn")
    assert not before("Stau am Kreuz Bonn")
