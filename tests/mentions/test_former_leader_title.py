"""A lone surname after a leader's title that the person held before the document's date (s14): "Former Prime
Minister Khan" is Imran Khan (prime minister of Pakistan 2018-2022); the surname alone is a word in several
dictionaries, so only the fitting title links it."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.mentions.conftest import linked_in

WHEN = datetime(2025, 3, 1, tzinfo=timezone.utc)


def test_former_title_links_former_prime_minister(linker):
    for text in ("Former Prime Minister Khan was moved to another prison on Monday.",
                 "Supporters of Prime Minister Khan gathered outside the court."):
        assert linked_in(linker, text, "en", WHEN).get("Khan") == "kb:person/imran-khan", text


def test_title_of_another_office_does_not_link_him(linker):
    found = linked_in(linker, "Interior Minister Khan announced new checkpoints on Monday.", "en", WHEN)
    assert found.get("Khan") != "kb:person/imran-khan"


def test_surname_alone_still_unlinked(linker):
    found = linked_in(linker, "Khan was moved to another prison on Monday.", "en", WHEN)
    assert found.get("Khan") != "kb:person/imran-khan"


def test_two_former_leaders_of_one_surname_stay_unlinked(linker):
    found = linked_in(linker, "Former President Santos praised the agreement on Monday.", "en", WHEN)
    assert "kb:person/" not in (found.get("Santos") or "")


def test_a_term_after_the_document_date_does_not_count(linker):
    found = linked_in(linker, "President Bush ordered the offensive on Tuesday.", "en", datetime(1991, 2, 1, tzinfo=timezone.utc))
    assert found.get("Bush") != "kb:person/george-w-bush"
