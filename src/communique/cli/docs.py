"""``communique docs``, ``communique quarantine`` and ``communique db``."""

from __future__ import annotations

from pathlib import Path

import click
from rich import box
from rich.table import Table
from rich.text import Text

from communique.cli.common import console, print_json, store_from


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


@click.group()
def docs() -> None:
    """List, show and search stored documents."""


@docs.command("list")
@click.option("--channel", help="Only this channel or feed.")
@click.option("--lang", help="Only this language.")
@click.option("--since", help="Published on or after (YYYY-MM-DD).")
@click.option("--until", help="Published before (YYYY-MM-DD).")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def docs_list(ctx: click.Context, channel, lang, since, until, limit: int, as_json: bool) -> None:
    """List documents, oldest first."""
    with store_from(ctx) as store:
        rows = list(store.iter_documents(channel=channel, lang=lang, since=since, until=until, limit=limit))
    if as_json:
        print_json([d.to_dict() for d in rows])
        return
    table = Table()
    table.add_column("id", overflow="fold", ratio=2)
    table.add_column("published", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("channel", overflow="fold", ratio=1)
    table.add_column("text", overflow="fold", ratio=3)
    for d in rows:
        table.add_row(Text(d.id), d.published.strftime("%Y-%m-%d %H:%M") if d.published else "-", d.lang or "?",
                      Text(d.channel or ""), Text(_clip((d.title or d.text).replace("\n", " "), 100)))
    console.print(table)


@docs.command("show")
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def docs_show(ctx: click.Context, doc_id: str, as_json: bool) -> None:
    """Show one document with its metadata and revisions."""
    with store_from(ctx) as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise click.ClickException(f"no document {doc_id!r}")
        revisions = store.document_revisions(doc_id)
    if as_json:
        print_json({**doc.to_dict(), "revisions": revisions})
        return
    console.print(f"[bold]{doc.id}[/]  {doc.published.isoformat() if doc.published else ''}  lang={doc.lang}  "
                  f"revisions={len(revisions)}")
    if doc.url:
        console.print(doc.url)
    if doc.title:
        console.print(Text(doc.title, style="bold"))
    console.print(doc.text, markup=False, highlight=False)
    if doc.meta:
        console.print(Text(str(doc.meta)))


@docs.command("search")
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def docs_search(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search (SQLite FTS5 syntax: words, "phrases", OR, prefix*)."""
    with store_from(ctx) as store:
        hits = store.search_documents(query, limit)
    if as_json:
        print_json([{**d.to_dict(), "snippet": s} for d, s in hits])
        return
    table = Table()
    table.add_column("id")
    table.add_column("published")
    table.add_column("snippet")
    for d, s in hits:
        table.add_row(Text(d.id), d.published.date().isoformat() if d.published else "-", Text(s.replace("\n", " ")))
    console.print(table)


@click.group()
def quarantine() -> None:
    """Records that could not be read, kept aside with the reason."""


@quarantine.command("list")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def quarantine_list(ctx: click.Context, limit: int, as_json: bool) -> None:
    """List quarantined records, newest first."""
    with store_from(ctx) as store:
        rows = store.quarantined(limit)
    if as_json:
        print_json(rows)
        return
    table = Table()
    for col in ("source", "position", "error", "raw"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(Text(r["source"]), Text(r["position"]), Text(r["error"]), Text((r["raw"] or "")[:60]))
    console.print(table)


@click.group()
def db() -> None:
    """The store itself."""


@db.command("info")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def db_info(ctx: click.Context, as_json: bool) -> None:
    """Counts, languages, sources and the schema version."""
    with store_from(ctx) as store:
        info = store.info()
        runs = store.runs(10)
    if as_json:
        print_json({**info, "recent_runs": runs})
        return
    for k, v in info.items():
        console.print(f"[bold]{k}[/]: {v}")
    if runs:
        table = Table(title="Recent ingest runs", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
        table.add_column("run", justify="right", no_wrap=True)
        table.add_column("started", no_wrap=True)
        table.add_column("source", overflow="fold", ratio=1, min_width=12)
        table.add_column("status", no_wrap=True)
        for col in ("new", "revised", "unchanged", "quarant."):
            table.add_column(col, justify="right", no_wrap=True)
        for r in runs:
            started = (r["started"] or "")[5:16].replace("T", " ")
            table.add_row(str(r["id"]), started, Text(Path(r["source"]).name if "://" not in r["source"] else r["source"]),
                          r["status"], str(r["new"]), str(r["revised"]), str(r["unchanged"]), str(r["quarantined"]))
        console.print(table)
