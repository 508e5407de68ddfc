"""natasha person spans that hold a place (mentions/natasha_ner.py)."""

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.natasha_ner import _geox_word
from communique.normalize import normalize

pytest.importorskip("natasha")


def test_geox_reading():
    assert _geox_word("Калуга")
    assert _geox_word("Египта", "gent")
    assert not _geox_word("Владимир")


@pytest.fixture(scope="module")
def linker():
    return MentionLinker()


def _find(linker, text):
    d = Document(id="t", text=text, source="t", lang="ru")
    return {text[m.start:m.end]: m.etype for m in linker.find(d, normalize(text))}


def test_country_after_title_is_no_part_of_the_name(linker):
    got = _find(linker, "Бывший президент Египта Хосни Мубарак выступил в суде.")
    assert got.get("Египта") in ("place", "country")
    assert got.get("Хосни Мубарак") == "person"


def test_given_name_stays_a_person(linker):
    got = _find(linker, "Владимир Путин приехал в Казань.")
    assert got.get("Владимир Путин") == "person"
