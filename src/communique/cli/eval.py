"""``communique eval``: evaluation commands, one module each under :mod:`communique.evaluation`."""

from __future__ import annotations

import importlib

import click

SUBCOMMANDS = {
    "ner": "communique.evaluation.ner:command",
    "geo": "communique.evaluation.geo:command",
    "time": "communique.evaluation.time:command",
    "events": "communique.evaluation.events:command",
}


class _LazyEval(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ImportError as exc:
            reason = str(exc)  # ``exc`` itself is unbound once the except block ends

            @click.command(name=name, help=f"(unavailable: {reason})")
            def unavailable() -> None:
                raise click.ClickException(f"'eval {name}' is not available in this build: {reason}")

            return unavailable


@click.group("eval", cls=_LazyEval)
def eval_group() -> None:
    """Measure extraction against gold data (NER, geoparsing, time expressions, events)."""
