"""Exports of consolidated events: JSON Lines, PLOVER JSON, POLECAT-compatible TSV, CSV, Parquet.

Every writer takes an iterator of consolidated records (the ``communique events --format json``
items) and a binary stream, writes as it reads (nothing is collected), and returns how many
records it wrote and skipped. The mappings are documented in ``docs/events-store.md``.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO, Callable, Iterable

import yaml

from communique import __version__
from communique.store.codec import dumps as _dumps

FORMATS = ("jsonl", "plover", "polecat", "csv", "parquet")
NEEDS_RECORD = {"jsonl", "parquet"}  # the formats that carry the whole record
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
# What the POLECAT and PLOVER writers need beyond the flat columns (lists aligned with actors/recipients).
EXTRA_FIELDS = ["actor_countries", "actor_roles", "actor_wikidata", "recipient_countries", "recipient_roles",
                "recipient_wikidata", "location_type", "location_geonames", "people", "organization_entities",
                "places", "first_text"]
EXPORT_FIELDS = FLAT_NAMES + EXTRA_FIELDS
_STATUS = EXPORT_FIELDS.index("status")
_DATE_END = EXPORT_FIELDS.index("date_end")
_HISTORY = EXPORT_FIELDS.index("history")


def _fields(rec: dict[str, Any]) -> dict[str, Any]:
    ents = {e["id"]: e for e in rec.get("entities") or []}

    def names(ids: list[str]) -> list[str]:
        return [ents[i]["name"] if i in ents else i for i in ids]

    def attr(ids: list[str], key: str) -> list[str]:
        return [(ents.get(i) or {}).get(key) or "" for i in ids]

    actors = list(rec.get("actors") or [])
    recipients = list(rec.get("recipients") or [])
    t = rec.get("time") or {}
    loc = rec.get("location")
    loc_ent = ents.get(loc) if loc else None
    sources = rec.get("sources") or []
    published = [s["published"] for s in sources if s.get("published")]
    countries = []
    for i in actors + recipients:
        e = ents.get(i)
        if e and e.get("country") and e.get("type") != "organization" and e["country"] not in countries:
            countries.append(e["country"])
    history = rec.get("status_history") or []
    announced = next((h["at"] for h in history if h["status"] == "planned"), None)
    confirmed = next((h["at"] for h in history if h["status"] == "occurred"), None)
    by_type: dict[str, list[str]] = {"person": [], "organization": [], "place": []}
    for e in rec.get("entities") or []:
        kind = "place" if e.get("type") in ("place", "country") else e.get("type")
        if kind in by_type:
            by_type[kind].append(e["name"])
    geonames = ""
    if loc_ent:
        geonames = str(loc_ent["geonames"]) if loc_ent.get("geonames") else (loc[3:] if loc.startswith("gn:") else "")
    return {
        "id": rec.get("id"), "kind": rec.get("kind"), "type": rec.get("type"), "mode": rec.get("mode"),
        "status": rec.get("status"), "modality": rec.get("modality"),
        "date_start": t.get("start"), "date_end": t.get("end"), "granularity": t.get("granularity"),
        "time_text": t.get("text"),
        "actors": actors, "actor_names": names(actors),
        "recipients": recipients, "recipient_names": names(recipients),
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
        "actor_countries": attr(actors, "country"), "actor_roles": attr(actors, "role"),
        "actor_wikidata": attr(actors, "wikidata"),
        "recipient_countries": attr(recipients, "country"), "recipient_roles": attr(recipients, "role"),
        "recipient_wikidata": attr(recipients, "wikidata"),
        "location_type": loc_ent.get("type") if loc_ent else None, "location_geonames": geonames,
        "people": by_type["person"], "organization_entities": by_type["organization"], "places": by_type["place"],
        "first_text": next((sp.get("text") for sp in rec.get("evidence") or [] if sp.get("text")), ""),
    }


def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    """One consolidated record as flat columns (lists stay lists; CSV joins them with ';')."""
    f = _fields(rec)
    return {n: f[n] for n in FLAT_NAMES}


def export_row(rec: dict[str, Any]) -> list[Any]:
    """The export row of a consolidated record: the values of ``EXPORT_FIELDS`` in order (what
    :func:`_fields` gives, built in one pass: every saved story computes it)."""
    get = rec.get
    entities = get("entities") or []
    ents = {e["id"]: e for e in entities}
    actors = list(get("actors") or [])
    recipients = list(get("recipients") or [])
    a_names, a_cc, a_role, a_wd = [], [], [], []
    r_names, r_cc, r_role, r_wd = [], [], [], []
    countries: list[str] = []
    for ids, names, ccs, roles, wds in ((actors, a_names, a_cc, a_role, a_wd),
                                        (recipients, r_names, r_cc, r_role, r_wd)):
        for i in ids:
            e = ents.get(i)
            if e is None:
                names.append(i)
                ccs.append("")
                roles.append("")
                wds.append("")
                continue
            names.append(e["name"])
            cc = e.get("country")
            ccs.append(cc or "")
            roles.append(e.get("role") or "")
            wds.append(e.get("wikidata") or "")
            if cc and e.get("type") != "organization" and cc not in countries:
                countries.append(cc)
    t = get("time") or {}
    loc = get("location")
    loc_ent = ents.get(loc) if loc else None
    sources = get("sources") or []
    published = [s["published"] for s in sources if s.get("published")]
    history = get("status_history") or []
    announced = confirmed = None
    seen_planned = seen_occurred = False  # the first entry of each status ("at" may be None)
    for h in history:
        st = h["status"]
        if st == "planned":
            if not seen_planned:
                announced, seen_planned = h["at"], True
        elif st == "occurred" and not seen_occurred:
            confirmed, seen_occurred = h["at"], True
    people: list[str] = []
    orgs_e: list[str] = []
    places: list[str] = []
    for e in entities:
        ty = e.get("type")
        if ty == "person":
            people.append(e["name"])
        elif ty == "organization":
            orgs_e.append(e["name"])
        elif ty == "place" or ty == "country":
            places.append(e["name"])
    geonames = ""
    if loc_ent:
        geonames = str(loc_ent["geonames"]) if loc_ent.get("geonames") else (loc[3:] if loc.startswith("gn:") else "")
    documents = list(get("documents") or [])
    organizations = list(get("organizations") or [])
    first_text = ""
    for sp in get("evidence") or []:
        text = sp.get("text")
        if text:
            first_text = text
            break
    return [
        get("id"), get("kind"), get("type"), get("mode"), get("status"), get("modality"),
        t.get("start"), t.get("end"), t.get("granularity"), t.get("text"),
        actors, a_names, recipients, r_names, countries,
        loc, loc_ent["name"] if loc_ent else None, loc_ent.get("country") if loc_ent else None,
        documents, [ents[i]["name"] if i in ents else i for i in documents],
        organizations, [ents[i]["name"] if i in ents else i for i in organizations],
        get("confidence"), len(sources),
        list(dict.fromkeys(s.get("lang") for s in sources if s.get("lang"))),
        list(dict.fromkeys(s["doc"] for s in sources)),
        min(published) if published else None, max(published) if published else None,
        announced, confirmed,
        [f"{h['status']}@{h.get('at') or ''}@{h.get('doc') or ''}" for h in history],
        a_cc, a_role, a_wd, r_cc, r_role, r_wd,
        loc_ent.get("type") if loc_ent else None, geonames,
        people, orgs_e, places, first_text,
    ]


def export_columns(rec: dict[str, Any]) -> tuple[str, str | None]:
    """What a story keeps beside its record: the export row as JSON (``stories.flat``) and its flat
    columns packed for Arrow (``stories.flat_packed``, see :func:`pack_row`; None if they cannot be)."""
    row = export_row(rec)
    return _dumps(row), pack_row(row)


# -- packed flat columns ---------------------------------------------------------------------------
# The 31 flat columns of an export row as one text that Arrow splits into columns in C++ (no Python
# value per cell): fields separated by RS, each list item followed by US, None as NAK alone, floats
# as ``repr``. A row whose strings contain one of the three control characters (or values of another
# type) is not packed; the Parquet writer then builds that chunk from the decoded export row.
_RS, _US, _NUL = "\x1e", "\x1f", "\x15"
_KINDS = [k for _, k in FLAT_COLUMNS]
_I_PACKED_STATUS = FLAT_NAMES.index("status")
assert FLAT_NAMES[-1] == "history"  # the read-time "unconfirmed" entry is appended at the end of the text


_S_IDX = [i for i, k in enumerate(_KINDS) if k == "s"]
_L_IDX = [i for i, k in enumerate(_KINDS) if k == "l"]
_F_IDX = [i for i, k in enumerate(_KINDS) if k == "f"]
_INT_IDX = [i for i, k in enumerate(_KINDS) if k == "i"]


def pack_row(row: list[Any]) -> str | None:
    """The flat columns of an export row as one RS-separated text (None if it cannot be packed exactly)."""
    parts = row[:len(_KINDS)]
    n_null = n_items = 0
    for i in _S_IDX:
        v = parts[i]
        if v is None:
            parts[i] = _NUL
            n_null += 1
        elif type(v) is not str:
            return None
    for i in _L_IDX:
        v = parts[i]
        if type(v) is not list:
            return None
        if v:
            try:
                parts[i] = _US.join(v) + _US
            except TypeError:  # an item that is not a string
                return None
            n_items += len(v)
        else:
            parts[i] = ""
    for i in _F_IDX:
        v = parts[i]
        if v is None:
            parts[i] = _NUL
            n_null += 1
        elif type(v) not in (float, int) or not math.isfinite(v):
            return None
        else:
            parts[i] = repr(float(v))
    for i in _INT_IDX:
        v = parts[i]
        if v is None:
            parts[i] = _NUL
            n_null += 1
        elif type(v) is not int:
            return None
        else:
            parts[i] = str(v)
    text = _RS.join(parts)
    if text.count(_RS) != len(_KINDS) - 1 or text.count(_US) != n_items or text.count(_NUL) != n_null:
        return None  # a value holds a separator
    return text


def unconfirmed_packed(packed: str, at: str) -> str:
    """:func:`make_unconfirmed` on a packed row: status ``unconfirmed`` and a last history item."""
    parts = packed.split(_RS, _I_PACKED_STATUS + 1)
    parts[_I_PACKED_STATUS] = "unconfirmed"
    return _RS.join(parts) + f"unconfirmed@{at}@" + _US


def _unpack_columns(packed: list[str], types: list[Any]) -> list[Any] | None:
    """Arrow arrays of the flat columns from packed rows (all splitting and parsing done by Arrow);
    None when they cannot be built so (the caller then converts the decoded rows)."""
    try:
        import numpy as np  # installed with the NLP dependencies (natasha); pyarrow does not require it
    except ImportError:  # pragma: no cover
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    n, width = len(packed), len(_KINDS)
    cells = pc.split_pattern(pa.array(packed, type=pa.string()), _RS).flatten()
    if len(cells) != n * width:  # cannot happen for rows made by pack_row
        return None
    base = np.arange(n, dtype=np.int64) * width
    null = pa.scalar(None, pa.string())
    out = []
    for k, kind in enumerate(_KINDS):
        col = cells.take(pa.array(base + k))
        if kind == "l":
            items = pc.split_pattern(col, _US)  # each list ends with an empty item (the terminator)
            offsets = np.asarray(items.offsets)
            values = items.values
            keep = np.ones(len(values), dtype=bool)
            keep[offsets[1:] - 1] = False
            ends = offsets - np.arange(n + 1, dtype=offsets.dtype)
            out.append(pa.ListArray.from_arrays(pa.array(ends, type=pa.int32()), values.filter(pa.array(keep)),
                                                type=types[k]))
            continue
        is_null = pc.equal(col, _NUL)
        if pc.any(is_null).as_py():
            col = pc.if_else(is_null, null, col)
        out.append(col if kind == "s" else pc.cast(col, types[k]))
    return out


_scan = json.JSONDecoder().scan_once


def _decode_row(text: str) -> list[Any]:
    """``json.loads`` of a stored export row, straight through the C scanner (the rows are compact JSON)."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return json.loads(text)  # raises the usual error
    return value if end == len(text) else json.loads(text)


