"""Spanish: a last pass over the mentions of a document, for conventions of Spanish news text.

Applied by the linker after every other stage, for Spanish documents only (``refine``);
``ordinary_places`` runs before the capitalised-names stage. Each rule is a fact of how Spanish
(EFE-style) news writes names; the words each rule needs are data (``refine`` and ``capnames`` in
``data/lang/es/mentions.yaml``). In order:

* ordinary words read as names: a function word at a sentence start ("Para Otegi"), a byline
  that ran into the dateline's town, an organisation run that ran into a person, a small place
  named by an ordinary word ("la Justicia"), "Internet", oil grades, currency-table rows;
* names of competitions, laws, prizes, fairs, summits ("Liga de Campeones", "Copa del Rey",
  "Ley de Enjuiciamiento Civil") yield no mention, with the knowledge-base names inside them;
  story codes, common-noun acronyms and portfolios ("ministro de Defensa") are no organisations;
* clubs named by their town near words of sport: "Suárez ( Toledo )", "Barcelona 71 - TAU
  Vitoria 65", "3 - Brasil :", "la selección de Brasil", "BM. GRANOLLERS", "TEKA SANTANDER";
* types from context: one type per unknown name in a document, "el presidente de X" (an
  institution), coordinated names, share-price lines;
* persons: lists of names mostly persons (line-ups, box scores, substitutes "( X , m.70 )"),
  surnames of persons named in full, towns that speak ("agregó X ,"), adjacent person mentions;
* places by position: datelines, diary lines, "( Province )" after a town, "el estado de X",
  buildings after "en el", venue nouns ("el estadio del Milenio"), hyphenated place pairs;
* more names: acronyms in capitals, a known name again at a sentence start;
* places by their phrase (s9-es2): a name after "en"/"desde"/"hacia"/"hasta" or a verb of motion and
  "a", the country after a portfolio ("ministro del Interior de Colombia"), a dated town after a
  signature, "en Bogotá la Federación ...", a venue's town, a name with its acronym in brackets (one
  organisation), a given name or town before a town (a person).

docs/kb.md ("Spanish conventions") has the error analysis behind the rules and their figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from communique.kb.fold import fold
from communique.mentions.common import latin1_members, mentions_data
from communique.mentions.locs_es import refine_places
from communique.mentions.orgs_es import blanks_around, refine_orgs

# formerly [^\W\d_][\w'’.-]*[\w]|[^\W\d_]; the same matches written as capnames._TOK (s12 round three)
_WORD = re.compile("[" + latin1_members(r"[^\W\d_]") + "\u0100-\U0010ffff]" + r"(?<=[^\W\d_])[" + latin1_members(r"[\w'’.-]")
                   + r"'’.\-\w]*(?<=[" + latin1_members(r"\w") + r"\w])")
_SURNAME = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:ez|és|iz|oz|az)")  # "Suárez ( Toledo )": a surname, not a town
_ARTICLES = frozenset(["el", "la", "los", "las", "y", "e", "i", "d'", "l'"])
_ROMAN = re.compile(r"[IVXLC]+")
_H = r"[^\S\n]"
# s20 (kb20): the patterns below that search a window for "(\w+) ... $" open with \b: the leftmost match starts where no
# word character stands before (else one more character would give a match further left), so \b changes no match,
# but the engine no longer runs \w+ to the word's end and back from every position inside a word (~30 k a search)
# (they search slices of the text: with a ``pos``, \b would see the character before it)
_ROLE_DE = re.compile(r"\b(\w+)" + _H + r"+(?:de|del)" + _H + r"+$")  # "el presidente de ": the word before "de"


def _finditer(full: re.Pattern, quick: re.Pattern, text: str, pos: int = 0):
    """The matches of ``full.finditer(text)``, with ``full`` tried only where ``quick`` matches.

    ``quick`` must match at the start of every match of ``full`` and begin with a literal or a class
    the engine skips to (``full`` begins with a lookbehind or ``\\b``, so the engine tried it at every
    position: a tenth of the Spanish linking went to such scans; s15). ``full`` never matches the empty
    string, or always does (then each position is tried once, as ``finditer`` does); ``pos``: where to begin."""
    search, match = quick.search, full.match
    while True:
        q = search(text, pos)
        if q is None:
            return
        p = q.start()
        x = match(text, p)
        if x is None:
            pos = p + 1
            continue
        yield x
        pos = x.end() if x.end() > p else p + 1


@dataclass(frozen=True)
class _Lex:
    misc_heads: frozenset[str]
    misc_multi: tuple[str, ...]  # heads of two words ("Gran Premio", "Real Decreto")
    head_rx: re.Pattern  # any head, capitalised as written in a name (a quick test before the token scan)
    head_words: tuple[str, ...]  # every head in lower case, one and two words (their occurrences start the token scan)
    head_ac: Any  # an Aho-Corasick automaton of head_words (all their occurrences in one scan)
    misc_keep: frozenset[str]
    connectors: frozenset[str]
    sport: frozenset[str]
    sport_ac: Any  # an Aho-Corasick automaton of the words of sport that are tokens of _NOT_ORGS_RX6 (_Sporty)
    team_cues: frozenset[str]
    common_acronyms: frozenset[str]
    portfolio_cues: frozenset[str]
    match_words: frozenset[str]
    institution_roles: frozenset[str]
    speech_verbs: frozenset[str]
    speech_rx: re.Pattern  # a verb of saying and a capitalised word before a comma or full stop
    building_heads: frozenset[str]
    not_places: frozenset[str]
    commodity_cues: frozenset[str]
    venue_nouns: frozenset[str]
    caps_words: frozenset[str]  # words in capitals that are no places in a headline ("REUNION")
    motion_verbs: frozenset[str]  # "llegó a X": X is a place
    venue_rx: re.Pattern  # a venue noun, blanks and "de" ("el estadio del Milenio")
    venue_quick: re.Pattern  # its nouns alone (see _finditer)


def _automaton(words: tuple[str, ...]) -> Any:
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(list(words) or ["\x00"], matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=ahocorasick_rs.Implementation.DFA)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = mentions_data("es")
    r = data.get("refine") or {}

    def s(key: str) -> frozenset[str]:
        return frozenset(str(x).lower() for x in r.get(key) or [])

    heads = s("misc_heads")
    venues = "|".join(map(re.escape, sorted(s("venue_nouns"), key=len, reverse=True)))
    head_words = tuple(sorted(heads | {" ".join(w[:1].upper() + w[1:] for w in h.split()).lower() for h in heads}))
    alts = "|".join(re.escape(" ".join(w[:1].upper() + w[1:] for w in h.split())) for h in sorted(heads, key=len, reverse=True))
    head_rx = re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")
    return _Lex(misc_heads=frozenset(h for h in heads if " " not in h), misc_multi=tuple(h for h in heads if " " in h),
                head_rx=head_rx, head_words=head_words, head_ac=_automaton(head_words), misc_keep=s("misc_keep"), connectors=s("misc_connectors"), sport=s("sport_words"),
                sport_ac=_automaton(tuple(sorted(w for w in s("sport_words") if _NOT_ORGS_RX6.fullmatch(w)))), team_cues=s("team_cues"), common_acronyms=frozenset(str(x) for x in r.get("common_acronyms") or []),
                portfolio_cues=s("portfolio_cues"), match_words=s("match_words"), institution_roles=s("institution_roles"), speech_verbs=s("speech_verbs"),
                speech_rx=re.compile(r"(?<!\w)((?i:" + "|".join(map(re.escape, sorted(s("speech_verbs"), key=len, reverse=True)))
                                     + r"))" + _H + r"+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?=" + _H + r"*[,.])"), building_heads=s("building_heads"), not_places=s("not_places"), commodity_cues=s("commodity_cues"), venue_nouns=s("venue_nouns"),
                caps_words=frozenset(str(x) for x in r.get("caps_words") or []), motion_verbs=s("motion_verbs"),
                venue_rx=re.compile(r"\b(" + venues + r")" + _H + r"+((?:de|del|de la)" + _H + r"+)?"), venue_quick=re.compile(venues))


@lru_cache(maxsize=1)
def _cue_skip() -> re.Pattern | None:
    """The adjectives that may stand between a cue noun and its name ("el ministro ecuatoriano de")."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    return re.compile(clex.cue_skip) if clex and clex.cue_skip else None


def refine(text: str, mentions: list, make: Callable[..., Any], first: frozenset[str] = frozenset(),
           population: Callable[[str], int] | None = None, places: Callable[[str], tuple[str, str] | None] | None = None) -> list:
    """The mentions of a Spanish document after the rules above (a new list); ``first``: folded given
    names; ``population``: a place id's population (knowledge base); ``places``: the knowledge-base
    place or country a name denotes, as (id, type), or None (see :func:`place_lookup`)."""
    from communique.mentions.capnames import _with_given, cap_lexicon

    lex = _lex()
    clex = cap_lexicon("es")
    if clex is not None and clex.given_names:
        first = _with_given(first, clex.given_names)  # joined once per pair of sets (1 % of the Spanish linking per document)
    out = _ordinary_words(text, mentions, make, first)
    if population is not None:
        out = _word_places(text, out, population)
    misc = misc_spans(text, lex)
    out = _drop_misc(text, out, lex, misc)
    out = _not_orgs(text, out, lex, make, places)
    sporty = _Sporty(text, lex)  # words of sport near an offset, for the passes of this text
    out = _clubs(text, out, make, lex, sporty)
    out = _club_names(text, out, make, lex, sporty)
    out = _sponsor_clubs(text, out, make, lex, sporty)
    out = _one_type(text, out, make)
    out = _of_institution(text, out, make, lex, first)
    out = _lists(text, out, make, population)
    out = _person_lists(text, out, make, lex)
    out = _acronyms(text, out, make, lex, misc)
    out = _same_name_again(text, out)
    out = _surnames_and_speakers(text, out, make, lex, first, population)
    out = _place_pairs(text, out, make)
    out = _join_persons(text, out, make, lex, first)
    out = _split_institution_person(text, out, make, lex, first)
    out = _places_by_position(text, out, make)
    out = _buildings(text, out, make, lex)
    out = _venues(text, out, make, lex, places)
    out = _dateline_towns(text, out, make, places)
    out = _org_of_country(text, out, make)
    out = _place_phrases(text, out, make, first, places)
    out = _named_with_acronym(text, out, make)
    out = _given_name_places(text, out, make, first)
    out = refine_orgs(text, out, make, misc, _cue_skip(), first, sporty)  # mentions/orgs_es.py (s14)
    out = refine_places(text, out, make)  # mentions/locs_es.py (s14)
    out.sort(key=lambda m: (m.start, m.end))
    return out


