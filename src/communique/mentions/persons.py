"""People the knowledge base may not know: title-and-name patterns, given names, surname shapes,
initials; surnames and role nouns that refer back.
"""

from __future__ import annotations

import bisect
import re
from itertools import chain, compress, count, starmap
from functools import lru_cache
from typing import Callable

from communique.kb.build import COUNTRY_OFFICES, slug
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic, transliterate
from communique.mentions import roles
from communique.mentions.common import (
    Mention, SYLLABLE_NAME, _Coverage, _NAME_GAP, _ROMAN, _TOKEN, _common_in,
    _de_function_word, _english_name, _immediately_after, _is_name_like, _is_title_word, _role_country,
    _sentence_initial, _word_before_span, captok_spans, coref_finditer, latin_given_names, ru_coref_key, find_surnames,
    initials_names, lang_lexicon, lang_words, lexicon_finditer, lexicon_finditer_in, mentions_data,
    surname_shapes)
from communique.mentions.orgs_ru import adjective_before_noun
from communique.mentions.spanindex import LatestBefore

# s15 (spdcore): the patterns the passes below searched with re.search/re.match on slices, compiled once and
# matched in place (none has a look-behind or an anchor: the same matches as in the slice)
_CLAUSE_STOP = re.compile(r"[.;:!?\n(]\s|[;:!?\n(]|,[\"”»](?=\s)")  # s20: a quotation closed after a comma ends the clause
_RUN_GAP = re.compile(r"[^\S\n]+|-")
_CLAUSE_RUN = re.compile(r"[^.;:!?\n]{0,40}")
_NAME_NEXT = re.compile(r"\s+[A-ZА-ЯЁ]")
_LETTER_AT = re.compile(r"[^\W\d_]")


