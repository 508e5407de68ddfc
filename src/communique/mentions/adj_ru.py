"""Russian relational adjectives of places: "московский", "уфимской больнице", "калифорнийской
синагоге", "Массачусетский технологический институт".

Russian derives a "-ский" adjective from almost every place name, and news text uses it in place
of the name ("в шанхайском торговом центре" = in a mall in Shanghai). NEREL annotates such an
adjective as the place (CITY, STATE_OR_PROVINCE...), also inside an organisation name. The
knowledge base lists adjectives for countries only; this pass rebuilds the place name from the
adjective's lemma (pymorphy3) by the regular derivations and accepts it when the knowledge base
knows a place of that name with at least ``min_population`` inhabitants and pymorphy3 does not
read the rebuilt word as a common noun. The mention is of kind ``adj``, like country adjectives.
Settings in ``data/lang/ru/mentions.yaml`` (``place_adjectives``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Callable

from communique.kb.fold import fold
from communique.mentions.common import mentions_data

_WORD = re.compile(r"(?<![\w-])([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ою|ое|ие|их|ими|ые|ых|ым|ыми|ее|ей|ем|ею))(?![\w-])")
_NEXT = re.compile(r"[ \xa0]+([А-ЯЁа-яё]+)")
_LOC_ORG = ("organization", "group", "other")  # names that may hold a place adjective ("в Московском доме книги")


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    return mentions_data("ru").get("place_adjectives") or {}


@lru_cache(maxsize=1)
def _not_before() -> frozenset[str]:
    return frozenset(str(w) for w in _settings().get("not_before") or ())


def _parse(word: str):
    from communique.kb.build import morph_parse

    return morph_parse(word)


def _stems(lemma: str) -> list[str]:
    """Place names an adjective lemma can come from, most regular first."""
    if lemma.endswith("ский"):
        st = lemma[:-4]
        out = [st, st + "а", st + "ь", st + "я", st + "о", st + "е", st + "и", st + "ск", st + "с"]
    elif lemma.endswith("цкий"):
        st = lemma[:-4]
        out = [st + "цк", st + "ц"]
    else:
        return []
    if st.endswith("ий"):
        out.append(st[:-2] + "ия")  # калифорний-ский
    if st.endswith("ей"):
        out += [st[:-2] + "а", st[:-2] + "ея"]  # европей-ский
    if st.endswith(("ов", "ев")):
        out.append(st[:-2] + "ва")  # москов-ский
    if st.endswith(("им", "ин", "ен", "ан", "ян")):
        out.append(st[:-2] + "а")  # уф-им-ский, пенз-ен-ский, африк-ан-ский
    return out


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str | None:
    for p in _parse(word.lower())[:3]:
        if p.tag.POS in ("ADJF",) and p.normal_form.endswith(("ский", "цкий")):
            return p.normal_form
    return None


@lru_cache(maxsize=4096)
def _common_noun(word: str) -> bool:
    ps = _parse(word)
    return any(p.tag.POS == "NOUN" and "Geox" not in p.tag and p.is_known for p in ps[:1])


def _any_big_place(lemma: str, kb: Any, minpop: int) -> bool:
    ents = kb.entities
    for cand in _stems(lemma):
        if len(cand) < 3:
            continue
        for c in kb.index.get(fold(cand)) or ():
            ent = ents.get(c[0]) or {}
            if c[1] == "name" and ent.get("type") == "place" and (ent.get("population") or 0) >= minpop:
                return True
    return False


def place_adjectives(text: str, mentions: list, kb: Any, make: Callable[..., Any]) -> list:
    """Add ``adj`` mentions for place adjectives not covered by another (non-organisation) mention."""
    if "ск" not in text and "цк" not in text:
        return mentions
    minpop = int(_settings().get("min_population") or 100000)
    taken = [(m.start, m.end) for m in mentions if m.etype not in _LOC_ORG]
    ents = kb.entities
    out = list(mentions)
    cache: dict[str, str | None] = {}
    for mt in _WORD.finditer(text):
        s, e = mt.span(1)
        if any(a < e and s < b for a, b in taken):
            continue
        word = mt.group(1)
        low = word.lower()
        if low in cache:
            eid = cache[low]
        else:
            eid = None
            # the lemma of a -ский/-цкий adjective is its stem + "ий": without a big place among the
            # stems rebuilt from that, pymorphy3 is not asked (the same answer, no parse of unseen words)
            i = max(low.rfind("ск"), low.rfind("цк"))
            lemma = _lemma(low) if i > 0 and _any_big_place(low[:i + 2] + "ий", kb, minpop) else None
            if lemma:
                best = 0
                for cand in _stems(lemma):
                    if len(cand) < 3:
                        continue
                    for c in kb.index.get(fold(cand)) or ():
                        ent = ents.get(c[0]) or {}
                        if c[1] != "name" or ent.get("type") != "place":
                            continue
                        pop = ent.get("population") or 0
                        if pop >= minpop and pop > best and not _common_noun(cand):
                            best, eid = pop, c[0]
            cache[low] = eid
        if eid is None:
            continue
        nxt = _NEXT.match(text, e)
        if nxt and any(nxt.group(1).lower().startswith(w[:-1] if len(w) > 4 else w) for w in _not_before()):
            continue
        out.append(make(s, e, eid, "adj", "place"))
        joined = _join_common_head(text, out, s, e, eid, kb)
        if joined is not None:
            out[joined[0]] = joined[1]
    return out


def _join_common_head(text: str, mentions: list, s: int, e: int, eid: str, kb: Any) -> tuple[int, Any] | None:
    """A city or region adjective ``s:e`` right before an institution named by a common noun belongs to its
    name, as a country adjective does (mentions/orgs_ru.py): "бостонской полиции", "московской мэрии".
    Returns (index in ``mentions``, the organisation mention extended over the adjective)."""
    from communique.mentions.orgs_ru import common_head

    j = e + 1
    if text[e:j] not in (" ", "\xa0"):
        return None
    for i, m in enumerate(mentions):
        if m.start == j and m.etype in ("organization", "group") and common_head(text[m.start:m.end]):
            country = m.country or (kb.entities.get(eid) or {}).get("country")
            return i, replace(m, start=s, kind="orgext" if m.kind == "pattern" else m.kind, country=country)
    return None


@lru_cache(maxsize=1)
def _state_persons() -> frozenset[str]:
    return frozenset(str(w) for w in _settings().get("state_persons") or ())


@lru_cache(maxsize=4096)
def _private_person_noun(word: str) -> bool:
    """A noun for a person that holds no state office: "боксёр", "композитора", "аспирантки"."""
    ps = _parse(word.lower())
    if not ps:
        return False
    p = ps[0]
    if p.tag.POS != "NOUN" or "anim" not in p.tag or {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")):
        return False
    return p.normal_form not in _state_persons()


@lru_cache(maxsize=4096)
def _language_noun(word: str) -> bool:
    """"язык", "языка"...: "на русском языке" names a language, not the country."""
    langs = frozenset(str(w) for w in _settings().get("language_nouns") or ())
    return any(p.tag.POS == "NOUN" and p.normal_form in langs for p in _parse(word.lower())[:2])


_NOUN_NEXT = re.compile(r"[ \xa0]+([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?)")


def nationality_adjectives(text: str, mentions: list) -> list:
    """A country adjective right before a private person's noun is a nationality: kind ``dem``."""
    for m in mentions:
        if m.kind not in ("adj", "adjstem") or m.etype != "country":
            continue
        nxt = _NOUN_NEXT.match(text, m.end)
        if nxt and nxt.group(1)[:1].islower() and (_private_person_noun(nxt.group(1)) or _language_noun(nxt.group(1))):
            m.kind = "dem"
    return mentions


