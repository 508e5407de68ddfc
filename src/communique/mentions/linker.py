"""Find mentions of knowledge-base entities in a document and link them.

One pass of an Aho-Corasick automaton (ahocorasick-rs, leftmost-longest) over the folded
normalised text finds every knowledge-base name; Python then checks Unicode word boundaries
(``str.isalnum``, so they hold for Cyrillic), inflectional endings per language (Russian
case endings, German genitive/adjective endings, Romance plurals), capitalisation of names,
and resolves ambiguous names by context (the document's countries, "X, Y" patterns,
population, the document date for office-holders). Title-and-name patterns and, for Russian,
natasha's NER find people the knowledge base does not know; role nouns ("der Minister",
"глава МИД") resolve to a person already named.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from communique.documents import Document
from communique.kb import KnowledgeBase, load_kb
from communique.kb.build import is_common_word, slug
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic, transliterate
from communique.mentions.capnames import cap_names, new_mention_factory
from communique.mentions import roles
from communique.mentions.capnames_de import de_town_like, german_passes
from communique.mentions.capnames_es import refine as refine_es
from communique.mentions.orgs_ru import adjective_before_noun, not_org_quote, refine_orgs
from communique.mentions.places import PlaceContext
from communique.model import Entity, Span
from communique.normalize import NormText, find_links

log = logging.getLogger(__name__)

LANG_DIR = Path(__file__).resolve().parent.parent / "data" / "lang"

# allowed endings after a name, by script/language (folded text)
RU_NOUN = frozenset("а я у ю е и ы о ом ем ём ой ей ою ею ью ам ям ами ями ах ях ов ев ым им".split())
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


@dataclass
class _Raw:
    start: int
    end: int
    cands: list[tuple[str, str, str]] = field(default_factory=list)


@lru_cache(maxsize=8)
def lang_lexicon(lang: str) -> dict[str, Any]:
    p = LANG_DIR / lang / "mentions.yaml"
    if not p.exists():
        return {"titles": [], "coref": {}, "articles": []}
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    titles = sorted({str(t) for t in data.get("titles") or []}, key=len, reverse=True)
    coref = {str(k): str(v) for k, v in (data.get("coref") or {}).items()}
    arts = [str(a) for a in data.get("articles") or []]
    if lang == "ru":
        title_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t.lower())[:-1] + r"\w{0,3}" if len(t) > 5 else re.escape(t.lower()) for t in titles) + r")(?![\w-])")
    else:
        title_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(fold(t)) for t in titles) + r")(?![\w-])")
    if lang == "ru":
        coref_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(fold(k))[:-1] + r"\w{0,3}" for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])")
    elif arts:
        coref_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, arts)) + r")\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])")
    else:
        coref_re = None
    coref_adj_re = None
    if arts and lang != "ru":
        coref_adj_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, arts)) + r")\s+([^\W\d_]+)\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])")
    heads = [str(h) for h in data.get("org_heads") or []]
    words = [str(w) for w in data.get("org_words") or []]
    org_re = None
    if heads:
        org_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r")"
            r"(?:(?:\s+(?:de|del|de la|de los|de las|para|por|pro|y|für|der|des|von|vom|zur|zum|of|the|for|and|de l'|du|pour|et|d')\s*)?"
            r"\s*[^\W\d_a-zà-ÿ][\w'’.&-]*)+")
    if words and lang == "ru":
        words_re = re.compile(r"(?<![\w-])(?:" + "|".join(
            # "мэрия" -> мэрии/мэрию (the bare stem "Мэри" is a name, not a form of it)
            re.escape(w[:-1]) + (r"\w{1,3}" if w[-1] in "ая" else r"\w{0,3}") if w[-1] in "оаяь" and w.islower() else re.escape(w) + r"\w{0,2}"
            for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
    elif words:
        words_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])")
    else:
        words_re = None
    return {"titles": titles, "title_re": title_re, "coref": {fold(k): v for k, v in coref.items()}, "coref_re": coref_re, "coref_adj_re": coref_adj_re,
            "org_re": org_re, "org_words_re": words_re}


_CAPTOK = re.compile(r"(?<![\w'’-])[^\W\d_a-zа-яё][\w'’-]*")
_NAME_GAP = re.compile(r"[^\S\n]+|[^\S\n]+(?:de|del|de la|de los|de las|da|das|do|dos|di|du|van|von|der|van der|von der|le|la|bin|al|el|ibn)[^\S\n]+")
_INITIALS_NAME = re.compile(r"(?<![\w.])(?:[A-ZА-ЯЁ]\.[^\S\n]?){1,2}([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)(?![\w-])")
_SURNAME_SHAPE = re.compile(
    r"(?<![\w'’-])[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:ez|és|áez)(?![\w'’-])"
    r"|(?<![\w'’-])[A-Z][a-z]{2,}(?:ow|owa|ew|ewa|ov|ova|ev|eva|sky|ski|ska|skaja|skij|enko|tschuk|chuk|vich|witsch|wicz|schenko)(?![\w'’-])")
_NER_STOP = frozenset(["СМИ", "COVID-19", "КОВИД-19"])
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÁÉÍÓÚÑÄÖÜ]{3,6}(?![\w-])")
_ROMAN = re.compile(r"[IVXLCDM]+")
_ACR_STOP = frozenset("""EUR USD RUB CHF GBP JPY CNY TV OK AM PM CEO CET UTC GMT MEZ MESZ PS NB AD BC CD DVD PC SMS PDF URL ID FM UKW DM
    EURO KM ISBN ISSN DNA DNS RNA HIV AIDS PLZ PMID GNU FCKW NADPH ATP USB HTML HTTP GPS MP3 LED LCD CO2 PKW LKW KFZ
    BIP GDP VAT MWST TNT WWW FAQ API CPU RAM ROM SUV LGBT COVID SARS MERS UFO RIP ASAP DIY NB PS""".split())
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_INITIALS_LEFT = re.compile(r"(?:(?<![\w])[A-ZА-ЯЁ]\.\s?){1,2}$")


class MentionLinker:
    """``link(doc, norm) -> list[Entity]``; ``find(doc, norm) -> list[Mention]`` for evaluation."""

    def __init__(self, kb: KnowledgeBase | None = None, *, use_natasha: bool = True) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.use_natasha = use_natasha
        self._natasha = None
        self._first: frozenset[str] | None = None

    # -- the automaton pass -------------------------------------------------------------------
    def _raw_matches(self, text: str, ft: str, lang: str) -> list[_Raw]:
        found = self._scan(text, ft, lang, 0, len(ft), 0)
        found.sort(key=lambda r: (r.start, r.start - r.end))
        out: list[_Raw] = []
        for r in found:
            if not out or r.start >= out[-1].end:
                out.append(r)
        return out

    def _scan(self, text: str, ft: str, lang: str, lo: int, hi: int, depth: int) -> list[_Raw]:
        """Accepted matches in ft[lo:hi]. A rejected leftmost-longest match ("la Unión" in "la Unión
        Europea") may hide a good one that starts inside it: its span is scanned again from the next word."""
        kb = self.kb
        n = len(ft)
        out: list[_Raw] = []
        it = kb.matcher.find_matches_as_indexes(ft[lo:hi] if (lo or hi != n) else ft)
        for pidx, s, e in it:
            s += lo
            e += lo
            keep = self._accept(text, ft, lang, pidx, s, e) if not (s > 0 and ft[s - 1].isalnum()) else None
            if keep and depth < 3 and ft[s:ft.find(" ", s, e)] in _ARTICLES and " " in ft[s:e]:
                # "La Unión" (a town) must not hide "Unión Europea": a longer name starting at the next word wins
                nxt = ft.find(" ", s) + 1
                longer = [r for r in self._scan(text, ft, lang, nxt, min(n, e + 80), depth + 1)
                          if r.start < e and r.end > e and not any(o.start < r.end and r.start < o.end for o in out)]
                if longer:
                    out.extend(longer)
                    continue
            if keep:
                w = e
                while w < n and ft[w].isalnum():
                    w += 1
                out.append(_Raw(s, w, keep))
            elif depth < 3 and " " in ft[s:e]:
                nxt = ft.find(" ", s) + 1
                out.extend(r for r in self._scan(text, ft, lang, nxt, min(n, e + 80), depth + 1)
                           if r.start < e and not any(o.start < r.end and r.start < o.end for o in out))
        return out

    def _accept(self, text: str, ft: str, lang: str, pidx: int, s: int, e: int) -> list[tuple[str, str, str]]:
        kb = self.kb
        n = len(ft)
        w = e
        while w < n and ft[w].isalnum():
            w += 1
        rem = ft[e:w] if w > e else ""
        cands = kb.candidates[pidx]
        keep: list[tuple[str, str, str]] = []
        first = text[s]
        cyr = "а" <= ft[s] <= "я" or ft[s] in "ёй"
        for eid, kind, flags in cands:
            if kind == "stem" or kind == "stemsur":
                if not (cyr and rem in RU_STEM):
                    continue
            elif kind == "adjstem":
                # "российско-белорусских": the linking vowel of a compound adjective
                if rem not in RU_ADJ and not (rem == "о" and ft[e + 1:e + 2] == "-"):
                    continue
            elif rem:
                if cyr:
                    ok = rem in (RU_ADJ if kind == "adj" else RU_NOUN)
                elif lang == "de":
                    ok = rem in (DE_ADJ if kind == "adj" else DE_END)
                elif kind in ("acr", "flag"):
                    ok = False
                else:
                    ok = rem in ROM_END
                if not ok:
                    continue
            if kind == "acr":
                frag = text[s:e]
                if not any(c.isupper() for c in frag):
                    continue
                if len(frag) <= 4 and frag != frag.upper():
                    continue
            elif kind in ("name", "sur", "stem", "stemsur") and first.isalpha() and not first.isupper() and "l" not in flags:
                et = eid.split("/")[0]
                # organisation names with a lower-case first word occur (fr/es "ministère ...")
                if not (et == "kb:org" and " " in ft[s:e]) or (lang == "es" and text[s:e].islower()):  # not "el país"
                    continue
            if "c" in flags and lang == "de" and kind in ("sur", "stemsur"):
                continue  # German capitalises nouns: "Fall" is not a surname here
            if "c" in flags and (not first.isupper() or (
                    _sentence_initial(text, s) and (kb.entities[eid].get("population") or 0) < 200_000)):
                continue
            keep.append((eid, kind, flags))
        return keep

    # -- resolution ---------------------------------------------------------------------------
    def find(self, doc: Document, norm: NormText) -> list[Mention]:
        text = norm.text
        lang = (doc.lang or "en")[:2]
        ft = fold(text)
        day = doc.published.date().isoformat() if doc.published else None
        kb = self.kb
        ents = kb.entities
        raws = self._raw_matches(text, ft, lang)
        links = [(l.start, l.end) for l in find_links(text)] if "/" in text else []

        # the document's countries: unambiguous country mentions and flags
        doc_countries: dict[str, int] = {}
        for r in raws:
            for eid, kind, _ in r.cands:
                e = ents[eid]
                if e.get("country") and e["type"] == "country":
                    doc_countries[e["country"]] = doc_countries.get(e["country"], 0) + 1
            # a large region or city whose namesakes all lie in the same country (Ontario, Alberta) tells the country
            places = sorted(((ents[c[0]].get("population") or 0, ents[c[0]].get("country")) for c in r.cands
                             if ents[c[0]]["type"] == "place"), reverse=True)
            if places and places[0][0] >= 1_000_000 and places[0][1] and len({p[1] for p in places}) == 1 \
                    and not any(ents[c[0]]["type"] == "country" for c in r.cands):
                doc_countries[places[0][1]] = doc_countries.get(places[0][1], 0) + 1
        full_persons = {eid for r in raws for eid, kind, _ in r.cands if kind == "name" and eid.startswith("kb:person/")}

        nat: list[tuple[int, int, str]] = []
        if lang == "ru" and self.use_natasha:
            nat = self._natasha_spans(text)
            if nat:
                raws = self._filter_by_ner(text, raws, nat)

        pctx = PlaceContext(kb, raws, text, ft, lang, doc_countries)
        pctx.add_small_candidates()
        mentions: list[Mention] = []
        for i, r in enumerate(raws):
            if links and any(a < r.end and r.start < b for a, b in links):
                continue
            m = self._resolve(r, raws, i, text, ft, doc_countries, full_persons, day, lang, pctx)
            if m is not None:
                mentions.append(m)

        taken = _Coverage(mentions)
        mentions.extend(self._title_persons(text, ft, lang, taken, mentions))
        if lang != "ru" or not nat:
            mentions = self._given_name_persons(text, ft, lang, mentions)
        mentions = self._initials_persons(text, mentions)
        if lang != "ru":
            mentions = self._surname_shape_persons(text, lang, mentions)
        if lang in ("de", "es"):
            mentions = cap_names(text, lang, mentions, self._given_names(), new_mention_factory(Mention, _english_name, lang))
        if lang == "de":
            mentions = german_passes(text, mentions, kb, self._given_names(), Mention, new_mention_factory(Mention, _english_name, lang))
        mentions.extend(Mention(s, e, eid, "name", "place") for s, e, eid in pctx.unmatched(mentions, lambda w: _common_in(w, lang)))
        mentions = self._propagate_surnames(text, mentions)
        mentions.extend(self._coref(text, ft, lang, mentions, day, doc_countries))
        mentions.extend(self._pattern_orgs(text, lang, mentions))
        if lang == "es":  # Spanish conventions: competitions, clubs named by their town, one type per name
            mentions = refine_es(text, mentions, new_mention_factory(Mention, _english_name, lang), self._given_names(),
                                 lambda eid: (self.kb.entities.get(eid) or {}).get("population") or 0)
        taken = _Coverage(mentions)
        if nat:
            # an organisation name may contain a country adjective ("Российская газета")
            mentions.extend(self._natasha_mentions(text, nat, taken, _Coverage([m for m in mentions if m.kind not in ("adj", "adjstem")])))
        if lang == "ru":  # "Правительство Японии", "японского МИДа", "власти Перу" (mentions/orgs_ru.py)
            mentions = refine_orgs(text, mentions, Mention, _english_name, slug)
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def _resolve(self, r: _Raw, raws: list[_Raw], i: int, text: str, ft: str,
                 doc_countries: dict[str, int], full_persons: set[str], day: str | None, lang: str,
                 pctx: PlaceContext | None = None) -> Mention | None:
        ents = self.kb.entities
        best: tuple[float, str, str] | None = None
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        # "X, Y": the next mention right after a comma names X's country or region
        follow_country = None
        if nxt is not None and re.fullmatch(r"\s*,\s*(?:(?:Republik|Republic|République|República|Республика|Respublika)\s+)?", ft[r.end:nxt.start] or "x"):
            for eid, _k, _f in nxt.cands:
                if ents[eid]["type"] == "country":
                    follow_country = ents[eid].get("country")
            if follow_country is None and len(nxt.cands) == 1 and ents[nxt.cands[0][0]]["type"] == "place" \
                    and (ents[nxt.cands[0][0]].get("population") or 0) >= 1_000_000:
                follow_country = ents[nxt.cands[0][0]].get("country")
        if nxt is not None and follow_country is None:
            gap = ft[r.end:nxt.start]
            if re.fullmatch(r",\s*(?:republik|republic|république|república|республика)\s+", gap):
                for eid, _k, _f in nxt.cands:
                    if ents[eid]["type"] == "country":
                        follow_country = ents[eid].get("country")
        strong_other = any(ents[c[0]]["type"] in ("country", "organization", "group") and c[1] in ("name", "acr", "flag")
                           for c in r.cands)
        # a person's own name beats a place's alternate name ("Lula" is also an alternate name of Luleå)
        person_named = any(ents[c[0]]["type"] == "person" and c[1] == "name" for c in r.cands)
        for eid, kind, flags in r.cands:
            e = ents[eid]
            t = e["type"]
            score = 10.0 - 2 * TYPE_PRIORITY.get(t, 4)
            if t == "place" and strong_other:
                score -= 8
            if t == "place" and person_named and "x" in flags:
                score -= 8
            if kind in ("name", "acr", "flag"):
                score += 3
            if t == "place":
                pop = e.get("population") or 0
                if (e.get("capital") or pop >= 1_000_000) and _LETTER.get(lang, "-") in flags and lang != "ru" \
                        and _lower_word(text[r.start:r.end], lang):
                    continue  # "Dabei" (an alternate name of Dubai) is a German adverb
                score += math.log10(pop + 10)
                c = e.get("country")
                if c and c in doc_countries:
                    score += 0.5
                    if doc_countries[c] >= 2 and pop >= 100_000:
                        score += 2.5
                if follow_country and c == follow_country:
                    score += 6
                if e.get("capital"):
                    score += 1
                if follow_country and c and c != follow_country:
                    score -= 3
                if pctx is not None and pctx.only_places(r):
                    score += pctx.bonus(r, eid, flags)  # the document's regions (mentions/places.py)
                if not e.get("capital") and pop < 1_000_000 and c not in doc_countries and c != follow_country \
                        and not (pctx is not None and pctx.backed(r, e)):
                    surface = text[r.start:r.end]
                    if "n" in flags:
                        continue
                    lenient = 100_000 if lang == "en" else 1_000_000  # German nouns are all capitalised
                    if _LETTER.get(lang, "-") in flags and (pop < 100_000 or _only_word_of(flags, lang)) \
                            and (pop < lenient or surface.lower() != e["name"].lower()) \
                            and not (pop >= 20_000 and _after_place_prep(text, r.start, lang)):
                        continue
                    if lang == "de" and "d" in flags and not (_german_name_like(surface) or de_town_like(surface)) \
                            and not (pop >= 20_000 and _after_place_prep(text, r.start, lang)):
                        continue  # "Dabei", "Rest", "Kanton": a German word, not the town of that name
                    if lang == "ru" and "e" in flags and surface.isascii():
                        continue
                    if "a" in flags and not surface.isascii():
                        continue  # "Länder" is not "Lander"
                    if surface.isupper() and len(surface) > 2 and not (pctx is not None and i in pctx.upper_ok):
                        continue  # "SARS" is not "Sars"
            elif t == "person":
                term = self.kb.term_at(eid, day)
                active = term is not None
                if kind in ("sur", "stemsur"):
                    prominent = (active and term.get("office") in _PROMINENT) or ("c" not in flags and any(
                        t.get("office") in _PROMINENT for t in e.get("terms") or ()))
                    if eid not in full_persons and (not prominent or _is_given_name(text[r.start:r.end])):
                        continue
                    score -= 2.5
                    if eid in full_persons:
                        score += 3
                if active:
                    score += 1
                if e.get("country") in doc_countries:
                    score += 0.5
            elif t == "country" and kind in ("adj", "adjstem", "dem"):
                score -= 0.5
            if best is None or score > best[0]:
                best = (score, eid, kind)
        if best is None:
            return None
        _score, eid, kind = best
        e = ents[eid]
        start = r.start
        if e["type"] == "person":
            start = self._expand_person_left(text, ft, start, e)
        return Mention(start, r.end, eid, kind, e["type"], score=_score)

    def _expand_person_left(self, text: str, ft: str, start: int, ent: dict) -> int:
        left = text[max(0, start - 12):start]
        m = _INITIALS_LEFT.search(left)
        if m:
            return start - (len(left) - m.start())
        m = re.search(r"([^\W\d_]+)\s+$", ft[max(0, start - 30):start])
        if m and text[start - len(m.group(0))].isupper():
            tok = m.group(1)
            for f in ent.get("first") or ():
                stem = f[:-1] if len(f) > 3 else f
                if tok.startswith(stem):
                    return start - len(m.group(0))
        return start

    # -- people the KB does not know --------------------------------------------------------
    def _title_persons(self, text: str, ft: str, lang: str, taken: "_Coverage", mentions: list[Mention]) -> list[Mention]:
        lex = lang_lexicon(lang)
        title_re = lex.get("title_re")
        if title_re is None or not lex["titles"]:
            return []
        out: list[Mention] = []
        for tm in title_re.finditer(ft):
            # the window: up to the end of the clause
            lim = min(len(text), tm.end() + 140)
            stop = re.search(r"[.;:!?\n(]\s|[;:!?\n(]", text[tm.end():lim])
            wend = tm.end() + stop.start() if stop else lim
            run: list[tuple[int, int]] = []
            found = None
            for tok in _TOKEN.finditer(text, tm.end(), wend):
                s, e = tok.span()
                word = tok.group(0).rstrip(".")
                e = s + len(word)
                ok = (word[:1].isupper() and len(word) >= 2 and not taken.overlaps(s, e)
                      and not word.isupper() and not _is_title_word(word, lang)
                      and not (_common_in(word, lang) and not _is_name_like(word)
                               and not (run and lang == "es")))  # "gobernador Tarcisio Delgado"
                between = text[run[-1][1]:s] if run else ""
                if ok and (not run or re.fullmatch(r"[^\S\n]+|-", between)):
                    run.append((s, e))
                    continue
                if len(run) >= 2 or (len(run) == 1 and _immediately_after(text, tm.end(), run[0][0])):
                    found = run
                    break
                run = [(s, e)] if ok else []
            else:
                if len(run) >= 2 or (len(run) == 1 and _immediately_after(text, tm.end(), run[0][0])):
                    found = run
            if not found:
                continue
            found = found[:3]
            if lang == "ru" and len(found) == 1 and adjective_before_noun(text, *found[0]):
                continue  # "председатель Государственного совета"
            ns, ne = found[0][0], found[-1][1]
            if taken.overlaps(ns, ne):
                continue
            rstart = tm.start()
            for t2 in title_re.finditer(ft, tm.start(), ns):
                rstart = t2.start()
            role = text[rstart:ns].strip().rstrip(",").strip()
            surface = text[ns:ne]
            name = _english_name(surface, lang)
            country = _role_country(self.kb, mentions, tm.start(), ns)
            eid = f"new:person/{slug(name)}"
            m = Mention(ns, ne, eid, "title", "person", role=role, name=name, country=country)
            out.append(m)
            taken.add(ns, ne)
        return out

    # given name + capitalised words: "Lucy Medina", "Juan Carlos Rodríguez Ibarra"
    def _given_names(self) -> frozenset[str]:
        if self._first is None:
            names: set[str] = set()
            p = Path(__file__).resolve().parent.parent / "kb" / "data" / "first_names.txt"
            for line in p.read_text(encoding="utf-8").splitlines():
                if not line.startswith("#"):
                    names.update(fold(w) for w in line.split())
            for e in self.kb.entities.values():
                if e["type"] == "person":
                    names.update(f for f in e.get("first") or () if f.isascii() and len(f) > 2)
            self._first = frozenset(names)
        return self._first

    def _given_name_persons(self, text: str, ft: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        first = self._given_names()
        # a place of several words ("Prince Edward Island") is no given name + surname
        strong = [(m.start, m.end) for m in mentions if m.etype != "place" or " " in text[m.start:m.end]]
        out = list(mentions)
        new: list[Mention] = []
        toks = [(m.start(), m.end()) for m in _CAPTOK.finditer(text)]
        i = 0
        n = len(toks)
        while i < n:
            s, e = toks[i]
            if ft[s:e] not in first or any(a < e and s < b for a, b in strong) or (lang == "de" and _de_function_word(text[s:e])):
                i += 1
                continue
            j = i + 1
            last = e
            while j < n and j - i <= 4:
                s2, e2 = toks[j]
                gap = text[last:s2]
                if not _NAME_GAP.fullmatch(gap):
                    break
                word = text[s2:e2]
                if not word[:1].isupper() or word.isupper() and len(word) > 1 and not word.isalpha():
                    break
                if any(a < e2 and s2 < b for a, b in strong):
                    break
                if lang == "de" and j > i + 1 and _common_in(word, "de") and ft[s2:e2] not in first \
                        and ft[toks[j - 1][0]:toks[j - 1][1]] not in first:
                    break  # the first word after the given names is a surname even if it is also a noun ("Franz Josef Jung")
                last = e2
                j += 1
            if (j - i >= 2 and lang == "en" and _common_in(text[s:e], "en")
                    and re.search(r"\b(?:the|a|an)\s+$", text[max(0, s - 5):s], re.IGNORECASE)):
                j = i + 1  # "the Grand Cross": after an article a common word is no given name
            if j - i >= 2 and not text[last - 1] == "-":
                surface = text[s:last]
                name = _english_name(surface, lang)
                new.append(Mention(s, last, f"new:person/{slug(name)}", "given", "person", name=name))
                i = j
            else:
                i += 1
        if not new:
            return out
        out = [m for m in out if not (m.etype == "place" and any(m.start < x.end and x.start < m.end for x in new))]
        return out + new

    def _pattern_orgs(self, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        """Organisations the KB does not know: head-noun names, institution words, acronyms."""
        lex = lang_lexicon(lang)
        taken = _Coverage(mentions)
        out: list[Mention] = []

        def add(s: int, e: int) -> None:
            while e > s and text[e - 1] in ".,;:-'’":
                e -= 1
            if e - s < 2 or taken.overlaps(s, e):
                return
            surface = text[s:e]
            name = _english_name(surface, lang, person=False)
            out.append(Mention(s, e, f"new:organization/{slug(name)}", "pattern", "organization", name=name))
            taken.add(s, e)

        if lex.get("org_re") is not None:
            for m in lex["org_re"].finditer(text):
                add(*m.span())
        if lang == "ru":  # natasha finds the rest; institution nouns only
            if lex.get("org_words_re") is not None:
                for m in lex["org_words_re"].finditer(text):
                    add(*m.span())
            return out
        if lex.get("org_words_re") is not None:
            for m in lex["org_words_re"].finditer(text):
                if not _sentence_initial(text, m.start()) or lang != "de":
                    add(*m.span())
        for m in _ACRONYM.finditer(text):
            w = m.group(0)
            if w in _ACR_STOP or _ROMAN.fullmatch(w):
                continue
            line_s = text.rfind("\n", 0, m.start()) + 1
            line_e = text.find("\n", m.end())
            line = text[line_s:line_e if line_e >= 0 else len(text)]
            letters = [c for c in line if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
                continue  # a headline or a line in capitals
            add(*m.span())
        return out

    def _surname_shape_persons(self, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        """A lone capitalised word shaped like a surname (González, Lawrow, Kowalski) is a person."""
        taken = _Coverage(mentions)
        out = list(mentions)
        for m in _SURNAME_SHAPE.finditer(text):
            s, e = m.span()
            word = m.group(0)
            if taken.overlaps(s, e) or word.isupper() or _common_in(word, lang):
                continue
            out.append(Mention(s, e, f"new:person/{slug(word)}", "shape", "person", name=word))
            taken.add(s, e)
        return out

    def _initials_persons(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"М.В.Захарова", "Б.Обама", "J. Smith": initials glued to a capitalised surname."""
        taken = _Coverage(mentions)
        out = list(mentions)
        for m in _INITIALS_NAME.finditer(text):
            s, e = m.span()
            if taken.overlaps(s, e):
                continue
            sur = m.group(1)
            if len(sur) < 3 or _common_in(sur, "ru" if has_cyrillic(sur) else "en") and not _is_name_like(sur):
                continue
            name = _english_name(sur, "ru" if has_cyrillic(sur) else "en")
            initials = re.sub(r"\s+", "", text[s:m.start(1)])
            if has_cyrillic(initials):
                initials = transliterate(initials, "en")
            full = f"{initials} {name}"
            out.append(Mention(s, e, f"new:person/{slug(name)}", "initials", "person", name=full))
            taken.add(s, e)
        return out

    def _propagate_surnames(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A new person's surname alone later in the document refers to that person."""
        persons = [m for m in mentions if m.eid.startswith("new:person/") and " " in text[m.start:m.end]]
        if not persons:
            return mentions
        sur: dict[str, Mention] = {}
        for m in persons:
            last = text[m.start:m.end].split()[-1]
            if len(last) >= 3 and last[:1].isupper() and not _ROMAN.fullmatch(last):  # "Alfonso XIII"
                sur.setdefault(last, m)
        if not sur:
            return mentions
        spans = [(m.start, m.end, m) for m in mentions]
        out = list(mentions)
        drop: set[int] = set()
        rx = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(sur, key=len, reverse=True))) + r")"
                        r"(ым|ом|ой|ою|ому|ого|ей|ем|а|у|е|ы|и|s|')?(?![\w-])")
        for hit in rx.finditer(text):
            a, b = hit.span()
            prev = re.search(r"([^\W\d_]+)[^\S\n]+$", text[max(0, a - 30):a])
            if prev and prev.group(1)[:1].isupper() and not _sentence_initial(text, a - len(prev.group(0))):
                continue  # part of a longer name ("Андрей Варичев" is found whole)
            over = [x for x in spans if x[0] < b and a < x[1]]
            if any(x[2].etype != "place" for x in over):
                continue
            for x in over:
                drop.add(id(x[2]))
            src = sur[hit.group(1)]
            out.append(Mention(a, b, src.eid, "sur", "person", role=src.role, name=src.name, country=src.country))
        return [m for m in out if id(m) not in drop]

    def _natasha_spans(self, text: str) -> list[tuple[int, int, str]]:
        try:
            nat = self._load_natasha()
        except Exception as exc:  # natasha is optional at run time
            log.warning("natasha unavailable: %s", exc)
            return []
        from natasha import Doc

        d = Doc(text)
        d.segment(nat["segmenter"])
        d.tag_ner(nat["ner"])
        return [(sp.start, sp.stop, sp.type) for sp in d.spans]

    def _filter_by_ner(self, text: str, raws: list[_Raw], nat: list[tuple[int, int, str]]) -> list[_Raw]:
        """A knowledge-base name inside a span natasha calls a person is a person (Владимир, Обама...)."""
        ents = self.kb.entities
        out = []
        for r in raws:
            span = next(((s, e, t) for s, e, t in nat if s <= r.start and r.end <= e), None)
            typ = span[2] if span else None
            if typ == "PER":
                keep = [c for c in r.cands if ents[c[0]]["type"] == "person"]
                if span[0] < r.start:
                    # natasha saw more of the name: it must be this person's given name or initials
                    given = fold(text[span[0]:r.start]).strip()
                    if not re.fullmatch(r"(?:\w\.\s?){1,2}", given):
                        first_tok = given.split()[0] if given.split() else ""
                        keep = [c for c in keep if any(first_tok.startswith(f[:-1] if len(f) > 3 else f)
                                                        for f in ents[c[0]].get("first") or ())]
                    if keep:
                        r.start = span[0]
                if not keep:
                    continue
                r.cands = keep
            elif typ == "LOC":
                keep = [c for c in r.cands if ents[c[0]]["type"] != "person"]
                if keep:
                    r.cands = keep
            elif typ == "ORG":
                keep = [c for c in r.cands if ents[c[0]]["type"] not in ("person", "place")]
                if not keep:
                    continue
                r.cands = keep
            out.append(r)
        return out

    def _natasha_mentions(self, text: str, nat: list[tuple[int, int, str]], taken: "_Coverage",
                          noadj: "_Coverage | None" = None) -> list[Mention]:
        out: list[Mention] = []
        for s, e, typ in nat:
            if taken.overlaps(s, e) and not (typ == "ORG" and noadj is not None and not noadj.overlaps(s, e)):
                continue
            surface = text[s:e]
            if surface.upper() in _NER_STOP:
                continue
            if typ == "ORG" and not_org_quote(text, s, e):
                continue  # «Звезда» after "кинотеатр", «Дискавери» after "шаттл": not organisations
            if typ == "PER":
                name = _english_name(surface, "ru")
                out.append(Mention(s, e, f"new:person/{slug(name)}", "natasha", "person", name=name))
            elif typ == "LOC":
                name = _english_name(surface, "ru", person=False)
                out.append(Mention(s, e, f"new:place/{slug(name)}", "natasha", "place", name=name))
            elif typ == "ORG":
                name = _english_name(surface, "ru", person=False)
                out.append(Mention(s, e, f"new:organization/{slug(name)}", "natasha", "organization", name=name))
            taken.add(s, e)
        return out

    def _load_natasha(self) -> dict[str, Any]:
        if self._natasha is None:
            from natasha import NewsEmbedding, NewsNERTagger, Segmenter

            emb = NewsEmbedding()
            self._natasha = {"segmenter": Segmenter(), "ner": NewsNERTagger(emb)}
        return self._natasha

    # -- coreference -------------------------------------------------------------------------------
    def _coref(self, text: str, ft: str, lang: str, mentions: list[Mention], day: str | None,
               doc_countries: dict[str, int] | None = None) -> list[Mention]:
        lex = lang_lexicon(lang)
        cre = lex.get("coref_re")
        persons = [m for m in mentions if m.etype == "person"]
        if cre is None or not persons:
            return []
        out: list[Mention] = []
        taken = _Coverage(mentions)
        hits = [(cm.start(1), cm.end(1), cm.group(1)) for cm in cre.finditer(ft)]
        if lex.get("coref_adj_re") is not None:
            # "the Russian foreign minister", "der russische Außenminister": a country adjective between
            adjs = [m for m in mentions if m.kind in ("adj", "adjstem")]
            hits.extend((am.start(2), am.end(2), am.group(2)) for am in lex["coref_adj_re"].finditer(ft)
                        if any(m.start == am.start(1) and m.end == am.end(1) for m in adjs))
            hits.sort()
        for s, e, word in hits:
            # the country the context ties the role to ("глава МИД России", "the Russian foreign minister")
            ccountry, rend = roles.context_country(self.kb, text, s, e, mentions)
            if taken.overlaps(s, e) and not (ccountry and rend > e):
                continue
            # a role noun directly followed by a name is a title, not a back-reference
            clause = re.match(r"[^.;:!?\n]{0,40}", text[rend:])
            cend = rend + (clause.end() if clause else 0)
            if (lang != "de" and re.match(r"\s+[A-ZА-ЯЁ]", text[rend:rend + 3])) or any(p.etype == "person" and rend <= p.start < cend for p in mentions):
                continue
            if re.match(r"[^\W\d_]", text[e:e + 1] or " "):
                continue
            office = None
            for k, v in lex["coref"].items():
                if word == k or (lang == "ru" and word.startswith(k[:-1])):
                    office = v
                    break
            prev = [p for p in persons if p.end <= s]
            if office is None:
                continue
            if office in roles.COUNTRY_OFFICES:
                country = ccountry or roles.main_country(doc_countries)
                if country:
                    target = next((p for p in reversed(prev) if p.eid.startswith("kb:")
                                   and (self.kb.term_at(p.eid, day) or {}).get("office") == office
                                   and (self.kb.term_at(p.eid, day) or {}).get("country") == country), None)
                    eid = target.eid if target else roles.holder_on(self.kb, office, country, day)
                    if eid:
                        out.append(Mention(s, rend, eid, "coref", "person", name=self.kb.entities[eid]["name"], country=country))
                        continue
                if ccountry:
                    continue  # the office-holder of that country is unknown: no other person is meant
            if not prev:
                continue
            target = None
            for p in reversed(prev):
                role = (self.kb.role_at(p.eid, day) if p.eid.startswith("kb:") else p.role) or ""
                t = self.kb.term_at(p.eid, day) if p.eid.startswith("kb:") else None
                if office == "minister" and ("minister" in role.lower() or "minist" in role.lower()):
                    target = p
                elif t and t.get("office") == office:
                    target = p
                elif office == "foreign_minister" and "foreign" in role.lower():
                    target = p
                if target:
                    break
            if target is None:
                continue
            out.append(Mention(s, e, target.eid, "coref", "person", role=target.role, name=target.name, country=target.country))
        return out

    # -- entities --------------------------------------------------------------------------------
    def link(self, doc: Document, norm: NormText) -> list[Entity]:
        mentions = self.find(doc, norm)
        return self.to_entities(doc, norm, mentions)

    def to_entities(self, doc: Document, norm: NormText, mentions: list[Mention]) -> list[Entity]:
        day = doc.published.date().isoformat() if doc.published else None
        by_id: dict[str, Entity] = {}
        order: list[str] = []
        for m in mentions:
            s, e = norm.to_original(m.start, m.end)
            span = Span(s, e, doc.text[s:e])
            ent = by_id.get(m.eid)
            if ent is None:
                ent = self._entity(m, day)
                by_id[m.eid] = ent
                order.append(m.eid)
            if not any(x.start == s and x.end == e for x in ent.mentions):
                ent.mentions.append(span)
            if m.role and ent.role is None:
                ent.role = m.role
            if m.country and ent.country is None:
                ent.country = m.country
        return [by_id[k] for k in order]

    def _entity(self, m: Mention, day: str | None) -> Entity:
        e = self.kb.entities.get(m.eid)
        if e is None:
            return Entity(id=m.eid, type=m.etype, name=m.name or m.eid, country=m.country, role=m.role,
                          extra={"found_by": m.kind})
        extra: dict[str, Any] = {}
        if e.get("acronym"):
            extra["acronym"] = e["acronym"]
        role = self.kb.role_at(m.eid, day) if e["type"] == "person" else None
        return Entity(id=e["id"], type=e["type"], name=e["name"], country=e.get("country"), wikidata=e.get("wikidata"),
                      geonames=e.get("geonames"), role=role, extra=extra)


class _Coverage:
    def __init__(self, mentions: list[Mention]) -> None:
        self.spans = [(m.start, m.end) for m in mentions]

    def overlaps(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.spans)

    def add(self, s: int, e: int) -> None:
        self.spans.append((s, e))


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
        from communique.kb.build import _morph

        ps = _morph().parse(word)
        return bool(ps) and "Name" in ps[0].tag
    return False


@lru_cache(maxsize=65536)
def _common_in(word: str, lang: str) -> bool:
    """An ordinary word of the document's language (only that language's lexicon is loaded)."""
    if has_cyrillic(word):
        return is_common_word(word)
    if lang not in _LETTER or lang == "ru":
        lang = "en"
    import simplemma

    return simplemma.is_known(word.lower(), lang)


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
    if lex is None or not lex.loc_preps:
        return False
    m = re.search(r"([^\W\d_]+)[^\S\n]+$", text[max(0, s - 20):s])
    return bool(m) and m.group(1).lower() in lex.loc_preps


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
        from communique.kb.build import _morph

        return any(("Name" in p.tag or "Surn" in p.tag) and p.score > 0.2 for p in _morph().parse(word))
    return False


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


def _english_name(surface: str, lang: str, person: bool = True) -> str:
    s = " ".join(surface.split())
    if person and not has_cyrillic(s):
        toks = s.split()
        if len(toks) >= 2:
            en = _given_to_english().get(fold(toks[0]))
            if en:
                toks[0] = en
            return " ".join(toks)
    if has_cyrillic(s):
        if person:
            from communique.kb.build import _morph

            morph = _morph()
            toks = []
            for t in s.split():
                ps = morph.parse(t)
                best = next((p for p in ps if "Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag), None)
                if best is not None:
                    nf = best.inflect({"nomn"}) or best
                    w = nf.word
                else:
                    w = t
                toks.append(w[:1].upper() + w[1:].lower() if w.islower() or w.isupper() else w)
            s = " ".join(toks)
        s = transliterate(s, "en")
    return s


def _role_country(kb: KnowledgeBase, mentions: list[Mention], rs: int, re_: int) -> str | None:
    for m in mentions:
        if rs <= m.start and m.end <= re_:
            e = kb.entities.get(m.eid)
            if e and e.get("country"):
                return e["country"]
    return None
