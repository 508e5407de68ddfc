"""German-only passes after the capitalised-names stage (``capnames.py``).

Each pass rests on a fact of German news text, not on a list of names:

* **Lone surnames with a cue.** A capitalised word right after a verb of saying and before the end of
  the clause ("..., sagte Pfister .") or right after a role noun, plain or compounded ("Trainer Hofmann",
  "CSU-Politiker Straubinger", "Bäderleiter Schmid", "Dr. Meier") is a person even when the dictionary
  lists it as a noun (Schmid, Möller): a surname alone needs such evidence. A bare dictionary noun
  opening a clause before a finite singular verb is one too ("Bauer erhielt ...").
* **Given name + surname** that is also a word ("Gerrit Gerber"): given names of many languages
  (``data/lang/de/given_names.txt``); initials and regnal numbers continue a name ("George W. Bush",
  "Elisabeth II.").
* **Genitive -s of known places** ("Leipzigs", "Chinas", "des Saarlandes") link to the place.
* **Compass and region compounds** of a known country or large place ("Süditalien",
  "Ostdeutschland", "Nordafrikas") are places.
* **Street names**: compounds in -straße/-gasse/-allee the dictionary does not know
  ("Schwanitzstraße") and "<X>er Straße" ("Jenaer Straße", "Plauer See", "Lehrter Bahnhof").
* **Organisation suffixes** close a name to their left ("Franzis Verlag", "Google Inc.",
  "Kuwait National Airways"); a city followed by an English plural is a team ("Chicago Bulls").
* **Clubs and institutions**: "1. FC Nürnberg", "FC Schalke 04", "Mainz 05", "Preußen Münster",
  "Realschule Spaichingen"; place names that run on ("Brandenburg an der Havel", "Große Schaftberg",
  "Darmstadt/Berlin", "Hudson River"); an unknown name in a list of places is a place.
* **Common nouns are no places**: a knowledge-base town whose name is an inflected German noun
  ("Foren", "Kindern") or a dictionary noun after an article or a contracted preposition
  ("im Raum", "in der Region", "im Internet") is dropped.

The word lists are data: ``capnames_de`` in ``data/lang/de/mentions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace as dataclass_replace
from functools import lru_cache
from itertools import product, repeat
from operator import attrgetter, methodcaller
from typing import Any, Callable

from communique.kb.fold import fold
from communique.mentions.capnames import (
    _compound, _dictionary, _foreign_word, _known, _known_lower, _name_like, _place_shaped, _sentence_initial, _with_given,
    cap_lexicon, words_where,
)
from communique.mentions.common import LANG_DIR, _finditer_at, all_starts, latin1_members, mentions_data, reversed_text
from communique.mentions.literals_de import doc_literals
from communique.mentions.places_de import refine as place_passes, town_adjective
from communique.mentions.persons_de import de_noun_surnames, de_weak_surnames, noun_surname_subject, person_passes, small_town


@dataclass(frozen=True)
class DeLexicon:
    speech_verbs: frozenset[str]
    role_endings: tuple[str, ...]
    compass_prefixes: tuple[str, ...]
    street_endings: tuple[str, ...]
    street_heads: frozenset[str]
    org_suffixes: frozenset[str]
    contracted: frozenset[str]
    articles: frozenset[str]
    club_prefixes: frozenset[str]
    club_words: frozenset[str]
    institution_endings: tuple[str, ...]
    aux_singular: frozenset[str]
    place_adjectives: frozenset[str]
    apposition: dict[str, str]  # noun (lower case) -> "organization", "club" or "place"
    home_countries: frozenset[str] = frozenset()  # ISO codes of the German-speaking countries


@lru_cache(maxsize=1)
def de_lexicon() -> DeLexicon:
    data = mentions_data("de")
    c = data.get("capnames_de") or {}

    def low(key: str) -> list[str]:
        return [str(x).lower() for x in c.get(key) or []]

    return DeLexicon(
        speech_verbs=frozenset(low("speech_verbs")),
        role_endings=tuple(sorted(low("role_endings"), key=len, reverse=True)),
        compass_prefixes=tuple(sorted(low("compass_prefixes"), key=len, reverse=True)),
        street_endings=tuple(low("street_endings")),
        street_heads=frozenset(str(x) for x in c.get("street_heads") or []),
        org_suffixes=frozenset(str(x) for x in c.get("org_suffixes") or []),
        contracted=frozenset(low("contracted")),
        articles=frozenset(low("articles")),
        club_prefixes=frozenset(str(x) for x in c.get("club_prefixes") or []),
        club_words=frozenset(str(x) for x in c.get("club_words") or []),
        institution_endings=tuple(low("institution_endings")),
        aux_singular=frozenset(low("aux_singular")),
        place_adjectives=frozenset(str(x) for x in c.get("place_adjectives") or []),
        apposition={**{w: "place" for w in low("apposition_place")}, **{w: "club" for w in low("apposition_club")},
                    **{w: "organization" for w in low("apposition_org")}},
        home_countries=frozenset(str(x).upper() for x in c.get("home_countries") or []),
    )


@lru_cache(maxsize=1)
def de_given_names() -> frozenset[str]:
    p = LANG_DIR / "de" / "given_names.txt"
    if not p.exists():
        return frozenset()
    return frozenset(fold(x.strip()) for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


_RIVER = re.compile(r"[^\S\n]+(?:an[^\S\n]+der|am|ob[^\S\n]+der)[^\S\n]+([A-ZÄÖÜ][\w-]+)(?![\w-])(?![^\S\n]+[A-ZÄÖÜ])")
_SLASH_NEXT = re.compile(r"/([A-ZÄÖÜ][\w-]*)(?:[^\S\n]+[A-ZÄÖÜ][\w-]*)?")
_PREV_CAP = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\wäöüß]+)[^\S\n]+$")
_REV_PREV_CAP = re.compile(r"\n?[^\S\n]+([\wäöüß]+[A-ZÄÖÜ])(?![\w-])")  # s20: _PREV_CAP backwards (``_word_before``)
_EN_PLACE = re.compile(r"([A-Z](?<![\w-].)[a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)[^\S\n]+(?:River|Falls|Hall|Bay|Square|Street|Avenue|Road|Bridge|"
                       r"Island|Islands|Lake|Valley|Beach|Creek|Canyon|Tableland|Mountains)(?![\w-])")
_EN_PLACE_HEADS = frozenset("River Falls Hall Bay Square Street Avenue Road Bridge Island Islands Lake Valley Beach Creek Canyon "
                            "Tableland Mountains".split())
# [A-ZÄÖÜ](?<![\w-].)[\w-]*[^\W\d_]s(?![\w-]): a match ends where the word ends, so the word is taken whole
# (possessive, no backtracking over every shorter tail) and its last two letters looked at (the same matches)
_GENITIVE = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w-]{2,}+(?<=[^\W\d_]s)")
@lru_cache(maxsize=1)
def de_weak_given_names() -> frozenset[str]:
    p = LANG_DIR / "de" / "given_names_weak.txt"
    if not p.exists():
        return frozenset()
    return frozenset(fold(x.strip()) for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


# possessive runs (++): a shorter run is followed by a letter, where neither "-" nor the space can follow, so
# giving letters back finds nothing; without it the engine tried every shorter run of every capitalised word
# s18: the optional part and the blanks possessive too: without the part a hyphen follows, and the blanks are followed by
# a capital, so giving either back never made a match (the same matches; 19.8 M -> 17.4 M instructions for the scan)
_GIVEN_CAND = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[a-zäöüßà-ÿ]++(?:-[A-ZÄÖÜ][a-zäöüßà-ÿ]++)?+(?=[^\S\n]++[A-ZÄÖÜ])")
def _all_given(first: frozenset[str]) -> frozenset[str]:
    """The linker's given names and the German list, joined once per set."""
    return _with_given(first, de_given_names())


@lru_cache(maxsize=65536)
def _given_kind(g0: str, given: frozenset[str]) -> int:
    """0: no given name; 1: a given name; 2: a weak one (an English word too: counts only before an unknown surname)."""
    low = g0.lower()
    if low in given:
        return 1
    # s14: folded once (twice before for a word that is no given name: most); s17: an ASCII word without "`" folds
    # to its lower case (fold maps each character; of the ASCII ones it changes only the case and "`")
    f = low if g0.isascii() and "`" not in g0 else fold(g0)
    if f in given:
        return 1
    return 2 if f in de_weak_given_names() else 0


_GIVEN_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßà-ÿ]++(?:-[A-ZÄÖÜ][a-zäöüßà-ÿ]++)?+")  # _GIVEN_CAND's word (fullmatch)
_GIVEN_KINDS: list[Any] = [None]  # the given names (held: their identity is the key), then the sets made from them


def _given_starts(text: str, given: frozenset[str], capset: set[str] | None) -> list[tuple[int, int]]:
    """(start, kind) of each ``_GIVEN_CAND`` match whose first part (before a hyphen) has a ``_given_kind`` (1 or 2),
    in text order, and possibly more starts where ``_GIVEN_PAIR`` does not match (the caller passes over those).
    s19: from the document's words (``capset``), not a scan of the text for capitals (17 M instructions on the
    benchmark). A match is a whole ``_CAP_TOKEN`` token: it opens like one, and its letters and hyphen are all
    ``[\\w-]`` (but "÷", which is in "à-ÿ": such a text takes the scan) and a blank follows it. So the candidates are the
    words of ``capset`` that fullmatch ``_GIVEN_WORD`` with a kind, at each of their whole-token places; where no blank
    and capital follow one, ``_GIVEN_PAIR`` (the same word, then blanks and a capital) fails as the scan did. A word
    of ASCII letters is a given name when its lower case is one (its fold is its lower case, see ``_given_kind``):
    those come from set intersections; the other words (non-ASCII, hyphenated) are asked once each in the process
    (those with a kind are remembered; the words seen are a set, bounded)."""
    if capset is None or "÷" in text:
        res = []
        for w0 in _GIVEN_CAND.finditer(text):
            kind = _given_kind(w0.group(0).split("-")[0], given)
            if kind:
                res.append((w0.start(), kind))
        return res
    h = _GIVEN_KINDS
    if h[0] is not given:
        weak = {x[0].upper() + x[1:] for x in de_weak_given_names() if len(x) > 1 and x.isascii() and x.isalpha() and x.islower()}
        strong = frozenset(x[0].upper() + x[1:] for x in given if len(x) > 1 and x.isascii() and x.isalpha() and x.islower())
        # the capitalised ASCII given names (kind 1), the weak ones (kind 2; a name in both is 1, as _given_kind says),
        # the other words seen and those of them with a kind
        h[:] = [given, strong, frozenset(weak - strong), set(), {}]
    _g, strong, weak, seen, other = h
    if len(seen) > 200_000:
        seen.clear()  # (bounded; then this document's words are all asked again, not only its new ones)
        other.clear()
    new = capset - seen
    if new:
        for w in new:
            if w.isascii() and "-" not in w:
                continue  # (the sets above)
            if _GIVEN_WORD.fullmatch(w) is not None:
                k = _given_kind(w.split("-")[0], given)
                if k:
                    other[w] = k
        seen |= new
    kinds = dict.fromkeys(capset & strong, 1)
    kinds.update(dict.fromkeys(capset & weak, 2))
    if other:
        kinds.update((w, other[w]) for w in capset.intersection(other))
    if not kinds:
        return []
    return [(s, kinds[w]) for s, _e, w in sorted(_token_spans(text, kinds.keys()))]


def _given_surname(text: str, mentions: list, given: frozenset[str], cap: Any, make: Callable[..., Any],
                   capset: set[str] | None = None) -> list:
    """"Gerrit Gerber", "Britt Hagedorn": a given name followed by one capitalised word is a person
    even when the dictionary lists the second word as a noun; a longer name takes a second word
    unknown to the dictionary ("Jodie Anne Henry")."""
    out = list(mentions)
    rx = _GIVEN_PAIR
    for start, kind in _given_starts(text, given, capset):
        weak = kind == 2
        m = rx.match(text, start)
        if m is None:
            continue
        g, sur = m.group(1), m.group(2)
        if (fold(g.split("-")[0]) not in given and not weak) or g.lower() in cap.stop or sur.lower() in cap.stop or sur.isupper():
            continue
        if _known_lower(sur, "de") or _known_lower(g, "de") or sur.lower() in cap.org_suffixes or sur.lower() in cap.org_heads:
            continue
        if weak and ((_known(sur, "de") and sur not in _name_like("de")) or _known(sur.lower(), "en")):
            continue  # "Dawn Patrol": an English word before a word is no given name
        s, e = m.span()
        nx = _NEXT_NAME_TOK.match(text[e:e + 40])
        if nx and not _known(nx.group(1), "de") and not _known_lower(nx.group(1), "de") and nx.group(1).lower() not in cap.stop \
                and not nx.group(1).isupper() and nx.group(1).lower() not in cap.org_suffixes:
            e += nx.end()
        over = [x for x in out if x.start < e and s < x.end]
        if any(x.start < s or x.end > e for x in over) or any((x.start, x.end) == (s, e) for x in over):
            continue
        if any(x.etype in ("organization", "group") and x.kind != "cap" or x.kind in ("adj", "adjstem", "dem") for x in over):
            continue
        if any(x.etype == "person" and x.kind not in ("cap", "shape", "given") for x in over):
            continue
        out = _without(out, over)
        out.append(make(s, e, "person", text[s:e]))
    return out


@lru_cache(maxsize=65536)
def de_town_like(word: str) -> bool:
    """A capitalised dictionary entry inflected like a town name, not like a noun: no forms but
    the genitive ("Mainz", "Rostocks", "Bergen"), while nouns have plurals and cases ("Kiele",
    "Reste", "Regionen"), and no lower-case reading."""
    d = _dictionary("de")  # s15: "x in d" is Mapping.__contains__, which raises and catches a KeyError on a miss; d.get does not
    if d.get(word) != word or d.get(word.lower()) is not None or len(word) < 4:
        return False
    return not any(d.get(word + x) == word for x in ("e", "en", "n", "er", "ern", "es"))


# formerly [A-ZÄÖÜ](?<![\w-].)(?:[\w’'-]*[\w])?: the optional group is the engine's general repeat; the run then a
# word character behind its end is the same match, with the Latin-1 members spelt out (s12 round three, -17 %)
_WORD = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[" + latin1_members(r"[\w’'-]") + r"’'\-\w]*(?<=[" + latin1_members(r"\w") + r"\w])")
# s14: the _WORD matches after a blank, and those at the text's start or after a line break, a quote or a bracket
# (each of those characters is no [\w-], so _WORD's own look-behind holds); the capital first, as in _WORD
_WORD_HEAD = r"[A-ZÄÖÜ](?<![\w-].)"  # _WORD's capital and look-behind; the rest of its pattern follows them
assert _WORD.pattern.startswith(_WORD_HEAD)
_WORD_AFTER_BLANK = re.compile(r"[A-ZÄÖÜ](?<= .)" + _WORD.pattern[len(_WORD_HEAD):])
_WORD_OPENING = re.compile(r"[A-ZÄÖÜ](?<![^\n\"„“(«»].)" + _WORD.pattern[len(_WORD_HEAD):])
# s19: _WORD_OPENING's matches from one pattern per opening character, the character first (a literal: the engine
# searches for it, where _WORD_OPENING tried its class at every character), and _WORD's body matched at the text's start
_WORD_BODY = re.compile(r"[A-ZÄÖÜ]" + _WORD.pattern[len(_WORD_HEAD):])
_OPENER_WORD = tuple((c, re.compile(re.escape(c) + "(" + _WORD_BODY.pattern + ")")) for c in "\n\"„“(«»")


def _opening_words(text: str) -> list[tuple[int, int, str, None, bool]]:
    """``[(*m.span(), m.group(0), None, True) for m in _WORD_OPENING.finditer(text)]``: the words at the text's start
    or after a line break, a quote or a bracket. A match of _WORD_OPENING is _WORD's body where the character before
    is one of those (or none); the body holds none of them, so no match hides another, and the matches after each
    opening character are those of its own pattern (group 1), searched only where that character occurs at all
    (a one-character ``in``). 15.5 M -> 10.3 M instructions on the benchmark's documents."""
    res = []
    m = _WORD_BODY.match(text)
    if m is not None:
        res.append((*m.span(), m.group(0), None, True))
    kinds = 0
    for c, rx in _OPENER_WORD:
        if c in text:
            kinds += 1
            res.extend([(*m.span(1), m.group(1), None, True) for m in rx.finditer(text)])
    if kinds > 1:
        res.sort()  # in text order (the starts differ)
    return res
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?\"“”»«)]|$)")
_HYPHEN_NEXT = re.compile(r"[^\S\n]*-")
_START = attrgetter("start")  # s14: a mention's start as a sort key without a Python call per mention
_LIST_GAP = re.compile(r"[^\S\n]*(?:,|und|oder|sowie)[^\S\n]*")


_PREV_ABBR = re.compile(r"([^\W\d_][\w-]{0,3})[^\S\n]?\.[^\S\n]*$")


# the blanks, then the run of word characters and hyphens, before a position, read forwards in the reversed text:
# [\w-] is str.isalnum() or "_" or "-" (what _prev_word walked back over character by character before s13)
_REV_PREV = re.compile(r"[ \t\xa0]*([\w-]*)")


def _prev_word(text: str, s: int) -> str | None:
    """The word right before ``s``; an abbreviated title counts with its full stop ("Dr. Meier", "Mr. Krugman").
    s13: the blanks and the word are one match in the text reversed (once per document), not two loops."""
    n = len(text)
    m = _REV_PREV.match(reversed_text(text), n - s)
    j = n - m.start(1)
    if j == s or j == 0:
        return None
    if text[j - 1] == ".":
        m = _PREV_ABBR.search(text[max(0, s - 12):s])
        return m.group(1) if m and m.group(1)[:1].isupper() else None
    w = text[n - m.end(1):j]
    return w if w and (w[0].isalpha()) else None


@lru_cache(maxsize=65536)
def _cue_word(word: str) -> int:
    """1: a verb of saying ("sagte"); 2: a role noun ("Trainer", "CSU-Politiker"); 0: neither. s17: ``_role_word``'s
    tests for a word new to the process cost ~8 k instructions (three cached calls, the 113 role endings); here
    its three sets and the endings by their last three letters (``_cue_data``) reject most words, and
    ``_role_word`` itself is asked only where an ending fits (the ending rule and its "-ist" exception)."""
    lex = de_lexicon()
    w = word.lower()
    if w in lex.speech_verbs:
        return 1
    if not word[:1].isupper():
        return 0
    cd = _CUE_DATA
    cap = cap_lexicon("de")
    if cd[0] is not lex or cd[1] is not cap or cd[2] is not lex.role_endings:
        _cue_data(lex, cap)
    if w in cd[3] or ("-" in w and w.rsplit("-", 1)[-1] in cd[4]):
        return 2  # a role noun or its plain forms (per_cues, _bare_roles), or a compound's tail after a hyphen
    if "\n" in w:  # (_ends_with's regex path: its "$" also holds before a final line break)
        return 2 if _role_word(word) else 0
    ends = cd[5].get(w[-3:]) if cd[5] is not None else ""  # None: an ending shorter than three, _role_word decides
    return 2 if ends is not None and w.endswith(ends) and _role_word(word) else 0


