"""Overlapping knowledge-base readings: which one the linker keeps (own sentences)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _ids(linker, text, lang):
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 1, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out = {}
    for m in linker.find(doc, norm):
        s, e = norm.to_original(m.start, m.end)
        out[text[s:e]] = m.eid
    return out


def test_a_town_with_an_article_does_not_hide_a_longer_name(linker):
    # "La Unión" is a town; at the start of a sentence it must not swallow "Unión Europea"
    assert _ids(linker, "La Unión Europea firmó el acuerdo con Mercosur.", "es").get("Unión Europea") == "kb:org/eu"
    # the town itself, and article names that are whole, still link
    got = _ids(linker, "Viajó a La Unión y después a El Salvador.", "es")
    assert got.get("El Salvador") == "kb:country/SV"
    assert got.get("La Unión", "").startswith("gn:")


def test_a_person_beats_a_place_alternate_name(linker):
    # "Lula" is also an alternate name of Luleå (Sweden)
    for text in ("Lula visitó Madrid.", "El presidente recibió a Lula en Brasilia."):
        assert _ids(linker, text, "es").get("Lula") == "kb:person/luiz-inacio-lula-da-silva"


def test_a_country_name_listed_for_a_city_still_means_the_country(linker):
    # GeoNames lists "Бразилия" (and "Бразилиа", which stems alike) among Brasília's names
    got = _ids(linker, "Президент Бразилии прибыл в Москву. Переговоры прошли в Бразилии.", "ru")
    assert got["Бразилии"] == "kb:country/BR"
    assert got["Москву"] == "gn:524901"


def test_a_surname_plus_ov_is_another_surname(linker):
    # "Турчинов" is not a case form of "Турчин"; "Турчина" is
    got = _ids(linker, "Александр Турчинов выступил. Премьер-министр Турчин и Турчина не встречал.", "ru")
    assert all(eid != "kb:person/alexander-turchin" for text, eid in got.items() if "Турчинов" in text)
    assert got["Турчин"] == "kb:person/alexander-turchin"


@pytest.mark.parametrize("lang, text, bare, formal", [
    ("de", "Er reiste in den Kongo und in die Republik Kongo.", "Kongo", "Republik Kongo"),
    ("ru", "Он посетил Конго и Республику Конго.", "Конго", "Республику Конго"),
])
def test_congo_is_a_country_in_every_language(linker, lang, text, bare, formal):
    got = _ids(linker, text, lang)
    assert got[bare] == "kb:country/CD"  # the bare name: the larger DR Congo, as "Congo" in English
    assert got[formal] == "kb:country/CG"


def test_a_town_named_by_a_common_word_heading_a_title_is_no_place(linker):
    # Summit, New Jersey: "Summit of the Future" is a title
    got = _ids(linker, "Leaders met at the two-day Summit of the Future in New York.", "en")
    assert "Summit" not in got and got["New York"] == "gn:5128581"
