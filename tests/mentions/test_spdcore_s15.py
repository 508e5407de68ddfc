"""s15 (spdcore): each shortcut of the shared linking core against the plain path it replaced (kept here as the
oracle), on invented text, so that a later rule change cannot silently break a shortcut."""

from __future__ import annotations

import bisect
import copy
import re
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.documents import Document
from communique.kb.fold import fold, fold_text
from communique.mentions import persons
from communique.mentions.common import _word_before_in
from communique.mentions.places import PLACE_PREPS, PlaceContext, _flags, _list_before, _raw_at, _raw_index
from communique.model import Span
from communique.normalize import normalize

# invented sentences: small towns with and without their region, namesakes of big places, lists of regions
INVENTED = [
    ("en", "Flooding closed two roads near Hinton, Oklahoma, and the sheriff of McKee, Kentucky, sent boats. "
           "Later the water reached Hinton again, while Oklahoma City stayed dry."),
    ("en", "EDMONTON, Ky. (WKYT) - The council of Edmonton met in Kentucky on Monday; Alberta was not mentioned."),
    ("en", "Trucks left Paris, Texas, for Dallas and Houston. In Texas the mayor of Paris thanked the drivers, "
           "and Georgia and Alabama sent more."),
    ("en", "The festival in Wyoming drew visitors from Casper and Cheyenne; later they drove on to Denver."),
    ("es", "El alcalde de San Martín viajó a Mendoza y luego a La Paz, Bolivia, donde lo recibió el gobernador. "
           "En San Martín nadie lo esperaba."),
    ("es", "Los vecinos de Santa Cruz y de Cuenca, Ecuador, protestaron frente al ayuntamiento de Valencia."),
    ("es", "La selección viajó de Madrid a Córdoba, Argentina, y después a Rosario y a Santa Fe."),
    ("de", "Der Bürgermeister von Neustadt fuhr nach Bayern, dann weiter nach Hof und Weiden in der Oberpfalz."),
]
WHEN = datetime(2024, 11, 20, tzinfo=timezone.utc)


# -- kb.small_place_records / small_place_stats ----------------------------------------------------
def test_small_place_records_and_stats_match_the_lookup(linker):
    kb = linker.kb
    for name in ("mckee", "hinton", "san martin", "santa cruz", "paris", "la paz", "edmonton", "no such place"):
        ids = kb.small_places(name)
        recs = kb.small_place_records(name)
        assert [i for i, _r in recs] == ids
        assert all(r is kb.entities[i] for i, r in recs)
        assert kb.small_place_stats(name) == tuple((kb.entities[i].get("population") or 0) for i in ids)
    kb._small_ids.clear()  # the stats of a name not looked up yet (the memo's miss path)
    assert kb.small_place_stats("hinton") == tuple((kb.entities[i].get("population") or 0)
                                                  for i in kb.small_places("hinton"))
    assert kb.small_place_stats("hinton")  # (there are small places of that name)


# -- PlaceContext.add_small_candidates -----------------------------------------------------------
def _old_add_small_candidates(self: PlaceContext) -> None:
    """The f03dee0 add_small_candidates: every id through ``entities[...]``, the explicit readings always
    collected, the country support computed before it was known to matter."""
    ents = self.kb.entities
    self._extend_runs()
    by_surf: dict[str, dict[str, tuple]] = {}
    for r in self.raws:
        for c in r.cands:
            by_surf.setdefault(self.ft[r.start:r.end], {}).setdefault(c[0], c)
    for r in self.raws:
        surf = self.ft[r.start:r.end]
        ex = self.explicit.get(surf)
        if not ex or not r.cands or not self.only_places(r):
            continue
        if any((ents[c[0]].get("country"), ents[c[0]].get("admin1")) in ex for c in r.cands):
            continue
        more = [c for eid, c in by_surf[surf].items()
                if (ents[eid].get("country"), ents[eid].get("admin1")) in ex and ents[eid]["type"] == "place"]
        if more:
            r.cands = list(r.cands) + more
    for r in self.raws:
        if not r.cands or not self.only_places(r):
            continue
        surf = self.ft[r.start:r.end]
        small = self.kb.small_places(surf)
        if not small:
            continue
        ex = self.explicit.get(surf) or set()
        big_region = any(self.support(ents[c[0]], surf) > 0 or ents[c[0]].get("level") == 1 for c in r.cands)
        big_countries = {ents[c[0]].get("country") for c in r.cands
                         if self.country_support(ents[c[0]].get("country"), surf)
                         or (ents[c[0]].get("country"), None) in ex}
        for s in small:
            e = ents[s]
            key = (e["country"], e.get("admin1"))
            big_supported = big_region or bool(big_countries - {e["country"]})
            if key in ex or (not big_supported and self.support(e, surf) > 0):
                if not any(c[0] == s for c in r.cands):
                    r.cands = list(r.cands) + [(s, "name", "" if key in ex else _flags(e["name"], self.lang))]


