"""Quality gate for ``communique eval geo`` on a TR-News subset (floors slightly below measured)."""

from __future__ import annotations

from communique.evaluation.geo import evaluate


def test_geo_floor(shared):
    res = evaluate(shared / "data" / "geo" / "TR-News.xml", limit=40)
    assert res["toponyms"] > 300
    assert res["exact_found"] >= 0.89
    assert res["country_found"] >= 0.97
    assert res["found"] >= 0.91
    assert res["country"] >= 0.89


def test_geo_coordinates_floor(shared):
    """GeoVirus-style gold (coordinates and Wikipedia links, no GeoNames ids): acc@161km."""
    res = evaluate(shared / "data" / "geo" / "GeoVirus.xml", limit=60)
    c = res["coordinates"]
    assert c["toponyms"] > 400
    assert c["found"] >= 0.86
    assert c["acc161_found"] >= 0.89
