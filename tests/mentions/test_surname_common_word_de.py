"""In German text a KB surname is rejected as a noun only if it is a German word: "Macron" (an English
word) is the French president, "Fall" (a German noun) is no surname."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _ids(linker, text: str) -> dict[str, str]:
    d = Document(id="t", text=text, source="test", lang="de", published=datetime(2024, 3, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n)}


def test_english_word_surname_links_in_german(linker):
    ids = _ids(linker, "Am Abend telefonierte Präsident Macron mit dem Bundeskanzler über die Lage in Nahost.")
    assert ids.get("Macron") == "kb:person/emmanuel-macron"


def test_german_noun_is_no_surname(linker):
    ids = _ids(linker, "In diesem Fall muss das Parlament neu abstimmen.")
    assert "Fall" not in ids
