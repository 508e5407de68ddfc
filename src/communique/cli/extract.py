"""``communique extract`` and ``communique show``."""

from __future__ import annotations

import io
import json
import sys
from typing import Any, Iterator

import click

from communique.cli.common import err_console, store_from
from communique.documents import BadRecord, Document, dumps, parse_datetime
from communique.errors import CommuniqueError

_PIPELINE = None
_USE_NATASHA = True


def _load_pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        import multiprocessing

        from communique.kb import cache_ready
        from communique.pipeline import Pipeline

        if multiprocessing.parent_process() is None and not cache_ready():
            err_console.print("building the knowledge-base cache (first run only, about 20-30 s) ...")
        _PIPELINE = Pipeline(use_natasha=_USE_NATASHA)
    return _PIPELINE


def _process(doc: Document) -> dict[str, Any]:
    return _load_pipeline().process(doc)


def _read_inputs(paths: tuple[str, ...]) -> Iterator[Document | BadRecord]:
    from communique.ingest import connector, detect_format
    from communique.ingest.base import ReadOptions, ReadStats
    from communique.ingest.jsonl import read_lines
    from communique.ingest.runner import expand_sources, guess_url_format, is_url

    if not paths or paths == ("-",):
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        yield from read_lines(stdin, "<stdin>", ReadOptions(), ReadStats())
        return
    for source in expand_sources(paths):
        try:
            from pathlib import Path

            fmt = guess_url_format(source) if is_url(source) else detect_format(Path(source))
            yield from connector(fmt).read(source, ReadOptions(), ReadStats())
        except CommuniqueError as exc:
            yield BadRecord(source, exc.position or "file", exc.message)


def _apply_overrides(doc: Document, lang: str | None, published: str | None) -> Document:
    if lang:
        doc.lang = lang
    if published:
        doc.published = parse_datetime(published)
    return doc


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH ...]")
@click.option("--format", "out_format", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True, help="jsonl: one OUTPUT.md record per line; json: a pretty list; table: events.")
@click.option("--lang", help="Language of every input document (ISO 639-1); default: detected.")
@click.option("--published", help="Publication time of every input document (ISO 8601).")
@click.option("--db", "use_db", is_flag=True, help="Extract the stored documents that are new or changed, into the store.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--limit", type=int, default=None, help="With --db: at most this many documents.")
@click.option("--no-natasha", is_flag=True, envvar="COMMUNIQUE_NO_NATASHA",
              help="Skip natasha's Russian NER: much faster on Russian text, fewer unknown Russian names found.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], out_format: str, lang: str | None, published: str | None,
            use_db: bool, workers: int, limit: int | None, no_natasha: bool) -> None:
    """Extract entities, times and events from documents (OUTPUT.md records on stdout).

    Reads PATHs in any ingest format, or JSON Lines on standard input (``-`` or no PATH).
    With --db, works on the store instead, incrementally. Exit status: 0 when all was read,
    1 when some input could not be read (reported on stderr), 2 on a usage error.
    """
    global _USE_NATASHA
    _USE_NATASHA = not no_natasha
    if published:
        try:
            parse_datetime(published)
        except ValueError:
            raise click.BadParameter(f"{published!r} is not ISO 8601", param_hint="--published") from None
    if use_db:
        _extract_db(ctx, workers, limit)
        return
    _load_pipeline()  # load once, before forking workers
    bad_count = 0

    def docs() -> Iterator[Document]:
        nonlocal bad_count
        for item in _read_inputs(paths):
            if isinstance(item, BadRecord):
                bad_count += 1
                click.echo(f"error: {item}", err=True)
                continue
            yield _apply_overrides(item, lang, published)

    records = _map(docs(), workers)
    collected = []
    for record in records:
        if out_format == "jsonl":
            sys.stdout.write(dumps(record) + "\n")
        else:
            collected.append(record)
    if out_format == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    elif out_format == "table":
        from communique.cli.common import console
        from communique.cli.render import events_table

        console.print(events_table(collected))
    if bad_count:
        ctx.exit(1)


def _map(docs: Iterator[Document], workers: int) -> Iterator[dict[str, Any]]:
    if workers == 1:
        for d in docs:
            yield _process(d)
        return
    import multiprocessing as mp

    with mp.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_process, docs, chunksize=16)


def _extract_db(ctx: click.Context, workers: int, limit: int | None) -> None:
    from communique.pipeline import extractor_version

    version = extractor_version() + ("" if _USE_NATASHA else "+no-natasha")

    store = store_from(ctx)
    try:
        _register_store_hooks(store)
        todo = list(store.documents_to_extract(version, limit=limit))
        if not todo:
            err_console.print("nothing to extract: every stored document is up to date")
            return
        _load_pipeline()
        batch: list[tuple[Document, dict[str, Any]]] = []
        done = 0
        from rich.progress import Progress

        from communique.consolidate import fewer_collections

        def save(items: list[tuple[Document, dict[str, Any]]]) -> int:
            # the store's hooks consolidate each record: the collector runs less often meanwhile, as in
            # ``communique consolidate`` (consolidate.GC_THRESHOLD)
            with fewer_collections():
                return store.save_extractions(items, version)

        with Progress(console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
            task = bar.add_task("extract", total=len(todo))
            for doc, record in zip(todo, _map(iter(todo), workers)):
                batch.append((doc, record))
                if len(batch) >= 200:
                    done += save(batch)
                    bar.advance(task, len(batch))
                    batch = []
            if batch:
                done += save(batch)
        err_console.print(f"extracted {done} documents")
    finally:
        store.close()


def _register_store_hooks(store) -> None:
    """Later stages (the event store) index each saved record through the store's hooks."""
    try:
        from communique.consolidate import register_hooks
    except ImportError:
        return
    register_hooks(store)


@click.command()
@click.argument("doc_id")
@click.pass_context
def show(ctx: click.Context, doc_id: str) -> None:
    """Print a stored document with its entities, times and events highlighted."""
    from communique.cli.render import render_document

    with store_from(ctx) as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise click.ClickException(f"no document {doc_id!r}")
        record = store.get_extraction(doc_id)
    if record is None:
        record = _process(doc)
    render_document(doc, record)
