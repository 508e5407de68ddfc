"""Places inside a compound with a prefix that is no name: "Indo-Pacific", "Euro-Atlantic", "trans-Atlantic".

The knowledge base knows "Pacific" and "Atlantic" as oceans; after such a prefix and a hyphen the word names a
region of policy, not the ocean, and no place is linked. The prefixes are data (``place_compound_prefixes`` in
``data/lang/<iso>/mentions.yaml``); "Russia-Ukraine" keeps both countries, as a country's name is no prefix.
"""

from __future__ import annotations

from communique.kb.fold import fold
from communique.mentions.common import Mention, lang_words


def drop_compound_places(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the place mentions that follow a prefix of ``place_compound_prefixes`` and a hyphen."""
    prefixes = lang_words(lang, "place_compound_prefixes", folded=True)
    if not prefixes:
        return mentions
    drop = [m for m in mentions if m.etype == "place" and m.start > 2 and text[m.start - 1] == "-"
            and fold(_word_before(text, m.start - 1)) in prefixes]
    if not drop:
        return mentions
    return [m for m in mentions if m not in drop]


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]
