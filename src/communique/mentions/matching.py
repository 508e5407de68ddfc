"""Knowledge-base names in the text: the automaton pass, word boundaries and endings, and the
choice among candidates by context.
"""

from __future__ import annotations

import math
import re

from communique.kb.build import is_person_name_ru
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic
from communique.mentions.capnames_de import de_name_ending_ok, de_org_initial_ok, de_town_like, de_word_acronym
from communique.mentions.common import (
    DE_ADJ, DE_END, Mention, ROM_END, RU_ADJ, RU_NOUN, RU_STEM, TYPE_PRIORITY, _ARTICLES, _INITIALS_LEFT,
    _LETTER, _PROMINENT, _Raw, _after_place_prep, _common_in, _german_name_like, _is_given_name, _lower_word,
    _is_title_word, _only_word_of, _sentence_initial, _word_before_span, lang_words, mentions_data)
from communique.mentions.title_context import _role_words, after_title, title_fits
from communique.mentions.places import PlaceContext

_COMMA_GAP = re.compile(r"\s*,\s*(?:(?:Republik|Republic|République|República|Республика|Respublika)\s+)?")
_COMMA_REPUBLIC = re.compile(r",\s*(?:republik|republic|république|república|республика)\s+")
_ALNUM_RUN = re.compile(r"[^\W_]*")  # str.isalnum characters: \w without the underscore
_WORD_LEFT = re.compile(r"([^\W\d_]+)\s+$")


def _en_title_word(text: str, s: int, e: int) -> bool:
    """An English common word written capitalised before "of" and not after a place preposition:
    the head of a title ("the two-day Summit of the Future"), not a town's name."""
    if text[e:e + 4] != " of ":
        return False
    before = text[max(0, s - 6):s].split()
    return not (before and before[-1].lower() in ("in", "at", "to", "from", "near", "into"))


# the languages whose news opens a sentence with a bare surname before its verb, and the words that open one
# as something else ("May we ...", "Will ..."): mentions.yaml ``sentence_openers_not_names``
_SUBJECT_OPENERS = ("en", "fr", "es")
_NEXT_LOWER = re.compile(r"(?:['’]s)?\s+[^\W\d_]")
_LEADER_OFFICES = ("head_of_state", "head_of_government")


def _opens_clause_as_subject(text: str, s: int, e: int, lang: str) -> bool:
    """A capitalised word at a sentence's start followed by a lower-case word ("Trump met", "Macron a"):
    the place of a subject before its verb, unless the language lists the word as a usual opener."""
    if not _sentence_initial(text, s):
        return False
    m = _NEXT_LOWER.match(text, e)
    if m is None or not text[m.end() - 1].islower():
        return False
    return text[s:e].lower() not in lang_words(lang, "sentence_openers_not_names")


def _heads_organisation(term: dict, ent: dict, surface: str, given: frozenset[str]) -> bool:
    """A term in an international organisation's office (no country: "Secretary-General of the United Nations",
    "Secretary General of NATO"): its holder is named by the surname alone as often as a foreign minister is
    ("Guterres", "Rutte"). Only a surname of five letters or more ("Yang", "Türk", "Khan" and its spelling "Chan"
    name many), not a given name ("Mohammed"), and not where the holder's native surname is a Russian one by its
    morphology ("Lebedev", "Лебедев": the CIS's secretary is one of many)."""
    if term.get("office") != "other" or term.get("country"):
        return False
    f = fold(surface)
    if len(surface) < 5 or f not in (ent.get("surnames") or ()) or f in given:
        return False
    native = (ent.get("native_name") or "").split()[-1:]
    return not is_person_name_ru(native[0] if native and has_cyrillic(native[0]) else surface)


def _particles_left(text: str, start: int, name: str, lang: str) -> int:
    """The start of a surname with the lower-case particles its canonical name writes before it ("Ursula von der
    Leyen": "von der Leyen", also "Von der Leyen" opening a sentence), where the text has them, as written or
    in the language's spelling (``name_particles`` of mentions.yaml: "фон дер Ляйен"); else ``start``."""
    toks = name.split()
    n = 0
    while n < len(toks) - 1 and toks[-2 - n].islower():
        n += 1
    if not n:
        return start
    parts = toks[-1 - n:-1]
    spelled = mentions_data(lang).get("name_particles") or {}
    for pre in (" ".join(parts) + " ", " ".join(spelled.get(p, p) for p in parts) + " "):
        at = start - len(pre)
        if at >= 0 and fold(text[at:start]) == fold(pre) and (at == 0 or not text[at - 1].isalnum()):
            return at
    return start


