"""Spanish places (s9-es2, mentions/capnames_es.py): regions with an article, place prepositions,
datelines, venues, names with their acronym, persons read as towns. Own sentences, not from the dev data."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _found(linker, text):
    """{surface: [(etype, eid), ...]}"""
    doc = Document(id="t", text=text, source="test", lang="es", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out: dict[str, list[tuple[str, str]]] = {}
    for m in linker.find(doc, norm):
        if m.kind in ("adj", "adjstem", "dem", "coref") or m.nested_in:
            continue  # (nested_in: a place nested in an organisation's name, mentions/nested.py; CoNLL is flat)
        s, e = norm.to_original(m.start, m.end)
        out.setdefault(text[s:e], []).append((m.etype, m.eid))
    return out


def _types(got, surface):
    return [t for t, _ in got.get(surface, [])]


def test_regions_take_an_article_and_stay_places(linker):
    # a town after an article is a club ("el Barcelona"); a region, a landform is not
    got = _found(linker, "Hubo protestas en el País Vasco , en el Tíbet y en el sur del Caquetá .")
    assert _types(got, "País Vasco") == ["place"] and _types(got, "Tíbet") == ["place"] and _types(got, "Caquetá") == ["place"]
    assert all(eid.startswith(("kb:", "gn:")) for v in got.values() for _, eid in v)


def test_country_after_a_portfolio_is_kept(linker):
    got = _found(linker, "El ministro de Asuntos Exteriores de Rusia , Serguéi Lavrov , llegó hoy a Madrid .")
    assert got["Rusia"] == [("country", "kb:country/RU")]
    assert _types(got, "Serguéi Lavrov") == ["person"]
    got = _found(linker, "El ministro de Defensa de Estados Unidos llegó hoy .")
    assert got["Estados Unidos"] == [("country", "kb:country/US")]  # "Defensa" is no team's defence


def test_names_after_a_place_preposition(linker):
    got = _found(linker, "El detenido vivía desde hace años en Villa Quemada Alta , cerca de la costa .")
    assert _types(got, "Villa Quemada Alta") == ["place"]
    got = _found(linker, "El martes anunció en Quito la Asociación Nacional de Pescadores , que la veda termina .")
    assert _types(got, "Quito") == ["place"] and _types(got, "Asociación Nacional de Pescadores") == ["organization"]


def test_a_verb_of_motion_and_a(linker):
    got = _found(linker, "El herido fue trasladado a Villa Quemada Alta , donde murió .")
    assert _types(got, "Villa Quemada Alta") == ["place"]
    got = _found(linker, "El jugador fue presentado a Juan Torres Quemada .")  # no verb of motion: a person
    assert _types(got, "Juan Torres Quemada") == ["person"]


def test_dated_town_after_a_signature(linker):
    got = _found(linker, "Servicio de noticias .\nEFE Canarias Lima , 4 jun ( EFE ) .\nEl Gobierno peruano anunció hoy ...")
    assert _types(got, "Lima") == ["place"]
    assert "EFE Canarias Lima" not in got


def test_landforms_and_lists_of_places(linker):
    got = _found(linker, "La expedición quiere escalar el Nanga Parbat , en la cordillera de Los Karakórum .")
    assert _types(got, "Nanga Parbat") == ["place"] and _types(got, "Los Karakórum") == ["place"]
    got = _found(linker, "La propuesta afecta a Navarra , Zuberoa y Cantabria .")
    assert _types(got, "Zuberoa") == ["place"]
    got = _found(linker, "Llegó hasta la Costa Dorada y la Comunidad Foral de Navarra .")
    assert _types(got, "Costa Dorada") == ["place"] and _types(got, "Comunidad Foral de Navarra") == ["place"]


def test_venues_and_their_town(linker):
    got = _found(linker, "El partido se jugó en el estadio del Centenario de Montevideo ante 40.000 espectadores .")
    assert _types(got, "estadio del Centenario") == ["place"] and _types(got, "Montevideo") == ["place"]
    got = _found(linker, "La final será en el pabellón Fernando Martín , junto al estadio Olímpico .")
    assert _types(got, "pabellón Fernando Martín") == ["place"]


def test_a_name_with_its_acronym_is_one_organisation(linker):
    got = _found(linker, "El director de la Agencia para Bosnia ( APB ) visitó hoy el Centro de Apoyo en Sudán ( CAS ) .")
    assert _types(got, "Agencia para Bosnia") == ["organization"]
    assert _types(got, "Centro de Apoyo en Sudán") == ["organization"]
    assert "Bosnia" not in got and "Sudán" not in got


def test_an_organisation_inside_a_mission_or_force_stays_linked(linker):
    got = _found(linker, "La Misión de Observación Electoral de la Unión Europea llegó hoy a Caracas .")
    assert _types(got, "Unión Europea") == ["organization"] and _types(got, "Caracas") == ["place"]


def test_persons_read_as_towns(linker):
    got = _found(linker, "El centro del campo lo formaron Franca y Rivaldo , pero el árbitro anuló el gol .")
    assert _types(got, "Franca") == ["person"]
    got = _found(linker, "La princesa Victoria Eugenia llegó a Madrid .")
    assert _types(got, "Victoria Eugenia") == ["person"] and _types(got, "Madrid") == ["place"]


def test_headline_words_and_internet_are_no_places(linker):
    got = _found(linker, "SANCHEZ CONVOCA REUNION URGENTE DEL GABINETE Madrid ( EFE ) .\nEl portal está en Internet desde hoy .")
    assert "REUNION" not in got and "Internet" not in got
    assert _types(got, "Madrid") == ["place"]
