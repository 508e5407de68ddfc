"""What the linker's parts share: the mention record, word-class helpers, the per-language
mention lexicon and the ending sets of each language."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable

import yaml

from communique.kb import KnowledgeBase
from communique.kb.build import is_common_word
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic, transliterate

log = logging.getLogger(__name__)

LANG_DIR = Path(__file__).resolve().parent.parent / "data" / "lang"

# allowed endings after a name, by script/language (folded text)
# case endings after a name as written in the knowledge base; no "о": no case form of a name adds it, and it
# made "Амано" (Yukiya Amano) a form of "Аман" (Amman) (s15)
RU_NOUN = frozenset("а я у ю е и ы ом ем ём ой ей ою ею ью ам ям ами ями ах ях ов ев ым им".split())
RU_ADJ = frozenset("ий ый ой ая яя ое ее ого его ому ему ым им ом ем ую юю ые ие ых их ыми ими".split())
RU_STEM = frozenset("а я у ю е и ы ой ей ою ею ью ом ем ем".split())
DE_END = frozenset(["s", "es", "n", "en", "ns"])  # nouns and names: genitive, weak and plural endings
DE_ADJ = frozenset(["e", "en", "er", "es", "em"])
ROM_END = frozenset(["s", "es"])
EN_END = frozenset(["s", "es"])

_PROMINENT = frozenset(["head_of_state", "head_of_government", "foreign_minister", "spokesperson"])
_LETTER = {"en": "e", "de": "d", "fr": "f", "es": "s", "ru": "r"}
# folded articles that begin place names ("La Unión", "El Paso", "Le Havre", "Los Angeles")
_ARTICLES = frozenset("la el le les los las lo l' il der die das the al".split())
TYPE_PRIORITY = {"country": 0, "organization": 1, "group": 1, "person": 2, "place": 3}


@dataclass(slots=True)
class Mention:
    start: int  # offsets in the normalised text
    end: int
    eid: str
    kind: str  # name, acr, adj, dem, sur, flag, title, natasha, coref
    etype: str
    score: float = 1.0
    role: str | None = None  # as written, for new persons
    name: str | None = None  # for new entities
    country: str | None = None
    # where a name follows its descriptor ("партии «Яблоко»", "компании Microsoft"): the span of that whole
    # phrase around the mention's name ("Яблоко", "Microsoft"); None otherwise (mentions/orgs_ru.py)
    phrase_span: tuple[int, int] | None = None
    # a country or place named inside an organisation's name ("России" in "МИД России"): the organisation's
    # entity id (mentions/nested.py); None otherwise
    nested_in: str | None = None


@dataclass
class _Raw:
    start: int
    end: int
    cands: list[tuple[str, str, str]] = field(default_factory=list)


@lru_cache(maxsize=16)
def mentions_data(lang: str) -> dict[str, Any]:
    """``data/lang/<lang>/mentions.yaml``, parsed once per process and shared by every loader of the
    mentions package ({} where the language has none). Read it; do not change it."""
    p = LANG_DIR / lang / "mentions.yaml"
    if not p.exists():
        return {}
    return yaml.safe_load(p.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=64)
def lang_words(lang: str, key: str, folded: bool = False) -> frozenset[str]:
    """A word list of ``data/lang/<lang>/mentions.yaml`` (``key``), lower-cased or, with ``folded``, folded
    (accents and case); empty where the language has none."""
    words = mentions_data(lang).get(key) or ()
    return frozenset(fold(w) if folded else w.lower() for w in words)


def _bounded_alternation(alts: list[str]) -> str:
    r"""``(?<![\w-])(?:a1|a2|...)`` (each ``a`` a regex) written so that the regex engine can skip to
    the alternatives' first letters instead of trying the lookbehind at every position: the
    alternatives grouped by their first letter, in their order, each group the letter, then the
    lookbehind (``(?<![\w-].)``: the same test one character later), then the rests
    (``d(?<![\w-].)(?:er|ie|as)`` for ``der|die|das``). At one position only the alternatives
    starting with its letter can match, and those are tried in the original order: the same
    matches. An alternative that does not start with a plain letter keeps the original form."""
    plain = r"(?<![\w-])(?:" + "|".join(alts) + ")"
    groups: dict[str, list[str]] = {}
    for a in alts:
        if not a or not a[0].isalpha() or a[1:2] in ("*", "+", "?", "{"):
            return plain
        groups.setdefault(a[0], []).append(a[1:])
    return "(?:" + "|".join(re.escape(c) + r"(?<![\w-].)(?:" + "|".join(rests) + ")" for c, rests in groups.items()) + ")"


_RU_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее")


def _ru_role_words(key: str) -> list[tuple[str, str]]:
    """The words of a Russian role phrase, each with how it inflects: "adj" (an adjective before the noun: its ending
    changes), "noun" (the first noun: it takes the case ending), "gen" (a complement after it: as written, an acronym
    may take its own ending)."""
    out = []
    for w in key.split():
        if not any(k == "noun" for _w, k in out):
            out.append((w, "adj" if len(w) > 4 and w.endswith(_RU_ADJ_ENDINGS) else "noun"))
        else:
            out.append((w, "gen"))
    return out


def _ru_inflected(key: str) -> str:
    """A Russian role phrase as a pattern of its case forms: the noun takes the ending, an adjective before it changes
    its own, the genitive complement after it does not but for an acronym's ending ("министр иностранных дел":
    "министром иностранных дел"; "глава МИД": "главой МИД", "глава МИДа"; "официальный представитель":
    "официального представителя")."""
    words = _ru_role_words(key)
    parts = []
    for n, (w, kind) in enumerate(words):
        if kind == "adj":
            parts.append(re.escape(w[:-2]) + r"\w{1,4}")
        elif kind == "noun":
            parts.append(re.escape(w)[:-1] + r"\w{0,3}")
        else:
            parts.append(re.escape(w) + (r"\w{0,2}" if n == len(words) - 1 else ""))
    return r"\s+".join(parts)


def ru_coref_key(word: str, keys: Iterable[str]) -> str | None:
    """The role phrase of ``keys`` (folded Russian coref keys) that ``word``, a match of :func:`_ru_inflected`'s
    pattern, is a case form of; the longest where several fit ("министром иностранных дел" is a form of
    "министр иностранных дел", not only of "министр")."""
    ws = word.split()
    best = None
    for k in keys:
        kw = _ru_role_words(k)
        if len(kw) != len(ws) or (best is not None and len(k) <= len(best)):
            continue
        if all(_ru_form_of(w, kword, kind) for w, (kword, kind) in zip(ws, kw)):
            best = k
    return best


def _ru_form_of(w: str, k: str, kind: str) -> bool:
    """``w`` is a form of the phrase word ``k`` as :func:`_ru_inflected`'s pattern takes it."""
    if kind == "adj":
        return w.startswith(k[:-2]) and 1 <= len(w) - len(k) + 2 <= 4
    if kind == "noun":
        return w == k or (w.startswith(k[:-1]) and len(w) - len(k) + 1 <= 3)
    return w == k or (w.startswith(k) and len(w) - len(k) <= 2)


