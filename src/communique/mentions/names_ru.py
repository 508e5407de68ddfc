"""Russian person names: the given name before a surname the other passes already took.

A person introduced earlier ("министр Андрей Кузнецов") makes every later occurrence of the surname a
mention of its own (``_propagate_surnames``); natasha's span over the full name later on ("Андрей
Кузнецов сообщил ...", the usual opening of a paragraph in Russian news) then overlaps it and is
dropped, so the mention kept the surname alone. Here the surname mention takes natasha's span when
what natasha adds before it is one or two given-name-like words (a given name, a patronymic); a
different given name makes a different person ("Мейв Кеннеди" after "Джон Кеннеди").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from communique.kb.build import is_common_word, slug
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic
from communique.mentions.common import Mention, _english_name, _is_name_like, _is_title_word

_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?")
_PERSON_KINDS = frozenset(["sur", "stemsur", "name", "initials", "natasha", "title"])


@lru_cache(maxsize=16384)
def _given_like(word: str) -> bool:
    """A capitalised word that can open a person's name: a given name or patronymic pymorphy3 knows, or
    a word it does not know as an ordinary one ("Юкия"); not a title ("Император") nor a common word
    ("Новая")."""
    if not _NAME_WORD.fullmatch(word) or _is_title_word(word, "ru"):
        return False
    return _is_name_like(word) or not is_common_word(word)


_LEAD = re.compile(r"(\S+)(?:[ \xa0]+(\S+))?[ \xa0]+")


def _lead_words(text: str, s: int, e: int) -> list[str] | None:
    """The words of ``text[s:e]`` (one or two, each followed by spaces only) when each is given-name-like."""
    m = _LEAD.fullmatch(text, s, e)
    if m is None:
        return None
    words = [w for w in m.groups() if w]
    return words if all(_given_like(w) for w in words) else None


def full_names(text: str, nat: list[tuple[int, int, str]], mentions: list[Mention]) -> list[Mention]:
    """Extend a person mention left over the given name natasha's person span has before it."""
    persons = sorted((m for m in mentions if m.etype == "person" and m.kind in _PERSON_KINDS), key=lambda m: m.start)
    if not persons:
        return mentions
    starts = [m.start for m in persons]
    others = sorted((m.start, m.end) for m in mentions if m.etype != "person")
    import bisect

    changed: dict[int, Mention] = {}
    for s, e, typ in nat:
        if typ != "PER":
            continue
        i = bisect.bisect_left(starts, s)
        inside = []
        while i < len(persons) and persons[i].start < e:
            inside.append(persons[i])
            i += 1
        if len(inside) != 1 or bisect.bisect_left(starts, s) and persons[bisect.bisect_left(starts, s) - 1].end > s:
            continue
        m = inside[0]
        if m.start <= s or m.end != e:
            continue
        j = bisect.bisect_left(others, (s, -1))
        if (j and others[j - 1][1] > s) or (j < len(others) and others[j][0] < e):
            continue
        lead = _lead_words(text, s, m.start)
        if lead is None:
            continue
        eid, name = m.eid, m.name
        surface = text[s:e]
        if not _same_given(lead[0], m, text):
            name = _english_name(surface, "ru")
            eid = f"new:person/{slug(name)}"
        changed[id(m)] = replace(m, start=s, eid=eid, name=name)
    if not changed:
        return mentions
    return [changed.get(id(m), m) for m in mentions]


def _same_given(word: str, m: Mention, text: str) -> bool:
    """The given name fits the person the surname mention points to: its English name starts like the
    word's transliteration (the same first three letters)."""
    head = (m.name or m.eid.rsplit("/", 1)[-1].replace("-", " ")).split()
    if not head:
        return False
    mine = slug(_english_name(word, "ru"))
    theirs = slug(head[0])
    return mine[:3] == theirs[:3]


_AGE = re.compile(r"\d+-\w+")  # "34-летний"
_WORD_END = re.compile(r"[^\s]+(?=[ \xa0]+)")


@lru_cache(maxsize=1)
def _person_leads() -> frozenset[str]:
    """``person_leads`` of ``data/lang/ru/mentions.yaml``, every inflected form."""
    from communique.mentions.common import mentions_data
    from communique.mentions.orgs_ru import _parse

    out: set[str] = set()
    for w in mentions_data("ru").get("person_leads") or []:
        w = str(w).lower()
        out.add(w)
        for p in _parse(w):
            if p.tag.POS == "NOUN" and p.normal_form == w:
                out.update(f.word for f in p.lexeme)
    return frozenset(out)


def _common_lead(word: str) -> bool:
    """A status or occupation noun that never is a given name ("Император", "Поп-звезда"; not "Эмир",
    "Шейх", "Святой", which are also parts of names), or an age ("34-летний")."""
    return bool(_AGE.fullmatch(word)) or word.lower() in _person_leads()


def trim_person_span(text: str, s: int, e: int) -> int:
    """natasha's person span without the ordinary words it starts with: a title or noun capitalised at the
    start of a sentence ("Император Х", "Кронпринц Х", "Поп-звезда Х"), an age ("34-летний Х"); the new
    start."""
    while True:
        m = _WORD_END.match(text, s, e)
        if m is None or not _common_lead(m.group(0)):
            return s  # the last word stays: a surname can be such a noun ("Адвокат", Dick Advocaat)
        s = m.end()
        while s < e and text[s] in " \xa0":
            s += 1


@lru_cache(maxsize=16384)
def _other_word(surface: str, surname: str) -> bool:
    """``surface`` is an ordinary Russian word that is no form of ``surname``: pymorphy3 knows it, none of
    its readings is a name, and none has the surname as its lemma ("Новая", "Новой" for "Нова")."""
    if not has_cyrillic(surface) or not is_common_word(surface):
        return False
    from communique.kb.build import morph_parse

    low = surname.lower()
    return not any(p.normal_form == low for p in morph_parse(surface.lower()))


def word_surnames(text: str, mentions: list[Mention], entities: dict) -> list[Mention]:
    """Drop a lone surname match of a knowledge-base person that is an ordinary word matched through an
    ending ("Новая документация" is no form of the surname "Нова"); a form of the surname itself stays."""
    out = []
    for m in mentions:
        if m.kind in ("sur", "stemsur") and m.eid.startswith("kb:person/"):
            surface = text[m.start:m.end]
            surs = (entities.get(m.eid) or {}).get("surnames") or ()
            if surs and fold(surface) not in surs and all(_other_word(surface, s) for s in surs):
                continue
        out.append(m)
    return out
