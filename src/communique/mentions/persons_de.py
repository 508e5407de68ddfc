"""German persons, round six: the name's own shape and its bounds (called at the end of
``capnames_de.german_passes``; German documents only).

Each rule is a fact of names as German text writes them, not a list of names:

* **An initial goes on to the surname** ("Harry S. Truman", "Mildred T. Cross"): after a given name and
  a one-letter initial the next capitalised word is the surname, even when it is an English or German
  word. **An initial before a small town's name** ("K. Tambow"): a town takes no initial,
  so the word is a surname.
* **Name particles** belong to the name: Dutch "van", "van der", "van den", "ter", "ten" before a
  capitalised word are a surname ("van der Meulen"; they are no German words), the Arabic article and
  kinship words after a name ("Ali al-Hamdani", "Faisal bin Salman") too; the German "von" opens a
  surname after an abbreviated title ("Dr. von Stein"; a role noun names its seat: "der Bischof von
  Trier") and when it follows a clause boundary before a person's name ("..., von Quitzow dagegen ...").
* **East Asian names with a hyphenated given name** ("Moon Jae-in", "Lee Myung-bak", "Lee Chang-dong"):
  a short capitalised family name and a given name of two syllables joined by a hyphen, the second in
  lower case, which no German compound does.
* **No persons**: a guessed person that is a hyphenated compound ending in a German common noun with a
  first part that is a word form or a number ("Bienen-Kino", "Drei-Tore-Spektakel"), a capitalised
  word before a Latin species epithet ("Bellis perennis", "Fagus sylvatica": a genus), after a taxon noun
  or with a genus ending, a storm after its noun ("Sturmtief X"), abbreviated weekdays ("Mo-Fr"), a word
  after the English "The" or "of" (a title).
* **Names side by side** are one name when neither is a German common noun and one is a listed name
  ("Percy Fowler"), or when both were guessed persons ("Ole Winther" + "Hansen").
* **Noun heads**: an article before a guessed name whose first word is a noun belongs to the noun ("dem
  Jäger X": the name is X; "der Hafenstadt X": a place), and a noun after a genitive name is no part of it.

Word lists: the ``persons_de`` section of ``data/lang/de/mentions.yaml`` and ``data/lang/de/surnames_weak.txt``.
Knowledge-base persons keep their link: no pass here merges them into a new name (but a lone surname match
inside an East Asian name).
"""

from __future__ import annotations

import re
from dataclasses import replace as dataclass_replace
from functools import lru_cache
from typing import Any, Callable, Iterator

from communique.kb.fold import fold
from communique.mentions.capnames import _dictionary, _known, _known_lower, _name_like, cap_lexicon
from communique.mentions.common import LANG_DIR, _Coverage, mentions_data
from communique.mentions.famous_de import famous_persons
from communique.mentions.literals_de import doc_literals
from communique.mentions.spanindex import SpanIndex
from communique.mentions.titled_de import titled_persons

# a one-letter initial ending the name: "Mildred T." (or "Mildred T ." as tokenised text writes it)
_ENDS_INITIAL = re.compile(r"(?<=[^\S\n])[A-Z][^\S\n]?\.$")
_NEXT_NAME = re.compile(r"[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")
# "K. Tambow": an initial right before a mention (after a space, a comma, a bracket or the line start)
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=[\s,(;]))([A-Z])[^\S\n]?\.[^\S\n]+$")
# the first letter first, its lookbehind after it: the regex engine skips to the letters that can start a match
_DUTCH = re.compile(r"(?:v(?<![\w-]v)an(?:[^\S\n]+(?:der|den|de))?|V(?<![\w-]V)an[^\S\n]+(?:der|den)|t(?<![\w-]t)e[rn])"
                    r"[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")  # "Van der X" opening a sentence ("Van X" may be the town)
_ARABIC_TAIL = re.compile(r"[^\S\n]+(?:(?:al|el|as|ad|ar|at|az|an|ash)-[A-Z][\w'’]*[a-z]|(?:bin|ibn|bint)[^\S\n]+[A-Z][\w'’]*[a-z])(?![\w'’-])")
_VON_NAME = re.compile(r"v(?<![\w-]v)on[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")
_EAST_ASIAN = re.compile(r"([A-Z](?<![\w'’.-][A-Z])[a-z]{1,5})[^\S\n]+([A-Z][a-z]{1,5}-[a-z]{1,5})(?![\w'’-])")
_LATIN_EPITHET = re.compile(r"[^\S\n]+([a-z]{4,})(?![\w-])")
_LATIN_ENDS = ("oides", "ensis", "ianus", "iana", "ianum", "ii", "ae", "us", "um", "is", "ata", "atus", "ica", "icus", "ina", "inus",
               "osa", "osus", "ella", "ellus", "ifolia", "iflora")  # endings of Latin species epithets
_TITLE_ABBR = frozenset(("Dr", "Prof", "Dres", "Mag"))
_EN_TITLE_WORDS = frozenset(("The", "of"))


