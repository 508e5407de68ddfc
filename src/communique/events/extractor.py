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
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from communique.documents import Document
from communique.events.lexicon import Lexicon, Trigger, available_languages, get_lexicon
from communique.model import Entity, Event, EventTime, Span, TimeExpr
from communique.normalize import NormText, split_sentences

log = logging.getLogger(__name__)

PARTICIPANT_TYPES = ("person", "country", "group")
CLASS_OF_KIND = {
    "visit": "visit", "meeting": "meet", "talks": "meet", "session": "meet", "summit": "meet",
    "phone_call": "call", "video_call": "call", "signing": "agree", "adoption": "agree",
    "commemoration": "commemoration", "appointment": "appointment",
}
_GATHERINGS = frozenset({"summit", "session"})
_IMPLY_VISIT = frozenset({"signing"})  # a meeting in one side's country is already CONSULT/visit (mode)
SUB_KINDS = frozenset({"meeting", "talks", "signing", "adoption", "commemoration", "session"})
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*", re.UNICODE)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


@dataclass(slots=True)
class _Time:
    start: int
    end: int
    expr: TimeExpr


@dataclass
class _Ev:
    trigger: Trigger
    tstart: int
    tend: int
    sentence: tuple[int, int]
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    location: str | None = None
    time: EventTime | None = None
    own_time: bool = False
    time_span: tuple[int, int] | None = None
    status: str = "unknown"
    modality: str = "asserted"
    documents: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    status_cue: bool = False
    inherited: bool = False
    frame: "_Ev | None" = None
    doc_spans: list[tuple[int, int]] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)  # spans whose mentions belong to another event
    arranged: bool = False  # agreed on, arranged or invited to: ahead
    mode: str | None = None

    @property
    def cls(self) -> str:
        t = self.trigger
        return CLASS_OF_KIND.get(t.kind) or f"{t.kind}:{t.type}"

    @property
    def participants(self) -> list[str]:
        return _uniq(self.actors + self.recipients)


def _uniq(items):
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


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


