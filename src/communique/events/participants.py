"""Who takes part in an event: actors and recipients from the clause, anaphora and plurals."""

from __future__ import annotations

import re

from communique.events.draft import PARTICIPANT_TYPES, SUB_KINDS, WORD, Draft, MentionAt, is_sub_visit, uniq
from communique.model import Entity

# where a war is fought or troops move, the place named is where the event happens, topic phrase or not
# ("hostilities in Mariupol", "the war in Donbas")
_IN_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
_COUNTRY_WORD = re.compile(r"стран|länder|countries|pays|pa[ií]ses", re.IGNORECASE)


def _role_word(phrase: str) -> str | None:
    p = phrase.lower()
    for key, word in (("minist", "minister"), ("präsident", "president"), ("presiden", "president"),
                      ("президент", "president"), ("министр", "minister"), ("chancel", "chancellor"),
                      ("kanzler", "chancellor")):
        if key in p:
            return word
    return None


class ParticipantRules:
    """Mixed into the per-document run (``communique.events.extractor``); uses its state."""

    def _participants(self, ev: Draft, clause, sent) -> None:
        lex = self.lex
        c_start, c_end, carry = clause
        self._topics(ev, c_start, c_end)
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
            if (m.start, m.end) in ev.topic_spans:
                continue  # "talks with Erdogan on the situation in Syria": what they talk about, not a side
            if t == "country" and any(p.entity.country == m.entity.country and (-3 <= p.start - m.end <= 60
                                                                                  or 0 <= m.start - p.end <= 2
                                                                                  or p.start <= m.start < p.end)
                                      for p in persons):
                continue  # "Prime Minister of Italy Mario Draghi", "el presidente chino": a title (also inside a person
                # named by the role alone: "визит премьер-министра Индии")
            (before if m.start < ev.tstart else after).append(m.entity.id)
        if (ev.trigger.direction == "visit" and ev.skip and lex.visit_possessive_re is not None
                and lex.visit_possessive_re.search(self.text, max(c_start, ev.tstart - 50), ev.tstart)):
            # "met with Scholz during his visit to Kyiv": the visit may be Scholz's; the place tells who visits (the
            # people after "with" only, not a statement's subject: "X thanked ... expressed by Y during her visit")
            withs = [(w.end(), b) for a, b in ev.skip if lex.with_re is not None
                     for w in [lex.with_re.search(self.text, a, b)] if w is not None]
            before += [m.entity.id for m in ms if m.entity.type == "person" and m.start < ev.tstart
                       and any(a <= m.start < b for a, b in withs)]
        if ev.trigger.direction == "summon":
            ev.actors, ev.recipients = self._summon_sides(ev, sent)
            return
        before, after = uniq(before), uniq(after)
        if pp_end is not None and not any(self._etype(x) == "person" for x in before + after):
            subject = self._subject_after(pp_end + 1, sent[1])
            if subject:
                before = [subject] + before
        if not before and not after:
            resolved = self._anaphora(c_start, c_end, carry)
            if resolved is not None:
                kind, ids = resolved
                before = ids
        if (not any(self._etype(x) == "person" for x in before + after) and is_sub_visit(ev, self.frame)):
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
        pron = (lex.pronoun_re.search(self.text, c_start, ev.tstart)
                if (before or after) and self.frame is not None and lex.pronoun_re is not None else None)
        if pron is not None and self.frame.sentence != ev.sentence and (
                WORD.search(self.text, sent[0], pron.start()) or self._pronoun_gender(pron.start()) is None
                or any(m.entity.type == "person" for m in self._mentions_in(self.frame.sentence[1], pron.start()))):
            # in a later sentence, only a pronoun that opens it, is singular ("Sie traf dort Präsident Selenskyj", not
            # "Sie trafen ...") and follows the frame's sentence with no other person named between
            pron = None
        if pron is not None and not any(m.entity.type in ("person", "group") and m.start < pron.start() for m in ms):
            # "will travel to China, where he will meet Xi Jinping", "wo er mit Xi zusammentreffen wird": a subject
            # pronoun in the frame's own sentence, or opening a later one ("She met President Zelenskyy there"), with no
            # person before it in the clause, is the frame's actor
            who = self._frame_actor(self._pronoun_gender(pron.start()), pron.start())
            if who and who not in before + after:
                before = [who] + before
        if (not before and not after and trig.kind in SUB_KINDS and self.frame is not None
                and self.frame.trigger.direction == "visit"):
            # "A visit to X ... After the talks a treaty is to be signed": the visit's sides sign it;
            # in the visit's own sentence ("he will visit X, and attend ..."), its subject
            before = uniq(self.frame.actors if self.frame.sentence == ev.sentence
                           else self.frame.actors + self.frame.recipients)
        if trig.direction == "subject":
            if not before:  # "Moscow rejected ...", "Washington accused Beijing": the capital is the state
                before = self._metonymic_places(ev, ms, before=True)
            if not after:
                after = self._object_fallback(ev, ms, before)
            ev.actors, ev.recipients = before, [x for x in after if x not in before]
        else:
            ev.actors = uniq(before + after)

    def _topics(self, ev: Draft, start: int, end: int) -> None:
        """Countries and places named inside a topic phrase of the clause ("on the situation in Syria", "по
        сирийскому урегулированию", "sur la crise syrienne"): the event's topics, neither sides nor the venue."""
        lex = self.lex
        # a preposition alone makes a topic of an undirected event's country only: "talks about Syria", but
        # "complained about Azerbaijani shelling" names the target
        befores = [rx for rx in (lex.topic_before_re, lex.topic_bare_re if ev.trigger.direction != "subject" else None)
                   if rx is not None]
        if (not befores and lex.topic_after_re is None) or ev.trigger.type in _IN_PLACE_TYPES:
            return
        spans, ids = set(), []
        last = None
        for m in self._mentions_in(start, end):
            if m.entity.type not in ("country", "place"):
                continue
            if (any(rx.search(self.text, max(start, m.start - 80), m.start) for rx in befores)
                    or (lex.topic_after_re is not None and lex.topic_after_re.match(self.text, m.end, end))
                    or (last is not None and self._coordinated(last, m.start))):
                spans.add((m.start, m.end))
                ids.append(m.entity.id)
                last = m.end
        ev.topic_spans = frozenset(spans)
        ev.topics = uniq(ids)

    def _summon_sides(self, ev: Draft, sent) -> tuple[list[str], list[str]]:
        """Summoning an ambassador: the summoning state accuses the envoy's. The recipient is the country named
        at an envoy word ("the Polish ambassador", "посла Польши", "l'ambassadeur de Russie"); the actor is the
        summoning ministry's country ("в МИД России", "ins Auswärtige Amt"; the ministry itself where the text names
        no such country), else a state before an active trigger ("Germany will summon")."""
        ms = [m for m in self._mentions_in(sent[0], sent[1])]
        recipients: list[str] = []
        envoy = self._envoys.get(ev.tstart)
        words = ([envoy] if envoy is not None else
                 [w.span() for w in ev.trigger.near.finditer(self.text, max(sent[0], ev.tstart - 80),
                                                             min(sent[1], ev.tend + 80))])
        for w_start, w_end in words:
            best = None
            for m in ms:
                if m.entity.type not in ("country", "person") or not m.entity.country:
                    continue
                gap = m.start - w_end if m.start >= w_end else (w_start - m.end if m.end <= w_start else None)
                if gap is None or gap > (20 if m.start >= w_end else 4):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, m)
            if best is not None:
                m = best[1]
                recipients.append(m.entity.id if m.entity.type == "country" else self._state_of(m.entity))
        recipients = uniq(recipients)
        theirs = {self._country(x) for x in recipients}
        if envoy is not None and envoy[0] >= ev.tend and theirs:
            # the summoner before an active verb is of the envoy's own state ("Zelensky summoned Ukraine's
            # ambassadors to Kyiv"): a state convening its own envoys, no protest
            subj = [m for m in ms if m.end <= ev.tstart and m.entity.type in ("person", "country", "place", "organization")
                    and m.entity.country]
            if subj and subj[-1].entity.country in theirs:
                ev.dropped = True
                return [], []
        actors: list[str] = []
        for m in ms:
            e = m.entity
            if e.type == "organization" and e.country and e.country not in theirs:
                actors = [self._state_of(e)]  # "ins Auswärtige Amt": Germany, named or not
                break
        if not actors:
            # the subject of an active verb: "Germany will summon", "Moscow summoned" (the last one before the verb);
            # not a name after a locative word nor one between a passive's envoy and its verb ("Polens Botschafter
            # wurde nach Vorfällen bei Kaliningrad einbestellt": no summoner named)
            stop = envoy[0] if envoy is not None and envoy[0] < ev.tstart else ev.tstart
            rx = self.lex.locative_re
            for m in ms:
                e = m.entity
                if m.end <= stop and e.type in ("country", "place") and e.country and e.country not in theirs:
                    words = self._words_before(m.start, sent[0], 1)
                    if not (words and rx is not None and rx.fullmatch(words[0])):
                        actors = [e.id]
        return actors, [x for x in recipients if x not in actors]

    def _state_of(self, ent: Entity) -> str:
        """The state a ministry or an envoy stands for: the record's entity of its country (one named only inside an
        organisation's name too: "МИД России"); where the text names that country nowhere ("ins Auswärtige Amt"), a
        country entity added to the record from the knowledge base, with no mentions (nothing in the text is its
        name) and ``implied_by``: the id of the entity it comes from; else ``ent`` itself."""
        found = self._country_entity(ent.country, "")
        if found:
            return found
        eid = f"kb:country/{ent.country}"
        if eid in self.by_id:
            return eid
        made = self._country_source(ent.country) if self._country_source is not None else None
        if made is None:
            return ent.id
        made.extra["found_by"] = "events"
        made.extra["implied_by"] = ent.id
        self.by_id[made.id] = made
        self.entities.append(made)
        return made.id

    def _country_entity(self, cc: str, default: str) -> str:
        """The record's entity of country ``cc`` (one named only inside an organisation's name too), else ``default``."""
        for e in self.all_entities:
            if e.type == "country" and e.country == cc:
                return e.id
        return default

    def _coordinated(self, end: int, start: int) -> bool:
        """Only a comma or a coordinator between two names: "the situation in Syria and Libya"."""
        gap = self.text[end:start]
        words = WORD.findall(gap)
        if not words:
            return gap.strip() == ","
        return len(words) == 1 and words[0].lower() in self.lex.coordinators and not gap.replace(words[0], "").strip(" ,")

    def _object_fallback(self, ev: Draft, ms: list[MentionAt], before: list[str]) -> list[str]:
        """No person or country after a directed trigger: an organisation named after it ("vetoed a UN
        resolution", "sought help from the IMF"), else a place of another country ("withdrew from Kherson")."""
        after = [m for m in ms if m.start >= ev.tend]
        for i, m in enumerate(after):
            if m.entity.type == "organization":
                out, last = [m.entity.id], m.end
                for n in after[i + 1:]:  # "sanctions on Rosneft and Lukoil": both
                    if n.entity.type != "organization" or not self._coordinated(last, n.start):
                        break
                    out.append(n.entity.id)
                    last = n.end
                return uniq(out)
        own = {self.by_id[x].country for x in before if x in self.by_id}
        for m in after:
            if (m.entity.type == "place" and m.entity.country and m.entity.country not in own and not ev.trigger.statement
                    and (m.start, m.end) not in ev.topic_spans):
                return [m.entity.id]
        if ev.trigger.statement:
            return [x for x in self._metonymic_places(ev, ms, before=False) if self._country(x) not in own][:1]
        return []

    def _metonymic_places(self, ev: Draft, ms: list[MentionAt], before: bool) -> list[str]:
        """Places standing for their state: on the trigger's side, not after a locative ("in Moscow")."""
        out = []
        for m in ms:
            if (m.entity.type != "place" or not m.entity.country or (m.start < ev.tstart) != before
                    or (m.start, m.end) in ev.topic_spans):
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
                    who = self._frame_actor(self._pronoun_gender(m.start()), m.start())
                    return ("singular", [who]) if who else None
        return None

    def _frame_actor(self, gender: str | None = None, pos: int | None = None) -> str | None:
        """Who "he", "she", "the minister" is: the frame's person actor, else the document's first person. With the
        pronoun's gender ("f", "m": "she", "она", "la ministre") and position: a person the text gives that gender
        and names in the 250 characters before the pronoun comes first ("He was received by Ms Baerbock. She
        signed ..."), and a person of the other gender never (then the frame's or the document's first person of
        this gender, else of none known)."""
        who = self._frame_actor_plain()
        if gender is None or (who is not None and self._person_gender(who) == gender):
            return who
        if pos is not None:
            recent = [m.entity.id for m in self._mentions_in(max(0, pos - 250), pos) if m.entity.type == "person"]
            same = [x for x in recent if self._person_gender(x) == gender]
            if same:
                return same[-1]
        if who is None or self._etype(who) != "person" or self._person_gender(who) is None:
            return who
        people = []
        if self.frame:
            people = [x for x in self.frame.actors + self.frame.recipients if self._etype(x) == "person"]
        people = uniq(people + [m.entity.id for m in self.mentions if m.entity.type == "person"])
        return (next((x for x in people if self._person_gender(x) == gender), None)
                or next((x for x in people if self._person_gender(x) is None), None))

    def _pronoun_gender(self, pos: int) -> str | None:
        for g, rx in self.lex.pron_gender.items():
            if rx.match(self.text, pos):
                return g
        return None

    def _person_gender(self, eid: str) -> str | None:
        """"f", "m" or None (no cue, or cues of both): a title right before one of the person's names in this text
        ("Außenministerin Baerbock", "la ministre", "Ms"), the role the text gives a new person, or a word right
        after a name ("Захарова заявила", "Baerbock, die Außenministerin")."""
        cache = self._genders
        if eid in cache:
            return cache[eid]
        lex = self.lex
        found: set[str] = set()
        ent = self.by_id.get(eid)
        if ent is not None and lex.title_gender:
            if ent.role and eid.startswith("new:"):
                found |= {g for g, rx in lex.title_gender.items() if rx.search(ent.role)}
            for m in self.mentions:
                if m.entity.id != eid:
                    continue
                found |= {g for g, rx in lex.title_gender.items() if rx.search(self.text, max(0, m.start - 80), m.start)}
                found |= {g for g, rx in lex.after_gender.items() if rx.match(self.text, m.end)}
        cache[eid] = next(iter(found)) if len(found) == 1 else None
        return cache[eid]

    def _frame_actor_plain(self) -> str | None:
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
            countries = [e.id for cc in uniq(ccs) for e in self.entities if e.type == "country" and e.country == cc]
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