_CUE_DATA: list[Any] = [None, None, None, frozenset(), frozenset(), {}]  # lexicons held; roles; per_cues; endings by tail


def _cue_data(lex: DeLexicon, cap: Any) -> None:
    """``_cue_word``'s data: the role nouns that are role words alone (``_role_word``'s per_cues and
    ``_bare_roles``), the per_cues (a compound's tail after a hyphen), and the role endings by their last three
    characters (every ending has three or more; a word ending with one has that tail; None where one is shorter)."""
    per_cues = cap.per_cues if cap is not None else frozenset()
    by_tail: dict[str, tuple[str, ...]] | None = {}
    for x in lex.role_endings:
        if len(x) < 3:  # (a shorter ending: every word's tail could hold it; _role_word decides for each word)
            by_tail = None
            break
        by_tail[x[-3:]] = (*by_tail.get(x[-3:], ()), x)
    _CUE_DATA[:] = [lex, cap, lex.role_endings, per_cues | _bare_roles(), per_cues, by_tail]


@lru_cache(maxsize=1)
def _place_shape_rx() -> re.Pattern:
    """Words that may be a compass compound or a street: the cheap filter before the lookups."""
    lex = de_lexicon()
    pre = "|".join(re.escape(p[:1].upper() + p[1:]) for p in lex.compass_prefixes)
    end = "|".join(map(re.escape, lex.street_endings))
    return re.compile(r"(?<![\w-])(?:(?:" + pre + r")[\w-]{4,}|[A-ZÄÖÜ][\w-]*(?:" + end + r"))(?![\w-])")


@lru_cache(maxsize=1)
def _place_shape_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The capitalised compass prefixes and the street endings of _place_shape_rx: a word with
    neither cannot match it (a cheap test before the regex)."""
    lex = de_lexicon()
    return tuple(p[:1].upper() + p[1:] for p in lex.compass_prefixes), tuple(lex.street_endings)


_PLACE_SHAPE: list[Any] = [None]  # (prefixes, endings, the pattern's fullmatch), bound on first use (s13)


def _place_shape(word: str) -> bool:
    """A capitalised token that _place_shape_rx matches whole (a word with neither a compass prefix
    nor a street ending cannot: the cheap test first). Not cached itself: its one caller asks through
    ``words_where``, which remembers every word's answer (s13: a second cache only cost its upkeep)."""
    ps = _PLACE_SHAPE[0]
    if ps is None:
        ps = _PLACE_SHAPE[0] = (*_place_shape_affixes(), _place_shape_rx().fullmatch)
    return (word.startswith(ps[0]) or word.endswith(ps[1])) and ps[2](word) is not None


@lru_cache(maxsize=65536)
def _role_word(word: str) -> bool:
    cap = cap_lexicon("de")
    per_cues = cap.per_cues if cap is not None else frozenset()
    w = word.lower()
    if w in per_cues:
        return True
    if "-" in w and w.rsplit("-", 1)[-1] in per_cues:  # s14: the tail split off only where there is a hyphen
        return True  # "CSU-Politiker", "Löwen-Keeper"
    if w in _bare_roles():
        return True  # the role noun alone ("Präsident X", "Kanzler X"; round seven)
    if not _ends_with(w, de_lexicon().role_endings):
        return False
    if w.endswith(("ist", "isten", "istin")):  # an agent noun, unless the apposition table knows it as a club ("Zweitligisten")
        base = w[:-2] if w.endswith(("en", "in")) else w
        return not any(base.endswith(k) for k in de_lexicon().apposition)
    return True


@lru_cache(maxsize=1)
def _bare_roles() -> frozenset[str]:
    """Role nouns that name a person's office when they stand alone before a name, and nouns of nationality
    (``persons_de.bare_roles``, ``persons_de.nationality_nouns``)."""
    d = mentions_data("de").get("persons_de") or {}
    return frozenset(str(x).lower() for k in ("bare_roles", "nationality_nouns") for x in d.get(k) or ())


def _ends_with(w: str, endings: tuple[str, ...], before: int = 3) -> bool:
    """``re.search("(?<=.{3})(?:e1|e2|...)$", w)`` without the regex (which tries every position):
    ``w`` ends with one of ``endings`` and at least ``before`` characters stand before it."""
    if "\n" in w:
        return re.search("(?<=.{%d})(?:" % before + "|".join(map(re.escape, endings)) + ")$", w) is not None
    n = len(w) - before
    if not w.endswith(endings):
        return False
    # s13: the shortest ending the word has decides (any ending it has fits if that one does): the word's tails
    # looked up by length, shortest first, instead of a walk over every ending
    hit = _ENDINGS.get(id(endings))
    if hit is None or hit[2] is not endings:
        hit = (frozenset(endings), tuple(sorted({len(x) for x in endings})), endings)
        if len(_ENDINGS) > 8:
            _ENDINGS.clear()
        _ENDINGS[id(endings)] = hit
    ends, lengths = hit[0], hit[1]
    for k in lengths:
        if k > n:
            return False
        if w[len(w) - k:] in ends:
            return True
    return False


_ENDINGS: dict[int, tuple[frozenset[str], tuple[int, ...], tuple[str, ...]]] = {}  # endings -> (set, lengths, endings held)


@lru_cache(maxsize=1)
def _role_end_rx() -> re.Pattern:
    return re.compile("(?<=.{3})(?:" + "|".join(map(re.escape, de_lexicon().role_endings)) + ")$")


@lru_cache(maxsize=131072)
def _surname_ok(word: str) -> bool:
    """A capitalised token that may be a surname: not a function word, adjective or verb."""
    if len(word) < 3 or word.isupper() or not word[:1].isupper():
        return False
    lex = cap_lexicon("de")
    if lex is not None and word.lower() in lex.stop:
        return False
    first = word.split("-")[0]
    return not _known_lower(first, "de") or _known(first, "de")  # "Schuster" is a noun too; "Anders" only an adverb


def _clause_words(text: str, speech: frozenset[str]) -> list[tuple[int, int, str, str | None, bool]]:
    """(start, end, word, previous word, sentence-initial) of the ``_WORD`` matches that the cue and bare-noun loops
    of ``german_passes`` read: a word opening a sentence, one after a comma, one after an abbreviated title ("Dr.
    Meier": the title) or after a cue (a verb of saying, ``speech``, lower-case; a role noun: ``_cue_word``). s14:
    the other words inside a clause are left out (no loop read them); the words after a blank and a run of
    lower-case letters that is no verb of saying (three of four) are skipped by a scan of the reversed text
    (``_after_blank_rx``); a token ending in a lower-case letter is tested first, and a line break in the token
    is found in its slice."""
    # s14: the words at the text's start or after a line break, a quote or a bracket open a sentence; the other words
    # not after a blank are read by neither loop (inside a clause, no cue or comma before them): one scan for each
    words: list[tuple[int, int, str, str | None, bool]] = _opening_words(text)  # (_WORD_OPENING's matches)
    first = len(words)
    rfind = text.rfind
    lower = _LOWER_LETTERS
    rtext = reversed_text(text)  # (the reversed text _prev_word reads too)
    n = len(text)
    # s14: only the capitals after a blank whose token before is no run of lower-case letters, or is a verb of saying
    # (for a run of lower-case letters the test below keeps the word only after a verb of saying): found in the
    # reversed text, where the token before a word follows it (a look-ahead reads it; see _after_blank_rx)
    starts = [n - x.start() for x in _blank_first_rx(speech).finditer(rtext)]  # (s18: the capital stands before the match)
    starts.reverse()
    word_at = _WORD_AFTER_BLANK.match
    for a in starts:
        j = a - 1
        i = rfind(" ", 0, j) + 1
        prev = text[i:j]
        if "\n" in prev:  # s14: the token after the last blank or line break (one test of the slice, not a second rfind)
            k = prev.rfind("\n") + 1
            i += k
            prev = prev[k:]
        last = prev[-1:]
        # s20: each branch decides the word's previous word and sentence-initial flag, or passes it over (four of
        # five starts); the word itself is matched only for the ones kept (a regex call less for the others)
        if last in lower:  # s14: the common case, a word that ends in a lower-case letter, first (none of the tests below
            # for ".", "!?:…\"„“", an empty word or "," holds for it; last.isalnum() does)
            if prev.islower():
                if not (prev in speech and prev[:1].isalpha()):
                    continue
            elif not (prev[:1].isalpha() and _cue_word(prev)):
                continue
            pw, initial = prev, False  # only words after a cue matter below
        elif last == ".":
            if len(prev) > 1 and _ABBR_TOKEN.fullmatch(prev):
                pw, initial = prev[:-1], False  # "Dr. Meier", "Mr. Krugman"
            else:
                pw = None
                if len(prev) == 1 and i >= 2:
                    k = rfind(" ", 0, i - 1)
                    k = max(k, rfind("\n", k + 1, i - 1)) + 1
                    pp = text[k:i - 1]
                    if _ABBR_TOKEN.fullmatch(pp + "."):
                        pw = pp  # "Dr . Meier" as tokenised text writes it
                if pw is not None:
                    initial = False
                elif not prev[:-1].isdigit():  # (a number's full stop: inside a clause, no comma before; not read below)
                    initial = True
                else:
                    continue
        elif last in "!?:…\"„“" or not prev:
            pw, initial = None, True
        elif last == ",":
            pw, initial = None, False  # a clause after a comma: listed names only (below)
        elif prev.islower():  # s13: the common case (a lower-case word) first, its set lookup before the other tests
            if not (prev in speech and prev[:1].isalpha() and last.isalnum()):
                continue
            pw, initial = prev, False  # only words after a cue matter below
        elif prev[:1].isalpha() and last.isalnum() and _cue_word(prev):
            pw, initial = prev, False
        else:
            continue
        m = word_at(text, a)
        words.append((a, m.end(), m.group(0), pw, initial))
    if first and len(words) > first:
        words.sort()  # in text order (the starts differ)
    return words


_AFTER_BLANK_RX: list[Any] = [None, None]  # the verbs of saying (held: their identity is the key), the pattern


def _after_blank_rx(speech: frozenset[str]) -> re.Pattern:
    """A pattern over the reversed text whose matches start at the capitals [A-ZÄÖÜ] preceded by a blank whose token
    before (after the last blank or line break) is either not a run of lower-case letters [a-zäöüß] (an empty token
    too) or is one of the verbs of saying ``speech`` written so. The capital comes first (the engine skips to
    capitals), then the blank, then the token before, read forwards in the reversed text up to a blank, a line
    break or the text's start (``\\Z``). Matches cannot overlap: each holds its capital and blank, then looks ahead
    or reads a verb up to the next blank."""
    h = _AFTER_BLANK_RX
    if h[0] is not speech:
        # s16: the look-ahead first and the verbs as a trie (_trie_pattern): the same matches (a verb is a run of
        # lower-case letters before a blank, a line break or the end, where the look-ahead fails, so the two branches
        # never both hold; and a trie matches the same words), 24.6 M -> 19.3 M instructions on the benchmark
        verbs = {v[::-1] for v in speech if _LOWER_RUN.fullmatch(v)}
        alt = _trie_pattern(verbs) if verbs else "(?!)"
        h[1] = re.compile(r"[A-ZÄÖÜ] (?:(?![a-zäöüß]+(?:[ \n]|\Z))|" + alt + r"(?:[ \n]|\Z))")
        h[0] = speech
    return h[1]


_BLANK_FIRST_RX: list[Any] = [None, None]  # the verbs of saying (held: their identity is the key), the pattern


def _blank_first_rx(speech: frozenset[str]) -> re.Pattern:
    """``_after_blank_rx`` with the blank first and the capital behind it a look-behind (s18): a pattern that opens
    with a literal character is searched for that character (a fast loop), one that opens with a class tries the
    class at every character (some 60 instructions each). The same matches, each starting one character later (at
    the blank). Matches cannot overlap: each holds its blank, then looks ahead or reads a verb up to the next blank
    (after a verb's letter: no capital before it). The look-ahead's run is possessive too (what follows a shorter run
    is a letter, no blank or end). 19.1 M -> 13.7 M instructions for the scan on the benchmark."""
    h = _BLANK_FIRST_RX
    if h[0] is not speech:
        p = _after_blank_rx(speech).pattern
        head = "[A-ZÄÖÜ] (?:(?![a-zäöüß]+("
        assert p.startswith(head)
        h[1] = re.compile(" (?<=[A-ZÄÖÜ] )(?:(?![a-zäöüß]++(" + p[len(head):])
        h[0] = speech
    return h[1]


_CLASSES: list[Any] = [None, None]  # the data the classes were made with (held: its identity is the key), the sets


