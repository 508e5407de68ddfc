"""German federal offices as titles before a name (s17): the new person carries the role as written."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


@pytest.mark.parametrize("text, name, role", [
    ("Staatsministerin Anna Lührmann sprach am Dienstag in Paris.", "Anna Lührmann", "Staatsministerin"),
    ("Am Abend äußerte sich Regierungssprecher Steffen Hebestreit dazu.", "Steffen Hebestreit", "Regierungssprecher"),
    ("Vizekanzler Lars Klingbeil reiste nach Washington.", "Lars Klingbeil", "Vizekanzler"),
    ("Innenminister Khan traf den Botschafter am Flughafen.", "Khan", "Innenminister"),
])
def test_title_gives_the_role(linker, text, name, role):
    doc = Document(id="t", text=text, source="test", lang="de", published=datetime(2025, 6, 10, tzinfo=timezone.utc))
    norm = normalize(text)
    got = {norm.text[m.start:m.end]: m.role for m in linker.find(doc, norm) if m.etype == "person"}
    assert got.get(name) == role
