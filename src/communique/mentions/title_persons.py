"""A title, the rest of its role, then a name (s17, qual17): the cases the title pattern of
:mod:`communique.mentions.persons` (a name right after the title) left without a person.

* "le ministre de l'Intérieur X", "el ministro del Interior X", "министр внутренних дел Пакистана X",
  "Minister of the Interior X": the rest of the role (the language's ``role_links``, capitalised portfolio words,
  acronyms, Russian genitives, names the knowledge base matched) stands between the title and the name.
* "Interior Minister Khan": the name is a word of the language ("khan") that the knowledge base has as a
  person's surname, and the matcher did not link it (the title names another office than the office-holder's
  of that surname). It is a person all the same, the one the title names.

The role is the title as written, in English with the capitalised word before it that names the portfolio
("Pakistan's Interior Minister"), not a word that says when the office was held (``title_modifiers``: "Former")
and not a word opening the sentence (any word is capitalised there: "Yesterday Ambassador X").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from communique.kb.fold import fold
from communique.mentions.common import _common_in, _is_name_like, _is_title_word, _sentence_initial, lang_words
from communique.mentions.name_stats import kb_surnames, mainly_given

_GAP_TOKEN = re.compile(r"[^\W\d_][\w-]*|\S")
_RUN_GAP = re.compile(r"[^\S\n]+|-")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+$")
_MAX_GAP = 5


def _known_surname(kb: Any, word: str, lang: str) -> bool:
    f = fold(word)
    sur = kb_surnames(kb)
    if f in sur:
        return True
    # a Russian surname in a case form ("Хана"): the knowledge base has the nominative
    return lang == "ru" and any(f[:-k] in sur for k in (1, 2) if len(f) - k >= 3)


def title_gap_name(kb: Any, text: str, ft: str, lang: str, tm: re.Match, wend: int, taken: Any,
                   mentions: list, given: frozenset[str]) -> list[tuple[int, int]] | None:
    """The name (its words' spans, up to three) after the title ``tm`` and the rest of its role, before
    ``wend`` (the clause's end); None where a lower-case word, a verb, or a name already taken comes first."""
    if lang == "de":
        return None  # German capitalises every noun: "Chef der russischen Atomenergieagentur" is no name
    links = _role_links(lang)
    table = _portfolio_table(lang) if lang != "en" else None
    gap = 0
    last_link = False  # the last word of the rest of the role is a link ("director de X": X is no person)
    run: list[tuple[int, int]] = []
    for tok in _GAP_TOKEN.finditer(text, tm.end(), wend):
        w = tok.group()
        s, e = tok.span()
        if run:
            if _RUN_GAP.fullmatch(text[run[-1][1]:s]) and w[:1].isupper() and len(w) >= 2:
                if taken.overlaps(s, e):
                    return None  # "Joseph Biden": the name goes on into a name already found
                if not w.isupper() and not _is_title_word(w, lang) and (
                        not _common_in(w, lang) or _is_name_like(w)) and len(run) < 3:
                    run.append((s, e))
                    continue
                return None  # "Mr. David Harris", "Александр Озерец": the name goes on with a word not read here
            break
        if taken.overlaps(s, e):
            if any(m.start < e and s < m.end and m.etype in ("country", "organization", "group") for m in mentions):
                gap += 1  # a country, an organisation the knowledge base matched ("внутренних дел Пакистана")
                last_link = False
                continue
            return None  # a person: the title has its name
        if w.lower() in links or w in (",", "'", "’"):
            gap += 1
            last_link = True
            continue
        if w.isupper() and len(w) >= 2:
            gap += 1  # an acronym ("МИД", "UN")
        elif w[:1].isupper() and len(w) >= 2 and not w.isupper() and not _is_title_word(w, lang) and (
                not _common_in(w, lang) or _is_name_like(w) or _known_surname(kb, w, lang)):
            run.append((s, e))
            continue
        elif table is not None:
            if fold(w) not in table:
                return None  # only the portfolios the language lists ("директор компании X": X is the company)
            gap += 1
        elif w[:1].isupper() and w.istitle() and _common_in(w, lang) and not _is_title_word(w, lang) \
                and fold(w) not in given:
            gap += 1  # an English portfolio ("Interior"), no given name ("Ambassador Jonathan X")
        else:
            return None
        last_link = False
        if gap > _MAX_GAP:
            return None
    if not run or last_link or gap > _MAX_GAP:
        return None
    if len(run) == 1 and not gap:
        word = text[run[0][0]:run[0][1]]
        if not _known_surname(kb, word, lang) or fold(word) in mainly_given(kb):
            return None  # a lone word right after the title: the title pattern's own case; "Mr. David"
        if re.search(r"[^\W\d_]\w*[^\S\n]+" + re.escape(word) + r"(?!\w)", text[:run[0][0]]):
            return None  # "Andrew Johnson ... President Johnson": the surname of a person named before
    return run


@lru_cache(maxsize=8)
def _role_links(lang: str) -> frozenset[str]:
    return lang_words(lang, "role_links")


@lru_cache(maxsize=8)
def _portfolio_table(lang: str) -> frozenset[str]:
    """The folded words a role may have between its title and the name (``portfolio_role_words``)."""
    from communique.mentions.common import mentions_data

    return frozenset(fold(k) for k in (mentions_data(lang).get("portfolio_role_words") or {}))


def role_start(text: str, lang: str, tm: re.Match, mentions: list) -> int:
    """Where the role written before a name starts: the title's start, in English the capitalised portfolio word
    before it ("Interior Minister", "Deputy Foreign Minister"), not a modifier ("Former"), an article or a
    country ("Pakistani")."""
    at = tm.start()
    if lang != "en":
        return at
    m = _WORD_BEFORE.search(text, max(0, at - 25), at)
    if m is None:
        return at
    w = m.group(1)
    if _sentence_initial(text, m.start(1)):
        return at  # "Yesterday Ambassador X": a capitalised word opening the sentence may be any word
    if not (w[:1].isupper() and w.istitle()) or w.lower() in ("the", "s", "a", "an") \
            or w.lower() in lang_words(lang, "title_modifiers") or not _common_in(w, lang):
        return at
    if any(x.start <= m.start(1) < x.end for x in mentions):
        return at  # a country, a place, an organisation: no portfolio
    return m.start(1)
