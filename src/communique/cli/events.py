"""``communique events``, ``event show``, ``upcoming``, ``actor`` and ``export``: the consolidated events."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, Iterable

import click
from rich.table import Table
from rich.text import Text

from communique.cli.common import console, print_json, store_from
from communique.errors import CommuniqueError

KINDS = ("visit", "meeting", "talks", "phone_call", "video_call", "summit", "session", "signing", "adoption",
         "statement", "commemoration", "appointment", "sanction", "other")
STATUSES = ("planned", "occurred", "cancelled", "postponed", "denied", "unknown", "unconfirmed")


def _iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _status_options(f):
    f = click.option("--grace-days", type=click.IntRange(0, 3650), default=None,
                     help="Days after a planned event's date before it counts as unconfirmed "
                          "(default 7; also COMMUNIQUE_GRACE_DAYS).")(f)
    f = click.option("--as-of", callback=_iso_day, default=None,
                     help="Reference day for statuses (default: today, or the newest publication in the store "
                          "if older).")(f)
    return f


def _grace(value: int | None) -> int:
    if value is not None:
        return value
    from communique.consolidate import grace_days_default

    return grace_days_default()


def _open(ctx: click.Context):
    from communique.store import events as es

    store = store_from(ctx, create=False)
    try:
        es.require_event_tables(store.conn)
    except CommuniqueError:
        store.close()
        raise
    return store


def _names(rec: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in rec.get("entities") or []}


def _when(rec: dict[str, Any]) -> str:
    t = rec.get("time") or {}
    if not t.get("start"):
        src = rec.get("sources") or [{}]
        p = (src[0].get("published") or "")[:10]
        return f"({p})" if p else ""
    when = t["start"]
    if t.get("end") and t["end"] != t["start"]:
        when += f" – {t['end']}"
    return when


def _table(records: Iterable[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for col in ("id", "when", "kind", "type", "status", "actors", "recipients", "where", "sources"):
        table.add_column(col, overflow="fold")
    for rec in records:
        names = _names(rec)
        langs = sorted({s.get("lang") or "?" for s in rec.get("sources") or []})
        table.add_row(
            rec["id"], _when(rec), rec["kind"], rec.get("type") or "", rec["status"],
            Text(", ".join(names.get(a, a) for a in rec.get("actors") or [])),
            Text(", ".join(names.get(a, a) for a in rec.get("recipients") or [])),
            Text(names.get(rec["location"], rec["location"]) if rec.get("location") else ""),
            f"{len(rec.get('sources') or [])} ({', '.join(langs)})",
        )
    return table


def _write_csv(records: Iterable[dict[str, Any]]) -> None:
    from communique.export import write_csv

    sys.stdout.flush()
    write_csv(records, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _query(store, actor: str | None, country: str | None, kind: str | None, type_: str | None, status: str | None,
           date_from: str | None, date_to: str | None, text: str | None, limit: int | None, ascending: bool = False,
           dated_only: bool = False):
    from communique.consolidate.query import query_keys, resolve_actor
    from communique.store.events import StoryQuery

    keys = None
    if actor:
        ids = resolve_actor(store.conn, actor)
        if not ids:
            click.echo(f"no entity named {actor!r} in the knowledge base or the store", err=True)
        keys = query_keys(ids)
    if country and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter(f"{country!r} is not an ISO 3166-1 alpha-2 code", param_hint="--country")
    return StoryQuery(keys=keys, country=country.upper() if country else None, kind=kind, type=type_,
                      status=status, date_from=date_from, date_to=date_to, text=text,
                      limit=limit if limit and limit > 0 else None, ascending=ascending, dated_only=dated_only)


def _filter_options(f):
    for opt in reversed([
        click.option("--actor", help="A person, country or organisation, by name in any language or script, or id."),
        click.option("--country", help="ISO 3166-1 alpha-2 code of a participant's or the place's country."),
        click.option("--kind", type=click.Choice(KINDS), help="Diplomatic kind."),
        click.option("--type", "type_", help="PLOVER event type (CONSULT, AGREE, ...)."),
        click.option("--status", type=click.Choice(STATUSES), help="Status (unconfirmed: planned, date passed)."),
        click.option("--from", "date_from", callback=_iso_day, help="Events ending on or after this day."),
        click.option("--to", "date_to", callback=_iso_day, help="Events starting on or before this day."),
        click.option("--text", help="Words that must occur in what the sources say (any language)."),
    ]):
        f = opt(f)
    return f


@click.command()
@_filter_options
@click.option("--format", "out_format", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many (0: all), newest first.")
@_status_options
@click.pass_context
def events(ctx: click.Context, actor, country, kind, type_, status, date_from, date_to, text, out_format, limit,
           as_of, grace_days) -> None:
    """Consolidated events: one row per real-world event, with every source that reported it."""
    from communique.store.events import iter_story_records

    with _open(ctx) as store:
        q = _query(store, actor, country, kind, type_, status, date_from, date_to, text, limit)
        records = iter_story_records(store.conn, q, as_of=as_of, grace_days=_grace(grace_days))
        if out_format == "json":
            _stream_json(records)
        elif out_format == "csv":
            _write_csv(records)
        else:
            console.print(_table(records, "Events"))


def _stream_json(records: Iterable[dict[str, Any]]) -> None:
    """A JSON list written item by item (a large result is never held in memory)."""
    out = sys.stdout
    first = True
    out.write("[")
    for rec in records:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(rec, ensure_ascii=False, indent=2))
        first = False
    out.write("\n]\n" if not first else "]\n")


@click.group(invoke_without_command=False)
def event() -> None:
    """One consolidated event: ``event show ID`` (why its sources were merged); ``event reindex``."""


def _story_id(value: str) -> int:
    v = value.strip().lower().lstrip("s")
    if not v.isdigit():
        raise click.BadParameter(f"{value!r} is not an event id (s123 or 123)")
    return int(v)


@event.command("show")
@click.argument("event_id")
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_status_options
@click.pass_context
def show(ctx: click.Context, event_id: str, out_format: str, as_of, grace_days) -> None:
    """Print a consolidated event: its fields, sources with evidence, why they were merged, status history."""
    from communique.store import events as es

    sid = _story_id(event_id)
    with _open(ctx) as store:
        rec = es.get_story_record(store.conn, sid, as_of=as_of, grace_days=_grace(grace_days))
        if rec is None:
            raise click.ClickException(f"no event {event_id!r}")
        members = [{"doc": r["doc_id"], "event": r["local_id"], "published": r["published"], "lang": r["lang"],
                    "score": r["score"], "reason": json.loads(r["reason"]), "joined": r["joined"]}
                   for r in es.story_member_rows(store.conn, sid)]
    if out_format == "json":
        print_json({**rec, "merge": members})
        return
    names = _names(rec)
    console.print(Text(f"{rec['id']}  {rec['kind']}  {rec.get('type') or ''}  {rec['status']}  {_when(rec)}",
                       style="bold"))
    console.print(Text("actors: " + ", ".join(names.get(a, a) for a in rec["actors"])))
    console.print(Text("recipients: " + ", ".join(names.get(a, a) for a in rec["recipients"])))
    if rec.get("location"):
        console.print(Text("where: " + names.get(rec["location"], rec["location"])))
    if rec.get("documents"):
        console.print(Text("documents: " + ", ".join(names.get(a, a) for a in rec["documents"])))
    if rec.get("organizations"):
        console.print(Text("organizations: " + ", ".join(names.get(a, a) for a in rec["organizations"])))
    console.print(Text(f"confidence: {rec.get('confidence')}"))
    sources = Table(title="Sources and why they were merged")
    for col in ("document", "lang", "published", "status", "kind", "evidence", "why"):
        sources.add_column(col, overflow="fold")
    by_key = {(s["doc"], s["event"]): s for s in rec["sources"]}
    for m in members:
        s = by_key.get((m["doc"], m["event"]), {})
        reason = m["reason"]
        why = "; ".join(reason.get("checks") or [])
        if reason.get("decision") == "joined":
            why = f"joined (score {reason.get('score')} ≥ {reason.get('threshold')}): {why}"
        else:
            why = f"first source: {why}"
        quote = " … ".join(sp.get("text") or "" for sp in s.get("evidence") or [])
        sources.add_row(Text(f"{m['doc']}#{m['event']}"), m.get("lang") or "", (m.get("published") or "")[:16],
                        s.get("status") or "", s.get("kind") or "", Text(quote), Text(why))
    console.print(sources)
    hist = Table(title="Status history")
    for col in ("status", "at", "document", "note"):
        hist.add_column(col, overflow="fold")
    for h in rec.get("status_history") or []:
        doc = f"{h['doc']}#{h['event']}" if h.get("doc") else ""
        hist.add_row(h["status"], (h.get("at") or "")[:16], Text(doc), h.get("note") or "")
    console.print(hist)
    rejected = [r for m in members for r in m["reason"].get("rejected") or []]
    if rejected:
        rej = Table(title="Other events considered and kept apart")
        rej.add_column("event")
        rej.add_column("why", overflow="fold")
        for r in rejected:
            rej.add_row(r["story"], Text(r["why"]))
        console.print(rej)


@event.command("reindex")
@click.pass_context
def reindex_cmd(ctx: click.Context) -> None:
    """Rebuild every event and consolidated event from the stored extractions."""
    from communique.consolidate import reindex
    from communique.store import events as es

    with store_from(ctx, create=False) as store:
        n = reindex(store)
        st = es.stats(store.conn)
    click.echo(f"indexed {n} records: {st['events']} events in {st['stories']} consolidated events", err=True)


@click.command()
@click.option("--actor", help="Only events of this person, country or organisation.")
@click.option("--country", help="Only events with a participant of this country (ISO alpha-2).")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "out_format", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@_status_options
@click.pass_context
def upcoming(ctx: click.Context, actor, country, limit, out_format, as_of, grace_days) -> None:
    """Planned events ahead (from the reference day), soonest first."""
    from communique.store import events as es

    with _open(ctx) as store:
        day = as_of or es.as_of_default(store.conn)
        q = _query(store, actor, country, None, None, "planned", day, None, None, limit, ascending=True,
                   dated_only=True)
        records = es.iter_story_records(store.conn, q, as_of=day, grace_days=_grace(grace_days))
        if out_format == "json":
            print_json(list(records))
        elif out_format == "csv":
            _write_csv(records)
        else:
            console.print(_table(records, f"Upcoming (as of {day})"))


@click.command()
@click.argument("name")
@click.option("--from", "date_from", callback=_iso_day)
@click.option("--to", "date_to", callback=_iso_day)
@click.option("--limit", type=int, default=200, show_default=True, help="The most recent this many (0: all).")
@click.option("--format", "out_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_status_options
@click.pass_context
def actor(ctx: click.Context, name, date_from, date_to, limit, out_format, as_of, grace_days) -> None:
    """A person's, country's or organisation's engagements over time, with counterparts and places."""
    from communique.consolidate.query import actor_engagements, resolve_actor

    with _open(ctx) as store:
        ids = resolve_actor(store.conn, name)
        if not ids:
            raise click.ClickException(f"no entity named {name!r} in the knowledge base or the store")
        result = actor_engagements(store.conn, ids, as_of=as_of, grace_days=_grace(grace_days),
                                   date_from=date_from, date_to=date_to, limit=limit if limit > 0 else None)
    if out_format == "json":
        print_json(result)
        return
    rows = result["events"]
    names: dict[str, str] = {}
    for rec in rows:
        names.update(_names(rec))
    who = ", ".join(names.get(i, i) for i in ids)
    table = Table(title=f"{who}: {len(rows)} events")
    for col in ("when", "id", "kind", "status", "with", "where", "sources"):
        table.add_column(col, overflow="fold")
    from communique.consolidate.query import own_side

    with _open(ctx) as store:
        mine = own_side(store.conn, ids)
    for rec in rows:
        n = _names(rec)
        others = [p for p in list(rec.get("actors") or []) + list(rec.get("recipients") or []) if p not in mine]
        table.add_row(_when(rec), rec["id"], rec["kind"], rec["status"], Text(", ".join(n.get(p, p) for p in others)),
                      Text(n.get(rec["location"], rec["location"]) if rec.get("location") else ""),
                      str(len(rec.get("sources") or [])))
    console.print(table)
    if result["counterparts"]:
        cp = Table(title="Counterparts")
        cp.add_column("who")
        cp.add_column("events", justify="right")
        for c in result["counterparts"][:20]:
            cp.add_row(Text(c["name"]), str(c["events"]))
        console.print(cp)
    if result["places"]:
        pl = Table(title="Places")
        pl.add_column("where")
        pl.add_column("events", justify="right")
        for c in result["places"][:20]:
            pl.add_row(Text(c["name"]), str(c["events"]))
        console.print(pl)