# -- ordinary words read as names -----------------------------------------------------------------
def ordinary_places(text: str, mentions: list) -> list:
    """Knowledge-base places read into ordinary words, removed before the capitalised-names stage
    (which would otherwise carry a run on over them): a function word with a capital at the start of a
    sentence ("Para este sorteo" is not the state of Pará) and a name made of lower-case words ("La
    reunión" is not Réunion, "El centro")."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    stop = clex.stop if clex else frozenset()
    conn = clex.connectors if clex else frozenset()
    out = []
    for m in mentions:
        if m.etype in ("place", "country") and m.kind not in ("adj", "adjstem", "dem", "flag", "coref"):
            words = text[m.start:m.end].split()
            if len(words) == 1 and words[0].lower() in stop and not words[0].isupper():
                continue
            if len(words) >= 2 and any(w[:1].islower() and w.lower() not in conn and w.lower() not in _ARTICLES for w in words[1:]):
                continue
        out.append(m)
    return out


_ORDINARY_WORDS_RX1 = re.compile(_H + r"*," + _H + r"*\d{1,2}" + _H + r"+[a-z]{3}\w*" + _H + r"*\(")
_ORDINARY_WORDS_RX2 = re.compile(r"\b[Pp]or" + _H + r"+$")


def _ordinary_words(text: str, mentions: list, make: Callable[..., Any], first_names: frozenset[str]) -> list:
    """A function word with a capital at the start of a sentence begins no name ("Para Otegi" is
    Otegi); a byline "Por Juan Miguel Núñez Madrid , 23 may ( EFE )" ends before the town of its
    dateline; an organisation run on into a person splits before the given name ("HB Txema Montero",
    "la Presidencia de México Cuauhtémoc Cárdenas")."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    stop = clex.stop if clex else frozenset()
    out = []
    for m in mentions:
        if m.kind in ("adj", "adjstem", "dem", "flag", "coref"):
            out.append(m)
            continue
        surface = text[m.start:m.end]
        words = surface.split()
        first = words[0] if words else ""
        if first.lower() in stop and first[:1].isupper() and not first.isupper() and m.etype == "person" \
                and len(words) == 2 and m.kind == "cap":
            a = m.start + len(surface) - len(words[1])
            out.append(make(a, m.end, "person", words[1]))  # "Para Otegi"
            continue
        if m.etype == "person" and m.kind in ("cap", "given") and len(words) >= 3 and words[0].lower() != "por" \
                and _ORDINARY_WORDS_RX1.match(text[m.end:m.end + 24]) \
                and _ORDINARY_WORDS_RX2.search(text[max(0, m.start - 6):m.start]):
            a = m.end - len(words[-1])
            out.append(make(m.start, a - 1, "person", " ".join(words[:-1])))
            out.append(make(a, m.end, "place", words[-1]))
            continue
        if m.kind == "cap" and len(words) >= 3 and words[0] in ("La", "El", "Los", "Las") and _sentence_start(text, m.start):
            a = m.start + len(words[0]) + 1
            if text[a - 1] == " ":
                out.append(make(a, m.end, m.etype, text[a:m.end]))  # "La Unión Europea ( UE ) manifestó"
                continue
        if m.etype == "organization" and m.kind == "cap" and len(words) >= 3 and first_names:
            k = next((k for k in range(1, len(words) - 1) if fold(words[k]) in first_names and words[k + 1][:1].isupper()
                      and (words[k - 1].isupper() and len(words[k - 1]) >= 2 or (k >= 3 and words[k - 2] in ("de", "del")))), None)
            if k is not None:
                b = m.start + len(" ".join(words[:k]))
                a = m.end - len(" ".join(words[k:]))
                if text[m.start:b] == " ".join(words[:k]) and text[a:m.end] == " ".join(words[k:]):
                    out.append(make(m.start, b, "organization", text[m.start:b]))
                    out.append(make(a, m.end, "person", text[a:m.end]))
                    continue
        out.append(m)
    return out


_WORD_PLACES_RX1 = re.compile(r"\b(\w+)" + _H + r"+(?:de" + _H + r"+)?$")  # \b: see _ROLE_DE
_WORD_PLACES_RX2 = re.compile(r"\d[\d.,]*" + _H + r"+$")
_WORD_PLACES_RX3 = re.compile(_H + r"*\(" + _H + r"*[A-ZÁÉÍÓÚÑ]")
_WORD_PLACES_RX5 = re.compile(r"\b(?:en|desde|hacia|hasta)" + _H + r"+$")


def _word_places(text: str, mentions: list, population: Callable[[str], int]) -> list:
    """"Internet" (an alternate name of a GeoNames place) and a grade after "crudo" ("el crudo Brent")
    are no places; a small place whose name is an ordinary Spanish word ("la Justicia", "el Metro", "Colones ( Costa
    Rica )", a line in capitals "ESTE AÑO") is the word, unless a place preposition or a town's cue
    precedes it ("en Zafra", "el alcalde de Zafra")."""
    from communique.mentions.capnames import _known_lower, cap_lexicon

    clex = cap_lexicon("es")
    loc_cues = clex.loc_cues if clex else frozenset()
    lex = _lex()
    out = []
    for m in mentions:
        if m.etype == "place" and m.kind in ("name", "cap") and text[m.start:m.end].lower() in lex.not_places:
            continue  # "en Internet" (a gazetteer's alternate name, or an unknown name after "en")
        if m.etype in ("place", "country") and m.kind == "name" and _caps_word(text, m.start, m.end):
            continue  # "EL PRESIDENTE LLEGA A LA REUNION": an ordinary word of a line in capitals
        if m.etype == "place" and m.kind == "name":
            w = text[m.start:m.end]
            if w.endswith("s") and _WORD_PLACES_RX2.search(text[max(0, m.start - 12):m.start]) \
                    and _WORD_PLACES_RX3.match(text[m.end:m.end + 4]):
                continue  # a row of a currency table: "12,60 Córdobas ( Nicaragua )"
            pw = _WORD_PLACES_RX1.search(text[max(0, m.start - 20):m.start])
            if pw and pw.group(1).lower() in lex.commodity_cues:
                continue  # "el crudo Brent": a grade of oil
            word = w.capitalize() if w.isupper() else w
            if " " not in w and "-" not in w and population(m.eid) < 100_000 and _known_lower(word, "es") \
                    and not _WORD_PLACES_RX5.search(text[max(0, m.start - 8):m.start]):
                cue = _ROLE_DE.search(text[max(0, m.start - 30):m.start])
                if not (cue and cue.group(1).lower() in _TOWN_CUES | loc_cues):
                    continue
        out.append(m)
    return out


def _caps_word(text: str, s: int, e: int) -> bool:
    """[s, e) is a word of a line in capitals (a headline) that names a place only once its accent,
    which headlines in capitals leave out, is taken for a missing diacritic of the place ("REUNION"
    is reunión, not Réunion): the words are data (``refine.caps_words``)."""
    from communique.mentions.capnames import _headline_line

    w = text[s:e]
    if w not in _lex().caps_words:
        return False
    line = text[text.rfind("\n", 0, s) + 1:(text.find("\n", e) + 1 or len(text) + 1) - 1]
    return _headline_line(line)


_TOWN_CUES = frozenset(["alcalde", "alcaldesa", "ayuntamiento", "vecinos", "vecino", "vecina", "natural", "término", "afueras"])
_CODE = re.compile(r"[A-Z]{1,4}-?\d{2,}[A-Z]?")


_NOT_ORGS_RX1 = re.compile(r"\b(\w+)" + _H + r"+(?:de|del)(?:" + _H + r"+la)?" + _H + r"+$")  # \b: see _ROLE_DE
_NOT_ORGS_RX2 = re.compile(r"\b(\w+)" + _H + r"+$")
_NOT_ORGS_RX3 = re.compile(r"" + _H + r"(?:de|del|de la)" + _H + r"+([A-ZÁÉÍÓÚÑ][^()]*)$")
_NOT_ORGS_RX4 = re.compile(r"\(" + _H + r"*$")
_NOT_ORGS_RX5 = re.compile(_H + r"*\)")
_NOT_ORGS_RX6 = re.compile(r"\w+")


def _not_orgs(text: str, mentions: list, lex: _Lex, make: Callable[..., Any] | None = None,
              places: Callable[[str], tuple[str, str] | None] | None = None) -> list:
    """Story codes ("ME2027", "PM2037"), acronyms that are common nouns ("PIB", "OPA"), ordinary
    words in capitals and a portfolio after a role word ("el ministro de Defensa") are no
    organisations."""
    from communique.mentions.capnames import _known_lower, cap_lexicon

    clex = cap_lexicon("es")
    heads = clex.org_heads if clex else frozenset()
    skip = _cue_skip()
    out = []
    for m in mentions:
        if m.etype in ("organization", "group") and m.kind not in ("adj", "adjstem", "dem", "flag", "coref"):
            surface = text[m.start:m.end]
            if _CODE.fullmatch(surface) or surface in lex.common_acronyms:
                continue
            if surface.isupper() and m.kind in ("pattern", "cap") and not (
                    _NOT_ORGS_RX4.search(text[max(0, m.start - 3):m.start])
                    and _NOT_ORGS_RX5.match(text[m.end:m.end + 3])) and all(
                    _known_lower(w.capitalize(), "es") for w in _NOT_ORGS_RX6.findall(surface)):
                continue  # words of a line in capitals: "DISPOSICION PARA TRIUNFAR", "FINAL"
            win = text[max(0, m.start - 30):m.start]
            pw = _NOT_ORGS_RX1.search(win) if _may_end_de(win) or win.rstrip().endswith("la") else None
            if pw and m.kind != "name" and pw.group(1).lower() not in lex.portfolio_cues and pw.group(1).lower() not in ("general", "generales") \
                    and skip is not None and skip.fullmatch(pw.group(1).lower()):
                # "el ministro ecuatoriano de Defensa": a nationality between the role and its portfolio
                at = max(0, m.start - 30) + pw.start(1)
                pw2 = _NOT_ORGS_RX2.search(text[max(0, at - 30):at])
                pw = pw2 if pw2 and pw2.group(1).lower() in lex.portfolio_cues else pw
            if pw and pw.group(1).lower() in lex.portfolio_cues and surface.split()[0].lower() not in heads \
                    and not surface.isupper() and m.kind != "acr":
                # "el ministro de Asuntos Exteriores de Rusia": the portfolio goes, the country stays
                tail = _NOT_ORGS_RX3.search(surface)
                if tail and places is not None and make is not None and (hit := places(tail.group(1))) is not None:
                    a = m.start + tail.start(1)
                    out.append(_kb_mention(m, a, m.end, hit, make))
                continue
        out.append(m)
    return out


