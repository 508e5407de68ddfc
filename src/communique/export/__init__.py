"""Exports of consolidated events: JSON Lines, PLOVER JSON, POLECAT-compatible TSV, CSV, Parquet.

Every writer takes an iterator of consolidated records (the ``communique events --format json``
items) and a binary stream, writes as it reads (nothing is collected), and returns how many
records it wrote and skipped. The mappings are documented in ``docs/events-store.md``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO, Callable, Iterable

import yaml

from communique import __version__

FORMATS = ("jsonl", "plover", "polecat", "csv", "parquet")
LIST_SEP = ";"

# (name, kind): kind "s" string, "l" list of strings, "f" float, "i" int
FLAT_COLUMNS: list[tuple[str, str]] = [
    ("id", "s"), ("kind", "s"), ("type", "s"), ("mode", "s"), ("status", "s"), ("modality", "s"),
    ("date_start", "s"), ("date_end", "s"), ("granularity", "s"), ("time_text", "s"),
    ("actors", "l"), ("actor_names", "l"), ("recipients", "l"), ("recipient_names", "l"), ("countries", "l"),
    ("location", "s"), ("location_name", "s"), ("location_country", "s"),
    ("documents", "l"), ("document_names", "l"), ("organizations", "l"), ("organization_names", "l"),
    ("confidence", "f"), ("n_sources", "i"), ("languages", "l"), ("source_docs", "l"),
    ("first_reported", "s"), ("last_reported", "s"), ("announced", "s"), ("confirmed", "s"), ("history", "l"),
]
FLAT_NAMES = [c for c, _ in FLAT_COLUMNS]


@lru_cache(maxsize=1)
def mappings() -> dict[str, Any]:
    text = resources.files("communique.export").joinpath("data/formats.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def polecat_columns() -> list[str]:
    return list(mappings()["polecat_columns"])


@dataclass
class ExportStats:
    written: int = 0
    skipped: int = 0


# -- flattening -------------------------------------------------------------------------------
def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    """One consolidated record as flat columns (lists stay lists; CSV joins them with ';')."""
    ents = {e["id"]: e for e in rec.get("entities") or []}

    def names(ids: list[str]) -> list[str]:
        return [ents[i]["name"] if i in ents else i for i in ids]

    t = rec.get("time") or {}
    loc = rec.get("location")
    loc_ent = ents.get(loc) if loc else None
    sources = rec.get("sources") or []
    published = [s["published"] for s in sources if s.get("published")]
    countries = []
    for i in list(rec.get("actors") or []) + list(rec.get("recipients") or []):
        e = ents.get(i)
        if e and e.get("country") and e.get("type") != "organization" and e["country"] not in countries:
            countries.append(e["country"])
    history = rec.get("status_history") or []
    announced = next((h["at"] for h in history if h["status"] == "planned"), None)
    confirmed = next((h["at"] for h in history if h["status"] == "occurred"), None)
    return {
        "id": rec.get("id"), "kind": rec.get("kind"), "type": rec.get("type"), "mode": rec.get("mode"),
        "status": rec.get("status"), "modality": rec.get("modality"),
        "date_start": t.get("start"), "date_end": t.get("end"), "granularity": t.get("granularity"),
        "time_text": t.get("text"),
        "actors": list(rec.get("actors") or []), "actor_names": names(rec.get("actors") or []),
        "recipients": list(rec.get("recipients") or []), "recipient_names": names(rec.get("recipients") or []),
        "countries": countries,
        "location": loc, "location_name": loc_ent["name"] if loc_ent else None,
        "location_country": loc_ent.get("country") if loc_ent else None,
        "documents": list(rec.get("documents") or []), "document_names": names(rec.get("documents") or []),
        "organizations": list(rec.get("organizations") or []),
        "organization_names": names(rec.get("organizations") or []),
        "confidence": rec.get("confidence"), "n_sources": len(sources),
        "languages": list(dict.fromkeys(s.get("lang") for s in sources if s.get("lang"))),
        "source_docs": list(dict.fromkeys(s["doc"] for s in sources)),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
        "announced": announced, "confirmed": confirmed,
        "history": [f"{h['status']}@{h.get('at') or ''}@{h.get('doc') or ''}" for h in history],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    return str(value)


def parse_flat_row(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row back into :func:`flatten`'s values (for readers and the round-trip tests)."""
    out: dict[str, Any] = {}
    for name, kind in FLAT_COLUMNS:
        v = row.get(name, "")
        if kind == "l":
            out[name] = v.split(LIST_SEP) if v else []
        elif kind == "f":
            out[name] = float(v) if v else None
        elif kind == "i":
            out[name] = int(v) if v else 0
        else:
            out[name] = v if v != "" else None
    return out