def _old_rival(pctx: PlaceContext, surf: str) -> int:
    return max([0] + [pctx.kb.entities[s].get("population") or 0 for s in pctx.kb.small_places(surf)])


def _contexts(linker, text: str, lang: str) -> tuple[PlaceContext, PlaceContext]:
    ft = fold_text(text)
    raws = linker._raw_matches(text, ft, lang)
    ents = linker.kb.entities
    countries: dict[str, int] = {}
    for r in raws:
        for eid, _k, _f in r.cands:
            if ents[eid]["type"] == "country" and ents[eid].get("country"):
                countries[ents[eid]["country"]] = countries.get(ents[eid]["country"], 0) + 1
    return (PlaceContext(linker.kb, copy.deepcopy(raws), text, ft, lang, dict(countries)),
            PlaceContext(linker.kb, copy.deepcopy(raws), text, ft, lang, dict(countries)))


def test_add_small_candidates_against_the_old(linker):
    changed = 0
    for lang, text in INVENTED:
        new, old = _contexts(linker, text, lang)
        assert (new.points, new.likely, new.explicit, new.evidence) == (old.points, old.likely, old.explicit, old.evidence)
        before = [list(r.cands) for r in old.raws]
        new.add_small_candidates()
        _old_add_small_candidates(old)
        assert [(r.start, r.end, r.cands) for r in new.raws] == [(r.start, r.end, r.cands) for r in old.raws], text
        changed += before != [r.cands for r in old.raws]
        for r in new.raws:  # the rival population read by __post_init__ without handing out ids
            surf = new.ft[r.start:r.end]
            assert max((0,) + linker.kb.small_place_stats(surf)) == _old_rival(new, surf)
    assert changed  # the texts exercise the additions


# -- persons: patterns matched in place instead of on slices ---------------------------------------
_TEXTS = st.text(alphabet=st.sampled_from(list("ab A.;:!?(\n\t,-Зж\u00a0")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 70), st.integers(0, 70))
def test_in_place_patterns_match_the_slices(text, a, b):
    a, b = min(a, len(text)), min(max(a, b), len(text))
    m = persons._CLAUSE_STOP.search(text, a, b)
    o = re.search(r"[.;:!?\n(]\s|[;:!?\n(]", text[a:b])
    assert (m.start() if m else None) == (a + o.start() if o else None)
    assert persons._CLAUSE_RUN.match(text, a).end() == a + re.match(r"[^.;:!?\n]{0,40}", text[a:]).end()
    assert bool(persons._NAME_NEXT.match(text, a, a + 3)) == bool(re.match(r"\s+[A-ZА-ЯЁ]", text[a:a + 3]))
    assert bool(persons._LETTER_AT.match(text, a, a + 1)) == bool(re.match(r"[^\W\d_]", text[a:a + 1] or " "))
    assert bool(persons._RUN_GAP.fullmatch(text[a:b])) == bool(re.fullmatch(r"[^\S\n]+|-", text[a:b]))