def _trie_pattern(words: set[str]) -> str:
    """A regex alternation of ``words`` written as a trie (each branch opens with its own character, so the engine
    tries one or two branches at a place, not one per word)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node and len(node) == 1:
            return ""
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


def _class_keys(pre: tuple[str, ...], ends: tuple[str, ...], tails6: frozenset[str], short: frozenset[str],
                authority: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """s16: the two patterns of ``_word_classes``' gate, over the new words joined by line breaks: one over the
    text reversed (each word's end first), for the words whose lower case ends with an ending of a class (the
    street endings, the apposition tails and short forms, the authority endings, "s"), read in the lower case of
    that text; one for the words that start with a compass prefix. Every word of a class passes (more may: the
    classes' own tests decide): an ending ``e`` of the word, or of its lower case, is ``e`` in lower case at the
    end of the word's lower case (``str.lower`` maps each character on its own; the caller reads the lower case
    only where it has the text's length, so the places are the same). None where an ending or prefix is empty or
    has a line break."""
    suffixes = {e.lower() for e in ends} | set(tails6) | set(short) | {e.lower() for e in authority} | {"s"}
    if any(not x or "\n" in x for x in (*suffixes, *pre)):
        return None
    rev = re.compile(r"\n(?=" + _trie_pattern({e[::-1] for e in suffixes}) + r")[^\n]*")
    fwd = re.compile(r"\n(?=" + _trie_pattern(set(pre)) + r")([^\n]*)")
    return rev, fwd


_SPAN = methodcaller("span")


def _word_classes(capset: set[str], lazy: bool = False) -> tuple[set[str], set[str], set[str], set[str]]:
    """The words of ``capset`` in -s, of a compass or street shape (``_place_shape``), that may be apposition
    nouns (``_apposition_candidate``) and that end like an authority (``_authority_endings``). s14: one walk of the
    words new to the process (a word's classes are remembered across documents: the words seen before are
    answered by set operations, as ``words_where`` does; bounded, and made anew when the lexicon's patterns are),
    where four walks of every word and two ``words_where`` ran. s16: two of three words of a document are new to
    the process, and the walk cost about 7 k instructions a word; now the new words, joined by line breaks, pass a
    gate of two regex scans (``_class_keys``: an ending of a class, "s" too, or a compass prefix; 886 of the 5,023
    words of the benchmark's documents), and only the words it lets through are walked, with the same tests as before.
    s17: ``lazy``: the third set is that of the words passing ``_apposition_candidate``'s cheap test (a tail of the
    long forms or a short form), without its ``_apposition_kind`` (a dictionary walk for each new word, 129 of 261
    words of the benchmark's documents not None): ``_apposition_names`` asks it only of the words a name follows."""
    ps = _PLACE_SHAPE[0]
    if ps is None:
        ps = _PLACE_SHAPE[0] = (*_place_shape_affixes(), _place_shape_rx().fullmatch)
    appo = _APPO_ENDS[0] or _appo_ends()
    auth = _authority_endings()
    h = _CLASSES
    data = h[0]
    if data is None or data[0] is not ps[0] or data[1] is not ps[1] or data[2] is not ps[2] or data[3] is not appo[2] \
            or data[4] is not appo[3] or data[6] is not auth or len(h[1][0]) > 200_000:
        data = h[0] = (ps[0], ps[1], ps[2], appo[2], appo[3], _APPO_ENDS[1], auth,
                       _class_keys(ps[0], ps[1], appo[2], appo[3], auth))
        h[1] = (set(), set(), set(), set(), set())
    seen, sw, sh, ap, au = h[1]
    new = capset - seen
    if new:
        pre, ends, fullmatch, tails6, short, no_hyphen, authority, keys = data
        if keys is not None:
            joined = "\n".join(new)
            rev = "\n" + joined[::-1]
            low = rev.lower()  # (the endings in lower case: a case-insensitive pattern is several times dearer)
            if joined.count("\n") == len(new) - 1 and len(low) == len(rev):  # one word a line; no "İ" (lowers to two)
                gate = {rev[b - 1:a:-1] for a, b in map(_SPAN, keys[0].finditer(low))}  # each word read forwards
                gate.update(keys[1].findall("\n" + joined))
            else:
                gate = new
        else:  # an empty ending or prefix in the data: every word
            gate = new
        for w in gate:
            if w[-1] == "s":
                sw.add(w)
            if (w.startswith(pre) or w.endswith(ends)) and fullmatch(w) is not None:
                sh.add(w)  # _place_shape
            lw = w.lower()  # _apposition_candidate: a tail of the long forms, or a short form (after a hyphen)
            if lw[-6:] in tails6 or (lw.rpartition("-")[2] in short if no_hyphen else lw in short or lw.rsplit("-", 1)[-1] in short):
                ap.add(w)  # s17: the cheap test alone; _apposition_kind is asked where the word is read (below)
            if w.endswith(authority):
                au.add(w)
        seen |= new
    if lazy:
        return capset & sw, capset & sh, capset & ap, capset & au
    return capset & sw, capset & sh, {w for w in capset & ap if _apposition_kind(w) is not None}, capset & au


def german_passes(text: str, mentions: list, kb: Any, first: frozenset[str], mention_cls: type,
                  make: Callable[..., Any], day: str | None = None) -> list:
    lex = de_lexicon()
    cap = cap_lexicon("de")
    if cap is None:
        return mentions
    _compiled()
    capset = set(_CAP_TOKEN.findall(text))  # capitalised words: the cheap tests of the passes below
    # s13: the ones in -s, for the three genitive passes that looked only at those (each walked all the words);
    # s14: with the words of a compass or street shape, the apposition candidates and the authority words of
    # _home_towns, from one remembered profile per word (four walks of the words and two words_where before)
    swords, shapes, appos, authorities = _word_classes(capset, lazy=True)  # appos: candidates (_apposition_names)
    out = _drop_common_places(text, mentions, kb, lex)
    out = _genitive_places(text, out, kb, mention_cls, _all_given(first), swords)  # its words in -s are all it reads
    out = _given_surname(text, out, _all_given(first), cap, make, capset)  # noqa: the words below are taken after it
    mask = bytearray(len(text) + 1)
    for m in out:
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)

    def free(s: int, e: int) -> bool:
        return mask.find(1, s, e) < 0

    new: list = []

    def add(m: Any) -> None:
        new.append(m)
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)

    # each capitalised word with the word before it and whether it opens a sentence (those the loops below read)
    words = _clause_words(text, lex.speech_verbs)
    rfind = text.rfind

    # compass compounds and streets: each match of _place_shape_rx is a whole capitalised token
    # (it opens and closes at the token's bounds), so the document's tokens are tested, cached by word
    if shapes:
        # the _CAP_TOKEN tokens that are such words, in text order: found with str.find (s11 round two; each
        # whole-token occurrence of a _CAP_TOKEN word is a _CAP_TOKEN match, the same spans)
        for s, e, w in sorted(_token_spans(text, shapes)):
            if free(s, e) and _place_word(w, kb):
                add(make(s, e, "place", w))
    # the street head is a whole capitalised token: none in the document, no match to keep
    for m in _street_adj_matches(text, lex.street_heads & capset):
        s, e = m.span()
        if m.group(2) not in lex.street_heads or m.group(1).lower() in cap.stop \
                or _known_lower(m.group(1), "de") and not town_adjective(m.group(1), kb):
            continue  # "Neuer Weg" opening a sentence; "Leipziger Hauptbahnhof" names its town
        over = [x for x in out + new if x.start < e and s < x.end]
        if any(x.start < s or x.end > e or x.etype not in ("place", "country") for x in over):
            continue
        out = _without(out, over)
        new = _without(new, over)
        add(make(s, e, "place", text[s:e]))

    # lone surnames with a cue: a verb of saying before, the clause ending after; or a role noun before
    def place_only(s: int, e: int) -> list:
        """The mention of exactly this span if it is a place guessed from its shape ("Schönberg")
        or a small town of the knowledge base ("Präsident Cleveland"), which a person cue overrides
        (``persons_de.small_town``: no capital, region or large city: "Minister Brandenburg")."""
        hit = [x for x in out if x.start < e and s < x.end]
        if len(hit) == 1 and (hit[0].start, hit[0].end) == (s, e) and hit[0].etype == "place" and hit[0].kind in ("cap", "name") \
                and small_town(hit[0], kb):
            return hit
        return []

    cued: set[int] = set()
    for s, e, w, pw, initial in words:
        if not pw:
            continue
        cue = _cue_word(pw)
        if not cue or not _surname_ok(w) or _cue_word(w):
            continue  # "Bürgermeister Kardinal"? a second role noun is no surname
        after = text[e:e + 3]
        said = cue == 1 and _CLAUSE_END.match(after) is not None
        role = cue == 2 and not _HYPHEN_NEXT.match(after)
        if not (said or role):
            continue
        replace = []
        if not free(s, e):
            replace = place_only(s, e)
            if not replace:
                cued.update(id(x) for x in out if x.start == s and x.end == e and x.etype == "person" and x.kind == "cap")
                continue  # a guessed person already there has its cue now ("des Pianisten Keller": no adjective)
        end = e
        if role:  # "Trainer Karsten Baumann": one more name token
            nx = _NEXT_CAP.match(text, e)
            if nx and _surname_ok(nx.group(1)) and free(e, nx.end()) and not _known(nx.group(1), "de"):
                end = nx.end()
            elif _known(w, "de") and w not in _name_like("de") and fold(w) not in first and not _known(w, "en") \
                    and w not in de_noun_surnames():  # round eight: "Ersatztorwart Köhler kam" (persons_de)
                # a dictionary noun after a role noun: a surname only when the clause goes on with a verb or ends
                if not _VERB_OR_END.match(text, e):
                    nv = _NEXT_LOWER.match(text, e)
                    if not (nv and _finite_singular(nv.group(1), lex)):
                        continue
        if replace:
            if end != e:
                continue
            out = _without(out, replace)
        pm = make(s, end, "person", text[s:end])
        cued.add(id(pm))
        add(pm)

    # a bare singular noun cannot open a German clause before its verb: "Bauer erhielt ...", "Richter bezog ..."
    weak = de_weak_surnames()  # and a surname that is an English word is the name there ("Brewer erhielt ...")
    given_all = _all_given(first)  # so is a given name alone ("Anna erhielt ...")
    noun_sur = de_noun_surnames()
    at: dict | None = None  # the guessed persons by span, made when first needed
    fsm = _finite_memo(lex)
    for s, e, w, _pw, initial in words:
        if "-" in w:
            continue
        # s14: the cheapest test that every kept word must pass first, the word tests (a cache miss for most new
        # words) after it: inside a clause the comma test; opening one, a finite singular verb next (253 of 1,467)
        if initial:
            nx = _NEXT_LOWER.match(text, e)
            if nx is None:
                continue
            fs = fsm.get(nx.group(1))
            if fs is None:
                if len(fsm) >= 65536:
                    fsm.clear()
                fs = fsm[nx.group(1)] = _finite_singular(nx.group(1), lex)
            if not fs:
                continue
        elif not (_pw is None and text[s - 2:s] == ", " and (w in weak or _fold(w) in given_all) and w[1:].islower()):
            continue  # after a comma ("..., Fletcher ist nun ..."): a listed name only
        there = None
        if not free(s, e):  # round eight: a guessed person already there has its cue now ("Thomas zögerte ...")
            if not initial:
                continue
            if at is None:
                at = {}
                for x in out:
                    if x.etype == "person" and x.kind == "cap":
                        at[(x.start, x.end)] = x
            there = at.get((s, e))
            if there is None:
                continue
        nouny = False  # round eight: a listed surname that is a German word ("Köhler übernahm ...", persons_de)
        if initial:
            if not (_bare_noun_candidate(w) or _unknown_surname_candidate(w) or w in weak or _fold(w) in given_all):
                if w not in noun_sur:
                    continue
                nouny = True
        else:
            nx = _NEXT_LOWER.match(text, e)
            if not nx or not _finite_singular(nx.group(1), lex):
                continue
        if nouny and not noun_surname_subject(w, nx.group(1)):
            continue
        if there is not None:
            cued.add(id(there))
            continue
        pm = make(s, e, "person", w)
        cued.add(id(pm))
        add(pm)

    # a verb before its subject: "postulierte Pauli ein ...", "verfolgte Hitler die ...": a singular common noun there needs an article
    lower_run = _LOWER_RUN.fullmatch
    for m in _inverted_rx(lex.aux_singular).finditer(text):
        s, e = m.span(1)
        j = s - 1
        pt = text[rfind(" ", 0, j) + 1:j]  # the token before the blank (the match has a letter, a blank before it)
        if len(pt) < 40 and lower_run(pt) is not None and not _verb_word(pt):
            # s14: the verb test below first (it holds for 82 of 2,601 matches, the word tests for 292): a token of
            # lower-case letters alone is the verb _VERB_BEFORE finds there, and _verb_word is its test (see _LOWER_RUN)
            continue
        if not free(s, e):
            continue  # already a mention (tested again below, as before; the mask does not change in between)
        w = m.group(1)
        if not _inverted_subject(w) and not (w in noun_sur and not _known_lower(w, "de")):  # round eight: "war Köhler der ..."
            # a lone name no dictionary knows as a noun ("arbeitete Kowalczyk als"): the verb first, then the word
            if not (_verb_word(pt) and _subject_word(w)):
                continue
        vm = _VERB_BEFORE.search(text, max(0, s - 40), s)
        v = vm.group(1) if vm else ""
        if not v or (v.endswith("e") and not v.endswith("te") and v not in lex.aux_singular) or not free(s, e) or not _finite_singular(v, lex):
            continue  # "die geltende X": an adjective, no verb
        pv = _prev_word(text, vm.start(1))
        if pv and (pv.lower() in lex.articles or pv.lower() in cap.stop and pv.lower().endswith(("e", "er", "en", "es", "em"))):
            continue  # "der überkommene X", "die verglaste X"
        pm = make(s, e, "person", w)
        cued.add(id(pm))
        add(pm)

    out = out + new
    out = _person_tails(text, out, cap, make)
    out = _saint_places(text, out, cap, make)
    out = _place_spans(text, out, lex, cap, make, capset)
    out = _clubs_institutions(text, out, kb, lex, cap, make, capset)
    out = _coordinated_places(text, out, cued)
    out = [m for m in out if not (m.kind == "cap" and m.etype == "person" and id(m) not in cued and " " not in text[m.start:m.end]
                                  and (_known_lower(text[m.start:m.end], "de")  # "Anders als ...", "Bisher"
                                       or _after_article_adjectives(text, m.start) or _long_word(text[m.start:m.end])))
           and not (m.kind == "cap" and m.etype in ("person", "place") and _GLUED.search(text, m.start, m.end))]
    out = _org_suffix_names(text, out, lex, make, capset)
    out = _apposition_names(text, out, kb, lex, cap, _all_given(first), make, capset, appos)
    out = _quoted_titles(text, out)
    out = _geography(text, out, make, capset)
    out = _media(text, out, make, capset)
    out = _person_unknown_neighbours(text, out, cap, make, _all_given(first))
    out = _genitive_persons(text, out, kb, lex, cap, make, swords)
    out = _listed_surnames(text, out, make, capset)
    out = _person_named_towns(text, out, kb, cap, make, _all_given(first))
    out = _roads_and_bodies(text, out, make, capset)
    out = _article_runs(text, out, make)
    out = _article_places(text, out)
    out = _noun_persons(text, out, cued, _all_given(first))
    out = _route_places(text, out, make, _all_given(first))
    out = _home_towns(text, out, kb, lex, mention_cls, capset, swords, authorities)
    out = _genitive_names(text, out, kb, lex, cap, make, swords)  # its words in -s are all it reads
    out = _subject_names(text, out, lex, make, capset)
    out = person_passes(text, out, kb, make, cued, capset, day)  # round six: names' shapes and bounds (persons_de)
    out = place_passes(text, out, kb, make, _all_given(first), capset)  # round six: places (places_de)
    return out


def _street_adj_matches(text: str, heads: set[str]) -> list:
    """The ``_STREET_ADJ`` matches whose second group may be a street head: those of the lines that hold one of
    ``heads`` (the document's street heads) as a whole token. s16: the scan of the whole text (4.4 M instructions on
    the benchmark) ran for every document with a street head. A match lies within one line (none of its parts
    reads a line break), so ``finditer`` over a line alone gives that line's matches (the look-behind reads the
    character before the line, the look-ahead at the line's end sees the end, where it saw the line break); a
    match's second group is a whole token (a blank before it, no word character or hyphen after it), so a match
    whose second group is a street head lies in such a line (the other matches the caller passes over)."""
    if not heads:
        return []
    lines = set()
    for s, _e, _w in _token_spans(text, heads):
        le = text.find("\n", s)
        lines.add((text.rfind("\n", 0, s) + 1, le if le >= 0 else len(text)))
    res = []
    for ls, le in sorted(lines):
        res.extend(_STREET_ADJ.finditer(text, ls, le))
    return res


_GLUED = re.compile(r"[a-zäöüß]{3}[A-ZÄÖÜ][a-zäöüß]")  # "MeyerDie", "StundenMünchen": two words with the space lost ("McCain", "MacIntyre" pass)


_GERMAN_SPELLING = ("sch", "ung", "ä", "ö", "ü", "ß", "tz", "pf")


def _long_word(w: str) -> bool:
    """A single unknown word of 14 letters or more with German spelling ("Verwaltungsvorschriftn",
    "Gemüsegartenzäunchen") is a misspelt or rare compound noun, not a surname: German surnames that long
    are double names with a hyphen, whose parts are shorter ("Leutheusser-Schnarrenberger" passes on its
    parts). Long foreign surnames ("Papakonstantinou", "Wickremesinghe") have none of these letters."""
    return any(len(p) >= 14 and any(g in p.lower() for g in _GERMAN_SPELLING) for p in w.split("-")) \
        and w not in de_surnames()


_DETERMINERS = frozenset("der die das dem den des ein eine einer einem einen eines diese dieser diesem diesen dieses beim im vom zum zur".split())
_ADJ_END = ("e", "en", "er", "es", "em")


def _after_article_adjectives(text: str, s: int) -> bool:
    """A lone name after an article and inflected adjectives ("das alte Kastell", "die kleine Anna",
    "einer Tom"): a thing, not a person, who takes no article in German news."""
    if s < 2 or text[s - 1] not in " \t":
        return False
    for w in reversed(text[max(0, s - 60):s].split()):
        if w.lower() in _DETERMINERS and (w.islower() or w[1:].islower()):
            return True
        if not (w.islower() and w.isalpha() and w.endswith(_ADJ_END)):
            return False
    return False
_ABBR_TOKEN = re.compile(r"[A-ZÄÖÜ][a-zäöü]{0,3}\.")
_STREET_ADJ = re.compile(r"([A-ZÄÖÜ](?<![\w-].)[\w-]+er)[^\S\n]+([A-ZÄÖÜ][\wäöüß]+)(?![\w-])")
_NEXT_CAP = re.compile(r"[^\S\n]+([A-ZÄÖÜ][\w’'-]*\w)")
_VERB_OR_END = re.compile(r"[^\S\n]*(?:[.,;:!?(\"“”]|[a-zäöüß]+(?:te|t|en)\b)")
_NEXT_LOWER = re.compile(r"[^\S\n]+([a-zäöüß]+)\b")
_PLACE_WORDS: dict[tuple[int, str], bool] = {}
_PLACE_WORDS_KB: list[Any] = [None]


def _place_word(w: str, kb: Any) -> bool:
    """A compass compound of a known place ("Süditalien") or a street name ("Schwanitzstraße")."""
    if _PLACE_WORDS_KB[0] is not kb:  # the cache belongs to one knowledge base, held (its id cannot be reused)
        _PLACE_WORDS.clear()
        _PLACE_WORDS_KB[0] = kb
    key = (id(kb), w)
    hit = _PLACE_WORDS.get(key)
    if hit is None:
        lex = de_lexicon()
        hit = _compass_place(w, kb, lex) or (
            w.lower().endswith(lex.street_endings) and len(w) > 8 and not (_known(w, "de") and w not in _name_like("de")))
        if len(_PLACE_WORDS) > 200_000:
            _PLACE_WORDS.clear()
        _PLACE_WORDS[key] = hit
    return hit


@lru_cache(maxsize=65536)
def _bare_noun_candidate(w: str) -> bool:
    """A dictionary noun in its base form that may be a surname (Bauer, Richter), not an abstract
    noun, a compound or an unknown word (capnames types those)."""
    cap = cap_lexicon("de")
    if cap is None or not _surname_ok(w) or _compound(w, "de") or _known_lower(w, "de") or _cue_word(w):
        return False
    if not _known(w, "de") or w in _name_like("de") or w.endswith(cap.noun_suffixes) or w.lower() in de_lexicon().speech_verbs:
        return False
    return _dictionary("de").get(w) == w  # an inflected form (plural, case) is a noun: "Experten warnte"


_SCHE_EN_ER = ("sche", "schen", "scher", "sches", "schem", "en", "er")


@lru_cache(maxsize=65536)
def _unknown_surname_candidate(w: str) -> bool:
    """A word no dictionary knows that the capitalised-names stage took for a compound ("Pink|wart",
    "Lau|kötter"): opening a clause before a finite singular verb it is a surname, since a singular
    German noun there needs an article."""
    cap = cap_lexicon("de")
    if cap is None or not _surname_ok(w) or _known(w, "de") or _known_lower(w, "de") or not _compound(w, "de"):
        return False
    if w.lower().endswith(cap.noun_suffixes) or w.endswith(_SCHE_EN_ER) or w[-1:] == "\n" and w[:-1].endswith(_SCHE_EN_ER):
        return False  # "-ungen", "-ischen", plurals and agent nouns: no surname
    return not any(_foreign_word(w, f) for f in cap.foreign)


_INVERTED = re.compile(r"([A-ZÄÖÜ](?<=[a-mo-zäöüß] .)[a-zäöüßéèáóíç]++)(?=[^\S\n]+[a-zäöüß])")  # capital first: fast scan
_VERB_BEFORE = re.compile(r"(?<![\w-])([a-zäöüß]{3,}) $")
_INVERTED_RX: list[Any] = [None, None]  # the auxiliaries (held: their identity is the key), the pattern


def _inverted_rx(aux: frozenset[str]) -> re.Pattern:
    """``_INVERTED`` less the matches after a token of one to three lower-case letters [a-zäöüß] that follows a blank
    or a line break and is no auxiliary (``aux``): no verb stands before those ("der", "mit", "für"; a verb
    _VERB_BEFORE finds has three letters or more, and one of three is a finite singular only as an auxiliary,
    ``_verb_word``), so the loop drops them all (46 % of the matches; s14). Three look-behinds of fixed width; the
    capital is the last character each reads, as in ``_INVERTED``. s18: the blank before the capital (its first
    look-behind reads one) opens the match, outside group 1: the engine searches for the blank, not for a capital at
    every character (15.9 M -> 11.3 M instructions on the benchmark); the groups are the same (a match is a word
    before a blank, so none holds the blank of the next)."""
    h = _INVERTED_RX
    if h[0] is not aux:
        three = sorted(a for a in aux if len(a) == 3 and _LOWER_RUN.fullmatch(a))
        keep = r"(?!(?:" + "|".join(map(re.escape, three)) + r") )" if three else ""
        head = r"([A-ZÄÖÜ](?<=[a-mo-zäöüß] .)"
        assert _INVERTED.pattern.startswith(head)
        h[1] = re.compile(" " + head + r"(?<![ \n][a-zäöüß] .)(?<![ \n][a-zäöüß]{2} .)(?<![ \n]" + keep + r"[a-zäöüß]{3} .)"
                          + _INVERTED.pattern[len(head):])
        h[0] = aux
    return h[1]


_LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")  # lower-case letters (a set: "" is no member)
# s14: where the token before an _INVERTED match's blank is all lower-case letters (and under 40 long), it is the word
# _VERB_BEFORE.search(text, max(0, s - 40), s) finds (a blank or the text's start before it; shorter than 3 letters,
# none), and the verb test on it ("not v or v ends in -e, not -te, and is no auxiliary, or not _finite_singular(v)")
# is "not _verb_word(v)" for such a word (letters only, lower case)
_LOWER_RUN = re.compile(r"[a-zäöüß]+")


@lru_cache(maxsize=65536)
def _inverted_subject(w: str) -> bool:
    """A capitalised word that may be a lone surname after its verb: one the dictionary does not know
    (and the capitalised-names stage took for a compound) or knows only as a name (Hitler, Pauli)."""
    if _known(w, "de") and w not in _name_like("de"):
        return False  # the cheap test first: a common noun ("verfolgte Ziele")
    cap = cap_lexicon("de")
    if cap is None or not _surname_ok(w) or w.lower().endswith(cap.noun_suffixes):
        return False
    if not (_unknown_surname_candidate(w) or (w in _name_like("de") and not _known_lower(w, "de") and not _known(w.lower(), "en"))):
        return False
    return not _cue_word(w)  # the role-noun test last: it is the dearest


_FINITE_MEMO: list[Any] = [None, None, {}]  # the lexicon and dictionary it was made with (held), word -> _finite_singular


def _finite_memo(lex: DeLexicon) -> dict[str, bool]:
    """A memo of ``_finite_singular(word, lex)`` by word, kept across documents while the lexicon and the German
    dictionary are the same objects (s14; bounded by its user)."""
    h = _FINITE_MEMO
    d = _dictionary("de")
    if h[0] is not lex or h[1] is not d:
        h[0], h[1], h[2] = lex, d, {}
    return h[2]


def _finite_singular(word: str, lex: DeLexicon) -> bool:
    """A finite verb of the third person singular ("erhielt", "plädierte", "will", "ist")."""
    if word in lex.aux_singular:
        return True
    if word.endswith("n") or len(word) < 4:
        return False
    if word.endswith("ierte") and len(word) >= 7:
        return True  # "agierte": the preterite of a verb in -ieren (the dictionary maps some to an adjective)
    lemma = _dictionary("de").get(word)
    return bool(lemma) and lemma != word and lemma.islower() and lemma.endswith(("en", "ern", "eln"))


_ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})"


