"""Governments of major actors are KB organisations with their country, in every language."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker():
    return MentionLinker(use_natasha=False)


@pytest.mark.parametrize("text, lang, surface, eid", [
    ("Die Bundesregierung verurteilte den Angriff scharf.", "de", "Bundesregierung", "kb:org/german-government"),
    ("Делегация Правительства Беларуси прибыла в Пекин.", "ru", "Правительства Беларуси", "kb:org/belarus-government"),
    ("Le gouvernement français a salué l'accord.", "fr", "gouvernement français", "kb:org/french-government"),
    ("El Gobierno de Ucrania pidió más ayuda.", "es", "Gobierno de Ucrania", "kb:org/ukraine-government"),
])
def test_government_is_a_kb_organisation(linker, text, lang, surface, eid):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    n = normalize(text)
    ents = {e.id: e for e in linker.link(d, n)}
    assert eid in ents and surface in [m.text for m in ents[eid].mentions]
    assert ents[eid].country and ents[eid].type == "organization"
