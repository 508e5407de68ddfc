"""The event stage: triggers + clause scope + frames -> OUTPUT.md events.

How it works, per document (one language lexicon, compiled once):

1. One pass of the language's trigger regex, one of its cue regex and one of its clause-break
   regex over the normalised text; entity mentions and times are mapped into the same
   coordinates and bucketed by sentence.
2. Each trigger gets a *clause* (the sentence cut at relative/subordinate clause breaks);
   its participants are the persons, countries, groups and (after "with") organisations
   of that clause. A purpose clause ("um ... zu", "to ...") carries the main clause's
   subject. "the sides" / "die Minister" resolve to what the text introduced.
3. A definite or demonstrative mention of an event already seen ("das Treffen", "during the
   conversation") is more evidence for that event, not a new one.
4. Place and time are the clause's own, else inherited from the frame (the visit or summit
   the event belongs to) when the event sits inside it.
5. Status and modality come from the event's own time against the publication date,
   else from the nearest tense/cue word; cancellation, postponement and denial win.
6. Events with the same class and participants merge: one event, one record.

This module holds steps 1-3 (the per-document run, triggers, clauses, back references); the
other steps live in modules of their own, mixed into the run: ``participants`` (2),
``setting`` (4: place, mode, time), ``status`` (5), ``titles`` (documents signed or adopted)
and ``merging`` (6); ``draft`` has the draft event and the small helpers they share.
"""

from __future__ import annotations

import bisect
import logging
import re
from datetime import date

from communique.documents import Document
from communique.events.draft import (CLASS_OF_KIND, GATHERINGS, SUB_KINDS, WORD, Draft, MentionAt, TimeAt,
                                     day_of, distance, same_time, uniq)
from communique.events.lexicon import Lexicon, Trigger, available_languages, get_lexicon
from communique.events.merging import Merging
from communique.events.participants import ParticipantRules
from communique.events.setting import SettingRules
from communique.events.status import StatusRules
from communique.events.titles import DocumentTitles
from communique.model import Entity, Event, TimeExpr
from communique.normalize import NormText, split_sentences

log = logging.getLogger(__name__)

_LINK_OR_TAG = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)#\w+")
_NAMING_GLUE = re.compile(r"\s*(?:(?:of|the|de|des|du|del|los|las|la|l'|l’|der|des)\s*)*", re.IGNORECASE)
_NEAR = 80  # characters either side of a trigger where its ``near`` words must be
_BETWEEN = re.compile(r"(?:between|zwischen|между|entre|von|of|de|del)\b", re.IGNORECASE)


