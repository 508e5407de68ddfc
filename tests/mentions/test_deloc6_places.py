"""German places, round six (``mentions/places_de.py`` and the place parts of ``capnames_de``). The
sentences are invented for these tests."""

from mentions.conftest import NOT_NAMES, found_in


def typed(linker, text):
    return dict(found_in(linker, text, "de", NOT_NAMES))


def test_guessed_person_after_a_place_preposition_is_a_place(linker):
    assert typed(linker, "Die Fähre legte gestern auf Vellaroo an .").get("Vellaroo") == "place"
    assert typed(linker, "Die Kapelle zu Nordelhausen wurde renoviert .").get("Nordelhausen") == "place"
    # "auf X aufpassen" names a person
    assert typed(linker, "Die Abwehr muss auf Brandowski aufpassen .").get("Brandowski") != "place"


def test_unknown_word_after_in_is_a_place(linker):
    assert typed(linker, "Die Firma hat ihren Sitz in Hvidlunde , nahe der Küste .").get("Hvidlunde") == "place"
    assert typed(linker, "Das Werk steht im heutigen Westkarino .").get("Westkarino") == "place"


def test_broken_hyphen_and_districts(linker):
    got = typed(linker, "Der Urlaub in Baden- Württemberg war schön .")
    assert got.get("Baden- Württemberg") == "place"
    assert typed(linker, "Das Amt des Rhein-Lahn-Kreises ist geschlossen .").get("Rhein-Lahn-Kreises") == "place"
    assert "Arbeitskreis" not in typed(linker, "Der Arbeitskreis tagt am Montag .")


def test_rivers_peerages_and_located_names(linker):
    assert typed(linker, "Der Bach fließt nach Süden , bevor er zur Oulette fließt .").get("Oulette") == "place"
    assert typed(linker, "Der Titel Earl of Wexbury erlosch 1850 .").get("Wexbury") == "place"
    assert typed(linker, "Kestrava liegt zwölf Kilometer nördlich der Hauptstadt .").get("Kestrava") == "place"
    assert typed(linker, "Brandowski liegt nach dem Rennen auf Platz drei .").get("Brandowski") != "place"


def test_compass_and_settlement_appositions(linker):
    got = typed(linker, "Die Ebene erstreckt sich von Varenne im Norden bis Bézonne im Westen .")
    assert got.get("Varenne") == "place" and got.get("Bézonne") == "place"
    got = typed(linker, "Die Truppen zogen über Kandorak , die Provinzhauptstadt des Landes , weiter .")
    assert got.get("Kandorak") == "place"


def test_romance_heads_and_town_adjectives(linker):
    got = typed(linker, "Im Sommer ist der Lido di Sottomarina voll , die Via Garibaldi auch .")
    assert got.get("Lido di Sottomarina") == "place" and got.get("Via Garibaldi") == "place"
    assert typed(linker, "Vor dem Leipziger Hauptbahnhof standen Taxis .").get("Leipziger Hauptbahnhof") == "place"


def test_nouns_are_no_places(linker):
    assert "Basis" not in typed(linker, "Auf der Basis dieser Zahlen wurde entschieden .")
    assert "Basis" not in typed(linker, "Wir rechnen auf Basis der alten Preise .")


def test_dateline_town(linker):
    assert typed(linker, "Kleinwaltersdorf ( kn ) Am Sonntag feierte der Chor .").get("Kleinwaltersdorf") == "place"
    assert "Fazit" not in typed(linker, "Fazit ( red ) Das Konzert war gut .")


def test_spa_towns(linker):
    from mentions.conftest import linked_in

    assert linked_in(linker, "Die Kurklinik in Bad Wurzach stellt ein .", "de").get("Bad Wurzach", "").startswith("gn:")
    assert typed(linker, "Der Kurort Bad Kleinbrunnsee wirbt um Gäste .").get("Bad Kleinbrunnsee") == "place"
    assert not typed(linker, "Das Bad Duschen ist neu .")
