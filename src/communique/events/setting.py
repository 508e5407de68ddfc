"""Where, when and how an event happens: its place, visit direction, mode and time."""

from __future__ import annotations

from communique.events.draft import CLASS_OF_KIND, SUB_KINDS, Draft, TimeAt, adjacent, distance, event_time, within
from communique.events.participants import _IN_PLACE_TYPES


class SettingRules:
    """Mixed into the per-document run (``communique.events.extractor``); uses its state."""

    # -- place ----------------------------------------------------------------------------
    def _place(self, ev: Draft, clause, sent, frame_ref: bool) -> None:
        lex = self.lex
        c_start, c_end, _ = clause
        # a statement's content: a place after another trigger is that event's ("condemns the attack on the
        # embassy in Kinshasa"; a visit's destination may follow its purpose: "reist zu Gesprächen nach Paris")
        nxt = (min((a for a, _, _ in self._sent_triggers if a >= ev.tend), default=c_end)
               if ev.trigger.statement else c_end)
        # a celestial body ("der Schutz der Erde") is a place for NER, not where an event happens
        topic = ev.topic_spans  # "on the situation in Gaza": no venue
        places = [m for m in self._mentions_in(c_start, c_end)
                  if m.entity.type == "place" and m.entity.extra.get("found_by") != "body"
                  and m.start < nxt and (m.start, m.end) not in topic and not self._in_title(m)]
        if ev.trigger.direction == "summon":
            ev.location = self._summons_venue(ev, places, c_start)
            return
        chosen = None
        for m in places:
            words = self._words_before(m.start, c_start, 2)
            if words and lex.locative_re and lex.locative_re.fullmatch(words[0]):
                chosen = m.entity.id
                break
        if chosen is None and ev.trigger.kind == "visit":
            ms = self._mentions_in(ev.tend, c_end)
            # a country after a locative word first: "visitó a las tropas españolas en Letonia" goes to Latvia
            # (the locative word may stand before an article: "a la República Popular China", "to the Republic of Korea")
            located = [m for m in ms if m.entity.type == "country" and lex.locative_re is not None
                       and any(lex.locative_re.fullmatch(w) for w in self._words_before(m.start, ev.tend, 2))]
            # else one near the visit word ("visited Japan"), not the adjective of a far object ("visited an exhibition
            # of destroyed military equipment of the Russian occupiers", "visited the frontline positions of the
            # Ukrainian military")
            near = [m for m in ms if m not in located and m.start - ev.tend <= 25
                    and not any(c in self.text[ev.tend:m.start] for c in ",;:()")]
            for m in located + near:
                # "la gira europea del presidente chino": the guest's title, not where he goes
                if m.entity.type == "country" and (m.start, m.end) not in topic and not any(
                        p.entity.type == "person" and p.entity.country == m.entity.country
                        and (0 <= m.start - p.end <= 2 or p.start <= m.start < p.end) for p in ms):
                    chosen = m.entity.id
                    break
            if chosen is None:
                # verb-final: "wird Japan einen Staatsbesuch abstatten": a country before the trigger that is no
                # participant's own country and no title's ("der russische Präsident")
                own = {self.by_id[x].country for x in ev.participants
                       if x in self.by_id and self.by_id[x].type == "person"}
                ms = self._mentions_in(c_start, ev.tstart)
                for m in reversed(ms):
                    if (m.entity.type == "country" and own and m.entity.country not in own and (m.start, m.end) not in topic
                            and not any(p.entity.type == "person" and (0 <= p.start - m.end <= 60 or 0 <= m.start - p.end <= 2)
                                        # a country right after a person is a title only if it is theirs ("wird
                                        # Bundespräsident Steinmeier Japan besuchen": Japan is where he goes)
                                        and (0 <= p.start - m.end or p.entity.country in (None, m.entity.country))
                                        for p in ms)):
                        chosen = m.entity.id
                        break
        if chosen is None and ev.trigger.direction != "visit" and lex.locative_re:
            # a country after a locative word, where the clause names no town: "на Мальте", "in Malta"; it is
            # where the event is, not a side of it (after a topic word it is the topic: "talks on the situation in
            # Syria")
            for m in self._mentions_in(c_start, min(c_end, nxt)):
                words = self._words_before(m.start, c_start, 1) if m.entity.type == "country" else None
                if (words and lex.locative_re.fullmatch(words[0]) and m.start > ev.tend and (m.start, m.end) not in topic
                        and not (lex.topic_re and lex.topic_re.search(self.text, ev.tend, m.start))
                        # the target of a directed act after a word of direction ("impuso sanciones a Venezuela",
                        # "condolencias a Turquía", "sent aid to Ukraine") is no place; where fighting or arrests are,
                        # it is ("offensive actions in Donbas")
                        and not (ev.trigger.direction == "subject" and ev.trigger.type not in _IN_PLACE_TYPES
                                 and m.entity.id in ev.recipients)):
                    chosen = m.entity.id
                    if CLASS_OF_KIND.get(ev.trigger.kind) == "meet":  # (else PLOVER codes it as the target: protests)
                        ev.actors = [x for x in ev.actors if x != chosen]
                        ev.recipients = [x for x in ev.recipients if x != chosen]
                    break
        if chosen is None and self._inherits(ev, frame_ref):
            chosen = self.frame.location
            ev.inherited = True
        if chosen is None and places:
            # without a locative word, a place of no country (a continent, an ocean: "le ministre de l'Europe et
            # des Affaires étrangères", "Minister for Europe") is no event's place
            taken = set(ev.participants) if ev.trigger.statement else set()
            chosen = next((m.entity.id for m in places if m.entity.id not in taken and m.entity.country), None)
        ev.location = chosen
        if ev.trigger.direction == "visit":
            self._visit_direction(ev)

    def _summons_venue(self, ev: Draft, places, c_start: int) -> str | None:
        """A summons happens at the summoning ministry: its place is a town the text names after a locative word
        ("вызван в МИД в Москве", "summoned to the Foreign Ministry in Warsaw"), of the summoning state where that is
        known, and before any other trigger after it; no other place of the clause ("посол Франции Пьер Леви": a name
        the linker took for Lévis, Quebec; "после атаки беспилотников на Варшаву": the attack's target)."""
        rx = self.lex.locative_re
        if rx is None:
            return None
        states = {self._country(x) for x in ev.actors} - {None}
        # nor a place of what the summons is about, named after another trigger ("после атаки беспилотников на Варшаву")
        nxt = min((a for a, _, _ in self._sent_triggers if a >= ev.tend), default=len(self.text))
        for m in places:
            if m.start >= nxt:
                break
            words = self._words_before(m.start, c_start, 1)
            if words and rx.fullmatch(words[0]) and (not states or m.entity.country in states):
                return m.entity.id
        return None

    def _inherits(self, ev: Draft, frame_ref: bool) -> bool:
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

    def _visit_direction(self, ev: Draft) -> None:
        dest = self._object_destination(ev)
        if dest is not None:
            ev.location = dest  # "Zelenskyy, in Lviv on Monday, later visited Berlin": the trip goes to Berlin
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
        if not actors and ev.location and self._domestic_trip(ev, recipients):
            # "Zelenskyy made a working trip to the Donetsk region", "Путин посетил Курскую область": a visit inside
            # the visitor's own country; the visitor is the actor, the place visited the recipient
            ev.actors = [p for p in recipients if self._etype(p) == "person"]
            ev.recipients = [ev.location]
            return
        host_entity = next((e.id for e in self.entities if e.type == "country" and e.country == host), None)
        if host_entity and host_entity not in recipients:
            recipients.append(host_entity)
        elif host_entity is None and not recipients and ev.location:
            recipients.append(ev.location)  # "visited Athens": the host is the place's country
        ev.actors, ev.recipients = actors, recipients

    def _domestic_trip(self, ev: Draft, hosts: list[str]) -> bool:
        """Every side is of the host country (``hosts``: all of them), a person among them, and the visit's sentence
        names no foreign person ("During a working trip to the Donetsk region, Zelenskyy met ...")."""
        if ev.arranged or not any(self._etype(p) == "person" for p in hosts) or any(
                self._etype(p) not in ("person", "country") for p in hosts):
            return False  # ("invited the Chancellor to visit Ukraine": the invitee's visit)
        if self.lex.addressee_re is not None and self.lex.addressee_re.search(self.text, max(ev.sentence[0], ev.tstart - 40),
                                                                             ev.tstart):
            return False  # "your visit": the addressee's
        if self.lex.invitation_re is not None and self.lex.invitation_re.search(self.text, max(ev.sentence[0], ev.tstart - 80),
                                                                               ev.tstart):
            return False  # "invited the 43rd President of the United States to visit Ukraine": the invitee's
        at = [m for m in self._mentions_in(ev.sentence[0], ev.sentence[1]) if m.entity.id == ev.location]
        if at and all(self._in_title(m) for m in at):
            return False  # "Mayor of Kharkiv Ihor Terekhov visited Berlin": Kharkiv is his title, not his trip
        host = self.by_id[ev.location].country
        return not any(m.entity.type == "person" and m.entity.country and m.entity.country != host
                       for m in self._mentions_in(ev.sentence[0], ev.sentence[1]))

    def _object_destination(self, ev: Draft) -> str | None:
        """A place right after the visit word ("visited Berlin", "посетил Берлин", "besuchte Berlin", "visitó
        Berlín"; no punctuation and at most 25 characters between) where the chosen venue is named only before the
        trigger or inside a title: the trip's destination is the verb's, not the place named elsewhere."""
        if not ev.location:
            return None
        at = [m for m in self._mentions_in(ev.sentence[0], ev.sentence[1]) if m.entity.id == ev.location]
        if not at or not all(m.end <= ev.tstart or self._in_title(m) for m in at):
            return None
        near = self._mentions_in(ev.tend, min(ev.sentence[1], ev.tend + 60))
        for m in near:
            if any(p.entity.type == "person" and p.start <= m.start and m.end <= p.end and p is not m for p in near):
                continue  # the country inside a person named by the role ("визита президента Индонезии")
            gap = self.text[ev.tend:m.start]
            if len(gap) > 25 or any(c in gap for c in ",.;:!?()"):
                break
            if (m.entity.type in ("place", "country") and m.entity.id != ev.location
                    and (m.start, m.end) not in ev.topic_spans and not self._in_title(m)):
                return m.entity.id
        return None

    def _in_title(self, m) -> bool:
        """A place inside a person's title: right after a title word ("Mayor of Kharkiv", "мэр Харькова", "maire
        d'Odessa"), or right before a person whose role names it ("Mayor of Kharkiv Ihor Terekhov")."""
        rx = self.lex.place_title_re
        if rx is not None and rx.search(self.text, max(0, m.start - 60), m.start):
            return True
        name = self.text[m.start:m.end]
        for p in self._mentions_in(m.end, m.end + 40):
            if p.entity.type != "person" or not p.entity.role:
                continue
            between = self.text[m.end:p.start].strip()
            if (not between and name in p.entity.role) or between.lower() == p.entity.role.lower():
                return True  # "Mayor of Kharkiv Ihor Terekhov", "Kharkiv Mayor Ihor Terekhov"
        return False

    # -- PLOVER mode -------------------------------------------------------------------------
    def _mode(self, ev: Draft, clause) -> None:
        trig = ev.trigger
        ev.mode = trig.mode
        if ev.mode is None:
            for mode, rx in self.lex.type_modes.get(trig.type or "", ()):
                if rx.search(self.text, ev.tstart, ev.tend) or rx.search(self.text, clause[0], clause[1]):
                    ev.mode = mode
                    break
        if trig.place_actor and not ev.actors:
            # "workers went on strike in Chile", "thousands marched in Paris": where they are is who they are
            placed = self._after_locative(clause, ev.topic_spans)
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

    def _after_locative(self, clause, topic=frozenset()) -> str | None:
        lex = self.lex
        if lex.locative_re is None:
            return None
        for m in self._mentions_in(clause[0], clause[1]):
            if m.entity.type in ("country", "place") and (m.start, m.end) not in topic:
                words = self._words_before(m.start, clause[0], 1)
                if words and lex.locative_re.fullmatch(words[0]):
                    return m.entity.id
        return None

    def _consult_place_mode(self, ev: Draft) -> None:
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
    def _time(self, ev: Draft, clause, sent, frame_ref: bool) -> None:
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
            best = min(cands, key=lambda t: distance(t.start, t.end, ev.tstart, ev.tend))
            group = [best]
            for t in cands:  # "21. und 22. November" as two TIMEs: one interval
                if t is not best and t.expr.granularity == best.expr.granularity and adjacent(self.text, t, best):
                    group.append(t)
            rng = (best.expr.extra or {}).get("range")
            if rng:  # "31 августа — 1 сентября": the other end of the range, even across a dash
                group += [t for t in self.times if t not in group and (t.expr.extra or {}).get("range") == rng
                          and distance(t.start, t.end, best.start, best.end) < 8]
            ev.time = event_time(group, self.text)
            ev.own_time = True
            ev.time_span = (min(t.start for t in group), max(t.end for t in group))
            f = self.frame
            if f is not None and f.time and ev.inherited and not within(ev.time, f.time):
                ev.location, ev.inherited = None, False  # keeps its own time: not in the frame
            return
        if self._inherits(ev, frame_ref) and self.frame.time:
            ev.time = self.frame.time
            ev.inherited = True

    def _other_triggers_claim(self, ev: Draft, times: list[TimeAt]) -> bool:
        """A time in another clause of the sentence is that clause's if the clause has a trigger."""
        for t in times:
            c_start, c_end, _ = self._clause(ev.sentence, t.start, t.end)
            if any(c_start <= ts < c_end and ts != ev.tstart for ts, _, _ in self._sent_triggers):
                return True
        return False
