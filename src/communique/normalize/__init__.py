"""Normalisation: text for matching, with a map back to the text as published.

Every later stage matches on :class:`NormText.text` and reports spans through
:meth:`NormText.to_original`, so that every span communique outputs indexes
``Document.text`` exactly.
"""

from communique.normalize.text import NormText, normalize
from communique.normalize.links import Link, find_hashtags, find_links, find_mentions, split_glued_urls
from communique.normalize.flags import find_flags
from communique.normalize.language import detect_language
from communique.normalize.sentences import split_sentences

__all__ = [
    "NormText", "normalize", "Link", "find_links", "find_hashtags", "find_mentions", "split_glued_urls",
    "find_flags", "detect_language", "split_sentences",
]
