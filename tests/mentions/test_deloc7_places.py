"""German places, round seven (``mentions/places_de.py``). The sentences are invented for these tests."""

from mentions.conftest import NOT_NAMES, found_in, linked_in


def typed(linker, text):
    return dict(found_in(linker, text, "de", NOT_NAMES))


def test_town_opening_a_sentence(linker):
    # the matcher leaves a town named like a dictionary entry alone at a sentence's start; a name-only entry is the town
    assert typed(linker, "Wismar hat einen neuen Hafen gebaut .").get("Wismar") == "place"
    assert typed(linker, "Am Montag regnete es . Gütersloh meldete Hochwasser .").get("Gütersloh") == "place"
    assert "Hof" not in typed(linker, "Hof und Garten sind gepflegt .")  # a common noun


def test_junctions_and_parks_named_by_their_town(linker):
    got = linked_in(linker, "Zwischen Kreuz Leverkusen und der Ausfahrt staut es sich .", "de")
    assert "Kreuz Leverkusen" in got and got["Kreuz Leverkusen"] == linked_in(linker, "Er wohnt in Leverkusen .", "de")["Leverkusen"]
    assert typed(linker, "Das Konzert findet im Schlosspark Pillnitz statt .").get("Schlosspark Pillnitz") == "place"
    assert not any(t == "place" for t in typed(linker, "Er trug das Kreuz Christi durch die Stadt .").values())


def test_sankt_is_no_place_alone(linker):
    got = typed(linker, "Die Pfarrei St . Peter Canisius feiert ihr Fest .")
    assert got.get("St . Peter Canisius") == "place" and "St" not in got
    assert typed(linker, "Die St. Galler Kantonalbank wächst .").get("St. Galler Kantonalbank") == "organization"


def test_lands_named_like_their_people(linker):
    assert "Polen" not in typed(linker, "Die Polen wählen am Sonntag ein neues Parlament .")
    assert "Sachsen" not in typed(linker, "Die jungen Sachsen gewannen das Finale .")
    assert typed(linker, "Er reiste im Mai nach Polen .").get("Polen") == "country"
    # "der" as a relative pronoun: the land is its object
    assert typed(linker, "Es war ein Vertrag , der Polen an den Westen band .").get("Polen") == "country"


def test_nouns_are_no_places(linker):
    assert not typed(linker, "Sie lernte Turmspringen und Tauchen .")
    assert not typed(linker, "Er plant einen Kelleranbau für die Werkstatt .")
    assert "Nordländer" not in typed(linker, "Für den eiligen Nordländer ist es hier zu warm .")
    assert "Male" not in typed(linker, "Er rief mehrere Male vergeblich an .")
    assert typed(linker, "Das Flugzeug landete gestern in Male .").get("Male") == "place"


def test_elided_french_names_and_town_adjectives(linker):
    assert typed(linker, "Sie wohnt im Département Côte d'Armor .").get("Côte d'Armor") == "place"
    got = typed(linker, "Er lebt heute im Berner Oberland .")
    assert got.get("Berner Oberland") == "place"
    assert "Bürger Bostons" not in typed(linker, "Er war ein geachteter Bürger Bostons .")
