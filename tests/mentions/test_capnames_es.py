"""Spanish conventions of news text (mentions/capnames_es.py and the Spanish capnames data): own sentences."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions.capnames_es import misc_spans
from communique.normalize import normalize


def _found(linker, text):
    doc = Document(id="t", text=text, source="test", lang="es", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    out = {}
    for m in linker.find(doc, norm):
        if m.nested_in:
            continue  # a place nested in an organisation's name (mentions/nested.py): CoNLL's layer is flat
        s, e = norm.to_original(m.start, m.end)
        out.setdefault(text[s:e], []).append(m.etype)
    return out


def test_competitions_laws_and_prizes_are_no_entities(linker):
    text = "El equipo ganó la Copa de Europa y la XII Supercopa de España , y el Gobierno aprobó la Ley de Aguas de Murcia ."
    got = _found(linker, text)
    assert "Europa" not in got and "España" not in got and "Murcia" not in got
    assert not any(k.startswith(("Copa", "Ley", "XII")) for k in got)
    spans = [text[a:b] for a, b in misc_spans(text)]
    assert "XII Supercopa de España" in spans and "Ley de Aguas de Murcia" in spans


def test_arab_league_stays_an_organisation(linker):
    got = _found(linker, "La Liga Árabe se reunió hoy en El Cairo .")
    assert got.get("Liga Árabe") == ["organization"]


def test_player_lists_and_results_name_clubs(linker):
    text = ("El comité de disciplina castigó con dos jornadas a Pelayo Ordóñez ( Zaragoza ) y "
            "Iribarne ( Albacete ) por sus protestas al árbitro .\n"
            "Resultados de la jornada de liga : Sevilla 2 - Valladolid 1 .")
    got = _found(linker, text)
    assert got.get("Zaragoza") == ["organization"]
    assert got.get("Albacete") == ["organization"]
    assert got.get("Pelayo Ordóñez") == ["person"]
    assert got.get("Sevilla") == ["organization"] and got.get("Valladolid") == ["organization"]


def test_dateline_in_brackets_stays_a_place(linker):
    got = _found(linker, "Talavera ( Toledo ) , 12 jun ( EFE ) .\nEl alcalde inauguró hoy el puente nuevo .")
    assert got.get("Toledo") == ["place"]


def test_cue_over_an_adjective_and_one_type_per_name(linker):
    got = _found(linker, "La empresa uruguaya Tresmarcas abrió dos tiendas . El director de Tresmarcas dijo que Tresmarcas crecerá .")
    assert got.get("Tresmarcas") == ["organization"] * 3


def test_coordinated_names_share_the_type_of_a_known_one(linker):
    got = _found(linker, "Firmaron el acuerdo Repsol , Quintanel , Iberdrola y Sorvena .")
    assert got.get("Quintanel") == ["organization"] and got.get("Sorvena") == ["organization"]


def test_organisation_head_over_por_la(linker):
    got = _found(linker, "El Consejo por la Transparencia Electoral pidió más observadores .")
    assert got.get("Consejo por la Transparencia Electoral") == ["organization"]


def test_ordinary_words_and_codes_are_no_names(linker):
    got = _found(linker, "Para este año el PIB crecerá un dos por ciento . Para Arrieta , el país necesita reformas .\n( MD2031 ) .")
    assert "Para" not in got and "PIB" not in got and "MD2031" not in got
    assert got.get("Arrieta") == ["person"]
    got = _found(linker, "Lo publica hoy el país vecino , donde el gas natural es barato .")
    assert not got  # "el país", "gas natural" in lower case are no newspaper, no company


def test_portfolio_after_a_role_word_is_no_organisation(linker):
    got = _found(linker, "El ministro de Defensa , Tomás Ibargüen , visitó la base .")
    assert "Defensa" not in got
    assert got.get("Tomás Ibargüen") == ["person"]


def test_byline_ends_before_the_dateline_town(linker):
    got = _found(linker, "Por Marta Elena Quiroga Sevilla , 12 jun ( EFE ) .\nLa feria abrió hoy .")
    assert got.get("Marta Elena Quiroga") == ["person"]
    assert got.get("Sevilla") == ["place"]


def test_line_up_is_a_list_of_persons(linker):
    got = _found(linker, "Sevilla : Notario ; Prieto , Marcos Alonso , Quiroga , Pablo Ruiz ( Dieguez , m.70 ) , Tabares y Medel .")
    for name in ("Notario", "Prieto", "Quiroga", "Tabares", "Medel", "Dieguez"):
        assert got.get(name) == ["person"], (name, got)


def test_lone_given_name_that_is_a_word(linker):
    got = _found(linker, "El árbitro amonestó a César y a Carlos Ibarguren por protestar .")
    assert got.get("César") == ["person"]  # "césar" is also a word


def test_name_after_a_role_in_an_institution(linker):
    got = _found(linker, "Lo confirmó el director de Quimbalta . Según Quimbalta , las ventas subieron .")
    assert got.get("Quimbalta") == ["organization", "organization"]


def test_countries_listed_as_members_stay_countries(linker):
    # CoNLL-2002 tags such lists ORG; for event data they are the countries that act
    got = _found(linker, "El grupo quedó conformado por Bolivia , Ecuador , Paraguay y Uruguay .")
    for c in ("Bolivia", "Ecuador", "Paraguay", "Uruguay"):
        assert got.get(c) == ["country"], (c, got)
    got = _found(linker, "Los países firmantes, Rusia, Bielorrusia y Kazajistán, se reunieron en Minsk.")
    assert got.get("Rusia") == ["country"] and got.get("Kazajistán") == ["country"]


def test_speaker_surname_and_place_pairs(linker):
    got = _found(linker, "La propuesta es buena , agregó Urrutikoetxea , quien la apoyó . El gasoducto Bolivia-Brasil funciona .")
    assert got.get("Urrutikoetxea") == ["person"]
    assert got.get("Bolivia-Brasil") == ["place"]


def test_club_names_with_prefix_hold_their_town(linker):
    got = _found(linker, "En la final de liga el BM. GRANOLLERS venció al ATLETICO DE MADRID por 25-23 en el partido .")
    assert got.get("BM. GRANOLLERS") == ["organization"]
    assert got.get("ATLETICO DE MADRID") == ["organization"]
    assert "MADRID" not in got and "GRANOLLERS" not in got


def test_places_by_position(linker):
    got = _found(linker, "Santiago de Chile , 12 jun ( EFE ) .\nLa sesión empezó tarde .\n12.00 h. - Almendralejo .\n"
                         "Viven en el estado brasileño de Minas Gerais .")
    assert got.get("Santiago de Chile") == ["place"]
    assert got.get("Almendralejo") == ["place"]
    assert got.get("Minas Gerais") == ["place"]


def test_venue_noun_and_building(linker):
    got = _found(linker, "El acto se celebró en el Museo de Almería y el partido en el estadio Ramón Sánchez Pizjuán .")
    assert got.get("Museo de Almería") == ["place"]
    assert got.get("estadio Ramón Sánchez Pizjuán") == ["place"]


def test_dateline_town_and_table_rows(linker):
    got = _found(linker, "EL PLENO DEBATIRA HOY LA LEY DE AGUAS Badajoz ( EFE ) .\nEl dólar se cambia así : 8,10 Córdobas ( Nicaragua ) .\n"
                         "El árbitro amonestó a Arbeloa y Savage .")
    assert got.get("Badajoz") == ["place"]
    assert "Córdobas" not in got
