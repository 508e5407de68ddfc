"""A title and its "of" phrase before a name set off by commas is the name's role (s18)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _roles(linker: MentionLinker, text: str, lang: str) -> dict[str, str | None]:
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    return {e.name: e.role for e in linker.link(doc, normalize(text)) if e.type == "person"}


@pytest.mark.parametrize("lang, text, name, role", [
    ("en", "The spokesperson of the Foreign Office, Martin Giese, said the talks went well.", "Martin Giese",
     "spokesperson of the Foreign Office"),
    ("de", "Der Sprecher des Auswärtigen Amts, Martin Giese, sagte, die Gespräche seien gut verlaufen.", "Martin Giese",
     "Sprecher des Auswärtigen Amts"),
    ("fr", "Le porte-parole du Quai d'Orsay, Pascal Confavreux, a annoncé des sanctions.", "Pascal Confavreux",
     "porte-parole du Quai d'Orsay"),
    ("es", "El portavoz del Ministerio de Exteriores, Juan Pérez, anunció sanciones.", "Juan Pérez",
     "portavoz del Ministerio de Exteriores"),
])
def test_apposition_gives_the_role(linker, lang, text, name, role):
    assert _roles(linker, text, lang).get(name) == role


def test_no_title_no_role(linker):
    assert _roles(linker, "In Berlin, Martin Giese, a diplomat, said the talks went well.", "en").get("Martin Giese") is None