class EventExtractor:
    """Finds events in one document, given its mentions and times. Stateless between documents."""

    def __init__(self, langs: list[str] | None = None, kb=None) -> None:
        self.lexicons: dict[str, Lexicon] = {}
        for lang in langs or available_languages():
            self.lexicons[lang] = get_lexicon(lang)
        self._kb = kb  # the knowledge base, loaded only when a country the text does not name must be added

    def _country_record(self, cc: str) -> Entity | None:
        """A new entity of country ``cc`` from the knowledge base (no mentions: the text does not name it), or None."""
        if self._kb is None:
            from communique.kb import load_kb  # the process-wide one the linker uses

            self._kb = load_kb()
        rec = self._kb.get(f"kb:country/{cc}")
        if rec is None or rec.get("type") != "country":
            return None
        return Entity(id=rec["id"], type="country", name=rec["name"], country=rec.get("country") or cc,
                      wikidata=rec.get("wikidata"), geonames=rec.get("geonames"), mentions=[])

    def extract(self, doc: Document, norm: NormText, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
        lex = self.lexicons.get((doc.lang or "").lower())
        if lex is None:
            if doc.lang:
                log.debug("%s: no event lexicon for %r", doc.id, doc.lang)
            return []
        # a place named only inside an organisation's name ("МИД России", mentions/nested.py) is no
        # participant, host or place: such entities and mentions stay out (document entities found
        # here are still appended to ``entities``)
        seen = [e for e in entities if not e.mentions or not all(m.nested_in for m in e.mentions)]
        n = len(seen) if len(seen) < len(entities) else -1
        try:
            return _DocRun(doc, norm, seen if n >= 0 else entities, times, lex, all_entities=entities,
                           countries=self._country_record).run()
        except Exception:  # a bug on one odd document must not stop a batch: no events, a logged error
            log.exception("%s: event extraction failed; the record keeps its entities and times", doc.id)
            return []
        finally:
            if n >= 0:
                entities.extend(seen[n:])


class _DocRun(ParticipantRules, SettingRules, StatusRules, DocumentTitles, Merging):
    def __init__(self, doc: Document, norm: NormText, entities: list[Entity], times: list[TimeExpr],
                 lex: Lexicon, all_entities: list[Entity] | None = None, countries=None) -> None:
        self.doc = doc
        self._country_source = countries  # cc -> a new country Entity or None (EventExtractor._country_record)
        # every entity of the record, those named only inside an organisation's name too ("МИД России"): a
        # country to stand for its ministry
        self.all_entities = all_entities if all_entities is not None else entities
        self.norm = norm
        self.text = norm.text
        self.entities = entities
        self.lex = lex
        self.pub: date | None = doc.published.date() if doc.published else None
        self._o2n = None if norm.is_identity else _OrigToNorm(norm)
        self.by_id = {e.id: e for e in entities}
        self.mentions: list[MentionAt] = []
        for ent in entities:
            for m in ent.mentions:
                s, e = self._n(m.start, m.end)
                if e > s and not m.nested_in:  # not a place inside an organisation's name
                    self.mentions.append(MentionAt(s, e, ent))
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self.m_starts = [m.start for m in self.mentions]
        self.times: list[TimeAt] = []
        for t in times:
            s, e = self._n(t.start, t.end)
            if t.interval_start or t.interval_end:
                self.times.append(TimeAt(s, e, t))
        self.times.sort(key=lambda t: t.start)
        # cues and clause breaks are scanned per sentence, only where a trigger is
        self.cues: list[tuple[int, int, str]] = []
        self.breaks: list[tuple[int, int, str]] = []
        self.break_starts: list[int] = []
        self.events: list[Draft] = []
        self.frame: Draft | None = None
        self.doc_entities_new: dict[str, Entity] = {}
        self._sent_triggers: list[tuple[int, int, Trigger]] = []
        self._doc_tense: str | None = None
        self._envoys: dict[int, tuple[int, int]] = {}  # summon trigger start -> its envoy word's span
        self._genders: dict[str, str | None] = {}  # person id -> "f", "m" or None (participants._person_gender)

    # -- coordinates -------------------------------------------------------------------
    def _n(self, start: int, end: int) -> tuple[int, int]:
        return (start, end) if self._o2n is None else self._o2n.span(start, end)

    def _o(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)

    # -- main ---------------------------------------------------------------------------
    def run(self) -> list[Event]:
        lex = self.lex
        triggers = []
        protected = [(m.start, m.end) for m in self.mentions if m.entity.type in ("person", "place", "country")]
        # words inside a link or a hashtag are no events ("https://www.un.org/en/summit-of-the-future")
        links = [(u.start(), u.end()) for u in _LINK_OR_TAG.finditer(self.text)]
        l_starts = [a for a, _ in links]
        p_starts = [p[0] for p in protected]
        for m in lex.trigger_re.finditer(self.text):
            j = bisect.bisect_right(l_starts, m.start()) - 1
            if j >= 0 and links[j][1] > m.start():
                continue
            i = bisect.bisect_left(p_starts, m.end()) - 1
            hit = False
            while i >= 0 and protected[i][0] >= m.start() - 80:
                if protected[i][1] > m.start():
                    hit = True
                    break
                i -= 1
            if hit:
                continue
            trig = lex.trigger_of(m.lastgroup)
            if (trig.near is not None and trig.object_re is None and trig.subject_re is None
                    and not trig.near.search(self.text, max(0, m.start() - _NEAR), min(len(self.text), m.end() + _NEAR))):
                continue  # "summoned" with no ambassador near it (where the envoy must be the verb's object or subject,
                # that test is the stricter one, however long the phrase between: "Der Botschafter wurde nach dem
                # Zwischenfall bei Kaliningrad ins russische Außenministerium einbestellt")
            if trig.not_followed is not None and trig.not_followed.search(self.text, m.end(), m.end() + 60):
                continue  # "summoned (the former ambassador) to testify", "summoned its ambassador home"
            if trig.object_re is not None or trig.subject_re is not None:
                envoy = self._envoy(m.start(), m.end(), trig)
                if envoy is None:
                    continue  # "вызвал беспокойство", "convocó elecciones": no envoy is the one summoned
                self._envoys[m.start()] = envoy
            triggers.append((m.start(), m.end(), trig))
        if not triggers:
            return []
        sentences = split_sentences(self.text)
        ti = 0
        for s_start, s_end in sentences:
            in_sentence = []
            while ti < len(triggers) and triggers[ti][0] < s_end:
                if triggers[ti][0] >= s_start:
                    in_sentence.append(triggers[ti])
                ti += 1
            if in_sentence:
                self._sentence((s_start, s_end), in_sentence)
        merged = self._merge(self.events)
        return self._finish(merged + self._implied_visits(merged))

    def _sentence(self, sent: tuple[int, int], triggers: list[tuple[int, int, Trigger]]) -> None:
        lex = self.lex
        self._sent_triggers = triggers
        special = ([(m.start(), m.end(), m.lastgroup) for m in lex.special_re.finditer(self.text, sent[0], sent[1])]
                   if lex.special_re is not None else [])
        tense = ([(m.start(), m.end(), m.lastgroup) for m in lex.cue_re.finditer(self.text, sent[0], sent[1])]
                 if lex.cue_re is not None else [])
        # "expected", "postponed" are no past tenses: a tense cue inside a specific one does not count
        spans = [(a, b) for a, b, k in special if k != "negated"]
        self.cues = special + [c for c in tense if not any(a <= c[0] and c[1] <= b for a, b in spans)]
        self.breaks = ([(m.start(), m.end(), m.lastgroup) for m in lex.break_re.finditer(self.text, sent[0], sent[1])]
                       if lex.break_re else [])
        self.break_starts = [b[0] for b in self.breaks]
        frame_ref = bool(self.lex.frame_ref_re and self.lex.frame_ref_re.search(self.text, sent[0], sent[1]))
        # document titles first: a trigger word inside a title ("Gegenmaßnahmen") is no event
        titles: dict[int, list[tuple[int, int]]] = {}
        for tstart, tend, trig in triggers:
            if trig.documents:
                titles[tstart] = self._title_spans(self._clause(sent, tstart, tend), tstart, tend)
        inside = [sp for spans in titles.values() for sp in spans]
        made: list[Draft] = []
        for tstart, tend, trig in triggers:
            if any(a <= tstart and tend <= b for a, b in inside):
                continue
            clause = self._clause(sent, tstart, tend)
            back = self._back_reference(sent, tstart, tend, trig, clause)
            if back is not None:
                if sent not in back.evidence:
                    back.evidence.append(sent)
                if trig.frame or back.trigger.frame:
                    self.frame = back
                continue
            ev = Draft(trig, tstart, tend, sent, evidence=[sent])
            for p in made:
                if not (clause[0] <= p.tstart < tstart):
                    continue
                if p.trigger.direction == "summon" and not trig.statement:
                    # "was summoned to the Foreign Office over the missile strike on Kyiv": the summons' sides (the
                    # envoy's state, the ministry) are not the strike's; from the background word on they may be
                    bg = (self.lex.background_re.search(self.text, max(p.tend, tstart - 50), tstart)
                          if self.lex.background_re is not None else None)
                    ev.skip.append((clause[0], bg.start() if bg is not None else p.tend))
                elif p.trigger.statement and not trig.statement:
                    ev.skip.append((clause[0], p.tend))  # the statement's subject is not this event's
                elif self.lex.with_re is not None and self.lex.with_re.search(self.text, p.tend, tstart):
                    ev.skip.append((p.tstart, tstart))  # "talks with X and a visit to Y": X is the talks
            if trig.documents:
                ev.doc_spans = titles.get(tstart, [])
                ev.documents = uniq([self._document_entity(a, b, self.text[a:b]) for a, b in ev.doc_spans])
            ev.arranged = any(c[2] == "arranged" and clause[0] <= c[0] < clause[1]
                              and distance(c[0], c[1], tstart, tend) < 60 for c in self.cues)
            self._participants(ev, clause, sent)
            if ev.dropped:
                continue
            self._place(ev, clause, sent, frame_ref)
            f = self.frame
            if (f is not None and f.trigger.kind in GATHERINGS and trig.kind in SUB_KINDS
                    and (ev.inherited or f.sentence == ev.sentence)):
                # "the SCO summit ended with the adoption of the Tianjin declaration": the summit's organisation
                ev.organizations = uniq(ev.organizations + f.organizations)
            self._mode(ev, clause)
            self._time(ev, clause, sent, frame_ref)
            self._status(ev, clause, sent)
            # two triggers of one class in one clause are one event ("verabschieden und genehmigen")
            twin = next((p for p in made if p.cls == ev.cls and p.participants == ev.participants
                         and (p.trigger.kind in GATHERINGS) == (trig.kind in GATHERINGS)
                         and same_time(p.time, ev.time)), None)
            if twin is not None:
                if self._state(twin.trigger, twin.tstart, sent) and not self._state(trig, tstart, sent):
                    # "Miles de huelguistas manifestaron": the act is the trigger
                    twin.trigger, twin.tstart, twin.tend = trig, tstart, tend
                twin.documents = uniq(twin.documents + ev.documents)
                twin.organizations = uniq(twin.organizations + ev.organizations)
                twin.topics = uniq(twin.topics + ev.topics)
                continue
            made.append(ev)
            self.events.append(ev)
            if trig.frame and (ev.location or ev.time):
                self.frame = ev
        self._visit_purpose(sent, made)
        self._mark_main(sent, made)

    def _visit_purpose(self, sent: tuple[int, int], made: list[Draft]) -> None:
        """"will pay a visit to Brussels to take part in the Eastern Partnership Summit": a visit made to attend a
        gathering of an organisation is a visit to that organisation too; it takes the gathering's organisations."""
        for g in made:
            if g.trigger.kind not in GATHERINGS or not g.organizations:
                continue
            c_start, c_end, carry = self._clause(sent, g.tstart, g.tend)
            if carry is None or carry[2] != "purpose":
                continue
            if self.lex.attend_re is None or not self.lex.attend_re.search(self.text, c_start, c_end):
                continue  # "to discuss the results of the G7 summit": the purpose is no attending (the verb may
                # follow: "um am NATO-Gipfel teilzunehmen")
            for v in made:
                if v.trigger.kind == "visit" and carry[0] <= v.tstart < carry[1]:
                    v.organizations = uniq(v.organizations + g.organizations)

    def _mark_main(self, sent: tuple[int, int], made: list[Draft]) -> None:
        """The sentence's main event: the first typed one that is not in a subordinate clause, not
        the cause or object of another ("after the arrest", "in protest at the killing") and not an
        outcome ("three dead"); the first typed one when every one is. An event noun in the subject
        gives way to the clause's finite verb ("Las manifestaciones ... reclaman", "Una marcha ...
        protestó"): the head verb of the principal clause is what the sentence reports."""
        ranked = []
        for ev in made:
            if ev.trigger.type is None:
                continue
            clause = self._clause(sent, ev.tstart, ev.tend)
            ranked.append(((self._state(ev.trigger, ev.tstart, sent), self._subordinate(sent, clause),
                            self._backgrounded(ev, clause)),
                           ev.tstart, ev, clause))
        if not ranked:
            return
        ranked.sort(key=lambda r: (r[0], r[1]))
        rank, _, best, clause = ranked[0]
        # its own clause may look subordinate: "La huelga, que ..., exigía"
        later = [ev for r, _, ev, _ in ranked[1:] if (r[0], r[2]) == (rank[0], rank[2]) and ev.tstart > best.tstart]
        if self.lex.coordinator_re is not None and not rank[0]:
            # the clause it sits in opens the sentence and the principal clause follows it (a trigger
            # there counts even after a background word: "que protestaban contra la reforma fueron
            # detenidos" is the arrest)
            acts = [ev for r, _, ev, _ in ranked[1:] if not r[0] and ev.tstart > best.tstart]
            verb = self._principal_after(sent, best, [(ev.tstart, ev.tend) for _, _, ev, _ in ranked]) if acts else None
            if verb is not None:
                hit = next((ev for ev in acts if ev.tstart <= verb[0] < ev.tend or ev.tstart == verb[1]), None)
                if hit is not None:
                    hit.main = True
                    return
        if self.lex.finite_re is not None and later and self._nominal(sent, best):
            end = max(ev.tend for ev in later)
            verb = self._head_verb((sent[0], end), clause, best, [(ev.tstart, ev.tend) for _, _, ev, _ in ranked])
            if verb is not None:
                best = next((ev for ev in later if ev.tstart <= verb < ev.tend), best)
        best.main = True

    def _state(self, trig: Trigger, tstart: int, sent: tuple[int, int]) -> bool:
        """An outcome or a state (a `secondary` trigger: "muertos", "detenidos", "acusados"), unless a
        form of *ser* or *haber* makes the participle a passive or perfect act ("fueron detenidos",
        "haber detenido")."""
        if not trig.secondary:
            return False
        rx = self.lex.act_aux_re
        return rx is None or rx.search(self.text, max(sent[0], tstart - 30), tstart) is None

    def _word_before(self, sent: tuple[int, int], pos: int) -> str | None:
        words = WORD.findall(self.text[max(sent[0], pos - 40):pos])
        return words[-1] if words else None

    def _nominal(self, sent: tuple[int, int], ev: Draft) -> bool:
        """A trigger that is a noun: right after an article, a determiner or a preposition, or
        opening its sentence."""
        w = self._word_before(sent, ev.tstart)
        return w is None or bool(self.lex.nominal_re.fullmatch(w))

    def _head_verb(self, sent: tuple[int, int], clause, noun: Draft, spans: list[tuple[int, int]]) -> int | None:
        """(``sent``: the span searched, up to the last candidate trigger.) The start of the first finite verb when it comes after the event noun ``noun`` (the
        noun is then in the subject); None when a finite verb comes before it (the noun is an object or
        an adjunct: "convocó a una jornada de protestas y amenazó ..."). A relative or subordinate
        clause after the noun runs to the next comma ("La huelga, que tiene un pliego de reclamos,
        recrudeció"); one that no comma closes leaves no head verb to find. Endings that nouns share
        ("exigía" / "día", "policía") count only in a trigger (``spans``)."""
        lex = self.lex
        prev: str | None = None
        inside = False  # in a subordinate clause opened after the noun
        last = clause[0]
        for m in WORD.finditer(self.text, clause[0], sent[1]):
            w = m.group()
            gap = self.text[last:m.start()]
            if ";" in gap or ":" in gap:
                return None
            if inside and "," in gap:
                inside = False
            last = m.end()
            if m.start() >= noun.tend and lex.subordinator_re is not None and lex.subordinator_re.fullmatch(w):
                inside = True
            elif (not inside and prev is not None and not lex.nominal_re.fullmatch(prev)
                  and (lex.finite_re.fullmatch(w) or (lex.finite_trigger_re is not None and lex.finite_trigger_re.fullmatch(w)
                                                       and any(a <= m.start() < b for a, b in spans)))):
                return m.start() if m.start() >= noun.tend else None
            prev = w
        return None

    def _finite(self, w: str, prev: str | None, pos: int, spans: list[tuple[int, int]]) -> bool:
        lex = self.lex
        if prev is None:
            return False
        if lex.nominal_re.fullmatch(prev):
            # "los desalojó": an object pronoun that looks like an article, before a preterite
            return (lex.object_clitic_re is not None and lex.object_clitic_re.fullmatch(prev) is not None
                    and lex.preterite_re is not None and lex.preterite_re.fullmatch(w) is not None)
        if lex.finite_re.fullmatch(w):
            return True
        in_trigger = any(a <= pos < b for a, b in spans)
        return in_trigger and ((lex.finite_trigger_re is not None and lex.finite_trigger_re.fullmatch(w) is not None)
                               or (lex.clitic_re is not None and lex.clitic_re.fullmatch(prev) is not None))

    def _principal_after(self, sent: tuple[int, int], best: Draft,
                         spans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """``best`` sits in a relative or subordinate clause that opens the sentence, before any finite
        verb of the principal clause ("Los campesinos que marcharon ayer exigen ...", "Los gremios, que
        se sumaron a la protesta, les piden ...", "Cuando la policía llegó, los manifestantes
        huyeron"): the principal clause resumes at the first finite verb after the subordinate
        clause's own verb, if no coordinator and no further subordinator comes between (a second
        verb of the same clause, a nested clause: no answer). Returns (start of that verb, start of
        the word after it: a trigger there counts too, "fueron detenidos") or None."""
        lex = self.lex
        if lex.subordinator_re is None or lex.subordinator_re.search(self.text, sent[0], best.tstart) is None:
            return None
        opener = False
        own_verb = False
        prev: str | None = None
        last = sent[0]
        it = WORD.finditer(self.text, sent[0], sent[1])
        for m in it:
            w = m.group()
            gap = self.text[last:m.start()]
            last = m.end()
            if ";" in gap or ":" in gap or "\"" in gap or "«" in gap:
                return None
            if not opener:
                if m.start() >= best.tstart:
                    return None
                if lex.subordinator_re.fullmatch(w):
                    opener = True
                elif self._finite(w, prev, m.start(), spans):
                    return None  # the principal clause's verb comes first
            elif lex.subordinator_re.fullmatch(w) or lex.coordinator_re.fullmatch(w):
                return None
            elif self._finite(w, prev, m.start(), spans):
                if not own_verb:
                    own_verb = True
                elif m.start() > best.tstart:
                    nxt = next(it, None)
                    return m.start(), (nxt.start() if nxt is not None else -1)
                else:
                    return None
            prev = w
        return None

    def _subordinate(self, sent: tuple[int, int], clause) -> bool:
        """A clause opened by a relative pronoun, a subordinator or a purpose word (not by a colon,
        semicolon or dash)."""
        if clause[0] <= sent[0]:
            return False
        i = bisect.bisect_right(self.break_starts, clause[0]) - 1
        while i >= 0 and self.breaks[i][0] >= sent[0]:
            a, b, kind = self.breaks[i]
            if b == clause[0]:
                return kind in ("rel", "purpose") or any(ch.isalpha() for ch in self.text[a:b])
            i -= 1
        return False

    def _backgrounded(self, ev: Draft, clause) -> bool:
        start = max(clause[0], ev.tstart - 50)
        rx = self.lex.background_re
        if rx is not None and rx.search(self.text, start, ev.tstart):
            return True
        rx = self.lex.background_by_type.get(ev.trigger.type)
        return bool(rx is not None and rx.search(self.text, start, ev.tstart))

    # -- clause and scope ----------------------------------------------------------------
    def _clause(self, sent: tuple[int, int], tstart: int, tend: int) -> tuple[int, int, int | None]:
        """(clause start, clause end, start of the main clause whose subject carries, or None)."""
        start, end = sent
        carry = None
        i = bisect.bisect_right(self.break_starts, tstart) - 1
        while i >= 0 and self.breaks[i][0] >= sent[0]:
            b = self.breaks[i]
            if b[1] <= tstart:
                start = b[1]
                if b[2] == "rel":
                    carry = (max(sent[0], b[0] - 200), b[0], "rel")
                elif b[2] == "purpose":
                    j = i - 1
                    carry = sent[0]
                    while j >= 0 and self.breaks[j][0] >= sent[0]:
                        if self.breaks[j][2] != "purpose":
                            carry = self.breaks[j][1]
                            break
                        j -= 1
                    carry = (carry, b[0], "purpose")
                break
            i -= 1
        j = bisect.bisect_left(self.break_starts, tend)
        if j < len(self.breaks) and self.breaks[j][0] < sent[1]:
            end = self.breaks[j][0]
        return start, end, carry

    def _envoy(self, tstart: int, tend: int, trig: Trigger) -> tuple[int, int] | None:
        """The span of the envoy word that is the trigger's object ("summoned the Hungarian ambassador") or its
        passive subject ("the ambassador of Azerbaijan was summoned"), else None."""
        if trig.object_re is not None:
            m = trig.object_re.match(self.text, tstart)
            if m is not None:
                return m.span("envoy")
        if trig.subject_re is not None:
            m = trig.subject_re.search(self.text, max(0, tstart - 160), tend)
            if m is not None:
                return m.span("envoy")
        return None

    def _mentions_in(self, start: int, end: int) -> list[MentionAt]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _words_before(self, pos: int, floor: int, n: int = 3) -> list[str]:
        chunk = self.text[max(floor, pos - 60):pos]
        return [w.lower() for w in WORD.findall(chunk)][-n:][::-1]

    def _back_reference(self, sent, tstart: int, tend: int, trig: Trigger, clause) -> Draft | None:
        lex = self.lex
        cls = CLASS_OF_KIND.get(trig.kind) or f"{trig.kind}:{trig.type}"
        # "the conversation" after a phone call is that call
        prior = [e for e in self.events if e.cls == cls or (trig.kind == "talks" and e.cls == "call")]
        if trig.kind in GATHERINGS and self._named_gathering(tstart, tend):
            # "the BRICS summit" after "X and Y met" is not that meeting ("the summit" may be)
            prior = [e for e in prior if e.trigger.kind in GATHERINGS]
        elif any(e.trigger.kind not in GATHERINGS for e in prior):  # "the talks" after a summit and a meeting
            prior = [e for e in prior if e.trigger.kind not in GATHERINGS]
        if not prior or trig.statement:
            return None
        det = None
        for w in self._determiner_words(tstart, clause[0]):
            if lex.indefinite_re and lex.indefinite_re.fullmatch(w):
                det = "indef"
                break
            if lex.definite_re and lex.definite_re.fullmatch(w):
                det = "def"
                break
        if det != "def":
            return None
        target = prior[-1]
        # "the meeting with X" naming someone new is another meeting
        if self.lex.with_re:
            after = self._skip_space(tend)
            w = self.lex.with_re.match(self.text, after) or _BETWEEN.match(self.text, after)
            if w:
                names = self._explicit(w.end(), min(clause[1], w.end() + 80))
                if names and not set(names) <= set(target.participants):
                    return None
        # a clause with a time long before the publication is another (historical) event
        if self.pub is not None:
            for t in self.times:
                if clause[0] <= t.start and t.end <= clause[1]:
                    end = day_of(t.expr.interval_end or t.expr.interval_start)
                    if end is not None and (self.pub - end).days > 365 and not (
                            target.time and day_of(target.time.end) and day_of(target.time.end) < self.pub):
                        return None
        return target

    def _determiner_words(self, pos: int, floor: int, n: int = 3) -> list[str]:
        """The last ``n`` words before ``pos``, nearest first, less those inside a name ("in Den Haag traf": "Den"
        is no article)."""
        chunk_start = max(floor, pos - 60)
        words = [(w.group().lower(), chunk_start + w.start()) for w in WORD.finditer(self.text[chunk_start:pos])][-n:]
        return [w for w, at in reversed(words) if self._mention_type_at(at) not in ("place", "person", "country")]

    def _named_gathering(self, tstart: int, tend: int) -> bool:
        """A summit or session named by its organisation ("the BRICS summit", "sommet de l'OCS")."""
        for m in self._mentions_in(max(0, tstart - 40), min(len(self.text), tend + 40)):
            if m.entity.type != "organization":
                continue
            if m.end <= tstart and not self.text[m.end:tstart].strip(" -\u00a0"):
                return True
            if m.start >= tend and _NAMING_GLUE.fullmatch(self.text[tend:m.start]):
                return True
        return False

    def _skip_space(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def _explicit(self, start: int, end: int) -> list[str]:
        out = []
        for m in self._mentions_in(start, end):
            if m.entity.type in ("person", "group"):
                out.append(m.entity.id)
        return uniq(out)


class _OrigToNorm:
    """Maps original offsets to normalised ones (inverse of NormText's map)."""

    def __init__(self, norm: NormText) -> None:
        self.starts = norm.starts or []
        self.ends = norm.ends or []

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = bisect.bisect_left(self.starts, start)
        e = bisect.bisect_right(self.ends, end)
        return s, max(s, e)
