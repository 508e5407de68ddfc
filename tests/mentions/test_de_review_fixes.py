"""German fixes from the s10 review: long foreign surnames, Airbus types, celestial bodies as no event place."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _found(linker, text: str) -> dict[str, tuple[str, str]]:
    d = Document(id="t", text=text, source="test", lang="de", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return {n.text[m.start:m.end]: (m.etype, m.kind) for m in linker.find(d, n)}


def test_long_foreign_surname_is_a_person(linker):
    assert _found(linker, "Am Abend erklärte Karamanopoulou vor der Presse, man sei zufrieden.").get(
        "Karamanopoulou", ("",))[0] == "person"


def test_long_german_misspelling_is_no_person(linker):
    assert "Verwaltungsvorschriftn" not in _found(linker, "Am Abend erklärte Verwaltungsvorschriftn das Gegenteil.")


def test_airbus_type_is_no_road(linker):
    found = _found(linker, "Die Delegation flog mit der A350 nach Peking, der Konvoi fuhr über die A 9.")
    assert "A350" not in found and found.get("A 9", ("",))[0] == "place"


def test_celestial_body_is_a_place_of_its_own_kind(linker):
    found = _found(linker, "Die Minister sprachen über den Schutz der Erde.")
    assert found.get("Erde") == ("place", "body")
