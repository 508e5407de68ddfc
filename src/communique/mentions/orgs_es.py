"""Spanish organisations and the names that are none: passes run at the end of ``capnames_es.refine``.

Each rule is a fact of how Spanish news writes names; its words are data (``refine`` in
``data/lang/es/mentions.yaml``):

* **a name given with a common noun's acronym** is that common noun, no organisation: "una Oferta
  Pública de Acciones ( OPA )", "el Producto Interno Bruto ( PIB )"; **the acronym of a law, plan or
  prize** ("la Ley de Enjuciamiento Civil ( LEC )") names no organisation, there or anywhere else in
  the document;
* **a numbered meeting** is an event, not the body that meets: "la IX Asamblea General de ...", "la
  Cuarta Reunión Ministerial de ..." (an ordinal before a meeting head);
* **acronyms joined by "&"** are one organisation: "AT&T", "S&P" (not "AT" alone);
* **a name in quotes after an organisation's noun** is that organisation: "el diario " Reforma "", "la
  compañía discográfica " Manza Music "", and so is the same quoted name elsewhere in the document;
* **a title in quotes** (a film, a book, a seminar, a motto: "la película " Madagascar " ( 1994 )", "el
  seminario " Hablar en Portugal "") holds no names: the places and organisations in it go;
* **clubs in a line of sanctions**: "Pedro y Maia ( Lleida )": a place read into the second of two
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
_ACR_AFTER = re.compile(_H + r"*\(" + _H + r"*([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ]{1,7})" + _H + r"*\)")
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


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = mentions_data("es")
    r = data.get("refine") or {}
    c = data.get("capnames") or {}

    def s(d: dict, key: str) -> frozenset[str]:
        return frozenset(str(x).lower() for x in d.get(key) or [])

    return _Lex(ordinals=s(r, "ordinals"), meeting_heads=s(r, "meeting_heads"), title_cues=s(r, "title_cues"),
                org_cues=s(c, "org_cues"), common_acronyms=frozenset(str(x) for x in r.get("common_acronyms") or []),
                prize_cues=s(r, "prize_cues"))


def refine_orgs(text: str, mentions: list, make: Callable[..., Any], misc: list[tuple[int, int]],
                cue_skip: re.Pattern | None = None, first: frozenset[str] = frozenset(),
                sporty: Callable[[int], bool] | None = None) -> list:
    """The mentions of a Spanish document after the rules of this module (a new list); ``misc``: the
    spans of names of laws, competitions, prizes (``capnames_es.misc_spans``); ``cue_skip``: adjectives
    between a cue noun and its name ("el diario mexicano"); ``first``: folded given names; ``sporty``:
    whether words of sport stand near an offset."""
    lex = _lex()
    out = _prize_names(text, mentions, lex)
    out = _gentilic_companies(text, out, make, first, sporty)
    out = _acronym_defined(text, out, lex, misc)
    out = _numbered_meetings(text, out, lex)
    if "&" in text:
        out = _amp_acronyms(text, out, make)
    if '"' in text:
        out = _quoted(text, out, make, lex, cue_skip)
    return out


def _prize_names(text: str, mentions: list, lex: _Lex) -> list:
    """"el premio Nobel de Economía", "el premio Cervantes": a name right after a lower-case prize noun
    names the prize (CoNLL's MISC), not a person or an organisation."""
    if not lex.prize_cues:
        return mentions
    out = []
    for m in mentions:
        if m.etype in ("person", "organization", "group") and m.kind not in _SKIP_KINDS:
            pw = re.search(r"(\w+)" + _H + r"+$", text[max(0, m.start - 16):m.start])
            if pw and pw.group(1) in lex.prize_cues:
                continue
        out.append(m)
    return out


def _gentilic_companies(text: str, mentions: list, make: Callable[..., Any], first: frozenset[str],
                        sporty: Callable[[int], bool] | None) -> list:
    """"la estadounidense Enron", "la española X": a feminine article and a country's adjective before an
    unknown name elide "empresa" (a company), unless the name begins with a given name or has a surname's
    shape ("la estadounidense Serena Williams"), or the text is about sport ("la rusa Petrova" the player)."""
    from communique.kb.fold import fold
    from communique.mentions.capnames import cap_lexicon

    clex = cap_lexicon("es")
    shape = re.compile(clex.surname_shape) if clex and clex.surname_shape else None
    adj_end = {m.end: m for m in mentions if m.kind in ("adj", "adjstem") and m.etype == "country"}
    if not adj_end:
        return mentions
    out = []
    for m in mentions:
        if m.etype == "person" and m.kind == "cap":
            adj = adj_end.get(m.start - 1)
            words = text[m.start:m.end].split()
            if adj is not None and text[m.start - 1] == " " and re.search(r"(?<!\w)(?:la|las)" + _H + r"+$", text[max(0, adj.start - 5):adj.start]) \
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
    ends = {b for _a, b in misc}
    for x in _ACR_AFTER.finditer(text):
        acr = x.group(1)
        if x.start() in ends and acr.isupper():
            misc_acr.add(acr)
        elif acr in lex.common_acronyms or acr.upper() in lex.common_acronyms:
            drop_spans.add((-1, x.start()))
    if not drop_spans and not misc_acr:
        return mentions
    cut = {b for _a, b in drop_spans}
    out = []
    for m in mentions:
        if m.etype in ("organization", "group") and m.kind not in _SKIP_KINDS:
            if m.end in cut and m.kind in ("cap", "pattern") and " " in text[m.start:m.end]:
                continue
            if text[m.start:m.end] in misc_acr and m.kind in ("cap", "pattern", "acr"):
                continue
        out.append(m)
    return out


def _numbered_meetings(text: str, mentions: list, lex: _Lex) -> list:
    """"la IX Asamblea General de la Alianza ...", "la Cuarta Reunión Ministerial": an ordinal before a
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
                pw = re.search(r"(\S+)" + _H + r"+$", text[max(0, m.start - 12):m.start])
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


def _cue_before(text: str, s: int, words: frozenset[str], skip: re.Pattern | None) -> bool:
    """One of ``words`` right before ``s`` (a quote mark there), adjectives between skipped: "el diario
    mexicano " X "", "la compañía discográfica " X "", "las películas " X " y " Y "."""
    before = re.findall(r"[\w\"]+", text[max(0, s - 60):s])
    k = len(before) - 1
    while k >= 0 and skip is not None and skip.fullmatch(before[k].lower()) and before[k].lower() not in words:
        k -= 1
    return k >= 0 and before[k].lower() in words


def _quoted(text: str, mentions: list, make: Callable[..., Any], lex: _Lex, skip: re.Pattern | None) -> list:
    """A name in quotes after an organisation's noun is that organisation (and so is the same quoted
    name elsewhere in the document); a title in quotes after a work's noun, or with a year in brackets
    after it, holds no names."""
    orgs: set[str] = set()
    titles: list[tuple[int, int, int]] = []
    spans: list[tuple[int, int, str]] = []
    for x in _QUOTED.finditer(text):
        a, b = x.span(1)
        inner = x.group(1)
        if not inner[:1].isupper():
            continue
        prev_title = bool(titles) and re.fullmatch(_H + r"*(?:\(" + _H + r"*\d{4}" + _H + r"*\)" + _H + r"*)?(?:,|y|e|o)" + _H + r"*", text[titles[-1][2]:x.start()]) is not None
        if _cue_before(text, x.start(), lex.title_cues, skip) or _YEAR_AFTER.match(text, x.end()) or prev_title:
            titles.append((a, b, x.end()))
            continue
        spans.append((a, b, inner))
        if _cue_before(text, x.start(), lex.org_cues, skip) and len(inner.split()) <= 5 \
                and not any(w.lower() in lex.title_cues for w in inner.split()):
            orgs.add(inner)
    if not orgs and not titles:
        return mentions
    drop: set[int] = set()
    new = []
    for a, b, _e in titles:
        drop.update(id(m) for m in mentions if a <= m.start and m.end <= b and m.kind not in _SKIP_KINDS)
    for a, b, inner in spans:
        if inner not in orgs:
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
