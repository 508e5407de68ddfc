"""Russian organisation spans: complements, modifiers and acronyms in parentheses.

Russian names an institution by a head and its complements: "Правительство Японии",
"МВД России", "Палаты представителей Конгресса США", "ГУ МЧС России по Санкт-Петербургу",
"японского МИДа", "власти Перу". The knowledge base, the institution-word patterns and natasha
find the head ("Правительство", "Палаты представителей"); this stage extends it over

* the genitive mentions that follow it (a country, a place, another organisation, or a person
  after heads such as "правительство"), optionally through a geographic descriptor ("прокуратура
  города Павия") and, after territorial heads, "по" + a region or city ("ГУ МВД по Москве");
* a country or place adjective, or a small set of attributive adjectives, right before a
  common-noun head ("японского МИДа", "переходного правительства").

Words that name an institution only with such a complement ("власти", "администрация",
"посольство": ``org_cond_heads``) become organisations only when one is there. The mentions
inside the extended span (the country, the inner organisation) are kept: both data sets and
the output contract treat them as mentions of their own.

natasha's organisation spans that contain an acronym in parentheses ("Комитет защиты
журналистов (КЗЖ)") are split into the name and the acronym.

All word lists are in ``data/lang/ru/mentions.yaml`` (section ``orgs``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from communique.mentions.common import _Coverage, mentions_data
from communique.mentions.orgname_ru import nominative_org_name

_LOC = ("country", "place")
_ORG = ("organization", "group")
_SKIP_KINDS = frozenset(["adj", "adjstem", "dem", "flag", "coref"])
_WS = r"[ \xa0]+"


@lru_cache(maxsize=1)
def org_lexicon() -> dict[str, Any]:
    data = mentions_data("ru").get("orgs") or {}

    def form(x: str, adj: bool) -> str:
        # inflected forms: "власти"/"властями", "суд"/"суда", "федеральный"/"федерального"
        if x.isupper():
            return re.escape(x) + r"(?:а|у|е|ом)?"
        if adj or (len(x) > 4 and x[-2:] in ("ый", "ий", "ой", "ая", "ое", "ые", "ие")):
            return re.escape(x[:-2]) + r"\w{1,3}"
        if len(x) > 3 and x[-1] in "аяоеиыь":
            return re.escape(x[:-1]) + r"\w{0,3}"
        return re.escape(x) + r"(?:а|у|е|ом|ы|ов|ам|ами|ах)?"

    def stems(key: str, adj: bool = False, capital: bool = False) -> re.Pattern[str] | None:
        """``capital``: case-sensitive, lower-case or capitalised only (no all-capitals): twice as fast."""
        words = [str(w) for w in data.get(key) or []]
        if not words:
            return None
        alts = []
        for w in sorted(words, key=len, reverse=True):
            alt = r"[ \xa0]+".join(form(x, adj) for x in w.split())
            if capital and not w.isupper():
                alt = "[" + w[0].upper() + w[0].lower() + "]" + alt[len(re.escape(w[0])):]
            alts.append(alt)
        # a look-ahead on the first letters rejects most positions before the alternation is tried
        first = "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))
        return re.compile(r"(?=[" + re.escape(first) + r"])(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])",
                          0 if capital else re.IGNORECASE)

    geo = [str(w) for w in data.get("geo_descriptors") or []]

    def lemmas(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return {
        "apposition_descriptors": lemmas("apposition_descriptors"),
        "not_acronyms": frozenset(str(w) for w in data.get("not_acronyms") or []),
        "title_gap_re": re.compile(_WS + r"(?:" + "|".join(re.escape(str(w)).replace(r"\ ", _WS) for w in data.get("head_titles") or []) + r")" + _WS + "$")
        if data.get("head_titles") else None,
        "latin_org_words": frozenset(str(w) for w in data.get("latin_org_words") or []),
        "latin_org_re": re.compile(r"(?=[A-Z])(?<![\w’'&.-])(?:" + "|".join(sorted(map(re.escape, map(str, data["latin_org_words"])), key=len, reverse=True))
                                   + r")(?![\w’'&-])") if data.get("latin_org_words") else None,
        "po_re": stems("po_heads"),
        "platforms": tuple(str(w).lower() for w in data.get("platforms") or []),
        "platform_firsts": frozenset(str(w)[0].lower() for w in data.get("platforms") or []),
        "platform_company_nouns": lemmas("platform_company_nouns"),
        "quoted_heads": lemmas("quoted_heads"),
        "legal_forms": frozenset(str(w) for w in data.get("legal_forms") or []),
        "facility_names": frozenset(str(w) for w in data.get("facility_names") or []),
        "person_titles": frozenset(str(w).lower() for w in mentions_data("ru").get("titles") or [] if " " not in str(w)),
        "venue_heads": lemmas("venue_heads"),
        "venue_prepositions": lemmas("venue_prepositions"),
        "unit_re": stems("unit_heads", capital=True),
        "unit_end_re": (lambda r: re.compile("(" + r.pattern + r")[ \xa0]+[«\"]?$") if r is not None else None)(
            stems("unit_heads", capital=True)),
        "named_heads": lemmas("named_heads"),
        "cond_re": stems("cond_heads"),
        "left_adj_re": stems("left_adjectives", adj=True),
        "common_heads_re": stems("common_heads"),
        "territorial_re": stems("territorial_heads"),
        "person_heads_re": stems("person_heads"),
        "np_re": stems("np_heads"),
        "seat_re": stems("seats", capital=True),
        "seat_head_re": stems("seat_heads"),
        "in_place_re": stems("in_place_heads"),
        "geo_gap_re": re.compile(_WS + r"(?:(?:" + "|".join(map(re.escape, geo)) + r")" + _WS + r")?$") if geo else re.compile(_WS + "$"),
    }


def _parse(word: str):
    from communique.kb.build import morph_parse

    return morph_parse(word)


@lru_cache(maxsize=65536)
def _can_be(word: str, case: str) -> bool:
    """Could the (first word of a) mention be in this case? Acronyms and Latin names: yes."""
    if not word or not re.search("[а-яё]", word.lower()) or word.isupper():
        return True
    ps = _parse(word)
    if not ps:
        return True
    if any(case in p.tag for p in ps):
        return True
    # indeclinable names ("Перу", "Мали", "Сан-Франциско") carry every case
    return any("Fixd" in p.tag for p in ps)


_WORD = re.compile(r"[ \xa0]+([а-яё]+)(?![\w-])")


def _genitive_np(text: str, pos: int) -> int:
    """End of a genitive noun phrase starting after `pos` ("иностранных дел", "сельского хозяйства",
    "науки и высшего образования"), or `pos` when there is none."""
    end = pos
    nouns = 0
    words = 0
    while words < 5:
        m = _WORD.match(text, end)
        if not m:
            break
        w = m.group(1)
        if w == "и" and nouns:
            nxt = _WORD.match(text, m.end())
            if nxt and _gent_kind(nxt.group(1)):
                end = m.end()
                words += 1
                continue
            break
        kind = _gent_kind(w)
        if kind is None:
            break
        end = m.end()
        words += 1
        if kind == "NOUN":
            nouns += 1
            nxt = _WORD.match(text, end)
            if not (nxt and nxt.group(1) == "и"):
                break
    return end if nouns else pos


@lru_cache(maxsize=65536)
def _gent_kind(word: str) -> str | None:
    ps = _parse(word)
    if len(word) < 3 or any(p.tag.POS in ("PREP", "CONJ", "PRCL", "NPRO", "ADVB") for p in ps):
        return None  # "службы в армии", "агентстве по ...": a preposition is no noun (pymorphy knows letters as nouns)
    for p in ps[:3]:
        if "gent" in p.tag and p.tag.POS in ("NOUN", "ADJF"):
            return p.tag.POS
    return None


def _first_word(text: str, s: int, e: int) -> str:
    m = re.match(r"[\w-]+", text[s:e])
    return m.group(0) if m else ""


_ADJ_END = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ые|ых|ым)$")


def _adjective_place(text: str, m) -> bool:
    """natasha's one-word place that is a place adjective ("Мальтийское", "Тверские"): before an
    institution head it is the institution's modifier, like a country adjective."""
    return m.kind == "natasha" and bool(_ADJ_END.search(text[m.start:m.end])) and " " not in text[m.start:m.end]


