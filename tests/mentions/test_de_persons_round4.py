"""German persons and places, round four (``capnames_de``): listed surnames alone, small towns named
like persons, lone listed given names, long unknown words, road numbers, celestial bodies, place-shaped
names after a contracted preposition. The sentences are invented."""

from mentions.conftest import NOT_NAMES, found_in

from communique.mentions.capnames_de import de_lone_name, de_surnames


def found(linker, text):
    return found_in(linker, text, "de", NOT_NAMES)


def test_the_surname_list_leaves_out_ordinary_words():
    names = de_surnames()
    assert {"Wagenknecht", "Herrmann", "Berlusconi"} <= names
    # German nouns and adjectives (Bauer/Bauern, Bruder/Brüder, braun) and English words (Miller, Young) are no entries
    assert not names & {"Bauer", "Bruder", "Braun", "Miller", "Young", "Fischer", "Koch"}


def test_a_listed_surname_alone_is_a_person(linker):
    assert ("Herrmann", "person") in found(linker, "Am Abend traf sich die Ministerin mit Herrmann zum Essen .")
    assert ("Wagenknecht", "person") in found(linker, "Am Abend traf sich die Ministerin mit Wagenknecht zum Essen .")


def test_a_listed_surname_in_a_compound_or_after_an_article_is_none(linker):
    assert ("Herrmann", "person") not in found(linker, "Die Herrmann-Kommission tagte bis spät .")
    assert ("Herrmann", "person") not in found(linker, "Der alte Herrmann erinnerte sich an nichts .")


def test_a_surname_after_an_unknown_name_is_no_lone_surname(linker):
    assert ("Berger", "person") not in found(linker, "Bei Zalvorin Berger stiegen die Umsätze kräftig .")


def test_a_small_town_named_like_a_person_is_the_person_outside_a_place_slot(linker):
    assert ("Baldwin", "person") in found(linker, "Mit großer Geduld überzeugte Baldwin die Jury .")


def test_a_small_town_in_a_place_slot_stays_a_place(linker):
    assert ("Baldwin", "place") in found(linker, "Die Fahrt ging weiter nach Baldwin , Michigan .")


def test_a_listed_given_name_alone_is_a_person(linker):
    assert de_lone_name("Yvonne")
    assert ("Yvonne", "person") in found(linker, "Er wohnt jetzt zusammen mit Yvonne in Lyon .")


def test_a_long_unknown_word_is_no_surname(linker):
    got = found(linker, "Wegen der Belastungsanfordrungen muss man umplanen .")
    assert not any(t == "person" for _w, t in got)


def test_road_numbers_are_places(linker):
    assert ("A 3", "place") in found(linker, "Der Stau auf der A 3 löste sich am Abend auf .")
    assert ("Bundesstraße 27", "place") in found(linker, "Die Bundesstraße 27 ist seit Montag gesperrt .")


def test_a_car_model_is_no_road(linker):
    assert not any(w == "A4" for w, _t in found(linker, "Er fährt seit Jahren einen Audi A4 ."))


def test_celestial_bodies_after_an_article_are_places(linker):
    assert ("Mond", "place") in found(linker, "Die Sonde umkreist den Mond seit Mai .")
    assert ("Erde", "place") not in found(linker, "Das Kabel liegt unter der Erde .")
    assert ("Mars", "place") not in found(linker, "Die Mars-Sonde startet im Herbst .")


def test_place_shaped_names_after_a_contracted_preposition(linker):
    assert ("Grauwaldsee", "place") in found(linker, "Die Familie wanderte am Grauwaldsee entlang .")
    assert ("Lenzberghütte", "place") in found(linker, "Die Nacht verbrachten sie auf der Lenzberghütte .")
    assert not any(t == "place" for _w, t in found(linker, "Das steht alles im Internet ."))


def test_a_capitalised_article_is_no_part_of_a_single_name(linker):
    got = found(linker, "Wandern Die Grauberghütte liegt hoch über dem Tal .")
    assert ("Grauberghütte", "place") in got
    assert not any(w.startswith("Die ") for w, _t in got)


def test_two_words_glued_together_are_no_name(linker):
    got = found(linker, "Vor zwölf MinutenHamburg meldete die Agentur neue Kurse .")
    assert not any("Minuten" in w for w, _t in got)
    assert ("MacDermott", "person") in found(linker, "Am Abend sprach MacDermott vor den Delegierten .")
