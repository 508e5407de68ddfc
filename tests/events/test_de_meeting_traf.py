"""German "traf" with a person's title as object is a meeting; a celestial body is never its place."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.pipeline import Pipeline


def _events(text: str) -> list[dict]:
    d = Document(id="t", text=text, source="test", lang="de", published=datetime(2024, 5, 6, tzinfo=timezone.utc))
    return Pipeline(use_natasha=False).process(d)["events"]


def test_traf_with_a_title_is_a_meeting():
    evs = _events("Der Außenminister traf am Montag in Wien seinen slowakischen Amtskollegen.")
    assert [e["kind"] for e in evs] == ["meeting"]
    assert evs[0]["location"] == "gn:2761369"


def test_traf_without_a_person_is_no_meeting():
    assert not any(e["kind"] == "meeting" for e in _events("Die Drohne traf am Montag ein Lagerhaus, teilte die Armee mit."))


def test_earth_is_no_meeting_place():
    evs = _events("Die Außenministerin traf am Montag den Präsidenten und sprach mit ihm über den Schutz der Erde.")
    assert evs and all(e["location"] is None for e in evs)