def refine_orgs(text: str, mentions: list, make: Callable[..., Any], english_name: Callable[..., str], slug: Callable[[str], str]) -> list:
    """Extend Russian organisation mentions over their complements (see the module docstring).

    ``make(start, end, eid, kind, etype, name=..., country=...)`` builds a Mention."""
    lex = org_lexicon()
    out = list(mentions)
    out = _split_parentheses(text, out, make, english_name, slug)
    out = compass_regions(text, out, make, english_name, slug)
    out = platform_media(text, out)  # "написал в Twitter": the medium, not the company
    out = _kb_quoted_names(text, out, make)  # a KB name "движение «Талибан»" -> Талибан
    out = reported_domains(text, out, make)  # "сообщает example.ru": the outlet
    out = quoted_orgs(text, out, make, english_name, slug)  # партии «Яблоко» -> Яблоко
    out = latin_orgs(text, out, make, english_name, slug)  # King's College London
    out = acronym_orgs(text, out, make, slug)  # "(King’s College London, KCL)", "компании RCA"
    out = named_after(text, out, make, english_name, slug)  # Литературный институт имени А. М. Горького

    # "Сенат", "в сенате штата": a senate is an institution alone, as "парламент" is (an institution word whose
    # endings cannot be the generic ones, which would take "сенатор")
    if "енат" in text:
        spans = None
        for hit in _SENATE.finditer(text):
            if spans is None:
                spans = _Coverage(out)
            if not spans.overlaps(*hit.span()):
                out.append(make(hit.start(), hit.end(), f"new:organization/{slug(english_name(hit.group(0), 'ru', person=False))}",
                                "pattern", "organization", name=english_name(hit.group(0), "ru", person=False)))
                spans.add(*hit.span())

    # "министерство культуры", "службу спасения": a lower-case head and its genitive noun phrase
    if lex["np_re"] is not None:
        spans = [(m.start, m.end) for m in out]
        for hit in lex["np_re"].finditer(text):
            s, e = hit.span()
            if any(a < e and s < b for a, b in spans):
                continue
            end = _genitive_np(text, e)
            if end > e and not any(a < end and s < b for a, b in spans):
                name = english_name(text[s:end], "ru", person=False)
                out.append(make(s, end, f"new:organization/{slug(name)}", "pattern", "organization", name=name))
                spans.append((s, end))

    # conditional heads: candidates that survive only when extended
    cand: list = []
    if lex["cond_re"] is not None:
        spans = [(m.start, m.end) for m in out]
        for hit in lex["cond_re"].finditer(text):
            s, e = hit.span()
            if not any(a < e and s < b for a, b in spans):
                cand.append(make(s, e, "new:organization/-", "cond", "organization"))
    # units ("Секретариат МАГАТЭ", "комиссии ЕС"): candidates that survive only with an organisation after them
    if lex["unit_end_re"] is not None:
        # only right before an organisation (what a unit needs), so the text is not scanned for them
        spans = [(m.start, m.end) for m in out] + [(c.start, c.end) for c in cand]
        for o in [m for m in out if m.etype in _ORG and m.kind not in _SKIP_KINDS]:
            base = max(0, o.start - 60)
            hit = lex["unit_end_re"].search(text, base, o.start)
            if hit is None:
                continue
            s, e = hit.span(1)
            if not any(a < e and s < b for a, b in spans):
                cand.append(make(s, e, "new:organization/-", "unit", "organization"))
                spans.append((s, e))
    if not cand and not any(m.etype in _ORG for m in out):
        return out

    allm = sorted(out + cand, key=lambda m: (m.start, -m.end))
    cand_ids = {id(c) for c in cand}
    replaced: dict[int, Any] = {}
    nested: set[int] = set()  # organisations inside an extension

    for i, m in enumerate(allm):
        if m.etype not in _ORG or m.kind in _SKIP_KINDS:
            continue
        head = text[m.start:m.end]
        # an organisation inside a longer one ("МВД России" in "ГУ МВД России по ...") leaves "по ..." to it
        territorial = id(m) not in nested and bool(lex["territorial_re"] and lex["territorial_re"].search(head))
        person_ok = bool(lex["person_heads_re"] and lex["person_heads_re"].match(head))
        # a conditional head that is also a unit ("пресс-служба") takes an organisation as a unit does:
        # "пресс-служба МВД", "пресс-службы Кремля" (and a person or a place as a conditional head)
        takes_org = m.kind != "cond" or bool(lex["unit_re"] and lex["unit_re"].fullmatch(head))
        end = m.end
        country = None
        inner: list = []
        j = i + 1
        steps = 0
        while steps < 6:
            # the next mention that starts at or after `end`
            while j < len(allm) and allm[j].start < end:
                j += 1
            if j >= len(allm):
                break
            nx = allm[j]
            if (nx.kind in _SKIP_KINDS and not (nx.kind == "coref" and nx.etype == "person" and person_ok and not inner)) \
                    or id(nx) in cand_ids:
                break  # a role noun that refers to a person completes a person head: "партии президента Зимбабве"
            gap = text[end:nx.start]
            if len(gap) > 20 or "\n" in gap:
                break
            quoted = False
            if nx.etype in _ORG and takes_org and gap[-1:] in "«\"" and re.fullmatch(_WS + "[«\"]", gap) \
                    and text[nx.end:nx.end + 1] == _QUOTE_PAIRS[gap[-1]] and not inner and head.split()[-1][:1].islower():
                gap, quoted = gap[:-1], True  # "Совета директоров «Башинформа»": the quotes go with it
            word = _first_word(text, nx.start, nx.end)
            ok = False
            # conditional heads take places and countries only ("делегации ОБСЕ" is ОБСЕ's delegation);
            # a person only right after the head ("правительство Медведева", not "правительства Мали Кейта")
            if m.kind == "unit" and not inner and nx.etype not in _ORG:
                break  # a unit takes an organisation first ("комиссии ЕС"), then what that one takes
            # a seat of power stands for its government: "администрации Кремля", "администрация Белого дома"
            seat = (not takes_org and not inner and nx.etype in _ORG and lex["seat_re"] is not None
                    and lex["seat_head_re"] is not None and bool(lex["seat_head_re"].fullmatch(head))
                    and bool(lex["seat_re"].fullmatch(text, nx.start, nx.end)))
            if nx.etype in _LOC or (nx.etype in _ORG and (takes_org or seat)) or (person_ok and nx.etype == "person" and not inner):
                if lex["geo_gap_re"].fullmatch(gap) and _can_be(word, "gent"):
                    ok = True
                elif (nx.etype in _ORG and takes_org and not inner and re.fullmatch(_WS + "при" + _WS, gap)
                      and _can_be(word, "loct")):
                    ok = True  # "Следственного комитета при прокуратуре", "Высшей партийной школе при ЦК КПСС"
                elif ((territorial or (m.kind in ("cond", "unit") and lex["territorial_re"] is not None
                                       and any(x.etype in _ORG and lex["territorial_re"].search(text[x.start:x.end]) for x in inner)))
                      and nx.etype == "place" and re.fullmatch(_WS + "по" + _WS, gap)
                      and _can_be(word, "datv")):
                    ok = True
                elif (person_ok and not inner and nx.etype in ("person",) + _LOC and lex["title_gap_re"] is not None
                      and lex["title_gap_re"].fullmatch(gap) and _can_be(word, "gent")):
                    ok = True  # "администрация президента Обамы", "партии президента Зимбабве"
                elif (inner and inner[-1].etype in _LOC and nx.etype in _LOC and _COORD.fullmatch(gap)
                      and _can_be(word, "gent")):
                    ok = True  # "союзное государство России и Белоруссии", "органами Китая, Малайзии и Таиланда"
            if not ok:
                break
            inner.append(nx)
            if nx.etype in _LOC and country is None:
                country = nx.country or _country_of(nx)
            end = nx.end + (1 if quoted else 0)
            if quoted:
                break
            steps += 1
            j += 1
        if lex["in_place_re"] is not None and not inner and lex["in_place_re"].match(head):
            # "турецкого консульства в Казани", "представительства в Женеве": where a mission sits names it when
            # no country complement does (NEREL has "посольства РФ в Лондоне" both with and without "в ...")
            nx = next((x for x in allm[i + 1:] if x.start >= end and x.kind not in _SKIP_KINDS and id(x) not in cand_ids), None)
            if nx is not None and nx.etype in _LOC and _IN_GAP.fullmatch(text, end, nx.start) \
                    and _can_be(_first_word(text, nx.start, nx.end), "loct"):
                inner.append(nx)  # the host place: not the mission's country
                end = nx.end
        if inner and inner[-1].etype == "place":
            # "Законодательного собрания Кировской области": a region adjective the place name ends with
            tail = re.match(_WS + r"(области|края|района|округа|автономного округа)(?![\w-])", text[end:end + 30])
            if tail and re.search(r"(?:ской|цкой|ого|его|ой)$", text[inner[-1].start:end]):
                end += tail.end()
        unit_like = m.kind == "unit" or (m.kind == "cond" and takes_org and bool(inner) and inner[0].etype in _ORG)
        if (unit_like and inner) or (inner and lex["po_re"] is not None and lex["po_re"].match(head)):
            end = _po_phrase(text, end)  # "комитета Совета Федерации по экономической политике", "сборную России по бобслею"
        start = m.start
        if m.kind == "unit" and inner:
            start = _agreeing_adjectives(text, m.start, text[m.start:m.end].split()[0])  # "антимонопольной комиссии"
        # a modifier right before a common-noun head: "японского МИДа", "переходного правительства"
        common = m.kind in ("pattern", "cond", "unit") or bool(lex["common_heads_re"] and lex["common_heads_re"].match(head))
        if common:
            k = i - 1
            while k >= 0 and allm[k].end > m.start:
                k -= 1
            prev = allm[k] if k >= 0 else None
            if prev is not None and prev.etype in _LOC and (prev.kind in ("adj", "adjstem") or _adjective_place(text, prev)) \
                    and re.fullmatch(_WS, text[prev.end:m.start]):
                start = min(start, prev.start)
                country = country or prev.country or _country_of(prev)
            elif lex["left_adj_re"] is not None:
                pm = re.search(r"(?<![\w-])([^\W\d_]+)" + _WS + "$", text[max(0, m.start - 30):m.start])
                if pm and lex["left_adj_re"].fullmatch(pm.group(1)) and not (prev is not None and prev.end > m.start - len(pm.group(0))):
                    a = m.start - len(pm.group(0))
                    if prev is not None and prev.kind in ("adj", "adjstem") and prev.etype in _LOC \
                            and re.fullmatch(_WS, text[prev.end:a]):
                        # a country adjective before it: "норвежского дипломатического ведомства"
                        start = min(start, prev.start)
                        country = country or prev.country or _country_of(prev)
                    elif m.kind != "cond" or inner:
                        start = min(start, a)
        if (m.kind == "cond" and not inner and start == m.start) or (m.kind == "unit" and not inner):
            continue
        if not inner and start == m.start:
            continue
        for x in inner:
            nested.add(id(x))
        om = _ORDINAL.search(text[max(0, start - 12):start])
        if om:
            start -= len(om.group(0))  # "1-го Украинского фронта", "16-й долговременной экспедиции МКС"
        surface = text[start:end]
        keep_kb = m.eid.startswith("kb:") and not any(x.etype in _ORG or x.etype == "person" for x in inner) \
            and (country is None or m.country is None or m.country == country)
        if keep_kb:
            eid, name = m.eid, m.name
        else:
            name = english_name(surface, "ru", person=False)
            eid = f"new:organization/{slug(name)}"
        replaced[id(m)] = make(start, end, eid, "orgext", m.etype, name=name, country=country or m.country)

    res = []
    for m in allm:
        if id(m) in replaced:
            res.append(replaced[id(m)])
        elif id(m) in cand_ids:
            continue
        else:
            res.append(m)
    # партии «Яблоко», компании Microsoft: the name stays the mention, the phrase with its descriptor is recorded
    return descriptor_heads(text, _convocations(text, res, make), make, english_name, slug)


