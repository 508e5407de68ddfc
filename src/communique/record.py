"""The OUTPUT.md record of one document: ``doc``, ``entities``, ``times``, ``events``."""

from __future__ import annotations

from typing import Any

from communique.documents import Document
from communique.model import Entity, Event, TimeExpr


def build_record(doc: Document, entities: list[Entity], times: list[TimeExpr], events: list[Event], *,
                 published_inferred: bool = False) -> dict[str, Any]:
    return {
        "doc": {
            "id": doc.id,
            "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
            "published_inferred": published_inferred,
            "lang": doc.lang,
            "text_sha256": doc.text_sha256,
        },
        "entities": [e.to_json() for e in entities],
        "times": [t.to_json() for t in sorted(times, key=lambda t: (t.start, t.end))],
        "events": [e.to_json() for e in events],
    }