def _literal_starts(literals: list[str]) -> Any:
    """An Aho-Corasick automaton of the literal words every match of a lexicon regex starts with
    (None when a word is empty or there are none): see :func:`lexicon_finditer`."""
    import ahocorasick_rs

    lits = sorted(set(literals))
    if not lits or not all(lits):
        return None
    return ahocorasick_rs.AhoCorasick(lits, matchkind=ahocorasick_rs.MatchKind.Standard)


def lexicon_finditer(lex: dict[str, Any], key: str, text: str) -> Any:
    """``lex[key].finditer(text)``, the same matches: every match of the regex starts with one of its
    literal words (``lex[key + "_starts"]``, an automaton that finds all their occurrences, overlapping
    ones included, in one pass in Rust), so the regex is tried only there, left to right, each try
    after the end of the previous match, as ``finditer`` goes (its lookbehind still sees the text
    before the position). Without the automaton, ``finditer`` itself."""
    rx = lex[key]
    ac = lex.get(key + "_starts")
    if ac is None:
        return rx.finditer(text)
    return _finditer_at(rx, sorted({s for _i, s, _e in ac.find_matches_as_indexes(text, overlapping=True)}), text)


def coref_finditer(lex: dict[str, Any], key: str, ft: str) -> Any:
    """``lex[key].finditer(ft)`` (``coref_re`` or ``coref_adj_re`` of a language with articles), the same matches: a
    match is an article, blanks, (``coref_adj_re``: a word of letters and blanks,) then a role noun, so its start
    lies a few characters before the blanks that precede an occurrence of a role noun (``lex["coref_words"]``, found
    with ``str.find``); the walk back over those blanks (and the word) is the regex's own (``\\s+`` and
    ``[^\\W\\d_]+`` take whole runs, each ended by a character of the other kind), and the regex is matched at every
    position an article could start there, left to right, each try after the end of the previous match, as ``finditer``
    goes (s15, spdcore: the Spanish articles "el", "la" are everywhere, the role nouns rare;
    tests/mentions/test_spdcore_s15.py). Without the words, ``finditer`` itself."""
    rx = lex[key]
    words = lex.get("coref_words")
    if not words:
        return rx.finditer(ft)
    adjective = key == "coref_adj_re"
    width = lex["article_len"]
    starts: set[int] = set()
    find = ft.find
    for w in words:
        c = find(w)
        while c >= 0:
            j = c
            while j > 0 and ft[j - 1].isspace():
                j -= 1
            if j < c and adjective:
                k = j
                while k > 0 and ft[k - 1].isalnum() and not ft[k - 1].isdecimal():
                    k -= 1
                i = k
                while i > 0 and ft[i - 1].isspace():
                    i -= 1
                j = i if k < j and i < k else c
            if j < c:
                starts.update(range(max(0, j - width), j))
            c = find(w, c + 1)
    return _finditer_at(rx, sorted(starts), ft)


