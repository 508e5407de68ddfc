"""Lone German-text surnames by syntax (``capnames_de``): a clause opened by an unknown word before a
finite singular verb, and a subject right after its verb ("V2" inversion)."""

from mentions.conftest import NOT_NAMES, found_in


def found(linker, text):
    return found_in(linker, text, "de", NOT_NAMES)


def test_inverted_subject_is_a_person(linker):
    assert ("Pauli", "person") in found(linker, "Im Jahr 1930 postulierte Pauli ein neues Teilchen .")


def test_adjective_before_a_noun_is_no_verb(linker):
    got = found(linker, "Der Sturm drückte die gläserne Haustüre ein .")
    assert not any(t == "person" for _w, t in got)


def test_guessed_names_in_a_short_quoted_title_go(linker):
    got = found(linker, "Der Song „ Dakota Rain Forever “ erschien 1999 .")
    assert not any(t == "person" for _w, t in got)


def test_a_name_filling_the_quotes_stays(linker):
    assert ("Knut", "person") in found(linker, "Der Eisbär „ Knut “ wurde am Montag gewogen , sagte Pfleger Schulz .") or \
        ("Schulz", "person") in found(linker, "Der Eisbär „ Knut “ wurde am Montag gewogen , sagte Pfleger Schulz .")


def test_article_and_adjective_before_a_lone_unknown_word(linker):
    got = found(linker, "Im Mittelalter war das kurze Quarnelium mit roten Streifen üblich .")
    assert not any(t == "person" for _w, t in got)


def test_unknown_given_name_joins_the_surname(linker):
    got = found(linker, "Unterstützt wird er von Heinbert Keßler , teilte der Verein mit .")
    assert ("Heinbert Keßler", "person") in got


def test_role_compound_before_a_name_stays_out(linker):
    got = found(linker, "Der polnische Rennkanute Adam Seroczynski wurde Vierter .")
    assert ("Adam Seroczynski", "person") in got
