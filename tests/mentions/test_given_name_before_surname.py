"""A lone KB surname followed by a capitalised word no lexicon knows is a given name there (s18)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _found(linker: MentionLinker, text: str, lang: str) -> dict[str, str]:
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return {norm.text[m.start:m.end]: m.eid for m in linker.find(doc, norm)}


def test_a_given_name_before_another_surname_is_no_leader(linker):
    found = _found(linker, "The spokesperson of the Foreign Office, Martin Giese, announced new sanctions.", "en")
    assert found.get("Martin Giese", "").startswith("new:person/")
    assert "kb:person/micheal-martin" not in found.values()


@pytest.mark.parametrize("text, lang, surface, eid", [
    ("Martin said Ireland would support the plan.", "en", "Martin", "kb:person/micheal-martin"),
    ("Лавров Сергей Викторович провел переговоры.", "ru", "Лавров", "kb:person/sergey-lavrov"),
])
def test_a_leaders_surname_alone_still_links(linker, text, lang, surface, eid):
    assert _found(linker, text, lang).get(surface) == eid