def lexicon_finditer_in(lex: dict[str, Any], key: str, text: str, pos: int, endpos: int) -> Any:
    """``lex[key].finditer(text, pos, endpos)``, the same matches, tried only where the regex's literal words occur
    in ``text[pos:endpos]`` (a match lies in that window, its first word too), as :func:`lexicon_finditer` does for
    the whole text (s15, spdcore: the title before a name, looked for in the 60 characters before it)."""
    rx = lex[key]
    ac = lex.get(key + "_starts")
    if ac is None:
        return rx.finditer(text, pos, endpos)
    return _finditer_at(rx, sorted({pos + s for _i, s, _e in ac.find_matches_as_indexes(text[pos:endpos], overlapping=True)}),
                        text, endpos)


def _no_extensions(words: list[str]) -> list[str]:
    """``words`` less each that begins with another of them ("ministerin", "ministerprasident" after "minister"): an
    occurrence of such a word is one of the other at the same place, and :func:`coref_finditer` asks only where the
    occurrences start (s20, cap20: 9 of the 15 German role nouns looked for)."""
    return [w for w in words if not any(w != v and w.startswith(v) for v in words)]


def _finditer_at(rx: re.Pattern, starts: list[int], text: str, endpos: int | None = None) -> Any:
    end = 0
    match = rx.match
    if endpos is None:
        endpos = len(text)
    for p in starts:
        if p < end:
            continue
        m = match(text, p, endpos)
        if m is not None:
            yield m
            end = m.end()


