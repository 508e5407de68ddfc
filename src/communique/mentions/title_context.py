"""What stands before a name: a title of the language's lexicon and the rest of its role ("Deputy Foreign
Minister", "замминистра иностранных дел России"). The knowledge-base matcher asks it whether a lone surname is
an office-holder's (``after_title``); the words are data (``titles``, ``role_links``, ``titles_of_many`` in
``data/lang/<iso>/mentions.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from communique.kb.fold import fold
from communique.mentions.common import _Raw, _common_in, _is_title_word, lang_lexicon, lang_words

_ROLE_GAP_TOKEN = re.compile(r"[^\W\d_][\w-]*|\S")


def after_title(text: str, ft: str, s: int, raws: list[_Raw], i: int, lang: str,
                shared_ok: bool = False) -> re.Match | None:
    """A title of the language's lexicon before the surname, with at most the rest of the role between
    ("Deputy Foreign Minister Ryabkov", "замминистра иностранных дел России Рябков", "Botschafter Netschajew"):
    lower-case words, acronyms ("МИД") and names the knowledge base matched ("России"), no clause break. An
    office-holder in office whose office the title names (:func:`title_fits`) is then the one meant by the lone
    surname. ``shared_ok``: a title many people share ("Senator") counts too (enough to tell a person from a town,
    not to tell which person). Returns the title's match in ``ft``, or None."""
    title_re = lang_lexicon(lang).get("title_re")
    if title_re is None:
        return None
    lo = max(0, s - 80)
    last = None
    for t in title_re.finditer(ft, lo, s):
        last = t
    if last is None or (not shared_ok and _many_hold(last.group(), lang)):
        return None
    covered = [(o.start, o.end) for o in raws[max(0, i - 4):i]
               if o.end <= s and not any(c[0].startswith(("kb:person/", "new:person/")) for c in o.cands)]
    n = 0
    for tok in _ROLE_GAP_TOKEN.finditer(text, last.end(), s):
        w = tok.group()
        n += 1
        if n > 5 or not (w.lower() in lang_words(lang, "role_links") or (w.isupper() and len(w) >= 2) or w == ","
                         or (lang == "ru" and w.islower() and _genitive_of_role(w))
                         or (lang != "ru" and w[0].isupper() and _common_in(w, lang) and not _is_title_word(w, lang)
                             and w.istitle())
                         or any(a <= tok.start() and tok.end() <= b for a, b in covered)):
            return None
    return last


_WORD = re.compile(r"[^\W\d_]+")


def title_fits(title: re.Match, text: str, ft: str, s: int, e: int, raws: list[_Raw], i: int, lang: str,
               term: dict, kb_entities: dict) -> bool:
    """The title before a lone surname names the office the person holds ("Deputy Foreign Minister" and "Deputy
    Minister of Foreign Affairs of Russia"), and no other country than the person's stands around them: "Interior
    Minister Khan" is not the ICC's prosecutor, "Deputy Prime Minister Phillips of Barbados" not Guyana's prime
    minister. The title's words in English (``title_role_words`` of mentions.yaml for the other languages) must
    all be words of the term's English role, and so must a capitalised portfolio word just before the title."""
    role = {w.lower() for w in _WORD.findall(term.get("role") or "")}
    if not role:
        return False
    words = _role_words(title.group(), lang)
    if words is None:
        return False
    before = _WORD.findall(text[max(0, title.start() - 20):title.start()])
    if before and lang == "en" and before[-1][0].isupper() and not _country_word(raws, i, title.start(), kb_entities) \
            and before[-1].lower() not in ("the", "s") and before[-1].lower() not in lang_words(lang, "title_modifiers"):
        words = words | {before[-1].lower()}  # "Interior Minister", "Trade Minister"
    if not all(any(alt in role for alt in w.split("/")) for w in words):
        return False
    cc = term.get("country")
    lo, hi = max(0, title.start() - 40), min(len(text), e + 25)
    for o in raws[max(0, i - 6):i + 4]:
        if lo <= o.start and o.end <= hi and (o.start, o.end) != (s, e):
            ccs = {kb_entities[c[0]].get("country") for c in o.cands if kb_entities[c[0]]["type"] == "country"}
            if ccs and cc not in ccs:
                return False  # "Phillips of Barbados", "Pakistan's ... Khan"
    return True


def _country_word(raws: list[_Raw], i: int, at: int, kb_entities: dict) -> bool:
    """A country mention (name or adjective) ends right before ``at`` ("Russian Deputy Foreign Minister")."""
    return any(0 <= at - o.end <= 3 and any(kb_entities[c[0]]["type"] == "country" for c in o.cands)
               for o in raws[max(0, i - 6):i])


def _role_words(title: str, lang: str) -> frozenset[str] | None:
    """The English words a title's holder has in the role: the title's own words in English, the listed
    translation in other languages (None where a title is not listed: no link then)."""
    table = _title_table(lang)
    if lang == "en":  # the title's own words, some with their other names in roles ("Ambassador": Representative)
        return frozenset().union(*(table.get(w, {w}) for w in _WORD.findall(title.lower())
                                   if w not in ("of", "the", "for", "and")))
    t = fold(title)
    got = table.get(t)
    if got is None and lang == "ru":
        got = next((v for k, v in table.items() if t.startswith(k) and len(t) - len(k) <= 3), None)
    return got


@lru_cache(maxsize=8)
def _title_table(lang: str) -> dict[str, frozenset[str]]:
    from communique.mentions.common import mentions_data

    raw = mentions_data(lang).get("title_role_words") or {}
    return {fold(k): frozenset(w.lower() for w in v.split()) for k, v in raw.items()}


def _many_hold(title: str, lang: str) -> bool:
    """A title many people share ("депутат", "Senator", "Dr."): mentions.yaml ``titles_of_many``. ``title`` is as
    the title pattern matched it in the folded text (Russian titles match with their case endings)."""
    t = fold(title)
    return any(t == w or (lang == "ru" and t.startswith(w) and len(t) - len(w) <= 3)
               for w in lang_words(lang, "titles_of_many", folded=True))


def _genitive_of_role(word: str) -> bool:
    """"(замминистра) иностранных дел": a noun or adjective in the genitive, the rest of a Russian role."""
    from communique.kb.build import morph_parse

    ps = morph_parse(word)
    return bool(ps) and ps[0].tag.POS in ("NOUN", "ADJF") and ps[0].tag.case == "gent"
