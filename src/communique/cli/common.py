"""Helpers shared by the CLI modules: the store from the context, JSON output, consoles."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click
from rich.console import Console

from communique.store import SQLiteStore, open_store

# Piped output (a file, CI logs) gets wide tables instead of rich's default 80 columns.
console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() or os.environ.get("COLUMNS") else 160)


def store_from(ctx: click.Context, *, create: bool = True) -> SQLiteStore:
    return open_store(ctx.find_root().obj["db"], create=create)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")
