"""Ingestion: connectors that turn exports, feeds, pages and files into :class:`Document` s.

Each connector is its own module (see :mod:`communique.ingest.base` for the protocol). This
package picks one by ``--format`` or by sniffing, and :mod:`communique.ingest.runner` streams
their output into the store in transactional batches.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from communique.errors import FormatDetectionError

# In sniffing order: the most specific first.
CONNECTORS: dict[str, str] = {
    "telegram-json": "communique.ingest.telegram_json",
    "telegram-html": "communique.ingest.telegram_html",
    "telegram-web": "communique.ingest.telegram_web",
    "rss": "communique.ingest.rss",
    "web": "communique.ingest.web",
    "jsonl": "communique.ingest.jsonl",
    "csv": "communique.ingest.csv_file",
    "text": "communique.ingest.text",
}


def connector(fmt: str) -> ModuleType:
    if fmt not in CONNECTORS:
        raise FormatDetectionError(f"unknown format {fmt!r}; choose one of: {', '.join(CONNECTORS)}")
    return importlib.import_module(CONNECTORS[fmt])


def available_connectors() -> dict[str, ModuleType]:
    out = {}
    for name in CONNECTORS:
        try:
            out[name] = connector(name)
        except ImportError:  # a connector module not present in this build
            continue
    return out


def detect_format(path: Path) -> str:
    """Pick the connector for a file by sniffing its first 64 KB."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise FormatDetectionError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc
    if not head.strip():
        raise FormatDetectionError("the file is empty", source=str(path), position="byte 0")
    for name, module in available_connectors().items():
        if module.sniff(path, head):
            return name
    raise FormatDetectionError("cannot tell the format of this file; pass --format", source=str(path))