class ExportRow:
    """One story as the writers see it: its record as JSON text and its export row (decoded on use);
    ``packed`` is its flat columns packed for Arrow (:func:`pack_row`) where the store has them."""

    __slots__ = ("raw", "_row", "_flat", "packed")

    def __init__(self, raw: str, row: list[Any] | None = None, flat: str | None = None,
                 packed: str | None = None) -> None:
        self.raw = raw
        self._row = row
        self._flat = flat
        self.packed = packed

    @property
    def row(self) -> list[Any]:
        if self._row is None:
            self._row = _decode_row(self._flat) if self._flat else export_row(json.loads(self.raw))
        return self._row

    @classmethod
    def of(cls, rec: dict[str, Any]) -> "ExportRow":
        return cls(json.dumps(rec, ensure_ascii=False, separators=(",", ":")), export_row(rec))

    def get(self, name: str) -> Any:
        return self.row[EXPORT_FIELDS.index(name)]

    def fields(self) -> dict[str, Any]:
        return dict(zip(EXPORT_FIELDS, self.row))


def make_unconfirmed(row: list[Any], grace_days: int, at: str) -> None:
    """Mark an export row unconfirmed (the record's counterpart is ``store.events.effective``)."""
    row[_STATUS] = "unconfirmed"
    row[_HISTORY] = list(row[_HISTORY]) + [f"unconfirmed@{at}@"]