def _leader_near(ent: dict, day: str | None) -> bool:
    """A head of state or government whose term ended at most four years before the document's day or begins
    within a year after it: "Trump" in 2024 news about the United States is the former and next president, though
    "trump" is a word. (The caller asks for the leader's country in the document: "Meta", "Harris", "Jesus" are
    surnames of former leaders of small states too, or a person of that country named in full.)"""
    if not day:
        return False
    y = int(day[:4])
    lo, hi = f"{y - 4}{day[4:10]}", f"{y + 1}{day[4:10]}"
    for t in ent.get("terms") or ():
        if t.get("office") not in _LEADER_OFFICES:
            continue
        start, end = t.get("start") or "0000", t.get("end") or "9999"
        if end >= lo and start <= hi:
            return True
    return False


def _capitalised_in_name(word: str, name: str) -> bool:
    """``word`` (lower-case in the text) is a word of ``name`` with a capital: "porte" in "La Porte"."""
    return (word[:1].upper() + word[1:]) in name.split()


# every ending a candidate may take (the union of the sets _accept tests the rest of a word against)
_ANY_ENDING = RU_NOUN | RU_ADJ | RU_STEM | DE_END | DE_ADJ | ROM_END
assert max(map(len, _ANY_ENDING)) < 4  # _accept rejects a rest of four letters or more without reading it


_NAME_KINDS = frozenset(("name", "sur", "stem", "stemsur"))
_WORD_KINDS = frozenset(("adj", "adjstem", "dem", "flag"))


def _lower_dead_table(kb) -> bytearray:
    """Per pattern of ``kb``'s matcher: 0 not yet known, 1 a candidate may be kept where the match is written in lower
    case, 2 none may (:func:`_lower_dead`); a byte per pattern, held by the knowledge base it describes."""
    table = getattr(kb, "_lower_dead", None)
    if table is None or len(table) != len(kb.candidates):
        table = kb._lower_dead = bytearray(len(kb.candidates))
    return table


def _lower_dead(kb, pidx: int) -> bool:
    """s17 (kbs17): no candidate of pattern ``pidx`` passes ``KBMatching._accept`` where the matched text starts with a
    letter and is all lower case (``str.islower``), whatever else the text holds: each candidate is
    * an acronym (``_accept`` asks for a capital in the match),
    * a name, surname or stem without the "l" flag (``_accept`` drops it at a lower-case letter), other than an
      organisation's name with a blank (kept in lower case outside Spanish: "ministère des ..."), or
    * an adjective, demonym or flag word with the "c" flag (a common word: ``_accept`` asks for a capital).
    Remembered in ``_lower_dead_table(kb)``; tests/mentions/test_kbs17_oracles.py checks it against ``_accept``."""
    pattern = kb.patterns[pidx]
    dead = True
    for eid, kind, flags in kb.candidates[pidx]:
        if kind == "acr":
            continue
        if kind in _NAME_KINDS and "l" not in flags and not (eid.split("/")[0] == "kb:org" and " " in pattern):
            continue
        if kind in _WORD_KINDS and "c" in flags:
            continue
        dead = False
        break
    _lower_dead_table(kb)[pidx] = 2 if dead else 1
    return dead


_NEXT_CAP_WORD = re.compile(r"[^\S\n]([^\W\d_][^\W\d_'’-]+)(?![\w'’-])")


def _another_surname_after(text: str, end: int, lang: str, given: frozenset[str]) -> bool:
    """A lone KB surname followed by a capitalised word that is neither an ordinary word (of the language or
    English: "Martin Says" in a headline) nor a given name ("Лавров Сергей Викторович", surname first): the
    surname was a given name there ("the spokesperson, Martin Giese,"). Not for Russian, whose order may put the
    surname first and whose inflected words the lexicons know less well."""
    m = _NEXT_CAP_WORD.match(text, end)
    if m is None:
        return False
    w = m.group(1)
    return (w[0].isupper() and not w.isupper() and len(w) >= 3 and fold(w) not in given
            and not _is_given_name(w) and not _common_in(w, lang) and not _common_in(w, "en"))