class EventExtractor:
    """Finds events in one document, given its mentions and times. Stateless between documents."""

    def __init__(self, langs: list[str] | None = None) -> None:
        self.lexicons: dict[str, Lexicon] = {}
        for lang in langs or available_languages():
            self.lexicons[lang] = get_lexicon(lang)

    def extract(self, doc: Document, norm: NormText, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
        lex = self.lexicons.get((doc.lang or "").lower())
        if lex is None:
            if doc.lang:
                log.debug("%s: no event lexicon for %r", doc.id, doc.lang)
            return []
        try:
            return _DocRun(doc, norm, entities, times, lex).run()
        except Exception:  # a bug on one odd document must not stop a batch: no events, a logged error
            log.exception("%s: event extraction failed; the record keeps its entities and times", doc.id)
            return []


class _DocRun:
    def __init__(self, doc: Document, norm: NormText, entities: list[Entity], times: list[TimeExpr],
                 lex: Lexicon) -> None:
        self.doc = doc
        self.norm = norm
        self.text = norm.text
        self.entities = entities
        self.lex = lex
        self.pub: date | None = doc.published.date() if doc.published else None
        self._o2n = None if norm.is_identity else _OrigToNorm(norm)
        self.by_id = {e.id: e for e in entities}
        self.mentions: list[_Mention] = []
        for ent in entities:
            for m in ent.mentions:
                s, e = self._n(m.start, m.end)
                if e > s:
                    self.mentions.append(_Mention(s, e, ent))
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self.m_starts = [m.start for m in self.mentions]
        self.times: list[_Time] = []
        for t in times:
            s, e = self._n(t.start, t.end)
            if t.interval_start or t.interval_end:
                self.times.append(_Time(s, e, t))
        self.times.sort(key=lambda t: t.start)
        # cues and clause breaks are scanned per sentence, only where a trigger is
        self.cues: list[tuple[int, int, str]] = []
        self.breaks: list[tuple[int, int, str]] = []
        self.break_starts: list[int] = []
        self.events: list[_Ev] = []
        self.frame: _Ev | None = None
        self.doc_entities_new: dict[str, Entity] = {}
        self._sent_triggers: list[tuple[int, int, Trigger]] = []
        self._doc_tense: str | None = None

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
            name = m.lastgroup[2:]
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
            triggers.append((m.start(), m.end(), lex.triggers[name]))
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
        made: list[_Ev] = []
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
            ev = _Ev(trig, tstart, tend, sent, evidence=[sent])
            for p in made:
                if not (clause[0] <= p.tstart < tstart):
                    continue
                if p.trigger.statement and not trig.statement:
                    ev.skip.append((clause[0], p.tend))  # the statement's subject is not this event's
                elif self.lex.with_re is not None and self.lex.with_re.search(self.text, p.tend, tstart):
                    ev.skip.append((p.tstart, tstart))  # "talks with X and a visit to Y": X is the talks
            if trig.documents:
                ev.doc_spans = titles.get(tstart, [])
                ev.documents = _uniq([self._document_entity(a, b, self.text[a:b]) for a, b in ev.doc_spans])
            ev.arranged = any(c[2] == "arranged" and clause[0] <= c[0] < clause[1]
                              and _distance(c[0], c[1], tstart, tend) < 60 for c in self.cues)
            self._participants(ev, clause, sent)
            self._place(ev, clause, sent, frame_ref)
            f = self.frame
            if (f is not None and f.trigger.kind in _GATHERINGS and trig.kind in SUB_KINDS
                    and (ev.inherited or f.sentence == ev.sentence)):
                # "the SCO summit ended with the adoption of the Tianjin declaration": the summit's organisation
                ev.organizations = _uniq(ev.organizations + f.organizations)
            self._mode(ev, clause)
            self._time(ev, clause, sent, frame_ref)
            self._status(ev, clause, sent)
            # two triggers of one class in one clause are one event ("verabschieden und genehmigen")
            twin = next((p for p in made if p.cls == ev.cls and p.participants == ev.participants
                         and (p.trigger.kind in _GATHERINGS) == (trig.kind in _GATHERINGS)
                         and _same_time(p.time, ev.time)), None)
            if twin is not None:
                twin.documents = _uniq(twin.documents + ev.documents)
                twin.organizations = _uniq(twin.organizations + ev.organizations)
                continue
            made.append(ev)
            self.events.append(ev)
            if trig.frame and (ev.location or ev.time):
                self.frame = ev

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

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _words_before(self, pos: int, floor: int, n: int = 3) -> list[str]:
        chunk = self.text[max(floor, pos - 60):pos]
        return [w.lower() for w in _WORD.findall(chunk)][-n:][::-1]

    def _back_reference(self, sent, tstart: int, tend: int, trig: Trigger, clause) -> _Ev | None:
        lex = self.lex
        cls = CLASS_OF_KIND.get(trig.kind) or f"{trig.kind}:{trig.type}"
        # "the conversation" after a phone call is that call
        prior = [e for e in self.events if e.cls == cls or (trig.kind == "talks" and e.cls == "call")]
        if trig.kind in _GATHERINGS and self._named_gathering(tstart, tend):
            # "the BRICS summit" after "X and Y met" is not that meeting ("the summit" may be)
            prior = [e for e in prior if e.trigger.kind in _GATHERINGS]
        elif any(e.trigger.kind not in _GATHERINGS for e in prior):  # "the talks" after a summit and a meeting
            prior = [e for e in prior if e.trigger.kind not in _GATHERINGS]
        if not prior or trig.statement:
            return None
        det = None
        for w in self._words_before(tstart, clause[0]):
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
                    end = _d(t.expr.interval_end or t.expr.interval_start)
                    if end is not None and (self.pub - end).days > 365 and not (
                            target.time and _d(target.time.end) and _d(target.time.end) < self.pub):
                        return None
        return target

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
        return _uniq(out)

    def _participants(self, ev: _Ev, clause, sent) -> None:
        lex = self.lex
        c_start, c_end, carry = clause
        pp_end = None
        if ev.trigger.direction == "visit":
            # "During a working visit to Brussels, Zelenskyy met ...": the visit's phrase ends at the comma
            comma = self.text.find(",", ev.tend, c_end)
            if comma >= 0 and not self._mentions_in(c_start, ev.tstart):
                pp_end = comma
                c_end = comma
        ms = self._mentions_in(c_start, c_end)
        if carry is not None:
            carried = [m for m in self._mentions_in(carry[0], carry[1]) if m.entity.type == "person"]
            if carry[2] == "rel":  # "X, who ...": the person right before the comma
                carried = [m for m in carried[-1:] if carry[1] - m.end <= 3]
            ms = carried + ms
        persons = [m for m in ms if m.entity.type in ("person", "group")]
        before: list[str] = []
        after: list[str] = []
        with_pos = None
        if lex.with_re:
            w = lex.with_re.search(self.text, c_start, c_end)
            with_pos = w.start() if w else None
        for m in ms:
            t = m.entity.type
            if m.start < ev.tstart and any(a <= m.start < b for a, b in ev.skip):
                continue
            if t == "organization":
                if m.entity.id not in ev.organizations:
                    ev.organizations.append(m.entity.id)
                if with_pos is not None and m.start > with_pos and not any(p.start > m.end for p in persons):
                    (after if m.start >= ev.tend else before).append(m.entity.id)
                elif m.start < ev.tstart and not persons and (ev.trigger.direction == "subject"
                                                              or ev.trigger.type == "CONSULT"):
                    before.append(m.entity.id)  # "The Foreign Ministry condemns ...", "NATO ministers met"
                continue
            if t not in PARTICIPANT_TYPES:
                continue
            if t == "country" and any(p.entity.country == m.entity.country and (-3 <= p.start - m.end <= 60
                                                                                  or 0 <= m.start - p.end <= 2)
                                      for p in persons):
                continue  # "Prime Minister of Italy Mario Draghi", "el presidente chino": a title
            (before if m.start < ev.tstart else after).append(m.entity.id)
        before, after = _uniq(before), _uniq(after)
        if pp_end is not None and not any(self._etype(x) == "person" for x in before + after):
            subject = self._subject_after(pp_end + 1, sent[1])
            if subject:
                before = [subject] + before
        if not before and not after:
            resolved = self._anaphora(c_start, c_end, carry)
            if resolved is not None:
                kind, ids = resolved
                before = ids
        if (not any(self._etype(x) == "person" for x in before + after) and trig_is_sub_visit(ev, self.frame)):
            who = self._frame_actor()  # "the programme includes a visit to the fortress"
            if who:
                before = [who] + before
        trig = ev.trigger
        if (not before and after and trig.kind in SUB_KINDS and with_pos is not None and ev.tstart < with_pos < ev.tend + 40
                and self.frame is not None):
            # "Planned are talks with X" in a visit's frame: the visitor is the other side
            who = self._frame_actor()
            if who and who not in after:
                before = [who]
        if (not before and not after and trig.kind in SUB_KINDS and self.frame is not None
                and self.frame.trigger.direction == "visit"):
            # "A visit to X ... After the talks a treaty is to be signed": the visit's sides sign it;
            # in the visit's own sentence ("he will visit X, and attend ..."), its subject
            before = _uniq(self.frame.actors if self.frame.sentence == ev.sentence
                           else self.frame.actors + self.frame.recipients)
        if trig.direction == "subject":
            if not before:  # "Moscow rejected ...", "Washington accused Beijing": the capital is the state
                before = self._metonymic_places(ev, ms, before=True)
            if not after:
                after = self._object_fallback(ev, ms, before)
            ev.actors, ev.recipients = before, [x for x in after if x not in before]
        else:
            ev.actors = _uniq(before + after)

    def _object_fallback(self, ev: _Ev, ms: list[_Mention], before: list[str]) -> list[str]:
        """No person or country after a directed trigger: an organisation named after it ("vetoed a UN
        resolution", "sought help from the IMF"), else a place of another country ("withdrew from Kherson")."""
        after = [m for m in ms if m.start >= ev.tend]
        for m in after:
            if m.entity.type == "organization":
                return [m.entity.id]
        own = {self.by_id[x].country for x in before if x in self.by_id}
        for m in after:
            if m.entity.type == "place" and m.entity.country and m.entity.country not in own and not ev.trigger.statement:
                return [m.entity.id]
        if ev.trigger.statement:
            return [x for x in self._metonymic_places(ev, ms, before=False) if self._country(x) not in own][:1]
        return []

    def _metonymic_places(self, ev: _Ev, ms: list[_Mention], before: bool) -> list[str]:
        """Places standing for their state: on the trigger's side, not after a locative ("in Moscow")."""
        out = []
        for m in ms:
            if m.entity.type != "place" or not m.entity.country or (m.start < ev.tstart) != before:
                continue
            words = self._words_before(m.start, max(0, m.start - 40), 1)
            if words and self.lex.locative_re is not None and self.lex.locative_re.fullmatch(words[0]):
                continue
            out.append(m.entity.id)
        return out[-1:] if before else out[:1]

    def _country(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        return e.country if e else None

    def _subject_after(self, pos: int, end: int) -> str | None:
        """The first person after ``pos``, if no trigger (a verb) comes before it."""
        for m in self._mentions_in(pos, end):
            if m.entity.type != "person":
                continue
            if self.lex.trigger_re.search(self.text, pos, m.start):
                return None
            return m.entity.id
        return None

    def _anaphora(self, start: int, end: int, carry) -> tuple[str, list[str]] | None:
        lex = self.lex
        spans = [(start, end)] + ([carry[:2]] if carry else [])
        for s, e in spans:
            if lex.anaphora_plural:
                m = lex.anaphora_plural.search(self.text, s, e)
                if m:
                    return "plural", self._resolve_plural(m.group(0))
            if lex.anaphora_singular:
                m = lex.anaphora_singular.search(self.text, s, e)
                if m:
                    who = self._frame_actor()
                    return ("singular", [who]) if who else None
        return None

    def _frame_actor(self) -> str | None:
        if self.frame and self.frame.actors:
            for a in self.frame.actors:
                if self._etype(a) == "person":
                    return a
            return self.frame.actors[0]
        persons = [m.entity.id for m in self.mentions if m.entity.type == "person"]
        return persons[0] if persons else None

    def _etype(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        return e.type if e else None

    def _resolve_plural(self, phrase: str) -> list[str]:
        """"die Minister", "the sides": the people the text introduced, one per side;
        "the two countries": their countries."""
        ids = self._resolve_plural_people(phrase)
        if _COUNTRY_WORD.search(phrase):
            ccs = [self.by_id[i].country for i in ids if i in self.by_id and self.by_id[i].country]
            countries = [e.id for cc in _uniq(ccs) for e in self.entities if e.type == "country" and e.country == cc]
            if len(countries) >= 2:
                return countries
        return ids

    def _resolve_plural_people(self, phrase: str) -> list[str]:
        persons: list[Entity] = []
        seen = set()
        for m in self.mentions:
            if m.entity.type == "person" and m.entity.id not in seen:
                seen.add(m.entity.id)
                persons.append(m.entity)
        role_word = _role_word(phrase)
        if role_word:
            by_role = [p for p in persons if p.role and role_word in p.role.lower()]
            if len(by_role) >= 2:
                return [p.id for p in by_role]
        chosen: list[str] = []
        covered: set[str | None] = set()
        if self.frame:
            for a in self.frame.participants:
                ent = self.by_id.get(a)
                if ent is not None and ent.type == "person":
                    chosen.append(a)
                    covered.add(ent.country)
        for p in persons:
            if len(chosen) >= 2:
                break
            if p.id in chosen or (p.country in covered and p.country is not None):
                continue
            chosen.append(p.id)
            covered.add(p.country)
        if not chosen and self.frame:
            return list(self.frame.participants)
        if not chosen:  # "Russian-Chinese talks ... The sides signed": the last contact's sides
            for ev in reversed(self.events):
                if ev.cls in ("meet", "call", "visit") and ev.participants:
                    return list(ev.participants)
        return chosen

    # -- place ----------------------------------------------------------------------------
    def _place(self, ev: _Ev, clause, sent, frame_ref: bool) -> None:
        lex = self.lex
        c_start, c_end, _ = clause
        places = [m for m in self._mentions_in(c_start, c_end) if m.entity.type == "place"]
        chosen = None
        for m in places:
            words = self._words_before(m.start, c_start, 2)
            if words and lex.locative_re and lex.locative_re.fullmatch(words[0]):
                chosen = m.entity.id
                break
        if chosen is None and ev.trigger.kind == "visit":
            ms = self._mentions_in(ev.tend, c_end)
            for m in ms:
                # "la gira europea del presidente chino": the guest's title, not where he goes
                if m.entity.type == "country" and not any(
                        p.entity.type == "person" and p.entity.country == m.entity.country
                        and 0 <= m.start - p.end <= 2 for p in ms):
                    chosen = m.entity.id
                    break
        if chosen is None and self._inherits(ev, frame_ref):
            chosen = self.frame.location
            ev.inherited = True
        if chosen is None and places:
            taken = set(ev.participants) if ev.trigger.statement else set()
            chosen = next((m.entity.id for m in places if m.entity.id not in taken), None)
        ev.location = chosen
        if ev.trigger.direction == "visit":
            self._visit_direction(ev)

    def _inherits(self, ev: _Ev, frame_ref: bool) -> bool:
        f = self.frame
        if f is None or f is ev or ev.trigger.frame or ev.trigger.statement:
            return False
        if ev.trigger.kind not in SUB_KINDS:
            return False
        if frame_ref or f.sentence == ev.sentence:
            return True
        parts = set(ev.participants)
        if not parts or parts & set(f.participants):
            return True
        # the host's people ("talks with the Belarusian minister" during a visit to Belarus)
        loc = self.by_id.get(f.location) if f.location else None
        host = {loc.country} if loc is not None and loc.country else set()
        return bool(host & {self.by_id[p].country for p in parts if p in self.by_id})

    def _visit_direction(self, ev: _Ev) -> None:
        loc = self.by_id.get(ev.location) if ev.location else None
        host = loc.country if loc is not None else None
        if host is None:
            return
        parts = ev.participants
        actors, recipients = [], []
        for p in parts:
            ent = self.by_id.get(p)
            cc = ent.country if ent else None
            (recipients if cc == host else actors).append(p)
        host_entity = next((e.id for e in self.entities if e.type == "country" and e.country == host), None)
        if host_entity and host_entity not in recipients:
            recipients.append(host_entity)
        elif host_entity is None and not recipients and ev.location:
            recipients.append(ev.location)  # "visited Athens": the host is the place's country
        ev.actors, ev.recipients = actors, recipients

    # -- PLOVER mode -------------------------------------------------------------------------
    def _mode(self, ev: _Ev, clause) -> None:
        trig = ev.trigger
        ev.mode = trig.mode
        if ev.mode is None:
            for mode, rx in self.lex.type_modes.get(trig.type or "", ()):
                if rx.search(self.text, ev.tstart, ev.tend) or rx.search(self.text, clause[0], clause[1]):
                    ev.mode = mode
                    break
        if trig.place_actor and not ev.actors:
            # "workers went on strike in Chile", "thousands marched in Paris": where they are is who they are
            placed = self._after_locative(clause)
            where = placed or ev.location
            if where:
                ev.actors = [where]
                ev.recipients = [r for r in ev.recipients if r != where]
                # "marched in Paris against the reform": the target is that country's government
                if (not ev.recipients and self.lex.against_re is not None
                        and self.lex.against_re.search(self.text, ev.tend, clause[1])):
                    ev.recipients = [where]
        if ev.mode is None and trig.type == "CONSULT" and trig.kind in ("meeting", "talks") and ev.location:
            self._consult_place_mode(ev)

    def _after_locative(self, clause) -> str | None:
        lex = self.lex
        if lex.locative_re is None:
            return None
        for m in self._mentions_in(clause[0], clause[1]):
            if m.entity.type in ("country", "place"):
                words = self._words_before(m.start, clause[0], 1)
                if words and lex.locative_re.fullmatch(words[0]):
                    return m.entity.id
        return None

    def _consult_place_mode(self, ev: _Ev) -> None:
        """A meeting in one side's country is a visit by the other side; in a third country, third-party."""
        loc = self.by_id.get(ev.location)
        host = loc.country if loc is not None else None
        if not host:
            return
        parts = ev.participants
        ccs = {p: (self.by_id[p].country if p in self.by_id else None) for p in parts}
        known = {c for c in ccs.values() if c}
        if len(known) < 2:
            return
        if host in known:
            ev.mode = "visit"
            ev.actors = [p for p in parts if ccs[p] != host]
            ev.recipients = [p for p in parts if ccs[p] == host]
        else:
            ev.mode = "third-party"

    # -- time -------------------------------------------------------------------------------
    def _time(self, ev: _Ev, clause, sent, frame_ref: bool) -> None:
        c_start, c_end, _ = clause
        cands = [t for t in self.times if c_start <= t.start and t.end <= c_end]
        if not cands:
            others = [t for t in self.times if sent[0] <= t.start and t.end <= sent[1]]
            # a time in another clause belongs to this event only if no other clause has a trigger
            cands = others if others and not self._other_triggers_claim(ev, others) else []
        if ev.arranged:  # "after a call on Thursday they agreed on a summit": Thursday is the call's
            cands = [t for t in cands if t.start >= ev.tend]
        cands = [t for t in cands if t.expr.type in ("DATE", "TIME")
                 and t.expr.granularity not in ("century", "decade")
                 and (t.expr.extra or {}).get("relation") != "since"  # "their first meeting since 2019"
                 and not any(a <= t.start and t.end <= b for a, b in ev.doc_spans)]
        if ev.doc_spans:  # a time between the object and a verb-final trigger belongs to the object
            first = min(a for a, _ in ev.doc_spans)
            cands = [t for t in cands if not (first <= t.start and t.end <= ev.tstart)]
        if cands:
            best = min(cands, key=lambda t: _distance(t.start, t.end, ev.tstart, ev.tend))
            group = [best]
            for t in cands:  # "21. und 22. November" as two TIMEs: one interval
                if t is not best and t.expr.granularity == best.expr.granularity and _adjacent(self.text, t, best):
                    group.append(t)
            rng = (best.expr.extra or {}).get("range")
            if rng:  # "31 августа — 1 сентября": the other end of the range, even across a dash
                group += [t for t in self.times if t not in group and (t.expr.extra or {}).get("range") == rng
                          and _distance(t.start, t.end, best.start, best.end) < 8]
            ev.time = _event_time(group, self.text)
            ev.own_time = True
            ev.time_span = (min(t.start for t in group), max(t.end for t in group))
            f = self.frame
            if f is not None and f.time and ev.inherited and not _within(ev.time, f.time):
                ev.location, ev.inherited = None, False  # keeps its own time: not in the frame
            return
        if self._inherits(ev, frame_ref) and self.frame.time:
            ev.time = self.frame.time
            ev.inherited = True

    def _other_triggers_claim(self, ev: _Ev, times: list[_Time]) -> bool:
        """A time in another clause of the sentence is that clause's if the clause has a trigger."""
        for t in times:
            c_start, c_end, _ = self._clause(ev.sentence, t.start, t.end)
            if any(c_start <= ts < c_end and ts != ev.tstart for ts, _, _ in self._sent_triggers):
                return True
        return False

    # -- status -----------------------------------------------------------------------------
    def _status(self, ev: _Ev, clause, sent) -> None:
        c_start, c_end, carry = clause
        cues = [c for c in self.cues if sent[0] <= c[0] < sent[1]]
        local = [c for c in cues if c_start <= c[0] < c_end
                 or (carry and carry[2] == "purpose" and carry[0] <= c[0] < carry[1])]
        near = [c for c in cues if abs(c[0] - ev.tstart) < 90]
        for special in ("cancelled", "postponed", "denied"):
            if ev.trigger.statement:
                break
            if any(c[2] == special for c in local + near):
                ev.status, ev.status_cue = special, True
                break
        if any(c[2] == "negated" and 0 <= ev.tstart - c[1] < 40 for c in local):
            ev.modality = "negated"
        if any(c[2] == "possible" for c in local):
            ev.modality = "possible"
        if ev.status in ("cancelled", "postponed", "denied"):
            return
        if ev.arranged and not (ev.own_time and ev.time and _d(ev.time.end) and self.pub and _d(ev.time.end) < self.pub):
            ev.status, ev.status_cue = "planned", True
            return
        if ev.own_time and self.pub and ev.time:
            end = _d(ev.time.end or ev.time.start)
            start = _d(ev.time.start or ev.time.end)
            if end and end < self.pub:
                ev.status, ev.status_cue = "occurred", True
                if end.year < self.pub.year - 1 or any(c[2] == "historical" for c in cues):
                    if end.year < self.pub.year:
                        ev.modality = "historical"
                return
            if start and start > self.pub:
                ev.status, ev.status_cue = "planned", True
                if any(c[2] == "expected" for c in cues):
                    ev.modality = "expected"
                return
        tense = [c for c in local if c[2] in ("planned", "occurred")]
        if not tense:
            tense = [c for c in cues if c[2] in ("planned", "occurred")]
        if tense:
            best = min(tense, key=lambda c: _distance(c[0], c[1], ev.tstart, ev.tend))
            ev.status, ev.status_cue = best[2], True
        elif ev.inherited and self.frame is not None:
            ev.status = self.frame.status
        elif ev.trigger.statement:
            ev.status = "occurred"  # the text states it ("Russia condemns ...")
        else:
            ev.status = self._document_tense()
        if ev.status == "planned" and any(c[2] == "expected" for c in cues) and ev.modality == "asserted":
            ev.modality = "expected"

    def _document_tense(self) -> str:
        """The document's prevailing tense, for an event whose sentence has no cue (a guess)."""
        if self._doc_tense is None:
            counts = {"planned": 0, "occurred": 0}
            # "expected", "postponed" are no past tenses: a tense cue inside a specific one does not count
            spans = ([(m.start(), m.end()) for m in self.lex.special_re.finditer(self.text) if m.lastgroup != "negated"]
                     if self.lex.special_re is not None else [])
            if self.lex.cue_re is not None:
                for m in self.lex.cue_re.finditer(self.text):
                    if m.lastgroup in counts and not any(a <= m.start() and m.end() <= b for a, b in spans):
                        counts[m.lastgroup] += 1
            p, o = counts["planned"], counts["occurred"]
            self._doc_tense = "unknown" if p == o else ("planned" if p > o else "occurred")
        return self._doc_tense

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
        for wm in reversed(list(_WORD.finditer(self.text, max(lo, hstart - 80), hstart))):
            w = wm.group(0).lower()
            between = self.text[wm.end():start]
            if between.strip() or wm.end() > start:
                break
            if ((lex.definite_re and lex.definite_re.fullmatch(w)) or (lex.indefinite_re and lex.indefinite_re.fullmatch(w))
                    or (lex.with_re and lex.with_re.fullmatch(w)) or w in lex.coordinators
                    or (wm.start() < tend and wm.end() > tstart) or self._is_mention(wm.start())):
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
        for wm in _WORD.finditer(self.text, hend, stop):
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
        return bool(m and self.lex.triggers[m.lastgroup[2:]].documents)

    def _next_is_trigger(self, pos: int, stop: int) -> bool:
        m = self.lex.trigger_re.search(self.text, pos, min(stop, pos + 40))
        return bool(m and not self.text[pos:m.start()].strip())

    def _is_mention(self, pos: int) -> bool:
        i = bisect.bisect_right(self.m_starts, pos) - 1
        return i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end and self.mentions[i].entity.type in (
            "person", "country")

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

    # -- merging and output -----------------------------------------------------------------------
    def _merge(self, events: list[_Ev]) -> list[_Ev]:
        out: list[_Ev] = []
        for ev in events:
            target = None
            if ev.trigger.kind in _GATHERINGS:
                # a document tells of one summit: its headline, its dates, "on its sidelines"
                target = next((prev for prev in out if prev.trigger.kind == ev.trigger.kind
                               and prev.status == ev.status
                               and (not prev.location or not ev.location or prev.location == ev.location)
                               and (prev.time is None or ev.time is None or _same_time(prev.time, ev.time))
                               and (not prev.organizations or not ev.organizations
                                    or set(prev.organizations) & set(ev.organizations))), None)
                if target is not None:
                    target.actors = _uniq(target.actors + [a for a in ev.actors if a not in target.recipients])
                    target.recipients = _uniq(target.recipients + [r for r in ev.recipients if r not in target.actors])
            if target is None and ev.participants:
                for prev in out:
                    if (prev.cls == ev.cls and set(prev.participants) == set(ev.participants)
                            and (prev.trigger.kind in _GATHERINGS) == (ev.trigger.kind in _GATHERINGS)
                            and _same_time(prev.time, ev.time) and prev.status == ev.status
                            and (not ev.documents or not prev.documents or ev.documents == prev.documents)):
                        target = prev
                        break
            if target is None:
                out.append(ev)
                continue
            for s in ev.evidence:
                if s not in target.evidence:
                    target.evidence.append(s)
            target.documents = _uniq(target.documents + ev.documents)
            target.organizations = _uniq(target.organizations + ev.organizations)
            target.location = target.location or ev.location
            if target.time is None and ev.time is not None:
                target.time = ev.time
        return self._bilateral_summits(out)

    def _host_country(self, ev: _Ev) -> str | None:
        loc = self.by_id.get(ev.location) if ev.location else None
        if loc is not None and loc.type in ("place", "country") and loc.country:
            return loc.country
        # "in the Kremlin", "en el Palacio del Elíseo": an institution of one country as the place
        for a, b in ev.evidence:
            for m in self._mentions_in(a, b):
                if m.entity.type == "organization" and m.entity.id in ev.organizations and m.entity.country \
                        and _LOCATIVE_BEFORE.search(self.text, max(a, m.start - 20), m.start):
                    return m.entity.country
        return None

    def _implied_visits(self, events: list[_Ev]) -> list[_Ev]:
        """'Putin and Kim signed a treaty in Pyongyang': a leader who meets, talks or signs in another
        country with its side is on a visit there. Only for a document that names no visit itself."""
        if any(e.trigger.kind == "visit" for e in events):
            return []
        visit = next((t for t in self.lex.triggers.values() if t.kind == "visit"), None)
        if visit is None:
            return []
        out: list[_Ev] = []
        for ev in events:
            if ev.trigger.kind not in _IMPLY_VISIT or ev.status not in ("occurred", "planned") \
                    or ev.modality == "historical":
                continue
            host = self._host_country(ev)
            if host is None:
                continue
            guests = [i for i in ev.participants if self._etype(i) == "person"
                      and self.by_id[i].country and self.by_id[i].country != host]
            hosts = [i for i in ev.participants if i in self.by_id and self.by_id[i].country == host
                     and self._etype(i) in ("person", "country")]
            if not guests or not hosts or len({self.by_id[g].country for g in guests}) > 1:
                continue
            if any(set(v.actors) == set(guests) for v in out):
                continue
            v = _Ev(visit, ev.tstart, ev.tend, ev.sentence, actors=guests, recipients=hosts,
                    location=ev.location, time=ev.time, own_time=ev.own_time, status=ev.status,
                    modality=ev.modality, evidence=list(ev.evidence), status_cue=ev.status_cue, mode=visit.mode)
            out.append(v)
        return out

    def _countries(self, ev: _Ev) -> set[str]:
        out = set()
        for i in ev.participants:
            e = self.by_id.get(i)
            if e is not None and e.type in ("country", "person") and e.country:
                out.add(e.country)
        return out

    def _bilateral_summits(self, events: list[_Ev]) -> list[_Ev]:
        """'The Russian-American summit ended. Putin and Trump held talks': a summit of two countries
        with no organisation is their leaders' meeting or talks of the same document."""
        out = list(events)
        for ev in events:
            if ev.trigger.kind != "summit" or ev.organizations:
                continue
            cs = self._countries(ev)
            if not cs or len(cs) > 2:
                continue
            target = next((m for m in out if m.trigger.kind in ("meeting", "talks") and m.status == ev.status
                           and len(self._countries(m)) == 2 and cs <= self._countries(m)
                           and (m.time is None or ev.time is None or _same_time(m.time, ev.time))), None)
            if target is None:
                continue
            out.remove(ev)
            target.evidence = sorted(set(target.evidence) | set(ev.evidence))
            target.location = target.location or ev.location
            target.time = target.time or ev.time
        return out

    def _finish(self, events: list[_Ev]) -> list[Event]:
        out = []
        for i, ev in enumerate(sorted(events, key=lambda e: (e.evidence[0][0], e.tstart)), start=1):
            evidence = []
            for s, e in sorted(ev.evidence):
                os_, oe = self._o(s, e)
                evidence.append(Span(os_, oe))
            ts, te = self._o(ev.tstart, ev.tend)
            conf = ev.trigger.weight
            conf += 0.08 if ev.participants else -0.15
            conf += 0.05 if len(ev.participants) >= 2 else 0.0
            conf += 0.04 if ev.location else 0.0
            conf += 0.04 if ev.time else 0.0
            conf += 0.04 if ev.status_cue else -0.05
            conf += 0.02 * min(len(ev.evidence) - 1, 3)
            status = ev.status
            out.append(Event(
                id=f"e{i}", kind=ev.trigger.kind, type=ev.trigger.type, mode=ev.mode,
                status=status, modality=ev.modality, actors=list(ev.actors), recipients=list(ev.recipients),
                location=ev.location, time=ev.time or EventTime(), documents=list(ev.documents),
                organizations=list(ev.organizations), evidence=evidence,
                confidence=max(0.05, min(0.98, conf)),
                extra={"trigger": {"start": ts, "end": te, "text": self.doc.text[ts:te]}},
            ))
        return out


_COUNTRY_WORD = re.compile(r"стран|länder|countries|pays|pa[ií]ses", re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:in|at|en|à|au|im|в|во)\s+(?:(?:the|el|la|le|l['’]|der|dem)\s*)?$",
                              re.IGNORECASE)
_LINK_OR_TAG = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)#\w+")
_NAMING_GLUE = re.compile(r"\s*(?:(?:of|the|de|des|du|del|los|las|la|l'|l’|der|des)\s*)*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|zwischen|между|entre|von|of|de|del)\b", re.IGNORECASE)
_TIME_GLUE = frozenset("für for на pour para".split())  # "Konsultationsplan ... für 2025"
_DANGLING = frozenset("für for на по pour para de del des of on über zu zur zum im in au du sur".split())


def _role_word(phrase: str) -> str | None:
    p = phrase.lower()
    for key, word in (("minist", "minister"), ("präsident", "president"), ("presiden", "president"),
                      ("президент", "president"), ("министр", "minister"), ("chancel", "chancellor"),
                      ("kanzler", "chancellor")):
        if key in p:
            return word
    return None


def _d(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def trig_is_sub_visit(ev: _Ev, frame: _Ev | None) -> bool:
    return ev.trigger.kind == "visit" and frame is not None and frame is not ev and frame.trigger.kind == "visit"


def _distance(s: int, e: int, ts: int, te: int) -> int:
    if e <= ts:
        return ts - e
    if s >= te:
        return (s - te) + 1
    return 0


def _adjacent(text: str, a: _Time, b: _Time) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    gap = text[lo.end:hi.start]
    return len(gap) <= 8 and bool(re.fullmatch(r"\s*(?:[-–—/]|und|and|bis|и|по|et|au|y|al|to|–)?\s*", gap))


def _event_time(group: list[_Time], text: str) -> EventTime:
    starts = [t.expr.interval_start for t in group if t.expr.interval_start]
    ends = [t.expr.interval_end for t in group if t.expr.interval_end]
    g = sorted(group, key=lambda t: t.start)
    return EventTime(start=min(starts) if starts else None, end=max(ends) if ends else None,
                     granularity=g[0].expr.granularity,
                     text=g[0].expr.text if len(g) == 1 else text[g[0].start:g[-1].end])


def _same_time(a: EventTime | None, b: EventTime | None) -> bool:
    if a is None or b is None:
        return True
    return a.start == b.start and a.end == b.end


def _within(inner: EventTime, outer: EventTime) -> bool:
    if not (inner.start and outer.start and outer.end):
        return True
    return outer.start <= inner.start and (inner.end or inner.start) <= outer.end


class _OrigToNorm:
    """Maps original offsets to normalised ones (inverse of NormText's map)."""

    def __init__(self, norm: NormText) -> None:
        self.starts = norm.starts or []
        self.ends = norm.ends or []

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = bisect.bisect_left(self.starts, start)
        e = bisect.bisect_right(self.ends, end)
        return s, max(s, e)
