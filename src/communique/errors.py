"""Exception hierarchy. The library raises these; the CLI reports them and sets the exit status."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Root of every error communique raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, position: str | None = None) -> None:
        self.source = source
        self.position = position
        where = ", ".join(p for p in (source, position) if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message


class IngestError(CommuniqueError):
    """A source could not be read at all (missing file, unknown format, network down)."""


class FormatDetectionError(IngestError):
    """No connector recognises the input."""


class NetworkError(IngestError):
    """A URL could not be fetched (unreachable, timed out, HTTP error after retries)."""


class StoreError(CommuniqueError):
    """The store cannot be opened or written (corrupt file, foreign database, failed migration)."""


class KnowledgeBaseError(CommuniqueError):
    """The knowledge base data is invalid or cannot be built."""


class ExtractionError(CommuniqueError):
    """A document could not be processed by the extraction pipeline."""


class EvaluationError(CommuniqueError):
    """An evaluation data set cannot be read."""
