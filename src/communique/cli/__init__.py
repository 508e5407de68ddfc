"""The ``communique`` command line. Each command group lives in its own module, loaded on use."""

from __future__ import annotations

import importlib
import logging
import sys

import click

from communique import __version__
from communique.errors import CommuniqueError

# command name -> "module:attribute"; modules are imported only when their command runs.
COMMANDS = {
    "demo": "communique.cli.demo:demo",
    "ingest": "communique.cli.ingest:ingest",
    "fetch": "communique.cli.ingest:fetch",
    "docs": "communique.cli.docs:docs",
    "quarantine": "communique.cli.docs:quarantine",
    "db": "communique.cli.docs:db",
    "extract": "communique.cli.extract:extract",
    "show": "communique.cli.extract:show",
    "kb": "communique.cli.kb:kb",
    "eval": "communique.cli.eval:eval_group",
    "events": "communique.cli.events:events",
    "event": "communique.cli.events:event",
    "upcoming": "communique.cli.events:upcoming",
    "actor": "communique.cli.events:actor",
    "export": "communique.cli.events:export",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            # a command whose module is not there: say so instead of a traceback
            reason = str(exc)  # ``exc`` itself is unbound once the except block ends

            @click.command(name=name, help=f"(unavailable: {reason})")
            def unavailable() -> None:
                raise click.ClickException(f"the {name!r} command is not available in this build: {reason}")

            return unavailable

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            ctx.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="COMMUNIQUE_DB", default="communique.db", show_default=True,
              help="SQLite store to use (also COMMUNIQUE_DB).")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
@click.version_option(__version__, prog_name="communique")
@click.pass_context
def cli(ctx: click.Context, db: str, verbose: int) -> None:
    """communique: structured, verifiable event data from official diplomatic communications.

    Ingest Telegram exports, feeds and pages; extract who met whom, where, when and what was
    signed or announced, each field tied to its evidence; query and export the events.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"db": db}


def main() -> None:
    cli(prog_name="communique")