@lru_cache(maxsize=1)
def de_weak_surnames() -> frozenset[str]:
    """Surnames that are English words but no German ones (``data/lang/de/surnames_weak.txt``): names only
    where German syntax wants one (a lone subject with no article)."""
    p = LANG_DIR / "de" / "surnames_weak.txt"
    if not p.exists():
        return frozenset()
    return frozenset(x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


def _stop(w: str) -> bool:
    cap = cap_lexicon("de")
    return cap is None or w.lower() in cap.stop


@lru_cache(maxsize=65536)
def _common_noun(w: str) -> bool:
    """A German common noun as written: the dictionary knows it, not only as a name."""
    return _known(w, "de") and w not in _name_like("de")


@lru_cache(maxsize=65536)
def _word_form(w: str) -> bool:
    """The first part of a compound that is no surname: a number, a lower-case word, or an inflected
    form of a noun ("Punkte", "Figuren")."""
    if not w or w[0].isdigit() or not w[:1].isupper():
        return True
    if _known_lower(w, "de"):
        return True
    lemma = _dictionary("de").get(w)
    if lemma:
        return lemma != w and w not in _name_like("de")
    return _compound_noun(w)  # a compound the dictionary does not list ("Knetmassen")


def _compound_noun(w: str) -> bool:
    return _cd._real_compound(w)


def _over(out: list, s: int, e: int) -> list:
    return [x for x in out if x.start < e and s < x.end]


# the largest knowledge-base town a person cue may override ("Präsident Cleveland" in a history text, "Senator
# Brewster"); states, regions, capitals and large cities stay places ("die Abgeordneten Bayerns", "Minister
# Brandenburg", "Gouverneur Belgorod", "Köln (SPD)": the party's branch there)
SMALL_TOWN = 50_000


def small_town(x: Any, kb: Any) -> bool:
    """Mention ``x`` is a place a person cue may override: guessed from its shape (``new:``), or a GeoNames
    town under :data:`SMALL_TOWN` that is no capital."""
    if x.eid.startswith("new:"):
        return True
    if not x.eid.startswith("gn:"):
        return False  # a curated place (kb:place/...): a region or a venue
    ent = kb.entities.get(x.eid) or {}
    return not ent.get("capital") and (ent.get("population") or 0) < SMALL_TOWN


def _replaceable(x: Any) -> bool:
    """A guess a name's shape overrides: a single capitalised-names guess or a knowledge-base place or
    surname matched alone."""
    return x.kind in ("cap", "sur", "initials", "given", "shape", "title") or (x.kind == "name" and x.etype in ("place", "person"))


def _grow(m: Any, s: int, e: int, text: str, make: Callable[..., Any]) -> Any:
    """The person ``m`` over [s, e): a new mention, which keeps the role of a title-and-name one ("Minister X")."""
    new = make(s, e, "person", text[s:e])
    if m.kind == "title" and m.role:
        new = dataclass_replace(new, kind="title", role=m.role, country=m.country)
    return new


def _swap(out: list, s: int, e: int, new: Any, kb_persons: bool = False) -> list | None:
    """``out`` with the mentions inside [s, e) replaced by ``new``; None when one reaches outside it or
    cannot be replaced (a knowledge-base person only when ``kb_persons``: its link is kept otherwise)."""
    hit = _over(out, s, e)
    if any(x.start < s or x.end > e or not _replaceable(x) for x in hit):
        return None
    if not kb_persons and any(x.etype == "person" and x.eid.startswith("kb:") for x in hit):
        return None
    ids = {id(x) for x in hit}
    return [x for x in out if id(x) not in ids] + [new]


def _swap_in(idx: Any, s: int, e: int, new: Any, kb_persons: bool = False) -> bool:
    """:func:`_swap` on a :class:`~communique.mentions.spanindex.SpanIndex`, in place: the same test, the same
    order of the mentions after it (the kept ones in place, ``new`` at the end); False when nothing changed."""
    keys = sorted(idx.overlapping(s, e))
    hit = [idx.get(k) for k in keys]
    if any(x.start < s or x.end > e or not _replaceable(x) for x in hit):
        return False
    if not kb_persons and any(x.etype == "person" and x.eid.startswith("kb:") for x in hit):
        return False
    for k in keys:
        idx.remove(k)
    idx.append(new)
    return True


def person_passes(text: str, out: list, kb: Any, make: Callable[..., Any], cued: set[int], capset: set[str] | None = None,
                  day: str | None = None) -> list:
    """The rules of the module docstring, in order; ``cued`` holds the ids of persons a German pass found
    with a cue (never dropped here); ``day``: the document's date (YYYY-MM-DD) or None."""
    if cap_lexicon("de") is None:
        return out
    out = _initial_tails(text, out, kb, make)
    lit = doc_literals(text)  # the rare literals in one scan: each "x in lit" is "x in text" (s13)
    if "van " in lit or "Van d" in lit or " ter " in lit or " ten " in lit:  # the cheap test first ("ter"/"ten" opening a line: rare)
        out = _dutch_particles(text, out, make)
    if "von " in text:
        out = _von_names(text, out, make)
    if "-" in text:
        out = _arabic_tails(text, out, make)
        out = _east_asian(text, out, make)
        out = _hyphen_nouns(text, out, cued)
    out = _genera(text, out, cued)
    out = _noun_heads(text, out, kb, make)
    out = _pair_names(text, out, make)
    out = _frames(text, out, kb, make)  # round seven
    out = _round8(text, out, kb, make, capset)  # round eight
    out = famous_persons(text, out, make, capset)  # s15: persons named by one word (famous_de)
    return titled_persons(text, out, kb, make, capset, day)  # s15: an office's title before one word (titled_de)


def _initial_tails(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    res = out
    for m in out:
        if m.etype == "person" and text[m.end - 1:m.end] == "." and " " in text[m.start:m.end]:
            if not _ENDS_INITIAL.search(text, m.start, m.end):
                continue
            nx = _NEXT_NAME.match(text, m.end)
            if not nx or _stop(nx.group(1)):
                continue  # after an initial even a word is the surname ("Mildred T. Cross")
            new = _grow(m, m.start, nx.end(1), text, make)
            got = _swap(res, m.start, nx.end(1), new)
            if got is not None:
                res = got
        elif m.etype == "place" and m.kind == "name" and m.start >= 3 and text[m.start - 1] in " \t":
            ib = _INITIAL_BEFORE.search(text, max(0, m.start - 4), m.start)
            if not ib:
                continue
            if text[max(0, ib.start(1) - 3):ib.start(1)].rstrip().endswith("."):
                continue  # "z. B. Berlin", "u. a. Paris": an abbreviation, no initial
            ent = kb.entities.get(m.eid) or {}
            if ent.get("capital") or (ent.get("population") or 0) >= 500_000 or " " in text[m.start:m.end]:
                continue
            new = make(ib.start(1), m.end, "person", text[ib.start(1):m.end])
            got = _swap(res, ib.start(1), m.end, new)
            if got is not None:
                res = got
    return res


def _dutch_particles(text: str, out: list, make: Callable[..., Any]) -> list:
    for m in _DUTCH.finditer(text):
        s, e = m.start(), m.end()
        w = m.group(1)
        if _stop(w):
            continue
        # a name before the particle belongs to it ("Rafael van der Meulen"): the given-name pass found it whole
        before = [x for x in out if x.start < s <= x.end + 1 and x.etype == "person"]
        if before:
            continue
        got = _swap(out, s, e, make(s, e, "person", text[s:e]))
        if got is not None:
            out = got
    return out


def _von_matches(text: str) -> list:
    """``_VON_NAME.finditer(text)``, matched only where "von" is (s13: from the document's one scan of literals;
    the regex tried every "v"): the leftmost match at or after the end of the last, as ``finditer`` takes them."""
    res = []
    last = 0
    match = _VON_NAME.match
    for i in doc_literals(text).get("von", ()):
        if i >= last:
            m = match(text, i)
            if m is not None:
                res.append(m)
                last = m.end()
    return res


def _von_names(text: str, out: list, make: Callable[..., Any]) -> list:
    _prev_word = _cd._prev_word
    starts = None
    for m in _von_matches(text):
        s, e = m.start(), m.end()
        w = m.group(1)
        if _stop(w):
            continue
        pw = _prev_word(text, s)
        titled = pw is not None and pw in _TITLE_ABBR  # a role noun names its seat: "der Bischof von Trier"
        if not titled:
            j = s
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            boundary = j == 0 or text[j - 1] in ",;:\n(\"„“»«"
            if not boundary:
                continue
            if starts is None:
                starts = {(x.start, x.end): x for x in out if x.etype == "person"}
            p = starts.get((m.start(1), e))
            if p is None or p.kind not in ("cap", "sur", "shape"):
                continue  # "..., von Berlin aus": no person after the particle
        got = _swap(out, s, e, make(s, e, "person", text[s:e]))
        if got is not None:
            out = got
            starts = None
    return out


def _arabic_tails(text: str, out: list, make: Callable[..., Any]) -> list:
    res = out
    for m in out:
        if m.etype != "person" or m.kind in ("adj", "dem", "adjstem", "coref"):
            continue
        t = _ARABIC_TAIL.match(text, m.end)
        if not t:
            continue
        new = _grow(m, m.start, t.end(), text, make)
        got = _swap(res, m.start, t.end(), new)
        if got is not None:
            res = got
    return res


_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _east_asian_matches(text: str) -> list:
    """``_EAST_ASIAN.finditer(text)``, found from the hyphens (str.find) instead of a regex trying every capital
    (s13): a hyphen between ASCII lower-case letters, the capital of the given name before them, the blanks and the
    family name's capital before those; the regex is matched there (its lookbehind sees the text before)."""
    res = []
    last = 0
    n = len(text)
    i = text.find("-", 1)
    while i >= 0:
        if i + 1 < n and text[i + 1] in _ASCII_LOWER and text[i - 1] in _ASCII_LOWER:
            u = i - 1
            while u > 0 and text[u - 1] in _ASCII_LOWER:
                u -= 1
            u -= 1  # the given name's capital
            if 2 <= i - u <= 6 and u > 0 and text[u] in _ASCII_UPPER:
                w = u
                while w > 0 and text[w - 1] != "\n" and text[w - 1].isspace():
                    w -= 1
                if w < u:  # one blank at least; the family name ends before them
                    p = w - 1
                    while p > 0 and text[p] in _ASCII_LOWER and w - p <= 6:
                        p -= 1
                    if p >= last and 2 <= w - p <= 6 and text[p] in _ASCII_UPPER:
                        m = _EAST_ASIAN.match(text, p)
                        if m is not None:
                            res.append(m)
                            last = m.end()
        i = text.find("-", i + 1)
    return res


def _east_asian(text: str, out: list, make: Callable[..., Any]) -> list:
    for m in _east_asian_matches(text):
        fam, given = m.group(1), m.group(2)
        if _stop(fam) or _common_noun(fam) or _known_lower(fam, "de"):
            continue
        lo = given.split("-", 1)[1]
        if _known(lo, "de") or _known(lo, "en") and len(lo) > 3:
            continue
        s, e = m.span()
        got = _swap(out, s, e, make(s, e, "person", text[s:e]), kb_persons=True)  # "Lee" alone may have matched a KB surname
        if got is not None:
            out = got
    return out


def _hyphen_nouns(text: str, out: list, cued: set[int]) -> list:
    drop = set()
    for m in out:
        if m.etype != "person" or m.kind != "cap" or id(m) in cued:
            continue
        w = text[m.start:m.end].split()[-1]
        if "-" not in w:
            continue
        parts = w.split("-")
        last = parts[-1]
        if len(last) < 3 or not last[:1].isupper() or not _known(last, "de") or _listed_name(last):
            continue  # (nouns with an -s plural look like names to the dictionary: "Kino", "Kinos")
        if any(_word_form(p) for p in parts[:-1]):
            drop.add(id(m))
    return [x for x in out if id(x) not in drop] if drop else out


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """The ``persons_de`` section of ``data/lang/de/mentions.yaml``."""
    d = mentions_data("de").get("persons_de") or {}

    def low(k: str) -> list[str]:
        return [str(x).lower() for x in d.get(k) or []]
    return (frozenset(low("weather_nouns")), frozenset(low("taxon_nouns")), tuple(low("taxon_endings")),
            frozenset(str(x) for x in d.get("weekdays") or []), frozenset(low("taxon_nouns_bare")))


_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:der|die|das|dem|den|des|einer|eine|einen|eines|einem|ein)[^\S\n]+\S+[^\S\n]+$")


def _genera(text: str, out: list, cued: set[int]) -> list:
    """No persons: a genus before a Latin epithet ("Bellis perennis") or after a taxon noun with its article
    ("der Gattung X"), a word with a genus or family ending ("-saurus", "-aceae"), a storm after its noun
    ("Orkan X", "Sturmtief X"), abbreviated weekdays ("Mo-Fr"), a one-word guess after the English "The" or
    "of" (a title, a band, a firm: "The Silver Harbour", "Songs of Avalon")."""
    _prev_word = _cd._prev_word
    weather, taxa, taxon_ends, weekdays, taxa_bare = _data()
    drop = set()
    for m in out:
        if m.etype != "person" or m.kind != "cap" or id(m) in cued:
            continue
        w = text[m.start:m.end]
        if " " not in w:
            if "-" in w and all(p in weekdays for p in w.split("-")):
                drop.add(id(m))
                continue
            if len(w) > 6 and w.lower().endswith(taxon_ends):
                drop.add(id(m))
                continue
            pw = _prev_word(text, m.start)
            if pw in _EN_TITLE_WORDS and text[m.start - 1:m.start] == " ":
                drop.add(id(m))  # "The X", "... of X": an English title, band or firm, no person
                continue
            if pw and pw[:1].isupper():
                p = pw.lower()
                if p in weather or p.rsplit("-", 1)[-1] in weather:
                    drop.add(id(m))
                    continue
                if p in taxa_bare or p in taxa and _DETERMINER_BEFORE.search(text, max(0, m.start - 40), m.start):
                    drop.add(id(m))
                    continue
        nx = _LATIN_EPITHET.match(text, m.end)
        if not nx:
            continue
        ep = nx.group(1)
        if ep.endswith(_LATIN_ENDS) and not _known(ep, "de") and not _known(ep, "en"):
            drop.add(id(m))
    return [x for x in out if id(x) not in drop] if drop else out


_NAME_TOKEN_RIGHT = re.compile(r"[^\S\n]+([A-ZÄÖÜ][a-zäöüßà-ÿ’']*[a-zäöüßà-ÿ])(?![\w'’-])")
_NAME_TOKEN_LEFT = re.compile(r"(?<![\w'’.,-])([A-ZÄÖÜ][a-zäöüßà-ÿ’']*[a-zäöüßà-ÿ])[^\S\n]+$")
# s20: _NAME_TOKEN_LEFT read backwards from the position (``capnames_de._word_before``: one match in the reversed text
# for the window search; the capital must stand right before the run of lower-case letters and apostrophes)
_REV_NAME_TOKEN_LEFT = re.compile(r"\n?[^\S\n]+([a-zäöüßà-ÿ][a-zäöüßà-ÿ’']*[A-ZÄÖÜ])(?![\w'’.,-])")
_NAME_END = frozenset("abcdefghijklmnopqrstuvwxyzäöüß" + "".join(map(chr, range(0xE0, 0x100))))  # [a-zäöüßà-ÿ]


@lru_cache(maxsize=65536)
def _no_german_noun(w: str) -> bool:
    """A capitalised word that is no German common noun, adjective or function word: unknown to the German
    dictionary or known only as a name (an English word may be one: "Fowler", "Brewer")."""
    if len(w) < 3 or _stop(w) or _known_lower(w, "de") or _common_noun(w):
        return False
    return not _cd._cue_word(w)


@lru_cache(maxsize=65536)
def _listed_name(w: str) -> bool:
    return w in _cd.de_surnames() or w in de_weak_surnames() or fold(w) in _cd.de_given_names() or fold(w) in _cd.de_weak_given_names()


def _joins(new: str, name: str) -> bool:
    """``new`` joins the one-word name ``name``: it is a listed name itself, or ``name`` is listed and ``new``
    is no English word either ("Miller Foundation" is no name)."""
    return _listed_name(new) or (_listed_name(name) and not _known(new.lower(), "en"))


def _pair_names(text: str, out: list, make: Callable[..., Any]) -> list:
    """Two name words side by side are one name when neither is a German common noun and one is a listed
    given name or surname ("Percy Fowler", "Dale Brewer"): the capitalised-names stage stops
    at English words, the given-name pass takes an English word as a surname only after a strong given name."""
    res = out
    persons_at: dict[int, list] | None = None  # guessed persons by start, rebuilt after a change
    for m in out:
        if m.etype != "person" or m.kind not in ("cap", "given", "sur", "shape", "initials", "title"):
            continue
        w = text[m.start:m.end]
        s, e = m.start, m.end
        rt = _NAME_TOKEN_RIGHT.match(text, e)
        nxt = []
        if rt:
            if persons_at is None:
                persons_at = {}
                for x in res:
                    if x.etype == "person" and _replaceable(x):
                        persons_at.setdefault(x.start, []).append(x)
            nxt = persons_at.get(rt.start(1), [])
        multi = " " in w
        if multi:
            if not nxt or w.count(" ") > 2 or any(x.kind == "title" for x in nxt) or not _no_german_noun(rt.group(1)):
                continue  # a longer name takes only a guessed person right after it ("Ole Winther" + "Hansen")
            w = w.rsplit(" ", 1)[1]
        genitive = rt is not None and rt.group(1).endswith("s") and _NAME_TOKEN_RIGHT.match(text, rt.end()) is not None
        if rt and not genitive and not text.startswith("-", rt.end()) and _no_german_noun(rt.group(1)) and (_joins(rt.group(1), w) or nxt):
            e = max([rt.end()] + [x.end for x in nxt])  # two guessed persons side by side are one ("Ole Winther" + "Hansen")
        elif not multi and not (w.endswith("s") and _NAME_TOKEN_RIGHT.match(text, e)):  # "Miller" + "Hoods Armee": a genitive
            j = _blanks_before(text, s)  # s14: the search only after blanks and a lower-case letter (what the pattern ends with)
            # (start, word) of _NAME_TOKEN_LEFT.search(text, max(0, s - 30), s)
            lt = _cd._word_before(_REV_NAME_TOKEN_LEFT, text, s, 30) if 0 < j < s and text[j - 1] in _NAME_END else None
            if lt and _no_german_noun(lt[1]) and _joins(lt[1], w) \
                    and not _sentence_start(text, lt[0]):
                s = lt[0]
        if (s, e) == (m.start, m.end):
            continue
        got = _swap(res, s, e, _grow(m, s, e, text, make))
        if got is not None:
            res = got
            persons_at = None
    return res


def _sentence_start(text: str, s: int) -> bool:
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in ".!?:\n\"„“«»("


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:der|die|das|dem|den|des|ein|eine|einer|einem|einen|eines|im|am|vom|zum|zur|beim)"
                             r"(?:[^\S\n]+[a-zäöüß]+(?:e|en|er|es|em))*[^\S\n]+$")


