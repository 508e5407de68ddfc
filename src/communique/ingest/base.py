"""What every connector provides.

A connector is a module with ``NAME`` (the ``--format`` value), ``sniff(path, head) -> bool``
(does this file look like mine? ``head`` is its first 64 KB) and
``read(source, options, stats) -> Iterator[Document | BadRecord]``. ``read`` streams: it never
holds a whole large input in memory, and it yields a :class:`BadRecord` for anything it cannot
read instead of raising, so that the rest of the input is kept. It raises
:class:`~communique.errors.IngestError` only when nothing at all can be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Protocol, Union

from communique.documents import BadRecord, Document

Item = Union[Document, BadRecord]


@dataclass
class ReadStats:
    """What a connector skipped on purpose (service messages, empty posts), by reason."""

    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())


@dataclass
class ReadOptions:
    """Options from the command line that connectors may use."""

    source_name: str | None = None  # --source: overrides the channel/feed name
    chat_id: str | None = None  # --chat-id: Telegram chat id for exports that lack it (HTML, bare arrays)
    follow_links: bool = False  # rss: fetch each item's article page
    csv_columns: dict[str, str] = field(default_factory=dict)  # our field -> CSV column
    lang: str | None = None  # a language hint
    since: Any = None  # datetime: drop older items (fetchers stop paging there)
    limit: int | None = None  # fetchers: at most this many documents
    timeout: float = 20.0  # seconds per HTTP request
    retries: int = 3  # HTTP: attempts after the first one, with exponential backoff
    backoff: float = 1.0  # HTTP: first backoff in seconds (doubles each retry)
    request_delay: float = 1.0  # HTTP: polite pause between two requests to the same site

    def effective_limit(self) -> int | None:
        """``limit``, or the old way of passing it (``csv_columns["limit"]``)."""
        if self.limit is not None:
            return self.limit
        raw = self.csv_columns.get("limit")
        return int(raw) if raw else None


def wanted(doc: "Document | None", options: ReadOptions, stats: ReadStats) -> bool:
    """The filter every connector applies: no empty posts, nothing before ``--since``."""
    if doc is None:
        stats.skip("empty")
        return False
    if options.since is not None and doc.published is not None and doc.published < options.since:
        stats.skip("before-since")
        return False
    return True


class Connector(Protocol):
    NAME: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, source: str, options: ReadOptions, stats: ReadStats) -> Iterator[Item]: ...
