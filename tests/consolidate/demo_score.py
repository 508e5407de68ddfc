"""Score the consolidation of the demo corpus against its answer key (tests/fixtures/demo_expected.yaml).

For every expected event and every document the key lists as its source, the best matching
source event of that document is looked up in the store: a compatible kind, at least one of the
expected participants among its actors, recipients or organisations, and (as a tie-break) dates
that overlap the expected ones. A summit of two leaders with no organisation may be found as their
meeting or talks; the key's kind ``other`` with a PLOVER type, as an event of that type. The story (consolidated event) that source event ended in is
what the figures are about:

- ``pairs``: announcement/report pairs (``checks.announcement_report_pairs``) whose sources all
  ended in one story with status ``occurred``;
- ``multi``: the multi-source events of ``checks.multi_source_same_status`` merged into one story
  with the expected status; ``multi_all``: the same over every event the key gives two or more
  source documents;
- ``wrong_merges``: pairs of different expected events whose (different) source events share a
  story; ``stray``: documents in an expected event's story that the key does not list for it (an
  event merged into it by mistake, or a document the key counts as a passing mention);
- ``status``: final status accuracy over every expected event, and per expected status
  (planned/occurred/cancelled/postponed/unconfirmed); an event none of whose sources was found
  counts as wrong.

Run ``python tests/consolidate/demo_score.py DB`` on a store made by ``communique --db DB demo``,
or use :func:`score` from a test.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "demo_expected.yaml"
COMPATIBLE = [{"meeting", "talks"}, {"summit", "session"}, {"signing", "adoption"}, {"phone_call", "video_call"}]
STATUSES = ("planned", "occurred", "cancelled", "postponed", "unconfirmed")


def kinds_ok(expected: dict[str, Any], kind: str, type_: str | None = None) -> bool:
    want = expected["kind"]
    if want == kind or any(want in g and kind in g for g in COMPATIBLE):
        return True
    # the key's "other" has no finer kind: an event of its PLOVER type is it ("reached an agreement": AGREE)
    if want == "other" and expected.get("type") and type_ == expected["type"]:
        return True
    # a summit of two leaders with no organisation (Trump-Putin in Anchorage) is their meeting
    if want == "summit" and kind in ("meeting", "talks") and expected.get("mode") != "multilateral":
        countries = [p for p in expected["participants"] if len(p) == 2 and p.isupper()]
        groups = [p for p in expected["participants"] if len(p) > 2 and (p.isupper() or any(c.isdigit() for c in p))]
        return len(countries) <= 2 and not groups
    return False


def matches(p: str, ent: dict[str, Any]) -> bool:
    """An expected participant (English surname, ISO code or organisation) names this entity."""
    if len(p) == 2 and p.isupper() and p not in ("EU", "UN"):
        return ent.get("type") == "country" and ent.get("country") == p
    fold = p.casefold()
    if fold == str(ent.get("id", "")).rsplit("/", 1)[-1].casefold():
        return True  # kb:org/sco, kb:org/g20, kb:org/eu
    return fold in (ent.get("name") or "").casefold()


def _overlaps(t: dict[str, Any] | None, dates: dict[str, Any] | None) -> bool:
    if not t or not t.get("start") or not dates or not dates.get("start"):
        return False
    return str(t["start"])[:10] <= str(dates.get("end") or dates["start"]) and \
        str(t.get("end") or t["start"])[:10] >= str(dates["start"])


@dataclass
class Score:
    pairs: int = 0
    pairs_total: int = 0
    pairs_found: int = 0
    multi: int = 0
    multi_total: int = 0
    multi_all: int = 0
    multi_all_total: int = 0
    wrong_merges: list[tuple[str, str]] = field(default_factory=list)
    stray: list[tuple[str, str]] = field(default_factory=list)  # (event, document the key does not list for it)
    status_ok: int = 0
    status_total: int = 0
    by_status: dict[str, list[int]] = field(default_factory=dict)  # expected status -> [right, total]
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        per = ", ".join(f"{s} {r}/{t}" for s, (r, t) in sorted(self.by_status.items()))
        return (f"pairs merged with status occurred: {self.pairs}/{self.pairs_total} "
                f"(found in every source: {self.pairs_found}); "
                f"multi-source events merged: {self.multi}/{self.multi_total} "
                f"(all multi-source events: {self.multi_all}/{self.multi_all_total}); "
                f"wrong merges: {len(self.wrong_merges)}; "
                f"sources from documents the key does not list for the event: {len(self.stray)}; "
                f"final status accuracy: {self.status_ok}/{self.status_total} ({per})")


def _source_matches(conn, event: dict[str, Any], cache: dict) -> dict[str, tuple[int, int] | None]:
    """For each source document: (story id, source event row id) of its best matching source event."""
    from communique.store import events as es

    out: dict[str, tuple[int, int] | None] = {}
    for src in event["sources"]:
        best = None
        for rowid, raw, sid in conn.execute("SELECT id, record, story_id FROM events WHERE doc_id=?", (src["ref"],)):
            ev = json.loads(raw)
            if sid is None or not kinds_ok(event, ev["kind"], ev.get("type")):
                continue
            if sid not in cache:
                cache[sid] = {e["id"]: e for e in es.load_story(conn, sid).record["entities"]}
            ents = cache[sid]
            ids = ev["actors"] + ev["recipients"] + list(ev.get("organizations") or [])
            parts = [ents.get(i, {"id": i, "name": i}) for i in ids]
            hits = sum(1 for p in event["participants"] if any(matches(p, x) for x in parts))
            if not hits:
                continue
            rank = (hits + (1.5 if _overlaps(ev.get("time"), event.get("dates")) else 0.0), ev["kind"] == event["kind"])
            if best is None or rank > best[0]:
                best = (rank, sid, rowid)
        out[src["ref"]] = (best[1], best[2]) if best else None
    return out


def score(conn, exp: dict[str, Any] | None = None) -> Score:
    from communique.store import events as es

    exp = exp or yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    as_of, grace = exp["consolidation"]["as_of"], exp["consolidation"]["grace_days"]
    events = {e["key"]: e for e in exp["events"]}
    cache: dict = {}
    found = {k: _source_matches(conn, e, cache) for k, e in events.items()}
    status_cache: dict[int, str] = {}

    def status_of(sid: int) -> str:
        if sid not in status_cache:
            status_cache[sid] = es.get_story_record(conn, sid, as_of=as_of, grace_days=grace)["status"]
        return status_cache[sid]

    def merged(key: str) -> tuple[bool, str | None, bool]:
        """(found in every source, status of the one story or None, merged into one story)."""
        m = found[key]
        every = all(m.values())
        stories = {v[0] for v in m.values() if v}
        one = every and len(stories) == 1
        return every, (status_of(next(iter(stories))) if one else None), one

    s = Score()
    checks = exp["checks"]
    s.pairs_total = len(checks["announcement_report_pairs"])
    for key in checks["announcement_report_pairs"]:
        every, status, one = merged(key)
        s.pairs_found += every
        ok = one and status == "occurred" == events[key]["status"]
        s.pairs += ok
        s.lines.append(f"pair  {'ok    ' if ok else 'MISSED'} {key}: "
                       f"{'one story, ' + str(status) if one else ('split' if every else 'not found in every source')}")
    s.multi_total = len(checks["multi_source_same_status"])
    for key in checks["multi_source_same_status"]:
        every, status, one = merged(key)
        ok = one and status == events[key]["status"]
        s.multi += ok
        s.lines.append(f"multi {'ok    ' if ok else 'MISSED'} {key}: "
                       f"{'one story, ' + str(status) if one else ('split' if every else 'not found in every source')}")
    for key, e in events.items():
        if len({src['ref'] for src in e["sources"]}) < 2:
            continue
        s.multi_all_total += 1
        s.multi_all += merged(key)[2]
    keys = list(events)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ra = {v for v in found[a].values() if v}
            rb = {v for v in found[b].values() if v}
            shared = {x[0] for x in ra} & {x[0] for x in rb}
            if any(x[0] in shared and y[0] == x[0] and x[1] != y[1] for x in ra for y in rb):
                s.wrong_merges.append((a, b))
                s.lines.append(f"wrong merge: {a} + {b}")
    for key, e in events.items():
        stories = [v[0] for v in found[key].values() if v]
        if not stories:
            continue
        top = max(set(stories), key=stories.count)
        listed = {src["ref"] for src in e["sources"]}
        for (doc,) in conn.execute("SELECT DISTINCT doc_id FROM events WHERE story_id=?", (top,)):
            if doc not in listed:
                s.stray.append((key, doc))
                s.lines.append(f"stray source: {doc} in the story of {key}")
    for key, e in events.items():
        want = e["status"]
        stories = [v[0] for v in found[key].values() if v]
        got = None
        if stories:
            top = max(set(stories), key=stories.count)
            got = status_of(top)
        ok = got == want
        s.status_total += 1
        s.status_ok += ok
        cell = s.by_status.setdefault(want, [0, 0])
        cell[0] += ok
        cell[1] += 1
        if not ok:
            s.lines.append(f"status MISSED {key}: {got}, expected {want}")
    return s


def main(argv: list[str]) -> int:
    from communique.store import open_store

    store = open_store(argv[0])
    try:
        result = score(store.conn)
    finally:
        store.close()
    print("\n".join(result.lines))
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