def _small_state(ents: dict, person: dict) -> bool:
    """The person's country has fewer than ten million inhabitants (or none is known): a lone surname read as its
    leader's needs more than a trade noun's absence ("Футболист Гонсалвес" is no Saint Vincent's prime minister;
    "Диктатор Мадуро" is Venezuela's president)."""
    c = ents.get(f"kb:country/{person.get('country')}") if person.get("country") else None
    return not c or (c.get("population") or 0) < 10_000_000


def _person_noun_before_ru(text: str, s: int) -> bool:
    """A Russian noun naming a person (animate, not a name) that is no title right before a lone surname: the person is
    named by a trade ("Футболист Гонсалвес", "журналист Мартин"), not by an office the knowledge base knows."""
    from communique.kb.build import morph_parse

    prev = _word_before_span(text, s, 30)
    if prev is None:
        return False
    word = text[prev[0]:prev[1]]
    if any(_is_title_word(part, "ru") for part in word.split("-")):
        return False  # "президент", "экс-президент", "госсекретарь"
    ps = morph_parse(word)
    return bool(ps) and ps[0].tag.POS == "NOUN" and "anim" in ps[0].tag and not ({"Name", "Surn", "Patr"} & ps[0].tag.grammemes)


def _next_to_other_surname(raws: list[_Raw], i: int, text: str, ft: str, eid: str, ents: dict,
                           given: frozenset[str]) -> bool:
    """The match before or after ``raws[i]``, with only blanks between, can be read as another person's surname alone,
    and the two are words of one name the knowledge base does not know: a third capitalised word that opens no sentence
    stands right beside the pair ("Теодоро Нгема Обианг Манге", the son, is neither Gabon's Oligui Nguema nor his
    father Obiang Nguema; "Gabriel Omar Batistuta"), or the pair's first word is a given name ("Bilal Hussein").
    Two leaders' surnames alone side by side stay two people ("Переговоры Путин Трамп", "Talks Scholz Macron")."""
    initials = {f[0] for f in ents[eid].get("first") or ()}
    for j in (i - 1, i + 1):
        if 0 <= j < len(raws):
            a, b = (raws[j], raws[i]) if j < i else (raws[i], raws[j])
            if j < i and ft[a.start:a.start + 1] in initials:
                continue  # "Joseph Biden": a word before that may be the person's own given name
            if a.end < b.start and not ft[a.end:b.start].strip(" ") and any(
                    c != eid and ents[c]["type"] == "person" and (k in ("sur", "stemsur") or (
                        k == "name" and " " not in ft[raws[j].start:raws[j].end].strip())) for c, k, _f in raws[j].cands):
                if fold(text[a.start:a.end]) in given or _capitalised_beside(text, a.start, b.end, raws):
                    return True
    return False


def _capitalised_beside(text: str, s: int, e: int, raws: list[_Raw]) -> bool:
    """A capitalised word that is no knowledge-base match and opens no sentence stands right before ``s`` or right
    after ``e``, with one blank between."""
    starts = {r.start for r in raws}
    nxt = _NEXT_CAP_WORD.match(text, e)
    if nxt is not None and nxt.group(1)[:1].isupper() and nxt.start(1) not in starts and text[e:nxt.start(1)] == " ":
        return True
    prev = _word_before_span(text, s, 30)
    return (prev is not None and text[prev[0]].isupper() and prev[1] == s - 1 and prev[0] not in starts
            and not _sentence_initial(text, prev[0]))


