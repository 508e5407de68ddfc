"""In German text a KB surname is rejected as a noun only if it is a German word: "Macron" (an English
word) is the French president, "Fall" (a German noun) is no surname."""

from __future__ import annotations

from datetime import datetime, timezone

from mentions.conftest import linked_in

_MARCH = datetime(2024, 3, 1, tzinfo=timezone.utc)


def test_english_word_surname_links_in_german(linker):
    ids = linked_in(linker, "Am Abend telefonierte Präsident Macron mit dem Bundeskanzler über die Lage in Nahost.", "de", _MARCH)
    assert ids.get("Macron") == "kb:person/emmanuel-macron"


def test_german_noun_is_no_surname(linker):
    ids = linked_in(linker, "In diesem Fall muss das Parlament neu abstimmen.", "de", _MARCH)
    assert "Fall" not in ids