_SENATE = re.compile(r"(?<![\w-])[Сс]енат(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![\w-])")


_CONVOCATION = re.compile(r"[ \xa0]+(?:\d{1,3}(?:-?го)?|[а-яё]+(?:ого|его))[ \xa0]+созыва(?![\w-])")


def common_head(head: str) -> bool:
    """``head`` is one common-noun institution word ("полиции", "правительства", "МИДа", "мэрии") that a
    place adjective before it belongs to (see ``common_heads`` in ``data/lang/ru/mentions.yaml``)."""
    lex = org_lexicon()
    return bool(lex["common_heads_re"]) and " " not in head and bool(lex["common_heads_re"].fullmatch(head))


def _convocations(text: str, mentions: list, make) -> list:
    """A parliament's convocation belongs to its name: "Палаты представителей 118-го созыва",
    "Государственной думы седьмого созыва"."""
    if "созыва" not in text:
        return mentions
    out = []
    for m in mentions:
        c = _CONVOCATION.match(text, m.end) if m.etype in _ORG and m.kind not in _SKIP_KINDS else None
        if c is not None:
            m = make(m.start, c.end(), m.eid, m.kind, m.etype, name=m.name, country=m.country)
        out.append(m)
    return out


def _country_of(m) -> str | None:
    if m.eid.startswith("kb:country/"):
        return m.eid.split("/", 1)[1]
    return None


_PAREN = re.compile(r"\s*\(([^()]{1,60})\)?\s*$|\s*\(\s*")


def _split_parentheses(text: str, mentions: list, make, english_name, slug) -> list:
    """natasha's "Комитет защиты журналистов (КЗЖ)" -> "Комитет защиты журналистов" + "КЗЖ",
    "Томас Шефер (Thomas Schäfer)" -> both spellings;
    a span across a line break is split there; a trailing full stop is dropped."""
    out = []
    for m in mentions:
        frag = text[m.start:m.end]
        if m.kind != "natasha" or not ("(" in frag or ")" in frag or "\n" in frag or frag.endswith(".") or frag[-1:] in "—–"):
            out.append(m)
            continue
        parts = []
        # also split at line breaks (a caption and the next line) and drop a sentence's full stop
        # a place keeps its parentheses: "Кировоградской (Кропивницкой) области"
        for pm in re.finditer(r"[^\n]+" if m.etype == "place" else r"[^()\n]+", frag):
            a, b = m.start + pm.start(), m.start + pm.end()
            while a < b and text[a] in " \xa0\"'«»„“”":
                a += 1
            while b > a and text[b - 1] in " \xa0\"'«»„“”,—–":
                b -= 1
            if b > a and text[b - 1] == "." and m.etype != "person" and re.search(r"[^\W\d_]{4,}\.$", text[a:b]):
                b -= 1  # "Колумбийском университете." (not "им.")
            if b - a >= 2 and any(c.isalpha() for c in text[a:b]):
                parts.append((a, b))
        if len(parts) == 1 and parts[0] == (m.start, m.end):
            out.append(m)
            continue
        prefix = {"person": "new:person/", "place": "new:place/"}.get(m.etype, "new:organization/")
        for a, b in parts:
            name = english_name(text[a:b], "ru", person=m.etype == "person")
            out.append(make(a, b, f"{prefix}{slug(name)}", "natasha", m.etype, name=name))
    return out


