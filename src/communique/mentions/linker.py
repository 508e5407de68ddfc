"""Find mentions of knowledge-base entities in a document and link them.

One pass of an Aho-Corasick automaton (ahocorasick-rs, leftmost-longest) over the folded
normalised text finds every knowledge-base name; Python then checks Unicode word boundaries
(``str.isalnum``, so they hold for Cyrillic), inflectional endings per language (Russian
case endings, German genitive/adjective endings, Romance plurals), capitalisation of names,
and resolves ambiguous names by context (the document's countries, "X, Y" patterns,
population, the document date for office-holders). Title-and-name patterns and, for Russian,
natasha's NER find people the knowledge base does not know; role nouns ("der Minister",
"глава МИД") resolve to a person already named.

This module holds the linker and its ``find`` pass; the steps live in modules of their own,
mixed into :class:`MentionLinker`: ``matching`` (the automaton, endings, the choice among
candidates), ``persons`` (people by pattern, surnames and role nouns that refer back),
``org_patterns``, ``natasha_ner``; ``common`` has what they share. The language passes are
``capnames`` (+ ``capnames_de``, ``capnames_es``), ``orgs_ru``, ``places`` and ``roles``.
"""

from __future__ import annotations

import re
from typing import Any

from communique.documents import Document
from communique.kb import KnowledgeBase, load_kb
from communique.kb.build import slug
from communique.kb.fold import fold_text
from communique.mentions.adj_ru import drop_domain_zones, nationality_adjectives, place_adjectives, region_names
from communique.mentions.capnames import cap_names, new_mention_factory
from communique.mentions.capnames_de import german_passes
from communique.mentions.capnames_es import place_lookup as place_lookup_es, refine as refine_es
from communique.mentions.common import Mention, _Coverage, _common_in, _english_name
from communique.mentions.institutions import country_institutions
from communique.mentions.spokespersons import ministry_spokespersons
from communique.mentions.matching import KBMatching
from communique.mentions.names_ru import full_names, word_surnames
from communique.mentions.natasha_ner import NatashaNER
from communique.mentions.nested import nested_places
from communique.mentions.nested_orgs_ru import nested_heads, nested_orgs
from communique.mentions.org_patterns import OrgPatterns
from communique.mentions.orgs_de import refine_orgs_de
from communique.mentions.orgs_ru import refine_orgs
from communique.mentions.persons import PersonRules
from communique.mentions.places import PlaceContext
from communique.mentions.places_ru import place_descriptors
from communique.model import Entity, Span
from communique.normalize import NormText, find_links

__all__ = ["Mention", "MentionLinker", "PIECE_CHARS", "pieces"]

# A document longer than this is linked in pieces of at most this many characters, cut at paragraph or line
# breaks (s17). Some passes cost more than linear time in the document's length (a set of the document's words
# looked for across the whole text: 1,000,000 German characters took 6.1 s in one piece, 163 k chars/s against
# ~500 k for short documents); pieces keep long input linear. Context does not cross a cut: a lone surname in one
# piece does not join its full name in another, and each piece has its own countries.
PIECE_CHARS = 50_000


# where a piece may end, best first (each the last match in the second half of the window): a blank line; a line
# ending a sentence; a sentence end before a capital, after a lower-case word (not "St. Petersburg", "Dr. X"); a line
# break before no capital (a name may run on over a hard-wrapped line: "President Emmanuel\nMacron"); a blank between
# two lower-case letters; else the window's end
_CUTS = tuple(re.compile(p) for p in (
    r"\n[^\S\n]*\n",
    r"[.!?][\"'»”)]?[^\S\n]*\n",
    r"(?<![^\W\d_])[a-zß-ÿа-яё]+\.[^\S\n]+(?=[A-ZÀ-ÞА-ЯЁ])",
    r"\n(?![A-ZÀ-ÞА-ЯЁ])",
    r"(?<=[a-zß-ÿа-яё])[^\S\n]+(?=[a-zß-ÿа-яё])",
))


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering ``text``, each at most ``limit`` characters (one piece when
    the text is no longer). Each cut is the best place of :data:`_CUTS` in the second half of the window (a blank
    line, a line ending a sentence, a sentence end, ...), else the window's end."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    out: list[tuple[int, int]] = []
    a, n = 0, len(text)
    while n - a > limit:
        lo, hi = a + limit // 2, a + limit
        cut = hi
        for rx in _CUTS:
            last = None
            for m in rx.finditer(text, lo, min(n, hi + 1)):  # one character more: the look-aheads see past the window
                if m.end() <= hi:
                    last = m
            if last is not None:
                cut = last.end()
                break
        out.append((a, cut))
        a = cut
    out.append((a, n))
    return out


