"""Names the knowledge base does not know, found by their capitals (German and Spanish).

A run of capitalised tokens (joined by name connectors such as "de la", "von", "van der") is a
name candidate when its tokens are not ordinary words of the language: in German every noun is
capitalised, so a token counts only if simplemma's German dictionary does not know it; in Spanish
a capital inside a sentence is enough, and a sentence-initial token must be unknown as a
lower-case word. The candidate is typed by evidence, in this order: organisation heads and
suffixes (Universidad ..., ... AG), place heads (Palacio ..., Schloss ...), the cue word before
it (Trainer X, la empresa X, la localidad de X), a given name, a place preposition before a
single token (in X, en X); otherwise a run of two or more tokens is a person and a single token
takes the type the document gave the same name (a surname of a person already named, an
organisation named in full) or, failing that, the language's default.

The cue words and heads are data: ``capnames`` in ``data/lang/<iso>/mentions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from communique.kb.build import slug
from communique.kb.fold import fold
from communique.mentions.common import _finditer_at, all_starts, captok_spans, latin1_members, mentions_data

_ROMAN = re.compile(r"[IVXLCDM]+")  # a Roman numeral ("la XVI cumbre") is no name
# a token: formerly [^\W\d_][\w'’-]*[\w]|[^\W\d_] (and not [^\W\d_](?:[\w'’-]*\w)?: the same matches, 9 % more
# instructions); s12 round three: one letter (the Latin-1 ones by bitmap, a wider character checked behind), the
# run, and a word character behind its end (the engine gives back a trailing ' ’ -): the same matches, the charset
# test first so the engine skips to letters, 15 % fewer instructions (common.latin1_members)
_TOK = re.compile("[" + latin1_members(r"[^\W\d_]") + "\u0100-\U0010ffff]" + r"(?<=[^\W\d_])[" + latin1_members(r"[\w'’-]")
                  + r"'’\-\w]*(?<=[" + latin1_members(r"\w") + r"\w])")
# s19 (cap19): a run of _TOK's characters (the start of a token's run is found by backing up over them), and the
# runs that open with a digit, "_", an apostrophe or a hyphen up to their first letter ("3M", "'Spiegel": a token
# that _CAPTOK, which starts at a run's first character, does not find)
_RUN_CHAR = re.compile(r"[\w'’-]")
_ODD_RUN = re.compile("[" + latin1_members(r"[\d_'’-]") + "\u0100-\U0010ffff]" + r"(?<=[\d_'’-])(?<![\w'’-].)[\d_'’-]*+(?=[^\W\d_])")
# For a text of Latin-1 characters, _ODD_RUN on its bytes with each digit, "_", apostrophe and hyphen made "0", each
# other word character "a" and the rest " ": a run of "0" after no "0" or "a", before an "a". The pattern then starts
# with a literal, which the engine looks for byte by byte, where it asks a class of every character (German: 8.6 M
# instead of 12.9 M instructions; Spanish: 3.5 M instead of 13.1 M)
_RUN_CLASSES = bytes(48 if re.fullmatch(r"[\d_'’-]", chr(c)) else 97 if re.fullmatch(r"\w", chr(c)) else 32 for c in range(256))
_ODD_RUN_CLASSES = re.compile(rb"0(?<![0a]0)0*+(?=a)")
_HSPACE = re.compile(r"[^\S\n]+")
_DOT_GAP = re.compile(r"\.[^\S\n]*")
_PREV_TOKENS = re.compile(r"[^\W\d_][\w'’-]*|[,.;:()\"]")
# s16 (cap16): the same matches as _PREV_TOKENS, written to start with one character set (the engine then skips to
# its members; an alternation made it try both branches at every position) with the Latin-1 letters by bitmap as
# _TOK: a punctuation character alone, or a letter (a wider character checked behind) and its run
_PREV_TOKENS_FAST = re.compile("[" + latin1_members(r"[^\W\d_]") + ",.;:()\"\u0100-\U0010ffff]"
                               + r"(?:(?<=[,.;:()\"])|(?<=[^\W\d_])[" + latin1_members(r"[\w'’-]") + r"'’\-\w]*)")
_DATELINE_END = re.compile(r"[^\S\n]*[.,][^\S\n]*(?:\n|$|\d{1,2}[^\S\n]+\w+[^\S\n]+\()")  # "Badajoz ." then the text
_DATELINE_START = re.compile(r"[\d\s:.,h-]*")
# s14 (spdcap2): the patterns formerly given to re.match / re.search as strings (a lookup in re's cache per call)
_ABBREV_DOT = re.compile(r"\.\w")
_WORD_BEFORE = re.compile(r"(\w+)[^\S\n]+$")
_NEXT_WORD = re.compile(r"\S+\s+")
_ADJ_FIRST = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es|em)\s")
_SCHE_END = re.compile(r"(?:sche|schen|scher|sches|schem)$")


@lru_cache(maxsize=32)
def _rx(pattern: str) -> re.Pattern:
    """A lexicon's pattern (``cue_skip``, ``surname_shape``), compiled once."""
    return re.compile(pattern)


@dataclass(frozen=True)
class CapLexicon:
    connectors: frozenset[str]
    org_heads: frozenset[str]
    org_suffixes: frozenset[str]
    loc_heads: frozenset[str]
    per_cues: frozenset[str]
    org_cues: frozenset[str]
    loc_cues: frozenset[str]
    loc_preps: frozenset[str]
    stop: frozenset[str]
    articles: frozenset[str]
    noun_suffixes: tuple[str, ...]  # German: endings of common nouns (-ung, -heit, -schaft)
    article_single: str | None  # the type of a lone unknown name after an article (None: not a name)
    surname_particles: frozenset[str]  # "de la", "del": a capitalised one starts a surname
    surname_shape: str | None  # regex of a surname that may head "X de Y" (López de Arriortúa)
    club_articles: frozenset[str]  # an article before a town makes it a club (Spanish "el Barcelona")
    org_endings: tuple[str, ...]  # German: a noun ending so ("Staatsministerium", "Zeitung") heads an organisation
    org_prefixes: tuple[str, ...]  # "Bundesjustizministerium": a compound with such a prefix and ending is one
    place_suffixes: tuple[str, ...]
    foreign: tuple[str, ...]  # other languages' dictionaries: their common words ("Chapter", "Keep") are no names
    single_default: str | None
    repeated_single: int  # a lone unknown name seen this many times is an organisation (0: off)
    single_known_skip: bool  # a lone capitalised ordinary word with no evidence is no name
    common_is_org: bool  # a run with no given name and an ordinary word after its first token is an organisation ("Cruz Roja")
    connector_default: str | None  # a run joined by "de"/"von" with no other evidence ("Feria del Disco")
    strict: bool  # German: a capital is not evidence; the dictionary must not know the token
    cue_skip: str | None = None  # Spanish: adjectives between a cue and a name ("la empresa argentina X")
    org_connectors: frozenset[str] = frozenset()  # Spanish: "Consejo por la Paz": only after an organisation head
    named_after_heads: frozenset[str] = frozenset()  # Spanish: heads of institutions and venues named after a person
    given_names: frozenset[str] = frozenset()  # folded given names of the language beyond kb/data/first_names.txt ("Paco")
    # s14 (spdcap2): the last two letters of every noun / place suffix, or None where a suffix is shorter: a word
    # whose last two letters are not among them ends with none of them (one set lookup before ``str.endswith``
    # over the whole tuple); derived, not compared
    # (s20: the noun and place suffixes' sets gave way to noun_by2 and place_by2 below)
    org_ends2: frozenset[str] | None = field(init=False, compare=False, repr=False, default=None)
    # s15 (spdcap3): the first words of the surname particles ("de", "del") and of the connectors and organisation
    # connectors ("de", "van", "por"): a token whose lower case is not among them starts none of them (no phrase
    # joined and looked up); derived, not compared
    particle_firsts: frozenset[str] = field(init=False, compare=False, repr=False, default=frozenset())
    connector_firsts: frozenset[str] = field(init=False, compare=False, repr=False, default=frozenset())
    # s20 (cap20): the noun / place suffixes by their last two letters (None where a suffix is shorter): a word ends
    # with a suffix only if it ends with one of those filed under its own last two letters (a few ``str.endswith``
    # tests instead of one per suffix); derived, not compared
    noun_by2: dict[str, tuple[str, ...]] | None = field(init=False, compare=False, repr=False, default=None)
    place_by2: dict[str, tuple[str, ...]] | None = field(init=False, compare=False, repr=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "noun_by2", _by2(self.noun_suffixes))
        object.__setattr__(self, "place_by2", _by2(self.place_suffixes))
        object.__setattr__(self, "org_ends2", _ends2(self.org_endings))
        object.__setattr__(self, "particle_firsts", _first_words(self.surname_particles))
        object.__setattr__(self, "connector_firsts", _first_words(self.connectors | self.org_connectors))