class KBMatching:
    """Mixed into :class:`communique.mentions.linker.MentionLinker`; uses its state."""

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
        dead = _lower_dead_table(kb)
        find = ft.find
        it = kb.matcher.find_matches_as_indexes(ft[lo:hi] if (lo or hi != n) else ft)
        if lo:
            it = [(pidx, s + lo, e + lo) for pidx, s, e in it]
        for pidx, s, e in it:
            # s18 (kb18): the blank inside the match by ``find`` within its bounds (``" " in ft[s:e]`` made a slice)
            if s and ft[s - 1].isalnum():  # inside a word: no name here, but one may start inside the match
                if depth < 3 and (sp := find(" ", s, e)) >= 0:
                    self._scan_inside(text, ft, lang, sp + 1, e, depth, out)
                continue
            # s17 (kbs17): a match written in lower case ("die", "den") of a name no candidate of which is taken so:
            # _accept's answer is [] (_lower_dead), without the call; s18: only a later name inside it is looked for
            if (d := dead[pidx]) != 1 and text[s].isalpha() and text[s:e].islower() and (d == 2 or _lower_dead(kb, pidx)):
                if depth < 3 and (sp := find(" ", s, e)) >= 0:
                    self._scan_inside(text, ft, lang, sp + 1, e, depth, out)
                continue
            keep = self._accept(text, ft, lang, pidx, s, e)
            if keep and depth < 3 and (sp := ft.find(" ", s, e)) > 0 and ft[s:sp] in _ARTICLES:
                # "La Unión" (a town) must not hide "Unión Europea": a longer name starting at the next word wins
                nxt = ft.find(" ", s) + 1
                longer = [r for r in self._scan(text, ft, lang, nxt, min(n, e + 80), depth + 1)
                          if r.start < e and r.end > e and not any(o.start < r.end and r.start < o.end for o in out)]
                if longer:
                    out.extend(longer)
                    continue
            if keep:
                out.append(_Raw(s, _ALNUM_RUN.match(ft, e).end() if ft[e:e + 1].isalnum() else e, keep))  # to the word's end
            elif depth < 3 and (sp := find(" ", s, e)) >= 0:
                self._scan_inside(text, ft, lang, sp + 1, e, depth, out)
        return out

    def _scan_inside(self, text: str, ft: str, lang: str, nxt: int, e: int, depth: int, out: list[_Raw]) -> None:
        """Adds to ``out`` the accepted matches that start from ``nxt`` (a word inside a match ending at ``e``) and
        before ``e``, overlapping none of ``out``."""
        out.extend(r for r in self._scan(text, ft, lang, nxt, min(len(ft), e + 80), depth + 1)
                   if r.start < e and not any(o.start < r.end and r.start < o.end for o in out))

    def _accept(self, text: str, ft: str, lang: str, pidx: int, s: int, e: int) -> list[tuple[str, str, str]]:
        kb = self.kb
        # the rest of the word (str.isalnum characters; s14: no regex where the word ends with the match)
        if ft[e:e + 1].isalnum():
            if len(w4 := ft[e:e + 4]) == 4 and w4.isalnum():
                return []  # s15: four letters or more of the word left: no ending is that long (the regex not run)
            rem = _ALNUM_RUN.match(ft, e).group()
            if rem not in _ANY_ENDING and rem != "о":
                return []  # every candidate below needs the rest of the word to be an ending (the cheap test first)
        else:
            rem = ""
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
                    if ok and rem in ("ов", "ев") and kb.entities[eid]["type"] == "person":
                        ok = False  # "Турчин" + "ов" is another surname (Турчинов), not a case form
                elif lang == "de":
                    ok = rem in (DE_ADJ if kind == "adj" else DE_END) and de_name_ending_ok(eid, rem)
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
                if len(frag) <= 4 and frag != frag.upper() and not (lang == "de" and not rem and de_word_acronym(frag)):
                    continue
            elif kind in ("name", "sur", "stem", "stemsur") and first.isalpha() and not first.isupper() and "l" not in flags:
                et = eid.split("/")[0]
                # organisation names with a lower-case first word occur (fr/es "ministère ...")
                if not (et == "kb:org" and " " in ft[s:e]) or (lang == "es" and text[s:e].islower()):  # not "el país"
                    continue
            if "c" in flags and lang == "de" and kind in ("sur", "stemsur") and ("d" in flags or flags == "c"):
                continue  # German capitalises nouns: "Fall" is not a surname here (an English "macron" is)
            if "c" in flags and kind in ("sur", "stemsur") and flags != "c" and _LETTER.get(lang, "?") not in flags:
                pass  # a surname that is a word only in other languages ("Macron" opening a German sentence)
            elif "c" in flags and kind == "sur" and not rem and first.isupper() and lang in _SUBJECT_OPENERS \
                    and eid.startswith("kb:person/") and _opens_clause_as_subject(text, s, e, lang):
                pass  # "Trump met Putin": _resolve still asks for an office-holder (the word is an English word)
            elif "c" in flags and (not first.isupper() or (
                    _sentence_initial(text, s) and (kb.entities[eid].get("population") or 0) < 200_000
                    and not (lang == "de" and eid.startswith("kb:org/") and de_org_initial_ok(text[s:e])))):
                continue
            if eid.startswith("gn:") and first.isupper() and (sp := text.rfind(" ", s, e)) > 0 \
                    and text[sp + 1:sp + 2].islower() and (kb.entities[eid].get("population") or 0) < 1_000_000 \
                    and _capitalised_in_name(text[sp + 1:e], kb.entities[eid].get("name") or ""):
                continue  # "La porte-parole": the town's own name writes that word with a capital ("La Porte");
                # "Sharm el-Sheikh", "Deir ez-Zor", "Ras al-Khaimah" are written so
            if "c" in flags and lang == "en" and eid.startswith("gn:") and _en_title_word(text, s, e) \
                    and (kb.entities[eid].get("population") or 0) < 200_000:
                continue  # "the two-day Summit of the Future": a town named by a common word, in a title
            keep.append((eid, kind, flags))
        return keep

    def _resolve(self, r: _Raw, raws: list[_Raw], i: int, text: str, ft: str,
                 doc_countries: dict[str, int], full_persons: set[str], day: str | None, lang: str,
                 pctx: PlaceContext | None = None) -> Mention | None:
        ents = self.kb.entities
        best: tuple[float, str, str, str] | None = None
        if pctx is not None and (region := pctx.region_reading(r)):  # "Atlanta, Georgia" (mentions/places.py)
            return Mention(r.start, r.end, region, "name", "place", score=20.0)
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        # "X, Y": the next mention right after a comma names X's country or region
        follow_country = None
        gap = ft[r.end:nxt.start] if nxt is not None else ""
        if "," in gap and _COMMA_GAP.fullmatch(gap):  # (both gaps need a comma: no regex without one)
            for eid, _k, _f in nxt.cands:
                if ents[eid]["type"] == "country":
                    follow_country = ents[eid].get("country")
            if follow_country is None and len(nxt.cands) == 1 and ents[nxt.cands[0][0]]["type"] == "place" \
                    and (ents[nxt.cands[0][0]].get("population") or 0) >= 1_000_000:
                follow_country = ents[nxt.cands[0][0]].get("country")
        if nxt is not None and follow_country is None:
            if gap[:1] == "," and _COMMA_REPUBLIC.fullmatch(gap):
                for eid, _k, _f in nxt.cands:
                    if ents[eid]["type"] == "country":
                        follow_country = ents[eid].get("country")
        # a country's or organisation's own name makes a place reading weak; a person's own name beats a place's
        # alternate name ("Lula" is also an alternate name of Luleå) (s18: one pass over the candidates)
        strong_other = person_named = False
        for eid, kind, _f in r.cands:
            t = ents[eid]["type"]
            if t == "person":
                person_named = person_named or kind == "name"
            elif t in ("country", "organization", "group") and kind in ("name", "acr", "flag"):
                strong_other = True
        # "Obama" is a president's own name and a Japanese town of 29,000: a leader's name beats a town that small
        # which no country of the document backs (English had it through the word flag; German did not)
        leaders = [c[0] for c in r.cands if c[1] == "name" and ents[c[0]]["type"] == "person" and any(
            t.get("office") in _PROMINENT for t in ents[c[0]].get("terms") or ())] if person_named else []
        if leaders and _after_place_prep(text, r.start, lang):  # "in Obama" names the town, unless the leader is
            leaders = [p for p in leaders if self.kb.term_at(p, day) is not None]  # in office ("confía en Rubio")
        # "Secretary Rubio", "Senator Rubio": after a title a person's name beats a town's ("Rubio", Venezuela)
        titled = len(r.cands) > 1 and any(ents[c[0]]["type"] == "person" for c in r.cands) and any(
            ents[c[0]]["type"] == "place" for c in r.cands) and after_title(text, ft, r.start, raws, i, lang, True)
        # the name right after the title (no "of"/"de" between: "the Mayor of Austin" names the city)
        next_to_title = bool(titled) and not ft[titled.end():r.start].strip()
        for eid, kind, flags in r.cands:
            e = ents[eid]
            t = e["type"]
            score = 10.0 - 2 * TYPE_PRIORITY.get(t, 4)
            if t == "place" and strong_other:
                score -= 8
            if t == "place" and next_to_title:
                continue  # a title's name is a person's, even one the knowledge base does not know ("Вице-премьер Иванов")
            if t == "place" and ((person_named and "x" in flags) or titled):
                score -= 8
            elif t == "place" and leaders and (e.get("population") or 0) < 100_000 and not e.get("capital") \
                    and e.get("country") not in doc_countries and not (pctx is not None and pctx.backed(r, e)):
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
                    # an organisation's head in office: not a word of the document's language ("Rutte" is a German
                    # word only); a former leader: no word in any language ("Johnson", "Moreno" name others too)
                    common_here = "c" in flags and (flags == "c" or _LETTER.get(lang, "?") in flags)
                    prominent = (active and term.get("office") in _PROMINENT) or (
                        active and not common_here and _heads_organisation(term, e, text[r.start:r.end], self._given_names())) or (
                        "c" not in flags and any(t.get("office") in _PROMINENT for t in e.get("terms") or ())) or (
                        "c" in flags and _leader_near(e, day) and (e.get("country") in doc_countries or any(
                            ents[p].get("country") == e.get("country") for p in full_persons)))
                    if eid not in full_persons and (
                            not (prominent or (active and (ti := after_title(text, ft, r.start, raws, i, lang))
                                               and title_fits(ti, text, ft, r.start, r.end, raws, i, lang, term, ents))
                                 or (not active and self._former_title_fits(text, ft, r, raws, i, lang, e, day)))
                            or _is_given_name(text[r.start:r.end])):
                        continue
                    if self._other_given_name_left(text, ft, r.start, e):
                        continue  # "В. Лукашенко", "Виктор Лукашенко": the same surname, another person
                    if eid not in full_persons and self._someone_else(raws, i, text, ft, lang, eid, doc_countries):
                        continue  # s19: "Теодоро Нгема Обианг Манге", "Футболист Гонсалвес"
                    if lang != "ru" and eid not in full_persons and _another_surname_after(text, r.end, lang, self._given_names()):
                        continue  # "the spokesperson, Martin Giese,": a given name before someone's surname
                    if eid not in full_persons and not active and prominent and self._title_against(
                            text, ft, r, raws, i, lang, e):
                        continue  # "Pakistan's Interior Minister Khan" is not Imran Khan, a former prime minister
                    score -= 2.5
                    if eid in full_persons:
                        score += 3
                elif kind == "name" and " " not in ft[r.start:r.end].strip() \
                        and self._someone_else(raws, i, text, ft, lang, eid, doc_countries) \
                        and not any(j != i and any(c == eid and k == "name" for c, k, _f in o.cands) for j, o in enumerate(raws)):
                    continue  # ... and so is a one-word name ("Обианг", "Гонсалвес") so placed, named nowhere else
                if active:
                    score += 1
                if e.get("country") in doc_countries:
                    score += 0.5
            elif t == "country" and kind in ("adj", "adjstem", "dem"):
                score -= 0.5
            if best is None or score > best[0]:
                best = (score, eid, kind, flags)
        if best is None:
            return None
        _score, eid, kind, flags = best
        e = ents[eid]
        start = r.start
        if e["type"] == "person":
            start = self._expand_person_left(text, ft, start, e, "" if "c" in flags else lang)
        return Mention(start, r.end, eid, kind, e["type"], score=_score)

    def _someone_else(self, raws: list[_Raw], i: int, text: str, ft: str, lang: str, eid: str,
                      doc_countries: dict[str, int]) -> bool:
        """A leader's lone surname (or one-word name) at ``raws[i]`` names someone else: it stands beside another
        person's surname in one unknown name ("Теодоро Нгема Обианг Манге"), or (Russian) after a trade noun, the
        leader's state small and absent from the document ("Футболист Гонсалвес"); s19."""
        ents = self.kb.entities
        e = ents[eid]
        return _next_to_other_surname(raws, i, text, ft, eid, ents, self._given_names()) or (
            lang == "ru" and e.get("country") not in doc_countries and _small_state(ents, e)
            and _person_noun_before_ru(text, raws[i].start))

    def _former_title_fits(self, text: str, ft: str, r: _Raw, raws: list[_Raw], i: int, lang: str, ent: dict,
                           day: str | None = None) -> bool:
        """A title right before a lone surname names an office the person held before the document's date, and the
        office is a leader's ("Former Prime Minister Khan", "Prime Minister Khan" after Imran Khan's premiership).
        Offices many share ("Minister", "Senator") are not enough: the title must fit a prominent term that began
        before ``day``, and no other person of that surname may fit too ("Former President Santos": Colombia's or
        Angola's, unlinked)."""
        ti = after_title(text, ft, r.start, raws, i, lang)
        if ti is None:
            return False
        ents = self.kb.entities

        def fits(e: dict) -> bool:
            return any(t.get("office") in _PROMINENT and (day is None or (t.get("start") or "") <= day)
                       and title_fits(ti, text, ft, r.start, r.end, raws, i, lang, t, ents) for t in e.get("terms") or ())

        if not fits(ent):
            return False
        return not any(ents[c[0]] is not ent and ents[c[0]]["type"] == "person" and fits(ents[c[0]]) for c in r.cands)

    def _title_against(self, text: str, ft: str, r: _Raw, raws: list[_Raw], i: int, lang: str, ent: dict) -> bool:
        """A title of one office stands right before a former office-holder's lone surname and names none of the
        offices the person held ("Interior Minister Khan" after Imran Khan's premiership): another person of
        that surname is meant. A title many share ("Senator") or one not listed for the language tells nothing."""
        ti = after_title(text, ft, r.start, raws, i, lang)
        if ti is None or _role_words(ti.group(), lang) is None:
            return False
        return not any(title_fits(ti, text, ft, r.start, r.end, raws, i, lang, t, self.kb.entities)
                       for t in ent.get("terms") or ())

    def _other_given_name_left(self, text: str, ft: str, start: int, ent: dict) -> bool:
        """An initial or a given name with another initial just before a surname: "В. Лукашенко" or "Viktor
        Lukashenko" is not Alexander Lukashenko. A first given name before it that fits keeps the person
        ("George W. Bush", "Frank Walter Steinmeier"). Persons without given names are not tested."""
        first = ent.get("first")
        if not first:
            return False
        initials = {f[0] for f in first}

        def fits_before(pos: int) -> bool:  # the capitalised word just before ``pos`` has a fitting initial
            w = _WORD_LEFT.search(ft, max(0, pos - 30), pos)
            return bool(w) and text[w.start(1)].isupper() and w.group(1)[0] in initials

        left = text[max(0, start - 12):start]
        m = _INITIALS_LEFT.search(left)
        if m:
            at = start - (len(left) - m.start())
            return fold(m.group(0)[0]) not in initials and not fits_before(at)
        m = _WORD_LEFT.search(ft, max(0, start - 30), start)
        if not m or not text[m.start(1)].isupper():
            return False
        tok = m.group(1)
        if tok[0] in initials or fits_before(m.start(1)):
            return False  # "Joseph Biden" is Joe Biden: only a given name with another initial tells
        return _is_given_name(text[m.start(1):m.end(1)]) if has_cyrillic(tok) else tok in self._given_names()

    def _expand_person_left(self, text: str, ft: str, start: int, ent: dict, lang: str = "") -> int:
        """The start of a person's mention with initials, a fitting given name or (``lang`` given) the canonical
        name's particles before the matched surname."""
        if lang:  # not for a surname that is a word ("la Fuente de Cibeles" is no Juan Ramón de la Fuente)
            start = _particles_left(text, start, ent.get("name") or "", lang)  # "von der Leyen", "фон дер Ляйен"
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
