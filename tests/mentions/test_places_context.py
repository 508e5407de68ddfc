"""Place disambiguation by the document's geography (mentions/places.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _places(linker, text, lang="en"):
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    out = []
    for m in linker.find(doc, normalize(text)):
        if m.etype in ("place", "country"):
            out.append((text[m.start:m.end], m.eid))
    return out


def _ids(linker, text, surface, lang="en"):
    return [eid for s, eid in _places(linker, text, lang) if s == surface]


def test_dateline_with_state_abbreviation_holds_for_the_document(linker):
    text = "LONDON, Ky. (AP) - A man was arrested on Friday. London police said he had two warrants."
    assert _ids(linker, text, "LONDON") == ["gn:4298960"]
    assert _ids(linker, text, "London") == ["gn:4298960"]  # one sense per discourse


def test_name_comma_state(linker):
    assert _ids(linker, "The band grew up in Paris, Texas, and still plays there.", "Paris") == ["gn:4717560"]
    assert _ids(linker, "The band played in Paris last night.", "Paris") == ["gn:2988507"]


def test_small_place_needs_region_evidence(linker):
    with_region = "Kentucky State Police said the driver, a woman of McKee, was not hurt."
    assert _ids(linker, with_region, "McKee") == ["gn:4300339"]
    without = "The driver, a woman of McKee, was not hurt."
    assert _ids(linker, without, "McKee") == []


def test_small_namesake_chosen_by_nearby_places(linker):
    text = ("Police in Queensland said the boys were taken near Cairns. Residents of Edmonton, "
            "south of Cairns, met on Monday.")
    assert _ids(linker, text, "Edmonton") == ["gn:2167744"]
    assert _ids(linker, "Oilers fans celebrated in Edmonton overnight.", "Edmonton") == ["gn:5946768"]


def test_ordinary_word_is_no_small_place(linker):
    # "Summit" is a town name in several US states and an ordinary English word
    text = "Summit talks opened in Geneva on Monday. Officials of Colorado attended the Summit."
    assert _ids(linker, text, "Summit") == []


def test_region_readings(linker):
    assert _ids(linker, "Former New York Gov. Mario Cuomo spoke.", "New York") == ["gn:5128638"]
    assert _ids(linker, "Storms hit Kansas and Oklahoma overnight.", "Oklahoma") == ["gn:4544379"]
    assert _ids(linker, "No fatalities were recorded in Tasmania.", "Tasmania") == ["gn:2147291"]
    assert _ids(linker, "Crashes were recorded in NSW at the weekend.", "NSW") == ["gn:2155400"]


def test_iso_subdivisions_are_places_of_their_country(linker):
    ids = _ids(linker, "Floods hit Uttar Pradesh on Sunday.", "Uttar Pradesh")
    assert len(ids) == 1
    assert linker.kb.entities[ids[0]]["country"] == "IN"


def test_other_languages_keep_their_readings(linker):
    assert _ids(linker, "Lawrow traf Wadephul in Paris.", "Paris", "de") == ["gn:2988507"]
    assert _ids(linker, "Лавров прилетел в Брест.", "Брест", "ru") == ["gn:629634"]


def test_state_after_a_town_of_it(linker):
    # "Atlanta, Georgia": the US state, not the country; "Tbilisi, Georgia" keeps the country
    assert _ids(linker, "Offices in Atlanta, Georgia, were closed.", "Georgia") == ["gn:4197000"]
    assert _ids(linker, "Protests in Tbilisi, Georgia, went on.", "Georgia") == ["kb:country/GE"]
    # "Hugo, Oklahoma" (a town the matcher lacks): the state, not Oklahoma City
    assert _ids(linker, "He was born in Hugo, Oklahoma, in 1950.", "Oklahoma") == ["gn:4544379"]


def test_likely_reading_backs_a_near_namesake(linker):
    # Enfield's likely reading is the London borough (three times the Connecticut town); Edmonton in
    # north London lies beside it, so that Edmonton beats the bigger one in Alberta
    text = "Children from an Edmonton school planted a garden. Enfield council paid for the tools."
    assert _ids(linker, text, "Edmonton") == ["gn:2650209"]
    assert _ids(linker, "Children from an Edmonton school planted a garden.", "Edmonton") == ["gn:5946768"]


def test_small_place_in_the_same_country_as_its_bigger_namesake(linker):
    # the United States named says nothing for New Milford, New Jersey over the Connecticut town near Danbury
    text = "A Danbury man was arrested in the United States. He was brought to New Milford police."
    assert _ids(linker, text, "New Milford") == ["gn:4839435"]
    # a first-level division keeps its reading without a region cue
    assert _ids(linker, "Farmers in Ohio and Wyoming sold more beef.", "Wyoming") == ["gn:5843591"]


def test_dateline_without_region(linker):
    text = "Mayor to speak on schools.\nNORWALK — The mayor will speak on Monday about the new schools."
    assert _ids(linker, text, "NORWALK")
    assert _ids(linker, "Results of the vote.\nSARS cases rose on Monday.", "SARS") == []


def test_dateline_reading_at_a_sentence_start_and_county_evidence(linker):
    # the dateline opens the text, where the matcher drops towns named like words; the later mention
    # keeps the Kentucky town, and the dateline follows it
    text = "GEORGETOWN, Ky. (WKYT) - A fire hit a barn. Firefighters from Georgetown came at noon."
    assert _ids(linker, text, "GEORGETOWN") == ["gn:4292686"]
    # a county of one state names the state: London, Kentucky, not England
    text = "A crash happened in Laurel County on Friday, Kentucky State Police said. The Laurel County sheriff named a man of London."
    assert _ids(linker, text, "London") == ["gn:4298960"]
