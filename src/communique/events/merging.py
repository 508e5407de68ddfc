"""One event per real event in a document: merging, implied visits, bilateral summits, the final records."""

from __future__ import annotations

import re

from communique.events.draft import GATHERINGS, IMPLY_VISIT, Draft, same_time, uniq
from communique.model import Event, EventTime, Span

_LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:in|at|en|à|au|im|в|во)\s+(?:(?:the|el|la|le|l['’]|der|dem)\s*)?$",
                              re.IGNORECASE)


class Merging:
    """Mixed into the per-document run (``communique.events.extractor``); uses its state."""

    # -- merging and output -----------------------------------------------------------------------
    def _merge(self, events: list[Draft]) -> list[Draft]:
        out: list[Draft] = []
        for ev in events:
            target = None
            if ev.trigger.kind in GATHERINGS:
                # a document tells of one summit: its headline, its dates, "on its sidelines"
                target = next((prev for prev in out if prev.trigger.kind == ev.trigger.kind
                               and prev.status == ev.status
                               and (not prev.location or not ev.location or prev.location == ev.location)
                               and (prev.time is None or ev.time is None or same_time(prev.time, ev.time))
                               and (not prev.organizations or not ev.organizations
                                    or set(prev.organizations) & set(ev.organizations))), None)
                if target is not None:
                    target.actors = uniq(target.actors + [a for a in ev.actors if a not in target.recipients])
                    target.recipients = uniq(target.recipients + [r for r in ev.recipients if r not in target.actors])
            if target is None and ev.participants:
                for prev in out:
                    if (prev.cls == ev.cls and set(prev.participants) == set(ev.participants)
                            and (prev.trigger.kind in GATHERINGS) == (ev.trigger.kind in GATHERINGS)
                            and same_time(prev.time, ev.time) and prev.status == ev.status
                            and (not ev.documents or not prev.documents or ev.documents == prev.documents)):
                        target = prev
                        break
            if target is None:
                out.append(ev)
                continue
            target.main = target.main or ev.main
            for s in ev.evidence:
                if s not in target.evidence:
                    target.evidence.append(s)
            target.documents = uniq(target.documents + ev.documents)
            target.organizations = uniq(target.organizations + ev.organizations)
            target.topics = uniq(target.topics + ev.topics)
            target.location = target.location or ev.location
            if target.time is None and ev.time is not None:
                target.time = ev.time
        return self._bilateral_summits(out)

    def _host_country(self, ev: Draft) -> str | None:
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

    def _implied_visits(self, events: list[Draft]) -> list[Draft]:
        """'Putin and Kim signed a treaty in Pyongyang': a leader who meets, talks or signs in another
        country with its side is on a visit there. Only for a document that names no visit itself."""
        if any(e.trigger.kind == "visit" for e in events):
            return []
        visit = next((t for t in self.lex.triggers.values() if t.kind == "visit"), None)
        if visit is None:
            return []
        out: list[Draft] = []
        for ev in events:
            if ev.trigger.kind not in IMPLY_VISIT or ev.status not in ("occurred", "planned") \
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
            v = Draft(visit, ev.tstart, ev.tend, ev.sentence, actors=guests, recipients=hosts,
                    location=ev.location, time=ev.time, own_time=ev.own_time, status=ev.status,
                    modality=ev.modality, evidence=list(ev.evidence), status_cue=ev.status_cue, mode=visit.mode)
            out.append(v)
        return out

    def _countries(self, ev: Draft) -> set[str]:
        out = set()
        for i in ev.participants:
            e = self.by_id.get(i)
            if e is not None and e.type in ("country", "person") and e.country:
                out.add(e.country)
        return out

    def _bilateral_summits(self, events: list[Draft]) -> list[Draft]:
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
                           and (m.time is None or ev.time is None or same_time(m.time, ev.time))), None)
            if target is None:
                continue
            out.remove(ev)
            target.evidence = sorted(set(target.evidence) | set(ev.evidence))
            target.location = target.location or ev.location
            target.time = target.time or ev.time
        return out

    def _finish(self, events: list[Draft]) -> list[Event]:
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
            topics = [x for x in ev.topics if x not in ev.participants and x != ev.location]
            out.append(Event(
                id=f"e{i}", kind=ev.trigger.kind, type=ev.trigger.type, mode=ev.mode,
                status=status, modality=ev.modality, actors=list(ev.actors), recipients=list(ev.recipients),
                location=ev.location, time=ev.time or EventTime(), documents=list(ev.documents),
                organizations=list(ev.organizations), evidence=evidence,
                confidence=max(0.05, min(0.98, conf)),
                extra={"trigger": {"start": ts, "end": te, "text": self.doc.text[ts:te]},
                       **({"main": True} if ev.main else {}),
                       # countries and places the event is about, not sides ("on the situation in Syria")
                       **({"topics": topics} if topics else {})},
            ))
        return out
