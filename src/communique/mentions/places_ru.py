"""Russian place names after their descriptor noun: "реки Волги", "города Самары", "штата Техас".

The mention stays the name (NEREL's convention, and every communique mention is a name); the phrase with
the descriptor is recorded as the mention's ``phrase_span``, as for organisations after theirs
(``orgs_ru.descriptor_heads``): factRuEval's Location objects span the descriptor (its ``loc_descr``)
and the name, and ``eval ner --format factrueval`` scores the phrase. A capitalised descriptor counts only
at the start of a sentence ("Город Х расположен ..."). Nothing is parsed per document: the descriptors'
inflected forms are computed once.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache

from communique.mentions.common import mentions_data
from communique.mentions.orgs_ru import _SENTENCE_START, _parse, _words_before

_PLACES = ("place",)  # not countries: "город Германии", "городах России" name a city of the country
_SKIP_KINDS = frozenset(["adj", "adjstem", "dem", "flag", "coref"])


@lru_cache(maxsize=1)
def _descriptor_forms() -> dict[str, bool]:
    """Every singular form of the ``place_descriptors`` nouns (pymorphy3 lexemes of their noun readings) ->
    whether it can be a genitive ("города", "реки")."""
    out: dict[str, bool] = {}
    for w in mentions_data("ru").get("place_descriptors") or []:
        w = str(w).lower()
        for p in _parse(w):
            if p.tag.POS == "NOUN" and p.normal_form == w:
                for f in p.lexeme:
                    if "sing" in f.tag:
                        out[f.word] = out.get(f.word, False) or "gent" in f.tag
    return out


@lru_cache(maxsize=16384)
def _genitive_name(word: str) -> bool:
    """pymorphy3 reads the (last word of the) name as a genitive of a declinable noun ("Дюссельдорфа")."""
    return any("gent" in p.tag and "Fixd" not in p.tag and p.tag.POS == "NOUN" for p in _parse(word))


def _end_within(ends: list[int], a: int, b: int) -> bool:
    """Some end in the sorted ``ends`` with ``a < end <= b`` (what ``any(a < e <= b for e in ends)`` tested)."""
    k = bisect.bisect_right(ends, a)
    return k < len(ends) and ends[k] <= b


def place_descriptors(text: str, mentions: list) -> list:
    """Record "реки Волги" as the phrase of the mention "Волги" (see the module's docstring)."""
    forms = _descriptor_forms()
    ends = sorted({m.end for m in mentions if m.kind not in _SKIP_KINDS})  # bisected per mention (s12: no scan)
    out = []
    for m in mentions:
        if m.etype not in _PLACES or m.kind in _SKIP_KINDS or m.phrase_span is not None or m.nested_in \
                or m.start < 2 or not text[m.start].isupper():
            out.append(m)
            continue
        last = _words_before(text, m.start, 1)
        if not last or last[0][1].lower() not in forms:
            out.append(m)
            continue
        hs, word = last[0]
        if not forms[word.lower()] and _genitive_name(text[m.start:m.end].split()[-1]):
            out.append(m)  # "район Дюссельдорфа": a genitive complement, a part of the place, not its name
            continue
        if (word[:1].isupper() and not _SENTENCE_START.search(text, max(0, hs - 3), hs)) \
                or _end_within(ends, hs, hs + len(word)):
            out.append(m)  # "Город" inside a name; a descriptor word another mention took
            continue
        out.append(replace(m, phrase_span=(hs, m.end)))
    return out
