"""s20, German: "in Den Haag traf X den Präsidenten" is a meeting ("Den" of the town's name is no article making
"traf" a back-reference to the summit), and "sprach X mit Y" are talks."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.mark.parametrize("text,kind,sides", [
    ("Am Rande des NATO-Gipfels in Den Haag traf Friedrich Merz den türkischen Präsidenten Recep Tayyip Erdoğan.",
     "meeting", ["kb:person/friedrich-merz", "kb:person/recep-tayyip-erdogan"]),
    ("Am Rande des EU-Gipfels in Brüssel sprach Olaf Scholz mit Giorgia Meloni.", "talks",
     ["kb:person/olaf-scholz", "kb:person/giorgia-meloni"]),
    ("Am Montag sprach Johann Wadephul in Warschau mit Radosław Sikorski.", "talks",
     ["kb:person/johann-wadephul", "kb:person/radoslaw-sikorski"]),
])
def test_german_meetings(pipeline, text, kind, sides):
    evs = pipeline.process(Document(id="t", text=text, source="test", lang="de", published=_PUB))["events"]
    ev = next(e for e in evs if e["kind"] == kind)
    assert sorted(ev["actors"] + ev["recipients"]) == sorted(sides)


def test_guard_sprach_sich_fuer_is_no_talks(pipeline):
    evs = pipeline.process(Document(id="t", text="Scholz sprach sich mit Nachdruck für einen Beitritt Moldaus aus.", source="test",
                                    lang="de", published=_PUB))["events"]
    assert not any(e["kind"] == "talks" for e in evs)
