"""A surname alone refers to the person named in full elsewhere in the document (s16): a knowledge-base person whose
surname is also a common word ("Bush"), and a new person whose lone surname the capitalised-name stage had made a
person of its own."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mentions.conftest import linked_in

_2005 = datetime(2005, 3, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, lang", [
    ("President George W. Bush landed in Oslo on Monday. Bush thanked the hosts.", "en"),
    ("President George W. Bush landed in Oslo on Monday. Afterwards Bush thanked the hosts.", "en"),
    ("Präsident George W. Bush landete am Montag in Oslo. Bush dankte den Gastgebern.", "de"),
])
def test_kb_surname_after_the_full_name(linker, text, lang):
    ids = linked_in(linker, text, lang, published=_2005)
    assert ids.get("George W. Bush") == "kb:person/george-w-bush"
    assert ids.get("Bush") == "kb:person/george-w-bush"


def test_kb_surname_alone_without_the_full_name_is_not_forced(linker):
    # no full name in the document: the common word stays what the matcher made of it (no person forced)
    ids = linked_in(linker, "The bush fire spread to the hills near Oslo.", "en", published=_2005)
    assert "kb:person/george-w-bush" not in ids.values()


def test_new_person_surname_joins_the_full_name(linker):
    ids = linked_in(linker, "Die Architektin Mareike Tollenbrink stellte den Entwurf vor. Tollenbrink sagte, der Bau "
                            "beginne im Herbst.", "de")
    full = ids.get("Mareike Tollenbrink")
    assert full and full.startswith("new:person/")
    assert ids.get("Tollenbrink") == full
