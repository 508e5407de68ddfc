"""Russian institution words in any case name one organisation (s19): "МИДа", "МИДе" and "МИД" are one "MID"."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.org_patterns import ru_org_word
from communique.normalize import normalize


@pytest.mark.parametrize("surface, word", [
    ("МИДа", "МИД"), ("МИДе", "МИД"), ("МИД", "МИД"), ("полиции", "полиция"), ("Полицию", "полиция"),
    ("правительством", "правительство"), ("Минздраве", "Минздрав"), ("Минобороны", "Минобороны"),
])
def test_the_word_a_case_form_is_of(surface, word):
    assert ru_org_word(surface) == word


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def test_case_forms_are_one_organisation(linker):
    text = "Глава МИДа выступил в Москве. В МИДе заявили, что МИД не получал ноты. Сотрудники полиции и полиция города."
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 11, 20, tzinfo=timezone.utc))
    ents = {e.id: [text[m.start:m.end] for m in e.mentions] for e in linker.link(doc, normalize(text))}
    assert ents.get("new:organization/mid") == ["МИДа", "МИДе", "МИД"]
    assert sorted(ents.get("new:organization/politsiya") or []) == ["полиции", "полиция"]
