"""German persons and places, round five (``capnames_de``): towns that are also words in a place slot,
authorities named by their town, the two ends of a route, guessed places after an article, a lone name as
a clause's subject, names in the genitive next to their noun, nouns typed persons by a folded given name.
The sentences are invented."""

from mentions.conftest import NOT_NAMES, found_in

from communique.mentions.capnames_de import _subject_word, _town_shaped


def found(linker, text):
    return found_in(linker, text, "de", NOT_NAMES)


def test_a_town_that_is_a_word_after_a_place_preposition(linker):
    assert ("Hof", "place") in found(linker, "Der Regionalzug hält morgen früh auch in Hof .")


def test_a_town_after_an_authority_noun(linker):
    assert ("Kiel", "place") in found(linker, "Das Amtsgericht Kiel wies die Klage gestern ab .")


def test_a_large_towns_genitive_after_a_noun(linker):
    assert ("Münsters", "place") in found(linker, "Nach der Belagerung Münsters durch die Truppen blieb wenig übrig .")


def test_idioms_and_plurals_after_a_preposition_are_no_towns(linker):
    assert ("Brand", "place") not in found(linker, "Die Scheune geriet am Abend in Brand und brannte nieder .")
    assert ("Matten", "place") not in found(linker, "Die Hütte der Hirten ist aus Matten , Ästen und Lehm gebaut .")
    assert ("Norden", "place") not in found(linker, "Der Wind dreht heute von Norden nach Osten .")


def test_the_two_ends_of_a_route_are_places(linker):
    got = found(linker, "Die neue Buslinie fährt ab Montag von Tarnwick nach Dellbrook .")
    assert ("Tarnwick", "place") in got and ("Dellbrook", "place") in got


def test_a_guessed_town_after_an_article_is_a_noun(linker):
    assert _town_shaped("Landleben") and not _town_shaped("Schlossberg")
    got = found(linker, "Sie zogen aufs Dorf , weil ihnen das Landleben besser gefiel .")
    assert ("Landleben", "place") not in got
    got = found(linker, "Die beiden Weiler trennt ein Wiesental mit einem Bach .")
    assert ("Wiesental", "place") not in got


def test_a_lone_name_as_the_subject_after_a_conjunction(linker):
    assert _subject_word("Hellwarth") and not _subject_word("Zeitung")
    got = found(linker, "Die Zeitung schrieb , dass Hellwarth den Vertrag nicht verlängern will .")
    assert ("Hellwarth", "person") in got


def test_a_lone_name_as_the_subject_after_its_verb(linker):
    assert ("Kowalczyk", "person") in found(linker, "Nach dem Studium arbeitete Kowalczyk lange als Lehrer .")
    got = found(linker, "Der Einbrecher schlug die verglaste Kellertür ein .")
    assert not any(t == "person" for _w, t in got)


def test_a_common_noun_after_a_conjunction_is_no_person(linker):
    got = found(linker, "Er wusste , dass Geduld hier nicht reicht .")
    assert not any(t == "person" for _w, t in got)


def test_a_persons_genitive_after_its_noun(linker):
    assert ("Merkels", "person") in found(linker, "Die gesammelten Reden Merkels erscheinen im Herbst .")


def test_plural_nouns_in_s_are_no_genitive_names(linker):
    got = found(linker, "Tausende Fans feierten , und viele Teams reisten an .")
    assert not any(t == "person" for _w, t in got)


def test_nouns_are_no_persons_by_a_folded_given_name(linker):
    assert ("Völker", "person") not in found(linker, "Das Schicksal vieler Völker bleibt ungewiss .")
    assert ("Grösse", "person") not in found(linker, "Die Steine haben ungleiche Grösse und Farbe .")
