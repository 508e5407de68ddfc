"""German organisations, round six (``mentions/orgs_de.py``, the organisation suffixes of ``capnames_de``).
The sentences are invented for these tests."""

from mentions.conftest import NOT_NAMES, found_in


def orgs(linker, text):
    return {w for w, t in found_in(linker, text, "de", NOT_NAMES) if t == "organization"}


def test_firms_named_by_founders(linker):
    assert "Meier & de Vries" in orgs(linker, "Das Büro Meier & de Vries baut eine Schule .")
    assert "Hölscher , Wendt und Partner" in orgs(linker, "Die Kanzlei Hölscher , Wendt und Partner vertritt ihn .")
    assert not orgs(linker, "Die Abteilung Forschung & Entwicklung wächst .")


def test_english_heads(linker):
    assert "Coventry City" in orgs(linker, "Der Verteidiger spielt seit Juli für Coventry City .")
    assert not orgs(linker, "Die Inner City ist am Abend leer .")
    assert "Peter Lorrimer Band" in orgs(linker, "Die Peter Lorrimer Band tritt am Freitag auf .")
    assert not any("Band" in w for w in orgs(linker, "Das steht bei Karl May Band 3 .")), "a volume"
    assert "9th Air Force" in orgs(linker, "Die Bomber der 9th Air Force flogen nach Osten .")


def test_companies_by_verbs_and_appositions(linker):
    assert "Vantorex" in orgs(linker, "Damals erlöste Vantorex knapp zwölf Millionen Franken .")
    assert "KaRo-Sound" in orgs(linker, "Das Label KaRo-Sound veröffentlicht die Platte .")


def test_numbered_acronyms_and_possessives(linker):
    assert not orgs(linker, "Bald fuhr die KXR 4 wieder .")
    assert not orgs(linker, "Er hofft , dass seine Partei zur Ruhe kommt .")


def test_foreign_heads_and_towns(linker):
    assert "Compagnia Navale Sarda" in orgs(linker, "Die Compagnia Navale Sarda kaufte zwei Schiffe .")
    assert "Fédération wallonne" in orgs(linker, "Ein Sprecher der Fédération wallonne widersprach .")
    assert "Ostdeutsche Verlag Kiel" in orgs(linker, "Der Ostdeutsche Verlag Kiel druckt Kalender .")
