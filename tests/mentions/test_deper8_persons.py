"""German persons, round eight (``mentions/persons_de._round8``, ``data/lang/de/surnames_noun.txt`` and the
subject slot of ``capnames_de``): listed surnames that are German words where German syntax wants a name, a maiden
name after "geborene", a name after an age adjective, English honorifics, a bibliography's inverted name. Every
sentence here is invented."""

from __future__ import annotations

import pytest

from communique.mentions.persons_de import de_noun_surnames, noun_surname_subject
from tests.mentions.conftest import found_in


def typed(linker, text: str) -> dict[str, str]:
    return {s: t for s, t in found_in(linker, text, "de", skip=("adj", "adjstem", "dem"))}


def test_noun_surname_list():
    names = de_noun_surnames()
    assert {"Müller", "Fischer", "Köhler", "Schneider"} <= names
    # mass nouns, nouns of fixed phrases, adverbs and ranks are left out
    assert not {"Glück", "Salz", "Kopf", "Lange", "Kurz", "Kaiser", "Winter"} & names
    assert noun_surname_subject("Braun", "übernahm")
    assert not noun_surname_subject("Schwarz", "ist")  # an adjective before a copula may be the colour
    assert not noun_surname_subject("Anwalt", "kam")   # no listed surname


@pytest.mark.parametrize("text, name", [
    # a surname that is a German noun, bare after a preposition: a singular common noun there takes an article
    ("Das Projekt plante sie gemeinsam mit Fischer und zwei Kollegen.", "Fischer"),
    ("Im Halbfinale verlor der Titelverteidiger gegen Köhler in drei Sätzen.", "Köhler"),
    # and one that is an English word ("mit Brewer")
    ("Den Vertrag handelte er mit Brewer aus.", "Brewer"),
    # as a clause's subject before its finite verb, also one that is an adjective
    ("Schneider verlängerte seinen Vertrag im Frühjahr.", "Schneider"),
    ("Braun leitete das Institut fast zwanzig Jahre lang.", "Braun"),
    # after a role noun, whatever follows ("Ersatztorwart Köhler kam")
    ("Der Ball rollte an Ersatztorwart Müller vorbei ins Netz.", "Müller"),
    # a maiden name
    ("Sie war eine geborene Schneider aus Kassel.", "Schneider"),
    ("Seine Mutter Hedwig geb. Köhler stammte aus Jena.", "Köhler"),
    # an age adjective with a masculine or feminine article; a namesake town gives way
    ("Den Lauf gewann die 19-jährige Caroline vor ihrer Schwester.", "Caroline"),
    ("Für den 31-jährigen Vukovic war es das letzte Spiel.", "Vukovic"),
    # after its finite verb, and in the genitive before a noun
    ("Im Verein war Köhler der wichtigste Spieler.", "Köhler"),
    ("Die Opposition fragte nach Köhlers Absichten.", "Köhlers"),
    # an interview's speaker before a colon and an answer in the first person
    ("Frage: Wie war die Saison?\nKöhler: Ich bin zufrieden, aber nicht glücklich.", "Köhler"),
    # a guessed given name opening a sentence before its verb keeps its cue
    ("Thomas zögerte lange mit seiner Antwort.", "Thomas"),
    # a word known only as a name opening a sentence, an adverb before the verb
    ("Trotzki wiederum verlangte eine schnelle Entscheidung.", "Trotzki"),
])
def test_person_in_slot(linker, text, name):
    assert typed(linker, text).get(name) == "person"


def test_short_citation(linker):
    got = typed(linker, "Hellwarth , Die Mühlen im Tal , S. 41–44 .")
    assert got.get("Hellwarth") == "person"


@pytest.mark.parametrize("text, span", [
    ("Im Kino lief ein Film mit Miss Pettigrew in der Hauptrolle.", "Miss Pettigrew"),
    ("Später trat Lady Ashcombe im Stadion auf.", "Lady Ashcombe"),
    # an initial before a listed surname that is a German word
    ("Herausgegeben von Jens Hallmann und W. Köhler im Eigenverlag.", "W. Köhler"),
    # a bibliography's inverted name, tokenised or not
    ("Literatur: Weber, Anna: Die Wälder des Nordens. Bonn 1999.", "Weber, Anna"),
    ("* Hellwig , Theodor : Die Mühlen am Fluss , Kassel 1971 .", "Hellwig , Theodor"),
])
def test_whole_name(linker, text, span):
    assert typed(linker, text).get(span) == "person"


@pytest.mark.parametrize("text, word", [
    ("Das Geld verdiente er mit Glück und Geschick.", "Glück"),          # a mass noun after a preposition
    ("Die Wände waren aus Stein und mit Kalk verputzt.", "Kalk"),
    ("Schwarz ist die Farbe der Saison.", "Schwarz"),                    # an adjective before a copula
    ("Lange dauerte die Sitzung nicht.", "Lange"),                       # an adverb opening the sentence
    ("Fazit: Wir kommen wieder.", "Fazit"),                              # a common noun before the colon
    ("Zuletzt begann die Sternenschau im Park.", "Sternenschau"),       # a compound noun after its article
    ("Eine Initiative Hannoveraner Bürger sammelte Geld.", "Hannoveraner"),  # a town's adjective before its noun
    ("Das gilt z. B. Müller und anderen.", "B. Müller"),                 # no initial after an abbreviation
    ("Der 23-jährige Student bestand die Prüfung.", "Student"),          # a common noun after the age adjective
    ("Das 800-jährige Dresden feiert ein Fest.", "Dresden"),             # a town is neuter: still a place
    ("Die Wahl der Miss Germany fand in Berlin statt.", "Germany"),      # a contest's title
    ("Mit dem Ford Transporter fuhr er nach Hause.", "Ford Transporter"),  # a noun phrase after its article
    ("Am Abend stieg der TecDAX um zwei Prozent.", "TecDAX"),             # inner capitals: a trade name
    ("Letzterer wollte davon nichts wissen.", "Letzterer"),              # a comparative used as a noun
    ("Ersterer lehnte den Vorschlag sofort ab.", "Ersterer"),
    ("Im Wald stand die Hütte des Försters Brandl.", "Försters"),  # a noun's genitive after its article
])

def test_no_person(linker, text, word):
    assert typed(linker, text).get(word) != "person"


def test_no_name_shapes():
    from communique.mentions.persons_de import _no_name
    assert _no_name("TecDAX") and _no_name("Carina GTS") and _no_name("Ersterer") and _no_name("Open Software License")
    assert not _no_name("Jason Hall")  # "Hall" is a surname too
    assert _no_name("Geiz-ist-geil-Kunde") and not _no_name("Abd-al-Rahman") and not _no_name("Müller-Lüdenscheidt")
    assert not _no_name("Anna Weber") and not _no_name("Lehrer") and not _no_name("McDonald")


def test_list_with_places_is_no_bibliography(linker):
    # "Name , Given ( Place )" is a list of people and their towns, not a bibliography entry
    got = typed(linker, "Es sprachen Meier , Anna ( Bonn ) und andere .")
    assert "Meier , Anna" not in got
