"""A headline in title case: a common word after a given name is no surname (persons._title_case_line, s20)."""

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _persons(linker, text, lang="en"):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return [norm.text[m.start:m.end] for m in linker.find(d, norm) if m.etype == "person"]


def test_headline_verbs_are_no_surname(linker):
    assert not any("Says" in p for p in _persons(linker, "Martin Says Talks Went Well\n\nThe talks ended on Monday."))


def test_running_text_keeps_the_name(linker):
    assert "Martin Lawson" in _persons(linker, "Martin Lawson says the talks went well, and the minister agreed.")
