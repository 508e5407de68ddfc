"""Spanish organisations and the names that are none: passes run at the end of ``capnames_es.refine``.

Each rule is a fact of how Spanish news writes names; its words are data (``refine`` in
``data/lang/es/mentions.yaml``):

* **a name given with a common noun's acronym** is that common noun, no organisation: "una Oferta
  Pública de Acciones ( OPA )", "el Producto Interno Bruto ( PIB )", "WAP ( Wireless Application
  Protocol )"; **the acronym of a law, treaty or tax** ("la Ley de Enjuiciamiento Civil ( LEC )") names
  no organisation, there or anywhere else in the document (not that of a programme or plan: "el
  Programa Mundial de Alimentos ( PMA )" is the agency);
* **a numbered meeting** is an event, not the body that meets: "la XII Asamblea General de ...", "la
  Quinta Reunión Ministerial de ..." (an ordinal before a meeting head);
* **acronyms joined by "&"** are one organisation: "AT&T", "S&P" (not "AT" alone);
* **a name in quotes after an organisation's noun** is that organisation: "el diario " Reforma "", "la
  compañía discográfica " Sonido Sur "", and so is the same quoted name elsewhere in the document;
* **a title in quotes** (a film, a book, a seminar, a motto: "la película " Río Bravo " ( 1959 )", "el
  seminario " Vivir en Lisboa "") holds no names: the places and organisations in it go;
* **clubs in a line of sanctions**: "Ruiz y Soler ( Girona )": a place read into the second of two
  coordinated players makes the club a place no more (``capnames_es._clubs`` does the rest).

docs/kb.md ("Spanish locations and organisations (s14 es5)") has the errors behind them and the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from communique.mentions.common import mentions_data

_H = r"[^\S\n]"
_BRACKET = re.compile(r"\(" + _H + r"*([^()\n]{1,60}?)" + _H + r"*\)")
_ACR_INNER = re.compile(r"[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ]{1,7}")
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z]{2,6})$")
_ROMAN = re.compile(r"[IVXLC]+")
_AMP = re.compile(r"(?<![\w&.-])[A-Z]{1,5}&[A-Z]{1,5}(?![\w&-])")
_QUOTED = re.compile(r"\"" + _H + r"*([^\"\n]{1,60}?)" + _H + r"*\"")
_YEAR_AFTER = re.compile(_H + r"*\(" + _H + r"*(?:1[89]|20)\d\d" + _H + r"*\)")
_SKIP_KINDS = ("adj", "adjstem", "dem", "flag", "coref")


@dataclass(frozen=True)
class _Lex:
    ordinals: frozenset[str]
    meeting_heads: frozenset[str]
    title_cues: frozenset[str]
    org_cues: frozenset[str]
    common_acronyms: frozenset[str]
    prize_cues: frozenset[str]
    law_heads: frozenset[str]
    noble_titles: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = mentions_data("es")
    r = data.get("refine") or {}
    c = data.get("capnames") or {}

    def s(d: dict, key: str) -> frozenset[str]:
        return frozenset(str(x).lower() for x in d.get(key) or [])

    org_cues = s(c, "org_cues")
    return _Lex(ordinals=s(r, "ordinals"), meeting_heads=s(r, "meeting_heads"), title_cues=s(r, "title_cues"),
                org_cues=org_cues, common_acronyms=frozenset(str(x) for x in r.get("common_acronyms") or []),
                prize_cues=s(r, "prize_cues"), law_heads=s(r, "law_heads"), noble_titles=s(r, "noble_titles"))


def refine_orgs(text: str, mentions: list, make: Callable[..., Any], misc: list[tuple[int, int]],
                cue_skip: re.Pattern | None = None, first: frozenset[str] = frozenset(),
                sporty: Callable[[int], bool] | None = None) -> list:
    """The mentions of a Spanish document after the rules of this module (a new list); ``misc``: the
    spans of names of laws, competitions, prizes (``capnames_es.misc_spans``); ``cue_skip``: adjectives
    between a cue noun and its name ("el diario mexicano"); ``first``: folded given names; ``sporty``:
    whether words of sport stand near an offset."""
    lex = _lex()
    out = _prize_names(text, mentions, lex)
    out = _noble_titles(text, out, make, lex)
    out = _cue_lists(text, out, make, lex)
    if _MERGER_QUICK.search(text):
        out = _merger_names(text, out, make)
    out = _gentilic_companies(text, out, make, first, sporty)
    out = _acronym_defined(text, out, lex, misc)
    out = _numbered_meetings(text, out, lex)
    if "&" in text:
        out = _amp_acronyms(text, out, make)
    if '"' in text:
        out = _quoted(text, out, make, lex, cue_skip, first)
    return out


def _prize_names(text: str, mentions: list, lex: _Lex) -> list:
    """"el premio Nobel de Economía", "el premio Cervantes": a name right after a lower-case prize noun
    names the prize (CoNLL's MISC), not a person or an organisation."""
    if not lex.prize_cues:
        return mentions
    out = []
    for m in mentions:
        if m.etype in ("person", "organization", "group") and m.kind not in _SKIP_KINDS \
                and _word_before(text, m.start) in lex.prize_cues:
            continue
        out.append(m)
    return out


def _noble_titles(text: str, mentions: list, make: Callable[..., Any], lex: _Lex) -> list:
    """"los Duques de Lugo", "la Princesa Isabel de Borbón": a run headed by a title of nobility is a
    person (or a couple), not an organisation, unless a building or institution is named after them
    ("el Colegio Reina Victoria": the head before the title is kept by the other passes)."""
    if not lex.noble_titles:
        return mentions
    from dataclasses import replace

    drop: set[int] = set()
    new = []
    for m in mentions:
        if m.etype == "person" and m.kind not in _SKIP_KINDS and not m.eid.startswith("kb:"):
            w = _word_before(text, m.start)
            if w[:1].isupper() and w.lower() in lex.noble_titles and text[m.start - 1] == " " \
                    and not _after_head(text, m.start - len(w) - 1, lex):
                drop.add(id(m))  # "la Infanta Beatriz de Borbón": the title is part of the name
                new.append(replace(m, start=m.start - len(w) - 1))
            continue
        if m.etype in ("organization", "place") and m.kind == "cap":
            words = text[m.start:m.end].split()
            if len(words) >= 2 and words[0].lower() in lex.noble_titles and not words[0].isupper():
                drop.update(id(x) for x in mentions if x is not m and m.start <= x.start and x.end <= m.end
                            and x.kind not in _SKIP_KINDS)
                drop.add(id(m))
                new.append(make(m.start, m.end, "person", text[m.start:m.end]))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


def _word_before(text: str, s: int) -> str:
    """The word right before ``s`` and one space or tab ("" if none)."""
    if s < 2 or text[s - 1] not in " \t":
        return ""
    k = s - 1
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:s - 1]


