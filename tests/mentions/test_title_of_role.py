"""A title with an "of" phrase before a name the knowledge base does not know is the person's role, and a country or
place named in it (or by an adjective before it) the person's country (s19)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _persons(linker: MentionLinker, text: str, lang: str = "en") -> dict[str, tuple[str | None, str | None]]:
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 20, tzinfo=timezone.utc))
    return {text[e.mentions[0].start:e.mentions[0].end]: (e.role, e.country)
            for e in linker.link(doc, normalize(text)) if e.type == "person"}


@pytest.mark.parametrize("text, name, role, country", [
    ("Speaker of the US House of Representatives Nancy Pelosi arrived in Taipei.", "Nancy Pelosi",
     "Speaker of the US House of Representatives", "US"),
    ("He met Portuguese Minister of Education Maria Ferreira in Lisbon.", "Maria Ferreira", "Minister of Education", "PT"),
    ("He met the Mayor of Madrid Elena Ruiz at the city hall.", "Elena Ruiz", "Mayor of Madrid", "ES"),
])
def test_title_and_of_phrase_are_the_role(linker, text, name, role, country):
    assert _persons(linker, text).get(name) == (role, country)


def test_a_title_after_a_word_of_kinship_is_the_relative_s(linker):
    text = "The First Lady discussed with the wife of the President of Latvia Andra Levite a new project."
    assert _persons(linker, text).get("Andra Levite", (None, None))[0] is None


@pytest.mark.parametrize("text, surface, role", [
    ("During the visit, Deputy Head of the Office of the President of Ukraine Ihor Zhovkva met the ministers.",
     "Ihor Zhovkva", "Deputy Head of the Office of the President of Ukraine"),
    ("He was welcomed by First Deputy Minister for Foreign Affairs of Ukraine Emine Dzhaparova.", "Emine Dzhaparova",
     "First Deputy Minister for Foreign Affairs of Ukraine"),
])
def test_a_title_in_another_s_of_phrase_is_one_role(linker, text, surface, role):
    """"Deputy Head of the Office of the President of Ukraine X" is no President (s19)."""
    assert _persons(linker, text).get(surface, (None, None))[0] == role


def test_a_person_between_title_and_name_holds_that_title(linker):
    text = ("The meeting was attended by Head of the President's Office Andriy Yermak and Commander-in-Chief of the "
            "Armed Forces Valerii Zaluzhnyi.")
    role = _persons(linker, text).get("Valerii Zaluzhnyi", (None, None))[0]
    assert not role or "Yermak" not in role


def test_ukrainian_given_names_open_a_full_name(linker):
    found = _persons(linker, "Olena Zelenska spoke with the First Lady of Estonia. Mykhailo Fedorov said so.")
    assert "Olena Zelenska" in found and "Mykhailo Fedorov" in found


def test_a_rank_word_after_the_title_in_an_apposition(linker):
    text = "La vicepresidenta primera del Gobierno, María Jesús Montero, viajó a Bruselas."
    assert _persons(linker, text, "es").get("María Jesús Montero", (None, None))[0] == "vicepresidenta primera del Gobierno"


@pytest.mark.parametrize("text, lang, name", [
    ("La vicepresidenta primera del Gobierno, María Jesús Montero, viajó a Bruselas.", "es", "María Jesús Montero"),
    ("He met the Mayor of Madrid Elena Ruiz at the city hall.", "en", "Elena Ruiz"),
])
def test_a_latin_given_name_keeps_its_spelling(linker, text, lang, name):
    """"María" and "Elena" are not the Russian Mariya and Yelena (s19)."""
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 20, tzinfo=timezone.utc))
    assert name in {e.name for e in linker.link(doc, normalize(text))}


def test_a_kin_word_further_back_is_someone_else_s(linker):
    text = "Путин и его супруга встретились с министром культуры Ольгой Петровой."
    assert _persons(linker, text, "ru").get("Ольгой Петровой", (None, None))[0] == "министром культуры"


def test_the_country_an_envoy_is_sent_to_is_not_the_envoy_s(linker):
    found = _persons(linker, "US Ambassador to Ukraine Julie Davis met the minister.")
    assert found.get("Julie Davis") == ("Ambassador to Ukraine", "US")
