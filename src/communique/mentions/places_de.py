"""German places, round six: passes over the mentions of a German document after the
capitalised-names stage and the other German passes (called from ``capnames_de.german_passes``).

Each pass is a fact of German text, its word lists in the ``places_de`` section of
``data/lang/de/mentions.yaml``; each tests cheaply first (the document's set of capitalised words,
the few mentions of the kind it changes) and looks words up after, cached per word.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Callable

from communique.kb.fold import fold
from communique.mentions.capnames import _known, _known_lower, _name_like
from communique.mentions.common import Mention, mentions_data, token_before
from communique.mentions.literals_de import PREP_NEEDLES, doc_literals
from communique.mentions.spanindex import SpanIndex


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return mentions_data("de").get("places_de") or {}


@lru_cache(maxsize=1)
def _slot_preps() -> frozenset[str]:
    return frozenset(str(x).lower() for x in _data().get("person_slot_preps") or [])


# the blanks, then the run of word characters and hyphens, before a position, read forwards in the reversed text:
# [\w-] is str.isalnum() or "_" or "-" (what _word_before walked back over character by character before s14)
_REV_WORD = re.compile(r"[ \t\xa0]*([\w-]*)")


def _word_before(text: str, s: int) -> tuple[str, int]:
    """The token right before ``s`` (letters, digits, hyphens) and its start; ("", s) if none on the line.
    s14: the blanks and the token are one match in the text reversed (once per document), not two loops."""
    return token_before(text, s, _REV_WORD)


def slot_places(text: str, out: list, kb: Any, make: Callable[..., Any], given: frozenset[str]) -> list:
    """"auf Vellaroo", "zu Nordelhausen", "in Kastrinje": a lone capitalised word the earlier passes guessed a
    person without a cue, right after a place preposition, is a place: German names no person after
    "in", "aus", "zu" or "auf" alone (a person there takes a title or a given name). Not after a
    capitalised name ("Friedrich zu X": "zu" is a name particle there), not a listed given name."""
    _home_town, _town_shaped = _cd._home_town, _cd._town_shaped

    preps = _slot_preps()
    res = None
    for m in out:
        if m.etype != "person" or m.kind != "cap":
            continue
        w = text[m.start:m.end]
        if " " in w or not w[:1].isupper() or w.isupper() or fold(w) in given:
            continue
        pw, i = _word_before(text, m.start)
        if pw.lower() not in preps or (pw[:1].isupper() and i > 0 and text[i - 1] not in "\n\"„“(«»" and
                                       not _sentence_start(text, i)):
            continue
        nx = _NEXT_TOKEN.match(text, m.end)
        nw = nx.group(1) if nx else ""
        if w[-1] == "s" and nw[:1].isupper():
            continue  # "nach Meyers Rücktritt": a genitive before its noun
        pl = pw.lower()
        if pl == "zu":
            ppw, _ = _word_before(text, i)
            if ppw[:1].isupper() and not _common_noun(ppw) or not (_home_town(w, kb) or _town_shaped(w)):
                continue  # "Friedrich zu X"; "der Pass zu X" names a player, "die Kapelle zu X" a town
        elif pl == "auf" and (nw.startswith("auf") or w in _surnames()):
            continue  # "auf X aufpassen": the verb's particle, a person
        if res is None:
            res = list(out)
        hit = _home_town(w, kb)  # a town of the German-speaking countries keeps its GeoNames id
        res[res.index(m)] = type(m)(m.start, m.end, hit[0], "name", "place") if hit else make(m.start, m.end, "place", w)
    return out if res is None else res


_NEXT_TOKEN = re.compile(r"[^\S\n]*(\S+)")


@lru_cache(maxsize=65536)
def _common_noun(w: str) -> bool:
    _common_head = _cd._common_head
    return _common_head(w)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    de_surnames = _cd.de_surnames
    return de_surnames()


def _sentence_start(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in ".!?\n:"


# per knowledge base (held, so its id is not reused): adjective -> whether it is made from a town's name
_ADJ_MEMO: dict[int, tuple[Any, dict[str, bool]]] = {}


def town_adjective(w: str, kb: Any) -> bool:
    """"Leipziger", "Bremer", "Münchner", "Wiener": an adjective in -er made from the name of a town the
    knowledge base knows (10,000 or more in the German-speaking countries, 100,000 elsewhere). The dictionary
    may know the word as a noun ("Wiener", the sausage); before a place noun it names the town. Remembered per
    knowledge base and word."""
    memo = _ADJ_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _ADJ_MEMO.clear()
        memo = _ADJ_MEMO[id(kb)] = (kb, {})
    hit = memo[1].get(w)
    if hit is None:
        if len(memo[1]) >= 65536:
            memo[1].clear()
        hit = memo[1][w] = _town_adjective(w, kb)
    return hit


def _town_stems(adj: str) -> list[str]:
    """The town names an -er adjective may be made from: Frankfurt(er), Bremen (Bremer), Jena (Jenaer), Zürich
    (Züricher: -cher), München (Münchner)."""
    base = adj[:-2]
    stems = [base, base + "en", base + "e", base + "n"]
    if base.endswith("ch"):
        stems.append(base[:-2] + "ich")
    if base.endswith("n") and not base.endswith("en"):
        stems.append(base[:-1] + "en")
    return stems


def _town_adjective(w: str, kb: Any) -> bool:
    if not w.endswith("er") or len(w) < 6:
        return False
    de_lexicon = _cd.de_lexicon

    home = de_lexicon().home_countries
    for st in _town_stems(w):
        for eid, kind, _f in kb.index.get(fold(st), ()):
            ent = kb.entities.get(eid) or {}
            pop = ent.get("population") or 0
            if kind == "name" and ent.get("type") == "place" and (pop >= 100_000 or pop >= 10_000 and ent.get("country") in home):
                return True
    return False


def _prep_cap_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span(1) for m in _PREP_CAP.finditer(text)]``, matched only where the literals of its start are (s13:
    ``literals_de.PREP_NEEDLES``, found in the document's one scan; the regex tried every blank): the leftmost
    match at or after the end of the last, as ``finditer`` takes them."""
    lit = doc_literals(text)
    starts = [i for nd in PREP_NEEDLES for i in lit.get(nd, ())]
    if not starts:
        return []
    starts.sort()
    res = []
    last = 0
    match = _PREP_CAP.match
    for i in starts:
        if i < last:
            continue
        m = match(text, i)
        if m is not None:
            res.append(m.span(1))
            last = m.end()
    return res


