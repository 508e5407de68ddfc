"""Event extraction: who met whom, where, when, what was signed, announced or done."""

from __future__ import annotations

from communique.documents import Document
from communique.model import Entity, Event, TimeExpr
from communique.normalize import NormText


class EventExtractor:
    """Placeholder until the event stage lands (issue 5): finds nothing."""

    def extract(self, doc: Document, norm: NormText, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
        return []
