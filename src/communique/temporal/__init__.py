"""Time expressions in five languages, normalised against the publication date.

``TimeTagger().tag(doc, norm) -> (list[TimeExpr], published_inferred)``; the words and
patterns of each language are data (``communique/data/lang/<iso>/time.yaml``).
"""

from __future__ import annotations

from communique.temporal.lexicon import Lexicon, TimeLexiconError, load_lexicon
from communique.temporal.tagger import TimeTagger

__all__ = ["TimeTagger", "Lexicon", "TimeLexiconError", "load_lexicon"]