class MentionLinker(KBMatching, PersonRules, OrgPatterns, NatashaNER):
    """``link(doc, norm) -> list[Entity]``; ``find(doc, norm) -> list[Mention]`` for evaluation."""

    def __init__(self, kb: KnowledgeBase | None = None, *, use_natasha: bool = True) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.use_natasha = use_natasha
        self._natasha = None
        self._first: frozenset[str] | None = None

    # -- resolution ---------------------------------------------------------------------------
    def find(self, doc: Document, norm: NormText) -> list[Mention]:
        """The mentions of ``norm.text`` (offsets in it). A text longer than :data:`PIECE_CHARS` is linked piece by
        piece (:func:`pieces`), each as a document of its own, and the offsets moved back."""
        text = norm.text
        if len(text) <= PIECE_CHARS:
            return self._find_piece(doc, text)
        out: list[Mention] = []
        for a, b in pieces(text, PIECE_CHARS):
            for m in self._find_piece(doc, text[a:b]):
                m.start += a
                m.end += a
                if m.phrase_span is not None:
                    m.phrase_span = (m.phrase_span[0] + a, m.phrase_span[1] + a)
                out.append(m)
        return out

    def _find_piece(self, doc: Document, text: str) -> list[Mention]:
        lang = (doc.lang or "en")[:2]
        ft = fold_text(text)  # the whole document: the Latin-1 byte path (kb/fold.py)
        day = doc.published.date().isoformat() if doc.published else None
        kb = self.kb
        ents = kb.entities
        raws = self._raw_matches(text, ft, lang)
        links = [(l.start, l.end) for l in find_links(text)] if "/" in text else []

        # the document's countries: unambiguous country mentions and flags
        doc_countries: dict[str, int] = {}
        for r in raws:
            places = []  # (population, country) of the place readings
            country_read = False
            for eid, kind, _ in r.cands:
                e = ents[eid]
                t = e["type"]
                if t == "country":
                    country_read = True
                    if e.get("country"):
                        doc_countries[e["country"]] = doc_countries.get(e["country"], 0) + 1
                elif t == "place":
                    places.append((e.get("population") or 0, e.get("country")))
            # a large region or city whose namesakes all lie in the same country (Ontario, Alberta) tells the country
            if places and not country_read:
                places.sort(reverse=True)
                if places[0][0] >= 1_000_000 and places[0][1] and len({p[1] for p in places}) == 1:
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
        for s, e, t in nat:  # "президент Египта Мухаммед Мурси": natasha's place is no part of the name
            if t != "PER":
                taken.add(s, e)
        mentions.extend(self._title_persons(text, ft, lang, taken, mentions))
        if lang != "ru" or not nat:
            mentions = self._given_name_persons(text, ft, lang, mentions)
        mentions = self._initials_persons(text, mentions)
        if lang != "ru":
            mentions = self._surname_shape_persons(text, lang, mentions)
        if lang in ("de", "es"):
            mentions = cap_names(text, lang, mentions, self._given_names(), new_mention_factory(Mention, _english_name, lang),
                                 town=(lambda m: "lat" in (ents.get(m.eid) or {})) if lang == "es" else None)
        if lang == "de":
            mentions = german_passes(text, mentions, kb, self._given_names(), Mention, new_mention_factory(Mention, _english_name, lang), day)
        mentions.extend(Mention(s, e, eid, "name", "place") for s, e, eid in pctx.unmatched(mentions, lambda w: _common_in(w, lang)))
        mentions = self._propagate_surnames(text, mentions)
        self._title_roles(text, ft, lang, mentions)  # "Ambassador Lynne X" found by its given name: the role
        mentions.extend(self._coref(text, ft, lang, mentions, day, doc_countries))
        mentions.extend(self._pattern_orgs(text, lang, mentions))
        if lang == "de":  # German organisations: known names, institution heads with a tail, legal forms (mentions/orgs_de.py)
            mentions = refine_orgs_de(text, mentions, kb, new_mention_factory(Mention, _english_name, lang))
        if lang == "es":  # Spanish conventions: competitions, clubs named by their town, one type per name
            mentions = refine_es(text, mentions, new_mention_factory(Mention, _english_name, lang), self._given_names(),
                                 lambda eid: (self.kb.entities.get(eid) or {}).get("population") or 0, places=place_lookup_es(self.kb))
        taken = _Coverage(mentions)
        if nat:
            # an organisation name may contain a country adjective ("Российская газета")
            mentions.extend(self._natasha_mentions(text, nat, taken, _Coverage([m for m in mentions if m.kind not in ("adj", "adjstem")])))
            if lang == "ru":  # "Андрей Кузнецов" where the surname alone was taken (mentions/names_ru.py)
                mentions = full_names(text, nat, mentions)
        if lang == "ru":  # "Правительство Японии", "японского МИДа", "власти Перу" (mentions/orgs_ru.py)
            mentions = refine_orgs(text, mentions, Mention, _english_name, slug)
            mentions = place_adjectives(text, mentions, kb, Mention)  # "уфимской больнице" (mentions/adj_ru.py)
            mentions = nationality_adjectives(text, mentions)  # "польский композитор": a nationality
            mentions = region_names(text, mentions, Mention, _english_name, slug)  # "Кировской области"
            mentions = drop_domain_zones(text, mentions)  # "в зоне .РФ"
            mentions = place_descriptors(text, mentions)  # "реки Волги": the phrase (mentions/places_ru.py)
            mentions = word_surnames(text, mentions, ents)  # "Новая" is no form of a surname "Нова" (names_ru.py)
        mentions.sort(key=lambda m: (m.start, m.end))
        # "МИД России": the country inside an organisation's name, flagged, after the others (mentions/nested.py)
        mentions.extend(nested_places(self, text, ft, lang, mentions, doc_countries, day))
        if lang == "ru":  # "ООН" in "Совет Безопасности ООН" (mentions/nested_orgs_ru.py)
            mentions.extend(nested_orgs(self, text, ft, mentions, doc_countries, day))
        # "the Turkish Foreign Ministry", "МИД Турции": a country's ministry (mentions/institutions.py)
        mentions = country_institutions(kb, text, lang, mentions)
        # "официальный представитель МИД России" with no name: the ministry's spokesperson (mentions/spokespersons.py)
        mentions.extend(ministry_spokespersons(kb, text, lang, mentions, day))
        if lang == "ru":  # "Верховный суд" in "Верховный суд Испании": the head, nested (mentions/nested_orgs_ru.py)
            mentions.extend(nested_heads(text, mentions))
        return mentions

    # -- entities --------------------------------------------------------------------------------
    def link(self, doc: Document, norm: NormText) -> list[Entity]:
        mentions = self.find(doc, norm)
        return self.to_entities(doc, norm, mentions)

    def to_entities(self, doc: Document, norm: NormText, mentions: list[Mention]) -> list[Entity]:
        day = doc.published.date().isoformat() if doc.published else None
        by_id: dict[str, Entity] = {}
        order: list[str] = []
        spans: dict[str, set[tuple[int, int]]] = {}  # s15: each entity's mention spans (a scan of its list before)
        for m in mentions:
            s, e = norm.to_original(m.start, m.end)
            ent = by_id.get(m.eid)
            if ent is None:
                ent = self._entity(m, day)
                by_id[m.eid] = ent
                order.append(m.eid)
                spans[m.eid] = set()
            if (s, e) not in spans[m.eid]:
                spans[m.eid].add((s, e))
                span = Span(s, e, doc.text[s:e], nested_in=m.nested_in)  # a place inside an organisation's name
                if m.phrase_span is not None:
                    ps, pe = norm.to_original(*m.phrase_span)  # "партии «Яблоко»" around the name
                    span.phrase = Span(ps, pe, doc.text[ps:pe])
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
        if e.get("institution"):  # a state organ ("foreign_ministry"): the state in PLOVER's coding
            extra["institution"] = e["institution"]
        role = self.kb.role_at(m.eid, day) if e["type"] == "person" else None
        return Entity(id=e["id"], type=e["type"], name=e["name"], country=e.get("country"), wikidata=e.get("wikidata"),
                      geonames=e.get("geonames"), role=role, extra=extra)
