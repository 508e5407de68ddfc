"""The nominative of a one-word Russian organisation name found in another case.

A new organisation's id and name come from its surface ("акции «Северстали»"), so the same company
written in three cases became three entities (Severstal, Severstali, Severstalyu). A single
Cyrillic word whose most likely pymorphy3 reading is an oblique case of a noun the dictionary
knows (or tags as an organisation name) is put in the nominative of that reading's number:
"Северстали" -> "Северсталь", "Интерфаксу" -> "Интерфакс", "Известий" -> "Известия". Words whose
best reading is already nominative, unknown words ("Русала": a guess would be wrong), acronyms and
phrases are left as written. The letters the name shares with the surface keep their case
("МегаФону" -> "МегаФон").
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[А-ЯЁ][А-ЯЁа-яё]*[а-яё]")


@lru_cache(maxsize=8192)
def nominative_org_name(surface: str) -> str:
    if not _WORD.fullmatch(surface):
        return surface
    from communique.kb.build import morph_parse

    low = surface.lower()
    best = next((p for p in morph_parse(low) if "NOUN" in p.tag), None)
    if best is None or best.tag.case in (None, "nomn") or not (best.is_known or "Orgn" in best.tag):
        return surface
    form = best.inflect({"nomn"})
    if form is None:
        return surface
    word = form.word
    k = 0
    while k < min(len(word), len(low)) and word[k] == low[k]:
        k += 1
    return surface[:k] + word[k:]
