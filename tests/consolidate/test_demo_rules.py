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