_ADJ_END = ("ой", "ая", "ую", "ом", "ий", "ый", "ого", "ому", "ым", "ая", "ей", "ие", "ые", "их", "ых")


@lru_cache(maxsize=1)
def _region_re() -> re.Pattern[str]:
    nouns = [str(w) for w in _settings().get("region_nouns") or ()]
    stems = sorted({w[:-1] if w[-1] in "ьйая" else w for w in nouns}, key=len, reverse=True)
    return re.compile(r"[ \xa0]+((?:" + "|".join(map(re.escape, stems)) + r")[а-яё]{0,3}|Союз[а-яё]{0,2})(?![\w-])")


@lru_cache(maxsize=1)
def _union_adjectives() -> tuple[str, ...]:
    return tuple(str(w)[:-2] for w in _settings().get("union_adjectives") or ())


def region_names(text: str, mentions: list, make: Callable[..., Any], english_name: Callable[..., str],
                 slug: Callable[[str], str]) -> list:
    """"Кировской" + "области" -> the place "Кировской области" (a new place unless the knowledge
    base mention already is that region)."""
    out = []
    for m in mentions:
        if m.etype in ("place", "country") and text[m.start:m.end].endswith(_ADJ_END) and text[m.start:m.start + 1].isupper():
            nx = _region_re().match(text, m.end)
            if nx and nx.group(1).startswith("Союз") and not text[m.start:m.end].lower().startswith(_union_adjectives()):
                nx = None  # "Советском Союзе", but "Европейского Союза" is an organisation
            if nx and _same_case(text[m.start:m.end], nx.group(1)):
                name = english_name(_nominative(text[m.start:m.end], nx.group(1)), "ru", person=False)
                out.append(make(m.start, nx.end(1), f"new:place/{slug(name)}", "name", "place", name=name))
                continue
        out.append(m)
    return out


def _same_case(adj: str, noun: str) -> bool:
    """pymorphy3: the adjective and the noun can share a case ("Кировской области", not "Кировская области")."""
    a = {p.tag.case for p in _parse(adj.lower()) if p.tag.POS == "ADJF"}
    n = {p.tag.case for p in _parse(noun.lower()) if p.tag.POS == "NOUN"}
    return bool(a & n) or not a


def _nominative(adj: str, noun: str) -> str:
    """"Кировской", "области" -> "Кировская область" (as written when pymorphy3 cannot inflect it)."""
    ns = [p for p in _parse(noun.lower()) if p.tag.POS == "NOUN"]
    if not ns:
        return f"{adj} {noun}"
    n = ns[0]
    a = next((p for p in _parse(adj.lower()) if p.tag.POS == "ADJF"), None)
    infl = a.inflect({"nomn", "sing", n.tag.gender or "femn"}) if a is not None else None
    word = infl.word if infl is not None else adj.lower()
    head = n.normal_form
    return f"{word[:1].upper()}{word[1:]} {head[:1].upper() + head[1:] if noun[:1].isupper() else head}"


_TLD_AFTER = re.compile(r"\.(?:рф|ru|su|com|net|org|ua|by|kz)(?![\w-])", re.IGNORECASE)


def drop_domain_zones(text: str, mentions: list) -> list:
    """".РФ" in "в доменной зоне .РФ" is a top-level domain, not the country; a lower-case word right
    before a top-level domain ("правительство.рф", "госуслуги.рф") is a site's name, not the institution."""
    return [m for m in mentions
            if not (m.etype in ("country", "place") and m.start >= 1 and text[m.start - 1] == "."
                    and (m.start == 1 or not text[m.start - 2].isalnum()))
            and not (text[m.end:m.end + 1] == "." and text[m.start:m.start + 1].islower() and _TLD_AFTER.match(text, m.end))]