def _ends2(suffixes: tuple[str, ...]) -> frozenset[str] | None:
    return frozenset(x[-2:] for x in suffixes) if all(len(x) >= 2 for x in suffixes) else None


def _by2(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The suffixes by their last two letters, each group in the suffixes' order (None where one is shorter)."""
    if not all(len(x) >= 2 for x in suffixes):
        return None
    out: dict[str, tuple[str, ...]] = {}
    for x in suffixes:
        out[x[-2:]] = out.get(x[-2:], ()) + (x,)
    return out


def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of ``phrases`` (lower-case, words joined by one space): ``(a + " " + b).lower()`` is
    among the phrases only if ``a.lower()`` is among these (a token holds no space, and no character's lower
    case is one)."""
    return frozenset(p.split(" ")[0] for p in phrases)


_WITH_GIVEN: dict[tuple[int, int], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


def _with_given(first: frozenset[str], given: frozenset[str]) -> frozenset[str]:
    """``first | given``, made once for the same two sets (held here, so their identity cannot be reused;
    bounded): the union of the knowledge base's thousands of given names was made for every document."""
    hit = _WITH_GIVEN.get((id(first), id(given)))
    if hit is None or hit[0] is not first or hit[1] is not given:
        if len(_WITH_GIVEN) >= 8:
            _WITH_GIVEN.clear()
        hit = _WITH_GIVEN[(id(first), id(given))] = (first, given, first | given)
    return hit[2]


@lru_cache(maxsize=8)
def cap_lexicon(lang: str) -> CapLexicon | None:
    data = mentions_data(lang)
    c = data.get("capnames")
    if not c:
        return None

    def s(key: str, low: bool = True) -> frozenset[str]:
        return frozenset((str(x).lower() if low else str(x)) for x in c.get(key) or [])

    heads = s("org_heads") | frozenset(str(x).lower() for x in data.get("org_heads") or [])
    return CapLexicon(
        connectors=s("connectors"), org_heads=heads, org_suffixes=s("org_suffixes"), loc_heads=s("loc_heads"),
        per_cues=s("per_cues"), org_cues=s("org_cues"), loc_cues=s("loc_cues"), loc_preps=s("loc_preps"),
        stop=s("stop"), articles=s("articles"), org_endings=tuple(s("org_endings")), club_articles=s("club_articles"), surname_particles=s("surname_particles"),
        surname_shape=c.get("surname_shape"), article_single=c.get("article_single"), noun_suffixes=tuple(s("noun_suffixes")), org_prefixes=tuple(s("org_prefixes")), foreign=tuple(str(x) for x in c.get("foreign_dicts") or []), place_suffixes=tuple(sorted(s("place_suffixes"), key=len, reverse=True)), single_default=c.get("single_default"), common_is_org=bool(c.get("common_is_org")), single_known_skip=bool(c.get("single_known_skip")), repeated_single=int(c.get("repeated_single") or 0), connector_default=c.get("connector_default"), strict=bool(c.get("strict")),
        cue_skip=c.get("cue_skip"), org_connectors=s("org_connectors"), named_after_heads=s("named_after_heads"),
        given_names=frozenset(fold(str(x)) for x in c.get("given_names") or []))


@lru_cache(maxsize=8)
def _dictionary(lang: str) -> Any:
    """simplemma's dictionary of ``lang`` (form -> lemma) as the compact word store cached on disk (s15,
    ``communique.kb.wordstore``: the same answers as simplemma's dict, 7 MB for German instead of 107);
    shared with ``wordstore.is_known``."""
    from communique.kb.wordstore import store

    return store(lang)


@lru_cache(maxsize=4)
def _name_like(lang: str) -> frozenset[str]:
    """Capitalised dictionary entries that behave like names: their own lemma, no lower-case
    reading, and no forms but a genitive -s (Merkel/Merkels, Bayreuth) where a noun has plurals and
    cases (Kanton/Kantone/Kantons). Computed once from simplemma's dictionary and cached on disk."""
    import pickle

    import simplemma

    from communique.kb import cache_dir

    path = cache_dir() / f"namelike-{lang}-{getattr(simplemma, '__version__', 'x')}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:
        pass
    d = _dictionary(lang)
    count: dict[str, int] = {}
    for k in d.keys():
        v = d[k]
        count[v] = count.get(v, 0) + 1
    out = set()
    for k, c in count.items():
        if c <= 2 and k[:1].isupper() and d.get(k) == k and k.lower() not in d and (c == 1 or d.get(k + "s") == k):
            out.add(k)
    res = frozenset(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return res


@lru_cache(maxsize=8)
def _contains(lang: str) -> Callable[[str], bool]:
    """``word in _dictionary(lang)``, without simplemma's Mapping layers (``__contains__`` ->
    ``__getitem__`` -> ``_lookup`` -> decoding the value) where the dictionary is its plain
    str-over-bytes view: the same answer, a quarter of the cost (compound tests look up many tails)."""
    raw = _raw_keys(lang)
    if type(raw) is dict:  # simplemma's plain dict (the word store's fallback)
        return lambda word: word.encode() in raw
    if raw is not None:  # the word store's DAWG of forms takes the str itself (utf-8 in C): the same test
        return raw.__contains__
    return _dictionary(lang).__contains__


@lru_cache(maxsize=8)
def _raw_keys(lang: str) -> Any:
    """The container of utf-8 forms behind ``_contains(lang)`` where there is one (``word.encode() in`` it
    is that test): the word store's DAWG of forms (s15), or simplemma's plain dict where the store fell
    back to it; else None."""
    d = _dictionary(lang)
    raw = getattr(d, "raw_keys", None)
    if raw is not None:
        return raw
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString
    except ImportError:
        return None
    raw = getattr(d, "_dict", None)
    return raw if type(d) is MappingStrToByteString and type(raw) is dict else None


_WORDS_WHERE: dict[Any, tuple[set[str], set[str]]] = {}


def words_where(pred: Callable[[str], bool], words: set[str]) -> set[str]:
    """``{w for w in words if pred(w)}`` for a predicate that depends on the word alone (a cached
    word test): the words seen before are answered by two set operations in C, only the new ones
    call ``pred``. Kept per predicate across documents (the predicate object is held as the key, so
    its identity cannot be reused); bounded."""
    hit = _WORDS_WHERE.get(pred)
    if hit is None or len(hit[0]) > 200_000:
        hit = _WORDS_WHERE[pred] = (set(), set())
    seen, yes = hit
    for w in words - seen:
        if pred(w):
            yes.add(w)
        seen.add(w)
    return words & yes


@lru_cache(maxsize=131072)
def _known(word: str, lang: str) -> bool:
    """Known to the dictionary exactly as written."""
    raw = _raw_keys(lang)
    if raw is not None:  # s14: ``_contains(lang)(word)`` without its call
        return word.encode() in raw
    return _contains(lang)(word)


@lru_cache(maxsize=131072)
def _known_lower(word: str, lang: str) -> bool:
    w = word.lower()
    if w == word:
        return False
    raw = _raw_keys(lang)
    if raw is not None:  # s14: ``_contains(lang)(w)`` without its call
        return w.encode() in raw
    return _contains(lang)(w)


_ADJ_ENDS = ("sche", "schen", "scher", "sches", "schem", "ische", "ischen", "ischer")


@lru_cache(maxsize=131072)
def _compound(word: str, lang: str) -> bool:
    """A German compound of known words ("Kraftstoffkosten", "Geflügelzuchtbetrieb") or an
    adjective derived from a name ("Maxwellschen"): an ordinary word, not a name."""
    raw = _raw_keys(lang)
    if raw is not None:  # the same test on the plain dictionary, without a call per tail (s11 round two)
        return _compound_raw(word, raw)
    if _name_adjective(word):
        return True
    has = _contains(lang)
    for k in range(3, len(word) - 3):
        tail = word[k:]
        if has(tail[0].upper() + tail[1:]):
            return True
    return False


def _name_adjective(word: str) -> bool:
    """"Maxwellschen": an adjective in -sche(n) derived from a name (the old regex's "$" read a final newline)."""
    return len(word) > 6 and (word.endswith(_ADJ_ENDS) or word[-1:] == "\n" and word[:-1].endswith(_ADJ_ENDS))


@lru_cache(maxsize=131072)
def _foreign_word(word: str, lang: str) -> bool:
    """A common word of another language: known in lower case, not as a capitalised name."""
    raw = _raw_keys(lang)
    if raw is not None:  # s14: ``_contains(lang)`` without its calls
        return word.lower().encode() in raw and word.encode() not in raw
    has = _contains(lang)
    return has(word.lower()) and not has(word)


def _place_shaped(word: str, lex: CapLexicon) -> bool:
    return _place_low(word.lower(), lex.place_suffixes, lex.place_by2)


@lru_cache(maxsize=8)
def _place_suffix_rx(suffixes: tuple[str, ...]) -> re.Pattern:
    # a suffix with at least three letters before it ("Gerresheim", not "Heim")
    return re.compile("(?<=.{3})(?:" + "|".join(map(re.escape, suffixes)) + ")$")


def _sentence_initial(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t\"'«„“(-¡¿":
        j -= 1
    return j < 0 or text[j] in ".!?\n:…"


def _headline(text: str, s: int) -> bool:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    return _headline_line(text[ls:le if le >= 0 else len(text)])


_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_LOWER_BYTES = _ASCII_LOWER.encode()


@lru_cache(maxsize=4096)
def _headline_line(line: str) -> bool:
    # the cheap exact test first: lower-case ASCII letters are letters and not upper-case, so with
    # 2/5 of the line's characters among them the upper-case share of the letters is at most 0.6
    # (counted in the UTF-8 bytes in one pass: an ASCII letter is one byte there, and no other
    # character's bytes are ASCII; the same count as ``sum(map(line.count, _ASCII_LOWER))``)
    raw = line.encode("utf-8", "surrogatepass")
    if 5 * (len(raw) - len(raw.translate(None, _ASCII_LOWER_BYTES))) >= 2 * len(line):
        return False
    letters = sum(map(str.isalpha, line))
    return letters > 3 and sum(map(str.isupper, line)) / letters > 0.6


@lru_cache(maxsize=131072)
def _strict_nameish(word: str, lang: str) -> bool:
    """German: a capitalised token is a name only if the dictionary does not know it as a word
    (the result depends on the word alone, so it is cached)."""
    lex = cap_lexicon(lang)
    parts = word.split("-")
    last = parts[-1]
    if len(parts) > 1 and not last[:1].isupper():
        return False
    noun_end = bool(lex.noun_suffixes) and last.lower().endswith(lex.noun_suffixes)  # each test once (s11 round two)
    place = None
    if noun_end:
        place = _place_shaped(last, lex)
        if not place:
            return False  # every test below then says no (the cheap test first: no dictionary lookups)
    if _known_lower(last, lang):
        return False
    if _known(last, lang) and last not in _name_like(lang):
        return False
    if place or place is None and _place_shaped(last, lex):
        return True
    if any(_foreign_word(last, f) for f in lex.foreign):
        return False
    if noun_end:
        return False
    return len(last) >= 2 and not _compound(last, lang)


@lru_cache(maxsize=4)
def _strict_parts(lang: str) -> tuple[dict, frozenset[str], tuple[dict, ...]] | None:
    """(the plain dictionary, ``_name_like(lang)``, the foreign languages' plain dictionaries) for the fused
    test, or None where a dictionary has no plain view (then the separate tests answer)."""
    lex = cap_lexicon(lang)
    raw = _raw_keys(lang)
    foreign = tuple(_raw_keys(f) for f in lex.foreign) if lex is not None else ()
    if lex is None or raw is None or any(f is None for f in foreign):
        return None
    return raw, _name_like(lang), foreign


def strict_word(word: str, lang: str, lex: CapLexicon, low: str | None = None) -> bool:
    """``_strict_nameish(word, lang)`` (``lex``: ``cap_lexicon(lang)``) in one pass, uncached: the word's last
    part, its lower case and its UTF-8 bytes made once, each dictionary looked up at most once for them, and
    the cheap disqualifiers first (a common-noun ending, a dictionary word); the compound's tails last.
    s14 (spdcap2): the same answer as the separate cached tests (tests/mentions/test_spdcap2_fused.py).
    ``low``: ``word.lower()`` where the caller has made it (s20)."""
    parts = _strict_parts(lang)
    if parts is None:
        return _strict_nameish(word, lang)
    raw, names, foreign = parts
    last = word
    if "-" in word:
        last = word[word.rfind("-") + 1:]
        if not last[:1].isupper():
            return False
        low = None  # (the last part's own lower case)
    if low is None:
        low = last.lower()
    suffixes = lex.noun_suffixes
    by2 = lex.noun_by2
    place_by2 = lex.place_by2
    # (s20: only the suffixes with the word's last two letters tried, where the lexicon files them so)
    if suffixes and low.endswith(by2.get(low[-2:], ()) if by2 is not None else suffixes):
        # a common-noun ending: a name only if place-shaped ("Freudenstadt"... not "-ung") and no dictionary word
        if not _place_low(low, lex.place_suffixes, place_by2):
            return False
        if low != last and low.encode() in raw:
            return False
        return not (last.encode() in raw and last not in names)
    b = last.encode()
    if b in raw and last not in names:
        return False  # _known and not _name_like: an ordinary (capitalised) word
    lb = low.encode() if low != last else b
    if low != last and lb in raw:
        return False  # _known_lower
    if _place_low(low, lex.place_suffixes, place_by2):
        return True
    for f in foreign:  # _foreign_word(last, f)
        if lb in f and b not in f:
            return False
    return len(last) >= 2 and not _compound_raw(last, raw)


def _place_low(w: str, suffixes: tuple[str, ...], by2: dict[str, tuple[str, ...]] | None = None) -> bool:
    """``_place_shaped(word, lex)`` for ``w = word.lower()``, ``suffixes = lex.place_suffixes`` (and
    ``by2 = lex.place_by2``)."""
    if not suffixes:
        return False
    if "\n" in w:
        return _place_suffix_rx(suffixes).search(w) is not None
    if by2 is not None:
        # s20: only the suffixes ending with the word's last two letters can end it (a loop, no generator)
        for x in by2.get(w[-2:], ()):
            if len(x) + 3 <= len(w) and w.endswith(x):
                return True
        return False
    return w.endswith(suffixes) and any(len(x) + 3 <= len(w) and w.endswith(x) for x in suffixes)


def _compound_raw(word: str, raw: dict) -> bool:
    """``_compound(word, lang)`` for ``raw = _raw_keys(lang)`` (not None), uncached."""
    if _name_adjective(word):
        return True
    for k in range(3, len(word) - 3):
        if (word[k].upper() + word[k + 1:]).encode() in raw:
            return True
    return False


def _in_first(word: str, first: frozenset[str]) -> bool:
    """``fold(word) in first``: an ASCII word without "`" folds to its lower case (s14: no fold, no memo entry)."""
    return (word.lower() in first) if word.isascii() and "`" not in word else (_fold_word(word) in first)


# s20 (cap20): fold() of each Latin-1 character (one character below 256 each, or None): ``fold`` maps a text
# character by character, so a Latin-1 word's fold is its Latin-1 bytes translated by this table (``str.translate``
# looks every character of a non-ASCII word up in a dict: some 3,600 instructions for a German word, the bytes'
# path about 700)
_FOLD_LATIN1 = bytes(map(ord, map(fold, map(chr, range(256))))) \
    if all(len(fold(chr(c))) == 1 and ord(fold(chr(c))) < 256 for c in range(256)) else None


def _fold_word(word: str) -> str:
    """``fold(word)``, without adding to fold's memo: a Latin-1 word by its bytes (``_FOLD_LATIN1``)."""
    if _FOLD_LATIN1 is not None:
        try:
            return word.encode("latin-1").translate(_FOLD_LATIN1).decode("latin-1")
        except UnicodeEncodeError:
            pass
    return fold(word)


def _nameish_strict(word: str, lang: str, lex: CapLexicon, first: frozenset[str]) -> bool:
    """Whether a capitalised token may be part of a name, for a strict lexicon (German), where the answer depends
    on the word alone: the miss of ``cap_names``' per-word memo (s14: the fused ``strict_word``, no second cache;
    the earlier per-token test is the oracle of tests/mentions/test_spdcap2_fused.py)."""
    if not word[:1].isupper():
        return False
    low = word.lower()
    if low in lex.stop:
        return False
    if word.isupper():
        return len(word) >= 2
    # _in_first(word, first), inlined with the lower case made above (s20)
    if (low in first) if word.isascii() and "`" not in word else (_fold_word(word) in first):
        return True
    return strict_word(word, lang, lex, low)


# ``_loose_word``'s third answer: a name unless the token starts a sentence
_UNLESS_INITIAL = "unless initial"


def _loose_word(word: str, lang: str, lex: CapLexicon, first: frozenset[str]) -> bool | str:
    """The same test for a lexicon that is not strict (Spanish), as far as it depends on the word: True, False, or
    ``_UNLESS_INITIAL`` (True unless ``_sentence_initial(text, s)``: a capitalised ordinary word). s15 (spdcap3):
    the memo's miss in ``cap_names``, as ``_nameish_strict`` for German; the earlier per-token test is the oracle
    of tests/mentions/test_spdcap3_oracles.py."""
    if not word[:1].isupper() or word.lower() in lex.stop:
        return False
    if word.isupper():
        return len(word) >= 2
    if _in_first(word, first):
        return True
    return _UNLESS_INITIAL if _known_lower(word, lang) else True


def _odd_starts(text: str) -> list[int]:
    """``[m.end() for m in _ODD_RUN.finditer(text)]``: the first letters of the runs that open with a digit, "_", an
    apostrophe or a hyphen (for a Latin-1 text, found in its bytes by class: ``_RUN_CLASSES``)."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return [m.end() for m in _ODD_RUN.finditer(text)]
    return [m.end() for m in _ODD_RUN_CLASSES.finditer(raw.translate(_RUN_CLASSES))]


class _Tokens:
    """``_TOK``'s tokens of ``text`` by their starts, found as they are needed (s19, cap19): ``end[s]`` is the end of
    the token at ``s``, ``after(s)`` the start of the next token (None at the text's end). ``cap_names`` looks at
    the tokens with a capital, those inside knowledge-base names and the few after them: a third of the tokens,
    which the whole-text scan made Match objects for.

    Exact because a maximal run of ``[\\w'’-]`` that holds a letter holds exactly one token, from its first letter
    to its last word character: a search from a token's end, or from a run's start, finds the token the whole-text
    scan finds next (tests/mentions/test_s19_cap19_tokens.py compares them)."""

    __slots__ = ("text", "end", "_next")

    def __init__(self, text: str) -> None:
        self.text = text
        self.end: dict[int, int] = {}
        self._next: dict[int, int | None] = {}

    def capitals(self) -> list[int]:
        """The starts of the tokens whose first character is upper-case and of a few others, ends noted: the tokens
        that start a run are among _CAPTOK's (a run's first character, a letter that is not a lower-case ASCII or
        Cyrillic one: "Über" and also "über", which ``cap_names`` passes over as it passes over any token without
        a capital), those after a digit, "_", an apostrophe or a hyphen that opens their run are found by
        ``_ODD_RUN``."""
        text = self.text
        end = self.end
        spans = captok_spans(text)  # (the person rules' scan of the same text: s19 step 2)
        end.update(spans)  # _CAPTOK takes the whole run: the token's end unless the run ends with ' ’ -
        for s, e in spans:
            if text[e - 1] in "'’-":
                end[s] = s + len(text[s:e].rstrip("'’-"))  # "Nord-" in "Nord- und Südkorea"
        for s in _odd_starts(text):
            if text[s].isupper():
                end[s] = _TOK.match(text, s).end()
        return list(end)

    def after(self, s: int) -> int | None:
        try:
            return self._next[s]
        except KeyError:
            pass
        m = _TOK.search(self.text, self.end[s])
        nxt = self._next[s] = None if m is None else m.start()
        if m is not None:
            self.end[nxt] = m.end()
        return nxt

    def first_at(self, a: int) -> int | None:
        """The start of the first token that starts at or after ``a`` (None: none)."""
        text = self.text
        r = a
        while r and _RUN_CHAR.match(text, r - 1):  # back to the start of the run that ``a`` stands in or ends
            r -= 1
        m = _TOK.search(text, r)
        if m is not None and m.start() < a:
            m = _TOK.search(text, m.end())  # the run's token starts before ``a``: the next one
        if m is None:
            return None
        self.end[m.start()] = m.end()
        return m.start()

    def following(self, s: int, k: int) -> list[int]:
        """``s`` and the starts of the ``k`` tokens after it (fewer at the text's end)."""
        out = [s]
        while len(out) <= k:
            nxt = self.after(out[-1])
            if nxt is None:
                break
            out.append(nxt)
        return out

    def covered(self, kb_spans: list[tuple[int, int]]) -> set[int]:
        """The starts of the tokens inside the last knowledge-base span that starts at or before them (``kb_spans``
        sorted): from the first token at or after the span's start, while they end inside it and start before the
        next span."""
        covered: set[int] = set()
        end = self.end
        for k, (a, b) in enumerate(kb_spans):
            nxt = kb_spans[k + 1][0] if k + 1 < len(kb_spans) else None
            if nxt == a:
                continue  # a later span with the same start is the one that counts
            x = self.first_at(a)
            while x is not None and (nxt is None or x < nxt) and end[x] <= b:
                covered.add(x)
                x = self.after(x)
        return covered


def cap_names(text: str, lang: str, mentions: list, first: frozenset[str], make: Callable[..., Any],
              town: Callable[[Any], bool] | None = None) -> list:
    """Mentions for unknown capitalised names; returns the new mention list (some KB place
    mentions inside a longer name are replaced). ``town``: whether a place mention is a town
    (only a town after an article is a club; "el País Vasco", "el Tíbet" are not)."""
    lex = cap_lexicon(lang)
    if lex is None:
        return mentions
    if lang == "es":
        from communique.mentions.capnames_es import ordinary_places

        mentions = ordinary_places(text, mentions)
    if lex.given_names:
        first = _with_given(first, lex.given_names)  # s15: one union for the same sets, not one per document
    # the tokens by their starts (s19: found as needed, see _Tokens; they were indices into a list of every token)
    toks = _Tokens(text)
    end = toks.end
    after = toks.after
    capitals = toks.capitals()
    # tokens inside a knowledge-base name carry a run on ("SC Paderborn", "Borussia Mönchengladbach")
    kb_spans = sorted((m.start, m.end) for m in mentions if m.kind in ("name", "acr") and m.etype != "person")
    covered = toks.covered(kb_spans)
    # word -> _nameish_strict() (German: the test depends on the word alone) or _loose_word() (Spanish: on the word
    # and on whether the token starts a sentence; s15), kept across documents
    memo = _strict_memo(lang, lex, first)
    word_test = _nameish_strict if lex.strict else _loose_word
    art_max = max(map(len, lex.articles), default=0)  # a longer token is no article (str.lower never shortens one)

    def nameish(k: int) -> bool:
        w = text[k:end[k]]
        hit = memo.get(w)
        if hit is None:
            hit = memo[w] = word_test(w, lang, lex, first)
        if hit is _UNLESS_INITIAL:
            return not _sentence_initial(text, k)
        return hit

    def runish(k: int) -> bool:
        if k in covered or nameish(k):
            return True
        w = text[k:end[k]]
        return w[:1].isupper() and w.lower() in lex.org_heads and not _sentence_initial(text, k)

    lines: dict[int, bool] = {}  # line start -> _headline(): one test per line of the document

    def headline(s: int) -> bool:
        ls = text.rfind("\n", 0, s) + 1
        hit = lines.get(ls)
        if hit is None:  # _headline(text, s), the line's start found once (s15)
            le = text.find("\n", s)
            hit = lines[ls] = _headline_line(text[ls:le if le >= 0 else len(text)])
        return hit

    runs: list[list[int]] = []  # token starts; connectors included
    head_words = lex.org_heads | lex.loc_heads
    i = 0  # where the next run may start
    # no article, particle or name starts with a lower-case letter (runish() is False there): only the
    # capitalised tokens and those inside a knowledge-base name are visited, in order
    for s in sorted(covered.union(capitals)):
        if s < i:
            continue  # inside the run found before
        e = end[s]
        art = (e - s <= art_max and lex.articles and text[s:e].lower() in lex.articles and text[s:s + 1].isupper()
               and (k := after(s)) is not None and not _sentence_initial(text, s) and _HSPACE.fullmatch(text[e:k])
               and nameish(k) and not headline(s))
        # a surname particle with a capital starts a surname ("De la Serna", "Del Bosque")
        particle = None
        # (s15: the token's lower case among the particles' first words before the headline test and the joins)
        if lex.surname_particles and text[s:s + 1].isupper() and text[s:e].lower() in lex.particle_firsts \
                and not headline(s):
            for width in (2, 1):
                seq = toks.following(s, width)
                if len(seq) > width:
                    ph = " ".join(text[x:end[x]] for x in seq[:width])
                    if ph.lower() in lex.surname_particles and ph[:1].isupper() and all(
                            _HSPACE.fullmatch(text[end[x]:y]) for x, y in zip(seq, seq[1:])) \
                            and nameish(seq[width]) and seq[width] not in covered:
                        particle = width
                        break
        if not art and not particle:
            # runish(s), inlined (the test of every capitalised token)
            if s in covered:
                ok = True
            else:
                w = text[s:e]
                ok = memo.get(w)
                if ok is None:
                    ok = memo[w] = word_test(w, lang, lex, first)
                if ok is _UNLESS_INITIAL:
                    ok = not _sentence_initial(text, s)
                ok = ok or (w[:1].isupper() and w.lower() in lex.org_heads and not _sentence_initial(text, s))
            if not ok or headline(s):
                continue
        # a capitalised article inside a sentence belongs to the name ("La Voz de Galicia")
        run = toks.following(s, particle) if particle else [s]
        j = run[-1]
        while (k := after(j)) is not None:
            gap = text[end[j]:k]
            # (s15: one space, the usual gap, without the regex; the initial tested only where needed)
            if not (gap == " " or _HSPACE.fullmatch(gap) or (_initial(text, j, end[j]) and _DOT_GAP.fullmatch(gap))):
                break
            if runish(k) or _initial(text, k, end[k]) or (lex.strict and _surname_after(text, (j, end[j]), (k, end[k]), lang, lex)):
                run.append(k)
                j = k
                continue
            # connectors: one or two lower-case words followed by a name-ish token
            joined = None
            # (s15: a token whose lower case starts no connector joins nothing: no phrase made and looked up)
            for width in ((1, 2) if text[k:end[k]].lower() in lex.connector_firsts else ()):
                seq = toks.following(k, width)  # the connector's words and the token after them
                if len(seq) <= width:
                    break
                # (s13: the words joined without a generator; the gaps tested only after the words, a pure test:
                # the same answer)
                conn = text[k:end[k]] if width == 1 else text[k:end[k]] + " " + text[seq[1]:end[seq[1]]]
                x = seq[width]
                if (conn.lower() in lex.connectors or (
                        conn.lower() in lex.org_connectors and text[run[0]:end[run[0]]].lower() in lex.org_heads)) \
                        and all(_HSPACE.fullmatch(text[end[y]:z]) for y, z in zip(seq, seq[1:])) \
                        and runish(x) \
                        and not _ROMAN.fullmatch(text[x:end[x]]):  # "Kazán la XVI cumbre"
                    joined = seq
                    break
            if joined:
                run.extend(joined)
                j = joined[-1]
                continue
            break
        # a run needs a token that is a name by itself, or a head with a known name ("Borussia Mönchengladbach")
        # (s15: the first such token ends the search; the heads are looked for only where there is none)
        real = False
        for x in run:
            if x not in covered and nameish(x) and not _ROMAN.fullmatch(text[x:end[x]]):
                real = True  # a Roman numeral alone ("la XVI cumbre") is no name
                break
        if real:
            runs.append(run)
        else:
            heads = [x for x in run if text[x:end[x]].lower() in head_words]
            if heads and len(run) >= 2 and len(set(run) - set(heads)) > 0:
                runs.append(run)
        i = end[j]

    existing = list(mentions)
    spans = [(m.start, m.end, m) for m in existing]
    over_at = _overlap_index(spans)  # s13: the spans over a run by bisect (the list scanned for every run before)
    new: list = []
    drop: set[int] = set()
    pending: list[tuple[int, int, list[str]]] = []  # single tokens typed at the end
    per_surnames: set[str] = set()
    typed: dict[str, str] = {}
    for m in existing:
        if m.etype == "person":
            parts = text[m.start:m.end].split()
            if len(parts) >= 2:
                per_surnames.add(parts[-1])

    for run in runs:
        while len(run) > 1 and _initial(text, run[0], end[run[0]]):
            run = run[1:]
        s, e = run[0], end[run[-1]]
        if _initial(text, run[-1], e):
            if len(run) == 1:
                continue
            e += 1  # "George W.", "Nico G."
        words = [text[x:end[x]] for x in run]
        over = over_at(s, e)
        if any(a <= s and e <= b for a, b, _m in over):
            continue  # already found (whole or larger)
        if over and any(a < s or b > e for a, b, _m in over):
            continue  # sticks out of the run
        lead = min(over, key=lambda x: x[0]) if over else None
        if lead is not None and lead[0] == s and not _replaceable(lead[2]) and lead[2].etype in ("organization", "group", "person") \
                and words[-1].lower() not in lex.org_suffixes:  # "Telefónica Internacional" stays whole
            rest = [x for x in run if x >= lead[1]]
            if rest and text[rest[0]:end[rest[0]]].lower() not in lex.connectors:
                # "a EFE Viana Baptista": a known name first, then a new one
                run = rest
                s = run[0]
                words = [text[x:end[x]] for x in run]
                over = over_at(s, e)
        low = [w.lower() for w in words]
        headed = low[0] in lex.org_heads or low[-1] in lex.org_suffixes or low[0] in lex.loc_heads
        org_first = bool(over) and over[0][0] == s and over[0][2].etype in ("organization", "group") \
            and over[0][2].kind in ("name", "acr") and text[over[0][1]:e].split()[:1] != [] \
            and text[over[0][1]:e].split()[0].lower() in lex.connectors  # "Telefónica de Argentina"
        given_first = _in_first(words[0], first) and len(words) >= 2
        if over and not headed and not org_first and any(
                not (_replaceable(m) or (given_first and m.etype == "person" and a > s)) for a, _b, m in over):
            continue  # overlaps a person or organisation
        named_after = bool(lex.named_after_heads) and low[0] in lex.named_after_heads and len(words) >= 3 \
            and all(a > s for a, _b, _m in over)  # Spanish "Fundación Ramón Rubial", "Pabellón Raimundo Saporta"
        if over and not named_after and any(m.etype == "person" and " " in text[a:b] and m.kind not in ("sur", "stemsur") for a, b, m in over):
            continue  # a person named in full inside
        typ = "organization" if org_first else _type_run(text, s, words, lang, lex, first)
        if typ == "none":
            continue
        if over:
            if typ is None and any(m.etype == "person" for _a, _b, m in over):
                pa = min(a for a, _b, m in over if m.etype == "person")
                if lang == "es" and pa > s and _portfolio_before(text, s, pa, lang, first):
                    continue  # "el ministro de Asuntos Exteriores Lavrov": the portfolio is no given name
                typ = "person"
            if typ is None:
                if any(m.etype == "country" for _a, _b, m in over):
                    continue
                typ = "person" if len(run) >= 2 else None
            if typ is None:
                continue
            for x in over:
                drop.add(id(x[2]))
        if typ is None and len(run) >= 2:
            typ = "person" if (any(_in_first(w, first) for w in words) or not (
                lex.common_is_org and _known_lower(words[0], lang) and any(_known_lower(w, lang) for w in words[1:]))) else "organization"
        surface = text[s:e]
        if typ is None and lex.strict and len(words) == 1 and _known(words[0], lang) and not _in_first(words[0], first) \
                and words[0] not in per_surnames and not (lang == "de" and _de_lone_name(words[0])):
            continue  # a dictionary word that may be a name (Merkel, Justiz): alone and without evidence, not enough
        if typ is None:
            pending.append((s, e, words))
            continue
        typed.setdefault(surface, typ)
        if typ == "person" and len(words) >= 2:
            per_surnames.add(words[-1])
        new.append(make(s, e, typ, surface))

    counts: dict[str, int] = {}
    for s, e, _w in pending:
        counts[text[s:e]] = counts.get(text[s:e], 0) + 1
    for s, e, words in pending:
        surface = text[s:e]
        typ = typed.get(surface)
        if typ is None and surface in per_surnames:
            typ = "person"
        if typ is None and surface.isupper():
            continue  # acronyms: the organisation patterns decide
        if typ is None and lex.single_known_skip and _known_lower(surface, lang) and (
                not _in_first(surface, first) or _ABBREV_DOT.match(text, e, e + 2)):
            continue  # "la Liga", "de Comercio": an ordinary word written with a capital (not a given name: "Óscar"; "Min.70" is an abbreviation)
        if typ is None and lex.repeated_single and counts[surface] >= lex.repeated_single:
            typ = "organization"  # named again and again alone, never with a given name: a company, a club
        if typ is None:
            typ = lex.single_default
        if typ is None:
            continue
        new.append(make(s, e, typ, surface))
    if lex.club_articles:
        # Spanish: a town takes no article, a club named after it does ("el Barcelona", "del Parma")
        for m in existing:
            if m.etype == "place" and m.kind == "name" and id(m) not in drop:
                pw = _WORD_BEFORE.search(text[max(0, m.start - 8):m.start])
                if pw and pw.group(1).lower() in lex.club_articles and not text[m.start:m.end].isupper() \
                        and (town is None or town(m)):
                    drop.add(id(m))
                    new.append(make(m.start, m.end, "organization", text[m.start:m.end]))
    if lex.org_endings:
        taken = [(m.start, m.end, m) for m in existing if id(m) not in drop] + [(m.start, m.end, m) for m in new]
        for a, b in _org_phrases(text, lex):
            over = [x for x in taken if x[0] < b and a < x[1]]
            if any(x[0] < a or x[1] > b or not (_replaceable(x[2]) or x[2].kind == "cap") for x in over):
                continue
            for x in over:
                drop.add(id(x[2]))
            new = [m for m in new if id(m) not in drop]
            m = make(a, b, "organization", text[a:b])
            new.append(m)
            taken.append((a, b, m))
    if not new:
        return mentions
    return [m for m in existing if id(m) not in drop] + new


def _overlap_index(spans: list[tuple[int, int, Any]]) -> Callable[[int, int], list[tuple[int, int, Any]]]:
    """``lambda s, e: [x for x in spans if x[0] < e and s < x[1]]`` (in ``spans``' order) by a bisect over
    the starts: a span ending after ``s`` starts after ``s`` less the longest span's length."""
    import bisect

    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    longest = max([0] + [b - a for a, b, _m in spans])

    def over(s: int, e: int) -> list[tuple[int, int, Any]]:
        lo = bisect.bisect_left(starts, s - longest)
        hi = bisect.bisect_left(starts, e, lo)
        if lo >= hi:
            return []
        return [spans[i] for i in sorted(i for i in order[lo:hi] if spans[i][1] > s)]
    return over


def _de_lone_name(word: str) -> bool:
    """German: a listed given name or surname that is no ordinary word (``capnames_de.de_lone_name``)."""
    from communique.mentions.capnames_de import de_lone_name

    return de_lone_name(word)


_STRICT_MEMO: dict[str, tuple[Any, Any, dict[str, Any]]] = {}


def _strict_memo(lang: str, lex: CapLexicon, first: frozenset[str]) -> dict[str, Any]:
    """word -> _nameish_strict() (German) or _loose_word() (Spanish, s15), kept across documents while the lexicon
    and the given names are the same objects (held here, so their identity cannot be reused); bounded."""
    hit = _STRICT_MEMO.get(lang)
    if hit is None or hit[0] is not lex or hit[1] is not first or len(hit[2]) > 200_000:
        hit = _STRICT_MEMO[lang] = (lex, first, {})
    return hit[2]


def _covered_tokens(toks: list[tuple[int, int]], kb_spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens inside the last knowledge-base span that starts at or before them
    (``kb_spans`` sorted): one bisect per span instead of one per token. s19: ``cap_names`` uses
    ``_Tokens.covered`` (the same tokens by their starts, without the list of every token); this index form is
    its oracle (tests/mentions/test_s19_cap19_tokens.py) and that of the earlier tests."""
    import bisect

    covered: set[int] = set()
    if not kb_spans:
        return covered
    # bisecting the (start, end) pairs for (a,) finds the first token starting at or after a
    for k, (a, b) in enumerate(kb_spans):
        nxt = kb_spans[k + 1][0] if k + 1 < len(kb_spans) else None
        if nxt == a:
            continue  # a later span with the same start is the one a token's bisect finds
        lo = bisect.bisect_left(toks, (a,))
        hi = bisect.bisect_left(toks, (nxt,)) if nxt is not None else len(toks)
        for idx in range(lo, hi):
            if toks[idx][1] > b:
                break  # the tokens' ends increase: none after this one lies inside the span
            covered.add(idx)
    return covered


@lru_cache(maxsize=16)
def _org_phrase_rxs(org_endings: tuple[str, ...], org_prefixes: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern | None]:
    ends = "|".join(map(re.escape, sorted(org_endings, key=len, reverse=True)))
    rx = re.compile(
        # the lookbehind after the first capital (the regex then skips to capitals; in the group's later
        # rounds a space stands before the capital, so it holds there as before)
        # (one adjective, then more: "(?:X)+" written "X(?:X)*", so that the regex starts with the capital)
        r"([A-ZÄÖÜ](?<![\w-].)[a-zäöüß]+(?:e|en|er|es|em)\s+(?:[A-ZÄÖÜ](?<![\w-].)[a-zäöüß]+(?:e|en|er|es|em)\s+)*)([A-ZÄÖÜ][\w-]*)(?![\w-])"
        r"(?:\s+(?:für|der|des)\s+[A-ZÄÖÜ][\w-]*(?:\s+und\s+[A-ZÄÖÜ][\w-]*)?|\s+[A-ZÄÖÜ][\w-]+(?=\s*[,.;:)]))?")
    pre = None
    if org_prefixes:
        pre = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, org_prefixes)) + r")[a-zäöüß]+(?:" + ends + r")(?![\w-])",
                         flags=re.IGNORECASE)
    return rx, pre


# s13 (spdcore): the adjective phrase's lower-case run taken whole (possessive: an ending must be followed by a
# space, so it ends the run) and its ending looked at behind, instead of backtracking over every shorter run of
# every capitalised word with each ending: the same matches as _org_phrase_rxs()[0] (tests/mentions/test_spdcore_*)
_ADJ_WORD = r"[A-ZÄÖÜ](?<![\w-].)[a-zäöüß]++(?:(?<=[a-zäöüß]e)|(?<=[a-zäöüß]e[nrsm]))\s+"


@lru_cache(maxsize=16)
def _org_phrase_rx_fast(org_endings: tuple[str, ...]) -> re.Pattern:
    """``_org_phrase_rxs(org_endings, ...)[0]`` with the adjectives' endings tested behind (the same matches)."""
    del org_endings  # (the endings are tested after the match, as before)
    return re.compile(
        r"(" + _ADJ_WORD + r"(?:" + _ADJ_WORD + r")*)([A-ZÄÖÜ][\w-]*+)(?![\w-])"
        r"(?:\s+(?:für|der|des)\s+[A-ZÄÖÜ][\w-]*(?:\s+und\s+[A-ZÄÖÜ][\w-]*)?|\s+[A-ZÄÖÜ][\w-]+(?=\s*[,.;:)]))?")


# the characters other than an ASCII letter's own two cases that re.IGNORECASE matches to it and whose str.lower()
# is not that letter (every code point checked by tests/mentions/test_spdcore_oracles.py)
_IGNORECASE_STRAYS = {"i": "\u0130\u0131", "s": "\u017f"}


def _ignorecase_strays(letters: str) -> str | None:
    """The strays of ``letters`` (lower-case ASCII), or None where a letter is not lower-case ASCII."""
    if not (letters.isascii() and letters.islower() and letters.isalpha()):
        return None
    return "".join(_IGNORECASE_STRAYS.get(x, "") for x in set(letters))


def _prefix_finditer(pre_rx: re.Pattern, prefixes: tuple[str, ...], text: str) -> Any:
    """``pre_rx.finditer(text)`` for the federal-compound regex (its matches start with one of the lower-case
    ``prefixes``, case ignored), for a text whose ``casefold()`` holds a prefix (the caller's test): the regex
    tried only where a prefix stands in ``text.lower()``, left to right, each try after the end of the previous
    match, as ``finditer`` goes. Where ``str.lower`` changes the text's length or a character the regex folds
    otherwise stands in the text, ``finditer`` itself."""
    low = text.lower()
    strays = _ignorecase_strays("".join(prefixes))
    if strays is None or len(low) != len(text) or any(c in text for c in strays):
        yield from pre_rx.finditer(text)
        return
    yield from _finditer_at(pre_rx, sorted(all_starts(low, prefixes)), text)


# s16 (cap16): non-ASCII characters whose lower case or case fold holds an ASCII character or whose lower case
# changes the length, and those re.IGNORECASE matches to an ASCII letter otherwise (İ ı ſ). "ß" aside (its fold "ss"
# is mirrored), a text without them has the same ASCII letters, lowered, at the same places in ``text.lower()`` and
# in its Latin-1 bytes lowered (``str.encode`` with "replace": one byte a character), and the same runs of them in
# its case fold (tests/mentions/test_cap16_oracles.py checks the list against every code point).
_FOLD_ASCII = "\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"


@lru_cache(maxsize=8)
def _ascii_bytes(words: tuple[str, ...]) -> tuple[bytes, ...] | None:
    """``words`` as bytes where all are lower-case ASCII letters, else None."""
    if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return None
    return tuple(w.encode("ascii") for w in words)


def _prefix_spans(pre_rx: re.Pattern, prefixes: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """The federal-compound part of ``_org_phrases``: ``[m.span() for m in _prefix_finditer(pre_rx, prefixes,
    text) if m.group(0)[:1].isupper()]`` where ``text.casefold()`` holds a prefix, else []. s16 (cap16): for a text
    without ``_FOLD_ASCII`` characters and lower-case ASCII prefixes, the prefixes are looked for in the text's
    Latin-1 bytes lowered (a byte table, where ``casefold`` and ``lower`` look up every character; "ß" replaced by
    "ss" for the fold's test), the same positions."""
    bpre = _ascii_bytes(prefixes)
    if bpre is None or any(map(text.__contains__, _FOLD_ASCII)):  # (no such character in a Latin-1 text: one test each)
        folded = text.casefold()  # no prefix in the text, no match (cheaper than the search)
        if not any(p in folded for p in prefixes):
            return []
        return [m.span() for m in _prefix_finditer(pre_rx, prefixes, text) if m.group(0)[:1].isupper()]
    low = text.encode("latin-1", "replace").lower()
    folded_b = low.replace(b"\xdf", b"ss") if b"\xdf" in low else low
    if not any(p in folded_b for p in bpre):
        return []
    return [m.span() for m in _finditer_at(pre_rx, sorted(all_starts(low, bpre)), text) if m.group(0)[:1].isupper()]


def _org_phrases(text: str, lex: CapLexicon) -> list[tuple[int, int]]:
    """German organisations named by an adjective and a head noun ("Süddeutsche Zeitung",
    "Bayerischen Staatsministerium für Unterricht und Kultus", "Medizinische Hochschule Hannover")
    and federal compounds ("Bundesjustizministerium")."""
    out: list[tuple[int, int]] = []
    _rx, pre_rx = _org_phrase_rxs(lex.org_endings, lex.org_prefixes)
    rx = _org_phrase_rx_fast(lex.org_endings)
    ends2 = lex.org_ends2
    for m in rx.finditer(text):
        head = m.group(2).lower()
        if ends2 is not None and head[-2:] not in ends2 or not head.endswith(lex.org_endings):
            continue  # (s14: the last two letters first, one set lookup)
        a, b = m.span()
        first = text[a:text.find(" ", a)]
        if first.lower() in lex.stop:
            nxt = _NEXT_WORD.match(text, a)  # (s14: matched in place, not on a copy of the rest of the text)
            a = nxt.end() if nxt else a
            if not _ADJ_FIRST.match(text, a, b):
                continue
        out.append((a, b))
    if pre_rx is not None:
        # s13: the regex tried only where a prefix stands (it tried its lookbehind at every position); s16: the
        # prefixes looked for in the Latin-1 bytes (_prefix_spans)
        out.extend(_prefix_spans(pre_rx, lex.org_prefixes, text))
    return out


def _initial(text: str, a: int, b: int) -> bool:
    """The token ``text[a:b]`` is a one-letter capital followed by a full stop ("W." in "George W. Bush")."""
    return b - a == 1 and text[a].isupper() and text[b:b + 1] == "."


def _surname_after(text: str, prev: tuple[int, int], tok: tuple[int, int], lang: str, lex: CapLexicon) -> bool:
    """German: after an unknown name, a capitalised word unknown to the dictionary continues it
    even if it looks like a compound ("Britt Hagedorn", "Åke Walleborn")."""
    pw = text[prev[0]:prev[1]]
    w = text[tok[0]:tok[1]]
    if not w[:1].isupper() or w.isupper() or len(w) < 3 or _known(pw, lang) or not pw[:1].isupper() or pw.isupper():
        return False
    if _known(w, lang) or _known_lower(w, lang) or any(_foreign_word(w, f) for f in lex.foreign):
        return False
    if lex.noun_suffixes and w.lower().endswith(lex.noun_suffixes):
        return False
    return not _SCHE_END.search(w)


def _portfolio_before(text: str, s: int, e: int, lang: str, first: frozenset[str]) -> bool:
    """The words of a run before a known person's surname are common nouns of the language, none a given name
    ("Defensa", "Asuntos Exteriores"): a portfolio written before the minister's surname, no longer name."""
    words = _PREV_TOKENS.findall(text[s:e])
    return bool(words) and all(_known_lower(w, lang) and not _in_first(w, first) for w in words
                               if w.lower() not in ("de", "del", "la", "y"))


def _replaceable(m: Any) -> bool:
    """A knowledge-base reading a longer unknown name may override: a place inside it ("Viana"
    in "Antonio Viana Baptista"), a known person's surname alone ("Sánchez" in "Ernesto Sánchez Pombo")."""
    if m.kind in ("adj", "adjstem", "dem"):
        return False
    return m.etype in ("place", "country") or m.kind in ("sur", "stemsur", "shape")


def _prev_words(text: str, s: int, k: int = 3) -> list[str]:
    lo = max(0, s - 60)
    # s13: the last 24 characters first: a scan that starts inside a word finds at most one piece of it, and
    # from the token after that on the same tokens as the scan of the 60; with more than k tokens there, the
    # last k are those of the 60 (tests/mentions/test_spdcore_oracles.py)
    if s - 24 > lo:
        ws = _PREV_TOKENS_FAST.findall(text, s - 24, s)
        if len(ws) > k:
            return [w.lower() for w in ws[-k:]]
    ws = _PREV_TOKENS_FAST.findall(text, lo, s)  # (s16: no copy of the 60 characters; the pattern looks at none before)
    return [w.lower() for w in ws[-k:]]


# the articles and the like skipped between a cue word and a name ("la empresa X", "die Firma X"); s16: a set, was a
# tuple compared word by word
_CUE_SKIP_WORDS = frozenset(("el", "la", "los", "las", "der", "die", "das", "den", "dem", "des", "de", "del", "un", "una",
                             "ein", "eine", "einer", "einem", "einen"))


def _type_run(text: str, s: int, words: list[str], lang: str, lex: CapLexicon, first: frozenset[str]) -> str | None:
    low = [w.lower() for w in words]
    if low[0] in lex.org_heads or low[-1] in lex.org_suffixes:
        return "organization"
    if low[0] in lex.loc_heads:
        return "place"
    # (s16: str.isupper over the words in C first; a word in capitals is rare)
    if len(words) >= 2 and any(map(str.isupper, words)) and any(w.isupper() and len(w) >= 2 for w in words):
        return "organization"  # "THW Kiel", "COAG Extremadura", "Fraunhofer FIT"
    # (s15: the four words before taken once where four are needed: the last of the three is the last of the four,
    # _prev_words' last k words being the last k of the same scan)
    prev = _prev_words(text, s, 4 if lex.cue_skip else 3)
    if prev and prev[-1] in lex.per_cues:
        return "person"
    if s > 0 and text[s - 1:s] == "(" or text[max(0, s - 2):s] == "( ":
        if len(words) == 1:
            return "organization"  # "Servicio de Emergencia ( Sercam )": an acronym or short name
    # skip an article: "la empresa X", "la localidad de X"
    skip = _rx(lex.cue_skip).fullmatch if lex.cue_skip else None
    adj_only = True
    for w in reversed(prev):
        if w in lex.org_cues:
            return "organization"
        if w in lex.loc_cues:
            return "place"
        if lex.cue_skip and adj_only and w in lex.per_cues and w != prev[-1]:
            return "person"  # "el jugador brasileño X" (but "el presidente de X" names no person)
        if skip is not None and adj_only and skip(w):
            continue  # "la empresa argentina X", "el diario mexicano X"
        adj_only = False
        if w not in lex.connectors and w not in _CUE_SKIP_WORDS:
            break
    if _in_first(words[0], first) and len(words) >= 2:
        return "person"
    if len(words) >= 2 and (low[0] in lex.surname_particles or " ".join(low[:2]) in lex.surname_particles
                            or (lex.surname_shape and _rx(lex.surname_shape).fullmatch(words[0]))):
        return "person"  # "De la Serna", "López de Arriortúa"
    if _DATELINE_END.match(text, s + sum(map(len, words)) + len(words) - 1) \
            and _DATELINE_START.fullmatch(text, text.rfind("\n", 0, s) + 1, s):
        return "place"  # a dateline: "Badajoz .", "La Coruña , 23 may ( EFE )"
    if len(words) == 1 and prev and prev[-1] in lex.loc_preps:
        return "place"
    if len(words) >= 2 and lex.connector_default and not lex.connectors.isdisjoint(low):  # (s16: in C)
        return lex.connector_default
    if len(words) == 1 and _place_shaped(words[0], lex):
        return "place"
    if len(words) == 1 and prev and prev[-1] in lex.articles:
        # "del Deportivo", "del Insalud": a person takes no article (German "der Meriva": a product, no name here)
        return lex.article_single or "none"
    return None


@lru_cache(maxsize=65536)
def _name_and_slug(english_name: Callable[..., str], surface: str, lang: str, person: bool) -> tuple[str, str]:
    """A new entity's English name and its slug: both depend on the surface alone (cached)."""
    name = english_name(surface, lang, person=person)
    return name, slug(name)


def new_mention_factory(mention_cls: type, english_name: Callable[..., str], lang: str) -> Callable[..., Any]:
    def make(s: int, e: int, typ: str, surface: str) -> Any:
        name, sl = _name_and_slug(english_name, surface, lang, typ == "person")
        return mention_cls(s, e, f"new:{typ}/{sl}", "cap", typ, name=name)
    return make