@click.command()
@click.option("--format", "out_format", type=click.Choice(["jsonl", "plover", "polecat", "csv", "parquet"]),
              default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="File to write (default: standard output).")
@_filter_options
@_status_options
@click.pass_context
def export(ctx: click.Context, out_format, output, actor, country, kind, type_, status, date_from, date_to, text,
           as_of, grace_days) -> None:
    """Export consolidated events (streamed): jsonl, PLOVER JSON lines, POLECAT TSV, CSV or Parquet."""
    from communique.export import export as run_export
    from communique.store.events import iter_export_rows

    with _open(ctx) as store:
        q = _query(store, actor, country, kind, type_, status, date_from, date_to, text, 0)
        from communique.export import NEEDS_RECORD

        records = iter_export_rows(store.conn, q, as_of=as_of, grace_days=_grace(grace_days),
                                   need_record=out_format in NEEDS_RECORD)
        if output:
            with open(output, "wb") as fh:
                st = run_export(records, out_format, fh)
        else:
            if out_format == "parquet" and sys.stdout.isatty():
                raise click.UsageError("Parquet is binary: give -o FILE or redirect standard output")
            sys.stdout.flush()
            st = run_export(records, out_format, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    msg = f"exported {st.written} events"
    if st.skipped:
        msg += f" ({st.skipped} without a PLOVER type left out)"
    click.echo(msg, err=True)
