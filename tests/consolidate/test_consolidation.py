"""Consolidation golden tests on a hand-written multilingual scenario corpus."""

from __future__ import annotations

import json
import random

import pytest

from communique.consolidate import Consolidator, consolidate_records, register_hooks, status_history, transaction
from communique.consolidate.synthetic import SCENARIO_EXPECTED, entity, event, record, scenario_records
from communique.documents import Document, parse_datetime
from communique.store import events as es
from communique.store import open_store


def _stories(conn, **kw):
    q = es.StoryQuery(limit=None, **kw)
    return list(es.iter_story_records(conn, q))


def _summary(conn):
    return sorted(
        (sorted(f"{x['doc']}#{x['event']}" for x in rec["sources"]), rec["status"],
         [h["status"] for h in rec["status_history"]])
        for rec in _stories(conn)
    )


def _by_published(recs):
    return sorted(recs, key=lambda rt: rt[0]["doc"]["published"])


@pytest.fixture
def mem():
    s = open_store(":memory:")
    yield s
    s.close()


def test_scenarios_consolidate_as_expected(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    assert _summary(mem.conn) == sorted(SCENARIO_EXPECTED)


@pytest.mark.parametrize("seed", range(8))
def test_consolidation_does_not_depend_on_arrival_order(seed):
    """Any arrival order gives the same stories (the postponement chain, scenario C, arrives in order)."""
    recs = scenario_records()
    chain = {"tg:mfa_de:90", "web:mfa.example/en/0809", "tg:mfa_ru:6500", "web:mfa.example/en/0110"}
    others = [r for r in recs if r[0]["doc"]["id"] not in chain]
    random.Random(seed).shuffle(others)
    ordered_chain = _by_published([r for r in recs if r[0]["doc"]["id"] in chain])
    mixed = others[: len(others) // 2] + ordered_chain + others[len(others) // 2:]
    s = open_store(":memory:")
    consolidate_records(s.conn, mixed)
    assert _summary(s.conn) == sorted(SCENARIO_EXPECTED)
    s.close()


def test_announcement_and_report_in_two_languages_are_one_occurred_event(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    [talks] = [r for r in _stories(mem.conn) if r["kind"] == "talks"]
    assert talks["status"] == "occurred"
    assert {s["lang"] for s in talks["sources"]} == {"de", "ru"}
    assert talks["time"]["start"] == "2024-11-21"  # the report's date
    hist = talks["status_history"]
    assert [(h["status"], h["doc"], h["note"]) for h in hist] == [
        ("planned", "tg:mfa_de:101", "announced"), ("occurred", "tg:mfa_ru:7001", "confirmed")]
    assert hist[0]["at"].startswith("2024-11-20") and hist[1]["at"].startswith("2024-11-21")
    # the EVENT shape of OUTPUT.md plus entities, sources and status_history
    for key in ("id", "type", "mode", "kind", "status", "modality", "actors", "recipients", "location", "time",
                "documents", "organizations", "evidence", "confidence", "entities", "sources", "status_history"):
        assert key in talks
    names = {e["id"]: e for e in talks["entities"]}
    assert names["kb:person/sergey-lavrov"]["name"] == "Sergey Lavrov"
    assert names["kb:person/sergey-lavrov"]["country"] == "RU"
    assert names["gn:629634"]["type"] == "place"
    assert {ev["doc"] for ev in talks["evidence"]} == {"tg:mfa_de:101", "tg:mfa_ru:7001"}
    ru = next(ev for ev in talks["evidence"] if ev["doc"] == "tg:mfa_ru:7001")
    assert "переговоры" in ru["text"]


def test_distinct_meetings_of_the_same_two_people_stay_apart(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    wang = [r for r in _stories(mem.conn) if "kb:person/wang-yi" in r["actors"]]
    assert sorted(r["time"]["start"] for r in wang) == ["2024-10-02", "2024-10-05"]
    assert all(len(r["sources"]) == 1 for r in wang)
    # and the merge decision says why
    row = mem.conn.execute("SELECT reason FROM story_events se JOIN events e ON e.id = se.event_id"
                           " WHERE e.doc_id='rss:mfa_es:91'").fetchone()
    reason = json.loads(row[0])
    assert reason["decision"] == "new story"
    assert any("dates differ" in r["why"] for r in reason["rejected"])


def test_different_counterpart_on_the_same_day_is_never_merged(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    oct2 = [r for r in _stories(mem.conn) if r["time"]["start"] == "2024-10-02"]
    assert len(oct2) == 2
    reason = json.loads(mem.conn.execute(
        "SELECT reason FROM story_events se JOIN events e ON e.id = se.event_id"
        " WHERE e.doc_id='web:mfa.example/en/0310'").fetchone()[0])
    assert any("different people" in r["why"] for r in reason["rejected"])


def test_joined_event_records_its_reasons(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    reason = json.loads(mem.conn.execute(
        "SELECT reason FROM story_events se JOIN events e ON e.id = se.event_id"
        " WHERE e.doc_id='web:mfa.example/en/2211'").fetchone()[0])
    assert reason["decision"] == "joined"
    assert reason["score"] >= reason["threshold"]
    checks = " | ".join(reason["checks"])
    assert "same kind (visit)" in checks and "Sergey Lavrov" in checks and "same place (Brest)" in checks
    assert "overlapping dates" in checks or "same dates" in checks


def test_postponement_and_rescheduling_history(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    [visit] = [r for r in _stories(mem.conn) if "kb:person/maxim-ryzhenkov" in r["actors"] and r["kind"] == "visit"]
    assert [h["note"] for h in visit["status_history"]] == ["announced", "postponed", "rescheduled", "confirmed"]
    assert visit["time"]["start"] == "2024-10-01"  # the new date, not the postponed one


def test_unconfirmed_depends_on_reference_day_and_grace(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    summit = lambda **kw: [r for r in es.iter_story_records(mem.conn, es.StoryQuery(kind="summit"), **kw)][0]
    assert summit(as_of="2024-07-06", grace_days=7)["status"] == "planned"
    late = summit(as_of="2024-07-20", grace_days=7)
    assert late["status"] == "unconfirmed"
    assert late["status_history"][-1]["at"] == "2024-07-11"
    assert summit(as_of="2024-07-20", grace_days=30)["status"] == "planned"
    # the filter agrees with the records
    assert [r["kind"] for r in es.iter_story_records(mem.conn, es.StoryQuery(status="unconfirmed"),
                                                     as_of="2024-12-10")] == ["summit"]
    planned = list(es.iter_story_records(mem.conn, es.StoryQuery(status="planned"), as_of="2024-12-10"))
    assert [r["location"] for r in planned] == ["gn:323786"]


def test_default_reference_day_is_the_newest_publication(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    assert es.as_of_default(mem.conn) == "2024-12-10"


def test_reindexing_a_document_is_idempotent_and_replaces_its_events(mem):
    recs = _by_published(scenario_records())
    consolidate_records(mem.conn, recs)
    before = _summary(mem.conn)
    n_events = mem.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    consolidate_records(mem.conn, recs)  # the same records again
    assert _summary(mem.conn) == before
    assert mem.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events
    # a re-extraction of the Russian report that no longer finds the talks: the story falls back to planned
    ru = next(r for r in recs if r[0]["doc"]["id"] == "tg:mfa_ru:7001")
    empty = dict(ru[0], events=[])
    consolidate_records(mem.conn, [(empty, ru[1])])
    [talks] = [r for r in _stories(mem.conn) if r["kind"] == "talks"]
    assert [s["doc"] for s in talks["sources"]] == ["tg:mfa_de:101"]
    assert talks["status"] == "planned"  # the announcement gave no date of its own: never unconfirmed
    assert mem.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events - 1


def test_story_whose_only_source_disappears_is_deleted(mem):
    t = "Sergey Lavrov met Antony Blinken."
    rec = record("x:1", "2024-05-01T10:00:00+00:00", "en", t,
                 [entity("kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU")],
                 [event("e1", "meeting", "occurred", ["kb:person/sergey-lavrov"], start="2024-05-01",
                        evidence=(0, len(t)))])
    consolidate_records(mem.conn, [(rec, t)])
    assert len(_stories(mem.conn)) == 1
    consolidate_records(mem.conn, [(dict(rec, events=[]), t)])
    assert _stories(mem.conn) == []
    assert mem.conn.execute("SELECT COUNT(*) FROM story_keys").fetchone()[0] == 0


def test_status_fold_keeps_a_report_against_later_announcements():
    members = [
        {"doc": "a", "event": "e1", "published": "2024-01-01", "status": "planned"},
        {"doc": "b", "event": "e1", "published": "2024-01-05", "status": "occurred"},
        {"doc": "c", "event": "e1", "published": "2024-01-06", "status": "planned"},
        {"doc": "d", "event": "e1", "published": "2024-01-07", "status": "unknown"},
    ]
    status, hist = status_history(members)
    assert status == "occurred"
    assert [h["doc"] for h in hist] == ["a", "b"]


def test_hook_indexes_records_saved_by_the_store(store):
    register_hooks(store)
    register_hooks(store)  # once only
    assert len(store.extraction_hooks) == 1
    items = []
    for rec, text in _by_published(scenario_records()):
        d = rec["doc"]
        doc = Document(id=d["id"], text=text, source="jsonl", published=parse_datetime(d["published"]), lang=d["lang"])
        store.write_batch([doc])
        items.append((doc, rec))
    store.save_extractions(items, "test")
    assert _summary(store.conn) == sorted(SCENARIO_EXPECTED)
    # a failing hook rolls the whole batch back, documents' extractions included
    def boom(*a):
        raise RuntimeError("boom")
    store.extraction_hooks.append(boom)
    with pytest.raises(RuntimeError):
        store.save_extractions(items[:1], "test2")
    assert store.conn.execute("SELECT COUNT(*) FROM extractions WHERE version='test2'").fetchone()[0] == 0


def test_reindex_rebuilds_from_stored_extractions(store):
    from communique.consolidate import reindex

    items = []
    for rec, text in scenario_records():
        d = rec["doc"]
        doc = Document(id=d["id"], text=text, source="jsonl", published=parse_datetime(d["published"]), lang=d["lang"])
        store.write_batch([doc])
        items.append((doc, rec))
    store.save_extractions(items, "test")  # no hook: nothing indexed yet
    assert es.stats(store.conn)["stories"] == 0
    assert reindex(store) == len(items)
    assert _summary(store.conn) == sorted(SCENARIO_EXPECTED)


def test_actor_names_resolve_in_any_script(mem):
    from communique.consolidate.query import resolve_actor

    consolidate_records(mem.conn, _by_published(scenario_records()))
    for name in ("Lavrov", "Sergey Lavrov", "Лавров", "Lawrow", "lavrov", "Сергей Лавров"):
        assert "kb:person/sergey-lavrov" in resolve_actor(mem.conn, name), name
    assert resolve_actor(mem.conn, "Nobody Atall") == []


def test_filters_are_bound_parameters(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    hostile = "x' OR 1=1; DROP TABLE stories; --"
    for q in (es.StoryQuery(kind=hostile), es.StoryQuery(country="R'"), es.StoryQuery(text=hostile),
              es.StoryQuery(keys=[hostile]), es.StoryQuery(type=hostile), es.StoryQuery(status=hostile)):
        assert list(es.iter_story_records(mem.conn, q)) == []
    assert es.stats(mem.conn)["stories"] == len(SCENARIO_EXPECTED)


def test_queries_filter_by_actor_country_kind_dates_and_text(mem):
    consolidate_records(mem.conn, _by_published(scenario_records()))
    ids = lambda **kw: sorted(r["kind"] + "@" + (r["time"]["start"] or "") for r in _stories(mem.conn, **kw))
    assert ids(keys=["kb:person/wang-yi"]) == ["meeting@2024-10-02", "meeting@2024-10-05"]
    assert ids(country="TR") == ["visit@2024-12-20"]
    assert ids(country="BY", kind="talks") == ["talks@2024-11-21"]
    assert ids(date_from="2024-11-01", date_to="2024-11-30") == ["talks@2024-11-21", "visit@2024-11-21"]
    assert ids(text="переговоры") == ["talks@2024-11-21"]
    assert ids(text="Brest") == ["talks@2024-11-21", "visit@2024-11-21"]  # names are searchable too
    assert ids(type="consult", status="cancelled") == ["phone_call@2024-08-05"]
    newest_first = [r["time"]["start"] for r in _stories(mem.conn, keys=["kb:person/sergey-lavrov"])]
    assert newest_first == sorted(newest_first, reverse=True)


def test_unknown_status_after_the_date_counts_as_a_report():
    base = {"doc": "a", "event": "e1", "published": "2024-01-01T09:00:00+00:00", "status": "planned",
            "modality": "expected"}
    later = {"doc": "b", "event": "e1", "published": "2024-01-06T09:00:00+00:00", "status": "unknown",
             "modality": "asserted"}
    status, hist = status_history([base, later], "2024-01-05")
    assert status == "occurred" and "inferred" in hist[-1]["note"]
    assert status_history([base, later], "2024-01-07")[0] == "planned"  # published before the date
    assert status_history([base, dict(later, modality="possible")], "2024-01-05")[0] == "planned"
    assert status_history([base, later], None)[0] == "planned"  # no date: nothing to infer from


def test_a_grouping_meeting_is_not_a_meeting_of_two_people_on_its_sidelines(mem):
    ents = [entity("kb:org/brics", "organization", "BRICS"), entity("kb:country/RU", "country", "Russia", "RU"),
            entity("kb:person/antonio-guterres", "person", "António Guterres", "PT"),
            entity("kb:person/vladimir-putin", "person", "Vladimir Putin", "RU"),
            entity("gn:551487", "place", "Kazan", "RU")]
    plenary = record("rss:press:1", "2024-10-23T19:00:00+00:00", "en", "Leaders of the BRICS countries met in Kazan.",
                     ents, [event("e1", "meeting", "occurred", ["kb:org/brics", "kb:country/RU"], location="gn:551487",
                                  start="2024-10-23", organizations=["kb:org/brics"])])
    sideline = record("tg:ch:20", "2024-10-24T18:00:00+00:00", "es", "Guterres se reunió con Putin en Kazán.",
                      ents, [event("e1", "meeting", "occurred", ["kb:person/antonio-guterres"],
                                   ["kb:person/vladimir-putin"], location="gn:551487", start="2024-10-22",
                                   end="2024-10-24", organizations=["kb:org/brics"])])
    consolidate_records(mem.conn, [(plenary, plenary["doc"]["id"]), (sideline, sideline["doc"]["id"])])
    stories = _stories(mem.conn)
    assert len(stories) == 2 and all(len(s["sources"]) == 1 for s in stories)
    reason = json.loads(mem.conn.execute(
        "SELECT reason FROM story_events se JOIN events e ON e.id = se.event_id WHERE e.doc_id='tg:ch:20'").fetchone()[0])
    assert any("a meeting of BRICS" in r["why"] for r in reason["rejected"])


def _gathering_reports(days):
    ents = [entity("kb:org/un-security-council", "organization", "UN Security Council"),
            entity("gn:5128581", "place", "New York City", "US")]
    recs = []
    for i, day in enumerate(days):
        ev = event("e1", "session", "occurred", ["kb:org/un-security-council"], location="gn:5128581",
                   start=day, organizations=["kb:org/un-security-council"])
        recs.append((record(f"doc{i}", f"{day}T18:00:00+00:00", "en", "The Security Council met.", ents, [ev]),
                     "The Security Council met."))
    return recs


def test_sessions_days_apart_do_not_chain_into_one_story(mem):
    """Each session report is within the gathering slack (3 days) of the one before: the story must
    not drift along with them beyond gathering_max_days (7) from its first to its last source."""
    days = ["2024-03-01", "2024-03-04", "2024-03-07", "2024-03-10", "2024-03-13", "2024-03-16"]
    consolidate_records(mem.conn, _gathering_reports(days))
    stories = _stories(mem.conn)
    assert len(stories) >= 2
    for r in stories:
        ds = sorted(r2["doc"] for r2 in r["sources"])
        first, last = days[int(ds[0][3:])], days[int(ds[-1][3:])]
        assert (int(last[-2:]) - int(first[-2:])) <= 7, ds


def test_daily_reports_of_a_conference_week_are_one_story(mem):
    consolidate_records(mem.conn, _gathering_reports([f"2024-09-{d}" for d in range(22, 28)]))
    assert len(_stories(mem.conn)) == 1