def _rows(items: Iterable[Any]) -> Iterable[ExportRow]:
    for it in items:
        yield it if isinstance(it, ExportRow) else ExportRow.of(it)


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


def _done(w: io.TextIOWrapper) -> None:
    w.flush()
    w.detach()


def write_jsonl(items: Iterable[Any], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    write = w.write
    for r in _rows(items):
        write(r.raw)
        write("\n")
        st.written += 1
    _done(w)
    return st


_N_FLAT = len(FLAT_NAMES)
_LIST_IDX = [i for i, (_, k) in enumerate(FLAT_COLUMNS) if k == "l"]


def write_csv(items: Iterable[Any], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    cw = csv.writer(w)
    cw.writerow(FLAT_NAMES)
    join = LIST_SEP.join
    for r in _rows(items):
        row = r.row[:_N_FLAT]
        for i in _LIST_IDX:
            row[i] = join(row[i])
        cw.writerow(row)  # None is written as an empty cell
        st.written += 1
    _done(w)
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


_A3: dict[str, str] = {}


def _a3(cc: str | None) -> str:
    """:func:`_alpha3` through a plain dict (the export loops call it several times per event)."""
    if not cc:
        return ""
    v = _A3.get(cc)
    if v is None:
        v = _A3[cc] = _alpha3(cc)
    return v


_I = {n: i for i, n in enumerate(EXPORT_FIELDS)}
(_I_ID, _I_KIND, _I_TYPE, _I_MODE, _I_STATUS, _I_DSTART, _I_DEND, _I_GRAN, _I_TTEXT, _I_ANAMES, _I_RNAMES,
 _I_LOC, _I_LNAME, _I_LCOUNTRY, _I_LANGS, _I_SDOCS, _I_FIRST, _I_HISTORY, _I_ACC, _I_AROLES, _I_RCC, _I_RROLES,
 _I_LGEO, _I_FTEXT) = (_I[n] for n in (
    "id", "kind", "type", "mode", "status", "date_start", "date_end", "granularity", "time_text", "actor_names",
    "recipient_names", "location", "location_name", "location_country", "languages", "source_docs",
    "first_reported", "history", "actor_countries", "actor_roles", "recipient_countries", "recipient_roles",
    "location_geonames", "first_text"))


def _plover_side(names: list[str], countries: list[str], roles: list[str]) -> tuple[str, str]:
    if not names and not countries:
        return "", ""
    codes = list(dict.fromkeys([_a3(c) for c in countries if c]))
    comment = "; ".join([n + f" ({r})" if r else n for n, r in zip(names, roles)])
    return ";".join(codes), comment


def _plover_row(row: list[Any], quad: dict[str, str], version: str) -> dict[str, Any] | None:
    """The PLOVER record of one export row (indexes into :data:`EXPORT_FIELDS`)."""
    typ = row[_I_TYPE]
    if not typ:
        return None
    d_start = row[_I_DSTART]
    date = d_start or (row[_I_FIRST] or "")[:10] or None
    kind = row[_I_KIND]
    actor, actor_comment = _plover_side(row[_I_ANAMES], row[_I_ACC], row[_I_AROLES])
    recipient, recipient_comment = _plover_side(row[_I_RNAMES], row[_I_RCC], row[_I_RROLES])
    n = len(date) if date else 0
    return {
        "id": row[_I_ID],
        "date": date,
        "year": int(date[:4]) if date else None,
        "month": int(date[5:7]) if n >= 7 else None,
        "day": int(date[8:10]) if n >= 10 else None,
        "event": typ,
        "mode": row[_I_MODE] or "",
        "context": [kind] if kind else [],
        "quad": quad.get(typ, ""),
        "actor": actor,
        "actor_comment": actor_comment,
        "recipient": recipient,
        "recipient_comment": recipient_comment,
        "source": ";".join(row[_I_SDOCS]),
        "text": row[_I_FTEXT] or "",
        "geo": ({"placename": row[_I_LNAME], "country": _a3(row[_I_LCOUNTRY]),
                 "geonames_id": row[_I_LGEO] or ""} if row[_I_LOC] else None),
        "version": version,
        "communique": {"kind": kind, "status": row[_I_STATUS],
                       "time": {"start": d_start, "end": row[_I_DEND], "granularity": row[_I_GRAN],
                                "text": row[_I_TTEXT]},
                       "languages": row[_I_LANGS], "history": row[_I_HISTORY]},
    }


def plover_record(rec: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER JSON form of a consolidated event; None for an event PLOVER does not type."""
    return _plover_row(export_row(rec), mappings()["plover_quad"], f"communique {__version__}")


# one encoder for the whole stream (``json.dumps`` with options builds a new one per call)
# (no cycle check: the records are trees built here)
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def write_plover(items: Iterable[Any], out: BinaryIO, *, batch: int = 1000) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    quad = mappings()["plover_quad"]
    version = f"communique {__version__}"
    lines: list[str] = []
    for r in _rows(items):
        p = _plover_row(r.row, quad, version)
        if p is None:
            st.skipped += 1
            continue
        lines.append(_encode(p))
        st.written += 1
        if len(lines) >= batch:
            lines.append("")
            w.write("\n".join(lines))
            lines.clear()
    if lines:
        lines.append("")
        w.write("\n".join(lines))
    _done(w)
    return st


def _tsv(value: str) -> str:
    if "\t" in value or "\n" in value or "\r" in value:
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return value


def _polecat_from(f: dict[str, Any]) -> list[str] | None:
    if not f["type"]:
        return None

    def side(names: list[str], countries: list[str], roles: list[str], wikidata: list[str]) -> list[str]:
        return [
            ";".join(names),                                         # Name
            ";".join(_alpha3(c) for c in countries),                 # Country (ISO 3166 alpha-3)
            "", "", "",                                              # COW, Primary Sector, Sectors
            ";".join(roles) if any(roles) else "",                   # Title
            "",                                                      # Name Raw
            ";".join(wikidata) if any(wikidata) else "",             # Wikipedia ID (here: Wikidata item)
        ]

    date = f["date_start"] or (f["first_reported"] or "")[:10]
    row = [
        f["id"], date or "", f["type"].lower(), f["mode"] or "", "",
        mappings()["plover_quad"].get(f["type"], ""), "",
        *side(f["actor_names"], f["actor_countries"], f["actor_roles"], f["actor_wikidata"]),
        *side(f["recipient_names"], f["recipient_countries"], f["recipient_roles"], f["recipient_wikidata"]),
        f["location_name"] or "",
        f["location_name"] if f["location_type"] == "place" else "",
        "",
        _alpha3(f["location_country"]),
        "", "",
        f["location_geonames"] or "",
        "", "",
        ";".join(f["source_docs"]),
        (f["first_reported"] or "")[:10],
        "",
        ";".join(f["people"]), ";".join(f["organization_entities"]), ";".join(f["places"]),
        ";".join(f["languages"]),
        f"communique-{__version__}",
    ]
    line = "\t".join(row)
    if line.count("\t") == len(row) - 1 and "\n" not in line and "\r" not in line:
        return row
    return [_tsv(c) for c in row]


def polecat_row(rec: dict[str, Any]) -> list[str] | None:
    """The 40 POLECAT columns of a consolidated event; None for an event PLOVER does not type."""
    return _polecat_from(_fields(rec))


def write_polecat(items: Iterable[Any], out: BinaryIO) -> ExportStats:
    st = ExportStats()
    w = _text(out)
    cols = polecat_columns()
    w.write("\t".join(cols) + "\n")
    for r in _rows(items):
        row = _polecat_from(r.fields())
        if row is None:
            st.skipped += 1
            continue
        w.write("\t".join(row))
        w.write("\n")
        st.written += 1
    _done(w)
    return st


def parquet_schema():
    import pyarrow as pa

    types = {"s": pa.string(), "l": pa.list_(pa.string()), "f": pa.float64(), "i": pa.int32()}
    return pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS] + [("record", pa.string())])


def write_parquet(items: Iterable[Any], out: BinaryIO, *, row_group: int = 50_000, chunk: int = 10_000) -> ExportStats:
    """Parquet with one row group per ``row_group`` events; the full record rides along as JSON.

    Each event's flat columns come packed in one text (:func:`pack_row`: stored beside the story,
    or packed here); every ``chunk`` events Arrow splits them into typed columns. A chunk with a
    row that cannot be packed is built from the decoded export rows instead (same values). At most
    ``row_group`` events are held at a time.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    st = ExportStats()
    schema = parquet_schema()
    types = [schema.field(i).type for i in range(len(schema.names))]
    n_flat = _N_FLAT
    rows: list[ExportRow] = []
    packs: list[str | None] = []
    raws: list[str] = []
    batches: list[Any] = []
    pending = 0

    def convert() -> None:
        nonlocal pending
        if not rows:
            return
        arrays = None if None in packs else _unpack_columns(packs, types)
        if arrays is None:
            cols = list(zip(*(r.row for r in rows)))
            arrays = [pa.array(cols[i], type=types[i]) for i in range(n_flat)]
        arrays.append(pa.array(raws, type=types[n_flat]))
        batches.append(pa.RecordBatch.from_arrays(arrays, schema=schema))
        pending += len(rows)
        rows.clear()
        packs.clear()
        raws.clear()

    def flush(writer) -> None:
        nonlocal pending
        convert()
        if batches:
            writer.write_table(pa.Table.from_batches(batches, schema=schema), row_group_size=row_group)
            st.written += pending
            pending = 0
            batches.clear()

    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        add_row, add_pack, add_raw = rows.append, packs.append, raws.append
        for r in _rows(items):
            add_row(r)
            p = r.packed
            add_pack(p if p is not None else pack_row(r.row))
            add_raw(r.raw)
            if len(rows) >= chunk:
                convert()
                if pending >= row_group:
                    flush(writer)
        flush(writer)
    return st


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], BinaryIO], ExportStats]] = {
    "jsonl": write_jsonl, "plover": write_plover, "polecat": write_polecat, "csv": write_csv,
    "parquet": write_parquet,
}


def export(records: Iterable[Any], fmt: str, out: BinaryIO) -> ExportStats:
    """Write consolidated events (records or :class:`ExportRow`) to ``out`` in format ``fmt``."""
    import gc

    try:
        writer = WRITERS[fmt]
    except KeyError:
        from communique.errors import CommuniqueError

        raise CommuniqueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    # a stream of short-lived containers: the cyclic collector would only cost time here
    enabled = gc.isenabled()
    gc.disable()
    try:
        return writer(records, out)
    finally:
        if enabled:
            gc.enable()
