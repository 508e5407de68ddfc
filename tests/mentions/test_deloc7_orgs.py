"""German organisations, round seven (``mentions/orgs_de.py``, the media pass of ``capnames_de``). The
sentences are invented for these tests."""

from mentions.conftest import NOT_NAMES, found_in


def typed(linker, text):
    return dict(found_in(linker, text, "de", NOT_NAMES))


def test_listed_media_containing_a_place(linker):
    assert typed(linker, "Das meldete Radio Bremen am späten Abend .").get("Radio Bremen") == "organization"
    assert typed(linker, "Die Welt : Koalition streitet über den Haushalt").get("Die Welt") == "organization"
    assert "Die Welt" not in typed(linker, "Die Welt ist rund .")


def test_names_ending_in_an_exclamation_mark(linker):
    assert typed(linker, "Die Börse schloss fester - Yahoo !").get("Yahoo !") == "organization"


def test_products_are_no_organisations(linker):
    got = typed(linker, "Die Boeing 737 und der BMW X3 parkten vor der Halle .")
    assert "Boeing" not in got and "BMW" not in got
    assert typed(linker, "Siemens will 400 Stellen streichen .").get("Siemens") == "organization"


def test_english_article_and_share_changes(linker):
    assert typed(linker, "Er spielte Bass bei The Silver Harbour Band .").get("The Silver Harbour Band") == "organization"
    assert typed(linker, "Veltrax ( +3,1% ) legte deutlich zu .").get("Veltrax") == "organization"
    assert not typed(linker, "Die Quote ( +2 % ) stieg leicht .")


def test_brand_after_marke(linker):
    assert typed(linker, "Er fuhr einen Wagen der Marke Velorra .").get("Velorra") == "organization"