_CAP_WORD_END = re.compile(r"[A-ZÁÉÍÓÚÑ][\w-]*" + _H + r"$")


def _after_head(text: str, s: int, lex: _Lex) -> bool:
    """A capitalised word right before ``s``: "el Colegio Reina Victoria", "el Hospital Príncipe Alberto"."""
    return _CAP_WORD_END.search(text, max(0, s - 30), s) is not None


def blanks_around(gap: str, words: frozenset[str]) -> bool:
    """``gap`` is one of ``words`` with blanks but no line break around it: ``re.fullmatch(_H + "*(?:w1|w2|...)" + _H + "*",
    gap)`` without the regex (~1.5 k instructions a call; s20). ``str.strip`` strips the characters the regex engine
    takes for blanks (both use ``Py_UNICODE_ISSPACE``), the line break too: hence the test for it."""
    return gap.strip() in words and "\n" not in gap


_LIST_SEP = re.compile(_H + r"*(?:,|y|e)" + _H + r"*")
_LIST_SEPS = frozenset(",ye")  # what _LIST_SEP takes between its blanks (s20: asked by blanks_around)


def _cue_lists(text: str, mentions: list, make: Callable[..., Any], lex: _Lex) -> list:
    """"los fabricantes de teléfonos Motorola , Alcatel , Sagem y X": after a plural organisation noun
    (and "de" with what they make) a list of unknown names is a list of organisations."""
    ms = sorted(mentions, key=lambda m: m.start)
    out_type: dict[int, bool] = {}
    for i, m in enumerate(ms):
        if m.kind not in ("cap", "shape") or m.etype != "person" or id(m) in out_type:
            continue
        before = text[max(0, m.start - 50):m.start].split()
        # the cue right before the name, or before "de" and one or two lower-case words ("de teléfonos móviles")
        if not any(len(before) >= k and before[-k].endswith("s") and before[-k].lower() in lex.org_cues
                   and (k == 1 or (before[-k + 1] == "de" and all(w.islower() and w.isalpha() for w in before[-k + 2:])))
                   for k in (1, 3, 4)):
            continue
        chain = [m]
        j = i + 1
        while j < len(ms) and blanks_around(text[chain[-1].end:ms[j].start], _LIST_SEPS):  # _LIST_SEP.fullmatch
            chain.append(ms[j])
            j += 1
        if len(chain) < 2:
            continue
        for x in chain:
            if x.kind in ("cap", "shape") and x.etype == "person" and " " not in text[x.start:x.end]:
                out_type[id(x)] = True
    if not out_type:
        return mentions
    return [make(m.start, m.end, "organization", text[m.start:m.end]) if id(m) in out_type else m for m in mentions]


