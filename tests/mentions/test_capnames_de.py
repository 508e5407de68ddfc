"""German-only passes after the capitalised names (mentions/capnames_de.py): own sentences, invented names."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions.capnames_de import de_given_names, de_town_like
from communique.normalize import normalize


def _found(linker, text):
    doc = Document(id="t", text=text, source="test", lang="de", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out = {}
    for m in linker.find(doc, norm):
        if m.kind in ("adj", "adjstem", "dem", "coref"):
            continue
        s, e = norm.to_original(m.start, m.end)
        out[text[s:e]] = m.etype
    return out


def test_lone_surnames_need_a_cue(linker):
    got = _found(linker, "Das sei ein guter Tag , sagte Schuster . Auch Bäderleiter Gärtner war zufrieden .")
    assert got.get("Schuster") == "person"  # a verb of saying before, the clause ends after
    assert got.get("Gärtner") == "person"  # a compounded role noun before
    got = _found(linker, "Der Schuster reparierte die Schuhe , der Gärtner goss die Blumen .")
    assert "Schuster" not in got and "Gärtner" not in got  # with an article they are ordinary nouns


def test_bare_noun_opening_a_clause_is_a_surname(linker):
    got = _found(linker, "Bauer übernahm im Frühjahr die Leitung der Schule .")
    assert got.get("Bauer") == "person"
    got = _found(linker, "Im 18. Jahrhundert wuchs die Stadt .")
    assert "Jahrhundert" not in got  # an ordinal's full stop ends no sentence


def test_given_name_with_a_noun_surname(linker):
    got = _found(linker, "Im Finale traf Jodie Bäcker auf die Titelverteidigerin .")
    assert got.get("Jodie Bäcker") == "person"
    got = _found(linker, "Den Sprint der Verfolger gewann niemand .")
    assert not any(t == "person" for t in got.values())  # "Den" is an article, not a given name


def test_initials_and_regnal_numbers(linker):
    got = _found(linker, "Damals traf Walter F. Quandtmeyer die Königin Elisabeth II. in London .")
    assert got.get("Walter F. Quandtmeyer") == "person"
    assert got.get("Elisabeth II.") == "person"


def test_genitive_compass_and_street_places(linker):
    got = _found(linker, "Die Ränder Kölns und der Norden Chinas , Süditalien und die Lindenhainstraße sowie die Cottbuser Straße .")
    assert got.get("Kölns") == "place"
    assert got.get("Chinas") == "country"
    assert got.get("Süditalien") == "place"
    assert got.get("Lindenhainstraße") == "place"
    assert got.get("Cottbuser Straße") == "place"


def test_common_nouns_are_no_places(linker):
    got = _found(linker, "Die Diskussion läuft in Foren und im Internet , vor allem in der Region .")
    assert not any(t in ("place", "country") for t in got.values())


def test_organisation_suffixes_clubs_and_institutions(linker):
    got = _found(linker, "Das Buch erschien im Brammer Verlag . Der 1. FC Kleinhausen spielt gegen den FC Gütersloh 09 .")
    assert got.get("Brammer Verlag") == "organization"
    assert got.get("1. FC Kleinhausen") == "organization"
    assert got.get("FC Gütersloh 09") == "organization"
    got = _found(linker, "Die Schüler der Realschule Balingen besuchten die Boston Celtics , nicht Cape Town .")
    assert got.get("Realschule Balingen") == "organization"
    assert got.get("Boston Celtics") == "organization"
    assert got.get("Cape Town") == "place"


def test_coordinated_unknown_names_share_the_place_type(linker):
    got = _found(linker, "Zur Gemeinde gehören die Dörfer Hukkalampi , Vetrikylä und Jyväskylä .")
    assert got.get("Hukkalampi") == "place"
    assert got.get("Vetrikylä") == "place"


def test_saint_names_are_places(linker):
    got = _found(linker, "Die Kirche St . Wigbert wurde 1790 erbaut .")
    assert got.get("St . Wigbert") == "place"


def test_word_lists():
    assert de_town_like("Mainz") and not de_town_like("Kanton") and not de_town_like("Region")
    names = de_given_names()
    assert "jodie" in names and "rose" not in names  # German common words are left out


def test_place_names_that_run_on(linker):
    got = _found(linker, "Er zog von Frankfurt an der Oder nach Kassel/Erfurt und wanderte am Hudson River auf den Großen Rauhenberg .")
    assert got.get("Frankfurt an der Oder") == "place"
    assert got.get("Kassel/Erfurt") == "place"
    assert got.get("Hudson River") == "place"
    assert got.get("Großen Rauhenberg") == "place"
    got = _found(linker, "Die Zeichnungen stammen von Jason Hall .")
    assert got.get("Jason Hall") == "person"