# "картины «Цирк»", "картины «Цирк», «Огни»", "такие картины, как «Цирк»": the descriptor before a list of quoted names
_LIST_BEFORE = re.compile(r"([^\W\d_]+)(?:,?[ \xa0]+(?:например,?[ \xa0]+)?как)?[ \xa0]+(?:[«\"„“][^«»\"„“\n]{1,60}[»\"“”][ \xa0]*(?:,|и|или)[ \xa0]*)*[«\"„“]$")


_YEAR_AFTER = re.compile(r"[ \xa0]*\((?:1[89]|20)\d\d\)")
_LIST_AFTER_COLON = re.compile(r"([^.!?\n:]{1,60}):[ \xa0]+(?:[«\"„“][^«»\"„“\n]{1,60}[»\"“”][ \xa0]*(?:,|и|или)[ \xa0]*)*[«\"„“]$")


@lru_cache(maxsize=1)
def _non_org_descriptors() -> frozenset[str]:
    data = mentions_data("ru").get("orgs") or {}
    return frozenset(str(w).lower() for w in data.get("non_org_descriptors") or [])


@lru_cache(maxsize=1)
def _maker_named() -> frozenset[str]:
    data = mentions_data("ru").get("orgs") or {}
    return frozenset(str(w).lower() for w in data.get("maker_named_descriptors") or [])


def not_org_quote(text: str, s: int, e: int) -> bool:
    """A quoted name whose descriptor names a work, a product, a vehicle or a building
    (кинотеатр «Звезда», шаттл «Дискавери», картины «Цирк», «Новые времена»): not an organisation; nor is
    the same quoted name elsewhere in the document without its descriptor ("шаттл «Дискавери»" ... "после
    «Дискавери»", "корабля «Союз»" ... "с «Союзом»": one name, one sense in a document)."""
    if _descriptor_not_org(text, s, e):
        return True
    if s > 0 and text[s - 1] in _OPEN_QUOTES and e > s:
        keys = _quoted_non_orgs(text)
        return bool(keys) and _quote_key(text[s:e]) in keys
    return False


_QUOTE_END = re.compile(r"(?:ами|ями|ом|ем|ой|ей|ою|ах|ях|ам|ям|ов|ев|[аяуюеыиоь])$")


def _quote_key(name: str) -> str:
    """A quoted name without the case ending of its last word ("Союзом", "Союза" -> "союз")."""
    low = name.strip().lower().replace("ё", "е")
    k = _QUOTE_END.sub("", low)
    return k if len(k) >= 3 else low


_doc_cache: dict[int, tuple[str, frozenset[str]]] = {}


def _quoted_non_orgs(text: str) -> frozenset[str]:
    """The quoted names of the document that a descriptor of ``non_org_descriptors`` introduces (keys of
    ``_quote_key``); computed once per text (natasha's spans of one document are checked one after another)."""
    hit = _doc_cache.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    keys = set()
    # a product may bear its maker's name ("вакцина «Пфайзер»", "вакцины «Вектора»"): only vehicles, works and
    # buildings keep their sense through the document
    descr = _non_org_descriptors() - _maker_named()
    if any(q in text for q in _OPEN_QUOTES):
        for q in _QUOTED.finditer(text):
            a, b = q.span(q.lastindex)
            # a name in apposition stays in the nominative ("корабля «Союз»"); an oblique one is the work's
            # owner or author ("композиции «Телевизора»": the band's song), which is no such name
            if _can_be(_first_word(text, a, b), "nomn") and _descriptor_not_org(text, a, b, year=False, descr=descr):
                keys.add(_quote_key(text[a:b]))
    out = frozenset(keys)
    _doc_cache.clear()
    _doc_cache[id(text)] = (text, out)
    return out


def _descriptor_not_org(text: str, s: int, e: int, year: bool = True, descr: frozenset[str] | None = None) -> bool:
    if year and _YEAR_AFTER.match(text, e):
        return True  # "The Fat Of The Land (1997)": a work listed with its year
    j = s
    while j > 0 and text[j - 1] in " \xa0":
        j -= 1
    descr = _non_org_descriptors() if descr is None else descr
    if j < s and text[s:s + 1].isupper():
        # unquoted: "на арене MGM National Harbor", "шаттл Дискавери"
        # only nouns a name stands in apposition to (not "альбомов The Prodigy", "акции Bayer": genitive owners)
        appo = org_lexicon()["apposition_descriptors"]
        pw = re.search(r"([а-яё]+)$", text[max(0, j - 30):j])
        if pw and (pw.group(1) in appo or any(p.normal_form in appo for p in _parse(pw.group(1))[:1])):
            return True
    m = _LIST_BEFORE.search(text[max(0, j - 300):j])
    if not m:
        # a list after a colon: "в кинотеатрах городской сети «Москино»: «Полёт», «Искра»"
        c = _LIST_AFTER_COLON.search(text, max(0, j - 300), j)
        if not c:
            return False
        for w in re.findall(r"[а-яё]+", c.group(1).lower())[-5:]:
            if w in descr or any(p.normal_form in descr for p in _parse(w)[:1]):
                return True
        return False
    word = m.group(1).lower()
    if word in descr:
        return True
    ps = _parse(word)
    return bool(ps) and ps[0].normal_form in descr


_NAME_AFTER = re.compile(r"[ \xa0]*[«\"„“A-ZА-ЯЁ0-9]")


def not_org_name(text: str, s: int, e: int) -> str | None:
    """Why an organisation span of natasha names no organisation: ``"facility"`` for the proper name
    of a facility or vehicle (``facility_names``: МКС, Хаббл), ``"form"`` for a legal form with no
    name after it ("ПАО отстыковался"; not "ГУ МВД", "ООО «Ромашка»"), ``"nothing"`` for a
    span without letters that opens a quoted title («7 причин ...»; not "службу спасения 911")."""
    lex = org_lexicon()
    surface = text[s:e]
    if surface in lex["facility_names"] or surface.rsplit(None, 1)[-1] in lex["facility_names"]:
        return "facility"  # "МКС", "орбитальный телескоп Хаббл"
    if surface in lex["legal_forms"] and not _NAME_AFTER.match(text, e):
        return "form"
    if not any(c.isalpha() for c in surface) and text[s - 1:s] in ("«", '"', "„", "“"):
        return "nothing"
    return None


_PREP_BEFORE = re.compile(r"(?<![\w-])([а-яё]+)[ \xa0]+[«\"„]?$")


@lru_cache(maxsize=1)
def _compound_re() -> re.Pattern[str] | None:
    roots = [str(w).lower() for w in (mentions_data("ru").get("orgs") or {}).get("compound_roots") or []]
    if not roots:
        return None
    stems = sorted({r[:-1] if r[-1] in "аоеиыяь" else r for r in roots}, key=len, reverse=True)
    return re.compile(r"[а-яё]{2,}(?:" + "|".join(map(re.escape, stems)) + r")(?:а|у|ом|е|ы|и|ь|ью|ям|ях|ами|ов|ам|ах|о|я|ю)?")


def compound_org_name(word: str) -> bool:
    """A one-word name compounded from an organisation root (``compound_roots``): "Нацфронт",
    "Рыбохрана", "Облнадзор", "Викиновости", "Стройтрансгаз": an organisation, not a person."""
    cre = _compound_re()
    return cre is not None and word[:1].isupper() and word.isalpha() and bool(cre.fullmatch(word.lower()))


def venue_name(text: str, s: int, e: int) -> bool:
    """A name headed by a building noun (``venue_heads``: дом, дворец, холл) after a spatial
    preposition (``venue_prepositions``) names the venue, not an organisation: "во Дворце спорта",
    "в Доме журналиста", "в Доме культуры" (factRuEval annotates them as locations,
    NEREL as facilities); "Издательский дом" as a subject stays an organisation."""
    lex = org_lexicon()
    pm = _PREP_BEFORE.search(text, max(0, s - 20), s)
    if not pm or pm.group(1) not in lex["venue_prepositions"]:
        return False
    for w in re.findall(r"[^\W\d_]+", text[s:e])[:2]:
        ps = _parse(w)
        if ps and ps[0].normal_form in lex["venue_heads"]:
            return True
    return False