_TAIL_DOT = re.compile(r"[^\S\n]*(?:" + _ROMAN + r"|[A-Z][^\S\n]?)?\.")  # what both tests of _person_tails need at least

# s13: the patterns the passes used as strings (re's cache looked each up at every call), compiled once
_GIVEN_PAIR = re.compile(r"([A-ZÄÖÜ][a-zäöüßà-ÿ]+(?:-[A-ZÄÖÜ][a-zäöüßà-ÿ]+)?)[^\S\n]+([A-ZÄÖÜ][\w’'-]*\w)(?![\w-])")
_NEXT_NAME_TOK = re.compile(r"[^\S\n]+([A-ZÄÖÜ][\w’'-]*\w)(?![\w-])")
_DOT_AFTER = re.compile(r"[^\S\n]?\.")
_INITIAL_OR_ROMAN = re.compile(r"[A-Z]|" + _ROMAN)
_ROMAN_DOT = re.compile(r"[^\S\n]+" + _ROMAN + r"\.")
_INITIAL_SURNAME = re.compile(r"[^\S\n]+[A-Z][^\S\n]?\.(?:[^\S\n]+([A-ZÄÖÜ][\w’'-]*\w)(?![\w-]))?")
_INITIAL_DOT = re.compile(r"[^\S\n]+[A-Z][^\S\n]?\.")
_INITIAL_END = re.compile(r"[^\S\n]+[A-Z][^\S\n]?\.[^\S\n]*(?:[A-ZÄÖÜ]|[,;:)*]|$)")
_SAINT = re.compile(r"S(?<![\w-].)(?:t|ankt)[^\S\n]?\.?[^\S\n]+([A-ZÄÖÜ][\w’'-]*\w)(?![\w-])")
_NON_SPACE = re.compile(r"\S+")
_CLUB_NUM = re.compile(r"[^\S\n]+0\d(?!\d)(?![^\S\n]*[.,]\d)")
_PLACE_CLUB_NUM = re.compile(r"[^\S\n]+0\d(?![\d.,])")
_CLUB_WORD_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]+)[^\S\n]+$")
# s20: _CLUB_WORD_BEFORE read backwards (the blanks, then the word) in the reversed text (``_club_word_before``)
_REV_CLUB_WORD_BEFORE = re.compile(r"\n?([^\S\n]+)([\w-]+[A-ZÄÖÜ])(?![\w-])")


def _club_word_before(text: str, s: int) -> tuple[str, int] | None:
    """(group 1, length of group 0) of ``_CLUB_WORD_BEFORE.search(text[max(0, s - 30):s])``, or None: one match at
    ``s`` in the reversed text that ends where the slice starts (its look-behind passes there: nothing before), where
    the search of the slice tried its class at each place. The optional line break is the one "$" passes over."""
    n = len(text)
    m = _REV_CLUB_WORD_BEFORE.match(reversed_text(text), n - s, n - max(0, s - 30))
    if m is None:
        return None
    return text[n - m.end(2):n - m.start(2)], m.end(2) - m.start(1)
_EN_PLURAL_AFTER = re.compile(r"((?:[^\S\n]+[A-Z][a-z]+){0,1}[^\S\n]+[A-Z][a-z]+s)(?![\w-])")
_CLOSING_MARK = re.compile(r"[^\S\n]*([^\w\s])")
_JOINER_BEFORE = re.compile(r"[-/][^\S\n]*$")


def _person_tails(text: str, out: list, cap: Any, make: Callable[..., Any]) -> list:
    """A person's name goes on over an initial and a surname ("George W. Bush", "Robert R . Livingston",
    "Nico G.") and over a regnal number ("Elisabeth II.", "Bernhard IV.")."""
    for m in sorted((x for x in out if x.etype == "person" and x.kind not in ("adj", "dem")), key=_START):
        if not _TAIL_DOT.match(text, m.end):
            continue  # the cheap test first: no full stop after an initial or a regnal number (both tests below need one)
        if not any(x is m for x in out):
            continue
        last = text[m.start:m.end].split()[-1]
        dot = _DOT_AFTER.match(text[m.end:m.end + 2])
        if " " in text[m.start:m.end] and dot and _INITIAL_OR_ROMAN.fullmatch(last):
            e = m.end + dot.end()  # "George W" + "." (+ "Bush")
            sur = _NEXT_NAME_TOK.match(text[e:e + 40])
            if sur and len(last) == 1 and sur.group(1).lower() not in cap.stop and not _known_lower(sur.group(1), "de"):
                e += sur.end()
            res = _replace(out, m.start, e, make(m.start, e, "person", text[m.start:e]))
            if res is not None:
                out = res
            continue
        tail = text[m.end:m.end + 60]
        t = _ROMAN_DOT.match(tail)
        if t is None:
            t = _INITIAL_SURNAME.match(tail)
            if t and t.group(1) and (t.group(1).lower() in cap.stop or _known_lower(t.group(1), "de")):
                t = _INITIAL_DOT.match(tail)
            if t and not _INITIAL_END.match(tail):
                t = None  # "Claudia B. :" keeps its initial; "... in Abschnitt A. der" does not run on
        if t is None:
            continue
        s, e = m.start, m.end + t.end()
        res = _replace(out, s, e, make(s, e, "person", text[s:e]))
        if res is not None:
            out = res
    return out


def _place_spans(text: str, out: list, lex: DeLexicon, cap: Any, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """Place names that run on: "Brandenburg an der Havel", "Große Schaftberg", "Darmstadt/Berlin"
    (one name in the source's spelling), "Hudson River", "Westminster Hall"."""
    places = sorted((m for m in out if m.etype in ("place", "country") and m.kind in ("name", "cap")), key=_START)
    english = capset is None or not _EN_PLACE_HEADS.isdisjoint(capset)  # an English place head among the words
    if not places and not (english and _EN_PLACE.search(text)):
        return out
    names = _name_like("de")
    live = None  # the ids of the mentions in ``out``, rebuilt after a replacement (s12: no scan per place)
    for m in places:
        if live is None:
            live = set(map(id, out))
        if id(m) not in live:
            continue
        s, e = m.start, m.end
        # "an der Havel", "am Main": a river or region that is no common noun
        river = _RIVER.match(text, e)
        if river and river.group(1).lower() not in cap.stop and not _known_lower(river.group(1), "de") \
                and not (_known(river.group(1), "de") and river.group(1) not in names):
            e = river.end()
        # "Darmstadt/Berlin": two places written as one
        slash = _SLASH_NEXT.match(text, e)
        if slash and any(x.start == slash.start(1) and x.etype in ("place", "country") for x in out):
            e = slash.end()
        # "Große Schaftberg", "Neu Lübbenau": an adjective inside a sentence belongs to the name
        pw = _word_before(_REV_PREV_CAP, text, s, 20)  # (_PREV_CAP.search(text, max(0, s - 20), s))
        if pw and (pw[1] in lex.place_adjectives or (
                _known_lower(pw[1], "de") and not _known(pw[1], "de") and pw[1].endswith(("e", "en", "er", "es"))
                and pw[1].lower() not in cap.stop and pw[1] not in lex.club_words)) \
                and not _sentence_initial(text, pw[0]):
            s = pw[0]
        if (s, e) != (m.start, m.end):
            res = _replace(out, s, e, make(s, e, "place", text[s:e]))
            if res is not None:
                out = res
                live = None
    given = de_given_names()
    for m in (_EN_PLACE.finditer(text) if english else ()):
        s, e = m.span()
        first = m.group(1).split()[0]
        if first.lower() in cap.stop and " " in m.group(1):
            s = m.start(1) + len(first) + 1
            first = m.group(1).split()[1]
        if first.lower() in cap.stop or _known_lower(first, "de") or fold(first) in given:
            continue  # "Jason Hall" is a person
        res = _replace(out, s, e, make(s, e, "place", text[s:e]))
        if res is not None:
            out = res
    return out


def _saint_places(text: str, out: list, cap: Any, make: Callable[..., Any]) -> list:
    """"St . Peter", "St. Willibrord", "St . Goar": a saint's name is a church or a town."""
    if "St" not in text and "Sankt" not in text:
        return out
    for m in _SAINT.finditer(text):
        if m.group(1).lower() in cap.stop:
            continue
        s, e = m.span()
        res = _replace(out, s, e, make(s, e, "place", text[s:e]))
        if res is not None:
            out = res
    return out


@lru_cache(maxsize=1)
def _suffix_rx() -> re.Pattern:
    lex = de_lexicon()
    return re.compile(r"((?:[A-ZÄÖÜ](?<![\w-].)[\w&.’'-]*[^\S\n]+){1,3})(" + "|".join(
        map(re.escape, sorted(lex.org_suffixes, key=len, reverse=True))) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _suffix_only_rx() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(de_lexicon().org_suffixes, key=len, reverse=True))) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _club_rx() -> re.Pattern:
    """s16: ``_plain_club_rx`` (below: the fallback, and the oracle of the tests) with its first character read
    before the look-behind: that pattern opened with the look-behind, so the engine tried it at every place of the
    text (780 k instructions a document where it ran); this one opens with the class of the characters a match can start with (the prefixes' first
    characters, "1", "2"), which the engine skips to. After the first character, each branch asks it back with
    a look-behind: the branch of a "1." or "2." before the prefixes (all of them, longest first, as before), and
    per first character of a prefix the rest of those prefixes, in their order (branches of another first
    character cannot match there). The same matches and groups."""
    prefixes = sorted(de_lexicon().club_prefixes, key=len, reverse=True)
    if not prefixes or any(not p[:1].isalpha() for p in prefixes):
        return _plain_club_rx()
    pre = "|".join(map(re.escape, prefixes))
    firsts = list(dict.fromkeys(p[0] for p in prefixes))
    rests = ["(?<=" + re.escape(c) + ")(?:" + "|".join(re.escape(p[1:]) for p in prefixes if p[0] == c) + ")" for c in firsts]
    return re.compile(r"[12" + "".join(map(re.escape, firsts)) + r"](?<![\w-].)(?:(?<=[12])[^\S\n]?\.[^\S\n]+(?:" + pre + r")|"
                      + "|".join(rests) + r")(?:[^\S\n]+\d{2,4})?((?:[^\S\n]+[A-ZÄÖÜ][\w'-]*(?:/[A-ZÄÖÜ][\w-]*)?){1,3})")


@lru_cache(maxsize=1)
def _plain_club_rx() -> re.Pattern:
    pre = "|".join(map(re.escape, sorted(de_lexicon().club_prefixes, key=len, reverse=True)))
    return re.compile(r"(?<![\w-])(?:[12][^\S\n]?\.[^\S\n]+)?(?:" + pre + r")(?:[^\S\n]+\d{2,4})?"
                      r"((?:[^\S\n]+[A-ZÄÖÜ][\w'-]*(?:/[A-ZÄÖÜ][\w-]*)?){1,3})")


def _without(ms: list, drop: list) -> list:
    ids = {id(x) for x in drop}
    return [x for x in ms if id(x) not in ids]


def _replace(out: list, s: int, e: int, m: Any) -> list | None:
    """Put ``m`` (span s..e) in place of the mentions inside it; None if one sticks out or is an
    organisation of the same span already."""
    over = [x for x in out if x.start < e and s < x.end]
    if any(x.start < s or x.end > e for x in over):
        return None
    if any(x.etype in ("organization", "group") and (x.start, x.end) == (s, e) for x in over):
        return None
    return _without(out, over) + [m]


def _clubs_institutions(text: str, out: list, kb: Any, lex: DeLexicon, cap: Any, make: Callable[..., Any],
                        capset: set[str] | None = None) -> list:
    """Sports clubs ("1. FC Nürnberg", "FC Schalke 04", "SV Wehen-Wiesbaden", "Mainz 05",
    "Preußen Münster") and institutions named by a compound and their town ("Realschule
    Spaichingen", "Kraftwerk Lippendorf", "Maximilianmuseum Augsburg") are organisations."""
    names = _name_like("de")

    def tok_ok(w: str) -> bool:
        return w[:1].isupper() and w.lower() not in cap.stop and not w.isdigit()

    def place_at(a: int, b: int) -> bool:
        return any(x.start == a and x.end == b and x.etype in ("place", "country") for x in out)

    if lex.club_prefixes and (capset is None or not lex.club_prefixes.isdisjoint(capset)):  # no club abbreviation: no pass
        for m in _club_rx().finditer(text):
            s = m.start()
            toks = [(t.start() + m.start(1), t.end() + m.start(1), t.group(0)) for t in _NON_SPACE.finditer(m.group(1))]
            keep = []
            for a, b, w in toks:
                if not tok_ok(w):
                    break
                keep.append((a, b, w))
            while len(keep) > 1 and _known(keep[-1][2], "de") and keep[-1][2] not in names and not place_at(keep[-1][0], keep[-1][1]):
                keep.pop()  # "FC Barcelona Trainer": a common noun ends the name
            if not keep:
                continue
            e = keep[-1][1]
            num = _CLUB_NUM.match(text[e:e + 6])
            if num:
                e += num.end()
            res = _replace(out, s, e, make(s, e, "organization", text[s:e]))
            if res is not None:
                out = res
    live = None  # the ids of the mentions in ``out``, rebuilt after a replacement (s12: no scan per place)
    for m in list(out):
        if m.etype != "place" or m.kind not in ("name", "cap"):
            continue
        if live is None:
            live = set(map(id, out))
        if id(m) not in live:
            continue
        s, e = m.start, m.end
        num = _PLACE_CLUB_NUM.match(text[e:e + 5])  # "Mainz 05", "Schalke 04"
        pw = _club_word_before(text, s)  # (the word, the length of the match)
        if num:
            e += num.end()
        if pw and (pw[0] in lex.club_words or (pw[0].lower().endswith(lex.institution_endings)
                                               and not _known_lower(pw[0], "de"))):
            s -= pw[1]
        elif not num:
            continue
        res = _replace(out, s, e, make(s, e, "organization", text[s:e]))
        if res is not None:
            out = res
            live = None
    return out


def _coordinated_places(text: str, mentions: list, cued: set[int]) -> list:
    """"Tolvara , Menkasi , Ambarosa und Kelloi": an unknown name in a list with places and no
    person named in full is a place, not a person by default."""
    ms = sorted(mentions, key=_START)
    groups: list[list] = []
    for m in ms:
        if groups and _LIST_GAP.fullmatch(text, groups[-1][-1].end, m.start):  # s14: no slice (the pattern has no anchor)
            groups[-1].append(m)
        else:
            groups.append([m])
    swap: dict[int, Any] = {}
    for g in groups:
        if len(g) < 2:
            continue
        places = [m for m in g if m.etype in ("place", "country") and m.kind not in ("adj", "adjstem", "dem")]
        if not places or any(m.etype == "person" and (" " in text[m.start:m.end] or m.kind not in ("cap", "shape")) for m in g):
            continue
        for m in g:
            if m.etype == "person" and m.kind in ("cap", "shape") and id(m) not in cued:
                swap[id(m)] = m
    if not swap:
        return mentions
    out = []
    for m in mentions:
        if id(m) in swap:
            m = type(m)(m.start, m.end, m.eid.replace("new:person/", "new:place/", 1), m.kind, "place", name=m.name)
        out.append(m)
    return out


def _compass_place(word: str, kb: Any, lex: DeLexicon) -> bool:
    w = word.lower()
    for p in lex.compass_prefixes:
        if w.startswith(p) and len(w) > len(p) + 3:
            rest = word[len(p):]
            if rest[:1] == "-":
                rest = rest[1:]
            for cand in (rest, rest[:-1] if rest.endswith("s") else None):
                if not cand:
                    continue
                for eid, kind, _f in kb.index.get(fold(cand), ()):
                    ent = kb.entities.get(eid) or {}
                    if kind != "name":
                        continue
                    if ent.get("type") == "country" or (ent.get("type") == "place" and (
                            (ent.get("population") or 0) >= 100_000 or eid.startswith("kb:place/"))):
                        return True
            return False
    return False


def _genitive_words(text: str, kb: Any, capset: set[str] | None) -> list[tuple[int, int, str]]:
    """(start, end, word) of the ``_GENITIVE`` matches of ``text`` whose word without its -s (-es) is a
    knowledge-base name, in text order. With the document's ``_CAP_TOKEN`` words (``capset``) the words are
    picked first and found with ``str.find`` (s11 round two): a ``_GENITIVE`` match is a whole
    ``_CAP_TOKEN`` token that it matches in full, so these are the same matches, without a scan."""
    index = kb.index
    if capset is None:
        return [(m.start(), m.end(), m.group(0)) for m in _GENITIVE.finditer(text)]
    words = set()
    for w in capset:
        if w[-1:] == "s" and _GENITIVE.fullmatch(w) is not None:
            f1 = fold(w[:-1])
            if f1 in index or (w.endswith("es") and f1[:-1] in index):
                words.add(w)
    return sorted(_token_spans(text, words)) if words else []


