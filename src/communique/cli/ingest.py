"""``communique ingest`` and ``communique fetch``."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path

import click
from rich import box
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from communique.cli.common import console, err_console, print_json, store_from
from communique.ingest import CONNECTORS
from communique.ingest.base import ReadOptions
from communique.ingest.runner import SourceResult, ingest as run_ingest


def _display_names(sources: list[str]) -> list[str]:
    """Short names for the summary: file names when they are unique, else paths below the common folder."""
    files = [s for s in sources if not s.startswith(("http://", "https://"))]
    names = [Path(s).name for s in files]
    if len(set(names)) == len(names):
        short = dict(zip(files, names))
    else:
        try:
            common = Path(os.path.commonpath([str(Path(s).resolve()) for s in files]))
            short = {s: str(Path(s).resolve().relative_to(common)) for s in files}
        except ValueError:
            short = {s: s for s in files}
    return [short.get(s, s) for s in sources]


def _parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: use FIELD=COLUMN, e.g. text=body", param_hint="--column")
        k, col = v.split("=", 1)
        out[k.strip()] = col.strip()
    return out


def _parse_since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint="--since") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def run_and_report(ctx: click.Context, inputs: list[str], fmt: str | None, options: ReadOptions, as_json: bool,
                   quiet: bool = False) -> list[SourceResult]:
    store = store_from(ctx)
    try:
        with Progress(TextColumn("[bold]ingest"), BarColumn(bar_width=None), TextColumn("{task.completed:,} records"),
                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err_console,
                      transient=True, disable=quiet or as_json or not err_console.is_terminal) as bar:
            task = bar.add_task("ingest", total=None, rate="")
            started = datetime.now().timestamp()

            def tick(n: int) -> None:
                bar.advance(task, n)
                done = bar.tasks[0].completed
                elapsed = max(datetime.now().timestamp() - started, 1e-6)
                bar.update(task, rate=f"{done / elapsed:,.0f} docs/s")

            results = run_ingest(inputs, store, fmt=fmt, options=options, progress=tick)
    finally:
        store.close()
    if as_json:
        print_json([{"source": r.source, "format": r.format, **r.counts.to_dict(), "skipped_by_reason": r.skipped,
                     "seconds": round(r.seconds, 3), "error": r.error} for r in results])
    elif not quiet:
        wide = console.width >= 100
        table = Table(title="Ingest summary", box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("source", overflow="fold", ratio=1, min_width=12)
        table.add_column("format", overflow="fold")
        cols = ("new", "revised", "unchanged", "quarantined", "skipped") + (("docs/s",) if wide else ())
        for col in cols:
            table.add_column(col, justify="right", no_wrap=True)
        total_docs = total_bad = 0
        total_seconds = 0.0
        for r, name in zip(results, _display_names([r.source for r in results])):
            c = r.counts
            total_docs += c.total
            total_bad += c.quarantined
            total_seconds += r.seconds
            row = [Text(name), r.format or "?", str(c.new), str(c.revised), str(c.unchanged),
                   f"[red]{c.quarantined}[/]" if c.quarantined else "0", str(c.skipped)]
            if wide:
                row.append(f"{c.total / r.seconds:,.0f}" if r.seconds > 0 and c.total else "-")
            table.add_row(*row)
        console.print(table)
        rate = f" ({total_docs / total_seconds:,.0f} docs/s)" if total_seconds > 0 and total_docs else ""
        console.print(f"{len(results)} source(s): {total_docs:,} document(s) read, {total_bad:,} quarantined, "
                      f"in {total_seconds:.2f}s{rate}")
        for r in results:
            if r.error:
                err_console.print(Text("error ", style="red") + Text(r.error))
        if any(r.counts.quarantined for r in results):
            err_console.print("some records were quarantined: see [bold]communique quarantine list[/]")
    return results


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--format", "fmt", type=click.Choice(sorted(CONNECTORS)), help="Input format (default: detected).")
@click.option("--source", "source_name", help="Channel or feed name to record for these documents.")
@click.option("--chat-id", help="Telegram chat id for exports that lack it (HTML exports, bare message arrays), "
              "so their keys match a JSON export of the same chat (tg:<chat-id>:<message-id>).")
@click.option("--lang", help="Language hint (ISO 639-1) for short posts the detector cannot decide.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
              help="CSV column mapping, e.g. --column text=body --column published=date (repeatable).")
@click.option("--follow-links", is_flag=True, help="RSS: fetch each item's article page for its full text.")
@click.option("--since", help="Skip items published before this date (YYYY-MM-DD).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="URLs: seconds before a request is given up (then retried).")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="URLs: attempts after a failed request, with exponential backoff.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], fmt: str | None, source_name: str | None,
           chat_id: str | None, lang: str | None,
           columns: tuple[str, ...], follow_links: bool, since: str | None, timeout: float, retries: int,
           as_json: bool) -> None:
    """Ingest exports, feeds, pages and files into the store.

    PATH_OR_URL may be a file, a directory (every file in it) or a URL. Re-ingesting adds
    nothing; an edited post becomes a new revision. Exit status: 0 when everything was read,
    1 when some records were quarantined, 2 on a usage error.
    """
    if chat_id is not None and not re.fullmatch(r"-?\d+", chat_id.strip()):
        raise click.BadParameter(f"{chat_id!r} is not a Telegram chat id (digits, e.g. 1700000001)",
                                 param_hint="--chat-id")
    options = ReadOptions(source_name=source_name, chat_id=chat_id.strip() if chat_id else None,
                          follow_links=follow_links, csv_columns=_parse_columns(columns), lang=lang,
                          since=_parse_since(since), timeout=timeout, retries=retries)
    results = run_and_report(ctx, list(inputs), fmt, options, as_json)
    if any(r.counts.quarantined or r.error for r in results):
        ctx.exit(1)


@click.group()
def fetch() -> None:
    """Fetch documents from the web into the store."""


@fetch.command("telegram")
@click.argument("channel")
@click.option("--since", help="Stop paging at posts older than this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many posts.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds to wait between two page requests (be polite).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds before a request is given up (then retried with backoff).")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Attempts after a failed request, with exponential backoff (1s, 2s, 4s, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def fetch_telegram(ctx: click.Context, channel: str, since: str | None, limit: int | None, delay: float,
                   timeout: float, retries: int, as_json: bool) -> None:
    """Fetch a public channel's posts from its web preview (t.me/s/CHANNEL), newest first.

    CHANNEL is a username (MFARussia, @MFARussia), a t.me link or a full preview URL. Paging
    stops at the end of the history, at --since or at --limit.
    """
    from communique.ingest.telegram_web import channel_url

    url = channel_url(channel)
    name = url.rstrip("/").split("?")[0].rsplit("/", 1)[-1]
    options = ReadOptions(source_name=name, since=_parse_since(since), limit=limit, request_delay=delay,
                          timeout=timeout, retries=retries)
    results = run_and_report(ctx, [url], "telegram-web", options, as_json)
    if any(r.counts.quarantined or r.error for r in results):
        ctx.exit(1)
