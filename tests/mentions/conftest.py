"""What the mention tests share: one linker per session and a helper that lists what it found."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize

NOT_NAMES = ("adj", "adjstem", "dem")


@pytest.fixture(scope="session")
def linker() -> MentionLinker:
    """Knowledge base and rules, without natasha (natasha only reads Russian documents)."""
    return MentionLinker(use_natasha=False)


def found_in(linker: MentionLinker, text: str, lang: str, skip: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """{(surface in the normalised text, entity type)} of every mention of ``text`` but the kinds in ``skip``."""
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return {(n.text[m.start:m.end], m.etype) for m in linker.find(d, n) if m.kind not in skip}


def linked_in(linker: MentionLinker, text: str, lang: str,
              published: datetime = datetime(2024, 1, 1, tzinfo=timezone.utc)) -> dict[str, str]:
    """{surface in the normalised text: entity id} of every mention of ``text``."""
    d = Document(id="t", text=text, source="test", lang=lang, published=published)
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n)}


def corefs_in(linker: MentionLinker, text: str, lang: str,
              published: datetime = datetime(2025, 6, 10, tzinfo=timezone.utc)) -> dict[str, str]:
    """{surface in the normalised text: entity id} of the role nouns of ``text`` that refer back (kind coref)."""
    d = Document(id="t", text=text, source="test", lang=lang, published=published)
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n) if m.kind == "coref"}
