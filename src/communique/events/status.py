"""An event's status and modality: planned, occurred, cancelled..., from its time and the tense around it."""

from __future__ import annotations

from communique.events.draft import Draft, day_of, distance

class StatusRules:
    """Mixed into the per-document run (``communique.events.extractor``); uses its state."""

    # -- status -----------------------------------------------------------------------------
    def _status(self, ev: Draft, clause, sent) -> None:
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
        if ev.arranged and not (ev.own_time and ev.time and day_of(ev.time.end) and self.pub and day_of(ev.time.end) < self.pub):
            ev.status, ev.status_cue = "planned", True
            return
        if ev.own_time and self.pub and ev.time:
            end = day_of(ev.time.end or ev.time.start)
            start = day_of(ev.time.start or ev.time.end)
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
            best = min(tense, key=lambda c: distance(c[0], c[1], ev.tstart, ev.tend))
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