def unknown_slot_places(text: str, out: list, make: Callable[..., Any], given: frozenset[str]) -> list:
    """"in Hvidlunde", "aus Westkarino": a capitalised word no dictionary of ours knows and no compound of
    German words, right after "in", "aus" or "nach", that no earlier pass took, is a place (the
    capitalised-names stage leaves it alone when its tail is a German word: "-lunde", "-rino"). Not a
    listed given name or surname ("nach Schmidt" is "according to"), not before an article or a hyphen."""
    preps = _unknown_preps()
    cands = []
    if preps & _BARE_PREPS:
        cands = _prep_cap_spans(text)
        first = _PREP_CAP_START.match(text)
        if first:
            cands.append(first.span(1))
    if "im" in preps:
        for marker in (" im ", "Im "):
            i = text.find(marker)
            while i >= 0:
                a = _IM_ADJ_CAP.match(text, i + len(marker) - 1)
                if a and (marker == " im " or i == 0 or not text[i - 1].isalnum()):
                    cands.append(a.span(1))
                i = text.find(marker, i + 3)
    hits = []
    spans = sorted((x.start, x.end) for x in out) if cands else []
    for s, e in sorted(cands):
        # s14: a word another mention took first (a bisection; most are a known place), the word test after (a new
        # word's miss costs several dictionary lookups); the same test as the one that closed the pass before
        k = bisect.bisect_left(spans, (e, e))
        if k > 0 and spans[k - 1][1] > s or k < len(spans) and spans[k][0] < e:
            continue
        w = text[s:e]
        if not _slot_word(w):
            continue  # the cached word test first: most words there are known
        if s >= 2 and preps < _BARE_PREPS and text[text.rfind(" ", 0, s - 1) + 1:s - 1].lower() in _BARE_PREPS - preps:
            continue
        nx = _NEXT_TOKEN.match(text, e)
        nw = nx.group(1) if nx else ""
        if nw == "-" or nw.lower() in _ARTICLES or nw[:1].isupper() or fold(w) in given:
            continue  # "im X-Zentrum Y": a noun before the name
        p0, i0 = _word_before(text, s)
        if p0.lower() == "aus" and ("bestand" in text[max(0, i0 - 40):i0] or "besteh" in text[max(0, i0 - 40):i0]):
            continue  # "bestand (die Regierung) aus X": consisted of
        hits.append((s, e, w))
    if not hits:
        return out
    return out + [make(s, e, "place", w) for s, e, w in hits]


@lru_cache(maxsize=65536)
def _slot_word(w: str) -> bool:
    """No dictionary of ours knows it, no compound of German words, no listed surname."""
    _plain_token, _unknown_name_token = _cd._plain_token, _cd._unknown_name_token

    return _unknown_name_token(w) and _plain_token(w) and w not in _surnames()


# "in X", "aus X", "nach X", and "im heutigen X", "im badischen X" (a contracted preposition and an adjective)
# (a space or line break first: the regex engine skips to them; the text's first word is tried apart)
_PREP_CAP = re.compile(r"[ \n](?:[Ii]n|[Aa]us|[Nn]ach) ([A-ZÄÖÜ][\w'’]*\w)(?![\w'’-])")
_PREP_CAP_START = re.compile(r"(?:In|Aus|Nach) ([A-ZÄÖÜ][\w'’]*\w)(?![\w'’-])")
# "im heutigen X", "im badischen X": found from " im " (str.find), then matched there
_IM_ADJ_CAP = re.compile(r"[^\S\n]+[a-zäöüß]{3,}en[^\S\n]+([A-ZÄÖÜ][\w'’]*\w)(?![\w'’-])")
_ARTICLES = frozenset("der die das dem den des ein eine einer einem einen eines".split())
_BARE_PREPS = frozenset(("in", "aus", "nach"))  # the prepositions _PREP_CAP knows


@lru_cache(maxsize=1)
def _unknown_preps() -> frozenset[str]:
    return frozenset(str(x).lower() for x in _data().get("unknown_slot_preps") or [])


_BROKEN_HYPHEN = re.compile(r"([A-ZÄÖÜ](?<![\w-].)[\w]+)-[^\S\n]+([A-ZÄÖÜ][\w]+)(?![\w-])")


def broken_hyphens(text: str, out: list, kb: Any) -> list:
    """"Baden- Württemberg", "Schleswig- Holstein": a hyphenated place name broken after its hyphen (a
    line break lost in the source) is the place the whole name names, not its first part."""
    i = text.find("- ")
    starts = []
    while i > 0:
        if text[i - 1].isalpha():  # "X- Y"; a dash between spaces (" - ") is none
            j = i - 1
            while j > 0 and text[j - 1].isalnum():
                j -= 1
            starts.append(j)
        i = text.find("- ", i + 2)
    for m in filter(None, (_BROKEN_HYPHEN.match(text, j) for j in starts)):
        best = None
        for eid, kind, _f in kb.index.get(fold(m.group(1) + "-" + m.group(2)), ()):
            ent = kb.entities.get(eid) or {}
            if kind == "name" and ent.get("type") in ("place", "country"):
                rank = (ent["type"] == "country", ent.get("population") or 0)
                if best is None or rank > best[0]:
                    best = (rank, eid, ent["type"])
        if best is None:
            continue
        s, e = m.span()
        over = [x for x in out if x.start < e and s < x.end]
        if any(x.start < s or x.end > e or x.etype not in ("place", "country", "person") or
               x.etype == "person" and x.kind != "cap" for x in over):
            continue
        out = [x for x in out if not any(x is y for y in over)] + [Mention(s, e, best[1], "name", best[2])]
    return out


