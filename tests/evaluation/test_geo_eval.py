"""``communique eval geo`` helpers: span realignment and area scoring (no shared data needed)."""

from __future__ import annotations

from communique.evaluation.geo import _close_or_same, _nearest_city, _realign


def test_realign_shifted_gold_span():
    text = "Floods hit Pandi, Bulacan on Monday."
    t = {"start": 12, "end": 17, "phrase": "Pandi"}  # one character late
    _realign(text, t)
    assert text[t["start"]:t["end"]] == "Pandi"
    far = {"start": 0, "end": 5, "phrase": "Nowhere"}
    _realign(text, far)
    assert (far["start"], far["end"]) == (0, 5)  # not found nearby: left alone


def test_nearest_city_country_and_admin1():
    assert _nearest_city(48.14, 11.58) == ("DE", "02")  # Munich, Bavaria
    assert _nearest_city(-16.92, 145.77)[0] == "AU"  # Cairns


def test_area_entities_scored_by_containment():
    gold = {"lat": 48.14, "lon": 11.58, "page": "https://en.wikipedia.org/wiki/Munich"}
    assert _close_or_same({"type": "country", "country": "DE", "name": "Germany"}, gold)
    assert not _close_or_same({"type": "country", "country": "AT", "name": "Austria"}, gold)
    assert _close_or_same({"type": "place", "country": "DE", "admin1": "02", "level": 1, "name": "Bavaria"}, gold)
    assert not _close_or_same({"type": "place", "country": "DE", "admin1": "01", "level": 1, "name": "X"}, gold)
