"""``communique demo``: the README's main job on the bundled demo corpus."""

from __future__ import annotations

from importlib import resources

import click

from communique.cli.common import console, err_console, store_from
from communique.cli.ingest import run_and_report
from communique.ingest.base import ReadOptions


def demo_corpus_path() -> str:
    return str(resources.files("communique").joinpath("data", "demo"))


@click.command()
@click.option("--no-extract", is_flag=True, help="Only ingest; do not extract events.")
@click.pass_context
def demo(ctx: click.Context, no_extract: bool) -> None:
    """Ingest the bundled demo corpus into the store, extract it and show its events."""
    path = demo_corpus_path()
    err_console.print(f"demo corpus: {path}")
    err_console.print(f"store: {ctx.find_root().obj['db']}")
    run_and_report(ctx, [path], None, ReadOptions(), as_json=False)
    with store_from(ctx) as store:
        info = store.info()
    console.print(f"[bold]{info['documents']}[/] documents in the store; languages: {info['by_language']}")
    if no_extract:
        return
    from communique.cli.extract import extract

    ctx.invoke(extract, use_db=True)
    from communique.cli.events import events as events_cmd

    console.print("[bold]Consolidated events[/] (one row per real-world event, across documents and languages):")
    ctx.invoke(events_cmd)
