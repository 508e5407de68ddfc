"""s20: a country named inside a person named by the role ("визит премьер-министра Индии в Россию") is that
person's title, not a side or the destination; a country right after a person of another country is where a
verb-final visit goes ("wird Bundespräsident Steinmeier Japan besuchen")."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang,text,actors,recipients,location", [
    ("ru", "В декабре запланирован визит премьер-министра Индии в Россию.", ["kb:person/narendra-modi"],
     ["kb:country/RU"], "kb:country/RU"),
    ("ru", "В Москве ожидают визита президента Индонезии.", ["kb:person/prabowo-subianto"], ["gn:524901"],
     "gn:524901"),
    ("de", "Im nächsten Monat wird Bundespräsident Steinmeier Japan besuchen.", ["kb:person/frank-walter-steinmeier"],
     ["kb:country/JP"], "kb:country/JP"),
    ("de", "Morgen wird der russische Präsident Wladimir Putin Indien besuchen.", ["kb:person/vladimir-putin"],
     ["kb:country/IN"], "kb:country/IN"),
])
def test_visits_of_persons_named_with_their_country(pipeline, lang, text, actors, recipients, location):
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    ev = next(e for e in evs if e["kind"] == "visit")
    assert (ev["actors"], ev["recipients"], ev["location"]) == (actors, recipients, location)