@lru_cache(maxsize=1)
def _town_noun_ends() -> tuple[str, ...]:
    return tuple(sorted({x.lower() for x in _cd._town_slots()[2]}, key=len, reverse=True)) or ("stadt",)


@lru_cache(maxsize=65536)
def _place_head(noun: str) -> bool:
    """A noun that names a kind of place: a town noun or its compound ("Hafenstadt"), a place apposition ("Region")."""
    return noun.lower().endswith(_town_noun_ends()) or _cd._apposition_kind(noun) == "place"


def _kb_place(kb: Any, name: str, population: int = 0) -> bool:
    """A country of the knowledge base, or a place of at least ``population`` inhabitants."""
    for eid, _k, _f in kb.index.get(fold(name), ()):
        ent = kb.entities.get(eid) or {}
        if ent.get("type") == "country" or ent.get("type") == "place" and (ent.get("population") or 0) >= population:
            return True
    return False


def _noun_heads(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    """An article before a guessed name of two or more words whose first word is a German common noun belongs
    to the noun ("dem Jäger Tarvo Linnamäe", "der Hafenstadt San Pedro"): a person's name takes no article, so the
    name is the rest. A noun after a name in the genitive is no part of it ("Anna Petra Wolters Castingshow")."""
    res = out
    for m in out:
        if m.etype != "person" or m.kind not in ("cap", "given"):
            continue
        toks = text[m.start:m.end].split(" ")
        if len(toks) < 2:
            continue
        first, last = toks[0], toks[-1]
        if m.kind == "cap" and _ARTICLE_BEFORE.search(text, max(0, m.start - 60), m.start) \
                and (_known(first, "de") or _compound_noun(first)) and not _listed_name(first):
            rest = toks[1:]
            if rest[0] in ("von", "vom") and len(rest) > 1:
                rest = rest[1:]  # "das Resümee von X": the noun's complement
            if not rest[0][:1].isupper():
                continue  # "den Prix de Lyon": a foreign name with its particle
            s = m.end - len(" ".join(rest))
            typ = "place" if _place_head(first) or _kb_place(kb, text[s:m.end], 100_000) else "person"  # "der Hafenstadt X"
            new = make(s, m.end, typ, text[s:m.end])
        elif toks[-2].endswith("s") and len(toks[-2]) > 3 and (len(toks) > 2 or (
                _listed_name(toks[0][:-1]) and m.kind != "given")) \
                and (_common_noun(last) or _compound_noun(last)) and not _listed_name(last) and not _listed_name(toks[-2]):
            # (s17: two words found from a given name, kind "given", are no genitive of a name: "Thomas Bagger" is a
            # name, not Thoma's excavator)
            e = m.end - len(last) - 1
            while text[e - 1:e] == " ":
                e -= 1
            new = make(m.start, e, "person", text[m.start:e])
        else:
            continue
        res = [x for x in res if x is not m] + [new]
    return res


# --- round seven: frames that only a person fills -------------------------------------------------------------

_WORD_RX = r"[A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ]"
# "Kramer ( SPD )", "Anna Kramer (CDU)": a party's short name in brackets right after the name
# the word right before a position (searched in a short window: the pattern is anchored at its end)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(" + _WORD_RX + r")[^\S\n]*$")
_WORD_BEFORE_SPACE = re.compile(r"(?<![\w'’-])(" + _WORD_RX + r")[^\S\n]+$")
# "wie Kramer (schon) sagte": the one who said it (matched at each "wie"/"Wie")
_WIE_SAID = re.compile(r"[Ww]ie[^\S\n]+(" + _WORD_RX + r")(?:[^\S\n]+(?:schon|bereits|einmal|einst|selbst|auch|zuletzt|gestern|heute))?"
                       r"[^\S\n]+([a-zäöü]+)(?![\w-])")
# "laut Kramer": a source, then a lower-case word or punctuation (not "laut Kramer Verlag"; matched at each "laut"/"Laut")
_LAUT = re.compile(r"[Ll]aut[^\S\n]+(" + _WORD_RX + r")(?=[^\S\n]*[,.;:]|[^\S\n]+[a-zäöü])")


def _at_literal(text: str, lit: dict[str, list[int]], needle: str) -> list[int]:
    """``_at(text, needle)`` for a needle of ``literals_de`` from its places in ``lit`` (``doc_literals(text)``): those
    are all its places in order (s20: "wie ", "laut ", "zufolge" and their capitalised forms; a ``str.find`` walk of
    the text for each, of four that found none, cost more)."""
    return [i for i in lit.get(needle, ()) if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")]


def _at(text: str, needle: str) -> list[int]:
    """The positions of ``needle`` in ``text`` that do not follow a letter (str.find: no regex over the text)."""
    res = []
    i = text.find(needle)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
            res.append(i)
        i = text.find(needle, i + 1)
    return res


# "..., Kramer und Y", "Y und Kramer": a conjunct next to a person
_CONJ = r"(?:[^\S\n]*,|[^\S\n]+(?:und|oder|sowie))[^\S\n]+"
_CONJ_RIGHT = re.compile(_CONJ + r"(" + _WORD_RX + r")(?![\w'’.-])")
_CONJ_LEFT = re.compile(r"(?<![\w'’-])(" + _WORD_RX + r")" + _CONJ + r"$")


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(v for v in _cd.de_lexicon().speech_verbs if v != "so") | {"schrieb", "sagt", "formulierte", "feststellte", "bemerkte"}


@lru_cache(maxsize=1)
def _parties() -> frozenset[str]:
    return frozenset(str(x) for x in (mentions_data("de").get("persons_de") or {}).get("party_names", ()))


def _name_word(w: str) -> bool:
    """A word that can stand for a person's surname in a frame: no German common noun or function word, or a
    listed surname (which may be a German word: "Fischer")."""
    return _no_german_noun(w) or (w in _surnames() and not _stop(w))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_cd.de_surnames()) | de_weak_surnames()


def _frames(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    """Frames of German text that only a person's name fills:

    * a party in brackets after a name ("Kramer (SPD)", "Anna Kramer (Grüne)"), which news text writes after
      a politician's name; a small knowledge-base town there gives way ("Gosslar (CDU)");
    * a source before "zufolge" ("Kramer zufolge"; plural nouns are dictionary words: "Angaben zufolge");
    * a conjunct next to a person ("Olaf Scholz und Kramer", "Kramer, Wendt und Anna Meier"): a capitalised word
      that is no German common noun, joined by "und", "oder", "sowie" or a comma to a person's name.
    """
    res = list(out)
    cov = _LazyCoverage(res)  # what the mentions cover, grown as frames add persons (no scan of ``res`` per word)
    by_span = None  # the spans of ``out`` (built at the first party frame that needs them)
    dropped: set[int] = set()  # ids of places a party frame replaced

    def add(s: int, e: int, w: str) -> None:
        res.append(make(s, e, "person", w))
        cov.add(s, e)

    if "(" in text:
        parties = _parties()
        i = text.find("(")
        while i >= 0:
            j = i + 1
            # the party's name ends at ")" or at a comma before it ("(SPD, Vorsitzende des Ausschusses)")
            k = text.find(")", j, j + 16)
            c = text.find(",", j, k if k > 0 else j + 16)
            end = c if c > 0 else k
            inside = text[j:end].strip() if end > 0 else ""
            wb = _WORD_BEFORE.search(text, max(0, i - 40), i) if inside in parties else None
            i = text.find("(", i + 1)
            if wb is None:
                continue
            s, e = wb.span(1)
            w = wb.group(1)
            if cov.overlaps(s, e):
                if by_span is None:
                    by_span = {(x.start, x.end): x for x in out}
                x = by_span.get((s, e))
                if x is None or id(x) in dropped or x.etype != "place" or x.kind not in ("cap", "name"):
                    continue  # a person already, or another mention across the word
                if not small_town(x, kb):
                    continue  # "Berlin (SPD)", "Köln (SPD)": the party's branch there
                dropped.add(id(x))
                res.append(make(s, e, "person", w))
                continue
            if _name_word(w):
                add(s, e, w)
    lit = doc_literals(text)
    if "zufolge" in lit:
        for i in _at_literal(text, lit, "zufolge"):
            wb = _WORD_BEFORE_SPACE.search(text, max(0, i - 40), i)
            after = text[i + 7:i + 8]
            if wb and not (after.isalnum() or after in ("-", "_")):  # "zufolge", "zufolge:", "zufolge!"
                s, e = wb.span(1)
                if not cov.overlaps(s, e) and _name_word(wb.group(1)):  # a plural noun is a dictionary word ("Angaben")
                    add(s, e, wb.group(1))
    if "wie " in lit or "Wie " in lit:
        speech = _speech_verbs()
        for i in _at_literal(text, lit, "wie ") + _at_literal(text, lit, "Wie "):
            m = _WIE_SAID.match(text, i)
            if m is None or m.group(2) not in speech:
                continue
            s, e = m.span(1)
            if not cov.overlaps(s, e) and _name_word(m.group(1)):
                add(s, e, m.group(1))
    if "aut " in lit:  # "laut", "Laut"
        for i in _at_literal(text, lit, "laut ") + _at_literal(text, lit, "Laut "):
            m = _LAUT.match(text, i)
            if m is None:
                continue
            s, e = m.span(1)
            if not cov.overlaps(s, e) and _name_word(m.group(1)) and (_listed_name(m.group(1)) or not _compound_noun(m.group(1))):
                add(s, e, m.group(1))  # a medium is often a compound ("laut Handelsblatt")
    if dropped:
        res = [x for x in res if id(x) not in dropped]
    if " und " in text or " oder " in text or " sowie " in text:
        res = _conjuncts(text, res, make, cov.cov)  # the coverage so far holds (a dropped place's person has its span)
    return res


class _LazyCoverage:
    """A :class:`_Coverage` of the list ``ms`` built at the first test (s13: most frames find nothing to test);
    ``add`` before it is built does nothing: the list, which the caller appends to, has the span by then."""

    __slots__ = ("ms", "cov")

    def __init__(self, ms: list) -> None:
        self.ms = ms
        self.cov: _Coverage | None = None

    def overlaps(self, s: int, e: int) -> bool:
        if self.cov is None:
            self.cov = _Coverage(self.ms)
        return self.cov.overlaps(s, e)

    def add(self, s: int, e: int) -> None:
        if self.cov is not None:
            self.cov.add(s, e)


def _conjuncts(text: str, out: list, make: Callable[..., Any], built: _Coverage | None = None) -> list:
    res = list(out)
    cov: Any = built if built is not None else _LazyCoverage(res)
    persons = [m for m in out if m.etype == "person"]
    for m in persons:
        r = _CONJ_RIGHT.match(text, m.end)
        if r:
            s, e = r.span(1)
            comma = text[m.end:s].strip() == ","
            if not cov.overlaps(s, e) and _name_word(r.group(1)) and not _NEXT_NAME.match(text, e) \
                    and (not comma or _LIST_GOES_ON.match(text, e)):
                res.append(make(s, e, "person", r.group(1)))
                cov.add(s, e)
        lm = _CONJ_LEFT.search(text, max(0, m.start - 40), m.start) if _conj_before(text, m.start) else None
        if lm and "," not in lm.group(0):
            s, e = lm.span(1)
            if not cov.overlaps(s, e) and _name_word(lm.group(1)) and not _prev_name_word(text, s) \
                    and (not _sentence_start(text, s) or _listed_name(lm.group(1))) \
                    and not _ARTICLE_BEFORE.search(text, max(0, s - 60), s):  # "im Nordwesten und X": a noun
                res.append(make(s, e, "person", lm.group(1)))
                cov.add(s, e)
    return res


def _blanks_before(text: str, s: int) -> int:
    r"""The start of the blanks (``[^\S\n]*``) that end at ``s``."""
    j = s
    while j > 0 and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    return j


def _conj_before(text: str, s: int) -> bool:
    """"und", "oder" or "sowie" and blanks right before ``s``: what ``_CONJ_LEFT`` without a comma ends with (s14: a
    cheap test before its search, which tries the pattern at each of 40 positions)."""
    j = _blanks_before(text, s)
    return j < s and text.endswith(("und", "oder", "sowie"), 0, j)


# after a conjunct joined by a comma the list goes on ("Olaf Scholz, Kramer und ..."): an apposition does not
_LIST_GOES_ON = re.compile(r"[^\S\n]*(?:,|und|oder|sowie)[^\S\n]")


def _prev_name_word(text: str, s: int) -> bool:
    """A capitalised word that is no function word right before ``s`` ("Hans Kramer und ...", "Firma Kramer und
    ..."): the conjunct is part of a longer name or phrase, which the other passes judge."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == s or j == 0:
        return False
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-'’"):
        k -= 1
    w = text[k:j]
    return w[:1].isupper() and not _stop(w)


# --- round eight: German surnames that are words, and the frames of news and reference text ---------------------

@lru_cache(maxsize=1)
def de_noun_surnames() -> frozenset[str]:
    """German surnames that are German words (``data/lang/de/surnames_noun.txt``: Müller, Fischer, Köhler, Braun):
    names only in the slots German syntax keeps for a name."""
    p = LANG_DIR / "de" / "surnames_noun.txt"
    if not p.exists():
        return frozenset()
    return frozenset(x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _r8_data() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Round eight's lists in the ``persons_de`` section of ``data/lang/de/mentions.yaml``."""
    d = mentions_data("de").get("persons_de") or {}

    def words(k: str) -> frozenset[str]:
        return frozenset(str(x) for x in d.get(k) or [])
    return (words("name_prepositions"), words("copulas"), words("honorifics"), words("age_articles"), words("maiden_name_words"))


@lru_cache(maxsize=1)
def _r8_adverbs() -> frozenset[str]:
    return frozenset(str(x) for x in (mentions_data("de").get("persons_de") or {}).get("subject_adverbs") or [])


_R8_LOWER = re.compile(r"[^\S\n]+([a-zäöüß]+)(?![\w-])")
# the next token: a capitalised word (a name's first or last word) after spaces
_R8_NEXT = re.compile(r"[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")
# what may follow a bare surname after a preposition: punctuation, a lower-case word, the line's end
_R8_AFTER = re.compile(r"[^\S\n]*(?:[.,;:!?)\"“”»«]|[a-zäöüß]|$)", re.M)
# after "geborene" or "geb." ("geb . X" as tokenised text writes it): the maiden name
_MAIDEN_NEXT = re.compile(r"(?:[^\S\n]?\.)?[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")
# "der 23-jährige X", "die 17-jährige X": the number and the age adjective before a name (matched at each "jährige")
_AGE = re.compile(r"(?<![\w-])(\w+)[^\S\n]+\d{1,3}[^\S\n]?-[^\S\n]?jährigen?[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])(?![\w'’-])")
# "Weber , Anna :", "Weber, Anna Maria (Hg.):": a bibliography's inverted name, the given name(s) before ":" or "("
_BIB_AFTER = re.compile(r"[^\S\n]*(?::|\([^\S\n]?(?:Hrsg|Hg|Ed|eds)\b)")
_BIB_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ](?:-[A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])?)[^\S\n]?,[^\S\n]+$")
# the author opening a line of a citation, before its comma
_CITE_AUTHOR = re.compile(r"[^\S\n]*([A-ZÄÖÜ][\w'’]*[a-zäöüßà-ÿ])[^\S\n]?,[^\S\n]")
# two capitals after a lower-case letter inside one word ("TecDAX", "eBay"-like trade names): no person's name
_INNER_CAPS = re.compile(r"[a-zäöüß][A-ZÄÖÜ]{2}")


