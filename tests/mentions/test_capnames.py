"""Unknown capitalised names in German and Spanish (mentions/capnames.py): own sentences."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _found(linker, text, lang):
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out = {}
    for m in linker.find(doc, norm):
        s, e = norm.to_original(m.start, m.end)
        out[text[s:e]] = m.etype
    return out


def test_german_unknown_names_and_compounds(linker):
    got = _found(linker, "Gestern hat Trainer Jupp Kowalczyk die Mannschaft mit dem Geflügelzuchtbetrieb verglichen .", "de")
    assert got.get("Jupp Kowalczyk") == "person"
    assert "Geflügelzuchtbetrieb" not in got  # a compound of known words is no name


def test_german_place_shapes_and_prepositions(linker):
    got = _found(linker, "Die Familie zog nach Großkleinhausen , später nach Rottenbach .", "de")
    assert got.get("Großkleinhausen") == "place"
    assert got.get("Rottenbach") == "place"


def test_german_organisations(linker):
    got = _found(linker, "Laut Süddeutsche Zeitung hat das Bundesjustizministerium den SC Paderborn gewarnt .", "de")
    assert got.get("Süddeutsche Zeitung") == "organization"
    assert got.get("Bundesjustizministerium") == "organization"
    assert got.get("SC Paderborn") == "organization"
    assert "Paderborn" not in got


def test_german_english_words_are_no_names(linker):
    got = _found(linker, "Das Album heißt Keep Going und erschien im Herbst .", "de")
    assert not any(t == "person" for t in got.values())


def test_spanish_cues_and_connectors(linker):
    text = ("La empresa Telquimar anunció hoy que el jugador Policarpo Ybarzábal , de la localidad de Villanubla , "
            "firmó con la Fundación Amigos del Mar .")
    got = _found(linker, text, "es")
    assert got.get("Telquimar") == "organization"
    assert got.get("Policarpo Ybarzábal") == "person"
    assert got.get("Villanubla") == "place"
    assert got.get("Fundación Amigos del Mar") == "organization"


def test_spanish_dateline_and_surname_propagation(linker):
    text = "Villanubla , 23 may ( EFE ) .\n El alcalde Ernesto Ybarzábal dijo que Ybarzábal no dimitirá ."
    got = _found(linker, text, "es")
    assert got.get("Villanubla") == "place"
    assert got.get("Ernesto Ybarzábal") == "person"
    assert got.get("Ybarzábal") == "person"


def test_spanish_lone_ordinary_word_is_no_name(linker):
    got = _found(linker, "Lo anunció el director general de Comercio en la reunión .", "es")
    assert "Comercio" not in got


def test_spanish_surname_particles_and_clubs(linker):
    got = _found(linker, "Ayer De la Serna toreó en Sevilla y el Valencia ganó al Betis .", "es")
    assert got.get("De la Serna") == "person"
    assert got.get("Valencia") == "organization"  # a town after "el" is its club
