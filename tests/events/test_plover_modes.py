"""PLOVER modes and direction on hand-built mentions (independent of the linker)."""

from __future__ import annotations

from events.conftest import entity, run


def _main(evs):
    from communique.evaluation.events import primary_event

    return primary_event([e.to_json() for e in evs])


def test_mode_cues_by_type():
    cases = [
        ("en", "Japan sent humanitarian aid to Turkey.", "AID", "humanitarian"),
        ("en", "Britain supplied tanks and air-defence systems to Ukraine.", "AID", "military"),
        ("en", "Palestinian prisoners went on hunger strike.", "PROTEST", "hunger"),
        ("en", "Dockworkers staged a general strike.", "PROTEST", "strike"),
        ("en", "Israeli jets bombed positions near the border.", "ASSAULT", "aerial"),
        ("de", "Die Türkei schob drei schwedische Journalisten ab.", "COERCE", "deport"),
        ("fr", "Les cheminots se sont mis en grève.", "PROTEST", "strike"),
        ("ru", "Армения объявила мобилизацию резервистов.", "MOBILIZE", "troops"),
        ("es", "Irán incautó un petrolero británico.", "COERCE", "seize"),
    ]
    for lang, text, typ, mode in cases:
        main = _main(run(text, lang, []))
        assert main is not None and (main["type"], main["mode"]) == (typ, mode), (text, main)


def test_meeting_in_one_sides_country_is_a_visit_elsewhere_third_party():
    t = "Russian and Chinese diplomats met in Beijing."
    ents = [entity(t, "kb:country/RU", "country", "Russia", "RU", "Russian"),
            entity(t, "kb:country/CN", "country", "China", "CN", "Chinese"),
            entity(t, "gn:1816670", "place", "Beijing", "CN", "Beijing")]
    ev = _main(run(t, "en", ents))
    assert ev["mode"] == "visit" and ev["actors"] == ["kb:country/RU"] and ev["recipients"] == ["kb:country/CN"]
    t = "Russian and Chinese diplomats met in Geneva."
    ents = ents[:2] + [entity(t, "gn:2660646", "place", "Geneva", "CH", "Geneva")]
    ev = _main(run(t, "en", ents))
    assert ev["mode"] == "third-party" and set(ev["actors"]) == {"kb:country/RU", "kb:country/CN"}


def test_protesters_are_the_place_and_target_its_government():
    t = "Thousands of people marched in Paris against the pension reform."
    ents = [entity(t, "gn:2988507", "place", "Paris", "FR", "Paris")]
    ev = _main(run(t, "en", ents))
    assert ev["type"] == "PROTEST" and ev["actors"] == ["gn:2988507"] and ev["recipients"] == ["gn:2988507"]


def test_capital_stands_for_its_state_but_not_after_in():
    t = "Moscow rejected London's accusations."
    ents = [entity(t, "gn:524901", "place", "Moscow", "RU", "Moscow"),
            entity(t, "gn:2643743", "place", "London", "GB", "London")]
    ev = _main(run(t, "en", ents))
    assert ev["type"] == "REJECT" and ev["actors"] == ["gn:524901"] and ev["recipients"] == ["gn:2643743"]
    t = "In Moscow, the ministry condemned the attack."
    ents = [entity(t, "gn:524901", "place", "Moscow", "RU", "Moscow")]
    ev = _main(run(t, "en", ents))
    assert ev["type"] == "ACCUSE" and ev["actors"] == [] and ev["location"] == "gn:524901"


def test_particle_verb_trigger_does_not_cover_a_name():
    t = "Ungarn lehnte das Hilfspaket der EU für die Ukraine ab."
    ents = [entity(t, "kb:country/HU", "country", "Hungary", "HU", "Ungarn"),
            entity(t, "kb:country/UA", "country", "Ukraine", "UA", "Ukraine")]
    ev = _main(run(t, "de", ents))
    assert ev["type"] == "REJECT" and ev["trigger"]["text"] == "lehnte" and ev["actors"] == ["kb:country/HU"]
