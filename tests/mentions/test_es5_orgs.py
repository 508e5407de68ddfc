"""Spanish organisations, places and names that are none (s14 es5: mentions/orgs_es.py, mentions/locs_es.py and
the s14 changes in mentions/capnames_es.py). Invented sentences, none from the development data."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _found(linker, text):
    """{surface: [etype, ...]} of the flat mentions (no adjectives, no nested places)."""
    doc = Document(id="t", text=text, source="test", lang="es", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out: dict[str, list[str]] = {}
    for m in linker.find(doc, norm):
        if m.kind in ("adj", "adjstem", "dem", "coref") or m.nested_in:
            continue
        s, e = norm.to_original(m.start, m.end)
        out.setdefault(text[s:e], []).append(m.etype)
    return out


def test_quoted_name_after_an_organisation_noun(linker):
    got = _found(linker, 'Según informa el semanario chileno " Horizonte " , la huelga sigue . Lo confirmó a " Horizonte " un portavoz .')
    assert got.get("Horizonte") == ["organization", "organization"]
    got = _found(linker, 'La productora " Luna Verde Films " rodará en Cuenca .')
    assert got.get("Luna Verde Films") == ["organization"]


def test_titles_in_quotes_hold_no_names(linker):
    got = _found(linker, 'El director estrenó la película " Regreso a Lisboa " ( 1997 ) y " Noches de Túnez " el mismo año .')
    assert "Lisboa" not in got and "Túnez" not in got
    got = _found(linker, 'La campaña " Verano en Galicia " arranca hoy en Vigo .')
    assert "Galicia" not in got and got.get("Vigo") == ["place"]
    got = _found(linker, 'Los vecinos temen la llegada del huracán " Ramona " esta noche .')
    assert "Ramona" not in got


def test_quoted_run_without_cue_is_no_person(linker):
    got = _found(linker, 'La marca busca al " Chico Moderno " del verano en un certamen .')
    assert "Chico Moderno" not in got


def test_numbered_meeting_is_no_organisation(linker):
    got = _found(linker, "La XII Asamblea Anual de Cooperativas Agrarias se reunirá en Palencia .")
    assert not any(t == "organization" for v in got.values() for t in v)
    assert got.get("Palencia") == ["place"]
    got = _found(linker, "Comenzó la Tercera Conferencia Regional de Energía en Quito .")
    assert not any(t == "organization" for v in got.values() for t in v)


def test_acronym_of_a_common_noun_or_a_law(linker):
    got = _found(linker, "El proyecto ofrece una Tasa Interna de Retorno ( TIR ) alta .")
    assert "Tasa Interna de Retorno" not in got
    got = _found(linker, "La Ley de Costas Protegidas ( LCP ) entra en vigor ; según los alcaldes , la LCP es confusa .")
    assert "LCP" not in got
    got = _found(linker, "El estándar GSM ( Global System Mobile ) domina el mercado .")
    assert "Global System Mobile" not in got


def test_ampersand_acronym_is_one_organisation(linker):
    got = _found(linker, "La operadora XY&Z firmó un acuerdo con sus socios .")
    assert got.get("XY&Z") == ["organization"] and "XY" not in got


def test_gentilic_with_feminine_article_is_a_company(linker):
    got = _found(linker, "El contrato fue para la danesa Fjordtel , que superó a la sueca Norvalia .")
    assert got.get("Fjordtel") == ["organization"] and got.get("Norvalia") == ["organization"]
    # a given name first: a person
    got = _found(linker, "La novela de la chilena Isabel Morandé se publica hoy .")
    assert got.get("Isabel Morandé") == ["person"]


def test_prize_after_lower_case_noun(linker):
    got = _found(linker, "La escritora recibió el premio Valdecañas de Novela y el premio Ortuella .")
    assert not got


def test_titles_of_nobility_head_persons(linker):
    got = _found(linker, "Presidieron el acto los Condes de Tarrasa y la Infanta Beatriz de Borbón .")
    assert got.get("Condes de Tarrasa") == ["person"] and got.get("Infanta Beatriz de Borbón") == ["person"]


def test_list_after_a_plural_organisation_noun(linker):
    got = _found(linker, "Denunció a las aseguradoras Rodalux , Pirsen y Goltrak por el precio .")
    assert got.get("Rodalux") == ["organization"] and got.get("Pirsen") == ["organization"] and got.get("Goltrak") == ["organization"]


def test_merger_name_and_its_part(linker):
    got = _found(linker, "La fusión BKT-Valtoria creó un gigante . Antes Valtoria era el socio menor .")
    assert got.get("BKT-Valtoria") == ["organization"] and got.get("Valtoria") == ["organization"]


def test_portfolio_after_a_nationality_is_no_organisation(linker):
    got = _found(linker, "El ministro peruano de Hacienda , Jorge Salas , viajó hoy .")
    assert "Hacienda" not in got


def test_institution_after_general(linker):
    got = _found(linker, "Se suspendió la asamblea general de Herrialdeak , prevista para junio .")
    assert got.get("Herrialdeak") == ["organization"]


def test_club_of_the_second_of_two_players(linker):
    got = _found(linker, "El juez de competición castigó a Toni y Mora ( Girona ) y a Rubén ( Getafe ) por doble tarjeta amarilla en el partido .")
    assert got.get("Girona") == ["organization"] and got.get("Getafe") == ["organization"]


def test_catalan_connectors_in_organisation_names(linker):
    got = _found(linker, "La Coordinadora Veïnal per la Vivenda convocó una marcha .")
    assert got.get("Coordinadora Veïnal per la Vivenda") == ["organization"]


def test_place_by_apposition(linker):
    got = _found(linker, "Los hechos ocurrieron en Campanario Alto , localidad situada al norte . Campanario Alto tiene 900 vecinos .")
    assert got.get("Campanario Alto") == ["place", "place"]
    got = _found(linker, "Llovió en Tejares , un municipio de la sierra .")
    assert got.get("Tejares") == ["place"]


def test_place_name_with_a_year_is_no_place(linker):
    got = _found(linker, "Fue oro en Sevilla '99 y candidato de Bolivia 2025 en los comicios .")
    assert "Sevilla" not in got and "Bolivia" not in got


def test_place_after_en_in_a_named_day_is_kept(linker):
    got = _found(linker, "Miles de personas celebraron el Día de la Marina en Cartagena .")
    assert got.get("Cartagena") == ["place"] and "Día de la Marina" not in got


def test_diplomatic_sentences_unchanged(linker):
    got = _found(linker, "Ayer un secretario general de Naciones Unidas habló con el ministro ruso de Exteriores en Ginebra .")
    assert got.get("Naciones Unidas") == ["organization"] and got.get("Ginebra") == ["place"]
    got = _found(linker, "La estadounidense Boeing y la rusa Gazprom pactaron precios ante la chilena Bachelet .")
    assert got.get("Boeing") == ["organization"] and got.get("Gazprom") == ["organization"] and got.get("Bachelet") == ["person"]