# a capital, a hyphen, a capital and a lower-case letter; the hyphen first (a literal the engine finds
# fast; a capital first made it try every capital; s15): the same texts match
_MERGER_QUICK = re.compile(r"-(?<=[A-ZÁÉÍÓÚÑ]-)[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")
_MERGER = re.compile(r"(?<![\w-])([A-ZÁÉÍÓÚÑ]{2,6})-([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)(?![\w-])")


def _merger_names(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """"BNP-Paribas", "BBV-Argentaria": an acronym joined by a hyphen to a name is one organisation
    (a merger, a company and its brand), and the name alone is that organisation elsewhere in the
    document ("Paribas anunció ...")."""
    parts: set[str] = set()
    spans: set[tuple[int, int]] = set()
    for x in _MERGER.finditer(text):
        over = [m for m in mentions if m.start < x.end() and x.start() < m.end]
        if any(m.etype in ("place", "country") and m.kind == "name" for m in over) \
                or any(m.start < x.start() or m.end > x.end() for m in over):
            continue
        spans.add(x.span())
        parts.add(x.group(2))
    if not spans:
        return mentions
    drop: set[int] = set()
    new = []
    for a, b in spans:
        drop.update(id(m) for m in mentions if a <= m.start and m.end <= b and m.kind not in _SKIP_KINDS)
        new.append(make(a, b, "organization", text[a:b]))
    for m in mentions:
        if m.kind == "cap" and m.etype == "person" and text[m.start:m.end] in parts and id(m) not in drop:
            drop.add(id(m))
            new.append(make(m.start, m.end, "organization", text[m.start:m.end]))
    return [m for m in mentions if id(m) not in drop] + new


_GENTILIC_COMPANIES_RX1 = re.compile(r"(?<!\w)(?:la|las)" + _H + r"+$")


def _gentilic_companies(text: str, mentions: list, make: Callable[..., Any], first: frozenset[str],
                        sporty: Callable[[int], bool] | None) -> list:
    """"la estadounidense Enron", "la española X": a feminine article and a country's adjective before an
    unknown name elide "empresa" (a company), unless the name begins with a given name or has a surname's
    shape ("la estadounidense Serena Williams"), or the text is about sport ("la rusa Petrova" the player)."""
    adj_end = {m.end: m for m in mentions if m.kind in ("adj", "adjstem") and m.etype == "country"}
    if not adj_end:
        return mentions
    from communique.kb.fold import fold
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    shape = re.compile(clex.surname_shape) if clex and clex.surname_shape else None
    out = []
    for m in mentions:
        if m.etype == "person" and m.kind == "cap":
            adj = adj_end.get(m.start - 1)
            words = text[m.start:m.end].split()
            if adj is not None and text[m.start - 1] == " " and _GENTILIC_COMPANIES_RX1.search(text[max(0, adj.start - 5):adj.start]) \
                    and fold(words[0]) not in first and not (shape is not None and shape.fullmatch(words[-1])) \
                    and not (sporty is not None and sporty(m.start)):
                out.append(make(m.start, m.end, "organization", text[m.start:m.end]))
                continue
        out.append(m)
    return out


def _acronym_defined(text: str, mentions: list, lex: _Lex, misc: list[tuple[int, int]]) -> list:
    """"una Oferta Pública de Acciones ( OPA )": a name whose acronym is a common noun's is no
    organisation; "la Ley de Enjuiciamiento Civil ( LEC )": the acronym of a law (or any name of
    ``misc``) is none, wherever the document uses it."""
    if "(" not in text:
        return mentions
    drop_spans: set[tuple[int, int]] = set()
    misc_acr: set[str] = set()
    ends = {b for a, b in misc if text[a:b].split()[0].lower() in lex.law_heads}
    for x in _BRACKET.finditer(text):
        inner = x.group(1)
        before = x.start()  # the end of the name before the bracket
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if _ACR_INNER.fullmatch(inner):
            if before in ends and inner.isupper():
                misc_acr.add(inner)
            elif inner in lex.common_acronyms or inner.upper() in lex.common_acronyms:
                drop_spans.add((-1, before))
        elif inner[:1].isupper() and len(inner) >= 4:
            w = _WORD_BEFORE.search(text, max(0, before - 8), before)
            if w and w.group(1) in lex.common_acronyms:  # "tecnología WAP ( Wireless Application Protocol )"
                drop_spans.add(x.span(1))
    if not drop_spans and not misc_acr:
        return mentions
    cut = {b for a, b in drop_spans if a < 0}
    out = []
    for m in mentions:
        if (m.start, m.end) in drop_spans and m.kind == "cap" and m.etype in ("person", "organization"):
            continue
        if m.etype in ("organization", "group") and m.kind not in _SKIP_KINDS:
            if m.end in cut and m.kind in ("cap", "pattern") and " " in text[m.start:m.end]:
                continue
            if text[m.start:m.end] in misc_acr and m.kind in ("cap", "pattern", "acr"):
                continue
        out.append(m)
    return out


_NUMBERED_MEETINGS_RX1 = re.compile(r"(\S+)" + _H + r"+$")


def _numbered_meetings(text: str, mentions: list, lex: _Lex) -> list:
    """"la XII Asamblea General de la Alianza ...", "la Quinta Reunión Ministerial": an ordinal before a
    meeting's head names the meeting (an event), not the body that meets."""
    out = []
    for m in mentions:
        if m.etype in ("organization", "group") and m.kind in ("cap", "pattern"):
            words = text[m.start:m.end].split()
            head = words[0].lower()
            k = 1 if (head in lex.ordinals or _ROMAN.fullmatch(words[0])) and len(words) > 1 else 0
            if words[k].lower() in lex.meeting_heads:
                if k == 1:
                    continue  # the ordinal was read into the name
                pw = _NUMBERED_MEETINGS_RX1.search(text[max(0, m.start - 12):m.start])
                if pw and (_ROMAN.fullmatch(pw.group(1)) or pw.group(1).lower() in lex.ordinals):
                    continue
        out.append(m)
    return out


def _amp_acronyms(text: str, mentions: list, make: Callable[..., Any]) -> list:
    """"AT&T", "ESES&S": capitals joined by "&" are one organisation's acronym."""
    new = []
    drop: set[int] = set()
    for x in _AMP.finditer(text):
        a, b = x.span()
        over = [m for m in mentions if m.start < b and a < m.end]
        if any(m.start < a or m.end > b for m in over) or any(m.start == a and m.end == b for m in over):
            continue
        drop.update(id(m) for m in over)
        new.append(make(a, b, "organization", x.group(0)))
    if not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new


_CUE_BEFORE_RX1 = re.compile(r"[\w\"]+")


def _cue_before(text: str, s: int, words: frozenset[str], skip: re.Pattern | None, adjs: frozenset[str] = frozenset()) -> bool:
    """One of ``words`` right before ``s`` (a quote mark there), adjectives between skipped: "el diario
    mexicano " X "", "la compañía discográfica " X "", "las películas " X " y " Y "."""
    before = _CUE_BEFORE_RX1.findall(text[max(0, s - 60):s])
    k = len(before) - 1
    while k >= 0 and (before[k].lower() in adjs or (skip is not None and skip.fullmatch(before[k].lower()))) \
            and before[k].lower() not in words:
        k -= 1
    return k >= 0 and before[k].lower() in words


_QUOTED_RX1 = re.compile(_H + r"*(?:\(" + _H + r"*\d{4}" + _H + r"*\)" + _H + r"*)?(?:,|y|e|o)" + _H + r"*")


def _quoted(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, skip: re.Pattern | None,
            first: frozenset[str] = frozenset()) -> list:
    """A name in quotes after an organisation's noun is that organisation (and so is the same quoted
    name elsewhere in the document); a title in quotes after a work's noun, or with a year in brackets
    after it, holds no names; a quoted run of capitalised words read as a person for want of a cue, no
    given name first, is a title or a slogan, not a person ("buscar al " Nueva Ola "")."""
    from communique.kb.fold import fold

    adjs = frozenset(text[m.start:m.end].lower() for m in mentions if m.kind in ("adj", "adjstem"))  # "chileno"
    orgs: set[str] = set()
    titles: list[tuple[int, int, int]] = []
    spans: list[tuple[int, int, str]] = []
    for x in _QUOTED.finditer(text):
        a, b = x.span(1)
        inner = x.group(1)
        if not inner[:1].isupper():
            continue
        prev_title = bool(titles) and _QUOTED_RX1.fullmatch(text[titles[-1][2]:x.start()]) is not None
        if _cue_before(text, x.start(), lex.title_cues, skip, adjs) or _YEAR_AFTER.match(text, x.end()) or prev_title:
            titles.append((a, b, x.end()))
            continue
        spans.append((a, b, inner))
        if _cue_before(text, x.start(), lex.org_cues, skip, adjs) and len(inner.split()) <= 5 \
                and not any(w.lower() in lex.title_cues for w in inner.split()):
            orgs.add(inner)
    if not spans and not titles:
        return mentions
    drop: set[int] = set()
    new = []
    for a, b, _e in titles:
        drop.update(id(m) for m in mentions if a <= m.start and m.end <= b and m.kind not in _SKIP_KINDS)
    for a, b, inner in spans:
        if inner not in orgs:
            for m in mentions:
                if m.start == a and m.end == b and m.etype == "person" and m.kind == "cap" and fold(inner.split()[0]) not in first:
                    drop.add(id(m))
            continue
        over = [m for m in mentions if m.start < b and a < m.end and m.kind not in _SKIP_KINDS]
        if any(m.start == a and m.end == b and m.etype in ("organization", "group") for m in over):
            continue
        if any(m.start < a or m.end > b for m in over):
            continue
        if any(m.kind in ("name", "acr") and m.etype in ("organization", "group") for m in over):
            continue  # a known organisation inside: keep it as found
        drop.update(id(m) for m in over)
        new.append(make(a, b, "organization", inner))
    if not drop and not new:
        return mentions
    return [m for m in mentions if id(m) not in drop] + new
