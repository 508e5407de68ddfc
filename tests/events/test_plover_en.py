"""PLOVER types of the main (earliest) event in short English news sentences (written for this test)."""

from __future__ import annotations

import pytest

from events.conftest import run

CASES = [
    ("Israel agreed to resume negotiations with the Palestinians.", "AGREE"),
    ("The United States urged Iran to halt uranium enrichment.", "REQUEST"),
    ("Russia threatened to cut off gas supplies to Ukraine.", "THREATEN"),
    ("China rejected the proposal on Monday.", "REJECT"),
    ("Japan provided humanitarian aid to the Philippines.", "AID"),
    ("Police arrested dozens of activists in Cairo.", "COERCE"),
    ("Rebels attacked a military convoy near the border.", "ASSAULT"),
    ("Thousands of people marched through the capital.", "PROTEST"),
    ("The government deployed troops to the border.", "MOBILIZE"),
    ("Israel withdrew its troops from the town.", "RETREAT"),
    ("The European Union imposed sanctions on Belarus.", "SANCTION"),
    ("Egypt praised the peace deal.", "SUPPORT"),
    ("Iran accused Israel of sabotage.", "ACCUSE"),
    ("The president met his French counterpart in Paris.", "CONSULT"),
    ("The minister apologized for the incident.", "CONCEDE"),
    ("Germany and France will cooperate on defence procurement.", "COOPERATE"),
    ("Protesters demanded the resignation of the prime minister.", "REQUEST"),
    ("The two leaders signed a ceasefire agreement.", "AGREE"),
    ("Japan pledged 500 million dollars in reconstruction aid.", "AID"),
    ("Authorities deported three foreign journalists.", "COERCE"),
    ("Militants fired rockets at the town overnight.", "ASSAULT"),
    ("The government vowed to retaliate against any incursion.", "THREATEN"),
    ("The two countries restored diplomatic relations after a decade.", "COOPERATE"),
    ("The party endorsed the candidate.", "SUPPORT"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_main_event_type(text, expected):
    from communique.evaluation.events import primary_event

    evs = [e.to_json() for e in run(text, "en", [])]
    main = primary_event(evs)
    assert main is not None and main["type"] == expected, [(e["type"], e["trigger"]["text"]) for e in evs]
