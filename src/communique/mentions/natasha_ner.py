"""natasha's Russian NER: its spans veto knowledge-base readings and add the names the other rules
miss.
"""

from __future__ import annotations

import re
from typing import Any

from communique.kb.build import slug
from communique.kb.fold import fold
from communique.mentions.common import (
    Mention, _Coverage, _NER_STOP, _Raw, _english_name, log)
from communique.mentions.names_ru import trim_person_span
from communique.mentions.orgname_ru import nominative_org_name
from communique.mentions.orgs_ru import compound_org_name, not_org_name, not_org_quote, person_noun_lead, venue_name


def _geox_word(word: str, case: str | None = None) -> bool:
    """pymorphy3 weighs the geographic reading of the word above its name readings."""
    from communique.kb.build import morph_parse

    geo = name = 0.0
    for p in morph_parse(word):
        tags = set(str(p.tag).replace(" ", ",").split(","))
        if "Geox" in tags and (case is None or case in tags):
            geo += p.score
        elif tags & {"Name", "Surn", "Patr"}:
            name += p.score
    return geo > name


class NatashaNER:
    """Mixed into :class:`communique.mentions.linker.MentionLinker`; uses its state."""

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
        out = []
        for sp in d.spans:
            s, e = sp.start, sp.stop
            nl = text.find("\n", s, e)
            if nl != -1:  # "Юкия Амано\nУшёл ...": a headline or caption line ends the name
                e = len(text[s:nl].rstrip()) + s
                if e <= s:
                    continue
            if sp.type == "PER":  # "Император Х", "34-летний Х"
                s = trim_person_span(text, s, e)
            out.append((s, e, sp.type))
        return out

    def _filter_by_ner(self, text: str, raws: list[_Raw], nat: list[tuple[int, int, str]]) -> list[_Raw]:
        """A knowledge-base name inside a span natasha calls a person is a person (Владимир, Обама...)."""
        ents = self.kb.entities
        out = []
        for r in raws:
            span = next(((s, e, t) for s, e, t in nat if s <= r.start and r.end <= e), None)
            typ = span[2] if span else None
            if typ == "PER" and self._place_not_person(text, r, span, nat):
                typ = "LOC"  # "Калуга" alone, "Египта" before "Мухаммед Мурси": natasha's span was trimmed
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

    def _place_not_person(self, text: str, r: _Raw, span: tuple[int, int, str], nat: list[tuple[int, int, str]]) -> bool:
        """A knowledge-base place that natasha put in a person span is the place when pymorphy3 reads
        the word as a geographic name rather than a given name or surname and the span is that word
        alone or starts with it ("президент Египта Мухаммед Мурси"); the span then loses it (``nat``
        is changed in place)."""
        ents = self.kb.entities
        if any(ents[c[0]]["type"] == "person" for c in r.cands) or span[0] != r.start:
            return False
        if not any(ents[c[0]]["type"] in ("place", "country") for c in r.cands):
            return False
        word = text[r.start:r.end]
        if " " in word or not _geox_word(word):
            return False
        i = nat.index(span)
        if span[1] == r.end:
            del nat[i]
        else:
            if not _geox_word(word, "gent"):
                return False  # "Ван Цзюнь": a surname; "президент Египта Мухаммед Мурси": a genitive complement
            m = re.compile(r"[ \xa0]+(?=\w)").match(text, r.end)
            if not m or m.end() >= span[1]:
                return False
            nat[i] = (m.end(), span[1], span[2])
        return True

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
            if typ == "ORG":
                why = not_org_name(text, s, e) or ("facility" if venue_name(text, s, e) else None)
                if why == "facility":  # МКС, Хаббл; "во Дворце спорта": a station, a telescope, a venue
                    name = _english_name(surface, "ru", person=False)
                    out.append(Mention(s, e, f"new:other/{slug(name)}", "natasha", "other", name=name))
                    taken.add(s, e)
                    continue
                if why:
                    continue  # "ПАО" with no name after it, «5 ...»: no organisation name
                s = person_noun_lead(text, s, e)  # "Замглавы Таможенной службы"
                if s >= e:
                    continue
                surface = text[s:e]
            if typ == "PER" and compound_org_name(surface):
                typ = "ORG"  # "Нацфронта", "Рыбохраны": compounded organisation names, not persons
            if typ == "PER":
                name = _english_name(surface, "ru")
                out.append(Mention(s, e, f"new:person/{slug(name)}", "natasha", "person", name=name))
            elif typ == "LOC":
                name = _english_name(surface, "ru", person=False)
                out.append(Mention(s, e, f"new:place/{slug(name)}", "natasha", "place", name=name))
            elif typ == "ORG":
                nom = nominative_org_name(surface)
                known = self._kb_org_named(nom) if nom != surface else None
                if known:  # "главный редактор «Известий»": the knowledge base's Известия, named in the genitive
                    out.append(Mention(s, e, known, "natasha", "organization"))
                    taken.add(s, e)
                    continue
                name = _english_name(nom, "ru", person=False)
                out.append(Mention(s, e, f"new:organization/{slug(name)}", "natasha", "organization", name=name))
            taken.add(s, e)
        return out

    def _kb_org_named(self, name: str) -> str | None:
        """The one knowledge-base organisation whose full name (not a stem or an acronym) is ``name``."""
        hits = {eid for eid, kind, _ in self.kb.index.get(fold(name), ()) if kind == "name" and eid.startswith("kb:org/")}
        return hits.pop() if len(hits) == 1 else None

    def _load_natasha(self) -> dict[str, Any]:
        if self._natasha is None:
            from natasha import NewsEmbedding, NewsNERTagger, Segmenter

            emb = NewsEmbedding()
            self._natasha = {"segmenter": Segmenter(), "ner": NewsNERTagger(emb)}
        return self._natasha