def district_compounds(text: str, out: list, kb: Any, make: Callable[..., Any], capset: set[str]) -> list:
    """"Rhein-Lahn-Kreis", "des Main-Kinzig-Kreises": districts named by their rivers, towns or
    landscapes (the capitalised-names stage reads the last part, a common noun, and leaves them)."""
    _token_spans = _cd._token_spans

    if "reis" not in doc_literals(text):
        return out  # no "Kreis", no "-kreis"
    # s14: one endswith per word in a comprehension (most of a document's words are new to ``words_where``'s memo, and
    # each new word cost it a Python call of the predicate)
    words = {w for w in capset if w.endswith(_DISTRICT_ENDS)}
    if not words:
        return out
    words = {w for w in words if _district_word(w, kb)}
    new = []
    for s, e, w in _token_spans(text, words):
        if any(x.start < e and s < x.end and (x.start < s or x.end > e or x.etype not in ("place", "person")) for x in out):
            continue
        new.append((s, e, w))
    if not new:
        return out
    for s, e, w in new:
        out = [x for x in out if not (s <= x.start and x.end <= e)] + [make(s, e, "place", w)]
    return out


_DISTRICT_ENDS = ("kreis", "kreises", "Kreis", "Kreises")


def _district_ending(w: str) -> bool:
    return w.endswith(_DISTRICT_ENDS)


def _district_word(w: str, kb: Any) -> bool:
    """"Rhein-Lahn-Kreis" (capitalised parts hyphened to Kreis), "Emslandkreis" (a place or landscape the
    knowledge base or the geography list knows before "kreis"), not "Arbeitskreis", "Käuferkreis" (a
    common noun's compound)."""
    _geography_firsts = _cd._geography_firsts

    if "-" in w:
        parts = w.split("-")
        return parts[-1] in ("Kreis", "Kreises") and len(parts) >= 2 and all(p[:1].isupper() and len(p) >= 2 for p in parts)
    stem = w[:-7] if w.endswith("kreises") else w[:-5]
    if len(stem) < 3 or not stem[:1].isupper() or not stem[1:].islower():
        return False
    return stem in _geography_firsts() or any((kb.entities.get(eid) or {}).get("type") == "place"
                                              for eid, k, _f in kb.index.get(fold(stem), ()) if k == "name")


def _word_start_alternation(words: Any) -> str:
    r"""``(?<![\w-])(?:w1|w2|...)`` written with each word's first letter before its lookbehind (``w(?<![\w-]w)ord``):
    the same matches, but every alternative opens with a literal, so the regex engine skips to those letters instead
    of trying the lookbehind at every position of the text (s14: ``_RIVER`` cost 0.9 M instructions a document)."""
    return "(?:" + "|".join(re.escape(w[0]) + r"(?<![\w-]" + re.escape(w[0]) + ")" + re.escape(w[1:]) for w in words) + ")"


_FLOW_VERBS = ("fließt", "fliesst", "münde", "durchflossen", "entspringt", "entwässert")  # substrings of the verbs below
# an article or contracted preposition, a capitalised name, at most four words of the same clause, a verb of flowing
_RIVER = re.compile(_word_start_alternation(("zur", "zum", "vom", "am", "Die", "die", "Der", "der", "Den", "den", "Dem", "dem"))
                    + r"[^\S\n]+([A-ZÄÖÜ][\w'’]*\w)(?![\w'’-])"
                    r"((?:[^\S\n]+[^\s,.;:!?()]+){0,4}?)[^\S\n]+(?:fließt|fliesst|mündet|münden|durchfließt|durchflossen|entspringt|entwässert)(?!\w)")


def rivers(text: str, out: list, make: Callable[..., Any]) -> list:
    """"bevor er zur Oulette fließt", "von der Vanne durchflossen", "die Ill entspringt": a name with its
    article before a verb of flowing in the same clause is a river. The name no dictionary knows as a
    common noun ("der Fluss mündet" is none); a guessed person there is the river."""
    lit = doc_literals(text)
    if not any(v in lit for v in _FLOW_VERBS):
        return out
    _common_head = _cd._common_head

    for m in _RIVER.finditer(text):
        s, e = m.span(1)
        w = m.group(1)
        if w.isupper() or _common_head(w) or _known_lower(w, "de"):
            continue
        over = [x for x in out if x.start < e and s < x.end]
        if over and not (len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].kind == "cap"):
            continue
        if over and over[0].etype == "place":
            continue
        out = [x for x in out if not any(x is y for y in over)] + [make(s, e, "place", w)]
    return out


_PEERAGE = re.compile(_word_start_alternation(("Earl", "Duke", "Duchess", "Marquess", "Marquis", "Viscount", "Baron", "Baroness",
                                                 "Countess", "Lord", "Bishop", "Archbishop"))
                      + r"[^\S\n]+of[^\S\n]+([A-Z][\w'’]*[a-z])(?![\w'’-])")


