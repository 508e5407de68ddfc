"""The extraction pipeline: document -> normalised text -> mentions, times -> events -> record.

Every stage is loaded once per process (:class:`Pipeline`) and is a pure function of the
document and the stages before it. Workers are forked after loading.
"""

from __future__ import annotations

import logging
from typing import Any

from communique import __version__
from communique.documents import Document
from communique.normalize import detect_language, normalize
from communique.record import build_record

log = logging.getLogger(__name__)

# Bump when any stage's output changes: stored extractions of an older version are redone.
EXTRACTOR_VERSION = f"{__version__}+1"


class Pipeline:
    """Loads the knowledge base, time tagger and event extractor once; ``process`` is cheap."""

    def __init__(self) -> None:
        from communique.events import EventExtractor
        from communique.mentions import MentionLinker
        from communique.temporal import TimeTagger

        self.linker = MentionLinker()
        self.tagger = TimeTagger()
        self.events = EventExtractor()

    def process(self, doc: Document) -> dict[str, Any]:
        if doc.lang is None:
            doc.lang = detect_language(doc.text)
        norm = normalize(doc.text)
        times, published_inferred = self.tagger.tag(doc, norm)
        entities = self.linker.link(doc, norm)
        events = self.events.extract(doc, norm, entities, times)
        return build_record(doc, entities, times, events, published_inferred=published_inferred)
