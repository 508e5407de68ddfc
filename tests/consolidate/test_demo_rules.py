"""The general rules the demo corpus needed, each on a sentence of its own (not the corpus's)."""

from __future__ import annotations

from events.conftest import entity, run, time


def kinds(evs):
    return sorted((e.kind, e.status) for e in evs)


def test_a_summit_named_by_its_organisation_is_not_the_meeting_before_it():
    t = "Lula and Ramaphosa met in Johannesburg on 22 August, the second day of the BRICS summit."
    ents = [entity(t, "kb:person/lula", "person", "Lula", "BR", "Lula"),
            entity(t, "kb:person/ramaphosa", "person", "Ramaphosa", "ZA", "Ramaphosa"),
            entity(t, "gn:993800", "place", "Johannesburg", "ZA", "Johannesburg"),
            entity(t, "kb:org/brics", "organization", "BRICS", None, "BRICS")]
    evs = run(t, "en", ents, [time(t, "22 August", "2023-08-22", "2023-08-22")], published="2023-08-22T18:00:00+00:00")
    summit = [e for e in evs if e.kind == "summit"]
    assert len(summit) == 1 and "kb:org/brics" in summit[0].organizations
    assert any(e.kind == "meeting" for e in evs)


def test_the_summit_after_a_bilateral_meeting_is_that_meeting():
    t = "Biden and Xi will meet in Woodside on Wednesday; the White House confirmed the summit."
    ents = [entity(t, "kb:person/joe-biden", "person", "Joe Biden", "US", "Biden"),
            entity(t, "kb:person/xi-jinping", "person", "Xi Jinping", "CN", "Xi"),
            entity(t, "gn:5409059", "place", "Woodside", "US", "Woodside"),
            entity(t, "kb:org/white-house", "organization", "White House", "US", "White House")]
    evs = run(t, "en", ents, [time(t, "Wednesday", "2023-11-15", "2023-11-15")], published="2023-11-10T09:00:00+00:00")
    assert [e.kind for e in evs] == ["meeting"]


def test_a_summit_of_two_countries_is_their_leaders_talks():
    t = "Российско-американский саммит в Женеве завершился. Владимир Путин и Джо Байден провели переговоры."
    ents = [entity(t, "kb:country/RU", "country", "Russia", "RU", "Российско"),
            entity(t, "kb:country/US", "country", "United States", "US", "американский"),
            entity(t, "gn:2660646", "place", "Geneva", "CH", "Женеве"),
            entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Владимир Путин"),
            entity(t, "kb:person/joe-biden", "person", "Joe Biden", "US", "Джо Байден")]
    evs = run(t, "ru", ents, published="2021-06-16T20:00:00+00:00")
    assert [e.kind for e in evs] == ["talks"]
    assert evs[0].location == "gn:2660646" and len(evs[0].evidence) == 2


def test_leaders_signing_in_another_country_are_on_a_visit():
    t = "In Hanoi today, Vladimir Putin and To Lam signed a declaration on strategic partnership."
    ents = [entity(t, "gn:1581130", "place", "Hanoi", "VN", "Hanoi"),
            entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Vladimir Putin"),
            entity(t, "new:person/to-lam", "person", "To Lam", "VN", "To Lam")]
    evs = run(t, "en", ents, [time(t, "today", "2024-06-20", "2024-06-20")], published="2024-06-20T12:00:00+00:00")
    visit = [e for e in evs if e.kind == "visit"]
    assert kinds(evs) == [("signing", "occurred"), ("visit", "occurred")]
    assert visit[0].actors == ["kb:person/vladimir-putin"] and visit[0].recipients == ["new:person/to-lam"]


def test_a_meeting_in_one_sides_country_is_no_extra_visit():
    t = "Le ministre Jean-Noël Barrot a rencontré son homologue allemande Annalena Baerbock à Paris."
    ents = [entity(t, "kb:person/jean-noel-barrot", "person", "Jean-Noël Barrot", "FR", "Jean-Noël Barrot"),
            entity(t, "kb:person/annalena-baerbock", "person", "Annalena Baerbock", "DE", "Annalena Baerbock"),
            entity(t, "gn:2988507", "place", "Paris", "FR", "Paris")]
    assert [e.kind for e in run(t, "fr", ents)] == ["meeting"]


def test_a_signing_after_the_talks_of_a_visit_has_the_visits_sides():
    t = ("18 июня Владимир Путин посетит Ханой с государственным визитом по приглашению То Лама. "
         "По итогам переговоров планируется подписать декларацию.")
    ents = [entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Владимир Путин"),
            entity(t, "gn:1581130", "place", "Hanoi", "VN", "Ханой"),
            entity(t, "new:person/to-lam", "person", "To Lam", "VN", "То Лама")]
    evs = run(t, "ru", ents, [time(t, "18 июня", "2024-06-18", "2024-06-18")], published="2024-06-10T09:00:00+00:00")
    signing = [e for e in evs if e.kind == "signing"]
    assert signing and set(signing[0].actors) >= {"kb:person/vladimir-putin", "new:person/to-lam"}
    assert signing[0].status == "planned"