def _genitive_places(text: str, mentions: list, kb: Any, mention_cls: type, given: frozenset[str] = frozenset(),
                     capset: set[str] | None = None) -> list:
    """"Leipzigs", "Chinas", "des Saarlandes": the genitive of a known place or country."""
    names = _name_like("de")
    out = list(mentions)
    words = _genitive_words(text, kb, capset)
    if not words:
        return out  # s13: no genitive of a known name, no index of the mentions to build
    adj = {(m.start, m.end): m for m in mentions if m.kind in ("adj", "adjstem") and m.etype == "country"}
    spans = [(m.start, m.end) for m in mentions if (m.start, m.end) not in adj]
    for s, e, w in words:
        f1 = fold(w[:-1])
        if f1 not in kb.index and not (w.endswith("es") and f1[:-1] in kb.index):
            continue  # no known name before the -s: the cheap test first
        if any(a < e and s < b for a, b in spans) or _known_lower(w, "de"):
            continue
        lemma = _dictionary("de").get(w)
        if lemma is not None and lemma not in (w[:-1], w[:-2]) and w not in _name_like("de"):
            continue  # a word of its own ("Kreises" of Kreis is fine, "Mars" is not "Mar")
        best = None
        for cut in (1, 2):
            base = w[:-cut]
            if cut == 2 and not w.endswith("es"):
                continue
            noun = (_known(base, "de") and base not in names and not de_town_like(base)) or _known_lower(base, "de") \
                or _known(base.lower(), "en") or fold(base) in given  # "Chores", "Deals", "Helenas"
            for eid, kind, _f in kb.index.get(fold(base), ()):
                ent = kb.entities.get(eid) or {}
                if kind != "name" or ent.get("type") not in ("country", "place"):
                    continue
                if ent["type"] == "place" and noun:
                    continue  # the genitive of a noun, an English word or a given name, not of a town
                if ent["type"] == "place" and (ent.get("population") or 0) < 20_000 and not eid.startswith("kb:place/"):
                    continue
                rank = (ent["type"] == "country", ent.get("population") or 0)
                if best is None or rank > best[0]:
                    best = (rank, eid, ent["type"])
            if best:
                break
        if best is None or (lemma == w and not best[0][0] and best[0][1] < 100_000):
            continue  # a dictionary entry of its own in -s (a noun) is the genitive of a country or large place only
        old = adj.get((s, e))
        if old is not None:
            out = [x for x in out if x is not old]
        out.append(mention_cls(s, e, best[1], "name", best[2]))
        spans.append((s, e))
    return out


_GEN_BEFORE_NOUN = re.compile(r"([A-ZÄÖÜ](?<![\w'’.-].)[a-zäöüßàáâãçèéêëíîïñòóôõúûý]{2,}s)[^\S\n]+([A-ZÄÖÜ][a-zäöüß]{2,})(?![\w'’-])")


_EN_FUNCTION = frozenset("of the and for on at to by with from a an".split())  # "Master of Business Administration"


# s20: where a _GEN_BEFORE_NOUN match can end its first word: an "s", blanks, a capital (a literal first: the engine
# searches for the "s"); and the run of word characters and hyphens before a position, read in the reversed text
_S_BLANK_CAP = re.compile(r"s[^\S\n]+[A-ZÄÖÜ]")
_REV_TOKEN = re.compile(r"[\w-]*")


def _gen_before_noun_matches(text: str, swords: set[str]) -> list:
    """``list(_GEN_BEFORE_NOUN.finditer(text))`` given the document's ``_CAP_TOKEN`` words in -s (``swords``). s15: a
    match's first word is such a token, whole (a blank follows it, no word character, hyphen, apostrophe or full stop
    stands before it), so ``match`` is tried only where those words stand, in text order; a place inside the match
    before is passed over, as the scan goes on at a match's end. s20: those places are found from the ends: each
    ``_S_BLANK_CAP`` match (its "s" cannot be in the one before, which ends at a capital) closes a whole token (the
    run of [\\w-] before it), tried where that token is one of ``swords``. A match's first word is all of its token
    (letters up to the blanks, none of [\\w-] before), so the match is tried at every place it was tried before where
    it can succeed (the other places, whose word has no blank and capital after it, never changed the result).
    A ``str.find`` walk for each word in -s cost more (10.1 M -> 6.8 M instructions on the benchmark)."""
    if not swords:
        return []
    res = []
    pos = 0
    match = _GEN_BEFORE_NOUN.match
    token = _REV_TOKEN.match
    rtext = reversed_text(text)  # (the reversed text _prev_word and _clause_words read too)
    n = len(text)
    for h in _S_BLANK_CAP.finditer(text):
        e = h.start() + 1
        s = n - token(rtext, n - e).end()
        if s < pos or text[s:e] not in swords:
            continue
        m = match(text, s)
        if m is not None:
            res.append(m)
            pos = m.end()
    return res


def _genitive_persons(text: str, out: list, kb: Any, lex: DeLexicon, cap: Any, make: Callable[..., Any],
                      swords: set[str] | None = None) -> list:
    """"nach Veldkamps Rücktritt", "seit Ostrowskis Wahl", "von Kevins Bruder": a name in the genitive -s
    before the noun it governs (the Saxon genitive German keeps for names) is a person when the word
    before the -s is no word the dictionary knows and no place or organisation the knowledge base
    knows; the noun after it must be a common noun, and no article may stand before the name
    ("des Kurses Ende" is a noun's genitive)."""
    spans = None
    for m in (_GEN_BEFORE_NOUN.finditer(text) if swords is None else _gen_before_noun_matches(text, swords)):
        w, noun = m.group(1), m.group(2)
        if not _genitive_name(w) or not (_common_head(noun) or _real_compound(noun)):
            continue  # the noun may be a compound the dictionary does not list ("Parteikasse")
        s, e = m.span(1)
        pw = (_prev_word(text, s) or "").lower()
        if pw in lex.articles or pw in lex.contracted or pw in _EN_FUNCTION or pw in cap.stop and pw.endswith(("es", "er", "em", "en")):
            continue
        if any(eid for eid, _k, _f in kb.index.get(fold(w[:-1]), ())
               if (kb.entities.get(eid) or {}).get("type") not in (None, "person")):
            continue  # "Chinas Präsident", "Siemens Chef": a country, place or organisation
        if spans is None:
            spans = [(x.start, x.end) for x in out]
        if any(a < e and s < b for a, b in spans):
            continue
        out = out + [make(s, e, "person", w)]
        spans.append((s, e))
    return out


@lru_cache(maxsize=65536)
def _genitive_name(w: str) -> bool:
    """A capitalised word in -s whose stem the German dictionary does not know, or knows only as a name
    (no common noun, no lower-case word)."""
    base = w[:-1]
    names = _name_like("de")
    if base in de_weak_surnames() and not _known_lower(base, "de"):
        return True  # a listed surname that is an English word ("Hoovers Rede")
    if _known_lower(w, "de") or _known_lower(base, "de") or _known(base.lower(), "de"):
        return False
    if (_known(w, "de") and w not in names and not de_town_like(w)) or (_known(base, "de") and base not in names and not de_town_like(base)):
        return False  # a common noun's genitive ("Kurses") or a word in -s ("Kurs"), not a name's
    cap = cap_lexicon("de")
    if cap is None or base.lower() in cap.stop or w.lower() in cap.stop or len(base) < 3:
        return False
    return not _real_compound(w)  # "Spitzenreitertrikots": a compound noun


@lru_cache(maxsize=65536)
def _common_head(noun: str) -> bool:
    """A capitalised word the dictionary knows as a noun (no name): "Tod", "Sohn", "Ausscheiden"."""
    return _known(noun, "de") and noun not in _name_like("de") and not de_town_like(noun)


def _drop_common_places(text: str, mentions: list, kb: Any, lex: DeLexicon) -> list:
    """A town named like a German common noun is no place when the noun is inflected ("Foren",
    "Kindern") or follows an article or a contracted preposition ("im Raum", "in der Region")."""
    d = _dictionary("de")
    names = _name_like("de")
    out = []
    for m in mentions:
        if m.etype != "place":
            out.append(m)  # every test below is about a one-word place: the word before is not needed
            continue
        w = text[m.start:m.end]  # s14: sliced for places only
        if " " in w:
            out.append(m)
            continue
        pw = None  # s20: the word before (lower case), read only where a test below needs it
        if m.kind == "cap":
            pw = (_prev_word(text, m.start) or "").lower()
            if pw in lex.contracted and not _place_shaped(w, cap_lexicon("de")):
                continue  # "im Internet", "im Powerplay": the preposition alone made it a place ("am Schwielowsee" has a place's shape)
        if m.kind in ("name", "cap") and d.get(w) is not None and w not in names:
            ent = kb.entities.get(m.eid) or {}
            big = ent.get("capital") or (ent.get("population") or 0) >= 500_000
            if not big:
                if d.get(w) != w:
                    continue
                if pw is None:
                    pw = (_prev_word(text, m.start) or "").lower()
                if pw in lex.contracted or pw in lex.articles:
                    continue
        if m.kind == "name" and m.etype == "place" and " " not in w and _foreign_alias_word(w, m.eid, kb, lex):
            continue  # "Wein" (Weifang), "Kuchen", "Region" (Reggio Calabria): a word, not a foreign town's alias
        out.append(m)
    return out


def _foreign_alias_word(w: str, eid: str, kb: Any, lex: DeLexicon) -> bool:
    """A GeoNames town outside the German-speaking countries, matched by one of its alternate names
    (not by its own name), where that name is a German common noun or function word or an English
    word: "Wein" is Weifang's, "Region" Reggio Calabria's, "Wave" Wavre's alias; German text means the
    word. Capitals and towns of the German-speaking countries ("Burg", "Halle") are left to the other tests."""
    if not eid.startswith("gn:"):
        return False
    ent = kb.entities.get(eid) or {}
    if (ent.get("capital") and (ent.get("population") or 0) >= 50_000) or not ent.get("country") \
            or ent.get("country") in lex.home_countries:
        return False  # a small territory's capital is no exception (a German noun among its alternate names)
    name = ent.get("name") or ""
    if fold(name) == fold(w) or fold(name).split()[:1] == [fold(w)]:
        return False  # its own name ("Nice", "Hook")
    return _common_word(w)


@lru_cache(maxsize=65536)
def _common_word(w: str) -> bool:
    """A German common noun (or an inflected form, or a lower-case word's form) or an English word;
    not a name the dictionary lists with a genitive only ("Mailand", "Passau")."""
    d = _dictionary("de")
    lemma = d.get(w)
    if lemma is not None and not de_town_like(w) and not de_town_like(lemma):
        return True
    return _known(w.lower(), "en") and not _known(w, "de")


_EN_OF_TAIL = re.compile(r"(?:[^\S\n]+(?:of|on|for|and)(?:[^\S\n]+the)?(?:[^\S\n]+[A-Z][\w-]*)+)+")


@lru_cache(maxsize=4)
def _lower_org_suffixes(suffixes: frozenset[str]) -> tuple[str, ...]:
    """The organisation suffixes that do not open with a capital ("e.V.", "gGmbH"), picked once."""
    return tuple(x for x in suffixes if not x[:1].isupper())