# -- linker.to_entities -------------------------------------------------------------------------
def _old_to_entities(linker, doc, norm, mentions):
    day = doc.published.date().isoformat() if doc.published else None
    by_id, order = {}, []
    for m in mentions:
        s, e = norm.to_original(m.start, m.end)
        span = Span(s, e, doc.text[s:e], nested_in=m.nested_in)
        if m.phrase_span is not None:
            ps, pe = norm.to_original(*m.phrase_span)
            span.phrase = Span(ps, pe, doc.text[ps:pe])
        ent = by_id.get(m.eid)
        if ent is None:
            ent = linker._entity(m, day)
            by_id[m.eid] = ent
            order.append(m.eid)
        if not any(x.start == s and x.end == e for x in ent.mentions):
            ent.mentions.append(span)
        if m.role and ent.role is None:
            ent.role = m.role
        if m.country and ent.country is None:
            ent.country = m.country
    return [by_id[k] for k in order]


def test_to_entities_against_the_old(linker):
    for lang, text in INVENTED + [("ru", "Глава МИД России Сергей Лавров встретился в Москве с Лавровым-младшим. "
                                         "Лавров сказал, что МИД России готов.")]:
        doc = Document(id="t", text=text + " " + text, source="test", lang=lang, published=WHEN)
        norm = normalize(doc.text)
        mentions = linker.find(doc, norm)
        mentions = mentions + mentions[:3]  # the same spans twice: one mention each
        new = [e.to_json() for e in linker.to_entities(doc, norm, mentions)]
        old = [e.to_json() for e in _old_to_entities(linker, doc, norm, mentions)]
        assert new == old


# -- common.coref_finditer --------------------------------------------------------------------------
_COREF_SENTENCES = {
    "es": ["El presidente dijo que el nuevo ministro y la portavoz del primer ministro llegarán al alba; "
           "del  canciller nada se supo, pero el jefe de la diplomacia francés habló con la presidenta.",
           "el\tministro, la ministra alemana, al presidente3 y el vicepresidente no; el  ministro-portavoz sí."],
    "de": ["Der Minister sprach mit dem russischen Außenminister, den der Kanzler des Landes empfing; "
           "des Präsidenten Sprecher schwieg."],
    "en": ["The president met the foreign minister; the new prime minister and the Secretary spoke."],
    "fr": ["Le président a reçu le ministre; du premier ministre au porte-parole, la ministre a parlé."],
}


def _coref_alphabet(lang: str):
    from communique.mentions.common import lang_lexicon

    lex = lang_lexicon(lang)
    pieces = list(lex["coref_words"]) + [a.lower() for a in ("el", "la", "del", "al", "der", "dem", "den", "des",
                                                              "the", "le", "du", "au")]
    return st.lists(st.sampled_from(pieces + [" ", "  ", "\n", "\t", "x", "nuevo", "-", "3", "_", "é", ","]), max_size=25)


def test_coref_finditer_against_finditer():
    from communique.mentions.common import coref_finditer, lang_lexicon

    for lang, texts in _COREF_SENTENCES.items():
        lex = lang_lexicon(lang)
        for text in texts:
            ft = fold_text(text)
            for key in ("coref_re", "coref_adj_re"):
                got = [m.span(0) + m.span(1) for m in coref_finditer(lex, key, ft)]
                assert got == [m.span(0) + m.span(1) for m in lex[key].finditer(ft)], (lang, key, text)
    assert list(coref_finditer(lang_lexicon("es"), "coref_re", fold_text(_COREF_SENTENCES["es"][0])))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["es", "de", "en", "fr"]).flatmap(lambda lang: st.tuples(st.just(lang), _coref_alphabet(lang))))
def test_coref_finditer_on_random_pieces(args):
    from communique.mentions.common import coref_finditer, lang_lexicon

    lang, pieces = args
    lex = lang_lexicon(lang)
    ft = "".join(pieces)
    for key in ("coref_re", "coref_adj_re"):
        assert [m.span(0) for m in coref_finditer(lex, key, ft)] == [m.span(0) for m in lex[key].finditer(ft)]


