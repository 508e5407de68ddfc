"""Helpers shared by the CLI modules: the store from the context, JSON output, consoles."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console

from communique.store import SQLiteStore, open_store

console = Console()
err_console = Console(stderr=True)


def store_from(ctx: click.Context, *, create: bool = True) -> SQLiteStore:
    return open_store(ctx.find_root().obj["db"], create=create)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")
