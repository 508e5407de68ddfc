"""The extraction pipeline: document -> normalised text -> mentions, times -> events -> record.

Every stage is loaded once per process (:class:`Pipeline`) and is a pure function of the
document and the stages before it. Workers are forked after loading.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from communique import __version__
from communique.documents import Document
from communique.normalize import detect_language, normalize
from communique.record import build_record

log = logging.getLogger(__name__)

# Bump when any stage's code changes its output; data changes are picked up by the hash below.
CODE_VERSION = f"{__version__}+2"  # +2 (s11): nested place mentions, mention phrases
_DATA_DIRS = ("data/lang", "kb/data")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """The code version plus a hash of every lexicon and knowledge-base file (shipped and the
    user's ``COMMUNIQUE_KB_DIR``): stored extractions made by another version are redone."""
    root = Path(__file__).resolve().parent
    dirs = [root / d for d in _DATA_DIRS]
    if os.environ.get("COMMUNIQUE_KB_DIR"):
        dirs.append(Path(os.environ["COMMUNIQUE_KB_DIR"]))
    h = hashlib.sha256()
    for d in dirs:
        if not d.is_dir():
            continue
        for f in sorted(p for p in d.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(str(f.relative_to(d)).encode())
            h.update(f.read_bytes())
    return f"{CODE_VERSION}+data.{h.hexdigest()[:12]}"


class Pipeline:
    """Loads the knowledge base, time tagger and event extractor once; ``process`` is cheap."""

    def __init__(self, *, use_natasha: bool = True) -> None:
        """``use_natasha=False`` skips natasha's Russian NER: several times faster on Russian
        text, at the cost of Russian names the knowledge base and patterns do not know."""
        from communique.events import EventExtractor
        from communique.mentions import MentionLinker
        from communique.temporal import TimeTagger

        self.linker = MentionLinker(use_natasha=use_natasha)
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
