"""A place name after a prefix and a hyphen ("Indo-Pacific", "Euro-Atlantic") is part of a compound, no place
(mentions/compounds.py, ``place_compound_prefixes``; s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _places(linker, text, lang):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return [norm.text[m.start:m.end] for m in linker.find(d, norm) if m.etype in ("place", "country")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The ministers discussed security in the Indo-Pacific region and Euro-Atlantic integration."),
    ("de", "Die Minister sprachen über die Sicherheit im Indo-Pazifik."),
    ("fr", "Les ministres ont évoqué la sécurité dans l'Indo-Pacifique."),
])
def test_no_ocean_in_a_compound(linker, lang, text):
    assert _places(linker, text, lang) == []


def test_two_countries_joined_by_a_hyphen_stay(linker):
    assert _places(linker, "The Russia-Ukraine talks ended without result.", "en") == ["Russia", "Ukraine"]