def peerages(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    """"der Earl of Wexbury", "Bishop of Durham": the place an English peerage or see is named after
    (a guessed person or nothing there; the title itself is no name)."""
    if " of " not in doc_literals(text):
        return out
    for m in _PEERAGE.finditer(text):
        s, e = m.span(1)
        w = m.group(1)
        over = [x for x in out if x.start < e and s < x.end]
        if over and not all(x.kind == "cap" and x.etype == "person" and s <= x.start and x.end <= e for x in over):
            continue
        hit = None
        for eid in kb.small_places(_fold(w)):
            ent = kb.entities.get(eid) or {}
            if ent.get("name") == w and (hit is None or (ent.get("population") or 0) > hit[1]):
                hit = (eid, ent.get("population") or 0)
        new = Mention(s, e, hit[0], "name", "place") if hit else make(s, e, "place", w)
        out = [x for x in out if not any(x is y for y in over)] + [new]
    return out


def _fold(w: str) -> str:
    return fold(w)


# what follows "liegt"/"lag" when it locates: a compass direction, a distance, "in der Nähe", "zwischen"
_LIES_WHERE = re.compile(r"[^\S\n]+(?:(?:etwa|rund|ca\.|circa|knapp|zirka|direkt|unmittelbar)[^\S\n]+)?"
                         r"(?:(?:\d[\d,.]*|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
                         r"fünfzig|hundert)[^\S\n]+(?:km|Kilometer|Meilen)|(?:nord|süd|ost|west)\w*lich(?!\w)|im[^\S\n]+(?:Nord|Süd|Ost|West)\w*"
                         r"|in[^\S\n]+der[^\S\n]+Nähe|zwischen|unweit|nahe(?!\w))")
# the subject right before the verb: one or two capitalised words
_LIES_WHO = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w'’-]*\w(?:[^\S\n]+[A-ZÄÖÜ][\w'’-]*\w)?)[^\S\n]+$")
# a section title opening a Wikipedia paragraph, then the article's place as the subject ("Lage X liegt ...")
_SECTION = re.compile(r"(?:Geschichte|Geographie|Geografie|Geographische[^\S\n]+Lage|Lage|Wirtschaft|Verkehr|Bevölkerung)"
                      r"[^\S\n]+([A-ZÄÖÜ][\w'’-]*\w)[^\S\n]+(?:war|ist|liegt|lag|gehört|gehörte|hat|hatte|wurde|zählt|zählte)(?!\w)")
_SECTION_WORDS = frozenset(("Geschichte", "Geographie", "Geografie", "Geographische", "Lage", "Wirtschaft", "Verkehr", "Bevölkerung"))


def _section_hits(text: str, capset: set[str]) -> list[tuple[int, int]]:
    """The spans of ``_SECTION``'s place at the line starts (a match holds no line break, so none overlaps one at a
    line start). s16: matched only at the line starts where a section word of the document's capitalised words
    stands (a match opens with one, a whole token), not at every line start; in line order."""
    at = set()
    for w in _SECTION_WORDS.intersection(capset):
        i = text.find(w)
        while i >= 0:
            if i == 0 or text[i - 1] == "\n":
                at.add(i)
            i = text.find(w, i + 1)
    hits = []
    for i in sorted(at):
        m = _SECTION.match(text, i)
        if m is not None:
            hits.append(m.span(1))
    return hits


def located_subjects(text: str, out: list, make: Callable[..., Any], capset: set[str]) -> list:
    """"X liegt 5 km nördlich von Y", "X liegt im Südosten von Y", "Der X liegt in der Nähe des ...": a name
    located by a direction or distance is a place; a person lies in no direction. And a paragraph of a
    place's article under its section title ("Geschichte X war ...", "Wirtschaft X ist ..."). Only a guessed
    person (or a word no pass took that no dictionary knows) becomes the place. The verbs are found with
    ``str.find``, the words around them with anchored regexes."""
    hits = []
    lit = doc_literals(text)
    for verb in (" liegt", " lag"):
        i = text.find(verb) if verb in lit else -1
        while i >= 0:
            j = i + len(verb)
            if _LIES_WHERE.match(text, j):
                who = _LIES_WHO.search(text, max(0, i - 80), i + 1)
                if who:
                    hits.append(who.span(1))
            i = text.find(verb, j)
    if not _SECTION_WORDS.isdisjoint(capset):
        hits.extend(_section_hits(text, capset))
    if not hits:
        return out
    _unknown_name_token = _cd._unknown_name_token

    for s, e in hits:
        w = text[s:e]
        if w.split()[0] in _ARTICLE_CAPS:
            continue
        over = [x for x in out if x.start < e and s < x.end]
        if over:
            if not (len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].kind == "cap" and over[0].etype == "person"):
                continue
        elif not all(_unknown_name_token(t) for t in w.split()):
            continue
        out = [x for x in out if not any(x is y for y in over)] + [make(s, e, "place", w)]
    return out


_ARTICLE_CAPS = frozenset("Der Die Das Den Dem Des Er Sie Es Ein Eine Dieser Diese Dieses".split())


@lru_cache(maxsize=1)
def _compass_after() -> frozenset[str]:
    return frozenset(str(x) for x in _data().get("compass_after") or [])


_IM_COMPASS = re.compile(r"[^\S\n]+im[^\S\n]+([A-ZÄÖÜ][a-zäöü]+)(?![\w-])")
# ", die Hauptstadt von ...", ", einem Dorf in ...": an apposition with an article and at most two adjectives
_APPO_AFTER = re.compile(r"[^\S\n]*,[^\S\n]+(?:der|die|das|dem|den|des|ein|eine|einem|einer|eines)[^\S\n]+"
                         r"(?:[a-zäöüß]+[^\S\n]+){0,2}([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")


_APPO_END = re.compile(r"[^\S\n]*(?:[,.;:)]|$|(?:von|des|der|im|in|am|an|bei|nahe|auf|mit)(?!\w))")