_CAPITAL_AFTER = re.compile(r"[ \xa0]+[А-ЯЁA-Z]")
# nouns of persons by their suffix: исследователь, сотрудник, аналитик, журналист, эксперт, инвестор, инженер
_PERSON_SUFFIXES = ("тель", "ик", "ист", "ант", "ент", "ерт", "лог", "ор", "ер")
_LEAD_WORD = re.compile(r"([А-ЯЁа-яё]+)[ \xa0]+(?=[А-ЯЁA-Z])")


def person_noun_lead(text: str, s: int, e: int) -> int:
    """Where an organisation span of natasha starts once a person noun that opens it is cut off:
    "Замглавы Таможенной службы", "Аналитики Центрального банка Чили" ->
    the organisation after it (an animate noun followed by a capitalised word; "Врачи без границ"
    keeps its first word); ``e`` when the span is such a noun alone."""
    m = _LEAD_WORD.match(text, s, e)
    word = m.group(1) if m else text[s:e]
    if m is None and not (word.isalpha() and _CAPITAL_AFTER.match(text, e)):
        return s  # alone only when natasha split it off the name after it ("Замглавы" | "Таможенной службы")
    if word.isupper():
        return s
    ps = _parse(word.lower())
    if not ps or not ps[0].is_known or ps[0].tag.POS != "NOUN" or "anim" not in ps[0].tag \
            or ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & set(str(ps[0].tag).replace(" ", ",").split(","))):
        return s
    lemma = ps[0].normal_form
    if lemma in org_lexicon()["person_titles"] or lemma.endswith(_PERSON_SUFFIXES):
        return m.end() if m else e  # a person noun alone ("Замглавы") is no organisation at all
    return s


def adjective_before_noun(text: str, s: int, e: int) -> bool:
    """"председатель Государственного совета": a capitalised adjective followed by a lower-case
    noun starts an organisation name, not a person's name."""
    word = text[s:e]
    if not re.search("[а-яё]", word.lower()):
        return False
    nxt = _WORD.match(text, e)
    if not nxt:
        return False
    ps = _parse(word)
    if not ps or ps[0].tag.POS != "ADJF" or any("Surn" in p.tag or "Name" in p.tag for p in ps[:2]):
        return False
    return any(p.tag.POS == "NOUN" for p in _parse(nxt.group(1))[:2])


_COMPASS = re.compile(r"(?:(?:[Сс]еверо|[Юю]го)-)?(?:[Сс]еверн|[Юю]жн|[Зз]ападн|[Вв]осточн|[Цц]ентральн)(?:ая|ой|ую|ою|ее|ей|ая)[ \xa0]+$")
_CONTINENTS = frozenset(["gn:6255148", "gn:6255146", "gn:6255147", "gn:6255151", "gn:6255152"])  # Europe, Africa, Asia, Oceania, Antarctica


def compass_regions(text: str, mentions: list, make, english_name, slug) -> list:
    """"Северной Африке", "Западной Европы", "Центральную Америку": a compass adjective and a
    continent are one region (not the continent, and "Америка" there is not the United States)."""
    out = []
    for m in mentions:
        surface = text[m.start:m.end]
        cont = m.eid in _CONTINENTS or (m.eid == "kb:country/US" and surface.lower().startswith("америк"))
        hit = _COMPASS.search(text[max(0, m.start - 30):m.start]) if cont and m.kind not in ("adj", "adjstem") else None
        if hit is None:
            out.append(m)
            continue
        s = m.start - (len(text[max(0, m.start - 30):m.start]) - hit.start())
        name = english_name(text[s:m.end], "ru", person=False)
        out.append(make(s, m.end, f"new:place/{slug(name)}", "region", "place", name=name))
    return out


_IN_GAP = re.compile(r"[ \xa0]+во?[ \xa0]+")
_COORD = re.compile(r"(?:,|[ \xa0]+и)[ \xa0]+")
_ORDINAL = re.compile(r"(?<![\w-])\d{1,3}-(?:й|го|я|е|ой|ый|ая|ую|ым|ом|ой|х|м)[ \xa0]+$")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _cases(word: str, pos: tuple[str, ...]) -> set[str]:
    return {c for p in _parse(word) if p.tag.POS in pos for c in _CASES if c in p.tag}


_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем",
                "ую", "юю", "ей", "ых", "их", "ыми", "ими", "ся")
_PREV_WORD = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?)[ \xa0]+$")


def _agreeing_adjectives(text: str, s: int, head: str, limit: int = 3) -> int:
    """Start of the adjectives right before the head that agree with it in case
    ("антимонопольной комиссии", "Литературный институт", "16-й долговременной экспедиции" stops at the number)."""
    cases = _cases(head.lower(), ("NOUN",))
    if not cases:
        return s
    start = s
    for _ in range(limit):
        m = _PREV_WORD.search(text[max(0, start - 40):start])
        if not m:
            break
        w = m.group(1)
        if not w.lower().endswith(_ADJ_ENDINGS):
            break  # no full adjective or participle (every one ends so): not parsed
        ps = _parse(w.lower())
        if not ps or ps[0].tag.POS not in ("ADJF", "PRTF") or not (_cases(w.lower(), ("ADJF", "PRTF")) & cases):
            break
        if any(p.tag.POS in ("NPRO", "PREP", "CONJ", "PRCL") or "Apro" in p.tag for p in ps[:2]):
            break  # "этой", "своего", "нашей": pronouns are no part of the name
        if head[:1].isupper() and w[:1].islower():
            break  # "московского Института ...": a name starts at its capital
        start -= len(m.group(0))
    return start


_PO = re.compile(r"[ \xa0]+по(?=[ \xa0]+)")


def _po_phrase(text: str, end: int) -> int:
    """"(комитета ...) по экономической политике", "(Бюро ...) по патентам и товарным знакам": a dative
    noun phrase after "по" that names the unit's domain."""
    m = _PO.match(text, end)
    if not m:
        return end
    pos = m.end()
    nouns = 0
    words = 0
    while words < 6:
        w = _WORD.match(text, pos)
        if not w:
            break
        word = w.group(1)
        if word == "и" and nouns:
            nxt = _WORD.match(text, w.end())
            if nxt and _cases(nxt.group(1), ("NOUN", "ADJF")) & {"datv"}:
                pos = w.end()
                words += 1
                continue
            break
        ps = _parse(word)
        if not ps or any(p.tag.POS in ("PREP", "CONJ", "PRCL", "NPRO", "ADVB", "VERB", "INFN") for p in ps[:2]):
            break
        if nouns and _gent_kind(word):  # "по охране окружающей среды": a genitive after the noun
            pos = w.end()
            words += 1
            continue
        if not any(p.tag.POS in ("NOUN", "ADJF") and "datv" in p.tag for p in ps[:3]):
            break
        if any(p.tag.POS == "NOUN" and "datv" in p.tag for p in ps[:3]):
            nouns += 1
        pos = w.end()
        words += 1
    if not nouns:
        return end
    # drop a trailing adjective that found no noun
    return pos


_QUOTE_PAIRS = {"«": "»", '"': '"', "„": "“”", "“": "”"}
_OPEN_Q = re.compile(r"[«\"„“]")
_QUOTED = re.compile(r'«([^«»\n]{2,60})»|"([^"\n]{2,60})"|„([^„“”\n]{2,60})[“”]|“([^“”\n]{2,60})”')


@lru_cache(maxsize=1)
def _head_forms() -> frozenset[str]:
    """Every inflected form of every one-word quoted head (pymorphy3 lexemes of its noun readings):
    "партия" -> партии, партией, партиям...; looked up without parsing the text's words."""
    out = set()
    for h in org_lexicon()["quoted_heads"]:
        if " " in h:
            continue
        out.add(h)
        for p in _parse(h):
            if p.tag.POS == "NOUN" and p.normal_form == h:
                out.update(f.word for f in p.lexeme)
    return frozenset(out)