_NAME_PARTICLES = frozenset(("al", "el", "ad", "ar", "as", "ash", "bin", "ibn", "ben", "bint", "de", "da", "di", "du", "la", "le",
                             "van", "von", "der", "den", "del", "dos", "das", "ul", "ud", "ud-din", "zu"))


@lru_cache(maxsize=65536)
def _no_name(s: str) -> bool:
    """A guessed person's words that no name has: two capitals after a lower-case letter in one word ("TecDAX"), a
    last word that is an acronym of two to four capitals ("Carina GTS": a model, an office) or an English noun that
    heads the name of a body or a thing ("Riverside School", "Open License"), a lone comparative of a
    German adjective used as a noun ("Letzterer", "Klügere": "letzter", "klüger" with an ending)."""
    last = s.rsplit(" ", 1)[-1]
    if 2 <= len(last) <= 4 and last.isalpha() and last.isupper():
        return True
    if " " in s:
        return last in _r8_english_heads()  # "Riverside School", "Open License": an English name of a body or a thing
    if _INNER_CAPS.search(s):
        return True
    if s.count("-") >= 2 and any(p.isalpha() and p.islower() and p not in _NAME_PARTICLES for p in s.split("-")[1:-1]):
        return True  # "Geiz-ist-geil-Kunde": a phrase made a compound ("Abd-al-Rahman" keeps its particle)
    return len(s) >= 7 and s.endswith(("erer", "ere")) and _known_lower(s[:-2] if s.endswith("erer") else s[:-1], "de")