# -- names of competitions, laws, prizes ------------------------------------------------------
def misc_spans(text: str, lex: _Lex | None = None) -> list[tuple[int, int]]:
    """Spans of capitalised runs headed by a competition/law/prize/event word."""
    lex = lex or _lex()
    low = text.lower()
    if len(low) != len(text):  # a character that lowers to two: offsets of ``low`` are not the text's
        return _misc_spans_tokens(text, lex) if lex.head_rx.search(text) else []
    # the heads' occurrences (any case) are the only tokens that can start a span: the tokens are read
    # from there on, not the whole text's (s15; the old scan of every token is the oracle in the tests)
    # every occurrence of every head (overlapping): one automaton scan, not a str.find loop per head
    order = sorted({a for _k, a, _e in lex.head_ac.find_matches_as_indexes(low, overlapping=True)})
    # lex.head_rx.search(text): a head as written in a name begins at one of the candidates
    if not any(lex.head_rx.match(text, a) for a in order):
        return []
    out: list[tuple[int, int]] = []
    resume = 0
    word, hs = _WORD, _HS
    for a in order:
        if a < resume or not _token_start(text, a):
            continue
        b = word.match(text, a).end()
        w = text[a:b]
        low40 = text[a:a + 40].lower()
        if not w[:1].isupper() or (w.isupper() and len(w) > 3) or not (
                w.lower() in lex.misc_heads or any(low40.startswith(h) and not low40[len(h):len(h) + 1].isalpha() for h in lex.misc_multi)):
            continue
        s = a
        # an ordinal before the head belongs to it ("XIV Juegos Panamericanos")
        k = a
        while k > 0 and text[k - 1].isspace() and text[k - 1] != "\n":  # _HCH.match(text, k - 1) (s20: no regex call)
            k -= 1
        if k < a:
            f = _run_token_start(text, k)
            if f is not None and _ROMAN.fullmatch(text, f, k):
                s = f
        e = b  # the end of the last token of the span
        nx = word.search(text, e)
        while nx is not None:
            if not hs.fullmatch(text, e, nx.start()):
                break
            if text[nx.start()].isupper():
                e = nx.end()
                nx = word.search(text, e)
                continue
            # a connector of one or two words and a capitalised word: "Copa del Rey", "Ley de la Función Pública"
            t2 = word.search(text, nx.end())
            t3 = word.search(text, t2.end()) if t2 is not None else None
            joined = False
            for width, after in ((2, t3), (1, t2)):
                if after is None:
                    continue
                conn = text[nx.start():nx.end()] if width == 1 else text[nx.start():nx.end()] + " " + text[t2.start():t2.end()]
                gaps = hs.fullmatch(text, nx.end(), t2.start()) is not None and (
                    width == 1 or hs.fullmatch(text, t2.end(), t3.start()) is not None)
                if conn.lower() in lex.connectors and gaps and text[after.start()].isupper():
                    e = after.end()
                    joined = True
                    break
            if not joined:
                break
            nx = word.search(text, e)
        if text[s:e].lower() not in lex.misc_keep:
            out.append((s, e))
        resume = e
    return out


_HS = re.compile(_H + "+")
_HCH = re.compile(_H)
_RUNCH = re.compile(r"[\w'’.-]")  # the characters of _WORD's tokens
_LETTER = re.compile(r"[^\W\d_]")  # the first character of a token


def _token_start(text: str, a: int) -> bool:
    """Whether a token of ``_WORD.finditer(text)`` starts at ``a``: each maximal run of ``[\\w'’.-]``
    holds at most one token, from its first letter to its last ``\\w``."""
    if _LETTER.match(text, a) is None:
        return False
    k = a
    while k > 0 and _RUNCH.match(text, k - 1):
        k -= 1
        if _LETTER.match(text, k):
            return False
    return True


def _run_token_start(text: str, k: int) -> int | None:
    """The start of the token of ``_WORD.finditer(text)`` that ends at ``k`` (``text[k]`` is no token
    character), or None."""
    if k <= 0 or not _RUNCH.match(text, k - 1) or not text[k - 1].isalnum():
        return None
    r = k - 1
    while r > 0 and _RUNCH.match(text, r - 1):
        r -= 1
    for f in range(r, k):
        if _LETTER.match(text, f):
            return f
    return None


def _misc_spans_tokens(text: str, lex: _Lex) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    toks = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    n = len(toks)
    while i < n:
        a, b = toks[i]
        w = text[a:b]
        low = text[a:a + 40].lower()
        if not w[:1].isupper() or (w.isupper() and len(w) > 3) or not (
                w.lower() in lex.misc_heads or any(low.startswith(h) and not low[len(h):len(h) + 1].isalpha() for h in lex.misc_multi)):
            i += 1
            continue
        s = a
        # an ordinal before the head belongs to it ("XIV Juegos Panamericanos")
        if i > 0 and _ROMAN.fullmatch(text[toks[i - 1][0]:toks[i - 1][1]]) \
                and _HS.fullmatch(text[toks[i - 1][1]:a]):
            s = toks[i - 1][0]
        j = i
        while j + 1 < n:
            gap = text[toks[j][1]:toks[j + 1][0]]
            if not _HS.fullmatch(gap):
                break
            nxt = text[toks[j + 1][0]:toks[j + 1][1]]
            if nxt[:1].isupper():
                j += 1
                continue
            joined = False
            for width in (2, 1):
                if j + width + 1 < n:
                    conn = " ".join(text[toks[x][0]:toks[x][1]] for x in range(j + 1, j + 1 + width))
                    gaps = all(_HS.fullmatch(text[toks[x][1]:toks[x + 1][0]]) for x in range(j + 1, j + 1 + width))
                    after = text[toks[j + 1 + width][0]:toks[j + 1 + width][1]]
                    if conn.lower() in lex.connectors and gaps and after[:1].isupper():
                        j += width + 1
                        joined = True
                        break
            if not joined:
                break
        e = toks[j][1]
        if text[s:e].lower() not in lex.misc_keep:
            out.append((s, e))
        i = j + 1
    return out


def _drop_misc(text: str, mentions: list, lex: _Lex, spans: list[tuple[int, int]]) -> list:
    if not spans:
        return list(mentions)
    out = []
    for m in mentions:
        if any(a <= m.start and m.end <= b for a, b in spans) and m.kind not in ("adj", "adjstem", "dem", "flag"):
            if text[m.start:m.end].lower() in lex.misc_keep:
                out.append(m)
            elif m.etype in ("place", "country") and m.kind == "name" and text[max(0, m.start - 4):m.start] == " en " \
                    and m.end in {b for _a, b in spans}:
                out.append(m)  # "los actos del Día de las Fuerzas Armadas en Barcelona": where it is held (s14)
            continue
        out.append(m)
    return out


# -- clubs named by their town ------------------------------------------------------------------
_SCORE_AFTER = re.compile(_H + r"*,?" + _H + r"*\d{1,3}(?![\d,.:/])(?:" + _H + r"*\([^()\n]{0,12}\))?" + _H + r"*(?:-|\n|$|[A-ZÁÉÍÓÚÑ.,;)])")
_SCORE_BEFORE = re.compile(r"\d{1,3}" + _H + r"*-" + _H + r"*$")


_CLUB_TOK = r"[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ'’-]*"
_CLUB = re.compile(
    r"(?<![\w.])(?:(?:FC|CF|CD|CB|BM|UD|SD|RCD|RC|CP)\.?|At\.|(?:ATLETICO|ATLÉTICO|Atlético|DEPORTIVO|Deportivo|RACING|Racing|SPORTING"
    r"|Sporting|ATHLETIC|Athletic|OLYMPIQUE|Olympique|INTER|Inter)(?:" + _H + r"+(?:de|DE))?)"
    + _H + r"+" + _CLUB_TOK + r"(?:" + _H + r"+(?:DE|de)" + _H + r"+" + _CLUB_TOK + r")?")


_CLUB_QUICK = re.compile(r"FC|CF|CD|CB|BM|UD|SD|RC|CP|At\.|ATLETICO|ATLÉTICO|Atlético|DEPORTIVO|Deportivo|RACING|Racing"
                         r"|SPORTING|Sporting|ATHLETIC|Athletic|OLYMPIQUE|Olympique|INTER|Inter")  # each start of _CLUB