@lru_cache(maxsize=16384)
def _is_head(word: str) -> bool:
    lex = org_lexicon()
    if word in lex["legal_forms"]:
        return True
    return word.lower().replace("ё", "е") in _head_forms() or word.lower() in _head_forms()


_BEFORE_QUOTE = re.compile(r"((?:[^\W\d_]+(?:-[^\W\d_]+)?[ \xa0]+){1,3})(?:[«\"„“][^«»\"„“\n]{1,60}[»\"“”][ \xa0]*(?:,|и|или)[ \xa0]*)*$")


_TLD = re.compile(r"\.(?:ru|com|net|org|ua|by|kz|info|su|рф)(?![\w-])", re.IGNORECASE)
_DOMAIN_LEFT = re.compile(r"(?<![\w.@/-])[\w-]+(?:\.[\w-]+)*$")
_REPORTING = re.compile(r"(?<![\w-])(?:сообща(?:ет|ют|ли?)|переда(?:[её]т|ли?)|цитиру(?:ет|ют)|пиш(?:ет|ут)|писал[аи]?|"
                        r"отмеча(?:ет|ют)|по данным|по сообщению|по информации|со ссылкой на)[ \xa0]+$")


def reported_domains(text: str, mentions: list, make) -> list:
    """A site's domain right after a reporting verb is the news outlet ("сообщает example.ru",
    "цитирует news-site.com", "со ссылкой на example.ru"): an organisation."""
    if "." not in text:
        return mentions
    covered = None
    out = mentions
    for t in _TLD.finditer(text):
        left = _DOMAIN_LEFT.search(text, max(0, t.start() - 40), t.start())
        if left is None:
            continue
        s, e = left.start(), t.end()
        if not _REPORTING.search(text, max(0, s - 30), s):
            continue
        if covered is None:
            covered = _Coverage(mentions, _SKIP_KINDS)
            out = list(mentions)
        if covered.overlaps(s, e):
            continue
        name = text[s:e]
        out.append(make(s, e, f"new:organization/{re.sub(r'[^a-z0-9а-яё]+', '-', name.lower()).strip('-')}", "pattern",
                        "organization", name=name))
        covered.add(s, e)
    return out


_DESCR_QUOTED = re.compile(r"(?:.*[ \xa0])?([^\W\d_]+)[ \xa0]+«([^«»]+)»", re.S)


def _kb_quoted_names(text: str, mentions: list, make) -> list:
    """A knowledge-base name written with its descriptor ("движение «Талибан»", "клуб «Валдай»")
    is cut to the quoted name, still linked: the convention kept for every quoted name (партии
    «Яблоко» -> Яблоко)."""
    if "«" not in text:
        return mentions
    out = []
    for m in mentions:
        if m.etype in _ORG and m.kind not in _SKIP_KINDS and text[m.end - 1:m.end] == "»":
            d = _DESCR_QUOTED.fullmatch(text, m.start, m.end)
            if d is not None and _is_head(d.group(1)):
                m = make(d.start(2), d.end(2), m.eid, m.kind, m.etype, name=m.name, country=m.country)
        out.append(m)
    return out


def quoted_orgs(text: str, mentions: list, make, english_name, slug) -> list:
    """A quoted name right after an organisation noun or legal form is an organisation, named by what
    the quotes hold: партии «Яблоко», ОАО «Газпром», группой «Цветы», газета «Труд», also in a list
    («Весёлые ребята», «Цветы»). natasha's organisations that start with such descriptors are cut to
    the quoted name ("ЗАО «Медиа-Мост»" -> "Медиа-Мост", "Медиахолдинг «Башинформ" -> "Башинформ")."""
    if not _OPEN_Q.search(text):
        return mentions
    out: list = []
    for m in mentions:
        if m.kind == "natasha" and m.etype in _ORG:
            frag = text[m.start:m.end]
            if frag.count('"') % 2 == 1 and text[m.end:m.end + 1] == '"' or frag.count("«") > frag.count("»") and text[m.end:m.end + 1] == "»":
                m = make(m.start, m.end + 1, m.eid, m.kind, m.etype, name=m.name, country=m.country)  # "РИА "Новости"": the quote closes
                frag = text[m.start:m.end]
            q = _OPEN_Q.search(frag)
            if q and q.start() > 0:
                words = frag[:q.start()].split()
                if words and all(_is_head(w) for w in words):
                    a = m.start + q.end()
                    close = _QUOTE_PAIRS[q.group(0)]
                    b = m.end
                    while b > a and text[b - 1] in close + " \xa0":
                        b -= 1
                    if b - a >= 2:
                        name = english_name(nominative_org_name(text[a:b]), "ru", person=False)
                        out.append(make(a, b, f"new:organization/{slug(name)}", "natasha", m.etype, name=name))
                        continue
        out.append(m)
    mentions = out
    added: list = []
    for q in _QUOTED.finditer(text):
        a, b = q.span(q.lastindex)
        content = text[a:b]
        if not (content[0].isupper() or content[0].isdigit()) or content.strip() != content:
            continue
        # the word right before the quote, or before a list of quoted names ("коллективами «А», «Б»")
        before = text[max(0, q.start() - 40):q.start()]
        words = before.split()
        if before[-1:] in " \xa0" and words:
            last = words[-1]
        elif text[max(0, q.start() - 6):q.start()].rstrip(" \xa0,и").endswith(("»", '"', "“", "”")):
            pm = _BEFORE_QUOTE.search(text, max(0, q.start() - 300), q.start())
            if not pm:
                continue
            last = pm.group(1).split()[-1]
        else:
            continue
        if not _is_head(last):
            continue
        # an organisation already there (exact or overlapping) stays; so does a longer name
        over = [x for x in mentions if x.start < b and a < x.end and x.kind not in _SKIP_KINDS]
        if any(x.etype in _ORG for x in over) or any(x.start < a or x.end > b for x in over):
            continue
        whole = [x for x in over if x.start == a and x.end == b]
        name = english_name(nominative_org_name(content), "ru", person=False)
        added.append(make(a, b, f"new:organization/{slug(name)}", "quoted", "organization", name=name))
        for x in whole:
            mentions = [y for y in mentions if y is not x]  # партия «Родина»: the name is the party's
    return mentions + added


_NAMED = re.compile(r"(?<![\w-])(?:имени|им\.)[ \xa0]+")


def named_after(text: str, mentions: list, make, english_name, slug) -> list:
    """"Литературный институт имени А. М. Горького", "Института иностранных языков имени М. Тореза",
    "Театра им. Йозефа Бойса": an institution, its genitive complement, "имени" and a person are one
    organisation (the person stays a mention of its own)."""
    hits = list(_NAMED.finditer(text)) if ("имени " in text or " им." in text) else []
    if not hits:
        return mentions
    lex = org_lexicon()
    persons = {x.start: x for x in mentions if x.etype == "person"}
    out = list(mentions)
    for hit in hits:
        per = persons.get(hit.end())
        if per is None:
            continue
        # the institution word within the five words before "имени"
        words = list(re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)?", text[max(0, hit.start() - 80):hit.start()]))
        base = max(0, hit.start() - 80)
        head = None
        for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
            w = words[k].group(0)
            between = text[base + words[k].end():hit.start()]
            if re.search(r"[^\w \xa0-]", between):
                break
            if any(p.normal_form in lex["named_heads"] for p in _parse(w.lower())[:2]):
                head = (base + words[k].start(), w)
                break
            if k < len(words) - 1 or True:
                if not _gent_kind(w.lower()) and w[:1].islower():
                    break
        if head is None:
            # natasha's organisation right before: "Театра им."
            prev = [x for x in out if x.etype in _ORG and 0 <= hit.start() - x.end <= 1 and x.kind not in _SKIP_KINDS]
            if not prev:
                continue
            s = prev[0].start
        else:
            s = _agreeing_adjectives(text, head[0], head[1])
        e = per.end
        inside = [x for x in out if s <= x.start and x.end <= e and x.etype in _ORG]
        if any(x.start < s < x.end or x.start < e < x.end for x in out if x.etype in _ORG):
            continue
        out = [x for x in out if x not in inside]
        name = english_name(text[s:e], "ru", person=False)
        out.append(make(s, e, f"new:organization/{slug(name)}", "named", "organization", name=name))
    return out


