"""Terminal rendering of records: an events table and a highlighted document. Document text is never markup."""

from __future__ import annotations

from typing import Any, Iterable

from rich.table import Table
from rich.text import Text

from communique.cli.common import console
from communique.documents import Document

STYLES = {"person": "bold cyan", "country": "green", "place": "magenta", "organization": "yellow",
          "document": "italic blue", "group": "cyan", "other": "white", "time": "bold red"}


def _names(record: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in record.get("entities", [])}


def events_table(records: Iterable[dict[str, Any]], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False)
    table.add_column("document", overflow="ellipsis", no_wrap=True, max_width=22)
    for col in ("kind", "type", "status", "actors", "recipients", "where"):
        table.add_column(col, overflow="fold")
    table.add_column("when", no_wrap=True)
    for rec in records:
        names = _names(rec)
        for ev in rec.get("events", []):
            t = ev.get("time") or {}
            when = t.get("start") or ""
            if t.get("end") and t.get("end") != t.get("start"):
                when += f" – {t['end']}"
            table.add_row(
                Text(rec["doc"]["id"]), ev["kind"], ev.get("type") or "", ev["status"],
                Text(", ".join(names.get(a, a) for a in ev["actors"])),
                Text(", ".join(names.get(a, a) for a in ev["recipients"])),
                Text(names.get(ev["location"], ev["location"] or "") if ev.get("location") else ""),
                when,
            )
    return table


def render_document(doc: Document, record: dict[str, Any]) -> None:
    text = Text(doc.text)
    for ent in record.get("entities", []):
        for m in ent.get("mentions", []):
            text.stylize(STYLES.get(ent["type"], "white"), m["start"], m["end"])
    for t in record.get("times", []):
        text.stylize(STYLES["time"], t["start"], t["end"])
    console.print(Text(f"{doc.id}  {doc.published.isoformat() if doc.published else ''}  lang={doc.lang}", style="bold"))
    console.print(text)
    legend = Table(title="Entities")
    for col in ("id", "type", "name", "country", "role", "mentions"):
        legend.add_column(col, overflow="fold")
    for ent in record.get("entities", []):
        legend.add_row(Text(ent["id"]), ent["type"], Text(ent["name"]), ent.get("country") or "",
                       Text(ent.get("role") or ""), str(len(ent.get("mentions", []))))
    console.print(legend)
    times = Table(title="Times")
    for col in ("text", "type", "value", "interval"):
        times.add_column(col)
    for t in record.get("times", []):
        iv = t.get("interval") or {}
        times.add_row(Text(t["text"]), t["type"], t.get("value") or "", f"{iv.get('start')} – {iv.get('end')}")
    console.print(times)
    console.print(events_table([record]))