@lru_cache(maxsize=8)
def lang_lexicon(lang: str) -> dict[str, Any]:
    p = LANG_DIR / lang / "mentions.yaml"
    if not p.exists():
        return {"titles": [], "coref": {}, "articles": []}
    data = mentions_data(lang)
    titles = sorted({str(t) for t in data.get("titles") or []}, key=len, reverse=True)
    coref = {str(k): str(v) for k, v in (data.get("coref") or {}).items()}
    arts = [str(a) for a in data.get("articles") or []]
    if lang == "ru":
        title_re = re.compile(_bounded_alternation([re.escape(t.lower())[:-1] + r"\w{0,3}" if len(t) > 5 else re.escape(t.lower()) for t in titles]) + r"(?![\w-])")
    else:
        title_re = re.compile(_bounded_alternation([re.escape(fold(t)) for t in titles]) + r"(?![\w-])")
    if lang == "ru":
        coref_re = re.compile("(" + _bounded_alternation([_ru_inflected(fold(k)) for k in sorted(coref, key=len, reverse=True)]) + r")(?![\w-])")
    elif arts:
        coref_re = re.compile(_bounded_alternation(list(map(re.escape, arts))) + r"\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])")
    else:
        coref_re = None
    coref_adj_re = None
    if arts and lang != "ru":
        coref_adj_re = re.compile(_bounded_alternation(list(map(re.escape, arts))) + r"\s+([^\W\d_]+)\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])")
    heads = [str(h) for h in data.get("org_heads") or []]
    words = [str(w) for w in data.get("org_words") or []]
    org_re = None
    if heads:
        org_re = re.compile(
            _bounded_alternation(list(map(re.escape, sorted(heads, key=len, reverse=True))))
            + r"(?:(?:\s+(?:de|del|de la|de los|de las|para|por|pro|y|für|der|des|von|vom|zur|zum|of|the|for|and|de l'|du|pour|et|d')\s*)?"
            r"\s*[^\W\d_a-zà-ÿ][\w'’.&-]*)+")
    if words and lang == "ru":
        words_re = re.compile(r"(?<![\w-])(?:" + "|".join(
            # "мэрия" -> мэрии/мэрию (the bare stem "Мэри" is a name, not a form of it)
            re.escape(w[:-1]) + (r"\w{1,3}" if w[-1] in "ая" else r"\w{0,3}") if w[-1] in "оаяь" and w.islower() else re.escape(w) + r"\w{0,2}"
            for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
    elif words:
        words_re = re.compile(_bounded_alternation(list(map(re.escape, sorted(words, key=len, reverse=True)))) + r"(?![\w-])")
    else:
        words_re = None
    # the literal words the matches start with (a title's regex is its word, in Russian less the last letter)
    if lang == "ru":
        title_lits = [t.lower()[:-1] if len(t) > 5 else t.lower() for t in titles]
        title_ok = all(t[-1:].isalnum() for t in titles)  # re.escape(t)[:-1] drops a letter, not an escape
    else:
        title_lits, title_ok = [fold(t) for t in titles], True
    return {"titles": titles, "title_re": title_re, "coref": {fold(k): v for k, v in coref.items()}, "coref_re": coref_re, "coref_adj_re": coref_adj_re,
            # s15: the role nouns every match of coref_re (with articles) / coref_adj_re ends with, and the longest
            # article (coref_finditer: the patterns tried only where a role noun stands)
            "coref_words": _no_extensions(sorted({fold(k) for k in coref})) if arts and lang != "ru" else None,
            "article_len": max(map(len, arts), default=0),
            "org_re": org_re, "org_words_re": words_re,
            "title_re_starts": _literal_starts(title_lits) if title_ok else None,
            "org_re_starts": _literal_starts(heads) if heads else None,
            "org_words_re_starts": _literal_starts(words) if words and lang != "ru" else None}


def latin1_members(cls: str) -> str:
    """The characters below 256 that the one-character regex ``cls`` matches, as ``\\xHH`` escapes for a class.

    s12 round three: a class such as ``[\\w'’-]`` or ``[^\\W\\d_]`` is tested by the engine item by item, and a
    Unicode category (``\\w``, ``\\d``) costs a lookup in the character database for every character it is
    asked about; the same class with its Latin-1 members spelt out first (``[<members>'’\\-\\w]``: the same set)
    answers those from a bitmap. A class that must exclude wider characters takes all of them and checks the
    one it took with a lookbehind (``[<members>\\u0100-\\U0010ffff](?<=[^\\W\\d_])``)."""
    rx = re.compile(cls)
    return "".join(f"\\x{c:02x}" for c in range(256) if rx.fullmatch(chr(c)))


# capital first, then the lookbehind (one character later): the regex engine skips to the capitals
# instead of trying the lookbehind at every position; the same matches
# a capitalised token: formerly [^\W\d_a-zа-яё](?<![\w'’-].)[\w'’-]*, the same matches (tests/mentions/test_despeed3_*):
# the Latin-1 capitals and every wider character but the Cyrillic lower case taken by bitmap, the one taken checked
# behind; the token's run with its Latin-1 members spelt out (12 % fewer instructions of this scan)
_CAPTOK = re.compile("[" + latin1_members(r"[^\W\d_a-zа-яё]") + "\u0100-\u042f\u0450\u0452-\U0010ffff]"
                     r"(?<![\w'’-].)(?<=[^\W\d_a-zа-яё])[" + latin1_members(r"[\w'’-]") + r"'’\-\w]*")
# s19 (cap19): the last document's _CAPTOK spans, which PersonRules._given_name_persons and cap_names both need
_CAPTOK_LAST: list[Any] = [None, []]  # [the text (held, so its identity cannot be reused), its spans]


def captok_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _CAPTOK.finditer(text)]``, made once for the last text (the same str object); the
    caller must not change the list. One list of the last document is kept (some 8,000 pairs for 150,000
    characters of German)."""
    if _CAPTOK_LAST[0] is not text:
        _CAPTOK_LAST[1] = list(map(re.Match.span, _CAPTOK.finditer(text)))
        _CAPTOK_LAST[0] = text
    return _CAPTOK_LAST[1]


_NAME_GAP = re.compile(r"[^\S\n]+|[^\S\n]+(?:de|del|de la|de los|de las|da|das|do|dos|di|du|van|von|der|van der|von der|le|la|bin|al|el|ibn)[^\S\n]+")
_INITIALS_NAME = re.compile(r"[A-ZА-ЯЁ](?<![\w.].)\.[^\S\n]?(?:[A-ZА-ЯЁ]\.[^\S\n]?)?([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)(?![\w-])")
# (?<![\w'’-])[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:ez|és|áez)(?![\w'’-]) | (?<![\w'’-])[A-Z][a-z]{2,}(?:ow|...)(?![\w'’-]),
# written with the capital first (the same matches, 3x faster: the engine skips to capitals)
_SURNAME_ENDS_ES = ("ez", "és", "áez")
_SURNAME_ENDS = ("ow", "owa", "ew", "ewa", "ov", "ova", "ev", "eva", "sky", "ski", "ska", "skaja", "skij", "enko", "tschuk", "chuk",
                 "vich", "witsch", "wicz", "schenko")


def _ends_behind(ends: tuple[str, ...], letter: str) -> str:
    """``(?<=L{2}(?:e1|e2))|...``: one fixed-width look-behind per ending length (two letters before the ending)."""
    return "|".join(f"(?<={letter}{{2}}(?:{'|'.join(e for e in ends if len(e) == n)}))" for n in sorted({len(e) for e in ends}))


# s10: the capital first (the engine skips to capitals); s11 round two: the word's lower-case run taken whole
# (possessive: a match ends where the word ends) and its ending looked at behind, instead of backtracking over
# every shorter run with each ending; the same matches as the old
#   [A-ZÁÉÍÓÚÑ](?<![\w'’-].)(?:(?<=[A-ZÁÉÍÓÚÑ])[a-záéíóúñ]{2,}(?:ez|és|áez)(?![\w'’-])
#                            |(?<=[A-Z])[a-z]{2,}(?:ow|owa|...|schenko)(?![\w'’-]))
# s13 (spdcore): the last letter tested against the endings' last letters first (one look-behind: most words end
# otherwise, and the look-behinds per ending length are not tried); the same matches (tests/mentions/test_spdcore_*)
def _last_letters(ends: tuple[str, ...]) -> str:
    return "".join(sorted({re.escape(e[-1]) for e in ends}))


_SURNAME_SHAPE = re.compile(
    r"[A-ZÁÉÍÓÚÑ](?<![\w'’-].)(?:"
    r"(?<=[A-ZÁÉÍÓÚÑ])[a-záéíóúñ]{4,}+(?![\w'’-])(?<=[" + _last_letters(_SURNAME_ENDS_ES) + "])(?:"
    + _ends_behind(_SURNAME_ENDS_ES, "[a-záéíóúñ]") + ")"
    r"|(?<=[A-Z])[a-z]{4,}+(?![\w'’-])(?<=[" + _last_letters(_SURNAME_ENDS) + "])(?:" + _ends_behind(_SURNAME_ENDS, "[a-z]") + "))")
# s14 (spdkb): every match of _SURNAME_SHAPE is a word whose lower-case run holds one of these strings (each
# ending of _SURNAME_ENDS and _SURNAME_ENDS_ES contains one); str.find finds them, and the regex is tried only
# at the capital that opens such a run
_SHAPE_PARTS = ("ow", "ew", "ov", "ev", "sk", "enko", "chuk", "vich", "witsch", "wicz", "ez", "és")
_SHAPE_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzáéíóúñ")  # the lower-case runs of both branches
_SHAPE_CAPS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑ")


def surname_shapes(text: str) -> list[re.Match]:
    """``list(_SURNAME_SHAPE.finditer(text))``, without the whole-text scan: a match is a capital, a lower-case
    run and one of the endings, so its start is the capital before the run around an occurrence of one of
    ``_SHAPE_PARTS``; the regex is matched there, left to right, each try after the end of the previous match,
    as ``finditer`` goes (tests/mentions/test_spdkb_scans.py)."""
    starts = set()
    find = text.find
    for part in _SHAPE_PARTS:
        i = find(part)
        while i >= 0:
            k = i
            while k > 0 and text[k - 1] in _SHAPE_LOWER:
                k -= 1
            if k > 0 and text[k - 1] in _SHAPE_CAPS:
                starts.add(k - 1)
            i = find(part, i + 1)
    out: list[re.Match] = []
    end = 0
    match = _SURNAME_SHAPE.match
    for c in sorted(starts):
        if c >= end and (m := match(text, c)) is not None:
            out.append(m)
            end = m.end()
    return out


_NER_STOP = frozenset(["СМИ", "COVID-19", "КОВИД-19"])
_ACRONYM = re.compile(r"[A-ZÁÉÍÓÚÑÄÖÜ](?<![\w-].)[A-ZÁÉÍÓÚÑÄÖÜ]{2,5}(?![\w-])")
_ROMAN = re.compile(r"[IVXLCDM]+")
_ACR_STOP = frozenset("""EUR USD RUB CHF GBP JPY CNY TV OK AM PM CEO CET UTC GMT MEZ MESZ PS NB AD BC CD DVD PC SMS PDF URL ID FM UKW DM
    EURO KM ISBN ISSN DNA DNS RNA HIV AIDS PLZ PMID GNU FCKW NADPH ATP USB HTML HTTP GPS MP3 LED LCD CO2 PKW LKW KFZ
    BIP GDP VAT MWST TNT WWW FAQ API CPU RAM ROM SUV LGBT COVID SARS MERS UFO RIP ASAP DIY NB PS""".split())
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_INITIALS_LEFT = re.compile(r"(?:(?<![\w])[A-ZА-ЯЁ]\.\s?){1,2}$")


def initials_names(text: str) -> list[re.Match]:
    """``list(_INITIALS_NAME.finditer(text))``, without the whole-text scan: every match opens with a capital
    followed by a period, so the regex is matched only at the capitals before the text's periods, left to
    right, each try after the end of the previous match (s14, spdkb; tests/mentions/test_spdkb_scans.py)."""
    out: list[re.Match] = []
    end = 0
    match = _INITIALS_NAME.match
    find = text.find
    p = find(".", 1)
    while p >= 0:
        c = p - 1
        if c >= end and ("A" <= (ch := text[c]) <= "Z" or "А" <= ch <= "Я" or ch == "Ё") \
                and (m := match(text, c)) is not None:
            out.append(m)
            end = m.end()
        p = find(".", p + 1)
    return out


_START_END = attrgetter("start", "end")  # (m.start, m.end)


class _Coverage:
    """The spans already taken, sorted by start: an overlap test looks only at the spans that start
    within the longest span's length before ``s`` (a long document no longer costs a scan per test)."""

    def __init__(self, mentions: list[Mention], skip_kinds: frozenset[str] | set[str] = frozenset()) -> None:
        if skip_kinds:
            self.spans = sorted((m.start, m.end) for m in mentions if m.kind not in skip_kinds)
        else:
            self.spans = sorted(map(_START_END, mentions))
        self.longest = max((b - a for a, b in self.spans), default=0)

    @classmethod
    def of_spans(cls, spans: list[tuple[int, int]]) -> "_Coverage":
        """The coverage of (start, end) pairs (the same as of mentions with those spans)."""
        cov = cls.__new__(cls)
        cov.spans = sorted(spans)
        cov.longest = max((b - a for a, b in cov.spans), default=0)
        return cov

    def overlaps(self, s: int, e: int) -> bool:
        spans = self.spans
        i = bisect.bisect_left(spans, (s - self.longest, -1))
        while i < len(spans) and spans[i][0] < e:
            if spans[i][1] > s:
                return True
            i += 1
        return False

    def add(self, s: int, e: int) -> None:
        bisect.insort(self.spans, (s, e))
        self.longest = max(self.longest, e - s)


def _only_word_of(flags: str, lang: str) -> bool:
    """Known as a word in the document's language but in none of the other Latin-script ones:
    an ordinary word ("Dabei", "Wein"); city names are listed by every lexicon ("Stuttgart")."""
    me = _LETTER.get(lang)
    if not me or me not in flags:
        return False
    if me == "r":
        return True
    return not any(x in flags for x in "edfs" if x != me)


@lru_cache(maxsize=65536)
def _is_given_name(word: str) -> bool:
    """"Павел", "Jackson"? A surname that is also a common given name needs the full name first."""
    if has_cyrillic(word):
        from communique.kb.build import morph_parse

        ps = morph_parse(word)
        # a dictionary word: for an unknown one pymorphy guesses by the ending ("Вадефуля" like "Юля")
        return bool(ps) and "Name" in ps[0].tag and ps[0].is_known
    return False


@lru_cache(maxsize=65536)
def _common_in(word: str, lang: str) -> bool:
    """An ordinary word of the document's language (only that language's lexicon is loaded)."""
    if has_cyrillic(word):
        return is_common_word(word)
    if lang not in _LETTER or lang == "ru":
        lang = "en"
    from communique.kb.wordstore import is_known  # simplemma.is_known from the compact word store (s15)

    return is_known(word.lower(), lang)


@lru_cache(maxsize=65536)
def _lower_word(word: str, lang: str) -> bool:
    """Known to the language's dictionary in lower case only ("dabei"), as written with a capital."""
    from communique.mentions.capnames import _dictionary

    d = _dictionary(lang)
    return word.lower() in d and word not in d


def _de_function_word(word: str) -> bool:
    """"Den Sprint", "Die": a German article or pronoun is no given name."""
    from communique.mentions.capnames import cap_lexicon

    lex = cap_lexicon("de")
    return lex is not None and word.lower() in lex.stop


def _german_name_like(word: str) -> bool:
    from communique.mentions.capnames import _name_like

    return word in _name_like("de")


def _after_place_prep(text: str, s: int, lang: str) -> bool:
    """"in Bayreuth", "en Mérida": a place preposition right before (German dictionaries list town names)."""
    from communique.mentions.capnames import cap_lexicon

    lex = cap_lexicon(lang)
    preps = lex.loc_preps if lex is not None else lang_words(lang, "place_preps")  # Russian has no cap lexicon
    if not preps:
        return False
    # ``re.search(r"([^\W\d_]+)[^\S\n]+$", text[max(0, s - 20):s])``'s word, lower-cased, among the prepositions
    return _word_before_in(text, s, preps, _longest(preps))


@lru_cache(maxsize=16)
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _sentence_initial(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t\"'«„“(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:…"


def _immediately_after(text: str, title_end: int, s: int) -> bool:
    return bool(re.fullmatch(r"\s*,?\s*", text[title_end:s]))


@lru_cache(maxsize=4096)
def _is_title_word(word: str, lang: str) -> bool:
    fw = fold(word)
    lex = lang_lexicon(lang)
    return bool(lex["title_re"].fullmatch(fw)) if lex.get("title_re") is not None else False


@lru_cache(maxsize=65536)
def _is_name_like(word: str) -> bool:
    if has_cyrillic(word):
        from communique.kb.build import morph_parse

        return any(("Name" in p.tag or "Surn" in p.tag) and p.score > 0.2 for p in morph_parse(word))
    return False


@lru_cache(maxsize=1)
def latin_given_names() -> frozenset[str]:
    """The folded given names of ``kb/data/first_names.txt`` (Latin script: "maria", "elena", "olena")."""
    p = Path(__file__).resolve().parent.parent / "kb" / "data" / "first_names.txt"
    return frozenset(fold(w) for line in p.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
                     for w in line.split())


@lru_cache(maxsize=1)
def _given_to_english() -> dict[str, str]:
    """Folded German/French/Spanish spellings of Russian given names -> the English spelling."""
    from communique.kb.translit import variants

    out: dict[str, str] = {}
    p = LANG_DIR / "ru" / "mentions_given_names.txt"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            for w in line.split():
                en = transliterate(w, "en")
                for v in variants(w):
                    out.setdefault(fold(v), en)
    return out


# s20: a Korean, Vietnamese or Chinese name written in Cyrillic, three short capitalised syllables ("Чо Тэ Ёль", "Син Хон
# Чхоль"): its syllables may be Russian words ("чо", "син"), which the title rule does not take for a name otherwise,
# and it does not decline (no nominative is looked for)
SYLLABLE_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{1,4}(?: [А-ЯЁ][а-яё]{1,4}){2}(?![\w-])")


def _english_name(surface: str, lang: str, person: bool = True) -> str:
    s = " ".join(surface.split())
    if person and not has_cyrillic(s):
        toks = s.split()
        if len(toks) >= 2:
            f0 = fold(toks[0])
            en = _given_to_english().get(f0) if f0 not in lang_words("ru", "given_names_shared", folded=True) else None
            if en:
                toks[0] = en
            return " ".join(toks)
    if has_cyrillic(s):
        if person and not SYLLABLE_NAME.fullmatch(s):
            s = " ".join(_nominative_name_tokens(s.split()))
        s = transliterate(s, "en")
    return s


def _nominative_name_tokens(words: list[str]) -> list[str]:
    """A Russian name's words in the nominative singular ("Сергея Иванова" -> Сергей Иванов, "Анну Петрову" ->
    Анна Петрова, "Вулиным" -> Вулин): each word's name reading (given name, surname, patronymic) of the gender
    and a case of the given name, where there is one; a word without a name reading stays as written."""
    from communique.kb.build import morph_parse

    named = [[p for p in morph_parse(t) if "Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag] for t in words]
    if len(words) == 1 and any("nomn" in p.tag and "sing" in p.tag for p in named[0]):
        return [_cap_word(words[0])]  # "Вулин": a surname as written, not the plural of a given name "Вулина"
    given = next((p for ps in named for p in ps if "Name" in p.tag), None) if len(words) > 1 else None
    gender = given.tag.gender if given is not None else None
    cases = {p.tag.case for ps in named for p in ps if "Name" in p.tag and p.tag.gender == gender} if gender else set()
    out = []
    for t, ps in zip(words, named):
        fit = [p for p in ps if (gender is None or p.tag.gender in (gender, None) or "Fixd" in p.tag)
               and (not cases or p.tag.case in cases)] or ps
        if not fit:
            w = t
        elif "nomn" in fit[0].tag and "sing" in fit[0].tag:
            w = t  # already the nominative singular
        else:
            nf = fit[0].inflect({"nomn", "sing"}) or fit[0].inflect({"nomn"}) or fit[0]
            w = nf.word
        out.append(_cap_word(w))
    return out


def _cap_word(w: str) -> str:
    return w[:1].upper() + w[1:].lower() if w.islower() or w.isupper() else w


def _role_country(kb: KnowledgeBase, mentions: list[Mention], rs: int, re_: int) -> str | None:
    for m in mentions:
        if rs <= m.start and m.end <= re_:
            e = kb.entities.get(m.eid)
            if e and e.get("country"):
                return e["country"]
    return None


def _trail_end(text: str, lo: int, s: int) -> int:
    """Where ``$`` stands in ``text[lo:s]``: before a final newline, else at the end."""
    return s - 1 if s > lo and text[s - 1] == "\n" else s


def _word_before_span(text: str, s: int, width: int = 20) -> tuple[int, int, int] | None:
    r"""``re.search(r"([^\W\d_]+)[^\S\n]+$", text[max(0, s - width):s])`` without a regex search from
    every position: (start of the word, its end, end of the match) in ``text``, or None."""
    lo = max(0, s - width)
    j = end = _trail_end(text, lo, s)
    while j > lo and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    if j == end:
        return None
    k = j
    while k > lo and text[k - 1].isalnum() and not text[k - 1].isdecimal():
        k -= 1
    return (k, j, end) if k < j else None


# every character that ``str.isspace`` takes but the newline (all of them lie below U+3001;
# tests/mentions/test_despeed_oracles.py checks the whole range)
_HSPACE_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 10)
_TAIL_LETTERS = re.compile(r"[^\W\d_]*\Z")  # searched from a position: the letters (str.isalnum, not decimal) that end the string


def _word_before_in(text: str, s: int, words: frozenset[str], longest: int, width: int = 20) -> bool:
    """``(w := _word_before(text, s, width)) is not None and w.lower() in words``, where no word of ``words``
    is longer than ``longest``: the walk back over the word stops after ``longest + 1`` letters (a longer
    word is none of them: ``str.lower`` never shortens a word)."""
    lo = max(0, s - width)
    seg = text[lo:s - 1 if s > lo and text[s - 1] == "\n" else s]  # (_trail_end, inlined)
    head = seg.rstrip(_HSPACE_CHARS)  # the walk back over the spaces (no newline)
    n = len(head)
    if n == len(seg):
        return False
    # the letters ending ``head`` (no more than longest + 1 of them: a longer word is none of ``words``); s14 (spdkb):
    # the answer depends on those last longest + 1 characters and ``words`` alone (the pattern has no lookbehind),
    # so it is remembered by them (a few thousand keys: the ends of the words before capitalised runs)
    key = (head[n - longest - 1:] if n > longest + 1 else head, words)
    hit = _TAIL_MEMO.get(key)
    if hit is None:
        if len(_TAIL_MEMO) >= 65_536:
            _TAIL_MEMO.clear()
        hit = _TAIL_MEMO[key] = _TAIL_LETTERS.search(key[0]).group().lower() in words
    return hit


_TAIL_MEMO: dict[tuple[str, frozenset[str]], bool] = {}


def _word_before(text: str, s: int, width: int = 20) -> str | None:
    r"""The word before ``s`` (group 1 of :func:`_word_before_span`'s regex), or None."""
    hit = _word_before_span(text, s, width)
    return text[hit[0]:hit[1]] if hit else None


_SURNAME_ENDINGS = ("ым", "ом", "ой", "ою", "ому", "ого", "ей", "ем", "а", "у", "е", "ы", "и", "s", "'")


def _wordish(text: str, i: int) -> bool:
    r"""``text[i]`` exists and is ``[\w-]``."""
    if i >= len(text):
        return False
    c = text[i]
    return c.isalnum() or c == "_" or c == "-"


def all_starts(text: str, words: Iterable[str]) -> set[int]:
    """Every position where one of ``words`` occurs in ``text`` (overlaps included), found with ``str.find``."""
    starts: set[int] = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            starts.add(i)
            i = text.find(w, i + 1)
    return starts


def find_surnames(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    r"""(start, end, name) of what ``re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) +
    r")(ым|ом|ой|ою|ому|ого|ей|ем|а|у|е|ы|и|s|')?(?![\w-])").finditer(text)`` finds, in the same order,
    without compiling a regex per document (a surname, a Russian case ending or a genitive -s)."""
    starts = all_starts(text, names)
    out: list[tuple[int, int, str]] = []
    done = 0
    for p in sorted(starts):
        if p < done or (p > 0 and _wordish(text, p - 1)):
            continue
        for name in names:
            if not text.startswith(name, p):
                continue
            q = p + len(name)
            end = None
            for suf in _SURNAME_ENDINGS:
                if text.startswith(suf, q) and not _wordish(text, q + len(suf)):
                    end = q + len(suf)
                    break
            if end is None and not _wordish(text, q):
                end = q
            if end is not None:
                out.append((p, end, name))
                done = end
                break
    return out


_REVERSED: list[str] = ["", ""]  # the last text reversed, and its reverse (held: its identity is the key)


def reversed_text(text: str) -> str:
    """``text[::-1]``, made once per document: the German passes read the word before a position as one match in
    the reversed text instead of walking back character by character (s13, s14)."""
    rev = _REVERSED
    if rev[0] is not text:
        rev[0] = text
        rev[1] = text[::-1]
    return rev[1]


def token_before(text: str, s: int, rev_rx: re.Pattern) -> tuple[str, int]:
    """The token right before ``s`` and its start, read by ``rev_rx`` in the reversed text at ``s`` (blanks, then
    the token as group 1; an empty token where there is none)."""
    n = len(text)
    m = rev_rx.match(reversed_text(text), n - s)
    i = n - m.end(1)
    return text[i:n - m.start(1)], i