def _club_names(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, sporty: _Sporty | None = None) -> list:
    """A club's name with its prefix is one organisation, the town in it included: "BM. GRANOLLERS",
    "FC Barcelona", "ATLETICO DE MADRID", "Inter de Milán" (near words of sport)."""
    new = []
    drop: set[int] = set()
    sporty = sporty or _Sporty(text, lex)
    for x in _finditer(_CLUB, _CLUB_QUICK, text):
        a, b = x.span()
        # a following line-up year or score ends the name: "BM. GRANOLLERS 1959-60"
        inner = [m for m in mentions if a <= m.start and m.end <= b]
        if any(m.start == a and m.end == b and m.etype in ("organization", "group") for m in inner):
            continue
        if any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in mentions):
            continue
        if not sporty(a):
            continue
        drop.update(id(m) for m in inner)
        new.append(make(a, b, "organization", text[a:b]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_CAPS_PAIR = re.compile(r"(?<![\w.])(?=([A-ZÁÉÍÓÚÑ]{3,})" + _H + r"+([A-ZÁÉÍÓÚÑ]{3,})(?![\w.]))")  # overlapping pairs




def _sponsor_clubs(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, sporty: _Sporty | None = None) -> list:
    """In a table of results in capitals a sponsor's name before a town is a club ("TEKA SANTANDER",
    "ADEMAR LEON"): an unknown word in capitals, not an ordinary one, then a town, near words of sport."""
    from communique.mentions.capnames import _known_lower

    sporty = sporty or _Sporty(text, lex)
    by_span = {(m.start, m.end): m for m in mentions}
    starts = {m.start for m in mentions}
    drop: set[int] = set()
    new = []
    # the pairs of _CAPS_PAIR.finditer(text) whose second word is a place mention, found from the places
    # (in the same order: a pair's second word comes later as its first does; s15)
    for (a2, b2), town in sorted(by_span.items(), key=lambda kv: kv[0]):
        if town.etype != "place":
            continue
        x = _caps_pair_before(text, a2, b2)
        if x is None:
            continue
        a1, b1 = x.span(1)
        if a1 in starts or any(m.start < b1 and a1 < m.end for m in mentions):
            continue
        w = x.group(1)
        if _known_lower(w.capitalize(), "es") or _VALID_ROMAN.fullmatch(w) or not sporty(a1):
            continue
        drop.add(id(town))
        new.append(make(a1, b2, "organization", text[a1:b2]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_CAP1 = re.compile(r"[A-ZÁÉÍÓÚÑ]")


def _caps_pair_before(text: str, a2: int, b2: int) -> re.Match | None:
    """The match of ``_CAPS_PAIR.finditer(text)`` whose second word is ``text[a2:b2]``, or None: it can
    only begin at the start of the run of capitals before the blanks before ``a2`` (its lookbehind
    refuses a start inside a run, and its first word takes the whole run)."""
    k = a2
    while k > 0 and text[k - 1].isspace() and text[k - 1] != "\n":  # _HCH.match(text, k - 1) (s20)
        k -= 1
    if k == a2:
        return None
    p = k
    while p > 0 and _CAP1.match(text, p - 1):
        p -= 1
    if k - p < 3:
        return None
    x = _CAPS_PAIR.match(text, p)
    return x if x is not None and x.span(2) == (a2, b2) else None


def _sporty(text: str, s: int, lex: _Lex) -> bool:
    """Words of sport within a few hundred characters."""
    window = text[max(0, s - 400):s + 400].lower()
    return any(w in lex.sport for w in _NOT_ORGS_RX6.findall(window))


class _Sporty:
    """``_sporty(text, s, lex)`` for the offsets ``s`` of one text, from one scan of the text (s19: each call
    lowered and split 800 characters, ~70 k instructions, a few calls a document by several passes).

    The words of sport in the lowered text are found once, with whether a word character stands before and
    after each (``_NOT_ORGS_RX6`` is ``\\w+``; ``\\w`` is ``str.isalnum`` or "_"). An occurrence [i, j) is a
    token of the window [a, b) exactly when a <= i, j <= b and it is cut from its neighbours by a non-word
    character or by the window's edge. That the lowered window is the window of the lowered text needs a
    lowering letter by letter: one character for one (the text's length is kept) and blind to context (only
    "Σ" looks at its neighbours); other texts take ``_sporty``. Oracle: tests/mentions/test_s19_kb19_oracles.py."""

    def __init__(self, text: str, lex: _Lex) -> None:
        self.text, self.lex = text, lex
        self._hits: list[tuple[int, int, bool, bool]] | None = None  # made by the first call
        self._plain = False

    def _scan(self) -> list[tuple[int, int, bool, bool]]:
        text = self.text
        low = text.lower()
        if len(low) != len(text) or "Σ" in text:
            self._plain = True
            return []
        n = len(low)
        hits = []
        for _p, i, j in self.lex.sport_ac.find_matches_as_indexes(low, overlapping=True):
            # (start, end, a word character before, a word character after)
            hits.append((i, j, i > 0 and (low[i - 1].isalnum() or low[i - 1] == "_"),
                         j < n and (low[j].isalnum() or low[j] == "_")))
        return hits

    def __call__(self, s: int) -> bool:
        hits = self._hits
        if hits is None:
            hits = self._hits = self._scan()
        if self._plain:
            return _sporty(self.text, s, self.lex)
        a, b = max(0, s - 400), min(len(self.text), s + 400)
        return any(a <= i and j <= b and (i == a or not wb) and (j == b or not wa) for i, j, wb, wa in hits)


# s20 (kb20): "\b\d{1,2}-\d{1,2}\b" with the digit first and the boundary as a look-behind after it, so that the engine
# skips to the digits (a pattern opening with \b is tried at every position of the sentence)
_MATCH_SENTENCE_RX1 = re.compile(r"\d(?<!\w\d)\d?-\d{1,2}\b")


def _match_sentence(text: str, s: int, e: int, lex: _Lex, memo: dict | None = None) -> bool:
    """The sentence around [s, e) is about a match: words of a game and its result. ``memo``: answers
    by sentence, for the names of one text (s15)."""
    a = max(text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
    b = min([x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0] or [len(text)])
    if memo is not None and (a, b) in memo:
        return memo[a, b]
    sent = text[a:b]
    # the words as written: "Partido" (a party) is no match
    hit = not lex.match_words.isdisjoint(_NOT_ORGS_RX6.findall(sent)) or _MATCH_SENTENCE_RX1.search(sent) is not None
    if memo is not None:
        memo[a, b] = hit
    return hit


# s20 (kb20): _CLUBS_RX1 and _CLUBS_RX4 start no match right after a letter: a match starting there would give one
# starting a character earlier (the letter), so the leftmost match and findall's matches (each ends with a
# bracket, so the next one is looked for after a bracket) stay the same; the engine no longer runs the token to
# its end and back from every position inside a word
_CLUBS_RX1 = re.compile(r"(?<![^\W\d_])([^\W\d_][\w'’.-]*)" + _H + r"*\(" + _H + r"*$")
_CLUBS_RX2 = re.compile(r"(?:^|\n)" + _H + r"*\d{1,3}" + _H + r"*-" + _H + r"*$")
_CLUBS_RX3 = re.compile(_H + r"*(?::|\(" + _H + r"*\d)")
_CLUBS_RX4 = re.compile(r"(?<![^\W\d_])[^\W\d_][\w.'’-]*" + _H + r"*\(" + _H + r"*[^\W\d_][^()\n]{0,30}\)")
_CLUBS_RX5 = re.compile(_H + r"+[ye]" + _H + r"+$")
_CLUBS_RX6 = re.compile(_H + r"*\)" + _H + r"*,?" + _H + r"*\d{1,2}" + _H + r"+[a-z]{3}")


def _clubs(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, sporty: _Sporty | None = None) -> list:
    sporty = sporty or _Sporty(text, lex)
    sentences: dict = {}  # _match_sentence's answers for this text
    by_start = {m.start: m for m in mentions}
    drop: set[int] = set()
    new: list = []
    for m in mentions:
        if m.etype not in ("place", "country", "person", "organization") or m.kind in ("adj", "adjstem", "dem", "flag", "coref"):
            continue
        surface = text[m.start:m.end]
        # "( Toledo )" after a name: the player's club
        club_like = m.etype == "place" or (m.kind == "cap" and m.etype == "organization")
        if club_like and not surface.isupper() and "(" in text[max(0, m.start - 3):m.start] \
                and _NOT_ORGS_RX4.search(text[max(0, m.start - 3):m.start]) \
                and _NOT_ORGS_RX5.match(text[m.end:m.end + 3]):
            lp = _CLUBS_RX1.search(text[max(0, m.start - 60):m.start])
            if lp:
                left_end = m.start - (len(lp.group(0)) - len(lp.group(1)))
                left = [x for x in mentions if x.end == left_end and x is not m]
                line_s = text.rfind("\n", 0, left_end) + 1
                line_e = text.find("\n", m.end)
                line = text[line_s:line_e if line_e >= 0 else len(text)]
                # each match holds one bracket: a line with fewer than two has fewer than two groups (s15)
                groups = len(_CLUBS_RX4.findall(line)) if line.count("(") >= 2 else 0
                lm = left[0] if left else None
                person_left = lm is not None and lm.etype == "person"
                if lm is not None and lm.etype == "place" and " " not in text[lm.start:lm.end]:
                    # "Ruiz y Soler ( Girona )": a town read into the second of two coordinated players
                    co = _CLUBS_RX5.search(text[max(0, lm.start - 4):lm.start])
                    person_left = co is not None and any(x.etype == "person" and x.end == lm.start - len(co.group(0))
                                                         for x in mentions)
                list_left = groups >= 2 and lp.group(1)[:1].isupper() and not lp.group(1).isupper() and (
                    lm is None or lm.etype == "person" or (lm.etype == "place" and _SURNAME.fullmatch(lp.group(1))))
                dateline = _line_start(text, left_end - len(lp.group(1))) or _CLUBS_RX6.match(text[m.end:m.end + 20])
                if (person_left or list_left) and not dateline and sporty(m.start):
                    if m.etype != "organization":
                        drop.add(id(m))
                        new.append(make(m.start, m.end, "organization", surface))
                    if lm is not None and lm.etype == "place" and " " not in text[lm.start:lm.end]:
                        drop.add(id(lm))
                        new.append(make(lm.start, lm.end, "person", text[lm.start:lm.end]))
                    elif lm is None and lp.group(1)[:1].isupper() and not lp.group(1).isupper():
                        a = left_end - len(lp.group(1))
                        if a not in by_start:
                            new.append(make(a, left_end, "person", lp.group(1)))
                    continue
        # a team: "la selección de Brasil", a line-up "3 - Brasil : Dida , Cafu", "25 - Barcelona ( 13+12 ) :"
        if m.etype in ("place", "country") and m.kind == "name":
            pw = _ROLE_DE.search(text[max(0, m.start - 30):m.start]) if _may_end_de(text[max(0, m.start - 30):m.start]) else None
            lineup = "-" in text[max(0, m.start - 12):m.start] \
                and _CLUBS_RX2.search(text[max(0, m.start - 12):m.start]) \
                and _CLUBS_RX3.match(text[m.end:m.end + 6])
            # the cue as written in lower case: "el ministro de Defensa de Estados Unidos" names no team
            if ((pw and pw.group(1).islower() and pw.group(1) in lex.team_cues) or lineup) and sporty(m.start):
                drop.add(id(m))
                new.append(make(m.start, m.end, "organization", surface))
                continue
        # a national team in a sentence about a match: "ganó por 3-0 a Gales", "se enfrentarán a Inglaterra"
        if m.etype == "country" and m.kind == "name" and not surface.isupper() and _match_sentence(text, m.start, m.end, lex, sentences):
            pw = _NOT_ORGS_RX2.search(text[max(0, m.start - 20):m.start])
            if not (pw and pw.group(1).lower() in ("en", "desde", "hacia", "hasta", "de", "del", "por")):
                drop.add(id(m))
                new.append(make(m.start, m.end, "organization", surface))
                continue
        # a result: "Barcelona 71 - TAU Vitoria 65"
        if m.etype in ("place", "country") or (m.kind == "cap" and m.etype == "person"):
            before = text[max(0, m.start - 12):m.start]
            after = _SCORE_AFTER.match(text, m.end)
            first_side = after is not None and after.group(0).rstrip().endswith("-")
            if after and (first_side or (_SCORE_BEFORE.search(before) and not after.group(0).rstrip().endswith(")"))) \
                    and sporty(m.start):
                drop.add(id(m))
                new.append(make(m.start, m.end, "organization", surface))
    if not drop and not new:
        return list(mentions)
    return [m for m in mentions if id(m) not in drop] + new


_PRICE_AFTER = re.compile(_H + r"+\d+,\d+" + _H + r"+(?:[-+]" + _H + r"*[\d.,]+|\d+,\d+)")


_LISTS_RX1 = re.compile(_H + r"*(?:,|y|e|o)" + _H + r"*")
_LISTS_RX2 = re.compile(_H + r"+[ye]" + _H + r"+")
_LISTS_RX3 = re.compile(r"\b(?:en|desde|hasta|hacia|entre)" + _H + r"+$")


_LINK_FIRST = frozenset(",yeo")  # the characters that may begin a match of _LISTS_RX1, besides a blank
_LINKS = frozenset(",yeo")  # what _LISTS_RX1 takes between its blanks



def _lists(text: str, mentions: list, make: Callable[..., Any], population: Callable[[str], int] | None = None) -> list:
    """Coordinated names share their type: in "MIT , Cornell , Virginia Tech y Stanford" or "Motorola ,
    Alcatel , Sagem y Mitsubishi" one organisation known to the knowledge base makes the unknown
    names beside it organisations (and persons likewise); a name in a share-price table ("Jazztel
    28,00 - 6,00") is a company."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    loc_cues = sorted(clex.loc_cues) if clex else ["ciudad"]
    ms = sorted(mentions, key=lambda m: m.start)
    out_type: dict[int, str] = {}
    n = len(text)
    i = 0
    while i < len(ms):
        j = i
        while j + 1 < len(ms) and (e := ms[j].end) < n and (text[e] in _LINK_FIRST or (text[e].isspace() and text[e] != "\n")) \
                and blanks_around(text[e:ms[j + 1].start], _LINKS):  # a blank or the link's first character first (s15)
            j += 1
        group = ms[i:j + 1]
        if len(group) == 2 and group[0].kind == "name" and group[0].etype in ("place", "country") \
                and group[1].kind == "cap" and group[1].etype in ("person", "organization") \
                and (group[1].etype == "organization" or " " not in text[group[1].start:group[1].end]) \
                and _LISTS_RX2.fullmatch(text[group[0].end:group[1].start]) \
                and re.search(r"\b(?:en|desde|hasta|hacia|(?:" + "|".join(loc_cues) + r")" + _H + r"+(?:de|del))" + _H + r"+$",
                              text[max(0, group[0].start - 40):group[0].start]):
            out_type[id(group[1])] = "place"  # "los estados de Bahía y Sergipe", "en Gigante y Chiquiquirá"
        if len(group) == 2 and population is not None and _LISTS_RX2.fullmatch(text[group[0].end:group[1].start]) \
                and not _LISTS_RX3.search(text[max(0, group[0].start - 10):group[0].start]):
            # "Amonestó a Jones y Savage": a small town coordinated with a person is a person
            for p_, q_ in ((group[0], group[1]), (group[1], group[0])):
                w = text[q_.start:q_.end]
                if p_.etype == "person" and q_.etype == "place" and q_.kind == "name" and " " not in w and not w.isupper() \
                        and population(q_.eid) < 500_000:
                    out_type[id(q_)] = "person"
        if len(group) >= 3:
            # "Guipúzcoa , Alava y Vizcaya": unknown names in a list of known places are places
            kplaces = [m for m in group if m.kind == "name" and m.etype in ("place", "country")]
            if len(kplaces) >= 2 and not any(m.kind in ("name", "acr", "pattern") and m.etype in ("organization", "person")
                                             for m in group):
                for m in group:
                    if m.kind == "cap" and m.etype in ("organization", "person") and not text[m.start:m.end].isupper():
                        out_type[id(m)] = "place"
            known = [m.etype for m in group if m.kind in ("name", "acr", "pattern") and m.etype in ("organization", "person")]
            if known and all(t == known[0] for t in known):
                for m in group:
                    if m.kind in ("cap", "given", "shape") and m.etype in ("organization", "person") and m.etype != known[0]:
                        out_type[id(m)] = known[0]
        i = j + 1
    for m in ms:
        if m.kind == "cap" and m.etype == "person" and _PRICE_AFTER.match(text, m.end):
            out_type[id(m)] = "organization"
    if not out_type:
        return mentions
    return [make(m.start, m.end, out_type[id(m)], text[m.start:m.end]) if id(m) in out_type else m for m in mentions]


def _sentence_start(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t\"'«“(-":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


_ACR = re.compile(r"(?<![\w/&.-])[A-ZÁÉÍÓÚÑ]{2,6}(?![\w/&-]|\.\w)")
# _ACR with its lookbehind after the first capital (a class first: the engine skips to the capitals; s15)
_ACR_FAST = re.compile(r"[A-ZÁÉÍÓÚÑ](?<![\w/&.-].)[A-ZÁÉÍÓÚÑ]{1,5}(?![\w/&-]|\.\w)")
_VALID_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


_ACRONYMS_RX1 = re.compile(_H + r"*\d")


def _acronyms(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, misc: list[tuple[int, int]]) -> list:
    """Acronyms in capitals are organisations in Spanish news ("IU", "EA", "CDC", "COAG") unless a
    Roman numeral ("XIV", but not "CDC"), a common noun ("PIB"), part of a line in capitals, or
    already read otherwise."""
    from communique.mentions.capnames import _headline, cap_lexicon

    clex = cap_lexicon("es")
    stop = (clex.stop | clex.org_suffixes) if clex else frozenset()
    taken = sorted((m.start, m.end) for m in mentions)
    import bisect

    starts = [a for a, _b in taken]
    new = []
    for x in _ACR_FAST.finditer(text):  # _ACR.finditer(text)
        a, b = x.span()
        w = x.group(0)
        if w in lex.common_acronyms:
            continue
        k = bisect.bisect_right(starts, b) - 1
        if any(ta < b and a < tb for ta, tb in taken[max(0, k - 3):k + 1]):
            continue  # already read (most are: "EFE", known acronyms); tested before the headline's test (s15)
        if _VALID_ROMAN.fullmatch(w) or w.lower() in stop or any(ma <= a and b <= mb for ma, mb in misc) or _headline(text, a):
            continue
        if _ACRONYMS_RX1.match(text[b:b + 2]):
            continue  # "SV 2149", units
        new.append(make(a, b, "organization", w))
    return mentions + new if new else mentions


_SENT_START = re.compile(r"(?:^|[.!?\n:])[ \t\"'«“(-]*(?=[A-ZÁÉÍÓÚÑ])")


_SENT_REST = re.compile(r"[.!?\n:][ \t\"'«“(-]*(?=[A-ZÁÉÍÓÚÑ])")  # _SENT_START without "^" (a class first)


def _sentence_starts(text: str):
    """``_SENT_START.finditer(text)``: the text's start, then its marks of a sentence's end (s15)."""
    x = _SENT_START.match(text, 0)  # "^" (no other match begins without a mark)
    pos = 0
    if x is not None:
        yield x
        pos = x.end() if x.end() > 0 else 1  # an empty match at 0: a capital there, so no other match at 0
    yield from _SENT_REST.finditer(text, pos)  # "^" matches no later position


def _same_name_again(text: str, mentions: list) -> list:
    """A name the document gave an organisation or a person is the same name at the start of a
    sentence, where the other stages skip it ("Telefónica" there may be an adjective, yet not here)."""
    import bisect
    from dataclasses import replace

    seen: dict[str, Any] = {}
    for m in mentions:
        if m.etype in ("organization", "person") and m.kind not in ("adj", "adjstem", "dem", "flag", "coref", "sur", "stemsur"):
            surface = text[m.start:m.end]
            if len(surface) >= 4 and surface[:1].isupper() and not surface.isupper():
                seen.setdefault(surface, m)
    if not seen:
        return mentions
    by_first: dict[str, list[str]] = {}
    for k in sorted(seen, key=len, reverse=True):
        by_first.setdefault(k.split(" ")[0], []).append(k)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [x for x, _y in spans]
    out = list(mentions)
    for x in _sentence_starts(text):
        a = x.end()
        w = _WORD.match(text, a)
        if w is None or w.group(0) not in by_first:
            continue
        for surf in by_first[w.group(0)]:
            b = a + len(surf)
            if not text.startswith(surf, a) or (b < len(text) and (text[b].isalnum() or text[b] in "_-")):
                continue
            k = bisect.bisect_left(starts, b)
            if any(ta < b and a < tb for ta, tb in spans[max(0, k - 8):k]):
                break
            out.append(replace(seen[surf], start=a, end=b))
            break
    return out


_UP = "A-ZÁÉÍÓÚÑÜ"
_ITEM = re.compile(r"(?<![\w.])(?:[" + _UP + r"]\." + _H + r"*)*[" + _UP + r"][\w'’-]+(?:" + _H + r"+(?:(?:de|del|da|do|dos|di|van|von)"
                   + _H + r"+)?[" + _UP + r"][\w'’-]+)*")
# _ITEM with its lookbehind after the first capital, the initials' repeat split into "one or more" and
# "none" in the order the engine tried them (a class first: the engine skips to the capitals; s15)
_ITEM_FAST = re.compile(r"[" + _UP + r"](?<![\w.].)(?:\." + _H + r"*(?:[" + _UP + r"]\." + _H + r"*)*[" + _UP + r"][\w'’-]+|[\w'’-]+)"
                        r"(?:" + _H + r"+(?:(?:de|del|da|do|dos|di|van|von)" + _H + r"+)?[" + _UP + r"][\w'’-]+)*")
_SEP_FIRST = frozenset("(,;ye")  # the characters that may begin a match of _SEP, besides a blank
_SEP = re.compile(_H + r"*(?:\([^()\n]{0,40}\)" + _H + r"*)?(?:,|;|y|e)" + _H + r"*")
_SEPS = frozenset(",;ye")  # what _SEP takes between its blanks where it holds no bracket


def _is_sep(gap: str) -> bool:
    """``_SEP.fullmatch(gap)``: the regex only where the gap holds a bracket (s20)."""
    return _SEP.fullmatch(gap) is not None if "(" in gap else blanks_around(gap, _SEPS)
_SUB = re.compile(r"\(" + _H + r"*([" + _UP + r"][\w'’ .-]{1,40}?)" + _H + r"*," + _H + r"*m\.\d{1,3}" + _H + r"*\)")


_PERSON_LISTS_RX1 = re.compile(r"\([^()\n]*\)")
_PERSON_LISTS_RX2 = re.compile(_H + r"*\(" + _H + r"*(?:\d|-" + _H + r"*\))")
_PERSON_LISTS_RX3 = re.compile(r"(?:^|[.!?\n])[" + " \t\"'«“(-" + r"]*$")


def _person_lists(text: str, mentions: list, make: Callable[..., Any], lex: _Lex) -> list:
    """A list of names most of which are persons is a list of persons ("Freestone , Gareth Roberts ,
    Page , Melville"; "Cavar ( 4 ) , Lozano ( 2 ) , Bustos ( 1 )"): its unknown names, and lone names
    read as towns, are persons too; so is a substitute in a line-up, "( Stanic , m.59 )"."""
    import bisect

    ms = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ms]

    def over(a: int, b: int) -> list:
        k = bisect.bisect_left(starts, b)
        return [m for m in ms[max(0, k - 6):k] if m.start < b and a < m.end]

    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    suffixes = clex.org_suffixes if clex else frozenset()
    new: list = []
    drop: set[int] = set()
    parens = [x.span() for x in _PERSON_LISTS_RX1.finditer(text)]
    pstarts = [a for a, _b in parens]

    def in_paren(a: int) -> bool:
        k = bisect.bisect_right(pstarts, a) - 1
        return k >= 0 and parens[k][0] < a < parens[k][1]

    if parens:
        items = [x for x in _ITEM_FAST.finditer(text) if not in_paren(x.start())]  # _ITEM.finditer(text)
    else:
        items = list(_ITEM_FAST.finditer(text))
    chains: list[list] = []
    cur: list = []
    n = len(text)
    for x in items:
        # a separator's first character (a blank, a bracket, a comma, ...) before its pattern (s15)
        if cur and (e := cur[-1].end()) < n and (text[e] in _SEP_FIRST or (text[e].isspace() and text[e] != "\n")) \
                and _is_sep(text[e:x.start()]):
            cur.append(x)
        else:
            if len(cur) >= 3:
                chains.append(cur)
            cur = [x]
    if len(cur) >= 3:
        chains.append(cur)
    for chain in chains:
        kinds = []
        for x in chain:
            ov = over(*x.span())
            kinds.append(ov)
        persons = sum(1 for ov in kinds if any(m.etype == "person" for m in ov))
        # a box score: "Cavar ( 4 2p ) , Lozano ( 2 ) , Bustos ( 1 )": each name with its points
        scores = sum(1 for x in chain if _PERSON_LISTS_RX2.match(text[x.end():x.end() + 6]))
        if (persons < 2 or persons * 2 < len(chain)) and scores < 3:
            continue
        for x, ov in zip(chain, kinds):
            a, b = x.span()
            w = x.group(0)
            if w.isupper() or w.lower() in lex.misc_heads or w.lower() in suffixes:
                continue
            if not ov:
                if " " not in w and _PERSON_LISTS_RX3.search(text[max(0, a - 6):a]):
                    continue  # a sentence-initial word may be an ordinary one
                new.append(make(a, b, "person", w))
            elif len(ov) == 1 and ov[0].start == a and ov[0].end == b and " " not in w and (
                    (ov[0].etype == "place" and ov[0].kind == "name") or (ov[0].etype == "organization" and ov[0].kind == "cap")):
                drop.add(id(ov[0]))
                new.append(make(a, b, "person", w))
    for x in _SUB.finditer(text):
        a, b = x.span(1)
        ov = over(a, b)
        if not ov:
            new.append(make(a, b, "person", x.group(1)))
        elif len(ov) == 1 and ov[0].start == a and ov[0].end == b and ov[0].etype != "person":
            drop.add(id(ov[0]))
            new.append(make(a, b, "person", x.group(1)))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_OF_INSTITUTION_RX1 = re.compile(r"(\w+)" + _H + r"+(?:(general|generales)" + _H + r"+)?(?:de|del)" + _H + r"+$")


def _of_institution(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, first: frozenset[str]) -> list:
    """An unknown name after a role in an institution and "de" ("el presidente de Udalbiltza", "el
    director de Datanálisis", "fuentes de Eurobank", "accionistas de Bancomer") names the institution,
    not a person, unless a given name begins it."""
    names: set[str] = set()
    for m in mentions:
        if m.kind == "cap" and m.etype == "person":
            words = text[m.start:m.end].split()
            pw = _OF_INSTITUTION_RX1.search(text[max(0, m.start - 50):m.start]) if _may_end_de(text[max(0, m.start - 50):m.start]) else None
            if pw and pw.group(1).lower() in lex.institution_roles and fold(words[0]) not in first:
                names.add(text[m.start:m.end])  # "el presidente de Udalbiltza", "la asamblea general de X" (s14)
    if not names:
        return mentions
    # the same name elsewhere in the document is the same institution
    return [make(m.start, m.end, "organization", text[m.start:m.end])
            if m.kind == "cap" and m.etype == "person" and text[m.start:m.end] in names else m for m in mentions]


_SURNAMES_AND_SPEAKERS_RX1 = re.compile(_H + r"+(\w+)")
_SURNAMES_AND_SPEAKERS_RX2 = re.compile(_H + r"*[,.]")


def _surnames_and_speakers(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, first: frozenset[str],
                           population: Callable[[str], int] | None) -> list:
    """Spanish persons carry two surnames and are named again by the first alone ("Francisco Arias
    Cárdenas ... Arias"); a name that speaks ("Rangel indicó", "agregó Barrena ,") is a person: a
    small town read there, or an unknown word, becomes the person."""
    surn: set[str] = set()
    for m in mentions:
        if m.etype == "person" and m.kind not in ("sur", "stemsur", "coref"):
            words = text[m.start:m.end].split()
            if len(words) >= 2 and fold(words[0]) in first:
                surn.update(w for w in words[1:] if w[:1].isupper() and fold(w) not in first and len(w) >= 3)
    speak = lex.speech_verbs
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for m in mentions:
        w = text[m.start:m.end]
        single = " " not in w and not w.isupper()
        if single and m.etype in ("organization", "place") and m.kind == "cap" and w in surn:
            out.append(make(m.start, m.end, "person", w))  # "el Baggio interista" after "Roberto Baggio"
            continue
        if single and m.etype == "place" and m.kind == "name" and (population is None or population(m.eid) < 100_000):
            nxt = _SURNAMES_AND_SPEAKERS_RX1.match(text[m.end:m.end + 20])
            prv = _NOT_ORGS_RX2.search(text[max(0, m.start - 20):m.start])
            speaks = (nxt and nxt.group(1).lower() in speak) or (prv and prv.group(1).lower() in speak
                                                                 and _SURNAMES_AND_SPEAKERS_RX2.match(text[m.end:m.end + 3]))
            if w in surn or speaks:
                out.append(make(m.start, m.end, "person", w))
                continue
        out.append(m)
    # an unknown capitalised word right after a verb of saying: "agregó Barrena , quien ..."
    for a, b in _speakers(text, lex):
        if any(ta < b and a < tb for ta, tb in taken):
            continue
        out.append(make(a, b, "person", text[a:b]))
    return out


# a blank before it is tested after; "++" (possessive): a shorter run of lower-case letters is followed by
# a letter, never by the blanks and the comma the look-ahead wants, so giving letters back only costs (s19)
_SPEAKER = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]++(?=" + _H + r"*[,.])")


def _speakers(text: str, lex: _Lex) -> list[tuple[int, int]]:
    """The spans of group 2 of ``lex.speech_rx.finditer(text)``: its capitalised words before a comma or
    a full stop are found first (a scan with a class of capitals for a prefix), then the word before
    each is tested as the verb (the case-blind alternation of verbs, tried at every position of the
    text, cost 5 % of the Spanish linking; s15). The matches cannot overlap: a match ends at its
    capitalised word, which a comma or a full stop follows, not a blank and a capital."""
    out = []
    verbs = lex.speech_verbs
    # the blanks and the word before by str methods, a character at a time (s19): the engine's \s is
    # str.isspace and its \w str.isalnum or "_" (the same Unicode tables; tests/mentions/test_s19_kb19_oracles.py)
    for c in _SPEAKER.finditer(text):
        a = c.start()
        if a == 0 or text[a - 1] == "\n" or not text[a - 1].isspace():  # _HCH
            continue
        k = a - 1
        while k > 0 and text[k - 1] != "\n" and text[k - 1].isspace():
            k -= 1
        j = k
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        if j == k:
            continue
        verb = text[j:k]
        if verb.lower() not in verbs and max(verb) < "\u0100":
            continue  # no verb (a character beyond Latin-1 may match a verb's letter blind to case: the regex says)
        x = lex.speech_rx.match(text, j)
        if x is not None and x.start(2) == a:
            out.append(x.span(2))
    return out


def _place_pairs(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """Two places joined by a hyphen are one place name ("Mérida-Badajoz", "LIBANO-ISRAEL",
    "gasoducto Bolivia-Brasil")."""
    ms = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    new = []
    for x, y in zip(ms, ms[1:]):
        if x.etype in ("place", "country") and y.etype in ("place", "country") and x.kind in ("name", "cap") \
                and y.kind in ("name", "cap") and text[x.end:y.start] == "-" and id(x) not in drop:
            drop.update((id(x), id(y)))
            new.append(make(x.start, y.end, "place", text[x.start:y.end]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_JOIN_PERSONS_RX1 = re.compile(r"(?:^|\s)[A-ZÁÉÍÓÚÑ]$")
_JOIN_PERSONS_RX2 = re.compile(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)" + _H + r"$")
_JOIN_PERSONS_RX4 = re.compile(r"\." + _H)


def _join_persons(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, first: frozenset[str]) -> list:
    """One person, not two: adjacent person mentions ("Fernando" + "Xavier Ferreira", "Lawrence R" +
    ". Klein") are joined, and a given name right before a person's surname belongs to the name
    ("el presidente Bill Clinton", "Arnaldo Otegi")."""
    from dataclasses import replace

    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    stop = clex.stop if clex else frozenset()
    ms = sorted(mentions, key=lambda m: m.start)
    out: list = []
    for m in ms:
        prev = out[-1] if out else None
        if prev is not None and prev.etype == "person" and m.etype == "person" and m.kind not in ("coref",) \
                and prev.kind not in ("coref",):
            gap = text[prev.end:m.start]
            initial = _JOIN_PERSONS_RX1.search(text[prev.start:prev.end])
            # the first test: _HCH.fullmatch(gap) without the regex call (s20)
            if (len(gap) == 1 and gap.isspace() and gap != "\n") or (initial and _JOIN_PERSONS_RX4.fullmatch(gap)):
                keep = m if m.eid.startswith("kb:") else prev if prev.eid.startswith("kb:") else None
                joined = replace(keep, start=prev.start, end=m.end) if keep is not None \
                    else make(prev.start, m.end, "person", text[prev.start:m.end])
                out[-1] = joined
                continue
        if m.etype == "person" and m.kind != "coref":
            g = _JOIN_PERSONS_RX2.search(text[max(0, m.start - 25):m.start])
            if g and fold(g.group(1)) in first and g.group(1).lower() not in stop \
                    and (prev is None or prev.end <= m.start - len(g.group(0))):
                out.append(replace(m, start=m.start - len(g.group(0))))
                continue
        out.append(m)
    return out


_DATELINE_AFTER = re.compile(r"(?:" + _H + r"*\([^()\n]{1,30}\))?" + _H + r"*,?" + _H + r"*\d{1,2}" + _H + r"+[a-z]{3}\w*\.?"
                             + _H + r"*\(?" + _H + r"*EFE")
_SCHEDULE_BEFORE = re.compile(r"\d{1,2}[.:]\d{2}" + _H + r"*h\.?" + _H + r"*-" + _H + r"*$")


_PLACES_BY_POSITION_RX1 = re.compile(r"(\S+)" + _H + r"*\(" + _H + r"*$")
_PLACES_BY_POSITION_RX2 = re.compile(_H + r"*[.(]")
_PLACES_BY_POSITION_RX3 = re.compile(r"(\w+)" + _H + r"+")
_PLACES_BY_POSITION_RX4 = re.compile(r"(?:\w+" + _H + r"+)*$")


def _places_by_position(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """Where a town stands tells it is one: a dateline at the start of a line ("Santiago de Chile ,
    23 may ( EFE )", "Gavá ( Barcelona ) , 23 may"), a diary line "12.00 h. - Mérida ." and the name
    after a place word and "de" ("el estado brasileño de Minas Gerais", "la provincia de X") are
    places, not persons or organisations found there by other cues."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    cues = clex.loc_cues if clex else frozenset()
    skip = re.compile(clex.cue_skip) if clex and clex.cue_skip else None
    out = []
    for m in mentions:
        if m.etype in ("person", "organization") and m.kind in ("cap", "given", "shape", "title", "sur", "stemsur"):
            w = text[m.start:m.end]
            if w.isupper():  # no place below is taken in capitals: the tests are not needed (s15)
                out.append(m)
                continue
            place = False
            if _line_start(text, m.start) and _DATELINE_AFTER.match(text, m.end) and not w.split()[0].isupper():
                place = True
            elif m.etype == "person" and "(" in text[max(0, m.start - 3):m.start] and _NOT_ORGS_RX4.search(text[max(0, m.start - 3):m.start]) \
                    and _NOT_ORGS_RX5.match(text[m.end:m.end + 3]) and " " not in w:
                # "Ecija ( Sevilla )": a place in brackets after a place is its province or country
                lp = _PLACES_BY_POSITION_RX1.search(text[max(0, m.start - 40):m.start])
                lend = m.start - (len(lp.group(0)) - len(lp.group(1))) if lp else -1
                place = any(x.end == lend and x.etype in ("place", "country") for x in mentions)
            elif "-" in text[max(0, m.start - 16):m.start] and _SCHEDULE_BEFORE.search(text[max(0, m.start - 16):m.start]) \
                    and _PLACES_BY_POSITION_RX2.match(text[m.end:m.end + 3]):
                place = True
            elif m.etype == "person" and _may_end_de(text[max(0, m.start - 45):m.start]):
                # the words right before the name, up to a punctuation mark ("El alcalde de Londres, Sadiq Khan":
                # the "de" belongs to Londres)
                before = _PLACES_BY_POSITION_RX4.search(text[max(0, m.start - 45):m.start]).group()
                pw = _PLACES_BY_POSITION_RX3.findall(before)
                if pw and pw[-1].lower() in ("de", "del"):
                    k = len(pw) - 2
                    while k >= 0 and skip is not None and skip.fullmatch(pw[k].lower()) and pw[k].lower() not in cues:
                        k -= 1
                    place = k >= 0 and pw[k].lower() in cues
            if place and not w.isupper():
                out.append(make(m.start, m.end, "place", w))
                continue
        out.append(m)
    return out


def _may_end_de(t: str) -> bool:
    """False where ``t`` does not end with "de" or "del" (any case) and blanks, so that no pattern
    ending in ``(?:de|del)`` and blanks (``$`` matching before a last line break too) can match it: a
    quick test before such a pattern (s15)."""
    u = t.rstrip()
    return len(u) < len(t) and (u[-2:].lower() == "de" or u[-3:].lower() == "del")


_BUILDINGS_RX1 = re.compile(r"\b(?:en|desde|hasta|hacia|visita|visitó|visitará|recorrió|recorre)" + _H + r"+(?:el|la|los|las)" + _H + r"+$")


def _buildings(text: str, mentions: list, make: Callable[..., Any], lex: _Lex) -> list:
    """A building named by an institution's head is a place where something happens in it: "en el
    Museo de Huelva", "en el Palau de la Generalitat", "visita el Centro Social de Base"."""
    out = []
    for m in mentions:
        if m.etype == "organization" and m.kind in ("cap", "pattern", "name"):
            w = text[m.start:m.end]
            head = w.split()[0].lower()
            if head == "real" and len(w.split()) > 1:
                head = w.split()[1].lower()
            if head in lex.building_heads and _BUILDINGS_RX1.search(text[max(0, m.start - 20):m.start]):
                out.append(make(m.start, m.end, "place", w))
                continue
        out.append(m)
    return out


_ORG_OF_COUNTRY_RX1 = re.compile(_H + r"+(?:de|do|del|da)" + _H + r"+")


def _org_of_country(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """A known organisation followed by "de"/"do" and a country or place is its branch there, one
    name: "Telefónica do Brasil", "Telefónica de Argentina"."""
    ms = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    new = []
    for x, y in zip(ms, ms[1:]):
        if x.etype == "organization" and x.kind == "name" and y.etype in ("country", "place") and y.kind == "name" \
                and _ORG_OF_COUNTRY_RX1.fullmatch(text[x.end:y.start]) and id(x) not in drop:
            drop.update((id(x), id(y)))
            new.append(make(x.start, y.end, "organization", text[x.start:y.end]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


def _split_institution_person(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, first: frozenset[str]) -> list:
    """"el dirigente de Euskal Herritarrok Arnaldo Otegi": after a role in an institution and "de",
    a run whose given name comes after other names is the institution and then the person."""
    out = []
    for m in mentions:
        if m.etype == "person" and m.kind in ("cap", "given", "title"):
            words = text[m.start:m.end].split(" ")
            k = next((k for k in range(1, len(words) - 1) if fold(words[k]) in first), None)
            if k is None:  # most names (two words: no inner word to test); the role's test is dearer (s15)
                out.append(m)
                continue
            pw = _ROLE_DE.search(text[max(0, m.start - 40):m.start])
            if not any(fold(w) in first for w in words[:k]) and pw \
                    and pw.group(1).lower() in lex.institution_roles:
                b = m.start + len(" ".join(words[:k]))
                out.append(make(m.start, b, "organization", text[m.start:b]))
                out.append(make(b + 1, m.end, "person", text[b + 1:m.end]))
                continue
        out.append(m)
    return out


_VENUES_RX1 = re.compile(_H + r"+(?:de|del)" + _H + r"+([A-ZÁÉÍÓÚÑ][\w-]*(?:" + _H + r"+[A-ZÁÉÍÓÚÑ][\w-]*)?)$")


def _venues(text: str, mentions: list, make: Callable[..., Any], lex: _Lex,
            places: Callable[[str], tuple[str, str] | None] | None = None) -> list:
    """A venue written with a lower-case common noun and "de" before its name is named by both: "la
    plaza de España", "el estadio del Milenio", and so is a venue named after a person: "el estadio
    Artemio Franchi" (CoNLL counts the noun in); before a single name the noun is no part of it but
    tells it is a place: "el estadio Bentegodi". A known town after the venue's name is a place of its own: "el estadio del Milenio de
    Cardiff", "la plaza de Toros de Córdoba"."""
    by_start = {m.start: m for m in mentions}
    drop: set[int] = set()
    new = []
    for x in _finditer(lex.venue_rx, lex.venue_quick, text):
        m = by_start.get(x.end())
        if m is None or m.etype not in ("place", "person", "organization", "country") or m.kind in ("adj", "adjstem", "dem", "coref"):
            continue
        if text[x.start():x.start() + 1].isupper() or (m.etype == "country" and not x.group(2)):
            continue
        end = m.end
        town = _VENUES_RX1.search(text[m.start:m.end])
        hit = places(town.group(1)) if town is not None and places is not None and m.kind != "name" else None
        if hit is not None and town.start() > 0:
            end = m.start + town.start()
            new.append(_kb_mention(m, m.start + town.start(1), m.end, hit, make))
        drop.add(id(m))
        if x.group(2) or " " in text[m.start:end]:
            new.append(make(x.start(), end, "place", text[x.start():end]))
        elif m.etype != "place" or end != m.end:
            new.append(make(m.start, end, "place", text[m.start:end]))
        else:
            drop.discard(id(m))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_EFE_DATELINE = re.compile(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:" + _H + r"+(?:de" + _H + r"+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?)"
                           r"(?:" + _H + r"*\(" + _H + r"*[A-ZÁÉÍÓÚÑ][\w ]{1,25}\))?" + _H + r"*\(" + _H + r"*EFE")
# "Washington , 23 may ( EFE )" after a signature on the same line ("EFE Baleares Washington , ...")
_DATED_TOWN = re.compile(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:" + _H + r"+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?)" + _H + r"*," + _H
                         + r"*\d{1,2}" + _H + r"+[a-z]{3}\w*\.?" + _H + r"*\(" + _H + r"*EFE")


def _efe_finditer(rx: re.Pattern, text: str):
    """``rx.finditer(text)`` for ``_EFE_DATELINE`` and ``_DATED_TOWN`` (each match ends with "EFE" after a
    bracket and holds no line break), searched on the line before each "EFE" only (the engine tried
    them at every capital of the text; s15). A match through an earlier "EFE" (a bracket read as the
    province's, "X ( EFE ) ( EFE") also ends at that one: the search on its line finds the leftmost
    start, and the match from there is taken from the whole text."""
    pos = 0
    q = text.find("EFE")
    while q >= 0:
        x = rx.search(text, max(pos, text.rfind("\n", 0, q) + 1), q + 3)
        if x is not None:
            x = rx.match(text, x.start())
            yield x
            pos = x.end()
        q = text.find("EFE", max(pos, q + 1))


def _dateline_towns(text: str, mentions: list, make: Callable[..., Any],
                    places: Callable[[str], tuple[str, str] | None] | None = None) -> list:
    """The town of a dateline "... Sevilla ( EFE )" after a headline is a place, even where the
    headline's last words ran on into it ("NUEVOS CARGOS EN LA JUNTA Huelva ( EFE )"); so is
    a known town of a dateline "Washington , 23 may ( EFE )" that a signature before it ran into
    ("EFE Baleares Washington")."""
    out = list(mentions)
    found = [(x.span(1), None) for x in _efe_finditer(_EFE_DATELINE, text)]
    if places is not None and "EFE" in text:
        for x in _efe_finditer(_DATED_TOWN, text):
            words = x.group(1).split()
            for k in range(len(words)):  # the longest known place at the end: "Puerto Príncipe", "Roma"
                b = x.end(1)
                a = b - len(" ".join(words[k:]))
                if text[a:b] == " ".join(words[k:]) and (hit := places(text[a:b])) is not None:
                    found.append(((a, b), hit))
                    break
    for (a, b), hit in found:
        over = [m for m in out if m.start < b and a < m.end]
        if any(m.start == a and m.end == b and m.etype in ("place", "country") for m in over):
            continue
        if any(m.etype in ("place", "country") and m.start <= a and b <= m.end for m in over):
            continue
        keep = []
        for m in over:
            if m.start < a and m.end == b and m.kind == "cap":  # "SEGUNDO NIVEL Sevilla": cut the town off
                head = text[m.start:a].rstrip()
                if head:
                    keep.append(make(m.start, m.start + len(head), m.etype, head))
            elif not (m.start >= a and m.end <= b):
                break
        else:
            town = make(a, b, "place", text[a:b]) if hit is None else _kb_mention(over[0] if over else None, a, b, hit, make)
            out = [m for m in out if m not in over] + keep + [town]
    return out


def _kb_mention(like: Any, a: int, b: int, hit: tuple[str, str], make: Callable[..., Any]) -> Any:
    """A mention of the knowledge-base place ``hit`` (id, type) at [a, b)."""
    proto = like if like is not None else make(a, b, "place", "x")
    return type(proto)(a, b, hit[0], "name", hit[1])


def place_lookup(kb: Any) -> Callable[[str], tuple[str, str] | None]:
    """For ``refine``: the knowledge-base place or country named exactly ``name`` (accents and case
    folded), the most populous one, as (id, type); None if the name is no such place. One per
    knowledge base (kept on it)."""
    cached = getattr(kb, "_es_place_lookup", None)
    if cached is not None:
        return cached
    index, ents = kb.index, kb.entities

    @lru_cache(maxsize=4096)
    def look(name: str) -> tuple[str, str] | None:
        cands = [eid for eid, kind, _f in index.get(" ".join(fold(name).split()), ())
                 if kind == "name" and (ents.get(eid) or {}).get("type") in ("place", "country")]
        if not cands:
            return None
        best = max(cands, key=lambda e: (ents[e]["type"] == "country", ents[e].get("population") or 0))
        return best, ents[best]["type"]

    try:
        kb._es_place_lookup = look
    except AttributeError:  # a knowledge base with slots: no cache
        pass
    return look


_MOTION_TO_RX1 = re.compile(r"(\w+)" + _H + r"+al?" + _H + r"+$")


def _is_h(c: str) -> bool:
    """``c`` is one character of ``_H`` (a blank other than a line break; ``\\s`` is ``str.isspace``)."""
    return c.isspace() and c != "\n"


def _motion_to(text: str, s: int, lex: _Lex) -> bool:
    """A verb of motion and "a" before ``s``: "fue llevado a X", "llegó a X" (a place, not the personal "a")."""
    t = text[max(0, s - 30):s]
    u = t.rstrip()
    # the regex's blank, "a" or "al" and blanks at the end (s15: a quick test first; s19: with the blank before
    # "a"/"al", so that "la X", "para X" are out without the regex, which tries every position of the slice)
    if not ((u[-1:] == "a" and _is_h(u[-2:-1])) or (u[-2:] == "al" and _is_h(u[-3:-2]))):
        return False
    mv = _MOTION_TO_RX1.search(t)
    return mv is not None and mv.group(1).lower() in lex.motion_verbs


_PLACE_PREP = re.compile(r"(?<!\w)(?:en|desde|hacia|hasta)" + _H + r"+$")


def _place_phrases(text: str, mentions: list, make: Callable[..., Any], first: frozenset[str],
                   places: Callable[[str], tuple[str, str] | None] | None) -> list:
    """After a place preposition ("en", "desde", "hacia", "hasta") or a verb of motion and "a" ("fue
    trasladado a X") a name is a place unless a given name begins it: "en Son Servera", "en Prado Santo Domingo" (typed persons for want of a cue), "hoy en
    Madrid" (a known person's surname); "informó en Bogotá la Red Sismológica Nacional": the place
    and the organisation after it (the subject follows the verb) are two names."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    shape = re.compile(clex.surname_shape) if clex and clex.surname_shape else None
    lex = _lex()
    out = []
    for m in mentions:
        if m.kind == "cap" and m.etype in ("organization", "place") and places is not None and " la " in text[m.start:m.end]:
            # "anunció en Quito la Asociación Nacional de Pescadores", "devolvió a la Región de Murcia la Copa de
            # Invierno": a known place, an article, then another name (the subject after the verb)
            words = text[m.start:m.end].split(" ")
            k = next((k for k in range(1, min(len(words) - 1, 4)) if words[k] == "la"), None)
            if k is not None and words[k + 1][:1].isupper() and (hit := places(" ".join(words[:k]))) is not None:
                b = m.start + len(" ".join(words[:k]))
                a = b + len(words[k]) + 2
                out.append(_kb_mention(m, m.start, b, hit, make))
                if words[k + 1].lower() not in lex.misc_heads:
                    out.append(make(a, m.end, "organization", text[a:m.end]))
                continue
        if m.etype not in ("person", "organization") or m.kind not in ("cap", "sur", "stemsur") \
                or not (_PLACE_PREP.search(text[max(0, m.start - 8):m.start]) or _motion_to(text, m.start, lex)):
            out.append(m)
            continue
        w = text[m.start:m.end]
        words = w.split()
        hit = places(w) if places is not None else None
        if m.etype == "person" and m.kind in ("sur", "stemsur"):
            if hit is not None and " " not in w and not w.isupper():
                out.append(_kb_mention(m, m.start, m.end, hit, make))  # "hoy en Madrid"
                continue
        elif m.etype == "person" and not w.isupper() and fold(words[0]) not in first \
                and not (shape is not None and shape.fullmatch(words[0])):
            out.append(_kb_mention(m, m.start, m.end, hit, make) if hit is not None else make(m.start, m.end, "place", w))
            continue
        out.append(m)
    return out


def _line_start(text: str, s: int) -> bool:
    return not text[text.rfind("\n", 0, s) + 1:s].strip(" -\t")


# -- one name, one type -------------------------------------------------------------------------
def _one_type(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """A capitalised-run mention typed person or organisation takes the type that a mention of
    the same name found by the knowledge base or a pattern has elsewhere, or else the type of its
    first mention in the document (where a name is introduced with its cue)."""
    typ: dict[str, str] = {}
    for m in mentions:
        if m.etype in ("person", "organization") and m.kind not in ("cap", "sur", "stemsur", "coref", "shape"):
            typ.setdefault(text[m.start:m.end], m.etype)
    # otherwise the first mention, where a name is introduced with its cue ("la empresa X")
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind == "cap" and m.etype in ("person", "organization"):
            typ.setdefault(text[m.start:m.end], m.etype)
    if not typ:
        return mentions
    out = []
    for m in mentions:
        t = typ.get(text[m.start:m.end])
        if m.kind == "cap" and m.etype in ("person", "organization") and t and t != m.etype:
            out.append(make(m.start, m.end, t, text[m.start:m.end]))
            continue
        out.append(m)
    return out


_DATED = re.compile(_H + r"*(?:\([^()\n]{1,30}\)" + _H + r"*)?,?" + _H + r"*\d{1,2}" + _H + r"+[a-z]{3}")
_ACR_AFTER = re.compile(_H + r"*\(" + _H + r"*([A-ZÁÉÍÓÚÑ]{2,8})" + _H + r"*\)")


def _acronyms_in_brackets(text: str):
    """``_ACR_AFTER.finditer(text)`` from the brackets (its blanks before the bracket made the engine
    try every position; s15): a match's start is the first blank of the run before its bracket."""
    pos = 0
    while True:
        q = text.find("(", pos)
        if q < 0:
            return
        if _ACR_AFTER.match(text, q) is None:
            pos = q + 1
            continue
        p = q
        while p > pos and text[p - 1].isspace() and text[p - 1] != "\n":  # _HCH.match(text, p - 1) (s20)
            p -= 1
        x = _ACR_AFTER.match(text, p)
        yield x
        pos = x.end()


_NAME_LINK = frozenset(["de", "del", "de la", "de los", "de las", "para", "para la", "para el", "en", "en el", "en la", "por",
                        "por la", "por el", "contra", "contra la", "contra el", "y", "e", "sobre"])


_NAMED_WITH_ACRONYM_RX1 = re.compile(r"[^\W\d_][\w.'’-]*")
_NAMED_WITH_ACRONYM_RX2 = re.compile(r"[A-ZÁÉÍÓÚÑ][\w-]*")


def _named_with_acronym(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """A name followed by its acronym in brackets is one organisation from its head to the bracket,
    places inside it included: "la Fuerza para Kosovo ( KFOR )", "la Asociación de Corresponsales de
    Prensa Extranjera en Panamá ( ACOPEP )", "la Organización del Pueblo en Lucha ( OPL )". The head is
    an organisation head word; the acronym's first two letters are initials of the name's words."""
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    heads = clex.org_heads if clex else frozenset()
    if "(" not in text or not heads:
        return mentions
    ends: dict[int, list] = {}
    for m in mentions:
        ends.setdefault(m.end, []).append(m)
    drop: set[int] = set()
    new = []
    for x in _acronyms_in_brackets(text):
        end = x.start()
        last = [m for m in ends.get(end, []) if m.etype in ("place", "country") and m.kind in ("name", "cap")]
        if not last:
            continue
        # walk back over capitalised words and the links between them to an organisation head
        line_s = text.rfind("\n", 0, end) + 1
        words = list(_NAMED_WITH_ACRONYM_RX1.finditer(text[line_s:end]))
        start = None
        k = len(words) - 1
        while k >= 0:
            w = words[k].group(0)
            if w[:1].isupper():
                if w.lower() in heads and k > 0 and words[k - 1].group(0).islower():
                    start = line_s + words[k].start()
                    break
                k -= 1
                continue
            pair = " ".join(v.group(0) for v in words[k - 1:k + 1]) if k >= 1 else ""
            if pair in _NAME_LINK and k >= 2 and words[k - 2].group(0)[:1].isupper():
                k -= 2
            elif w in _NAME_LINK:
                k -= 1
            else:
                break
        if start is None or start >= last[0].start:
            continue
        name = text[start:end]
        initials = {w[0] for w in _NAMED_WITH_ACRONYM_RX2.findall(name)}
        if not set(x.group(1)[:2]) <= initials:
            continue
        inner = [m for m in mentions if m.start < end and start < m.end]
        if any(m.start < start or m.end > end or (m.etype == "person" and m.kind not in ("cap", "sur")) for m in inner):
            continue
        drop.update(id(m) for m in inner)
        new.append(make(start, end, "organization", name))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


# searched in a slice: (?<![\w.])([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)_H$ before s19, now with the capital first and the lookbehind
# after it (the engine skips to the capitals instead of trying each of the 25 positions; the same matches:
# tests/mentions/test_s19_kb19_oracles.py)
_GIVEN_NAME_PLACES_RX1 = re.compile(r"([A-ZÁÉÍÓÚÑ](?<![\w.][A-ZÁÉÍÓÚÑ])[a-záéíóúñü]+)" + _H + r"$")
_GIVEN_NAME_PLACES_RX2 = re.compile(r"[a-záéíóúñü]+" + _H + r"+$")


def _given_name_places(text: str, mentions: list, make: Callable[..., Any], first: frozenset[str]) -> list:
    """A given name and then a town, or two towns side by side, are a person, not places: "los reyes
    Alfonso XIII y Victoria Eugenia", "el estadounidense Chandler Thomson" (places are not written side
    by side without a comma or a link)."""
    ms = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    new = []
    for i, m in enumerate(ms):
        if m.etype != "place" or m.kind != "name" or id(m) in drop:
            continue
        w = text[m.start:m.end]
        if " " in w or w.isupper():
            continue
        g = _GIVEN_NAME_PLACES_RX1.search(text[max(0, m.start - 25):m.start])
        if g is None or _sentence_start(text, m.start - len(g.group(0))):
            continue
        a = m.start - len(g.group(0))
        before = [p for p in ms if p.start < m.start and p.end > a]
        if any(p.etype not in ("place", "person") or p.start != a for p in before):
            continue
        # the word before: a given name, or a town too (two towns side by side are a name: "Chandler Thomson")
        towns = any(p.etype == "place" and p.kind == "name" and p.end == m.start - 1 for p in before) \
            and _GIVEN_NAME_PLACES_RX2.search(text[max(0, a - 20):a]) is not None  # running text, not "EFE - Cantabria Lisboa"
        if not (fold(g.group(1)) in first or towns) or _DATED.match(text, m.end):
            continue
        drop.update(id(p) for p in before)
        drop.add(id(m))
        new.append(make(a, m.end, "person", text[a:m.end]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new