@lru_cache(maxsize=1)
def _r8_answer_words() -> frozenset[str]:
    return frozenset(str(x) for x in (mentions_data("de").get("persons_de") or {}).get("interview_answers") or [])


def _line_start(text: str, s: int) -> bool:
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n"


_ARTICLES = frozenset(("der", "die", "das", "dem", "den", "des"))


def _noun_after_article(text: str, s: int, e: int) -> bool:
    """A guessed name right after an article whose last word is a German common noun or a compound of nouns ("die
    Sternenschau", "dem Ford Transporter"): a noun phrase; a name takes no article (a listed surname stays)."""
    j = s
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == s or j < 3 or text[j - 3:j].lower() not in _ARTICLES or (j > 3 and (text[j - 4].isalnum() or text[j - 4] == "-")):
        return False  # the article right before (str tests: this runs for every guessed person)
    last = text[s:e].rsplit(" ", 1)[-1]
    if not last.isalpha() or _listed_name(last) or last in de_noun_surnames():
        return False
    return _common_noun(last) or " " not in text[s:e] and _compound_noun(last)


def _r8_drop(text: str, m: Any) -> bool:
    """A guessed person (kind "cap" or "given") that is no name (``_no_name``, ``_noun_after_article``,
    ``_town_adjective_before_noun``)."""
    if m.kind == "cap" and (_no_name(text[m.start:m.end]) or _town_adjective_before_noun(text, m.start, m.end)):
        return True
    return _noun_after_article(text, m.start, m.end)


