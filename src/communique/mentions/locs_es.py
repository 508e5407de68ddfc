"""Spanish places told by an apposition, and place names that name something else: a pass run at the end
of ``capnames_es.refine`` (s14).

* **an apposition names the kind of place**: "Villaverde , localidad situada junto al río", "X , una ciudad
  del centro": the name before it is a place (even one spelt like a common noun), and so is the same
  name elsewhere in the document ("Villaverde tiene ...");
* **a place name with a year is an event or a party**, not the place: "Barcelona '92", "Perú 2000",
  "las fiestas de San Juan 2000".

The words are data (``refine.apposition_cues`` in ``data/lang/es/mentions.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from communique.mentions.common import mentions_data

_H = r"[^\S\n]"
_YEAR_AFTER = re.compile(_H + r"+(?:(?:19|20)\d\d|'\d\d)(?![\d.,:/-])")
_NAME = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:" + _H + r"+(?:de|del|de la|de los|de las)?" + _H + r"*[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)*"
_SKIP_KINDS = ("adj", "adjstem", "dem", "flag", "coref")


@lru_cache(maxsize=1)
def _appos_rx() -> re.Pattern | None:
    r = mentions_data("es").get("refine") or {}
    cues = sorted((str(x).lower() for x in r.get("apposition_cues") or []), key=len, reverse=True)
    if not cues:
        return None
    return re.compile(r"," + _H + r"*(?:(?:una?|la|el)" + _H + r"+)?(?:pequeñ[oa]" + _H + r"+)?(?:"
                      + "|".join(map(re.escape, cues)) + r")(?!\w)")


_NAME_BEFORE = re.compile(r"(?<![\w.])(" + _NAME + r")" + _H + r"*$")


def refine_places(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """The mentions of a Spanish document after the rules of this module (a new list)."""
    out = _with_year(text, mentions)
    if "," in text:
        out = _appositions(text, out, make)
    return out


def _with_year(text: str, mentions: list) -> list:
    """"Barcelona '92", "Perú 2000": a place name with a year after it names an event or a party."""
    return [m for m in mentions if not (m.etype in ("place", "country") and m.kind in ("name", "cap")
                                        and not text[m.start:m.end].isupper() and _YEAR_AFTER.match(text, m.end))]


def _appositions(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """"Villaverde , localidad situada junto al río": the name before a place noun in apposition is a place,
    and so is the same name elsewhere in the document."""
    rx = _appos_rx()
    if rx is None:
        return mentions
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    stop = clex.stop if clex else frozenset()
    names: set[str] = set()
    for c in rx.finditer(text):
        x = _NAME_BEFORE.search(text, max(0, c.start() - 80), c.start())  # the name before the comma
        if x is None:
            continue
        a, b = x.span(1)
        words = x.group(1).split()
        while words and words[0].lower() in stop:  # "En Villaverde , localidad ..."
            a += len(words[0]) + len(text[a + len(words[0]):]) - len(text[a + len(words[0]):].lstrip())
            words = words[1:]
        if not words or text[a:b] in ("", ) or not text[a:b][:1].isupper():
            continue
        over = [m for m in mentions if m.start < b and a < m.end and m.kind not in _SKIP_KINDS]
        if any(m.etype in ("place", "country") for m in over) or any(m.kind in ("name", "acr") for m in over):
            continue
        if any(m.start != a or m.end != b for m in over):
            continue
        names.add(text[a:b])
    if not names:
        return mentions
    drop: set[int] = set()
    new = []
    for name in names:
        for y in re.finditer(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", text):
            a, b = y.span()
            over = [m for m in mentions if m.start < b and a < m.end and m.kind not in _SKIP_KINDS]
            if any(m.start != a or m.end != b or m.kind in ("name", "acr") or m.etype in ("place", "country") for m in over):
                continue
            drop.update(id(m) for m in over)
            new.append(make(a, b, "place", name))
    return [m for m in mentions if id(m) not in drop] + new