# -- consolidation ---------------------------------------------------------------------------------
def _stories(records):
    import json

    from communique.consolidate import consolidate_records
    from communique.store import open_store

    s = open_store(":memory:")
    consolidate_records(s.conn, records)
    rows = s.conn.execute("SELECT doc_id, story_id FROM events ORDER BY id").fetchall()
    out = {}
    for doc, sid in rows:
        out.setdefault(doc, set()).add(sid)
    recs = {sid: json.loads(raw) for sid, raw in s.conn.execute("SELECT id, record FROM stories")}
    return out, recs


def test_a_visit_held_after_its_postponement_joins_it():
    from communique.consolidate import synthetic as sy

    ents = [sy.entity("kb:person/joe-biden", "person", "Joe Biden", "US"),
            sy.entity("kb:country/DE", "country", "Germany", "DE"),
            sy.entity("gn:2950159", "place", "Berlin", "DE")]
    recs = [
        (sy.record("a", "2024-10-07T10:00:00Z", "en", "a", ents, [sy.event("e1", "visit", "planned", ["kb:person/joe-biden"], ["kb:country/DE"], location="kb:country/DE", start="2024-10-10", end="2024-10-12")]), "a"),
        (sy.record("b", "2024-10-09T10:00:00Z", "de", "b", ents, [sy.event("e1", "visit", "postponed", ["kb:person/joe-biden"], ["kb:country/DE"], location="kb:country/DE", start="2024-10-10", end="2024-10-12")]), "b"),
        (sy.record("c", "2024-10-18T18:00:00Z", "en", "c", ents, [sy.event("e1", "visit", "occurred", ["kb:person/joe-biden"], ["kb:country/DE"], location="gn:2950159", start="2024-10-18")]), "c"),
    ]
    docs, stories = _stories(recs)
    assert docs["a"] == docs["b"] == docs["c"]
    (rec,) = stories.values()
    assert [h["status"] for h in rec["status_history"]][-1] == "occurred"


def test_summits_of_one_organisation_days_apart_are_one():
    from communique.consolidate import synthetic as sy

    ents = [sy.entity("kb:org/sco", "organization", "Shanghai Cooperation Organisation"),
            sy.entity("kb:person/narendra-modi", "person", "Narendra Modi", "IN"),
            sy.entity("kb:country/CN", "country", "China", "CN"),
            sy.entity("gn:1792947", "place", "Tianjin", "CN")]
    recs = [
        (sy.record("a", "2025-08-31T12:00:00Z", "en", "a", ents, [sy.event("e1", "summit", "occurred", ["kb:person/narendra-modi"], location="gn:1792947", start="2025-08-31", organizations=["kb:org/sco"])]), "a"),
        (sy.record("b", "2025-09-01T16:00:00Z", "fr", "b", ents, [sy.event("e1", "summit", "occurred", ["kb:country/CN"], location="gn:1792947", start="2025-09-01", organizations=["kb:org/sco"])]), "b"),
        (sy.record("c", "2025-09-10T16:00:00Z", "fr", "c", ents, [sy.event("e1", "summit", "occurred", ["kb:country/CN"], location="gn:1792947", start="2025-09-09", organizations=["kb:org/sco"])]), "c"),
    ]
    docs, _ = _stories(recs)
    assert docs["a"] == docs["b"] and docs["c"] != docs["a"]


def test_spanish_relative_que_carries_the_person():
    t = "Participó el secretario general de la ONU, António Guterres, que se reunió con Vladímir Putin."
    ents = [entity(t, "kb:person/antonio-guterres", "person", "António Guterres", "PT", "António Guterres"),
            entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Vladímir Putin"),
            entity(t, "kb:org/un", "organization", "United Nations", None, "ONU")]
    (ev,) = [e for e in run(t, "es", ents) if e.kind == "meeting"]
    assert set(ev.actors + ev.recipients) == {"kb:person/antonio-guterres", "kb:person/vladimir-putin"}


def test_later_this_week_is_ahead():
    t = "The meeting is part of Biden's trip to Germany later this week."
    ents = [entity(t, "kb:person/joe-biden", "person", "Joe Biden", "US", "Biden"),
            entity(t, "kb:country/DE", "country", "Germany", "DE", "Germany")]
    evs = run(t, "en", ents, [time(t, "this week", "2024-10-07", "2024-10-13", gran="week")],
              published="2024-10-07T10:00:00+00:00")
    assert {e.status for e in evs} == {"planned"}