def _town_adjective_before_noun(text: str, s: int, e: int) -> bool:
    """A one-word guess in "-aner"/"-ener" before a capitalised common noun is a town's adjective, which German
    writes capitalised and uninflected before its noun ("Hannoveraner Bürger", "Bremener Firmen")."""
    w = text[s:e]
    if len(w) < 7 or not w.endswith(("aner", "ener")) or " " in w or _listed_name(w):
        return False
    nx = _R8_NEXT.match(text, e)
    return nx is not None and (_common_noun(nx.group(1)) or _compound_noun(nx.group(1)))


@lru_cache(maxsize=1)
def _r8_english_heads() -> frozenset[str]:
    return frozenset(str(x) for x in (mentions_data("de").get("persons_de") or {}).get("english_heads") or [])


@lru_cache(maxsize=65536)
def _lone_name(w: str, kb: Any) -> bool:
    """A word the dictionary knows only as a name (tested before) that may be a person alone: no function word,
    lower-case word, noun ending, English word or knowledge-base place (cached: the knowledge base is one per process)."""
    cap = cap_lexicon("de")
    return len(w) > 3 and w.isalpha() and not _stop(w) and not _known_lower(w, "de") and not w.lower().endswith(cap.noun_suffixes) \
        and not _known(w.lower(), "en") and not _kb_place(kb, w)


