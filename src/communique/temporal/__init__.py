"""Time expressions in five languages, normalised against the publication date."""

from __future__ import annotations

from communique.documents import Document
from communique.model import TimeExpr
from communique.normalize import NormText


class TimeTagger:
    """Placeholder until the time stage lands (issue 4): finds nothing."""

    def tag(self, doc: Document, norm: NormText) -> tuple[list[TimeExpr], bool]:
        """Return the document's time expressions and whether the publication date was inferred."""
        return [], False
