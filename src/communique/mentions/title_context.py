"""What stands before a name: a title of the language's lexicon and the rest of its role ("Deputy Foreign
Minister", "замминистра иностранных дел России"). The knowledge-base matcher asks it whether a lone surname is
an office-holder's (``after_title``); the words are data (``titles``, ``role_links``, ``titles_of_many`` in
``data/lang/<iso>/mentions.yaml``).
"""

from __future__ import annotations

import re

from communique.kb.fold import fold
from communique.mentions.common import _Raw, _common_in, _is_title_word, lang_lexicon, lang_words

_ROLE_GAP_TOKEN = re.compile(r"[^\W\d_][\w-]*|\S")


def after_title(text: str, ft: str, s: int, raws: list[_Raw], i: int, lang: str, shared_ok: bool = False) -> bool:
    """A title of the language's lexicon before the surname, with at most the rest of the role between
    ("Deputy Foreign Minister Ryabkov", "замминистра иностранных дел России Рябков", "Botschafter Netschajew"):
    lower-case words, acronyms ("МИД") and names the knowledge base matched ("России"), no clause break. An
    office-holder in office then is the one meant by the lone surname. ``shared_ok``: a title many people share
    ("Senator") counts too (enough to tell a person from a town, not to tell which person)."""
    title_re = lang_lexicon(lang).get("title_re")
    if title_re is None:
        return False
    lo = max(0, s - 80)
    last = None
    for t in title_re.finditer(ft, lo, s):
        last = t
    if last is None or (not shared_ok and _many_hold(last.group(), lang)):
        return False
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
            return False
    return True


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
