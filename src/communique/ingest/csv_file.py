"""CSV (and TSV) files: one document per row, columns mapped by ``--column FIELD=COLUMN``.

Fields: ``text`` (required), ``published``, ``id``, ``title``, ``url``, ``lang``, ``channel``.
Without a mapping, a column named like the field is used (``text``, ``published``/``date``, ...).
Every other column goes to ``meta``. The delimiter (``,`` ``;`` tab ``|``) is sniffed.

Keys: the ``id`` column as ``csv:<source>:<id>`` (``<source>`` is ``--source`` or the file's
stem; an id that already looks like a key, ``tg:...``, ``web:...``, is kept), else
``web:<url>`` from the ``url`` column, else ``file:<sha256 of the text>``.

A file without the mapped columns is an error naming the file and the missing columns; a row
that cannot be read (bad date, no text) is quarantined with its line number.
"""

from __future__ import annotations

import csv
import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from communique.documents import BadRecord, Document, file_key, parse_datetime, web_key
from communique.errors import IngestError
from communique.ingest.base import Item, ReadOptions, ReadStats, wanted
from communique.ingest.files import open_text

log = logging.getLogger(__name__)

NAME = "csv"
FIELDS = ("text", "published", "id", "title", "url", "lang", "channel")
_DEFAULTS = {
    "text": ("text", "body", "content", "message"),
    "published": ("published", "date", "datetime", "time", "pubdate"),
    "id": ("id", "guid", "key"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "lang": ("lang", "language"),
    "channel": ("channel", "source", "feed"),
}
_KEY = re.compile(r"^(?:tg|tg@[^:]+|rss|web|file):")
_DATE_FORMATS = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y/%m/%d %H:%M",
                 "%Y/%m/%d")

csv.field_size_limit(16 * 1024 * 1024)


def sniff(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in (".csv", ".tsv"):
        return True
    try:
        text = head.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError:
        return False
    lines = [ln for ln in text.splitlines()[:5] if ln.strip()]
    if len(lines) < 2 or lines[0].lstrip().startswith(("{", "[", "<")):
        return False
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t|")
    except csv.Error:
        return False
    header = next(csv.reader([lines[0]], dialect))
    return len(header) >= 2 and all(h.strip() for h in header) and \
        any(h.strip().lower() in {c for cs in _DEFAULTS.values() for c in cs} for h in header)


def _dialect(sample: str, path: str) -> Any:
    if path.lower().endswith(".tsv"):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def resolve_columns(header: list[str], mapping: dict[str, str], source: str) -> dict[str, str]:
    """Our field -> the file's column; raises naming the missing columns."""
    cols = {h.strip(): h for h in header}
    lower = {h.strip().lower(): h for h in header}
    wanted = {k: v for k, v in mapping.items() if k in FIELDS}
    unknown = sorted(k for k in mapping if k not in FIELDS and k != "limit")
    if unknown:
        raise IngestError(f"unknown field(s) in --column: {', '.join(unknown)} (fields: {', '.join(FIELDS)})",
                          source=source)
    out: dict[str, str] = {}
    missing = []
    for field, column in wanted.items():
        col = cols.get(column.strip()) or lower.get(column.strip().lower())
        if col is None:
            missing.append(column)
        else:
            out[field] = col
    if missing:
        raise IngestError(
            f"the CSV has no column(s) {', '.join(repr(m) for m in missing)} "
            f"(its columns: {', '.join(repr(h) for h in header)}); map them with --column FIELD=COLUMN",
            source=source, position="line 1")
    for field, names in _DEFAULTS.items():
        if field not in out:
            for name in names:
                if name in lower and lower[name] not in out.values():
                    out[field] = lower[name]
                    break
    if "text" not in out:
        raise IngestError(
            f"no text column (its columns: {', '.join(repr(h) for h in header)}); pass --column text=COLUMN",
            source=source, position="line 1")
    return out


def read(source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]:
    with open_text(source) as fh:
        sample = fh.read(65536)
    if not sample.strip():
        raise IngestError("the file is empty", source=source, position="byte 0")
    with open_text(source) as fh:
        reader = csv.reader(fh, _dialect(sample, source))
        try:
            header = next(reader)
        except csv.Error as exc:
            raise IngestError(f"cannot read the header: {exc}", source=source, position="line 1") from None
        columns = resolve_columns(header, options.csv_columns, source)
        used = set(columns.values())
        stem = options.source_name or Path(source).stem
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRecord(source, f"line {line}", f"malformed CSV: {exc}")
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield BadRecord(source, f"line {line}",
                                f"{len(row)} field(s) where the header has {len(header)}", ",".join(row)[:2000])
                continue
            record = dict(zip(header, row))
            try:
                doc = row_to_document(record, columns, used, stem, options)
            except (ValueError, KeyError) as exc:
                yield BadRecord(source, f"line {line}", str(exc), ",".join(row)[:2000])
                continue
            if not wanted(doc, options, stats):
                continue
            yield doc


def row_to_document(record: dict[str, str], columns: dict[str, str], used: set[str], stem: str,
                    options: ReadOptions) -> Document | None:
    get = lambda f: (record.get(columns[f]) or "").strip() if f in columns else ""  # noqa: E731
    text = record.get(columns["text"]) or ""
    if not text.strip():
        return None
    published = parse_csv_date(get("published")) if get("published") else None
    doc_id, url = get("id"), get("url") or None
    if doc_id:
        key = doc_id if _KEY.match(doc_id) else f"csv:{stem}:{doc_id}"
    elif url:
        key = web_key(url)
    else:
        key = file_key(text)
    meta = {k: v for k, v in record.items() if k not in used and v != ""}
    return Document(id=key, text=text, source=NAME, channel=options.source_name or get("channel") or None, url=url,
                    published=published, lang=get("lang") or options.lang, title=get("title") or None, meta=meta)


def parse_csv_date(value: str) -> datetime:
    v = value.strip()
    if v.isdigit() and len(v) >= 9:  # unix time
        return datetime.fromtimestamp(int(v), timezone.utc)
    try:
        return parse_datetime(v.replace(" ", "T", 1) if len(v) > 10 and v[10] == " " else v)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(v, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {value!r} (use ISO 8601, e.g. 2024-11-20T10:15:00+03:00)")