def described_places(text: str, out: list, make: Callable[..., Any], given: frozenset[str]) -> list:
    """A guessed person that the words after it place: "X im Norden" ("von X im Norden bis Y im Westen"; one
    word, no role noun or given name before it), or an apposition naming a settlement ("X , die Hauptstadt von
    Y", "X , ein Dorf in ..."; the settlement nouns of the apposition pass, ``apposition_place``)."""
    _apposition_kind, _cue_word = _cd._apposition_kind, _cd._cue_word

    compass = _compass_after()
    res = None
    for m in out:
        if m.etype != "person" or m.kind != "cap":
            continue
        w = text[m.start:m.end]
        pw, _i = _word_before(text, m.start)
        if pw and _cue_word(pw) or fold(w.split()[0]) in given:
            continue  # "General X im Norden", "Pancho X im Norden": a person
        ok = False
        c = _IM_COMPASS.match(text, m.end)
        if c and c.group(1) in compass:
            ok = " " not in w
        else:
            a = _APPO_AFTER.match(text, m.end)
            # an apposition, not the object of the clause: the noun ends it or takes a genitive or a preposition
            ok = a is not None and _apposition_kind(a.group(1)) == "place" and _APPO_END.match(text, a.end()) is not None
        if not ok:
            continue
        if res is None:
            res = list(out)
        res[res.index(m)] = make(m.start, m.end, "place", text[m.start:m.end])
    return out if res is None else res


@lru_cache(maxsize=1)
def _romance_rx() -> re.Pattern | None:
    heads = sorted({str(x) for x in _data().get("romance_heads") or []}, key=len, reverse=True)
    parts = sorted({str(x) for x in _data().get("romance_particles") or []}, key=len, reverse=True)
    if not heads:
        return None
    part = "(?:" + "|".join(re.escape(p) + ("" if p.endswith("'") else r"[^\S\n]+") for p in parts) + ")"
    name = r"[A-ZÄÖÜÀ-ÞŠŽČ][\w'’-]*\w"
    return re.compile(_word_start_alternation(heads) + r"[^\S\n]+" + part + "?" + name
                      + r"(?:[^\S\n]+" + part + name + ")*" + r"(?![\w'’-])")  # more names only after a particle


def romance_places(text: str, out: list, make: Callable[..., Any], capset: set[str]) -> list:
    """"Lido di Sottomarina", "Via Garibaldi", "Pont du Gard", "Gorge de la Vézère": an Italian, French or Spanish
    place head with a capitalised name (and its particles) is one place. A longer knowledge-base name (a
    country, "Costa Rica") or a name around it is left alone; guesses and places inside it give way."""
    rx = _romance_rx()
    heads = _romance_heads()
    if rx is None or heads.isdisjoint(capset):
        return out
    for m in rx.finditer(text):
        s, e = m.span()
        over = [x for x in out if x.start < e and s < x.end]
        if any(x.start < s or x.end > e or x.kind not in ("cap", "name", "given", "shape", "sur") or
               x.etype not in ("person", "place", "organization") or x.kind == "name" and x.etype != "place" for x in over):
            continue
        if any((x.start, x.end) == (s, e) and x.etype == "place" for x in over):
            continue
        out = [x for x in out if not any(x is y for y in over)] + [make(s, e, "place", text[s:e])]
    return out


@lru_cache(maxsize=1)
def _romance_heads() -> frozenset[str]:
    return frozenset(str(x) for x in _data().get("romance_heads") or [])


# a dateline: the town opening the text or a line, then an agency's or paper's short code in brackets
_DATELINE = re.compile(r"([A-ZÄÖÜ][\w-]*[a-zäöüß](?:[ /][A-ZÄÖÜ][\w-]*[a-zäöüß])?)[^\S\n]*\([^\S\n]*[A-Za-z]{2,5}[^\S\n]*\)")


def datelines(text: str, out: list, make: Callable[..., Any]) -> list:
    """"Kleinstadt ( dpa ) Der …", "Kleinstadt ( xy ) Viel …": the word that opens one of the text's first three
    lines before an agency's or paper's code in brackets is the town the item was written in (nothing or a guessed
    person there)."""
    if "(" not in text:
        return out
    _common_head = _cd._common_head

    starts = [0]  # the text's first three lines: a headline may stand before the dateline
    i = text.find("\n")
    while i >= 0 and len(starts) < 3:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    for a in starts:
        b = text.find("(", a, a + 60)
        m = _DATELINE.match(text, a) if b > a else None
        if not m:
            continue
        s, e = m.span(1)
        w = m.group(1)
        over = [x for x in out if x.start < e and s < x.end]
        if over and not (len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].kind == "cap"
                         and over[0].etype == "person"):
            continue
        if not over and _common_head(w):
            continue  # "Fazit ( red )": a heading
        out = [x for x in out if not any(x is y for y in over)] + [make(s, e, "place", w)]
    return out


_SPA = re.compile(r"B(?<![\w-].)ad[^\S\n]+([A-ZÄÖÜ][\w'’]*[a-zäöüß])(?![\w'’-])")


