"""Helpers for the connector tests: read a source fully, compare with a golden file.

Golden files live in ``tests/fixtures/ingest/golden/``; regenerate them after a deliberate
change with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/ingest`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from communique.documents import BadRecord, Document
from communique.ingest import connector, detect_format
from communique.ingest.base import ReadOptions, ReadStats

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
GOLDEN = FIXTURES / "golden"


def read_all(path, fmt: str | None = None, options: ReadOptions | None = None):
    """(documents, bad records, skipped counts) of one source."""
    path = str(path)
    fmt = fmt or detect_format(Path(path))
    stats = ReadStats()
    docs, bad = [], []
    for item in connector(fmt).read(path, options or ReadOptions(), stats):
        (bad if isinstance(item, BadRecord) else docs).append(item)
    return docs, bad, dict(stats.skipped)


def snapshot(docs: list[Document], bad: list[BadRecord], skipped: dict, base: Path | None = None) -> dict:
    def rel(s: str) -> str:
        return Path(s).name if base is None or not s.startswith(str(base)) else str(Path(s).relative_to(base))

    return {
        "documents": [d.to_dict() for d in docs],
        "bad": [{"source": rel(b.source), "position": b.position, "error": b.error} for b in bad],
        "skipped": dict(sorted(skipped.items())),
    }