class PersonRules:
    """Mixed into :class:`communique.mentions.linker.MentionLinker`; uses its state."""

    # -- people the KB does not know --------------------------------------------------------
    def _title_persons(self, text: str, ft: str, lang: str, taken: "_Coverage", mentions: list[Mention]) -> list[Mention]:
        lex = lang_lexicon(lang)
        title_re = lex.get("title_re")
        if title_re is None or not lex["titles"]:
            return []
        out: list[Mention] = []
        for tm in lexicon_finditer(lex, "title_re", ft):
            # the window: up to the end of the clause
            lim = min(len(text), tm.end() + 140)
            stop = _CLAUSE_STOP.search(text, tm.end(), lim)  # (the same search in the slice tm.end():lim)
            wend = stop.start() if stop else lim
            run: list[tuple[int, int]] = []
            found = None
            opened_by_given = False
            for tok in _TOKEN.finditer(text, tm.end(), wend):
                s, e = tok.span()
                word = tok.group(0).rstrip(".")
                e = s + len(word)
                given_open = False
                ok = (word[:1].isupper() and len(word) >= 2 and not taken.overlaps(s, e)
                      and not word.isupper() and not _is_title_word(word, lang))
                if ok and _common_in(word, lang) and not _is_name_like(word) and not (run and lang == "es") \
                        and not (lang == "ru" and _in_syllable_name(text, s, e)):
                    # (the Spanish exception: "gobernador Tarcisio Delgado"; s19: a given name that is also a word opens
                    # a name of two words or more right after the title or its "of" phrase: "Mayor of Madrid Carlos X")
                    ok = given_open = not run and word.isascii() and fold(word) in self._given_names() and (
                        _immediately_after(text, tm.end(), s) or _of_phrase(text[tm.end():s], lang))
                between = text[run[-1][1]:s] if run else ""
                if ok and (not run or _RUN_GAP.fullmatch(between)):
                    if not run:
                        opened_by_given = given_open
                    run.append((s, e))
                    continue
                if len(run) >= 2 or (len(run) == 1 and not opened_by_given and _immediately_after(text, tm.end(), run[0][0])):
                    found = run
                    break
                run = [(s, e)] if ok else []
                opened_by_given = given_open and ok
            else:
                if len(run) >= 2 or (len(run) == 1 and not opened_by_given and _immediately_after(text, tm.end(), run[0][0])):
                    found = run
            if not found:
                continue
            found = found[:3]
            if lang == "ru" and len(found) == 1 and adjective_before_noun(text, *found[0]):
                continue  # "председатель Государственного совета"
            ns, ne = found[0][0], found[-1][1]
            if taken.overlaps(ns, ne):
                continue
            spans = [t2.span() for t2 in title_re.finditer(ft, tm.start(), ns)] or [tm.span()]
            # s19: a person named between the title and the name holds that title ("Head of the President's Office
            # Andriy Yermak and Commander-in-Chief ... Valery Zaluzhny"): only a title after that person is the role
            pend = max((p.end for p in chain(mentions, out) if p.etype == "person" and tm.start() <= p.start and p.end <= ns),
                       default=-1)
            spans = [sp for sp in spans if sp[0] >= pend]
            rstart = spans[-1][0] if spans else ns
            # s19: a title whose "of" phrase holds the next one is the role ("Deputy Head of the Office of the
            # President of Ukraine X" is no President), and so are rank words right before it ("Deputy")
            for a, b in reversed(spans[:-1]):
                if not _of_phrase(text[b:rstart], lang) or any(fold(w) in self._given_names() for w in text[b:rstart].split()):
                    break  # (a given name in between: "Head of the Office Andriy Yermak and Commander-in-Chief")
                rstart = a
            rstart = _rank_words_left(text, rstart, lang)
            role = _without_rank(text[rstart:ns].strip().rstrip(",").strip(), lang) or None
            surface = text[ns:ne]
            name = _english_name(surface, lang)
            # the country the role names ("Ambassador of the Republic of Moldova"), else one named before it in the window
            lo = max(tm.start(), pend)  # (an organisation's country last: "глава Роскосмоса", "portavoz de la Casa Blanca")
            country = self._named_country(text, lang, mentions, rstart, ns) or self._named_country(text, lang, mentions, lo, ns) \
                or _role_country(self.kb, mentions, lo, ns)
            if _kin_before(text, rstart, lang):
                role = country = None  # "the wife of the President of Lithuania Diana X" (s19)
            eid = f"new:person/{slug(name)}"
            m = Mention(ns, ne, eid, "title", "person", role=role, name=name, country=country)
            if role and fold(role) in lang_words(lang, "military_ranks", folded=True) and ns > 1:
                k = ns - 1 if text[ns - 1] in " \xa0" else ns
                if self._role_before_rank(text, ft, lang, lex, m, k, mentions, rank_role=role):
                    m.country = m.country or country
            out.append(m)
            taken.add(ns, ne)
        return out

    def _title_roles(self, text: str, ft: str, lang: str, mentions: list[Mention]) -> None:
        """A person the knowledge base does not know, found by another pass (a given name, a surname's shape),
        right after a title ("Ambassador Lynne X", "Botschafter Y") carries that title as its role, as the
        title pattern would have given it."""
        lex = lang_lexicon(lang)
        title_re = lex.get("title_re")
        if title_re is None:
            return
        place_ends: set[int] | None = None
        for m in mentions:
            if m.etype != "person" or m.role or not m.eid.startswith("new:") or m.start == 0:
                continue
            k = m.start
            while k > 0 and text[k - 1] in " \xa0":
                k -= 1
            if k == m.start or k == 0:
                continue
            if text[k - 1] == "," and text[m.end:m.end + 1] == ",":
                self._apposition_role(text, ft, lang, lex, m, k - 1)
                continue
            lo = max(0, k - 60)
            # s15: title_re.finditer(ft, lo, k), tried only where a title's first word stands
            rstart = next((t.start() for t in lexicon_finditer_in(lex, "title_re", ft, lo, k) if t.end() == k), None)
            if rstart is None:
                if lang == "ru":
                    if place_ends is None:
                        place_ends = {x.end for x in mentions if x.etype in ("country", "place")}
                    if k in place_ends:  # (a country or place mention ends right before the name)
                        self._title_places_role_ru(text, ft, lex, m, k, mentions)
                else:
                    self._title_of_role(text, ft, lang, lex, m, k, mentions)
                continue  # no title ends right before the name
            if self._role_before_rank(text, ft, lang, lex, m, k, mentions):
                continue
            # "Deputy Foreign Minister": earlier titles joined to it by spaces only
            for t in reversed(list(title_re.finditer(ft, lo, rstart))):
                if text[t.end():rstart].strip(" \xa0"):
                    break
                rstart = t.start()
            m.role = text[rstart:k]

    def _title_places_role_ru(self, text: str, ft: str, lex: dict, m: Mention, k: int, mentions: list[Mention]) -> None:
        """"Посол России в ФРГ С.Ю.Нечаев": a title, then only country and place mentions and the prepositions
        between them (``title_place_links``), then the name: the title with them is the name's role, and the first
        country the name's country, as the title rule gives them to a full name (s20)."""
        lo = max(0, k - 70)
        lo = max(lo, max(text.rfind(ch, lo, k) for ch in ".;:,!?\n\"«»“”()") + 1)
        links = lang_words("ru", "title_place_links")
        gaps = [x for x in mentions if x.etype in ("country", "place") and lo <= x.start and x.end <= k]
        for t in lexicon_finditer_in(lex, "title_re", ft, lo, k):
            pos, first = t.end(), None
            for x in sorted((x for x in gaps if x.start >= t.end()), key=lambda x: x.start):
                if x.start < pos:
                    continue
                if any(w not in links for w in text[pos:x.start].split()):
                    break
                first = first or x
                pos = x.end
            if first is not None and pos > t.end() and not text[pos:k].strip(" \xa0"):
                m.role = text[t.start():k].strip()
                if m.country is None:
                    m.country = (self.kb.entities.get(first.eid) or {}).get("country")
                return

    def _role_before_rank(self, text: str, ft: str, lang: str, lex: dict, m: Mention, k: int, mentions: list[Mention],
                          rank_role: str | None = None) -> bool:
        """"Commander of the Ground Forces Lieutenant General X": where a military rank (``military_ranks``) ends at
        ``k``, right before the name, a title with its "of" phrase before the rank is the role (s20). True if it set
        ``m.role`` so."""
        if ft[max(ft.rfind(" ", 0, k), ft.rfind("\xa0", 0, k)) + 1:k] not in _rank_last_words(lang):
            return False  # (no rank ends at k: the loop below not run)
        rank = next((k - len(r) for r in _rank_phrases(lang)
                     if ft[k - len(r):k] == r and (k == len(r) or ft[k - len(r) - 1] in " \xa0")), None)
        if rank is None or rank == 0:
            return False
        m.role = None
        self._title_of_role(text, ft, lang, lex, m, rank - 1 if text[rank - 1] in " \xa0" else rank, mentions)
        if m.role:
            return True
        m.role = rank_role
        return False

    def _title_of_role(self, text: str, ft: str, lang: str, lex: dict, m: Mention, k: int,
                       mentions: list[Mention]) -> None:
        """"Speaker of the US House of Representatives Nancy Pelosi": a title, its "of" phrase of capitalised words
        (and the phrase's small words), then the name is the name's role; a country named inside the phrase is the
        person's country (s19)."""
        prev = _word_before_span(text, m.start, 30)
        if prev is None or not text[prev[0]].isupper() or len(text[m.start:m.end].split()) < 2:
            return  # the phrase ends with a capitalised word; a lone surname: the capitalised word before it may be the
            # given name ("Fund Kristalina Georgieva")
        ofs = lang_words(lang, "title_of")
        if not ofs:
            return
        floor = max(0, k - 90)
        small = lang_words(lang, "title_of_small")
        words = text[floor:k].split()
        last_of = next((n for n in range(len(words) - 1, -1, -1) if words[n].lower() in ofs), None)
        if last_of is None or not all(w[:1].isupper() or w.lower() in small for w in words[last_of + 1:]):
            return  # (no "of" phrase of capitalised words ends before the name: no title search)
        lo = max(floor, max(text.rfind(ch, floor, k) for ch in ".;:,!?\n\"«»“”()") + 1)
        for t in lexicon_finditer_in(lex, "title_re", ft, lo, k):
            if _kin_before(text, t.start(), lang):
                return  # "the wife of the President of Lithuania Diana X": the title is someone else's
            if _of_phrase(text[t.end():k], lang):  # (its last word is capitalised: tested first)
                m.role = text[t.start():k].strip()
                if m.country is None:
                    m.country = self._named_country(text, lang, mentions, t.start(), k)
            return  # only the clause's first title

    def _named_country(self, text: str, lang: str, mentions: list[Mention], rs: int, re_: int) -> str | None:
        """The country of a country or place named in a role ``text[rs:re_]`` ("Mayor of Madrid") or by an adjective
        right before it ("Portuguese Minister of Education"); not an organisation's."""
        places = [x for x in mentions if x.etype in ("country", "place")]
        before = next((x for x in places if x.end == rs - 1 and text[x.end] == " " and x.etype == "country"
                       and x.kind in ("adj", "adjstem", "acr", "name")), None)  # "Portuguese Minister", "US Ambassador to X"
        if before is not None and (c := _role_country(self.kb, [before], before.start, before.end)):
            return c
        to = lang_words(lang, "title_to")  # the country an envoy is sent to is not the envoy's ("Ambassador to Ukraine")
        small = lang_words(lang, "title_of_small")
        return _role_country(self.kb, [x for x in places if not (to and _word_before_small(text, x.start, small) in to)],
                             rs, re_)

    @staticmethod
    def _apposition_role(text: str, ft: str, lang: str, lex: dict, m: Mention, comma: int) -> None:
        """"The spokesperson of the Foreign Office, Martin Giese, said": a title and its "of" phrase between the
        clause's start and the comma before a name set off by commas is the name's role (s18)."""
        ofs = lang_words(lang, "title_of")
        if not ofs:
            return
        floor = max(0, comma - 90)
        lo = max(floor, max(text.rfind(ch, floor, comma) for ch in ".;:,!?\n\"«»“”()") + 1)
        ranks = lang_words(lang, "title_rank_words")
        for t in lexicon_finditer_in(lex, "title_re", ft, lo, comma):
            rest = text[t.end():comma].split()
            while rest and rest[0].lower() in ranks:
                rest = rest[1:]  # "La vicepresidenta primera del Gobierno, X," (s19)
            if rest and rest[0].lower() in ofs and len(rest) <= 8:
                m.role = text[t.start():comma]
            return  # only the clause's first title

    # given name + capitalised words: "Lucy Medina", "Juan Carlos Rodríguez Ibarra"
    def _given_names(self) -> frozenset[str]:
        if self._first is None:
            names: set[str] = set(latin_given_names())
            for e in self.kb.entities.values():
                if e["type"] == "person":
                    names.update(f for f in e.get("first") or () if f.isascii() and len(f) > 2)
            self._first = frozenset(names)
        return self._first

    def _given_name_persons(self, text: str, ft: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        first = self._given_names()
        # a place of several words ("Prince Edward Island") is no given name + surname
        strong = [(m.start, m.end) for m in mentions if m.etype != "place" or " " in text[m.start:m.end]]
        # s13: ``any(a < e and s < b for a, b in strong)`` by bisect (the list was scanned for every token)
        strong_over = _Coverage.of_spans(strong).overlaps
        out = list(mentions)
        new: list[Mention] = []
        toks = captok_spans(text)  # (shared with cap_names: s19)
        i = 0
        n = len(toks)
        # only the tokens that are given names can start a name: visited in order (picked in C: each
        # token's folded form, tested against the given names)
        for start in list(compress(count(), map(first.__contains__, map(ft.__getitem__, starmap(slice, toks))))):
            if start < i:
                continue  # inside the name found before
            i = start
            s, e = toks[i]
            if strong_over(s, e) or (lang == "de" and _de_function_word(text[s:e])):
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
                if strong_over(s2, e2):
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

    def _surname_shape_persons(self, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        """A lone capitalised word shaped like a surname (González, Lawrow, Kowalski) is a person."""
        taken = _Coverage(mentions)
        out = list(mentions)
        for m in surname_shapes(text):  # _SURNAME_SHAPE.finditer(text), the regex tried at candidates only
            s, e = m.span()
            word = m.group(0)
            if taken.overlaps(s, e) or word.isupper() or _common_in(word, lang):
                continue
            out.append(Mention(s, e, f"new:person/{slug(word)}", "shape", "person", name=word))
            taken.add(s, e)
        return out

    def _initials_known(self, initials: str, sur: str) -> str | None:
        """The one knowledge-base person whose surname is ``sur`` (a Russian case form of it: "Рябкова") and whose given
        name starts with the first of ``initials``; None if none or several."""
        keys = [fold(sur)]
        if has_cyrillic(sur):
            keys += [keys[0][:-len(end)] for end in _RU_SURNAME_CASE_ENDINGS if keys[0].endswith(end)]
        ini = fold(initials[:1])
        found = {eid for key in keys for eid, kind, _f in self.kb.index.get(key, ())
                 if kind in ("sur", "stemsur") and eid.startswith("kb:person/")
                 and any(f.startswith(ini) for f in self.kb.entities[eid].get("first") or ())}
        return found.pop() if len(found) == 1 else None

    def _initials_persons(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"М.В.Захарова", "Б.Обама", "J. Smith": initials glued to a capitalised surname."""
        taken = _Coverage(mentions)
        out = list(mentions)
        for m in initials_names(text):  # _INITIALS_NAME.finditer(text), the regex tried before periods only
            s, e = m.span()
            if taken.overlaps(s, e):
                # s20: two initials make the word after them a surname, not the place of that name ("А.Н.Иванов")
                place = next((x for x in out if x.etype == "place" and x.start == m.start(1) and x.end == e), None)
                if place is None or text.count(".", s, m.start(1)) < 2 or taken.overlaps(s, m.start(1)):
                    continue
                out.remove(place)
            sur = m.group(1)
            initials = re.sub(r"\s+", "", text[s:m.start(1)])
            known = self._initials_known(initials, sur)
            if known is not None:
                # s20: "С.А.Рябков": the knowledge base's person of that surname and first initial ("рябков" is also a
                # case form of a bird's name, and a deputy minister's lone surname is no match of the automaton)
                out.append(Mention(s, e, known, "initials", "person", name=self.kb.entities[known]["name"]))
                taken.add(s, e)
                continue
            if len(sur) < 3 or _common_in(sur, "ru" if has_cyrillic(sur) else "en") and not _is_name_like(sur):
                continue
            name = _english_name(sur, "ru" if has_cyrillic(sur) else "en")
            if has_cyrillic(initials):
                initials = transliterate(initials, "en")
            full = f"{initials} {name}"
            out.append(Mention(s, e, f"new:person/{slug(name)}", "initials", "person", name=full))
            taken.add(s, e)
        return out

    def _propagate_surnames(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A person's surname alone elsewhere in the document refers to that person: a new person's, and (s16) a
        knowledge-base person's named in full ("George W. Bush ... Bush said": the surname alone is an English word,
        which the matcher does not take as a surname by itself). A lone surname the capitalised-name stage
        made a new person of ("Bush sagte") is replaced."""
        persons = [m for m in mentions if (m.eid.startswith("new:person/") or (m.kind == "name" and m.eid.startswith("kb:person/")))
                   and " " in text[m.start:m.end]]
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
        # the surnames, alone or with a case ending / genitive -s (find_surnames: no regex per document)
        for a, b, name in find_surnames(text, sorted(sur, key=len, reverse=True)):
            prev = _word_before_span(text, a, 30)
            if prev and text[prev[0]:prev[0] + 1].isupper() and not _sentence_initial(text, a - (prev[2] - prev[0])):
                continue  # part of a longer name ("Андрей Варичев" is found whole)
            over = [x for x in spans if x[0] < b and a < x[1]]
            src = sur[name]
            if any(x[2].etype != "place" and not (x[0] == a and x[1] == b and x[2].eid.startswith("new:person/")
                                                  and x[2].eid != src.eid and x[2].kind in ("cap", "shape", "given"))
                   for x in over):
                continue
            for x in over:
                drop.add(id(x[2]))
            out.append(Mention(a, b, src.eid, "sur", "person", role=src.role, name=src.name, country=src.country))
        return [m for m in out if id(m) not in drop]

    # -- coreference -------------------------------------------------------------------------------
    def _coref(self, text: str, ft: str, lang: str, mentions: list[Mention], day: str | None,
               doc_countries: dict[str, int] | None = None) -> list[Mention]:
        lex = lang_lexicon(lang)
        cre = lex.get("coref_re")
        persons = [m for m in mentions if m.etype == "person"]
        if cre is None:
            return []  # (no person named yet: "the President of Kazakhstan" still names the office's holder)
        out: list[Mention] = []
        taken = _Coverage(mentions)
        hits = [(cm.start(1), cm.end(1), cm.group(1)) for cm in coref_finditer(lex, "coref_re", ft)]  # s15: at role nouns
        if lex.get("coref_adj_re") is not None:
            # "the Russian foreign minister", "der russische Außenminister": a country adjective between
            adjs = {(m.start, m.end) for m in mentions if m.kind in ("adj", "adjstem")}
            if adjs:  # s14 (spdkb): without an adjective mention no match counts: no scan (the hits stay sorted)
                hits.extend((am.start(2), am.end(2), am.group(2)) for am in coref_finditer(lex, "coref_adj_re", ft)
                            if (am.start(1), am.end(1)) in adjs)
                hits.sort()
        # s12 review fixes: the lookups per role word bisect sorted lists instead of scanning every mention
        near = roles.context_mentions(mentions)
        person_starts = sorted(p.start for p in persons)
        first_end = min((p.end for p in persons), default=None)
        latest: dict[tuple, LatestBefore] = {}

        def last_before(key: tuple, test: Callable[[Mention], bool], s: int) -> Mention | None:
            """The last person (in list order) ending by ``s`` that passes ``test``."""
            lb = latest.get(key)
            if lb is None:
                lb = latest[key] = LatestBefore([(p.end, n) for n, p in enumerate(persons) if test(p)])
            n = lb.at(s)
            return None if n is None else persons[n]

        for s, e, word in hits:
            # the country the context ties the role to ("глава МИД России", "the Russian foreign minister")
            ccountry, rend = roles.context_country(self.kb, text, s, e, near(text, s, e))
            if taken.overlaps(s, e) and not (ccountry and rend > e):
                continue
            # a role noun directly followed by a name is a title, not a back-reference
            clause = _CLAUSE_RUN.match(text, rend)  # (s15: matched in place, the rest of the text was sliced)
            cend = clause.end() if clause else rend
            k = bisect.bisect_left(person_starts, rend)
            if (lang != "de" and _NAME_NEXT.match(text, rend, rend + 3)) or (k < len(person_starts) and person_starts[k] < cend):
                continue
            if _LETTER_AT.match(text, e, e + 1):
                continue
            key = ru_coref_key(word, lex["coref"]) if lang == "ru" else word
            office = lex["coref"].get(key)
            if office is None:
                continue
            if " " in key and not ccountry and word.split()[0] != key.split()[0]:
                # s19: a Russian role phrase in a case form other than the nominative, with no country, names an office,
                # not a person: "на выборах главы государства", "а затем министром иностранных дел"
                continue
            if lang == "ru" and (word.endswith(_RU_PLURAL) or (word.endswith("ы") and not word.startswith("глав"))
                                 or _prev_word_in(text, s, lang_words("ru", "former_words"))):
                continue  # "Совета министров", "министры"; "бывший президент", "свергнутый президент Египта"
            # a role noun of an office with a name of its own (coref_role_words: "the Secretary", "госсекретарь")
            # needs those words in the referent's English role: a secretary of state, not a foreign minister; the
            # other role nouns are generic ("the Foreign Minister" of India is its Minister of External Affairs)
            words = _coref_words(word, lang)
            if office in COUNTRY_OFFICES:
                country = ccountry or roles.main_country(doc_countries)
                if country:
                    target = last_before(("country", office, country, words), lambda p, office=office, country=country, words=words: p.eid.startswith("kb:")
                                         and (self.kb.term_at(p.eid, day) or {}).get("office") == office
                                         and (self.kb.term_at(p.eid, day) or {}).get("country") == country
                                         and _role_has(self.kb.role_at(p.eid, day), words), s)
                    eid = target.eid if target else roles.holder_on(self.kb, office, country, day)
                    if eid and not _role_has(self.kb.role_at(eid, day), words):
                        eid = None
                    if eid:
                        out.append(Mention(s, rend, eid, "coref", "person", name=self.kb.entities[eid]["name"], country=country))
                        continue
                if ccountry:
                    continue  # the office-holder of that country is unknown: no other person is meant
            if first_end is None or first_end > s:
                continue  # no person before the role word

            def holds(p: Mention, office: str = office, words: frozenset[str] | None = words) -> bool:
                role = (self.kb.role_at(p.eid, day) if p.eid.startswith("kb:") else p.role) or ""
                t = self.kb.term_at(p.eid, day) if p.eid.startswith("kb:") else None
                return bool(office == "minister" and ("minister" in role.lower() or "minist" in role.lower())
                            or t and t.get("office") == office and _role_has(role, words)
                            or office == "foreign_minister" and "foreign" in role.lower() and _role_has(role, words))

            target = last_before(("office", office, words), holds, s)
            if target is None:
                continue
            if ccountry and (target.country or self.kb.entities.get(target.eid, {}).get("country")) not in (None, ccountry):
                continue  # "Лавров ... с министром Египта": another country's minister, whom the KB does not name
            out.append(Mention(s, e, target.eid, "coref", "person", role=target.role, name=target.name, country=target.country))
        return out


def _of_phrase(gap: str, lang: str) -> bool:
    """``gap``, the text between two titles, joins them as one title: it opens with a word of ``title_of`` ("of") and
    holds only those, the small words of ``title_of_small`` and capitalised words ("of the Office of the")."""
    if "," in gap or ";" in gap:
        return False
    words = gap.split()
    ofs = lang_words(lang, "title_of")
    small = lang_words(lang, "title_of_small")
    return bool(words) and words[0].lower() in ofs and len(words) <= 8 and all(
        w[:1].isupper() or w.lower() in ofs or w.lower() in small for w in words)


def _in_syllable_name(text: str, s: int, e: int) -> bool:
    """The word text[s:e] is one of three short capitalised syllables in a row (``common.SYLLABLE_NAME``)."""
    lo = max(0, s - 12)
    return any(m.start() <= s and e <= m.end() for m in SYLLABLE_NAME.finditer(text, lo, min(len(text), e + 12)))


# the case endings after a Russian surname in -ов/-ев/-ин ("Рябкова", "Рябковым"): stripped to find the nominative
_RU_SURNAME_CASE_ENDINGS = ("ым", "ой", "ом", "а", "у", "е")


def _without_rank(role: str, lang: str) -> str:
    """``role`` without the military rank that closes it, where a role is left ("Chairman of the Joint Chiefs of
    Staff General", "начальник Генштаба генерал армии": the rank is the person's, not the office; the phrases of
    ``military_ranks`` in mentions.yaml, s20)."""
    if not role.strip() or fold(role.rsplit(None, 1)[-1]) not in _rank_last_words(lang):
        return role  # (no rank closes the role: the loop below not run)
    ranks = _rank_phrases(lang)
    low = fold(role)
    for r in ranks:
        if low.endswith(r) and len(low) > len(r) and low[-len(r) - 1] == " ":
            rest = role[:-len(r) - 1].rstrip(" ,")
            if fold(rest.split()[-1]) in lang_words(lang, "military_ranks_not_after", folded=True):
                return role  # "Secretary General", "procureur général": the word is no rank there
            return rest
    return role


@lru_cache(maxsize=8)
def _rank_phrases(lang: str) -> tuple[str, ...]:
    """The ranks of ``military_ranks``, longest first (a rank of several words before its last word's)."""
    return tuple(sorted(lang_words(lang, "military_ranks", folded=True), key=len, reverse=True))


@lru_cache(maxsize=8)
def _rank_last_words(lang: str) -> frozenset[str]:
    """The last words of the ranks of ``military_ranks`` (folded): a role or a text position that does not end with one
    ends with no rank."""
    return frozenset(r.split()[-1] for r in _rank_phrases(lang))


def _rank_words_left(text: str, s: int, lang: str) -> int:
    """The start of the rank words (``title_rank_words``: "Deputy", "First", "Acting") right before a title at ``s``,
    else ``s``."""
    mods = lang_words(lang, "title_rank_words")
    while mods:
        prev = _word_before_span(text, s, 20)
        if prev is None or text[prev[0]:prev[1]].lower() not in mods:
            break
        s = prev[0]
    return s


def _word_before_small(text: str, s: int, skip: frozenset[str]) -> str:
    """The first word (lower case) before ``s`` that is not one of ``skip``, looking at most three words back; ''."""
    for w in reversed(text[max(0, s - 40):s].split()[-3:]):
        w = w.lower().strip(",")
        if w not in skip:
            return w
    return ""


def _kin_before(text: str, s: int, lang: str) -> bool:
    """A word of kinship (``kin_words`` of mentions.yaml: "wife", "супруга", "Ehefrau") right before a title at ``s``,
    but for the small words between ("the wife of the President of Lithuania X", "супруга президента"): the title is the
    relative's, not the named person's. ("Путин и его супруга встретились с министром культуры X": X is the
    minister.)"""
    kin = lang_words(lang, "kin_words")
    return bool(kin) and _word_before_small(
        text, s, lang_words(lang, "title_of") | lang_words(lang, "title_of_small")) in kin


_RU_PLURAL = ("ов", "ам", "ами", "ах")  # a plural role noun ("министров") names no one person


def _prev_word_in(text: str, s: int, words: frozenset[str]) -> bool:
    """One of the two words right before ``s`` is one of ``words`` (lower case): "бывший президент", "бывший
    американский президент"."""
    return any(w.lower() in words for w in text[max(0, s - 60):s].split()[-2:])


def _coref_words(word: str, lang: str) -> frozenset[str] | None:
    """The English words a referent's role must have for the role noun ``word`` (see _coref; Russian nouns with
    their case endings, as the coref pattern matches them: "госсекретаря"); None: no test."""
    table = _coref_role_table(lang)
    w = fold(word)
    listed = table.get(w)
    if listed is None and lang == "ru":
        listed = next((v for k, v in table.items() if w.startswith(k[:-1]) and len(w) - len(k) <= 3), None)
    return frozenset(listed.split()) if listed else None


@lru_cache(maxsize=8)
def _coref_role_table(lang: str) -> dict[str, str]:
    return {fold(k): str(v).lower() for k, v in (mentions_data(lang).get("coref_role_words") or {}).items()}


def _role_has(role: str | None, words: frozenset[str] | None) -> bool:
    """Every word of ``words`` ("a/b": either) is a word of the English ``role`` (None: no test)."""
    if words is None:
        return True
    have = set(re.findall(r"[a-z]+", (role or "").lower()))
    return all(any(alt in have for alt in w.split("/")) for w in words)