_MEDIUM_BEFORE = re.compile(r"(?:^|[^\w-])((?:[\w-]+[ \xa0]+)?)(?:в|во|через|В|Через)[ \xa0]+(?:(?:своём|своем|своей|своих|своем|моём|моем|её|его|их|официальном|официальной)[ \xa0]+)?$")


def platform_media(text: str, mentions: list) -> list:
    """"написал в Twitter", "подписчиков в Weibo", "поделился в своём Фейсбуке": a social network after
    "в"/"через" is the medium the message went through, not an organisation acting; it is dropped
    unless the knowledge base knows it (then it stays linked: the output's users want the id).
    Kept: a noun of ownership or employment before it ("доля DST в Facebook"), a name before "в"
    (the company's name, not a verb: "DST в Facebook"), and the network as a subject ("Facebook удалил")."""
    lex = org_lexicon()
    plats = lex["platforms"]
    if not plats:
        return mentions
    firsts = lex["platform_firsts"]
    out = []
    for m in mentions:
        if m.etype in _ORG and text[m.start:m.start + 1].lower() in firsts and m.kind not in _SKIP_KINDS \
                and not m.eid.startswith("kb:") and text[m.start:m.end].lower().startswith(plats):
            pm = _MEDIUM_BEFORE.search(text, max(0, m.start - 50), m.start)
            if pm:
                prev = pm.group(1).strip()
                ps = _parse(prev.lower()) if prev else []
                company = bool(prev) and (not re.search("[а-яё]", prev.lower()) or prev[:1].isupper() and bool(re.search("[а-яё]", prev[1:]))
                                          and not any(p.tag.POS in ("VERB", "ADVB", "NPRO") for p in ps[:1]))
                company = company or any(p.normal_form in lex["platform_company_nouns"] for p in ps[:2])
                if not company:
                    continue
        out.append(m)
    return out


_LATIN_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'&.-]*(?:[ \xa0]+(?:(?:of|for|to|on|and|the|de|du|des|la|le|pour|del|di|do|da|&)[ \xa0]+)*[A-Z][\w’'&.-]*)+")


def latin_orgs(text: str, mentions: list, make, english_name, slug) -> list:
    """A run of capitalised Latin-script words in Russian text holding an organisation word ("Bank",
    "College", "Network", "Rassemblement") is one organisation, a place inside it included ("King’s
    College London", "Industrial and Commercial Bank of China", "Rassemblement pour le Mali"); the place
    stays a mention of its own, a shorter organisation inside is replaced."""
    if not re.search("[A-Z][a-z]", text):
        return mentions
    lex = org_lexicon()
    words = lex["latin_org_words"]
    seeds = [(m.start, m.end) for m in mentions if "A" <= text[m.start:m.start + 1] <= "Z" and m.kind not in _SKIP_KINDS]
    if lex["latin_org_re"] is not None:
        # and around an organisation word no mention holds ("Foundation for Open Markets", "Human Rights International")
        seeds += [w.span() for w in lex["latin_org_re"].finditer(text)]
    if not seeds:
        return mentions
    runs = set()
    for a0, b0 in seeds:  # the runs around a Latin-script mention (a place or name the organisation holds)
        for r in _LATIN_RUN.finditer(text, max(0, a0 - 80), min(len(text), b0 + 80)):
            if r.start() <= a0 and b0 <= r.end():
                runs.add(r.span())
    out = list(mentions)
    for a, b in sorted(runs):
        while b > a and text[b - 1] in ".-’'":
            b -= 1
        toks = re.findall(r"[\w’'&.-]+", text[a:b])
        if len(toks) < 2 or not any(t.rstrip(".,") in words for t in toks):
            continue
        if toks[0] in words and len(toks) == 2 and toks[1].isupper():
            continue
        over = [x for x in out if x.start < b and a < x.end and x.kind not in _SKIP_KINDS]
        if any(x.start < a or x.end > b for x in over) or any(x.start == a and x.end == b and x.etype in _ORG for x in over):
            continue
        out = [x for x in out if not (x in over and x.etype in _ORG + ("person",))]
        name = text[a:b]
        out.append(make(a, b, f"new:organization/{slug(name)}", "latin", "organization", name=name))
    return out


_PAREN_GROUP = re.compile(r"\(([^()\n]{1,120})\)")
_ACR_TOKEN = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&-]{1,7}(?![\w-])")
_ROMAN_NUM = re.compile(r"[IVXLCDM]+")


def _is_acronym(tok: str) -> bool:
    lex = org_lexicon()
    if tok in lex["not_acronyms"] or tok in lex["legal_forms"]:
        return False
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _ROMAN_NUM.fullmatch(tok)


def acronym_orgs(text: str, mentions: list, make, slug) -> list:
    """Acronyms that an organisation introduces are organisations, and so are their other occurrences
    in the document: the last item in parentheses after an organisation ("Сеть поддержки выборов
    (Zimbabwe Election Support Network, ZESN)", "(King’s College London, KCL)"), and a capitalised
    acronym right after an organisation noun ("компании RCA", "банка HSBC")."""
    org_ends = {m.end for m in mentions if m.etype in _ORG and m.kind not in _SKIP_KINDS}
    org_starts = {m.start: m for m in mentions if m.etype in _ORG and m.kind not in _SKIP_KINDS}
    found: dict[str, int] = {}
    for g in _PAREN_GROUP.finditer(text):
        inner = g.group(1)
        parts = re.split(r"[,;][ \xa0]*", inner)
        tok = parts[-1].strip()
        if not _is_acronym(tok) or len(tok) > 8:
            continue
        before = g.start()
        k = before
        while k > 0 and text[k - 1] in " \xa0»\"”":
            k -= 1
        first = g.start(1)
        if k in org_ends or (len(parts) > 1 and first in org_starts):
            found.setdefault(tok, g.start(1) + inner.rindex(tok))
    starts = {m.start for m in mentions if m.kind not in _SKIP_KINDS}
    for a in _ACR_TOKEN.finditer(text):
        tok = a.group(0)
        if tok in found or a.start() in starts or not _is_acronym(tok):
            continue
        before = text[max(0, a.start() - 30):a.start()]
        if before[-1:] not in " \xa0":
            continue
        words = before.split()
        if words and words[-1].isalpha() and words[-1].islower() and _is_head(words[-1]):
            found[tok] = a.start()
    if not found:
        return mentions
    covered = _Coverage(mentions, _SKIP_KINDS)
    out = list(mentions)
    for tok in found:
        i = text.find(tok)
        while i >= 0:  # every occurrence as a whole word (str.find: no regex compiled per acronym)
            e = i + len(tok)
            if not (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_")) \
                    and not (e < len(text) and (text[e].isalnum() or text[e] in "-_")) and not covered.overlaps(i, e):
                out.append(make(i, e, f"new:organization/{slug(tok)}", "acr", "organization", name=tok))
                covered.add(i, e)
            i = text.find(tok, e)
    return out




_OPEN_QUOTES = frozenset("«\"„“")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:][ \xa0]+|\n[ \xa0]*|[—–-][ \xa0]+)$")


