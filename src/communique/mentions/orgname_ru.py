"""The nominative of a one-word Russian organisation name found in another case.

A new organisation's id and name come from its surface ("акции «Северстали»"), so the same company
written in three cases became three entities (Severstal, Severstali, Severstalyu). A single
Cyrillic word that pymorphy3 reads only in oblique cases, as nouns the dictionary knows (or tags as
organisation names) that all have the same nominative, is put in that nominative, in the number of
the reading: "Северстали" -> "Северсталь", "Интерфаксу" -> "Интерфакс", "Известий" -> "Известия".
A word with a nominative reading («Вести», «Сони»), readings that disagree ("Роме": Ром or Рома),
unknown words ("Русала": a guess would be wrong), acronyms and phrases are left as written. The letters the name shares with the surface keep their case
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
    nouns = [p for p in morph_parse(low) if "NOUN" in p.tag]
    if not nouns or any(p.tag.case == "nomn" for p in nouns):
        return surface  # a name that can be read as a nominative is left so («Вести», «Сони», «Порту»)
    forms = {f.word for p in nouns if (p.is_known or "Orgn" in p.tag) and (f := p.inflect({"nomn"})) is not None}
    if len(forms) != 1:
        return surface  # unknown, or readings that disagree ("Роме": Ром or Рома; "Альфе": Альф or Альфа)
    word = forms.pop()
    if "ё" not in low:
        word = word.replace("ё", "е")  # written as the surface writes it ("Перекрестка" -> Перекресток)
    k = 0
    while k < min(len(word), len(low)) and word[k] == low[k]:
        k += 1
    return surface[:k] + word[k:]
