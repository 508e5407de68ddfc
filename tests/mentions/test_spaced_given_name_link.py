"""A romanised given name written with a blank links the KB person ("Ban Ki Moon", s16; kb/build.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from mentions.conftest import linked_in


def test_spaced_spelling_links_the_kb_person(linker):
    when = datetime(2012, 5, 2, tzinfo=timezone.utc)
    assert linked_in(linker, "UN-Generalsekretär Ban Ki Moon landete in Genf.", "de", when).get("Ban Ki Moon") \
        == "kb:person/ban-ki-moon"
    ids = linked_in(linker, "The moon rose over Geneva.", "en", when)
    assert "kb:person/ban-ki-moon" not in ids.values()  # no new surname "Moon"