def spa_towns(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    """"Bad Wurzach", "in Bad Kleinbrunn": "Bad" and a name is a spa town (the capitalised-names stage reads "Bad",
    a noun, as no name and guesses the rest a person, or leaves both). A small place of GeoNames keeps its id;
    else the name must be no German common noun and no English word ("das Bad Duschen", "Bad Boys")."""
    if "Bad " not in doc_literals(text):
        return out
    _common_head = _cd._common_head

    for m in _SPA.finditer(text):
        s, e = m.span()
        w = m.group(1)
        over = [x for x in out if x.start < e and s < x.end]
        if any(x.start < s or x.end > e or not (x.kind == "cap" and x.etype in ("person", "place")) for x in over):
            continue
        key = fold(text[s:e])
        hits = [eid for eid in kb.small_places(key) if (kb.entities.get(eid) or {}).get("name") == text[s:e]]
        if hits:
            new = Mention(s, e, max(hits, key=lambda i: (kb.entities.get(i) or {}).get("population") or 0), "name", "place")
        elif _common_head(w) or _known(w.lower(), "en"):
            continue
        else:
            new = make(s, e, "place", text[s:e])
        out = [x for x in out if not any(x is y for y in over)] + [new]
    return out


# per knowledge base (held, so its id is not reused): word -> the town a sentence may open with, or None
_INITIAL_MEMO: dict[int, tuple[Any, dict[str, str | None]]] = {}


def _initial_town(w: str, kb: Any) -> str | None:
    memo = _INITIAL_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _INITIAL_MEMO.clear()
        memo = _INITIAL_MEMO[id(kb)] = (kb, {})
    if w in memo[1]:
        return memo[1][w]
    if len(memo[1]) >= 65536:
        memo[1].clear()
    hit = memo[1][w] = _initial_town_uncached(w, kb)
    return hit


def _initial_town_uncached(w: str, kb: Any) -> str | None:
    """The town a capitalised word names when it opens a sentence: a town's own name (not an alternate
    name) of 10,000 or more in the German-speaking countries or 100,000 elsewhere, that the German
    dictionary lists as a name, not as a common noun or a lower-case word's form ("Wismar", "Potsdam"; not
    "Hof", "Halle", "Essen"). The knowledge base first (most words name nothing), the dictionary after."""
    if len(w) < 4 or not w[1:].islower():
        return None
    cands = kb.index.get(_fold(w))
    if not cands:
        return None
    _common_word, de_lexicon = _cd._common_word, _cd.de_lexicon

    home = de_lexicon().home_countries
    best, best_pop = None, 0
    for eid, kind, flags in cands:
        ent = kb.entities.get(eid) or {}
        if ent.get("type") == "person" or kind != "name":
            return None  # a person's name too ("Kohl", "Brandt")
        if ent.get("type") != "place" or "x" in flags or ent.get("name") != w:
            continue
        pop = ent.get("population") or 0
        if (pop >= 100_000 or pop >= 10_000 and ent.get("country") in home) and pop > best_pop:
            best, best_pop = eid, pop
    if best is None or _common_word(w) and w not in _name_like("de") or _known(w.lower(), "de") or _known(w.lower(), "en"):
        return None
    return best


def initial_towns(text: str, out: list, kb: Any) -> list:
    """"Wismar hat ...", "Potsdam liegt ...": the knowledge-base matcher leaves a town named like a dictionary
    word alone when it opens a sentence (a German sentence may open with any word); a town the German dictionary
    lists only as a name (no common noun, no lower-case word) is the town there too. Not before a hyphen or
    another capitalised word (a club, a firm: "Potsdam Royals"), not inside another mention. Only the words
    that open a line or follow ". " are looked up (``str.find``; one match of ``_INITIAL_WORD`` at each)."""
    memo = _INITIAL_MEMO.get(id(kb))
    if memo is None or memo[0] is not kb:
        _initial_town("", kb)  # creates the knowledge base's memo
        memo = _INITIAL_MEMO[id(kb)]
    known = memo[1]
    match = _INITIAL_WORD.match
    found = None
    starts = [0]
    # s16: the line starts from one split (the lengths of the lines), not a ``str.find`` per line break
    p = 0
    for ln in text.split("\n"):
        p += len(ln) + 1
        starts.append(p)
    starts.pop()  # past the text's end
    i = text.find(". ")
    while i >= 0:
        starts.append(i + 2)
        i = text.find(". ", i + 1)
    n = len(text)
    first = _INITIAL_FIRST
    for p in starts:
        if p >= n or text[p] not in first:
            continue  # s16: what cannot open a match (an empty line's second line break, a digit, a lower-case letter)
        x = match(text, p)
        if x is None:
            continue
        w = x.group(1)
        eid = known.get(w, 0)
        if eid == 0:
            eid = _initial_town(w, kb)
        if eid is not None:
            if found is None:
                found = []
            found.append((x.start(1), x.end(1), eid))
    if found is None:
        return out
    res = list(out)
    for s, e, eid in found:
        if not any(m.start < e and s < m.end for m in res):
            res.append(Mention(s, e, eid, "name", "place"))
    return res


# a capitalised word opening a sentence (after an opening quote or bracket), not before a hyphen or another
# capitalised word (a club, a firm: "Potsdam Royals")
_INITIAL_WORD = re.compile(r"[ \t\"'«„“(]*([A-ZÄÖÜ][a-zäöüß]{3,})(?![\w-])(?![^\S\n]+[A-ZÄÖÜ])")
# the characters ``_INITIAL_WORD`` can open with (s16: tested before the match)
_INITIAL_FIRST = frozenset(" \t\"'«„“(ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def _named_site_heads() -> tuple[str, ...]:
    return _word_tuple("named_site_heads")


@lru_cache(maxsize=16)
def _word_tuple(key: str) -> tuple[str, ...]:
    return tuple(str(x) for x in _data().get(key) or [])


@lru_cache(maxsize=16)
def _word_set(key: str) -> frozenset[str]:
    return frozenset(_word_tuple(key))


def named_sites(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """"Kreuz Leverkusen", "Autobahndreieck Heumar", "Schlosspark Pillnitz": a motorway junction or a park named by
    the town it lies at is one place, the head and the town (the town alone is one of its parts). Only a
    one-word place (known or guessed) or a guessed person right after the head; the town's id is kept."""
    heads = _named_site_heads()
    if capset is not None and _word_set("named_site_heads").isdisjoint(capset) and "_" not in text:
        return out  # no head among the capitalised words (``capnames_de._CAP_TOKEN``: a capital after no [\w-]; the
        # test below takes a head after "_" too, which \w holds): the set test instead of a search per head (s13)
    if not heads or not any(h + " " in text for h in heads):
        return out

    idx = None  # the mentions with a sorted span list, built at the first head (s12: no rescan per hit)
    for h in heads:
        i = text.find(h + " ")
        while i >= 0:
            j = i + len(h) + 1
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) and not _after_capitalised_adjective(text, i):
                if idx is None:
                    idx = SpanIndex(out)
                nxt = idx.starting_at(j)
                if len(nxt) == 1 and not idx.overlaps(i, j):
                    k = nxt[0]
                    m = idx.get(k)
                    w = text[m.start:m.end]
                    if " " not in w and "-" not in w and text[m.end:m.end + 1] not in ("-", "/") and (m.etype == "place" or m.etype == "person" and m.kind == "cap") \
                            and not any(x != k for x in idx.overlapping(m.start, m.end)):
                        idx.replace(k, make(i, m.end, "place", text[i:m.end]) if m.eid.startswith("new:") else
                                    Mention(i, m.end, m.eid, m.kind, "place"))
            i = text.find(h + " ", j)
    return out if idx is None else idx.items()


# an inflected adjective before a site head: "Roten Kreuz", "Rote Kreuz", "Grünen Dreieck" (a name of its own)
_WORD_BEFORE_SITE = re.compile(r"(?<![\w-])([\w-]+)[^\S\n]+$")
_CAP_ADJ = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es|em)")


def _after_capitalised_adjective(text: str, i: int) -> bool:
    """Inflected capitalised adjectives (a word the dictionary knows in lower case, with an adjective's ending)
    after a determiner right before ``i``: "Helfer vom Roten Kreuz Berlin", "Das Rote Kreuz Genf", "des
    Deutschen Roten Kreuzes": the organisation, not the junction "Kreuz Berlin". A determiner or another
    function word alone ("Das Kreuz Leverkusen", "Zwischen Kreuz X und Y") is no adjective; two such adjectives
    need no determiner ("Deutsches Rotes Kreuz")."""
    dets = _word_set("site_head_determiners")
    n = 0
    end = i
    for _ in range(4):
        a = _WORD_BEFORE_SITE.search(text, max(0, end - 40), end)
        if a is None:
            return n >= 2
        w = a.group(1)
        if w.lower() in dets:
            return n >= 1
        if not _CAP_ADJ.fullmatch(w) or not _known_lower(w, "de"):
            return n >= 2
        n += 1
        end = a.start(1)
    return n >= 2


_SAINT_GAP = re.compile(r"[^\S\n]?\.?[^\S\n]+")


def lone_saints(text: str, out: list, make: Callable[..., Any]) -> list:
    """"St ." alone is no place: the abbreviation of Sankt opens a name that goes on after it. A saint's name
    after it ("St . Peter Canisius", read as a person's given names) makes a church or a town of both; an
    organisation named by a saint's town's adjective ("St . Galler Kantonalbank") takes the abbreviation in."""
    if "St" not in text:
        return out
    _role_word = _cd._role_word

    res = None
    for m in out:
        if m.etype != "place" or m.kind != "cap" or text[m.start:m.end] not in ("St", "St."):
            continue
        cur = out if res is None else res
        g = _SAINT_GAP.match(text, m.end)
        nxt = [x for x in cur if g and x.start == g.end()]
        if res is None:
            res = list(out)
        res = [x for x in res if x is not m]
        if len(nxt) == 1:
            x = nxt[0]
            w = text[x.start:x.end]
            if x.etype == "person" and x.kind in ("cap", "given") and not x.role:
                res = [y for y in res if y is not x] + [make(m.start, x.end, "place", text[m.start:x.end])]
            elif x.etype == "organization" and x.kind == "cap" and w.split()[0].endswith("er") and not _role_word(w.split()[-1]):
                res = [y for y in res if y is not x] + [make(m.start, x.end, "organization", text[m.start:x.end])]
    return out if res is None else res


def _char_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    return text[j - 1:j]


_PLURAL_ARTICLES = frozenset(("die", "der", "den"))


def people_named_as_lands(text: str, out: list) -> list:
    """"Die Polen wählen", "gegen die Schweden", "die jungen Sachsen": a land named like its people's plural
    (``people_lands``) takes no article in German, so after "die", "der" or "den" (an adjective between
    or not) the word is the people: a demonym mention of the land, not the land."""
    words = _word_set("people_lands")
    if not words:
        return out
    res = None
    for m in out:
        if m.etype not in ("place", "country") or m.kind != "name":
            continue
        w = text[m.start:m.end]
        if w not in words or text[m.end:m.end + 1] == "-":
            continue
        pw, i = _word_before(text, m.start)
        if pw[:1].islower() and pw.endswith(("e", "en")) and pw.lower() not in _PLURAL_ARTICLES:
            pw, i = _word_before(text, i)  # "die jungen Polen"
        if pw.lower() not in _PLURAL_ARTICLES or _char_before(text, i) == ",":
            continue  # ", der Polen an den Westen band": a relative pronoun, the land its object
        nx = _NEXT_TOKEN.match(text, m.end)
        if nx and nx.group(1)[:1].isupper() and nx.group(1)[:1].isalpha():
            continue  # "der Sachsen Arena": a name goes on
        if res is None:
            res = list(out)
        k = next(n for n, x in enumerate(res) if x is m)
        res[k] = Mention(m.start, m.end, m.eid, "dem", m.etype)
    return out if res is None else res


def noun_compounds(text: str, out: list) -> list:
    """"Maschinenbau", "Kelleranbau", "Nordländer", "Turmspringen": a word guessed a place by its ending (-au,
    -ingen) or by the word before it, that is a German word stem and a noun or nominalised verb of building,
    lands or a sport (``noun_tails``), is that noun: no town is named so. Round seven."""
    tails = _word_tuple("noun_tails")
    if not tails:
        return out
    _real_compound, _word_stem = _cd._real_compound, _cd._word_stem

    drop: set[int] = set()
    for m in out:
        if m.etype != "place" or m.kind != "cap" or not m.eid.startswith("new:place/"):
            continue
        w = text[m.start:m.end]
        if " " in w or "-" in w or not w.endswith(tails):
            continue
        t = next(x for x in tails if w.endswith(x))
        if not (_word_stem(w[:-len(t)]) or _real_compound(w)):
            continue
        drop.add(id(m))
    return _without(out, drop)


def _without(out: list, drop: set[int]) -> list:
    """``out`` less the mentions whose ids are in ``drop`` (the same list when there are none)."""
    return [x for x in out if id(x) not in drop] if drop else out


def counted_nouns(text: str, out: list) -> list:
    """"einige Male", "zwei Kuchen": a place named like a German common noun's form right after a word that
    counts (``quantifiers``, or digits) is the noun: a town is not counted. Capitals and countries too ("Male",
    the Maldives' capital, is the plural of "Mal"). Round seven."""
    qs = _word_set("quantifiers")
    if not qs:
        return out
    _common_word = _cd._common_word

    drop: set[int] = set()
    for m in out:
        if m.etype not in ("place", "country") or m.kind not in ("name", "cap"):
            continue
        w = text[m.start:m.end]
        if " " in w or "-" in w or text[m.end:m.end + 1] == "-":
            continue
        pw, _i = _word_before(text, m.start)
        if not (pw.lower() in qs or pw.isdigit()) or not _common_word(w):
            continue
        drop.add(id(m))
    return _without(out, drop)


def _spelt_like_town(adj: str, kb: Any) -> bool:
    """The town an -er adjective is made from is spelt as the adjective begins ("Berner": Bern; not "Bürger":
    Burg, which folding umlauts would find)."""
    for st in _town_stems(adj):
        for eid, kind, _f in kb.index.get(fold(st), ()):
            if kind == "name" and ((kb.entities.get(eid) or {}).get("name") or "").startswith(adj[:3]):
                return True
    return False


_ELIDED = re.compile(r"[^\S\n]+d['’]([A-ZÄÖÜÉÈÀÂÎÔ][\w-]*[a-zäöüéèàâîôûç])(?![\w'’-])")


def elided_names(text: str, out: list, make: Callable[..., Any]) -> list:
    """"Côte d'Armor", "Val d’Aosta", "Plaine d'Alsace": a place named in French or Italian goes on with an elided
    particle and a capitalised word; the place is the whole name (the first word alone names nothing).
    Round seven."""
    lit = doc_literals(text)
    if "d'" not in lit and "d’" not in lit:
        return out
    res = None
    for m in out:
        if m.etype != "place" or text[m.end:m.end + 4].lstrip(" \t")[:2] not in ("d'", "d’"):
            continue
        x = _ELIDED.match(text, m.end)
        cur = out if res is None else res
        if x is None or any(y is not m and y.start < x.end() and m.start < y.end for y in cur):
            continue
        if res is None:
            res = list(out)
        k = next(n for n, y in enumerate(res) if y is m)
        res[k] = make(m.start, x.end(), "place", text[m.start:x.end()])
    return out if res is None else res


def town_adjective_regions(text: str, out: list, kb: Any, make: Callable[..., Any]) -> list:
    """"Berner Seeland", "Zürcher Unterland": an adjective made from a town's name (``town_adjective``) right
    before a one-word region or place guessed or known is part of the region's name. Not before a
    country or a large town ("Pariser Frankreich" is no name). Round seven."""
    res = None
    for m in out:
        if m.etype != "place" or m.start < 6 or text[m.start - 1] != " ":
            continue
        w = text[m.start:m.end]
        if " " in w or not w[:1].isupper():
            continue
        pw, i = _word_before(text, m.start)
        if not pw.endswith("er") or not pw[:1].isupper() or i != m.start - len(pw) - 1:
            continue
        ent = kb.entities.get(m.eid) or {}
        if (ent.get("population") or 0) >= 100_000 or ent.get("capital"):
            continue
        cur = out if res is None else res
        if any(y.start < m.start and i < y.end for y in cur) or not town_adjective(pw, kb) or not _spelt_like_town(pw, kb):
            continue
        if res is None:
            res = list(out)
        k = next(n for n, y in enumerate(res) if y is m)
        res[k] = make(i, m.end, "place", text[i:m.end]) if m.eid.startswith("new:") else Mention(i, m.end, m.eid, m.kind, "place")
    return out if res is None else res


def refine(text: str, out: list, kb: Any, make: Callable[..., Any], given: frozenset[str], capset: set[str]) -> list:
    """The round-six place passes, in order."""
    out = broken_hyphens(text, out, kb)
    out = slot_places(text, out, kb, make, given)
    out = unknown_slot_places(text, out, make, given)
    out = district_compounds(text, out, kb, make, capset)
    out = rivers(text, out, make)
    out = peerages(text, out, kb, make)
    out = located_subjects(text, out, make, capset)
    out = described_places(text, out, make, given)
    out = romance_places(text, out, make, capset)
    out = datelines(text, out, make)
    out = spa_towns(text, out, kb, make)
    out = initial_towns(text, out, kb)  # round seven
    out = named_sites(text, out, make, capset)
    out = lone_saints(text, out, make)
    out = people_named_as_lands(text, out)
    out = noun_compounds(text, out)
    out = counted_nouns(text, out)
    out = elided_names(text, out, make)
    out = town_adjective_regions(text, out, kb, make)
    return out


# capnames_de imports this module at its top, so it is bound here, after every name it takes from this one (s14: an
# import statement inside a function costs about 1,000 instructions a call, two failed attribute lookups among them)
from communique.mentions import capnames_de as _cd  # noqa: E402