# -- common.lexicon_finditer_in ----------------------------------------------------------------------
_TITLE_SENTENCES = {
    "en": "Deputy Foreign Minister Anna Kowal met Ambassador Lynne Tracy and the Prime Minister; Senator X spoke.",
    "es": "El ministro de Exteriores Juan Pérez y la embajadora Ana Gil recibieron al presidente del Gobierno.",
    "de": "Der Bundesaußenminister und Botschafterin Eva Roth trafen den stellvertretenden Außenminister Max Kern.",
    "ru": "Заместитель министра иностранных дел Андрей Руденко и посол Иван Петров встретили президента.",
}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(_TITLE_SENTENCES)), st.integers(0, 120), st.integers(0, 80))
def test_lexicon_finditer_in_against_finditer(lang, lo, width):
    from communique.mentions.common import lang_lexicon, lexicon_finditer_in

    lex = lang_lexicon(lang)
    ft = fold_text(_TITLE_SENTENCES[lang])
    lo = min(lo, len(ft))
    hi = min(len(ft), lo + width)
    got = [m.span() for m in lexicon_finditer_in(lex, "title_re", ft, lo, hi)]
    assert got == [m.span() for m in lex["title_re"].finditer(ft, lo, hi)]



# -- PlaceContext.unmatched --------------------------------------------------------------------------
def _old_unmatched(self: PlaceContext, mentions: list, common) -> list[tuple[int, int, str]]:
    """The f03dee0 PlaceContext.unmatched (the cue looked for before every lookup). (start, end, place id) for names the matcher did not find that the context makes places:
    small places, and region abbreviations of datelines ("EDMONTON, Ky (WBKO)").
    ``common(word)`` tells an ordinary word of the document's language."""
    out: list[tuple[int, int, str]] = []
    spans = sorted((m.start, m.end) for m in mentions)
    for s, (e, eid) in self.abbr_mentions.items():
        if not any(a < e and s < b for a, b in spans):
            out.append((s, e, eid))
            spans.append((s, e))
    if not self.evidence and not self.explicit and not self.points:
        return out
    ents = self.kb.entities
    preps = PLACE_PREPS.get(self.lang, frozenset())
    text = self.text
    place_ends = sorted(m.end for m in mentions if m.etype in ("place", "country"))
    covered = bytearray(len(text) + 1)
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    runs = []
    at = _raw_index(self.raws)
    longest = max(map(len, preps), default=0)
    for s, e in self._caprun_spans():
        if covered.find(1, s, e) >= 0:
            continue
        k = bisect.bisect_left(place_ends, s - 6)  # a place ending at most 6 characters before
        cue = (k < len(place_ends) and place_ends[k] <= s and _list_before(text, s)) or _word_before_in(text, s, preps, longest)
        if not cue and text[e:e + 1] != "," and text[s + 1:s + 2].islower():
            # the loop below would look nothing up: no cue, no comma after the run, and no prefix of it in
            # capitals (its first word, two characters or more, has a lower-case second one); words later
            runs.append((s, e, None, None, None, cue))
            continue
        words = text[s:e].split()
        for k in range(len(words), 0, -1):  # the longest prefix of the run that names a small place
            ee = s + len(" ".join(words[:k]))
            if k < len(words) and not text[ee:ee + 1].isspace():
                continue
            if not cue and text[ee:ee + 1] != "," and not text[s:ee].isupper():
                continue  # neither a cue before nor "Name, Region" after: checked later by name only
            surface = text[s:ee]
            cands = self.kb.small_places(fold(surface))
            if cands:
                explicit = self._after_comma(ee, _raw_at(self.raws, self.ft, ee, at))
                runs.append((s, ee, surface, cands, explicit, cue))
                break
        else:
            runs.append((s, e, None, words, None, cue))
    # one sense per discourse: "Churchill, Man." once makes every "Churchill" that town
    named: dict[str, set] = {}
    for s, ee, surface, cands, explicit, cue in runs:
        if surface is not None and explicit:
            named.setdefault(fold(surface), set()).update(explicit)
    pending = [x for x in runs if x[2] is None]  # no cue: a place only if decided elsewhere in the document
    runs = [x for x in runs if x[2] is not None]
    decided: dict[str, str] = {}
    for s, ee, surface, cands, explicit, cue in runs:
        key = fold(surface)
        ex = named.get(key)
        if ex:
            hits = [c for c in cands if (ents[c]["country"], ents[c].get("admin1")) in ex]
            if hits:
                decided[key] = max(hits, key=lambda c: ents[c].get("population") or 0)
            continue
        if surface.isupper() or key in decided:
            continue
        next_cap = re.match(r"[^\S\n]+[A-Z]", text[ee:ee + 3])
        if not cue or next_cap or (" " not in surface and common(surface)):
            continue
        sup = [(self.support(ents[c], ""), ents[c].get("population") or 0, c) for c in cands]
        sup = [x for x in sup if x[0] > 0]
        if sup:
            decided[key] = max(sup)[2]
    if not decided:
        return out
    for s, _e, _n, words, _x, _c in pending:
        if words is None:
            words = text[s:_e].split()
        for k in range(len(words), 0, -1):
            key = fold(" ".join(words[:k]))
            if key in decided:
                runs.append((s, s + len(" ".join(words[:k])), key, None, None, False))
                break
    for s, ee, surface, cands, explicit, cue in runs:
        eid = decided.get(fold(surface))
        if eid and not any(a < ee and s < b for a, b in spans):
            out.append((s, ee, eid))
            spans.append((s, ee))
    return out