@lru_cache(maxsize=1)
def _slot_surnames() -> frozenset[str]:
    return de_noun_surnames() | de_weak_surnames()


def _adjective_name(w: str) -> bool:
    """A listed surname that is also a German adjective or other lower-case word (Braun, Schwarz)."""
    return _known_lower(w, "de")


def noun_surname_subject(w: str, verb: str) -> bool:
    """``w`` opens a clause before the finite verb ``verb`` as a listed surname that is a German word: a
    singular common noun there takes an article, so the bare word is the name ("Köhler übernahm ...");
    one that is also an adjective only before a verb that is no copula ("Schwarz ist ..." may be the colour)."""
    if w not in de_noun_surnames():
        return False
    return not _adjective_name(w) or verb not in _r8_data()[1]


_SENTENCE_ENDS = frozenset(".!?:\n\"„“«»(")  # what ``_sentence_start`` takes before the blanks


def _sentence_spans(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    """``[x for x in _token_spans(text, words) if _sentence_start(text, x[0])]``, sorted (s16: the sentence test
    inline, before any other; about one occurrence in eleven opens a sentence)."""
    res = []
    n = len(text)
    ends = _SENTENCE_ENDS
    for w in words:
        k = len(w)
        i = text.find(w)
        while i >= 0:
            e = i + k
            if i:
                c = text[i - 1]
                if c == " " or c == "\t":
                    j = i - 2
                    while j >= 0 and (text[j] == " " or text[j] == "\t"):
                        j -= 1
                    ok = j < 0 or text[j] in ends
                else:
                    ok = c in ends
            else:
                ok = True
            if ok and (e == n or not (text[e].isalnum() or text[e] in "-_")):
                res.append((i, e, w))
            i = text.find(w, e)
    res.sort()
    return res


def _lone_subjects(text: str, capset: set[str], kb: Any, covered: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """The spans of :func:`_round8`'s lone names opening a sentence before their verb, in text order (a generator:
    ``covered`` is asked as the caller adds them). s14: the word test ``_lone_name`` (a new word's miss costs several
    dictionary and knowledge-base lookups) only for the words found where the rule looks, not for every name-like
    word of the document first; the same spans. s16: the sentence test inline on each occurrence, before the
    coverage test (``_sentence_spans``; tests/mentions/test_dex16_oracles.py)."""
    adverbs = _r8_adverbs()
    names = capset & _name_like("de")  # the intersection in C first
    for s, e, w in _sentence_spans(text, names) if names else ():
        if covered(s, e):
            continue
        nx = _R8_LOWER.match(text, e)
        if nx is None or not _lone_name(w, kb):
            continue
        v = nx.group(1)
        if v in adverbs:
            nx = _R8_LOWER.match(text, nx.end())
            v = nx.group(1) if nx else ""
        if not v or not _cd._verb_word(v):
            continue
        yield s, e


def _round8(text: str, out: list, kb: Any, make: Callable[..., Any], capset: set[str] | None) -> list:
    """Round eight (docs/kb.md "German, round eight: persons"):

    * a listed surname that is a German noun bare after a preposition ("mit Fischer", "gegen Köhler"): a singular
      common noun there takes an article ("mit dem Fischer"); the list leaves out mass nouns and nouns of fixed
      phrases ("mit Glück", "von Kopf bis Fuß");
    * a capitalised word after "geborene"/"geb." (a maiden name: "Anna Weber geb. Köhler");
    * a name after an age adjective with a masculine or feminine article ("der 23-jährige X", "die 17-jährige X"):
      a town takes the neuter ("das 800-jährige X"), a common noun is known to the dictionary;
    * an English honorific before a name belongs to it ("Miss X", "Lady X", "Sir X"), not after "First";
    * an interview's speaker opening a line before a colon and an answer in the first person ("Köhler : Ich ...");
    * an initial before a listed surname that is a German word ("W. Köhler"); a short citation's author opening a line
      ("Kramer , Die Stadt , S. 12");
    * a bibliography's inverted name ("Weber , Anna :", "Weber, Anna (Hrsg.):"): a surname, a comma and a guessed
      one-word person before ":" or the editor's mark;
    * no person: a word with two capitals after a lower-case letter ("TecDAX"), a name ending in an acronym ("Carina
      GTS"), a comparative used as a noun ("Letzterer"), a town's adjective before its noun ("Hannoveraner Bürger"), a
      noun phrase after an article ("die Sternenschau", "dem Ford Transporter").
    """
    _prev_word, _token_spans = _cd._prev_word, _cd._token_spans

    preps, _copulas, honorifics, age_articles, maiden = _r8_data()
    # the mentions with a sorted span list: an overlap test, a swap, a removal cost no rebuilt list (s12 review fixes)
    res = SpanIndex([m for m in out if m.etype != "person" or m.kind not in ("cap", "given") or not _r8_drop(text, m)])

    def covered(s: int, e: int) -> bool:
        return res.overlaps(s, e)

    def add(s: int, e: int) -> None:
        res.append(make(s, e, "person", text[s:e]))

    # a surname that is a German noun (or an English word) after a preposition; any capitalised word after "geborene"
    words = (capset & _slot_surnames()) if capset is not None else set()  # and English words ("mit Brewer")
    word_spans = sorted(_token_spans(text, words)) if words else []  # found once for the two steps that use them (s13)
    if words:
        for s, e, w in word_spans:
            pw = _prev_word(text, s)
            if pw is None or not (pw in preps and not _adjective_name(w)):
                continue
            if not _R8_AFTER.match(text, e) or covered(s, e):
                continue
            add(s, e)
    lit = doc_literals(text)
    for key in maiden:
        if key not in lit:
            continue
        for i in _at(text, key):
            nx = _MAIDEN_NEXT.match(text, i + len(key))
            if nx is None:
                continue
            s, e = nx.span(1)
            w = nx.group(1)
            if _stop(w) or _common_noun(w) and w not in de_noun_surnames() or covered(s, e):
                continue
            add(s, e)

    # a word the dictionary knows only as a name ("Stalin", "Thälmann") opening a sentence before its finite verb, an
    # adverb between ("X wiederum verlangte ..."): a singular common noun there takes an article
    if capset is not None:
        for s, e in _lone_subjects(text, capset, kb, covered):
            add(s, e)

    # an initial before a listed surname that is a German word ("W. Köhler"; not after an abbreviation: "z. B. Müller")
    if words:
        for s, e, w in word_spans:
            ib = _INITIAL_BEFORE.search(text, max(0, s - 4), s)
            if ib is None or text[max(0, ib.start(1) - 3):ib.start(1)].rstrip().endswith("."):
                continue
            a = ib.start(1)
            hit = res.over(a, e)
            if any(x.start < a or x.end > e or x.etype != "person" for x in hit):
                continue
            _swap_in(res, a, e, make(a, e, "person", text[a:e]))

    # a short citation opening a line: "Kramer , Die Stadt im Mittelalter , S. 12" (author, title, page)
    if " S." in lit:
        for i in _at(text, "S."):
            if not text[i + 2:i + 4].strip()[:1].isdigit():
                continue
            ls = text.rfind("\n", 0, i) + 1
            m = _CITE_AUTHOR.match(text, ls)
            if m is None or "," not in text[m.end(1):i]:
                continue
            s, e = m.span(1)
            w = m.group(1)
            if _stop(w) or covered(s, e) or not (_no_german_noun(w) or w in de_noun_surnames()):
                continue
            add(s, e)

    # an interview's speaker at the start of a line: "Köhler : Ich glaube ..." (the answer in the first person)
    if ":" in text:
        answer = _r8_answer_words()
        i = text.find(":")
        while i >= 0:
            j = i
            i = text.find(":", i + 1)
            nx = _R8_NEXT.match(text, j + 1)
            if nx is None or nx.group(1) not in answer:
                continue
            wb = _WORD_BEFORE.search(text, max(0, j - 40), j)
            if wb is None or not _line_start(text, wb.start(1)):
                continue
            s, e = wb.span(1)
            w = wb.group(1)
            if _stop(w) or covered(s, e) or not (w in de_noun_surnames() or _listed_name(w) or _no_german_noun(w)):
                continue
            add(s, e)

    # an age adjective before a name
    if "jährige" in lit:
        by_span = None
        i = text.find("jährige")
        while i >= 0:
            m = _AGE.search(text, max(0, i - 16), i + 60)
            i = text.find("jährige", i + 7)
            if m is None or m.group(1).lower() not in age_articles:
                continue
            s, e = m.span(2)
            w = m.group(2)
            if _stop(w) or (_common_noun(w) or _known_lower(w, "de") or _compound_noun(w)) and not _listed_name(w) \
                    and w not in de_noun_surnames():
                continue  # "der 23-jährige Student", "die 17-jährige Schülerin"
            if _cd._cue_word(w):
                continue
            if covered(s, e):
                if by_span is None:
                    by_span = {(x.start, x.end): x for x in res.items()}
                x = by_span.get((s, e))
                if x is None or x.etype != "place" or x.kind not in ("cap", "name") \
                        or (kb.entities.get(x.eid) or {}).get("capital"):
                    continue  # a town is neuter ("das 800-jährige X"): a place after "der"/"die" is a namesake
                k = res.key_of(x)
                if k is not None:
                    res.remove(k)
            add(s, e)

    # an English honorific before a name
    for h in honorifics:
        if h + " " not in lit:
            continue
        for i in _at(text, h + " "):
            nx = _R8_NEXT.match(text, i + len(h))
            if nx is None or _prev_word(text, i) in ("First", "first"):
                continue
            s, e = nx.span(1)
            if _kb_place(kb, nx.group(1)) or _stop(nx.group(1)):
                continue  # "Miss Germany", "Miss Universe": a contest's title
            hit = res.over(s, e)
            if hit:
                end = max(x.end for x in hit)
                if any(x.etype != "person" or x.start < s or x.eid.startswith("kb:") for x in hit):
                    continue
            else:
                end = e
            _swap_in(res, i, end, make(i, end, "person", text[i:end]))

    # "Weber , Anna :" in a bibliography
    if ":" in text or "(" in text:
        add_bib = []
        for m in res.items():
            if m.etype != "person" or m.kind not in ("cap", "given", "shape") or " " in text[m.start:m.end]:
                continue
            if not _BIB_AFTER.match(text, m.end):  # the given name: a person the other passes guessed already
                continue
            lb = _BIB_BEFORE.search(text, max(0, m.start - 40), m.start)
            if lb is None:
                continue
            w = lb.group(1)
            if _stop(w) or _common_noun(w) and not _listed_name(w) and w not in de_noun_surnames():
                continue
            add_bib.append((lb.start(1), m.end))
        for s, e in add_bib:
            _swap_in(res, s, e, make(s, e, "person", text[s:e]))
    return res.items()


# capnames_de imports this module at its top, so it is bound here, after every name it takes from this one (s14: an
# import statement inside a function costs about 1,000 instructions a call, two failed attribute lookups among them)
from communique.mentions import capnames_de as _cd  # noqa: E402
