"""s17 (qual17): titles and lone names. A title of another office before a known surname makes a new person with
the role as written; "former" titles in French, Spanish, Russian; a portfolio between title and name must fit
the office too; a former leader's title beats a namesake in office; a surname that is mainly a given name
("Mohammed") names a person alone only with a fitting title or the full name."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize
from mentions.conftest import linked_in

Y2024 = datetime(2024, 1, 1, tzinfo=timezone.utc)
Y2025 = datetime(2025, 3, 1, tzinfo=timezone.utc)
IMRAN = "kb:person/imran-khan"


def _persons(linker, text: str, lang: str, when: datetime = Y2025) -> dict[str, tuple[str, str | None]]:
    d = Document(id="t", text=text, source="test", lang=lang, published=when)
    n = normalize(text)
    return {n.text[m.start:m.end]: (m.eid, m.role) for m in linker.find(d, n) if m.etype == "person"}


# -- 1. a title of another office: a new person with the role as written -------------------------------------
def test_interior_minister_khan_is_a_new_person_with_his_role(linker):
    for when in (Y2024, Y2025):
        got = _persons(linker, "Yesterday the Interior Minister Khan inspected the new border posts.", "en", when)
        assert got.get("Khan") == ("new:person/khan", "Interior Minister"), got


def test_a_portfolio_after_the_title_in_three_languages(linker):
    cases = [
        ("fr", "Hier, le ministre de l'Intérieur Khan a visité les nouveaux postes frontières.", "ministre de l'Intérieur"),
        ("es", "Ayer el ministro del Interior Khan visitó los nuevos puestos fronterizos.", "ministro del Interior"),
        ("en", "Yesterday the Minister of the Interior Khan inspected the new border posts.", "Minister of the Interior"),
    ]
    for lang, text, role in cases:
        got = _persons(linker, text, lang)
        assert got.get("Khan") == ("new:person/khan", role), (lang, got)


def test_russian_portfolio_in_the_genitive_makes_a_person(linker):
    got = _persons(linker, "Вчера министр внутренних дел Пакистана Хан осмотрел новые посты.", "ru")
    assert got.get("Хан", ("",))[0].startswith("new:person/"), got
    assert got["Хан"][1] == "министр внутренних дел Пакистана"


def test_an_unknown_minister_after_a_french_portfolio(linker):
    got = _persons(linker, "Le ministre de l'Intérieur Valbrunet a visité la frontière mardi.", "fr")
    assert got.get("Valbrunet") == ("new:person/valbrunet", "ministre de l'Intérieur"), got


def test_a_body_after_a_title_and_its_preposition_is_no_person(linker):
    got = _persons(linker, "El director de Vialmarca dijo ayer que Vialmarca crecerá.", "es")
    assert "Vialmarca" not in got
    got = _persons(linker, "Директор компании Genentech выступил вчера.", "ru")
    assert "Genentech" not in got


# -- 3. "former" in other languages ---------------------------------------------------------------------------
def test_former_prime_minister_in_four_languages(linker):
    cases = [
        ("fr", "L'ancien Premier ministre Khan a été transféré dans une autre prison lundi."),
        ("fr", "L'ex-Premier ministre Khan a été transféré dans une autre prison lundi."),
        ("es", "El ex primer ministro Khan fue trasladado a otra prisión el lunes."),
        ("de", "Der frühere Premierminister Khan wurde am Montag in ein anderes Gefängnis verlegt."),
        ("en", "Former Prime Minister Khan was moved to another prison on Monday."),
    ]
    for lang, text in cases:
        assert linked_in(linker, text, lang, Y2025).get("Khan") == IMRAN, (lang, text)


def test_another_office_in_spanish_is_not_the_former_prime_minister(linker):
    found = linked_in(linker, "Ayer el ministro del Interior Khan visitó los nuevos puestos fronterizos.", "es", Y2025)
    assert found.get("Khan") != IMRAN


# -- 4. a former leader's title beats a namesake in office ----------------------------------------------------
def test_former_prime_minister_philippe_is_not_the_king(linker):
    found = linked_in(linker, "Former Prime Minister Philippe will run for president, his party said.", "en", Y2025)
    assert found.get("Philippe") == "kb:person/edouard-philippe"
    found = linked_in(linker, "L'ancien Premier ministre Philippe sera candidat, a annoncé son parti.", "fr", Y2025)
    assert found.get("Philippe") == "kb:person/edouard-philippe"
    # the king by his title, and the lone name still as before
    assert linked_in(linker, "King Philippe opened the new bridge.", "en", Y2025).get("King Philippe") == \
        "kb:person/king-philippe"


def test_a_leader_in_another_office_now_is_still_named_by_his_former_title(linker):
    # Micheál Martin: Taoiseach 2020-2022, foreign minister 2022-2025
    found = linked_in(linker, "The president invited Irish Prime Minister Martin to Kyiv.", "en",
                      datetime(2024, 5, 2, tzinfo=timezone.utc))
    assert found.get("Martin") == "kb:person/micheal-martin"


# -- 2. a surname that is mainly a given name -----------------------------------------------------------------
def test_a_lone_common_given_name_links_no_minister(linker):
    for text in ("Mohammed said the talks had gone well.", "Ahmed said the talks had gone well."):
        found = linked_in(linker, text, "en", Y2024)
        assert not any(v.startswith("kb:person/") for v in found.values()), (text, found)


def test_the_full_name_or_a_fitting_title_still_links_it(linker):
    found = linked_in(linker, "Abiy Ahmed flew to Nairobi. Ahmed said the talks had gone well.", "en", Y2024)
    assert found.get("Ahmed") == "kb:person/abiy-ahmed"
    found = linked_in(linker, "Eritrean Foreign Minister Mohammed said the talks had gone well.", "en", Y2024)
    assert found.get("Mohammed") == "kb:person/osman-saleh-mohammed"


def test_a_surname_shared_by_many_but_no_mainly_given_name_still_links(linker):
    # "Khan" is a given name of as many persons as it is a surname of: the lone name keeps its rule
    found = linked_in(linker, "Khan spoke to supporters in Lahore.", "en", Y2025)
    assert found.get("Khan") == IMRAN
