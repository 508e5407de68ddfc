"""Mention linking: find people, countries, places, organisations and documents; link them to the KB."""

from __future__ import annotations

from communique.documents import Document
from communique.model import Entity
from communique.normalize import NormText


class MentionLinker:
    """Placeholder until the knowledge base lands (issue 3): finds nothing."""

    def link(self, doc: Document, norm: NormText) -> list[Entity]:
        return []
