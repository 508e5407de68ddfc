"""The OUTPUT.md record of one document: ``doc``, ``entities``, ``times``, ``events``."""

from __future__ import annotations

from typing import Any

from communique.documents import Document
from communique.model import Entity, Event, TimeExpr
from communique.normalize import find_flags, find_hashtags, find_links, find_mentions


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
            # additions to the contract: the post's own markup, spans into the text as given
            "links": [{"start": l.start, "end": l.end, "url": l.text} for l in find_links(doc.text)],
            "hashtags": [{"start": h.start, "end": h.end, "tag": h.text} for h in find_hashtags(doc.text)],
            "user_mentions": [{"start": m.start, "end": m.end, "user": m.text} for m in find_mentions(doc.text)],
            "flags": [{"start": s, "end": e, "country": cc} for s, e, cc in find_flags(doc.text)],
        },
        "entities": [e.to_json() for e in entities],
        "times": [t.to_json() for t in sorted(times, key=lambda t: (t.start, t.end))],
        "events": [e.to_json() for e in events],
    }
