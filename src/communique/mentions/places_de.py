"""German places, round six: passes over the mentions of a German document after the
capitalised-names stage and the other German passes (called from ``capnames_de.german_passes``).

Each pass is a fact of German text, its word lists in the ``places_de`` section of
``data/lang/de/mentions.yaml``; each tests cheaply first (the document's set of capitalised words,
the few mentions of the kind it changes) and looks words up after, cached per word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from communique.mentions.common import mentions_data


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return mentions_data("de").get("places_de") or {}


@lru_cache(maxsize=1)
def _slot_preps() -> frozenset[str]:
    return frozenset(str(x).lower() for x in _data().get("person_slot_preps") or [])


def _word_before(text: str, s: int) -> tuple[str, int]:
    """The token right before ``s`` (letters, digits, hyphens) and its start; ("", s) if none on the line."""
    j = s
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
        i -= 1
    return text[i:j], i


def slot_places(text: str, out: list, kb: Any, make: Callable[..., Any], given: frozenset[str]) -> list:
    """"auf Borkum", "zu Holungen", "in Gagra": a lone capitalised word the earlier passes guessed a
    person without a cue, right after a place preposition, is a place: German names no person after
    "in", "aus", "zu" or "auf" alone (a person there takes a title or a given name). Not after a
    capitalised word ("Karl zu Guttenberg": "zu" is a name particle there), not a listed given name."""
    from communique.kb.fold import fold
    from communique.mentions.capnames_de import _home_town, _town_shaped

    preps = _slot_preps()
    res = None
    for m in out:
        if m.etype != "person" or m.kind != "cap":
            continue
        w = text[m.start:m.end]
        if " " in w or not w[:1].isupper() or w.isupper() or fold(w) in given:
            continue
        pw, i = _word_before(text, m.start)
        if pw.lower() not in preps or (pw[:1].isupper() and i > 0 and text[i - 1] not in "\n\"„“(«»" and
                                       not _sentence_start(text, i)):
            continue
        nx = _NEXT_TOKEN.match(text, m.end)
        nw = nx.group(1) if nx else ""
        if w[-1] == "s" and nw[:1].isupper():
            continue  # "nach Meyers Rücktritt": a genitive before its noun
        pl = pw.lower()
        if pl == "zu":
            ppw, _ = _word_before(text, i)
            if ppw[:1].isupper() and not _common_noun(ppw) or not (_home_town(w, kb) or _town_shaped(w)):
                continue  # "Karl-Theodor zu Guttenberg"; "der Pass zu X" names a player, "das Grab zu X" a town
        elif pl == "auf" and (nw.startswith("auf") or w in _surnames()):
            continue  # "auf X aufpassen": the verb's particle, a person
        if res is None:
            res = list(out)
        hit = _home_town(w, kb)  # a town of the German-speaking countries keeps its GeoNames id
        res[res.index(m)] = type(m)(m.start, m.end, hit[0], "name", "place") if hit else make(m.start, m.end, "place", w)
    return out if res is None else res


_NEXT_TOKEN = re.compile(r"[^\S\n]*(\S+)")


@lru_cache(maxsize=65536)
def _common_noun(w: str) -> bool:
    from communique.mentions.capnames_de import _common_head
    return _common_head(w)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from communique.mentions.capnames_de import de_surnames
    return de_surnames()


def _sentence_start(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in ".!?\n:"


# per knowledge base (held, so its id is not reused): adjective -> whether it is made from a town's name
_ADJ_MEMO: dict[int, tuple[Any, dict[str, bool]]] = {}


def town_adjective(w: str, kb: Any) -> bool:
    """"Frankfurter", "Zürcher", "Bremer", "Münchner": an adjective in -er made from the name of a town the
    knowledge base knows (10,000 or more in the German-speaking countries, 100,000 elsewhere) (the dictionary may know the word as a noun, "Frankfurter"
    the sausage; before a place noun it names the town). Remembered per knowledge base and word."""
    memo = _ADJ_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _ADJ_MEMO.clear()
        memo = _ADJ_MEMO[id(kb)] = (kb, {})
    hit = memo[1].get(w)
    if hit is None:
        if len(memo[1]) >= 65536:
            memo[1].clear()
        hit = memo[1][w] = _town_adjective(w, kb)
    return hit


def _town_adjective(w: str, kb: Any) -> bool:
    from communique.kb.fold import fold

    if not w.endswith("er") or len(w) < 6:
        return False
    from communique.mentions.capnames_de import de_lexicon

    home = de_lexicon().home_countries
    base = w[:-2]
    stems = {base, base + "en", base + "e", base + "n"}  # Frankfurt(er), Bremen (Bremer), Jena (Jenaer)
    if base.endswith("ch"):
        stems.add(base[:-2] + "ich")  # Zürcher: Zürich
    if base.endswith("n") and not base.endswith("en"):
        stems.add(base[:-1] + "en")  # Münchner: München
    for st in stems:
        for eid, kind, _f in kb.index.get(fold(st), ()):
            ent = kb.entities.get(eid) or {}
            pop = ent.get("population") or 0
            if kind == "name" and ent.get("type") == "place" and (pop >= 100_000 or pop >= 10_000 and ent.get("country") in home):
                return True
    return False


def refine(text: str, out: list, kb: Any, make: Callable[..., Any], given: frozenset[str], capset: set[str]) -> list:
    """The round-six place passes, in order."""
    out = slot_places(text, out, kb, make, given)
    return out
