"""German persons after an office's title (s15, de6; called at the end of ``persons_de.person_passes``).

Two facts of German news text about a title that stands right before one capitalised word:

* **The office-holder whose surname is a German word.** The knowledge-base matcher drops a lone surname that is
  a German word ("Rutte", "Kurz", "Frieden": every German noun is capitalised), so "Nato-Generalsekretär
  Rutte", "Ex-Kanzler Kurz" or "Ministerpräsident Frieden" gave a new person. After a title whose English role
  words are listed (``title_role_words`` of ``data/lang/de/mentions.yaml``; not one many share: "Abgeordnete",
  "Senator") the word is linked to the knowledge-base person of that surname who held an office those words
  name (all of them words of the term's English role, "Nato-Generalsekretär": secretary general nato), when
  exactly one person fits and no country mention around names another country than the term's. Only such
  words: a surname that is no German word reaches the matcher, which asks for the document's date too.
* **A head of state's or government's title before a town's name** ("Präsident Cleveland", "Präsident Lincoln"):
  a bare office of one holder (``persons_de.single_office_titles``) right before a
  knowledge-base town that is no capital makes the word a person's name: no German writes a town so after
  such a title (the town's office takes the genitive or "von": "der Bürgermeister von Cleveland"). Towns after
  titles many share stay places ("Gouverneur Belgorod", "Minister Brandenburg": ``persons_de.small_town``).

The titles are the listed ones among the document's capitalised tokens (``capset``, which ``capnames_de`` collects
for its own passes), each then found with ``str.find``: no scan of the text per title, no test per mention.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from communique.kb.fold import fold
from communique.mentions.common import Mention, _common_in, lang_words, mentions_data

# the role's words of a knowledge-base term (title_context.title_fits splits them the same way)
_WORD = re.compile(r"[^\W\d_]+")
# a capitalised token (capnames_de._CAP_TOKEN: the capital first, hyphens inside: "Ex-Kanzler" is one token)
_CAP_TOKEN = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+")
# a capitalised word after the title: letters, an apostrophe or a hyphen inside
_NEXT_WORD = re.compile(r"[^\S\n]([A-ZÄÖÜ][^\W\d_]*[a-zäöüßà-ÿ])(?![\w'’-])")
# a title of one word in English that names an office by itself ("Minister", "Sprecher" name many offices)
_HOLDER_WORDS = frozenset(("president", "chancellor", "king", "queen"))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str], dict[str, str]]:
    """(folded title -> its English role words, folded titles many share, folded single-office titles, every
    title of the two lists as written -> folded)."""
    raw = mentions_data("de").get("title_role_words") or {}
    role = {fold(str(k)): tuple(str(v).lower().split()) for k, v in raw.items()}
    many = frozenset(lang_words("de", "titles_of_many", folded=True))
    singles = [str(t) for t in (mentions_data("de").get("persons_de") or {}).get("single_office_titles") or ()]
    written = {t: fold(t) for t in [*map(str, raw), *singles]}
    return role, many, frozenset(map(fold, singles)), written


class _SurnameIndex:
    """Knowledge-base persons by folded surname, built on first use for one knowledge base (the last one
    asked: another knowledge base rebuilds it, so no stale answer survives)."""

    kb: Any = None
    index: dict[str, tuple[str, ...]] = {}

    @classmethod
    def get(cls, kb: Any, surname: str) -> tuple[str, ...]:
        if cls.kb is not kb:
            idx: dict[str, list[str]] = {}
            ents = kb.entities
            for eid in [k for k in ents if k.startswith("kb:person/")]:
                ent = ents[eid]
                if ent.get("terms"):
                    for s in ent.get("surnames") or ():
                        idx.setdefault(s, []).append(eid)
            cls.index = {k: tuple(v) for k, v in idx.items()}
            cls.kb = kb
        return cls.index.get(surname, ())


def _role_fits(words: tuple[str, ...], role: str) -> bool:
    have = {w.lower() for w in _WORD.findall(role)}
    return bool(have) and all(any(alt in have for alt in w.split("/")) for w in words)


def _countries_near(out: list, lo: int, hi: int) -> set[str]:
    return {x.eid.rsplit("/", 1)[1] for x in out
            if x.etype == "country" and x.eid.startswith("kb:country/") and lo <= x.start and x.end <= hi}


def office_holder(kb: Any, word: str, words: tuple[str, ...], countries: set[str], day: str | None = None) -> str | None:
    """The one knowledge-base person with surname ``word`` who held an office whose role has all ``words``
    (and whose term's country is among ``countries`` when any country is named around; s16: and whose term had begun
    by ``day``, the document's date, when it is known: "Präsident Bush" in 1991 is not George W. Bush, while "Kanzler
    Kurz" after his term still names him); None otherwise."""
    found = []
    for eid in _SurnameIndex.get(kb, fold(word)):
        ent = kb.entities[eid]
        if any(_role_fits(words, t.get("role") or "") and (not countries or t.get("country") in countries
                                                          or not t.get("country"))
               and (day is None or (t.get("start") or "0000") <= day)
               for t in ent.get("terms") or ()):
            found.append(eid)
    return found[0] if len(found) == 1 else None


def title_spots(text: str, capset: set[str], written: dict[str, str]) -> dict[int, tuple[int, int, str]]:
    """{start of the capitalised word right after a title: (its end, the title's start, the folded title)} for
    each listed title among the document's capitalised tokens ``capset`` (one blank between title and word)."""
    spots: dict[int, tuple[int, int, str]] = {}
    for t in capset & written.keys():
        n = len(t)
        i = text.find(t)
        while i >= 0:
            if not (i and (text[i - 1].isalnum() or text[i - 1] in "-_")):
                nx = _NEXT_WORD.match(text, i + n)
                if nx is not None:
                    spots[nx.start(1)] = (nx.end(1), i, written[t])
            i = text.find(t, i + n)
    return spots


def titled_persons(text: str, out: list, kb: Any, make: Callable[..., Any], capset: set[str] | None = None,
                   day: str | None = None) -> list:
    """The two rules of the module docstring on ``out`` (a new list where something changed); ``day``: the
    document's date (YYYY-MM-DD), by which the office-holder's term must have begun."""
    role, many, single, written = _tables()
    if not written:
        return out
    spots = title_spots(text, capset if capset is not None else set(_CAP_TOKEN.findall(text)), written)
    if not spots:
        return out
    res = out
    for s, (e, ts, title) in sorted(spots.items()):
        hit = [x for x in res if x.start < e and s < x.end]
        if any(x.etype == "person" and x.eid.startswith("kb:") for x in hit):
            continue  # linked already
        if any(x.start != s or x.end != e for x in hit):
            continue  # a longer name or an organisation around the word
        word = text[s:e]
        new = None
        words = role.get(title)
        if words and (len(words) > 1 or words[0] in _HOLDER_WORDS) and title not in many and " " not in word and _common_in(word, "de"):
            eid = office_holder(kb, word, words, _countries_near(res, max(0, ts - 40), min(len(text), e + 25)), day)
            if eid is not None:
                new = Mention(s, e, eid, "sur", "person")
        if new is None and title in single and len(hit) == 1 and hit[0].eid.startswith("gn:") \
                and not (kb.entities.get(hit[0].eid) or {}).get("capital") and text[e:e + 1] != "-":
            new = make(s, e, "person", word)
        if new is not None:
            ids = {id(x) for x in hit}
            res = [x for x in res if id(x) not in ids] + [new]
    return res
