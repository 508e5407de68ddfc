"""The store: everything communique keeps. SQLite by default; the boundary for other backends.

Connectors and stages never touch SQL: they call :func:`open_store` and the methods of
:class:`~communique.store.sqlite.SQLiteStore`. A PostgreSQL backend implements the same
methods behind the same function.
"""

from __future__ import annotations

import os
from pathlib import Path

from communique.store.sqlite import IngestCounts, SQLiteStore

DEFAULT_DB = "communique.db"

__all__ = ["open_store", "default_db_path", "SQLiteStore", "IngestCounts", "DEFAULT_DB"]


def default_db_path() -> str:
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = True) -> SQLiteStore:
    """Open (and migrate) the store at ``location``: a file path, ``sqlite:///path`` or ``:memory:``."""
    loc = str(location) if location is not None else default_db_path()
    if loc.startswith("sqlite:///"):
        loc = loc[len("sqlite:///"):]
    if loc.startswith(("postgres://", "postgresql://")):
        from communique.errors import StoreError

        raise StoreError("PostgreSQL is not supported yet; use a SQLite file", source=loc)
    if loc != ":memory:" and not create and not Path(loc).exists():
        from communique.errors import StoreError

        raise StoreError("no such database file", source=loc)
    return SQLiteStore(loc)