# -- writers ----------------------------------------------------------------------------------
def _text(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    dumps = json.dumps
    for rec in records:
        w.write(dumps(rec, ensure_ascii=False, separators=(",", ":")))
        w.write("\n")
        st.written += 1
    w.flush()
    w.detach()
    return st


def write_csv(records: Iterable[dict[str, Any]], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    cw = csv.writer(w)
    cw.writerow(FLAT_NAMES)
    for rec in records:
        f = flatten(rec)
        cw.writerow([_cell(f[c]) for c in FLAT_NAMES])
        st.written += 1
    w.flush()
    w.detach()
    return st


def _alpha3(cc: str | None) -> str:
    if not cc:
        return ""
    return _alpha3_cached(cc.upper())


@lru_cache(maxsize=512)
def _alpha3_cached(cc: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return c.alpha_3 if c else cc


def plover_record(rec: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER JSON form of a consolidated event; None for an event PLOVER does not type."""
    if not rec.get("type"):
        return None
    ents = {e["id"]: e for e in rec.get("entities") or []}
    f = flatten(rec)
    date = f["date_start"] or (f["first_reported"] or "")[:10] or None

    def side(ids: list[str]) -> tuple[str, str]:
        codes = list(dict.fromkeys(_alpha3(ents.get(i, {}).get("country")) for i in ids if i in ents))
        comment = "; ".join(
            ents[i]["name"] + (f" ({ents[i]['role']})" if ents[i].get("role") else "") for i in ids if i in ents)
        return ";".join(c for c in codes if c), comment

    actor, actor_comment = side(rec.get("actors") or [])
    recipient, recipient_comment = side(rec.get("recipients") or [])
    loc = ents.get(rec.get("location") or "")
    sources = rec.get("sources") or []
    first_text = next((sp.get("text") for sp in rec.get("evidence") or [] if sp.get("text")), "")
    return {
        "id": rec["id"],
        "date": date,
        "year": int(date[:4]) if date else None,
        "month": int(date[5:7]) if date and len(date) >= 7 else None,
        "day": int(date[8:10]) if date and len(date) >= 10 else None,
        "event": rec["type"],
        "mode": rec.get("mode") or "",
        "context": [rec["kind"]] if rec.get("kind") else [],
        "quad": mappings()["plover_quad"].get(rec["type"], ""),
        "actor": actor,
        "actor_comment": actor_comment,
        "recipient": recipient,
        "recipient_comment": recipient_comment,
        "source": ";".join(dict.fromkeys(s["doc"] for s in sources)),
        "text": first_text,
        "geo": ({"placename": loc["name"], "country": _alpha3(loc.get("country")),
                 "geonames_id": _geonames(loc)} if loc else None),
        "version": f"communique {__version__}",
        "communique": {"kind": rec.get("kind"), "status": rec.get("status"), "time": rec.get("time"),
                       "languages": f["languages"], "status_history": rec.get("status_history") or []},
    }


def write_plover(records: Iterable[dict[str, Any]], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    for rec in records:
        p = plover_record(rec)
        if p is None:
            st.skipped += 1
            continue
        w.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")))
        w.write("\n")
        st.written += 1
    w.flush()
    w.detach()
    return st


def _geonames(e: dict[str, Any] | None) -> str:
    if not e:
        return ""
    if e.get("geonames"):
        return str(e["geonames"])
    if e["id"].startswith("gn:"):
        return e["id"][3:]
    return ""


def _tsv(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def polecat_row(rec: dict[str, Any]) -> list[str] | None:
    """The 40 POLECAT columns of a consolidated event; None for an event PLOVER does not type."""
    if not rec.get("type"):
        return None
    ents = {e["id"]: e for e in rec.get("entities") or []}
    f = flatten(rec)

    def side(ids: list[str]) -> list[str]:
        es = [ents[i] for i in ids if i in ents]
        return [
            ";".join(e["name"] for e in es),                              # Name
            ";".join(_alpha3(e.get("country")) for e in es),              # Country (ISO 3166 alpha-3)
            "", "", "",                                                   # COW, Primary Sector, Sectors
            ";".join(e.get("role") or "" for e in es) if any(e.get("role") for e in es) else "",  # Title
            "",                                                           # Name Raw
            ";".join(e.get("wikidata") or "" for e in es) if any(e.get("wikidata") for e in es) else "",
        ]

    loc = ents.get(rec.get("location") or "")
    by_type: dict[str, list[str]] = {"person": [], "organization": [], "place": []}
    for e in rec.get("entities") or []:
        t = "place" if e.get("type") in ("place", "country") else e.get("type")
        if t in by_type:
            by_type[t].append(e["name"])
    date = f["date_start"] or (f["first_reported"] or "")[:10]
    row = [
        rec["id"], date or "", rec["type"].lower(), rec.get("mode") or "", "",
        mappings()["plover_quad"].get(rec["type"], ""), "",
        *side(rec.get("actors") or []),
        *side(rec.get("recipients") or []),
        loc["name"] if loc else "",
        loc["name"] if loc and loc.get("type") == "place" else "",
        "",
        _alpha3(loc.get("country")) if loc else "",
        "", "",
        _geonames(loc),
        "", "",
        ";".join(f["source_docs"]),
        (f["first_reported"] or "")[:10],
        "",
        ";".join(by_type["person"]), ";".join(by_type["organization"]), ";".join(by_type["place"]),
        ";".join(f["languages"]),
        f"communique-{__version__}",
    ]
    return [_tsv(c) for c in row]


def write_polecat(records: Iterable[dict[str, Any]], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    cols = polecat_columns()
    w.write("\t".join(cols) + "\n")
    for rec in records:
        row = polecat_row(rec)
        if row is None:
            st.skipped += 1
            continue
        assert len(row) == len(cols)
        w.write("\t".join(row))
        w.write("\n")
        st.written += 1
    w.flush()
    w.detach()
    return st


def parquet_schema():
    import pyarrow as pa

    types = {"s": pa.string(), "l": pa.list_(pa.string()), "f": pa.float64(), "i": pa.int32()}
    return pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS] + [("record", pa.string())])


def write_parquet(records: Iterable[dict[str, Any]], out: BinaryIO, *, row_group: int = 50_000) -> ExportStats:
    """Parquet with one row group per ``row_group`` events; the full record rides along as JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    st = ExportStats()
    schema = parquet_schema()
    cols: dict[str, list[Any]] = {n: [] for n in schema.names}

    def flush(writer) -> None:
        if not cols["id"]:
            return
        writer.write_table(pa.table(cols, schema=schema), row_group_size=row_group)
        for v in cols.values():
            v.clear()

    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rec in records:
            f = flatten(rec)
            for n in FLAT_NAMES:
                cols[n].append(f[n])
            cols["record"].append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            st.written += 1
            if len(cols["id"]) >= row_group:
                flush(writer)
        flush(writer)
    return st


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], BinaryIO], ExportStats]] = {
    "jsonl": write_jsonl, "plover": write_plover, "polecat": write_polecat, "csv": write_csv,
    "parquet": write_parquet,
}


def export(records: Iterable[dict[str, Any]], fmt: str, out: BinaryIO) -> ExportStats:
    try:
        writer = WRITERS[fmt]
    except KeyError:
        from communique.errors import CommuniqueError

        raise CommuniqueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(records, out)