UNMATCHED = INVENTED + [
    ("en", "Storms hit Kentucky. Crews worked near McKee and in Hinton; McKee lost power, and Annville too. "
           "HINTON, Okla. - Oklahoma crews helped near Hinton."),
    ("en", "Churchill, Man. (CP) - Manitoba said ice near Churchill melted early; Thompson and Gillam agreed."),
    ("de", "In Bayern regnete es. Bei Berg und nach Au fuhren Busse, aus Linden kamen Helfer; Berg, Bayern meldete Schnee."),
    ("es", "En Jalisco llovió. Cerca de Tala y en Ameca cortaron caminos; Tala, Jalisco, pidió ayuda a Zapopan."),
]


def test_unmatched_against_the_old(linker):
    from communique.mentions.common import Mention, _common_in

    ents = linker.kb.entities
    found = 0
    for lang, text in UNMATCHED:
        new, old = _contexts(linker, text, lang)
        new.add_small_candidates()
        _old_add_small_candidates(old)
        mentions = [Mention(r.start, r.end, r.cands[0][0], "name", ents[r.cands[0][0]]["type"]) for r in new.raws if r.cands]
        got = new.unmatched(mentions, lambda w: _common_in(w, lang))
        assert got == _old_unmatched(old, mentions, lambda w: _common_in(w, lang)), text
        assert got == _old_unmatched(new, mentions, lambda w: _common_in(w, lang)), text
        found += len(got)
    assert found  # the texts name small places the matcher lacks


# -- matching._accept: a rest of the word of four letters or more ------------------------------------
def test_four_letters_left_is_no_ending():
    from communique.mentions.matching import _ALNUM_RUN, _ANY_ENDING

    assert max(map(len, _ANY_ENDING)) < 4
    # the shortcut's test (four characters, all str.isalnum) is the regex's rest being four or more long
    for ft in ("bundesregierung", "bund", "bundes", "bun d", "ab1c", "abc_d", "ab", "режима", "ei", "x\u00e9\u00df\u0439y"):
        for e in range(len(ft) + 1):
            w4 = ft[e:e + 4]
            assert (len(w4) == 4 and w4.isalnum()) == (len(_ALNUM_RUN.match(ft, e).group()) >= 4)