@lru_cache(maxsize=1)
def _descriptor_lexicon() -> tuple[frozenset[str], dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """The descriptor nouns (``quoted_heads`` + ``descriptor_heads``): every inflected form of the one-word
    ones of ``descriptor_heads`` (the quoted heads: ``_is_head``); a fixed genitive -> the lemmas of the noun
    before it ("группа компаний"); every inflected form of the noun of an adjective + noun entry -> the
    adjective stems it needs ("дома" -> "аукционн", "торгов"...: "аукционный дом"). Looked up, not parsed."""
    data = mentions_data("ru").get("orgs") or {}
    words = [str(w).lower() for w in data.get("descriptor_heads") or []]

    def lexeme(w: str) -> set[str]:
        out = {w}
        for p in _parse(w):
            if p.tag.POS == "NOUN" and p.normal_form == w:
                out.update(f.word for f in p.lexeme)
        return out

    forms: set[str] = set()
    genitives: dict[str, set[str]] = {}
    adjectives: dict[str, set[str]] = {}
    for h in words + sorted(org_lexicon()["quoted_heads"]):
        ws = h.split()
        if len(ws) == 1:
            if h not in org_lexicon()["quoted_heads"]:
                forms |= lexeme(h)
        elif len(ws) == 2 and ws[0].endswith(("ый", "ий", "ой", "ая", "ое")):
            for f in lexeme(ws[1]):
                adjectives.setdefault(f, set()).add(ws[0][:-2])
        elif len(ws) == 2:
            genitives.setdefault(ws[1], set()).add(ws[0])
    return (frozenset(forms), {k: frozenset(v) for k, v in genitives.items()},
            {k: tuple(sorted(v)) for k, v in adjectives.items()})


def _descriptor_word(w: str) -> bool:
    return _is_head(w) or w.lower() in _descriptor_lexicon()[0]


_PLACE_ADJ = re.compile(r"[а-яё]+(?:ск|цк)(?:ого|ому|им|ом|ой|ую|ая|ий|ое|их|ими|ые|ых|ым)")


def _words_before(text: str, s: int, n: int) -> list[tuple[int, str]]:
    """Up to ``n`` words (letters, one inner hyphen) right before ``s`` that only spaces separate,
    nearest last, with their starts; ``s`` is where the spaces after the last one end. str.rfind, no regex
    search (this runs before every Russian organisation mention)."""
    out: list[tuple[int, str]] = []
    end = s
    while len(out) < n:
        k = end
        while k > 0 and text[k - 1] in " \xa0":
            k -= 1
        if k == end or k == 0:
            break
        lo = max(0, k - 40)
        a = max(text.rfind(" ", lo, k), text.rfind("\xa0", lo, k), text.rfind("\n", lo, k))
        if a < 0 and k > 40:
            break  # a token over 40 characters (a link, a hashtag) is no descriptor: do not scan the whole prefix
        w = text[a + 1:k]
        m = _TAIL_WORD.search(w)
        if m is None:
            break
        out.append((a + 1 + m.start(), m.group(0)))
        if m.start() > 0:
            break  # punctuation before the word ("(партии", "«группы"): no word before it
        end = a + 1
    out.reverse()
    return out


_TAIL_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)?$")


def _head_before_genitive(text: str, s: int) -> tuple[int, str] | None:
    """The descriptor noun before a genitive noun phrase of one to three words that ends at ``s``
    ("производитель медицинского оборудования", "Центр народного творчества"; ``s`` after the space that follows
    it): (its start, the word), or None. A singular descriptor only ("объединений государств X" are the
    organisations of X's members)."""
    toks = text[max(0, s - 60):s].split()
    if len(toks) < 2 or not any(_descriptor_word(w.strip("(«\"„“'")) for w in toks[-4:-1]):
        return None  # no descriptor among the words before (the usual case): str.split, nothing parsed
    words = _words_before(text, s, 4)
    # the nearest descriptor word before the last one (looked up first: no parse unless there is one)
    k = next((i for i in range(len(words) - 2, -1, -1) if _descriptor_word(words[i][1])), None)
    if k is None or len(words) - 1 - k > 3:
        return None
    between = [w for _, w in words[k + 1:]]
    if not all(w.islower() and _gent_kind(w) is not None for w in between) or _gent_kind(between[-1]) != "NOUN":
        return None
    w = words[k][1]
    return words[k] if any("sing" in p.tag for p in _parse(w.lower())[:2]) else None


def descriptor_heads(text: str, mentions: list, make, english_name, slug) -> list:
    """An organisation named right after its descriptor noun (партии «Яблоко», компании Microsoft,
    ОАО «Газпром», еженедельной газеты «Х», группы компаний «Y») keeps the name as its mention, as every
    other mention is a name (the title "министр" is no part of a person's mention either); the whole
    phrase the sentence names its participant by, the descriptor with the adjectives that agree with it
    included, is recorded as the mention's ``phrase_span`` (factRuEval's unit of an organisation, which
    ``eval ner`` scores it by; the output gives it as the mention's ``phrase``). A capitalised descriptor
    counts only at the start of a sentence ("Концерн «X» заявил"): elsewhere it is part of a name."""
    out: list = []
    taken = None
    for m in mentions:
        if m.etype not in _ORG or m.kind in _SKIP_KINDS or m.phrase_span is not None or m.start < 2:
            out.append(m)
            continue
        c = text[m.start]
        if not (c.isupper() or c.isdigit()):
            out.append(m)
            continue
        quote = text[m.start - 1] if text[m.start - 1] in _OPEN_QUOTES else ""
        qs = m.start - len(quote)  # where the spaces before the name (and its quote) end
        last = _words_before(text, qs, 1)
        if not last:
            out.append(m)
            continue
        hs, word = last[0]
        end = m.end
        if quote:
            close = _QUOTE_PAIRS[quote]
            if end >= len(text) or text[end] not in close:  # ("" is in every string)
                out.append(m)
                continue
            end += 1
        forms, genitives, adjectives = _descriptor_lexicon()
        low = word.lower()
        prev = _PREV_WORD.search(text, max(0, hs - 40), hs) if low in genitives or low in adjectives else None
        start = hs
        if _is_head(word) or low in forms:
            lead = genitives.get(low)
            if lead and prev and any(p.normal_form in lead for p in _parse(prev.group(1).lower())[:2]):
                start = prev.start(1)  # "группы компаний «Y»"
        else:
            need = adjectives.get(low)
            if not (need and prev and prev.group(1).lower().startswith(need)):
                # a relational place adjective before a quoted name: "питерского «Зенита»", "казанского «Рубина»"
                if not (quote and word.islower() and _PLACE_ADJ.fullmatch(word)):
                    back = _head_before_genitive(text, qs)
                    if back is None:
                        out.append(m)
                        continue
                    hs, word = back  # "производитель медицинского оборудования X", "Центр народного творчества «Y»"
                    start = hs
            else:
                start = prev.start(1)  # "торгового дома X"
        if word[:1].isupper() and word not in org_lexicon()["legal_forms"] \
                and not _SENTENCE_START.search(text, max(0, hs - 3), hs):
            out.append(m)
            continue
        if taken is None:
            taken = _Coverage([x for x in mentions if x.kind not in _SKIP_KINDS])
        if taken.overlaps(hs, hs + len(word)):
            out.append(m)
            continue
        if word not in org_lexicon()["legal_forms"] and not _PLACE_ADJ.fullmatch(word):
            start = _agreeing_adjectives(text, start, text[start:hs + len(word)].split()[0])
        if start < hs and taken.overlaps(start, hs):
            start = hs  # an adjective that belongs to another mention
        out.append(make(m.start, m.end, m.eid, m.kind, m.etype, name=m.name, country=m.country, score=m.score,
                        phrase_span=(start, end)))
        unit = org_lexicon()["unit_end_re"]
        u = unit.search(text, max(0, start - 60), start) if unit is not None else None
        if u is not None and u.end() == start and not taken.overlaps(u.start(1), u.end(1)):
            # a unit of it: "казанского отделения партии «X»", "пресс-службы компании X"
            us = _agreeing_adjectives(text, u.start(1), u.group(1).split()[0])
            if us < u.start(1) and taken.overlaps(us, u.start(1)):
                us = u.start(1)
            uname = english_name(text[us:end], "ru", person=False)
            out.append(make(us, end, f"new:organization/{slug(uname)}", "unit", m.etype, name=uname))
    return out