def _org_suffix_names(text: str, mentions: list, lex: DeLexicon, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """"Franzis Verlag", "Google Inc.", "Kuwait National Airways", "Chicago Bulls": capitalised
    names closed by an organisation suffix (or, after a city, an English plural) are one organisation."""
    out = list(mentions)
    rx = _suffix_rx()
    if capset is not None:
        present = lex.org_suffixes & capset
        lowered = [x for x in _lower_org_suffixes(lex.org_suffixes) if x in text]
        spans = _token_spans(text, present) if present else []
        # a match needs a capitalised token right before a suffix token: look there first (common words
        # among the suffixes, "Band", "City", are mostly without one)
        hit = bool(lowered) or any(_cap_token_before(text, a) for a, _b, _w in spans)
        if hit:  # s15: the matches found from the suffixes' places (a scan of the text tried the suffixes at every capital)
            starts = [a for a, _b, _w in spans]
            for x in lowered:
                i = text.find(x)
                while i >= 0:
                    starts.append(i)
                    i = text.find(x, i + 1)
            found = _suffix_matches(text, rx, sorted(set(starts)))
        else:
            found = []
    else:
        found = rx.finditer(text) if _suffix_only_rx().search(text) is not None else ()
    for m in found:
        s, e = m.span()
        toks = m.group(1).split()
        # drop leading ordinary words ("Der", "Die") and sentence-initial dictionary words
        k = 0
        english = m.group(2).isascii() and _known(m.group(2).lower(), "en") and not _known_lower(m.group(2), "de")
        while k < len(toks) - 1 and (toks[k].lower() in (cap_lexicon("de").stop if cap_lexicon("de") else ())
                                     or (_known_lower(toks[k], "de") and not (english and toks[k].isascii() and _known(toks[k].lower(), "en")))
                                     or toks[k].lower() in cap_lexicon("de").org_cues):
            s += len(toks[k])
            s += len(text[s:]) - len(text[s:].lstrip())
            k += 1
        if k >= len(toks) or toks[k].lower() in (cap_lexicon("de").stop if cap_lexicon("de") else ()):
            continue
        if m.group(2) == "Inc" and text[e:e + 1] == ".":
            e += 1
        head_end = e
        if english:  # "California Institute of Technology", "International Council on Security and Development"
            tail = _EN_OF_TAIL.match(text, e)
            if tail:
                e = tail.end()
        over = [x for x in out if x.start < e and s < x.end]
        if any(x.start < s or x.end > e for x in over):
            continue
        if any(x.etype in ("organization", "group") and (x.start, x.end) == (s, e) for x in over):
            continue
        if any(x.kind == "name" and x.end == head_end and x.etype in ("place", "country") for x in over):
            continue  # "Cape Town": the suffix belongs to a known place name
        if m.group(2) in _TOWN_SUFFIXES and not any(x.etype == "place" for x in over) \
                and all(t.isascii() and _known(t.lower(), "en") for t in toks[k:-1]):
            continue  # "Old City", "Inner City": English words before it, no town; "Coventry City" is the club
        if m.group(2) in _NAME_ONLY_SUFFIXES and (m.group(2) == "Band" and _VOLUME.match(text, head_end) or not all(
                len(t) >= 3 and t[1:].islower() and not _known_lower(t, "de") for t in toks[k:])):
            continue  # "Karl May Band 3": a volume; "Rotes Band", "A-B-C Line": a word or letters, no founder's name
        out = _without(out, over)
        out.append(make(s, e, "organization", text[s:e]))
    # a city followed by an English plural: a team ("Chicago Bulls", "Detroit Red Wings")
    for m in list(out):
        if m.etype != "place" or m.kind != "name":
            continue
        nx = _EN_PLURAL_AFTER.match(text[m.end:m.end + 40])
        if not nx:
            continue
        last = nx.group(1).split()[-1]
        if not (_known(last.lower(), "en") or _known(last.lower()[:-1], "en")) or _known(last, "de"):
            continue
        e = m.end + nx.end()
        if any(x is not m and x.start < e and m.start < x.end for x in out):
            continue
        out = [x for x in out if x is not m]
        out.append(make(m.start, e, "organization", text[m.start:e]))
    return out


_BACK3 = re.compile(r"(?:[^\S\n]*\S*){3}")  # read in the reversed text: three runs of blanks (no line break), then non-blanks
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")


def _suffix_matches(text: str, rx: re.Pattern, starts: list[int]) -> list:
    """``list(rx.finditer(text))`` for ``rx = _suffix_rx()``, where ``starts`` (ascending) holds every place where
    one of the suffixes stands in ``text`` (more places do no harm). s15: a match is one to three capitalised tokens,
    each followed by blanks (no line break), then a suffix, so it starts within the three runs of blanks and non-blanks
    before its suffix; a match that starts at or after ``pos`` ends with a suffix at or after ``pos``, and each
    capital of that stretch before the first such suffix is tried in order with ``rx.match`` on the whole text (the
    same greedy match as the scan finds there). No match starts before the stretch of the first suffix at or after
    ``pos`` (a match ending at a later suffix holds that one's stretch too), so the first match found is the scan's
    next one; the scan goes on at its end, as ``finditer`` does."""
    res = []
    pos = 0
    n = len(text)
    rtext = reversed_text(text)
    back = _BACK3.match
    match = rx.match
    for a in starts:
        if a < pos:
            continue
        lo = n - back(rtext, n - a).end()
        for c in _CAPITAL.finditer(text, lo if lo > pos else pos, a):
            m = match(text, c.start())
            if m is not None:
                res.append(m)
                pos = m.end()
                break
    return res


def _cap_token_before(text: str, a: int) -> bool:
    """Whether white space (no line break) and a token with a capital in it stand right before ``a``: what
    ``_suffix_rx`` needs before a suffix (a looser test, so no match is missed)."""
    j = a
    while j > 0 and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    if j == a or j == 0:
        return False
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return any(ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ" for ch in text[k:j])


_TOWN_SUFFIXES = frozenset(("City", "United", "County", "Town"))
_NAME_ONLY_SUFFIXES = frozenset(("Band", "Line"))  # English heads that are German words or hockey lines: after names only
_VOLUME = re.compile(r"[^\S\n]*(?:[\dIVX]|\(|,|:|S\.)")
_CUE_CAND = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]*[a-zäöüß](?=[^\S\n]+(?:[„\"»«“][^\S\n]*)?[A-ZÄÖÜ0-9])")
_NAME_TOK = re.compile(r"[^\S\n]*([A-ZÄÖÜ0-9ŠČŽÉ][\w&’'+!-]*(?:\.[^\W\d_]\w*)*)")
_OPEN_QUOTE = re.compile(r"[^\S\n]+([„\"»«“])[^\S\n]*")
_CLOSE = {"„": "“\"", "\"": "\"“", "»": "«", "«": "»", "“": "”\""}
_APPO_GAP = re.compile(r"[^\S\n]*(?:,|und|oder|sowie)[^\S\n]*")


@lru_cache(maxsize=65536)
def _apposition_kind(word: str) -> str | None:
    """The kind of thing a noun names when a name follows it: "Spielzeughersteller" -> organization,
    "Erstligisten" -> club, "Dörfer" -> place; plain, inflected (-s, -es, -n, -en) or as the end of a
    compound the dictionary knows ("Technologie-Konzerns", "Mobilfunkbetreiber")."""
    table = de_lexicon().apposition
    w = word.lower()
    ends, lengths, _t6, _s = _appo_ends()
    for n in lengths:  # s14: a loop, not any() over a generator
        if w[-n:] in ends:
            break
    else:
        return None  # the cheap test first: no ending of the table, plain or inflected
    if _role_word(word):
        return None  # "Bürgermeister X", "Vereinschef X": a person
    forms = [w] + [w[:-len(x)] for x in ("es", "en", "s", "n") if w.endswith(x) and len(w) - len(x) >= 3]
    for f in forms:
        if f in table:
            return table[f]
    if word in _name_like("de") and "-" not in word:
        return None  # a name ending like a noun ("Hansestadt"? no: "Bernstadt")
    compound = "-" in word or (_known(word, "de") and not _known_lower(word, "de"))
    if not compound:
        return None
    long_ends = _appo_long_ends()
    for f in forms:
        tail = f.rsplit("-", 1)[-1]
        if tail != f and tail in table:
            return table[tail]
        if not f.endswith(long_ends):
            continue  # no table noun of five letters or more ends the form: the loop below finds none
        for end in long_ends:  # the table's nouns of five letters or more, in its order (s13: the others not walked)
            if f.endswith(end) and len(f) > len(end) + 2:
                return table[end]
    return None


@lru_cache(maxsize=1)
def _appo_long_ends() -> tuple[str, ...]:
    """The apposition nouns of five letters or more (a one-call suffix test before the ordered loop)."""
    return tuple(e for e in de_lexicon().apposition if len(e) >= 5)


_APPO_ENDS: list[Any] = [None, False]  # _appo_ends(), and whether no short form has a hyphen: read without a call (s13)


@lru_cache(maxsize=1)
def _appo_ends() -> tuple[frozenset[str], tuple[int, ...], frozenset[str], frozenset[str]]:
    """The apposition nouns with their inflected forms, and their lengths (a suffix test by set lookups)."""
    ends = frozenset(e + x for e in de_lexicon().apposition for x in ("", "es", "en", "s", "n"))
    res = (ends, tuple(sorted({len(e) for e in ends})), frozenset(e[-6:] for e in ends if len(e) >= 6),
           frozenset(e for e in ends if len(e) < 6))
    _APPO_ENDS[1] = not any("-" in e for e in res[3])
    _APPO_ENDS[0] = res
    return res


def _name_token(w: str, cap: Any, given: frozenset[str]) -> bool:
    """A token that can be (part of) a name after an apposition noun: no function word, month or
    common German noun; acronyms, tokens with digits or inner capitals, unknown words and names are."""
    if w.lower() in cap.stop or len(w) < 2 or not any(ch.isalpha() for ch in w):
        return False
    parts = w.split("-")
    if len(parts) == 2 and len(parts[0]) > 2 and _known(parts[-1], "de") and parts[-1] not in _name_like("de") \
            and not any(ch.isupper() for ch in parts[0][1:]):
        return False  # "Fontane-Lesungen": a compound ending in a common noun (but "E-Plus", "T-Mobile", "KaRo-Sound", "Nord-Ost-Chemie")
    if w.isupper() or any(ch.isdigit() for ch in w) or any(ch.isupper() for ch in w[1:]):
        return True
    if _known_lower(w, "de"):
        return False
    return not _known(w, "de") or w in _name_like("de") or fold(w) in given


@lru_cache(maxsize=1)
def _compiled() -> bool:
    """Compile the passes' data-driven patterns once, on the first German document."""
    _geography_rx()
    _geography_firsts()
    _media_data()
    _appo_ends()
    _suffix_rx()
    _suffix_only_rx()
    _club_rx()
    _place_shape_rx()
    _role_end_rx()
    return True


def _cue_matches(text: str, words: list[str]) -> list:
    """_CUE_CAND's matches for a few words, found by str.find (cheaper than a pass of the regex)."""
    found = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            m = _CUE_CAND.match(text, i)
            if m is not None and m.end() == i + len(w) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")):
                found.append(m)
            i = text.find(w, i + 1)
    return sorted(found, key=lambda m: m.start())


def _apposition_candidate(w: str) -> bool:
    """A capitalised word that names a kind of organisation, club or settlement (asked through
    ``words_where``, which remembers every word's answer; s13: no second cache)."""
    _e, _l, tails6, short = _APPO_ENDS[0] or _appo_ends()
    lw = w.lower()
    if lw[-6:] in tails6:
        return _apposition_kind(w) is not None
    # "lw in short or lw.rsplit('-', 1)[-1] in short": the part after the last hyphen is the word itself when it
    # has none, and no short form has a hyphen (checked where they are made), so one lookup says both (s13)
    return (lw.rpartition("-")[2] in short if _APPO_ENDS[1] else lw in short or lw.rsplit("-", 1)[-1] in short) \
        and _apposition_kind(w) is not None


def _apposition_names(text: str, out: list, kb: Any, lex: DeLexicon, cap: Any, given: frozenset[str],
                      make: Callable[..., Any], capset: set[str] | None = None, cands: set[str] | None = None) -> list:
    """"Spielzeughersteller Mattel", "die Rockband Blue Harbour", "Magazins „ The Harbour “", "Verein
    Ascoli", "die Dörfer Hokkala , Kumpula und Pölkki": a noun naming a kind of organisation, club or
    settlement, followed by a name, types the name (not the noun, as GermEval marks it)."""
    if not lex.apposition:
        return out
    if cands is None:  # (german_passes gives the words of capset that pass _apposition_candidate's cheap test: _word_classes)
        cands = words_where(_apposition_candidate, capset if capset is not None else set(_CAP_TOKEN.findall(text)))
    if not cands:
        return out  # the cheap test first: no capitalised word ends like an apposition noun
    for c in _cue_matches(text, cands):
        kind = _apposition_kind(c.group(0))
        if kind is None:
            continue  # s17: german_passes gives the candidates of the cheap test (``_word_classes(lazy=True)``)
        pos = c.end()
        spans: list[tuple[int, int]] = []
        q = _OPEN_QUOTE.match(text, pos)
        if q and kind != "place":
            close = _CLOSE[q.group(1)]
            k = q.end()
            j = k
            toks = 0
            while toks < 6:
                t = _NAME_TOK.match(text, j)
                if not t:
                    break
                j = t.end()
                toks += 1
            rest = _CLOSING_MARK.match(text[j:j + 3])
            if toks and rest and rest.group(1) in close and text[k:k + 1].isupper():
                spans.append((k, j))
        else:
            while True:
                j = pos
                toks = []
                while len(toks) < 4:
                    t = _NAME_TOK.match(text, j)
                    if not t:
                        break
                    w = t.group(1)
                    if not (_name_token(w, cap, given) or (toks and _known(w.lower(), "en") and not _known(w, "de"))):
                        break
                    toks.append(w)
                    j = t.end()
                if not toks:
                    break
                spans.append((j - len(" ".join(toks)) if False else _NAME_TOK.match(text, pos).start(1), j))
                if kind != "place":
                    break
                gap = _APPO_GAP.match(text, j)
                if not gap or gap.end() == j:
                    break
                pos = gap.end()
        for s, e in spans:
            typ = "place" if kind == "place" else "organization"
            over = [x for x in out if x.start < e and s < x.end]
            ok = True
            drop = []
            for x in over:
                if x.start >= s and x.end <= e:
                    if (x.start, x.end) == (s, e) and x.etype == typ:
                        ok = False  # already so
                        break
                    if x.kind in ("cap", "shape", "given", "sur", "stemsur") or (
                            x.etype in ("place", "country") and x.kind == "name" and (kind == "club" or (x.start, x.end) != (s, e))):
                        drop.append(x)
                        continue
                    ok = False
                    break
                if kind != "place" and x.start >= c.start() and x.end <= e and x.kind == "cap" and x.etype == "organization":
                    drop.append(x)  # "Verein Ascoli" taken whole: the name alone
                    continue
                ok = False
                break
            if not ok:
                continue
            out = _without(out, drop) + [make(s, e, typ, text[s:e])]
    return out


def de_name_ending_ok(eid: str, rem: str) -> bool:
    """German inflects a person's name only in the genitive ("Lawrows", "Tourés"); "Touren" is the
    plural of "Tour", not a case form of "Touré" (places and organisations keep their noun endings)."""
    return rem == "s" or not eid.startswith("kb:person/")


@lru_cache(maxsize=65536)
def de_org_initial_ok(surface: str) -> bool:
    """German capitalises every noun, so opening a sentence says nothing about a capitalised name
    ("Boeing meldete ...", "Dell erwartet ..."): a knowledge-base organisation keeps its reading there
    unless the word is also a German lower-case word ("Neue", "Bei")."""
    return " " in surface or not _known_lower(surface, "de")


@lru_cache(maxsize=65536)
def de_word_acronym(frag: str) -> bool:
    """German writes acronyms spoken as words with one capital ("Nato", "Uefa", "Fifa", "Opec"):
    such a form of a known acronym counts unless it is a German word."""
    return len(frag) >= 3 and frag[:1].isupper() and frag[1:].islower() and not _known_lower(frag, "de") \
        and (not _known(frag, "de") or frag in _name_like("de"))


_QUOTED = re.compile(r"([„\"»«“])[^\S\n]*([^\"„“”»«\n]{1,120}?)[^\S\n]*([\"“”«»])")
_GUESSED = ("cap", "given", "shape")


def _matches_at_firsts(rx: re.Pattern, text: str, firsts: str) -> list:
    """``list(rx.finditer(text))`` for a pattern whose matches are never empty and start with one of the characters
    ``firsts``: ``rx.match`` at the places of those characters (``common.all_starts``, ``str.find``), each past the
    end of the match before (``common._finditer_at``). s16: the engine's scan for a first character costs some 60
    instructions a character of the text (a class of rare characters too); ``str.find`` for each costs under one."""
    return list(_finditer_at(rx, sorted(all_starts(text, firsts)), text))


_QUOTE_OPENERS = "„\"»«“"  # the characters a _QUOTED match starts with (its first group)


def _quoted_titles(text: str, out: list) -> list:
    """„ Wallace und Gromit : Auf der Jagd … “, " Grand Theft Auto ", " Ecce homo ": a short quoted
    title that opens with a guessed name is a work, not a person or place; the names guessed inside
    it go (knowledge-base names and a name that fills the quotes, „ Flocke “, stay)."""
    drop: set[int] = set()
    opened = None  # s20: the starts of the guessed names (made at the first quote): a quote no guessed name opens is passed
    # over without a walk of every mention (the test below needs such a name at the quote's first character)
    for q in _matches_at_firsts(_QUOTED, text, _QUOTE_OPENERS):  # s16: the places of the quotes (str.find), not a scan
        a, b = q.span(2)
        if opened is None:
            opened = {m.start for m in out if m.kind in _GUESSED}
        if a not in opened or len(q.group(2).split()) > 8:
            continue
        inside = [m for m in out if a <= m.start and m.end <= b]
        if not any(m.start == a and m.end < b and m.kind in _GUESSED for m in inside):
            continue
        drop.update(id(m) for m in inside if m.kind in _GUESSED)
    return [m for m in out if id(m) not in drop] if drop else out


@lru_cache(maxsize=1)
def _geography_rx() -> re.Pattern | None:
    """Landscapes, regions, rivers, lakes, seas and mountains by their German names
    (``data/lang/de/geography.txt``), with the genitive -s/-es."""
    p = LANG_DIR / "de" / "geography.txt"
    if not p.exists():
        return None
    names = [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    if not names:
        return None
    alt = "|".join(re.escape(n).replace(r"\ ", r"[^\S\n]+") for n in sorted(set(names), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alt + r")(?:es|s)?(?![\w-])")


# the capital first: the regex skips to capitals; s18: the run possessive (nothing follows it: the same matches,
# 21.0 M -> 19.2 M instructions for german_passes' findall on the benchmark)
_CAP_TOKEN = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w-]++")


@lru_cache(maxsize=1)
def _geography_firsts() -> frozenset[str]:
    p = LANG_DIR / "de" / "geography.txt"
    if not p.exists():
        return frozenset()
    firsts = [x.split()[0] for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    return frozenset(f + end for f in firsts for end in ("", "s", "es"))



def _matches_at_words(rx: re.Pattern, text: str, words: set[str]):
    """``rx`` matched at every word start where one of a few ``words`` occurs (found by str.find,
    cheaper than a scan of the text), in text order."""
    starts = set()
    for h in words:
        i = text.find(h)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
                starts.add(i)
            i = text.find(h, i + 1)
    for i in sorted(starts):
        m = rx.match(text, i)
        if m is not None:
            yield m

def _geography(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """"im Harz", "Böhmen und Mähren", "an der Spree", "Siebenbürgens": a German geographic name no
    town list has is a place; one that is also a lower-case word ("Oder", "Seine") only inside a sentence."""
    rx = _geography_rx()
    if rx is None:
        return out
    hits = _geography_firsts().intersection(capset if capset is not None else _CAP_TOKEN.findall(text))
    if not hits:
        return out  # the cheap test first: no first word of a name (with -s/-es) in the text
    for m in _matches_at_words(rx, text, hits):
        s, e = m.span()
        w = m.group(0)
        if " " not in w and (_known_lower(w, "de") or _known_lower(w[:-1], "de") or _known_lower(w[:-2], "de")) \
                and (_sentence_initial(text, s) or not _known_lower(w, "de")):
            continue  # "Oder" opening a sentence, "des Harzes" (the resin)
        if _JOINER_BEFORE.search(text[max(0, s - 3):s]) or _NEXT_CAP.match(text, e) and not _sentence_initial(text, e + 2):
            continue  # "Frankfurt/Main", "Mecklenburg- Vorpommern", "Preußen Münster": part of a longer name
        over = [x for x in out if x.start < e and s < x.end]
        if over and not (len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].kind in _GUESSED
                         and over[0].etype != "place"):
            continue
        out = _without(out, over) + [make(s, e, "place", w)]
    return out


_LEFT_TOK = re.compile(r"(?<![\w'’.-])([A-ZÄÖÜ][\w'’-]*[a-zäöüßà-ÿ])[^\S\n]+$")
# s20: _LEFT_TOK read backwards from a position in the reversed text: the optional line break is the one "$" passes
# over at the window's end; the word's run is greedy, and its capital must open the whole run of [\w'’-] (none of
# [\w'’.-] before it), as the look-behind asks
_REV_LEFT_TOK = re.compile(r"\n?[^\S\n]+([a-zäöüßà-ÿ][\w'’-]*[A-ZÄÖÜ])(?![\w'’.-])")


def _left_token(text: str, s: int) -> tuple[int, str] | None:
    """(start, word) of ``_LEFT_TOK.search(text, max(0, s - 40), s)``'s group 1, or None (``_word_before``)."""
    return _word_before(_REV_LEFT_TOK, text, s, 40)


def _word_before(rev: re.Pattern, text: str, s: int, width: int) -> tuple[int, str] | None:
    """(start, word) of group 1 of a window search ``rx.search(text, max(0, s - width), s)``, or None, where ``rx`` is
    a capitalised word opening a whole run (a look-behind), then blanks and ``$``, and ``rev`` is that read backwards
    (``_REV_LEFT_TOK``, ``_REV_PREV_CAP``). s20: the search tries each place of the window with a class first (about
    19 k instructions a call for 40 characters); a match is the word right before the blanks that end the window,
    so it is one match at ``s`` in the reversed text (about 5 k), kept where the word starts inside the window (a
    search from inside a longer run fails its look-behind)."""
    n = len(text)
    m = rev.match(reversed_text(text), n - s)
    if m is None:
        return None
    a = n - m.end(1)
    if a < s - width:
        return None
    return a, text[a:n - m.start(1)]
_RIGHT_TOK = re.compile(r"[^\S\n]+([A-ZÄÖÜ][\w'’-]*[a-zäöüßà-ÿ])(?![\w'’-])")


@lru_cache(maxsize=65536)
def _unknown_name_token(w: str) -> bool:
    """A capitalised token no dictionary of ours knows (German, English), no function word or role noun:
    next to a person's name it belongs to the name ("Wendelin Brausewetter", "Haile Selassie")."""
    cap = cap_lexicon("de")
    if cap is None or len(w) < 3 or w.lower() in cap.stop or w.isupper():
        return False
    first = w.split("-")[0]
    if _known(first, "de") or _known_lower(first, "de") or _known(first.lower(), "en") or _cue_word(w):
        return False
    return not w.lower().endswith(cap.noun_suffixes)


def _person_unknown_neighbours(text: str, out: list, cap: Any, make: Callable[..., Any], given: frozenset[str]) -> list:
    """A person's name takes an unknown capitalised token right before or after it ("Wendelin" +
    "Brausewetter", "Haile" + "Selassie"): given names and surnames no list has."""
    live = {id(x) for x in out}  # ids of out's items (out is only rebuilt below; the sorted list holds m)
    for m in sorted((x for x in out if x.etype == "person" and x.kind not in ("adj", "dem", "adjstem")), key=_START):
        if id(m) not in live:
            continue
        s, e = m.start, m.end
        words = text[s:e].split()
        lt = _left_token(text, s)
        if lt and (fold(words[0].split("-")[0]) not in given or len(words) > 1 and _sentence_initial(text, lt[0])) \
                and _unknown_name_token(lt[1]) and _plain_token(lt[1]) and not _HYPHEN_NEXT.match(text, e):
            s = lt[0]  # "Wendelin Brausewetter" (not "Rennradler Adam X", "SVP-Nationalrat Toni X": a given name opens the
            # name, unless an unknown word opens the sentence before a full name: "Wendelin Anna Brausewetter ist ...")
        rt = _RIGHT_TOK.match(text, e)
        if rt and len(words) < 3 and _unknown_name_token(rt.group(1)) and _plain_token(rt.group(1)) and fold(rt.group(1)) not in given:
            e = rt.end()
        if (s, e) == (m.start, m.end):
            continue
        if any(x is not m and x.start < e and s < x.end for x in out):
            continue
        out = [x for x in out if x is not m] + [make(s, e, "person", text[s:e])]
        live.discard(id(m))
        live.add(id(out[-1]))
    return out


@lru_cache(maxsize=65536)
def _plain_token(w: str) -> bool:
    """No compound ("Hauptinitiant", "Marienklosters") and no hyphenated compound of long parts
    ("Kraftwerk-Betriebsrat"; "Mei-Ling" is fine)."""
    if "-" in w:
        return all(len(p) <= 4 for p in w.split("-"))
    return not _real_compound(w)


_LINKS = ("s", "es", "n", "en", "er", "e", "ens")


@lru_cache(maxsize=65536)
def _word_stem(h: str, depth: int = 0) -> bool:
    """The first part of a compound: a word, a word with a linking element ("Arbeits-"), a verb or
    noun stem ("Renn-", "Schul-"), or itself a compound."""
    get = _dictionary("de").get  # s15: get(x) is not None, not "x in d" (Mapping.__contains__ raises on a miss)
    if len(h) < 3:
        return False
    if get(h) is not None or get(h.lower()) is not None or get(h.capitalize()) is not None:
        return True
    for x in _LINKS:
        b = h[:-len(x)]
        if h.endswith(x) and len(b) >= 3 and (get(b) is not None or get(b.lower()) is not None or get(b.capitalize()) is not None):
            return True
    if any(get(h.lower() + x) is not None or get(h.capitalize() + x) is not None for x in ("e", "en", "n")):
        return True
    return depth < 1 and any(_word_stem(h[:k], depth + 1) and get(h[k:].capitalize()) is not None for k in range(3, len(h) - 2))


@lru_cache(maxsize=65536)
def _real_compound(w: str) -> bool:
    """A German compound of a word stem and a common noun ("Hauptinitiant", "Rennradler",
    "Marienklosters"), not a name that merely ends like a word ("Wendelin", "Vitantonio")."""
    get = _dictionary("de").get  # s15: get(x) is not None, not "x in d" (Mapping.__contains__ raises on a miss)
    names = _name_like("de")
    for k in range(3, len(w) - 3):
        tail = w[k].upper() + w[k + 1:]
        if get(tail) is not None and tail not in names and _word_stem(w[:k]):
            return True
    return False


@lru_cache(maxsize=1)
def _media_data() -> tuple[re.Pattern | None, frozenset[str], tuple[str, ...]]:
    """German-language media and agencies (``data/lang/de/media.txt``): the pattern, the first words
    written with a capital, the first words written in lower case."""
    p = LANG_DIR / "de" / "media.txt"
    names = [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")] if p.exists() else []
    if not names:
        return None, frozenset(), ()
    alt = "|".join(re.escape(n).replace(r"\ ", r"[^\S\n]+") for n in sorted(set(names), key=len, reverse=True))
    firsts = {n.split()[0] for n in names}
    return (re.compile(r"(?<![\w-])(?:" + alt + r")(?![\w])"), frozenset(f for f in firsts if f[:1].isupper()),
            tuple(sorted(f for f in firsts if not f[:1].isupper())))


def _media(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """"n-tv", "Das Erste", "die Zeit"? no: "Die Zeit" inside a sentence, "( epd )": German-language
    broadcasters, papers and agencies the knowledge base does not list are organisations."""
    rx, upper, lower = _media_data()
    if rx is None:
        return out
    hits = set(upper.intersection(capset if capset is not None else _CAP_TOKEN.findall(text)))
    # s19: the lower-case first words are needles of the document's literals (literals_de.needles): a lookup each,
    # where each ``w in text`` scanned the text to fail (14 words, 7.0 M instructions on the benchmark)
    lit = doc_literals(text)
    hits.update(w for w in lower if w in lit)
    if not hits:
        return out
    for m in _matches_at_words(rx, text, hits):
        s, e = m.span()
        w = m.group(0)
        first = w.split()[0]
        if _sentence_initial(text, s) and (first.lower() in ("die", "der", "das") or _known_lower(first, "de")) \
                and text[e:e + 3].lstrip(" ")[:1] != ":":
            continue  # "Die Welt ist ...": the words, not the paper ("Der Standard : ..." names its source)
        over = [x for x in out if x.start < e and s < x.end]
        if over and not (len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].kind in _GUESSED
                         and over[0].etype != "organization") and not _inside_media(over, s, e):
            continue
        if len(over) == 1 and over[0].etype == "organization" and over[0].end == e and first.lower() in ("die", "der", "das") \
                and not over[0].eid.startswith("new:"):
            out = _without(out, over) + [dataclass_replace(over[0], start=s)]  # "Der Standard": the known paper with its article
            continue
        out = _without(out, over) + [make(s, e, "organization", w)]
    return out


def _inside_media(over: list, s: int, e: int) -> bool:
    """Round seven (places_de): a listed paper or broadcaster of several words contains a shorter place, country
    or paper ("Radio Bremen", "Welt am Sonntag"): the whole name is the organisation."""
    return all(
        s <= m.start and m.end <= e and (m.start, m.end) != (s, e) and m.etype in ("place", "country", "organization")
        for m in over)


@lru_cache(maxsize=1)
def de_surnames() -> frozenset[str]:
    """Surnames that are no ordinary German or English word (``data/lang/de/surnames.txt``)."""
    p = LANG_DIR / "de" / "surnames.txt"
    if not p.exists():
        return frozenset()
    return frozenset(x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=65536)
def _name_part(w: str) -> bool:
    """A capitalised word that may belong to a name before a surname: no German common noun ("Genosse
    Stalin", "Aussprüche Luthers" are a noun and a name; "Bilfinger Berger", "Angry Young" are one name)."""
    return not _known(w, "de") or w in _name_like("de") or _known(w.lower(), "en")


def _token_spans(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    """Every occurrence of each word as a whole ``_CAP_TOKEN`` token (no word character or hyphen on
    either side), found with ``str.find``: the words are few, the text long."""
    res = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_")) and (e == n or not (text[e].isalnum() or text[e] in "-_")):
                res.append((i, e, w))
            i = text.find(w, e)
    return res


def _listed_surnames(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """A person named once by a surname alone ("..., dass Berlusconi ...", "mit Lehmann"): a capitalised
    word no other pass took that is a listed surname and no ordinary word (the list leaves those out)
    is a person, unless it stands in a compound ("Schröder-Regierung") or after an article and
    adjectives ("der alte Lehmann" is a figure of speech; GermEval and our output leave it out too)."""
    names = de_surnames()
    words = (capset if capset is not None else set(_CAP_TOKEN.findall(text))) & names
    if not words:
        return out
    mask = bytearray(len(text) + 1)
    for m in out:
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)
    new = []
    for s, e, w in sorted(_token_spans(text, words)):
        if text[e:e + 1] in ("’", "'") or (s and text[s - 1] == "/") or mask.find(1, s, e) >= 0:
            continue
        if _HYPHEN_NEXT.match(text, e) or text[e:e + 1] == "/" or _after_article_adjectives(text, s):
            continue
        lt = _left_token(text, s)
        if lt and not _sentence_initial(text, lt[0]) and not _cue_word(lt[1]) and _name_part(lt[1]):
            continue  # "Bilfinger Berger", "Angry Young Men": the end of a longer name the other passes left
        new.append(make(s, e, "person", w))
    return out + new if new else out


_PLACE_AFTER = re.compile(r"[^\S\n]*(?:,|und|oder|sowie|/|\()")


def _person_named_towns(text: str, out: list, kb: Any, cap: Any, make: Callable[..., Any], given: frozenset[str]) -> list:
    """A small foreign town of the knowledge base named like a person ("Duncan", "Caroline", "Baldwin",
    "Dickinson": towns of a few thousand people) outside any place slot is the person: a German
    sentence names a small foreign town after a place preposition or a place noun ("in Duncan",
    "die Stadt Dickinson") or beside other places, but a person as a bare subject or object."""
    names = de_surnames()
    spans = None
    res = out
    for m in out:
        if m.etype != "place" or m.kind != "name" or not m.eid.startswith("gn:"):
            continue
        w = text[m.start:m.end]
        if " " in w or "-" in w or not (w in names or fold(w) in given or w in de_weak_surnames()):
            continue
        ent = kb.entities.get(m.eid) or {}
        if ent.get("capital") or (ent.get("population") or 0) >= 50_000 or ent.get("country") in de_lexicon().home_countries:
            continue  # German news names its own towns as actors too ("Goslar hat beschlossen")
        pw = _prev_word(text, m.start)
        if pw and (pw.lower() in cap.loc_preps or pw.lower() in cap.loc_cues or pw.lower() in de_lexicon().contracted
                   or pw.lower() in ("von", "bis", "über", "zu", "ab", "an", "auf", "vor", "hinter", "um")):
            continue
        if spans is None:
            spans = sorted((x.start, x.end, x.etype) for x in out)
        j = m.start
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if text[j - 1:j] in (",", "/", "(") or text[max(0, j - 4):j] in (" und", "oder"):
            if any(b <= m.start and m.start - b <= 8 and t in ("place", "country") for a, b, t in spans):
                continue  # "Tacoma , Duncan" beside another place
        if _PLACE_AFTER.match(text, m.end) and any(a >= m.end and a - m.end <= 8 and t in ("place", "country") for a, b, t in spans):
            continue  # "Duncan , Oklahoma", "Duncan und Tulsa"
        if _after_article_adjectives(text, m.start):
            continue  # "im englischen Stowbridge": a person takes no article
        e = m.end
        nxt = [x for x in res if x.etype == "person" and x.start == e + 1 and text[e] == " "]
        if nxt:
            e = nxt[0].end  # "Wilton" + "Daniel Gregory": one name
        res = [x for x in res if x is not m and not any(x is y for y in nxt)] + [make(m.start, e, "person", text[m.start:e])]
    return res


@lru_cache(maxsize=65536)
def de_lone_name(word: str) -> bool:
    """A word the dictionary knows only as a name that is also a listed given name ("Claire", "Yvonne"; the
    list leaves out ordinary words) or surname: alone, without a cue, it names a person."""
    return word in _name_like("de") and (fold(word) in de_given_names() or word in de_surnames())


_ROAD = re.compile(r"([AB])[^\S\n]?([1-9]\d{0,2})(?![\w,.]\d|[\w-])")
_AIRCRAFT = re.compile(r"A3[0-8]\d")  # Airbus types (A300–A380) written without a space
_ROAD_BEFORE = frozenset("der die den dem zur zum auf an und über von bis oder sowie".split())
_ROAD_NOUN_NUM = re.compile(r"[^\S\n]+[1-9]\d{0,2}(?![\w,.]\d|[\w-])")  # "Bundesstraße 216" (but "Autobahn A 7": the code alone)


@lru_cache(maxsize=1)
def _bodies_data() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    c = mentions_data("de").get("capnames_de") or {}
    return (frozenset(str(x) for x in c.get("celestial") or []), tuple(" " + str(x).lower() for x in c.get("celestial_not_after") or []),
            frozenset(str(x) for x in c.get("road_nouns") or []))


def _roads_and_bodies(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """Places that are no names of towns: road numbers ("die A 7", "Bundesstraße 216": a motorway or
    federal road after an article, a road noun or another road) and celestial bodies after an article
    ("um die Sonne", "den Mond", "die Erde"; "unter der Erde" is the ground)."""
    bodies, not_after, road_nouns = _bodies_data()
    words = capset if capset is not None else set(_CAP_TOKEN.findall(text))
    new: list = []
    masks: list[bytearray] = []  # s14: the mask of the mentions, made at its first use (most documents need none)

    def taken(s: int, e: int) -> bool:
        if not masks:
            mk = bytearray(len(text) + 1)
            for m in out:
                mk[m.start:m.end] = b"\x01" * (m.end - m.start)
            masks.append(mk)
        return masks[0].find(1, s, e) >= 0

    def add(s: int, e: int, kind: str | None = None) -> None:
        m = make(s, e, "place", text[s:e])
        new.append(dataclass_replace(m, kind=kind) if kind else m)
        taken(s, e)  # (the mask exists: every add follows a test)
        masks[0][s:e] = b"\x01" * (e - s)

    if "A" in text or "B" in text:
        for m in _matches_at_firsts(_ROAD, text, "AB"):  # s16: the places of "A" and "B" (str.find), not a scan
            s, e = m.span()
            if (s and (text[s - 1].isalnum() or text[s - 1] in "-/")) or taken(s, e):
                continue
            pw = _prev_word(text, s)
            if pw is None or not (pw.lower() in _ROAD_BEFORE or pw in road_nouns):
                continue  # "Audi A4", "Klasse A"
            if _AIRCRAFT.fullmatch(text, s, e):
                continue  # "mit der A350": an Airbus
            add(s, e)
    for i, e, _noun in sorted(_token_spans(text, road_nouns & words)):
        nm = _ROAD_NOUN_NUM.match(text, e)  # digits only: no code of the other loop lies inside
        if nm and not taken(i, nm.end()):
            add(i, nm.end())
    for s, e, _body in sorted(_token_spans(text, bodies & words)):
        pw = _prev_word(text, s)
        if pw is None or pw.lower() not in _DETERMINERS or taken(s, e):
            continue
        left = text[max(0, s - 16):s].lower().rstrip()
        if any(left.endswith(x) for x in not_after) or _HYPHEN_NEXT.match(text, e) or _NEXT_CAP.match(text, e):
            continue  # "die Mars-Sonde", "den Mars Explorer": a name of something else
        add(s, e, "body")  # a place for NER, never where an event happens (events/setting.py)
    return out + new if new else out


_RUN_ARTICLES = frozenset(("Der", "Die", "Das", "Den", "Dem", "Des"))
_NOT_PLACE_ENDS = ("schau", "bau", "frau")  # "-au" ends towns (Passau, Dachau), but "Himmelsschau" is a show


def _article_runs(text: str, out: list, make: Callable[..., Any]) -> list:
    """"Die Lindenhütte", "Der Sarafina": a capitalised article the capitalised-names stage joined to a
    single name (after a heading word it does not see a sentence start) belongs to no German name of a
    person or place; the name alone stays, a place if its shape says so ("-hütte")."""
    res = None
    for m in out:
        if m.kind != "cap" or m.etype != "person":
            continue
        w = text[m.start:m.end]
        sp = w.find(" ")
        if sp < 0 or w[:sp] not in _RUN_ARTICLES or " " in w[sp + 1:]:
            continue
        name = w[sp + 1:]
        typ = "place" if _place_shaped(name, cap_lexicon("de")) and not name.endswith(_NOT_PLACE_ENDS) else "person"
        if res is None:
            res = list(out)
        res = [x for x in res if x is not m] + [make(m.start + sp + 1, m.end, typ, name)]
    return out if res is None else res


# -- round five: towns that are words after a place slot; names in the genitive ------------------------------------


@lru_cache(maxsize=1)
def _town_slots() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    c = mentions_data("de").get("capnames_de") or {}
    return (frozenset(str(x).lower() for x in c.get("town_preps") or []), frozenset(str(x).lower() for x in c.get("town_from") or []),
            frozenset(str(x) for x in c.get("town_nouns") or []), frozenset(str(x) for x in c.get("town_not") or []))


@lru_cache(maxsize=1)
def _authority_endings() -> tuple[str, ...]:
    c = mentions_data("de").get("capnames_de") or {}
    return tuple(str(x).lower() for x in c.get("town_after_endings") or [])


@lru_cache(maxsize=1)
def _authority_heads() -> frozenset[str]:
    return frozenset(x.capitalize() for x in _authority_endings())


@lru_cache(maxsize=1)
def _town_endings() -> tuple[str, ...]:
    c = mentions_data("de").get("capnames_de") or {}
    return tuple(str(x).lower() for x in c.get("town_endings") or [])


_INDEFINITE = frozenset("ein eine einen einem einer eines".split())
_DEFINITE = frozenset("der die das dem den des im beim vom zum zur".split())


@lru_cache(maxsize=65536)
def _town_shaped(w: str) -> bool:
    lw = w.lower()
    return any(lw.endswith(x) and len(lw) >= len(x) + 3 for x in _town_endings())


def _article_places(text: str, out: list) -> list:
    """A word the capitalised-names stage guessed a place by its ending is a common noun right after an
    indefinite article ("ein Bachtal", "ein Kulissenstein") or, with a town's ending, after a definite
    one or a contracted preposition ("im Kunstspringen", "das Berufsleben", "die Nachbarstadt"): German
    names no town with an article unless an adjective stands between ("im oberbayerischen Dachau")."""
    res = None
    for m in out:
        if m.etype != "place" or m.kind not in ("cap", "shape"):
            continue
        w = text[m.start:m.end]
        if " " in w or "-" in w or w in _geography_firsts():
            continue  # "das Eichsfeld", "die Wachau": the listed landscapes take an article
        pw = _prev_word(text, m.start)
        if pw is None:
            continue
        pl = pw.lower()
        if not (pl in _INDEFINITE or (pl in _DEFINITE and _town_shaped(w))):
            continue
        if res is None:
            res = list(out)
        res = [x for x in res if x is not m]
    return out if res is None else res


_FROM_TO = re.compile(r"[^\S\n]+(?:nach|bis)[^\S\n]")
_NEXT_WORD = re.compile(r"[^\S\n]*([^\W\d_]+|.)")


# per knowledge base (held, so its id is not reused): word -> its home town; word in -s -> a known name before the -s
_HOME_MEMO: dict[int, tuple[Any, dict[str, tuple[str, int] | None], dict[str, bool]]] = {}


def _home_town(w: str, kb: Any) -> tuple[str, int] | None:
    """The most populous town of the German-speaking countries named ``w`` by its own name (not an
    alternate name): (id, population), or None. Remembered per knowledge base and word."""
    memo = _HOME_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _HOME_MEMO.clear()
        memo = _HOME_MEMO[id(kb)] = (kb, {}, {})
    known = memo[1]
    if w in known:
        hit = known[w]
        if hit is not None and hit[0] not in kb.entities:
            kb.small_places(_fold(w))  # a small place's record, dropped from the knowledge base's LRU: made again
        return hit
    if len(known) >= 65536:
        known.clear()
    hit = known[w] = _home_town_uncached(w, kb)
    return hit


def _home_town_uncached(w: str, kb: Any) -> tuple[str, int] | None:
    home = de_lexicon().home_countries
    key = fold(w)
    best = None
    for eid, kind, _f in kb.index.get(key, ()):
        if kind != "name":
            continue
        ent = kb.entities.get(eid) or {}
        if ent.get("type") != "place" or ent.get("country") not in home:
            continue
        nm = ent.get("name") or ""
        if nm != w and not nm.startswith(w + " ") and fold(nm) == key:
            continue  # "Bunde" is not "Bünde": the fold dropped the umlaut
        pop = ent.get("population") or 0
        if best is None or pop > best[1]:
            best = (eid, pop)
    if best is None:
        for eid in kb.small_places(key):
            ent = kb.entities.get(eid) or {}
            if ent.get("country") in home and ent.get("name") == w:
                pop = ent.get("population") or 0
                if best is None or pop > best[1]:
                    best = (eid, pop)
    return best


@lru_cache(maxsize=65536)
def _town_word(w: str) -> bool:
    """A capitalised word that may name a town in a place slot: no hyphen, no lower-case word ("Kraft",
    "Zuge"), no function word."""
    if len(w) < 3 or "-" in w or not w[1:].islower():
        return False
    cap = cap_lexicon("de")
    return not (cap is not None and w.lower() in cap.stop)


@lru_cache(maxsize=65536)
def _town_noun(w: str) -> bool:
    """A common noun of the dictionary (not known only as a name), plain or inflected ("Stein", "Steinen")."""
    return _known(w, "de") and w not in _name_like("de") and not de_town_like(w)


_fold = lru_cache(maxsize=65536)(fold)


@lru_cache(maxsize=1)
def _prep_town_rx() -> re.Pattern:
    preps, from_, _nouns, _not = _town_slots()
    # the capital first (the regex skips to capitals), then one fixed-width lookbehind per preposition length
    by_len: dict[int, list[str]] = {}
    for p in sorted(preps | from_):
        by_len.setdefault(len(p), []).append(re.escape(p))
    looks = "|".join(r"(?<=(?<![\w-])(?i:" + "|".join(ps) + r") .)" for _n, ps in sorted(by_len.items()))
    return re.compile(r"[A-ZÄÖÜ](?:" + looks + r")[a-zäöüß]+(?![\w'’-])")  # (_PREP_TOWN_TAIL: the same less the look-behinds)


# the characters that (?i) matches to a lower-case ASCII letter besides its upper case (tests/mentions/test_spdde3_oracles)
_CASE_STRAYS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


@lru_cache(maxsize=1)
def prep_needles() -> tuple[str, ...]:
    """Every spelling that ``_prep_town_rx``'s case-insensitive prepositions match, each with its blank ("in ", "In ",
    "IN ", "iN ", "ın ", …), for the document's literals (``literals_de.needles``)."""
    preps, from_, _nouns, _not = _town_slots()
    forms = set()
    for p in preps | from_:
        for combo in product(*[(c, c.upper(), *_CASE_STRAYS.get(c, "")) if c.isascii() and c.isalpha() else (c,) for c in p]):
            forms.add("".join(combo) + " ")
    return tuple(sorted(forms))


def _prep_town_matches(text: str) -> list:
    """``list(_prep_town_rx().finditer(text))``. s15: the pattern tried four case-insensitive look-behinds at every
    capital; its capital stands after a preposition and one blank, so every spelling of those (``prep_needles``) is a
    needle of the document's literal automaton (one scan a document, shared with the person and place passes), and
    ``match`` is tried only after the places where no word character or hyphen stands before the preposition (the
    look-behind's own test, "ein " is passed over), in text order. Matches cannot overlap (a capital and lower-case
    letters, a blank before it)."""
    lit = doc_literals(text)
    starts = set()
    for p in _prep_needle_set().intersection(lit):
        k = len(p)
        for i in lit[p]:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_"):  # [\w-] is isalnum(), "_" or "-"
                starts.add(i + k)
    if not starts:
        return []
    # the look-behinds hold at these places (a preposition in one of its spellings, its blank, no [\w-] before it):
    # the rest of the pattern decides
    return [m for m in map(_PREP_TOWN_TAIL.match, repeat(text), sorted(starts)) if m is not None]


_PREP_TOWN_TAIL = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?![\w'’-])")  # _prep_town_rx less its look-behinds


@lru_cache(maxsize=1)
def _prep_needle_set() -> frozenset[str]:
    return frozenset(prep_needles())


def _home_towns(text: str, out: list, kb: Any, lex: DeLexicon, mention_cls: type, capset: set[str],
                swords: set[str] | None = None, ended: set[str] | None = None) -> list:
    """"in Hof", "aus Halle", "die Stadt Kiel", "von Rheine nach Münster": a town of Germany, Austria or
    Switzerland whose name is also a German word ("Hof", "Halle", "Kiel", "Hahn") is dropped by the
    matcher unless a cue says place; right after a place preposition, a place noun or an authority named
    by its town ("Amtsgericht Kiel") it is the town, and so is a large town's genitive right after a
    noun ("die Belagerung Münsters"). Not before an article or a hyphen ("in Folge der ...", "aus Sicht
    des ...", "in Hof-Nähe"). The slots are found first (a regex, the few head nouns), the towns after."""
    preps, from_, nouns, not_towns = _town_slots()
    slots: list[tuple[int, int, str, int]] = []  # start, end, word, slot: 0 preposition, 1 strong cue, 2 genitive
    rfind = text.rfind
    for m in _prep_town_matches(text):
        s, e = m.span()
        p = text[rfind(" ", 0, s - 1) + 1:s - 1].lower()
        p = p[p.rfind("\n") + 1:]
        if p in preps:
            slots.append((s, e, m.group(0), 0))
        elif p in from_ and _FROM_TO.match(text, e):
            slots.append((s, e, m.group(0), 1))
    if ended is None:  # (german_passes gives the words of capset with an authority ending: _word_classes)
        ends = _authority_endings()  # s14: looked up once, not once per word
        ended = {w for w in capset if w.endswith(ends)}  # a set at once (s13; a scan of the text cost 4 times more)
    heads = set(ended)
    heads.update(nouns & capset)
    heads.update(_authority_heads() & capset)  # "Niederlassung" itself
    memo = _HOME_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _home_town("", kb)  # creates the knowledge base's memo
        memo = _HOME_MEMO[id(kb)]
    gen_memo = memo[2]
    gens = []
    for w in (capset if swords is None else swords):  # s13: the document's words in -s, when given
        if w[-1] != "s":
            continue
        g = gen_memo.get(w)
        if g is None:
            if len(gen_memo) >= 65536:
                gen_memo.clear()
            g = gen_memo[w] = len(w) > 4 and w[1:].islower() and fold(w[:-1]) in kb.index
        if g:
            gens.append(w)
    if heads:
        for _a, b, _h in _token_spans(text, heads):
            nx = _NEXT_CAP.match(text, b)
            if nx:
                slots.append((nx.start(1), nx.end(1), nx.group(1), 1))
    if gens:
        for s, e, w in _token_spans(text, set(gens)):
            pw = _prev_word(text, s)
            if pw and pw[:1].isupper() and _common_head(pw):
                slots.append((s, e, w, 2))
    if not slots:
        return out
    mask = None
    new = []
    for s, e, w, slot in sorted(slots):
        if w in not_towns or not _town_word(w):
            continue
        nx = _NEXT_WORD.match(text, e)
        if nx and (nx.group(1).lower() in lex.articles or nx.group(1) == "-"):
            continue
        if mask is None:
            mask = bytearray(len(text) + 1)
            for m in out:
                mask[m.start:m.end] = b"\x01" * (m.end - m.start)
        if mask.find(1, s, e) >= 0:
            continue  # taken already: the town lookup below is the dear part
        if slot == 2:
            hit = _home_town(w[:-1], kb)
            if hit is not None and hit[1] < 20_000:
                continue
        else:
            if slot == 0 and _town_noun(w) and ((nx and nx.group(1).islower()) or _dictionary("de").get(w) not in (None, w)):
                continue  # "in Brand geraten", "in Stein gehauen", "aus Matten": the noun, or its plural
            hit = _home_town(w, kb)
        if hit is None:
            continue
        new.append(mention_cls(s, e, hit[0], "name", "place"))
        mask[s:e] = b"\x01" * (e - s)
    return out + new if new else out


@lru_cache(maxsize=65536)
def _person_genitive_stem(w: str, kb: Any) -> bool:
    """"Merkels", "Johnsons": the genitive -s of a word that names a person (a knowledge-base person, a
    listed surname or given name) and no country, organisation or town of 20,000 or more; the form itself
    is no common noun, lower-case word or English plural ("Teams")."""
    base = w[:-1]
    fb = fold(base)
    if not (base in de_weak_surnames() or base in de_noun_surnames() or base in de_surnames() or fb in de_given_names()
            or kb.index.get(fb)):
        return False  # s17: no path below holds without one of these (a listed surname or given name, a KB name)
    names = _name_like("de")
    if base in de_weak_surnames() and not _known_lower(base, "de"):
        return True  # a listed surname that is an English word ("Hoovers Rede")
    if base in de_noun_surnames() and not _known_lower(base, "de") and not _known_lower(w, "de"):
        return True  # round eight: one that is a German noun ("zu Köhlers Plänen", persons_de)
    if _known_lower(w, "de") or _known_lower(base, "de") or (_known(base, "de") and base not in names):
        return False
    lemma = _dictionary("de").get(w)
    if lemma is not None and lemma != base and w not in names:
        return False  # a word of its own, not a name's genitive
    cap = cap_lexicon("de")
    if cap is None or base.lower() in cap.stop or len(base) < 3:
        return False
    person = False
    for eid, _k, _f in kb.index.get(fold(base), ()):
        ent = kb.entities.get(eid) or {}
        t = ent.get("type")
        if t == "person":
            person = True
        elif t != "place" or ent.get("capital") or (ent.get("population") or 0) >= 20_000 or not eid.startswith("gn:"):
            return False  # "Chinas", "Siemens", "Leipzigs": a country, organisation or town
    if _known(base.lower(), "en"):
        return False  # "Teams", "Stars": English nouns in the plural
    return person or base in de_surnames() or fold(base) in de_given_names()


def _genitive_names(text: str, out: list, kb: Any, lex: DeLexicon, cap: Any, make: Callable[..., Any], capset: set[str]) -> list:
    """A person's name in the genitive -s next to the noun that governs it: after it ("die Aussprüche
    Johnsons", "die Vertrauten Merkels": a common noun right before the name) or before it ("über Merkels
    Erbe": a common noun after it, no article before the name), when the word before the -s names a
    person (see ``_person_genitive_stem``)."""
    cands = [w for w in capset if w.endswith("s") and _person_genitive_stem(w, kb)]
    if not cands:
        return out
    mask = bytearray(len(text) + 1)
    for m in out:
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)
    new = []
    for s, e, w in sorted(_token_spans(text, set(cands))):
        if mask.find(1, s, e) >= 0 or _HYPHEN_NEXT.match(text, e):
            continue
        pw = _prev_word(text, s)
        nx = _NEXT_CAP.match(text, e)
        before = bool(pw) and pw[:1].isupper() and _common_head(pw) and not _cue_word(pw)
        after = nx is not None and _common_head(nx.group(1)) and not (pw and (pw.lower() in lex.articles or pw.lower() in lex.contracted))
        if not (before or after) or not after and w[:-1] in de_noun_surnames():
            continue  # a noun surname's genitive only before its noun ("nach Köhlers Rede"; "des Försters X" is the noun)
        new.append(make(s, e, "person", w))
        mask[s:e] = b"\x01" * (e - s)
    return out + new if new else out


_ROUTE = re.compile(r"([A-ZÄÖÜ](?<=(?<![\w-])[Vv]on .)[\w'’]*[^\W\d_])[^\S\n]+(?:nach|bis(?:[^\S\n]+nach)?)[^\S\n]+([A-ZÄÖÜ][\w'’]*[^\W\d_])(?![\w'’-])")  # capital first


def _route_matches(text: str) -> list:
    """``_ROUTE.finditer(text)``, the same matches: the pattern matched right after each "von"/"Von" (found with
    ``str.find``; its look-behind tests the rest), where the scan tried its look-behind at every capital (s13). A
    match holds no "von" followed by a capital (its words have no space; "nach"/"bis" stand after its blanks), so
    two never overlap and these are all of them, in text order."""
    starts = []
    for key in ("von", "Von"):
        i = text.find(key)
        while i >= 0:
            starts.append(i + 4)
            i = text.find(key, i + 1)
    res = []
    match = _ROUTE.match
    n = len(text)
    for p in sorted(starts):
        if p < n:
            m = match(text, p)
            if m is not None:
                res.append(m)
    return res


def _route_places(text: str, out: list, make: Callable[..., Any], given: frozenset[str]) -> list:
    """"von Kessling nach Ambrode", "von Nagoya bis nach Tsurugi": the two ends of a route are places. A
    single word there that the capitalised-names stage guessed a person (no given name) becomes a place;
    an unknown word there that no pass took is one too."""
    if "on " not in text:
        return out
    res = None
    for m in _route_matches(text):
        if m.group(1) in _town_slots()[3] or m.group(2) in _town_slots()[3]:
            continue  # "von Norden nach Süden": directions
        for g in (1, 2):
            s, e = m.span(g)
            w = m.group(g)
            cur = res if res is not None else out
            hit = [x for x in cur if x.start < e and s < x.end]
            if hit:
                if len(hit) != 1 or (hit[0].start, hit[0].end) != (s, e) or hit[0].etype != "person" or hit[0].kind not in ("cap", "shape"):
                    continue
            elif _known(w, "de") or _known_lower(w, "de") or fold(w) in given:
                continue
            res = [x for x in cur if not any(x is y for y in hit)] + [make(s, e, "place", w)]
    return out if res is None else res


@lru_cache(maxsize=1)
def _subject_conjunctions() -> frozenset[str]:
    c = mentions_data("de").get("capnames_de") or {}
    return frozenset(str(x).lower() for x in c.get("subject_conjunctions") or [])


@lru_cache(maxsize=65536)
def _verb_word(v: str) -> bool:
    """A finite verb of the third person singular, no adjective in -e ("die geltende X")."""
    if v in de_lexicon().aux_singular:
        return True  # "wurde", "habe": finite although they end in -e
    return len(v) >= 3 and v.isalpha() and v.islower() and not (v.endswith("e") and not v.endswith("te")) \
        and _finite_singular(v, de_lexicon())


@lru_cache(maxsize=65536)
def _subject_word(w: str) -> bool:
    """A capitalised word that, alone as a clause's subject without an article, is a name: no dictionary
    knows it (and it is no compound of known words, no English word) or the German dictionary knows it
    only as a name (Stalin, Heidegger); no role noun, no noun ending ("-ung", "-ismus")."""
    cap = cap_lexicon("de")
    if cap is None or len(w) < 3 or not w.isalpha() or not w[1:].islower() or not _surname_ok(w) or w.lower() in cap.stop:
        return False
    if w in de_weak_surnames():
        return True  # a surname that is an English word ("Brewer", "Fletcher"): as a German subject with no article, the name
    if _known_lower(w, "de") or _known(w.lower(), "en") or w.lower().endswith(cap.noun_suffixes):
        return False
    if _known(w, "de"):
        # known only as a name and listed as one, not a noun without a plural that looks like a name (Geduld, Wut)
        ok = w in _name_like("de") and (w in de_surnames() or fold(w) in de_given_names())
    else:
        ok = not _real_compound(w) and not any(_foreign_word(w, f) for f in cap.foreign)
    return ok and not _cue_word(w)


@lru_cache(maxsize=1)
def _subject_rx() -> re.Pattern:
    """A capitalised word right after a subordinating conjunction and before a lower-case word; the
    capital first (the regex skips to capitals), one fixed-width lookbehind per conjunction length."""
    by_len: dict[int, list[str]] = {}
    for c in sorted(_subject_conjunctions()):
        by_len.setdefault(len(c), []).append(re.escape(c))
    looks = "|".join(r"(?<=(?<![\w-])(?:" + "|".join(cs) + r") .)" for _n, cs in sorted(by_len.items()))
    return re.compile(r"[A-ZÄÖÜ](?:" + looks + r")[a-zäöüßéèáóíç]+(?=[^\S\n]+[a-zäöüß])")


@lru_cache(maxsize=1)
def subject_needles() -> tuple[str, ...]:
    """Each subordinating conjunction with the blank ``_subject_rx`` reads after it ("dass "), for the document's
    literals (``literals_de.needles``)."""
    return tuple(sorted(c + " " for c in _subject_conjunctions()))


def _subject_matches(text: str) -> list:
    """``list(_subject_rx().finditer(text))``. s15: the pattern tried seven look-behinds at every capital; a match's
    capital follows a conjunction and its blank, so the places of those literals (``doc_literals``, one scan of the
    document shared with the person and place passes) are where ``match`` is tried, in text order. Matches cannot
    overlap (each is a capital and lower-case letters, with a blank before it)."""
    rx = _subject_rx()
    lit = doc_literals(text)
    starts = set()
    for c in subject_needles():
        got = lit.get(c)
        if got:
            k = len(c)
            starts.update(p + k for p in got)
    if not starts:
        return []
    match = rx.match
    return [m for m in map(match, repeat(text), sorted(starts)) if m is not None]


def _subject_names(text: str, out: list, lex: DeLexicon, make: Callable[..., Any], capset: set[str]) -> list:
    """"..., dass Hellwarth den Vertrag kündigt", "ob Wendtland kommt": a lone capitalised word right
    after a subordinating conjunction and before a lower-case word is the clause's subject; with no
    article it is a name when no dictionary knows it as a common noun (``_subject_word``). (After a
    finite verb, "arbeitete Kowalczyk als ...", the inverted-subject pass of ``german_passes`` takes it.)"""
    mask = None
    new = []
    for m in _subject_matches(text):
        s, e = m.span()
        w = m.group(0)
        if not _subject_word(w):
            continue
        if mask is None:
            mask = bytearray(len(text) + 1)
            for x in out:
                mask[x.start:x.end] = b"\x01" * (x.end - x.start)
        nx = _NEXT_LOWER.match(text, e)
        if mask.find(1, s, e) >= 0 or not nx or _long_word(w):
            continue
        if text[s - 4:s - 1].lower() == "als" and nx.group(1) in lex.articles:
            continue  # "als Urahn der ...": a predicate noun before its genitive
        new.append(make(s, e, "person", w))
        mask[s:e] = b"\x01" * (e - s)
    return out + new if new else out


@lru_cache(maxsize=65536)
def _plain_noun(w: str) -> bool:
    """A German common noun, also in Swiss spelling (no "ß": "Grösse" is "Größe"), that the dictionary
    does not know as a name and that is no listed surname."""
    if "ss" in w and not _known(w, "de"):
        w2 = w.replace("ss", "ß")
        return _known(w2, "de") and w2 not in _name_like("de") and not _known_lower(w2, "de")
    return _known(w, "de") and w not in _name_like("de") and not de_town_like(w) and w not in de_surnames()


def _noun_persons(text: str, out: list, cued: set[int], given: frozenset[str]) -> list:
    """A single word the capitalised-names stage typed a person with no cue of a German pass is a
    common noun when the dictionary knows it as one and its fold is all that made it a given name
    ("Völker" is folded "Volker") or it is the Swiss spelling of one ("Grösse")."""
    res = None
    for m in out:
        if m.kind != "cap" or m.etype != "person" or id(m) in cued:
            continue
        w = text[m.start:m.end]
        if " " in w or "-" in w or not w.isalpha():
            continue
        if not (("ss" in w and _plain_noun(w)) or (not w.isascii() and fold(w) in given and _plain_noun(w))):
            continue
        if res is None:
            res = list(out)
        res = [x for x in res if x is not m]
    return out if res is None else res
