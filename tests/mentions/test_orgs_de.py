"""German organisations, round four (``mentions/orgs_de.py``, ``data/lang/de/organisations.yaml``):
known names matched in German only, institution heads with a tail, legal forms, abbreviations that
name no organisation. Sentences are invented for these tests."""

from communique.evaluation.ner import _snap_to_tokens
from communique.mentions import orgs_de
from mentions.conftest import NOT_NAMES, found_in


def found(linker, text, lang="de"):
    return found_in(linker, text, lang, NOT_NAMES)


def orgs(linker, text, lang="de"):
    return {w for w, t in found(linker, text, lang) if t == "organization"}


def test_known_companies_clubs_and_institutions(linker):
    got = orgs(linker, "Nach Angaben von Schering und Halliburton wollen auch Ikea und Swiss Life sparen .")
    assert {"Schering", "Halliburton", "Ikea", "Swiss Life"} <= got
    got = orgs(linker, "Am Samstag verlor Juventus Turin gegen Panathinaikos Athen , Werder spielte unentschieden .")
    assert {"Juventus Turin", "Panathinaikos Athen", "Werder"} <= got
    assert "Umweltbundesamtes" in orgs(linker, "Ein Gutachten des Umweltbundesamtes liegt seit Montag vor .")


def test_known_names_stay_german(linker):
    # the list is German; an English or Spanish document is not read with it
    assert "Halliburton" not in orgs(linker, "Shares of Halliburton rose on Monday .", "en")


def test_company_named_like_a_noun_needs_no_article(linker):
    assert "Allianz" in orgs(linker, "Neben Munich Re verlor auch Allianz am Freitag an Wert .")
    assert "Allianz" not in orgs(linker, "Die Minister werben für eine neue Allianz gegen den Terror .")
    assert "Allianz" not in orgs(linker, "Sie sprachen über die Zukunft der Allianz im Osten .")


def test_institution_head_with_a_tail(linker):
    got = orgs(linker, "Der Bundesverband deutscher Apotheker hat gestern gewarnt .")
    assert "Bundesverband deutscher Apotheker" in got
    got = orgs(linker, "Sie forscht am Institut für Angewandte Ökologie und Wirtschaft des Saarlandes in Homburg .")
    assert "Institut für Angewandte Ökologie und Wirtschaft des Saarlandes" in got
    got = orgs(linker, "Er sprach mit dem Vorsitzenden des Verbandes Bayerischer Brauereien über Preise .")
    assert "Verbandes Bayerischer Brauereien" in got


def test_generic_head_with_a_description_is_no_name(linker):
    got = orgs(linker, "Die Gesellschaft der Zukunft braucht Ideen , meint sie .")
    assert not any(w.startswith("Gesellschaft") for w in got)
    got = orgs(linker, "Das Verkehrsministerium des kleinen Landes prüft den Antrag noch .")
    assert "Verkehrsministerium des kleinen Landes" not in got


def test_legal_form_closes_the_name(linker):
    got = orgs(linker, "Den Zuschlag erhielt die Norrbrook Shipping A/S aus Esbjerg .")
    assert "Norrbrook Shipping A/S" in got
    got = orgs(linker, "Gebaut hat die Halle die Wohnungsgenossenschaft Lindenhof e.G. im Jahr 1998 .")
    assert "Wohnungsgenossenschaft Lindenhof e.G." in got or "Lindenhof e.G." in got


def test_abbreviations_of_terms_are_no_organisations(linker):
    got = orgs(linker, "Das Buch ( ISBN 3-12-345678-9 ) nennt EBIT und MBA als Begriffe .")
    assert not {"ISBN", "EBIT", "MBA"} & got
    got = orgs(linker, "Die Staffel bestand aus zwei Nachtjagdgeschwadern ( NG ) im Norden .")
    assert "NG" not in got


def test_abbreviation_expansion_is_the_organisation(linker):
    got = orgs(linker, "Laut einer Umfrage der Norddeutschen Wohnungsberatung ( NWB ) sparen viele Familien .")
    assert "Norddeutschen Wohnungsberatung" in got


def test_market_report_plural_makes_a_company(linker):
    got = found(linker, "In Tokio verloren Sanwatec 2,1 Prozent , Kirogumi gaben um 1,5 Prozent nach .")
    assert ("Kirogumi", "organization") in got


def test_media_compounds(linker):
    got = orgs(linker, "Das sagte er am Morgen im ARD-Morgenmagazin , eine Zeitung berichtete darüber .")
    assert "ARD-Morgenmagazin" in got
    assert "US-Zeitung" not in orgs(linker, "Eine US-Zeitung berichtete am Sonntag darüber .")


def test_institution_named_after_a_person(linker):
    got = orgs(linker, "Die Schüler des Clara-Zetkin-Gymnasium sammeln Spenden , sagte die Lehrerin .")
    assert "Clara-Zetkin-Gymnasium" in got
    assert "Sport-Gymnasium" not in orgs(linker, "Er besucht ein Sport-Gymnasium in der Stadt .")


def test_apposition_after_a_name_makes_a_company(linker):
    got = found(linker, "Varnholt Nordisk , der größte Softwarehersteller Skandinaviens , meldete einen Verlust .")
    assert ("Varnholt Nordisk", "organization") in got


def test_parliamentary_group_names_its_party(linker):
    got = orgs(linker, "Sie wechselte 1912 in die Fraktion der Freisinnigen Demokraten im Landtag .")
    assert "Freisinnigen Demokraten" in got


def test_competitions_and_office_are_no_organisations(linker):
    got = orgs(linker, "Der Klub spielt seit 2010 wieder in der Bundesliga , sein Trainer übernahm das Amt des Präsidenten .")
    assert "Bundesliga" not in got and not any(w.startswith("Amt") for w in got)


def test_data_loads_and_matches_whole_words_only():
    d = orgs_de._data()
    assert "Schering" in d.names and "ISBN" in d.not_orgs
    assert orgs_de._initials_fit("NWB", ["Norddeutschen", "Wohnungsberatung"])
    assert not orgs_de._initials_fit("MBA", ["Kampfgeschwadern"])


def test_germeval_spans_snap_to_tokens():
    text = "Er hat Erfolg beim DFB.\n.Austal USA baut Schiffe .\n"
    s = text.index("DFB")
    assert _snap_to_tokens(text, s, s + 3) == (s, s + 4)
    a = text.index("Austal")
    assert _snap_to_tokens(text, a, a + 10) == (a - 1, a + 10)
    u = text.index("USA")
    assert _snap_to_tokens(text, u, u + 3) == (u, u + 3)
