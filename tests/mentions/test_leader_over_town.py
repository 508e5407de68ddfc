"""A leader's own name against a small town of the same name (s14): "Obama" is Barack Obama's name and a
Japanese town of about 29,000. English text had the person through the dictionary's word flag; German text
took the town."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.mentions.conftest import linked_in

WHEN = datetime(2015, 3, 1, tzinfo=timezone.utc)


def test_leader_name_beats_small_town_in_german(linker):
    for text in ("Das sagte Obama am Montag vor der Presse.", "Die Kritik an Obama wächst in Washington."):
        assert linked_in(linker, text, "de", WHEN).get("Obama") == "kb:person/barack-obama", text


def test_leader_name_beats_small_town_in_english(linker):
    assert linked_in(linker, "The talks were praised by Obama on Monday.", "en", WHEN).get("Obama") == "kb:person/barack-obama"


def test_town_kept_where_the_document_names_its_country(linker):
    found = linked_in(linker, "Die Delegation reiste weiter nach Obama in Japan.", "de", WHEN)
    assert found.get("Obama") == "gn:1854849"


def test_town_kept_after_a_place_preposition_when_the_leader_is_out_of_office(linker):
    found = linked_in(linker, "Die Fähre legte gestern in Obama an.", "de", datetime(2025, 6, 1, tzinfo=timezone.utc))
    assert found.get("Obama") == "gn:1854849"


def test_leader_in_office_after_a_preposition_stays_the_person(linker):
    found = linked_in(linker, "Trump confía en Rubio para negociar.", "es", datetime(2025, 6, 1, tzinfo=timezone.utc))
    assert found.get("Rubio") == "kb:person/marco-rubio"
