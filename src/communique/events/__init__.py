"""Event extraction: who met whom, where, when, what was signed, announced or done.

``EventExtractor().extract(doc, norm, entities, times) -> list[Event]``; the triggers and
cues of each language are data (``data/lang/<iso>/events.yaml``). Document entities the
stage finds (declarations, treaties signed or adopted) are appended to ``entities``.
"""

from __future__ import annotations

from communique.events.extractor import EventExtractor
from communique.events.lexicon import LexiconError, available_languages, data_version, get_lexicon
from communique.events.titles import slugify

__all__ = ["EventExtractor", "LexiconError", "available_languages", "data_version", "get_lexicon", "slugify"]
