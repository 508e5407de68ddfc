"""Documents an event signs or adopts: their titles in the text, as document entities."""

from __future__ import annotations

import bisect
import re
import unicodedata

from communique.events.draft import WORD
from communique.model import Entity, Span

_TIME_GLUE = frozenset("für for на pour para".split())  # "Konsultationsplan ... für 2025"
_DANGLING = frozenset("für for на по pour para de del des of on über zu zur zum im in au du sur".split())


def slugify(text: str, limit: int = 60) -> str:
    """An ASCII slug: Cyrillic transliterated (iuliia, Wikipedia schema), accents dropped."""
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        try:
            import iuliia

            text = iuliia.WIKIPEDIA.translate(text)
        except Exception:  # pragma: no cover - iuliia is a dependency; keep the slug readable without it
            pass
    t = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    words = re.findall(r"\w+", t)
    slug = "-".join(words)
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "untitled"


class DocumentTitles:
    """Mixed into the per-document run (``communique.events.extractor``); uses its state."""

    # -- documents ---------------------------------------------------------------------------
    def _title_spans(self, clause, tstart: int, tend: int) -> list[tuple[int, int]]:
        lex = self.lex
        if lex.doc_head_re is None:
            return []
        c_start, c_end, _ = clause
        lo = max(c_start, tstart - 400)
        hi = min(c_end, tend + 400)
        pos = lo
        out = []
        while True:
            m = lex.doc_head_re.search(self.text, pos, hi)
            if m is None:
                break
            if m.start() < tend and m.end() > tstart:  # the trigger itself
                pos = m.end()
                continue
            start, end = self._title_span(m.start(), m.end(), tstart, tend, lo, hi)
            pos = max(end, m.end())
            while start < end and self.text[start] in " ,;:-–":
                start += 1
            while end > start and self.text[end - 1] in " ,;:-–":
                end -= 1
            if end - start >= 3:
                out.append((start, end))
        return out

    def _title_span(self, hstart: int, hend: int, tstart: int, tend: int, lo: int, hi: int) -> tuple[int, int]:
        lex = self.lex
        # left: adjectives up to a determiner
        start = hstart
        for wm in reversed(list(WORD.finditer(self.text, max(lo, hstart - 80), hstart))):
            w = wm.group(0).lower()
            between = self.text[wm.end():start]
            if between.strip() or wm.end() > start:
                break
            if ((lex.definite_re and lex.definite_re.fullmatch(w)) or (lex.indefinite_re and lex.indefinite_re.fullmatch(w))
                    or (lex.with_re and lex.with_re.fullmatch(w)) or w in lex.coordinators
                    or (wm.start() < tend and wm.end() > tstart) or self._is_mention(wm.start())
                    or any(t.start <= wm.start() < t.end for t in self.times)  # "5 декабря ... заявление"
                    or self._in_locative_phrase(wm.start(), lo)):  # "подписали в Минске договор"
                break
            if hstart - wm.start() > 40:
                break
            start = wm.start()
        # right: up to a stop
        stop = hi
        if tstart >= hend:
            stop = min(stop, tstart)
        for t in self.times:
            if hend <= t.start < stop:
                prev = self.text[hend:t.start].split()
                if prev and prev[-1].lower() in _TIME_GLUE:
                    stop = min(stop, t.end)
                else:
                    stop = min(stop, t.start)
                break
        end = hend
        for wm in WORD.finditer(self.text, hend, stop):
            gap = self.text[end:wm.start()]
            if any(ch in gap for ch in ",;:.!?()\n"):
                break
            w = wm.group(0).lower()
            if w in lex.hard_stops or self._document_trigger_at(wm.start()):
                break
            if w in lex.coordinators:
                nxt = self.text[wm.end():min(stop, wm.end() + 60)]
                if lex.doc_head_re.search(" ".join(nxt.split()[:4])) or self._next_is_trigger(wm.end(), stop):
                    break
            end = wm.end()
        # a time glued to a dangling preposition ("für 2025") is part of the title
        for t in self.times:
            if end <= t.start and t.end <= stop and not self.text[end:t.start].strip() and \
                    self.text[start:end].split()[-1:] and self.text[start:end].split()[-1].lower() in _TIME_GLUE:
                end = t.end
        words = self.text[start:end].split()
        while len(words) > 1 and words[-1].lower() in _DANGLING:
            end = start + self.text[start:end].rstrip().rfind(words[-1]) - 1
            words = words[:-1]
        return start, max(end, hend)

    def _document_trigger_at(self, pos: int) -> bool:
        m = self.lex.trigger_re.match(self.text, pos)
        return bool(m and self.lex.trigger_of(m.lastgroup).documents)

    def _next_is_trigger(self, pos: int, stop: int) -> bool:
        m = self.lex.trigger_re.search(self.text, pos, min(stop, pos + 40))
        return bool(m and not self.text[pos:m.start()].strip())

    def _in_locative_phrase(self, pos: int, lo: int) -> bool:
        """The word at ``pos`` is a locative preposition or the place after one ("в Минске", "in Minsk")."""
        rx = self.lex.locative_re
        if rx is None:
            return False
        here = WORD.match(self.text, pos)
        if here and rx.fullmatch(here.group(0).lower()):
            return True
        before = self._words_before(pos, lo, 1)
        return bool(before and self._mention_type_at(pos) == "place" and rx.fullmatch(before[0]))

    def _mention_type_at(self, pos: int) -> str | None:
        """The entity type of the mention that covers ``pos``, if one does."""
        i = bisect.bisect_right(self.m_starts, pos) - 1
        return self.mentions[i].entity.type if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end else None

    def _is_mention(self, pos: int) -> bool:
        return self._mention_type_at(pos) in ("person", "country")

    def _document_entity(self, start: int, end: int, title: str) -> str:
        for m in self._mentions_in(max(0, start - 1), end + 1):
            if m.entity.type == "document":
                return m.entity.id
        ostart, oend = self._o(start, end)
        otitle = self.doc.text[ostart:oend]
        eid = f"new:document/{slugify(otitle)}"
        ent = self.doc_entities_new.get(eid) or self.by_id.get(eid)
        if ent is None:
            ent = Entity(id=eid, type="document", name=otitle, country=None, mentions=[],
                         extra={"found_by": "events"})
            self.doc_entities_new[eid] = ent
            self.by_id[eid] = ent
            self.entities.append(ent)
        if not any(s.start == ostart and s.end == oend for s in ent.mentions):
            ent.mentions.append(Span(ostart, oend, otitle))
        return eid
