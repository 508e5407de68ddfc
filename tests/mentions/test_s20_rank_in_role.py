"""A military rank that closes a title before a name is the person's rank, not part of the office
(persons._without_rank, ``military_ranks`` in mentions.yaml; s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _roles(linker, text, lang):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return {m.name: m.role for m in linker.find(d, norm) if m.etype == "person" and m.eid.startswith("new:")}


@pytest.mark.parametrize("text,name,role", [
    ("The minister met the Chairman of the Joint Chiefs of Staff General Dan Caine in Washington.", "Dan Caine",
     "Chairman of the Joint Chiefs of Staff"),
    ("The minister met the Commander of the Ground Forces Lieutenant General Oleh Marchuk in Kyiv.", "Oleh Marchuk",
     "Commander of the Ground Forces"),
    ("General Peter Lawson arrived in Kyiv on Monday.", "Peter Lawson", "General"),  # the rank alone stays
])
def test_rank_closing_the_role(linker, text, name, role):
    assert _roles(linker, text, "en").get(name) == role


def test_commander_title_with_its_of_phrase(linker):
    text = "The minister met the Commander of the Naval Forces of Ukraine Oleh Marchuk in Odesa."
    assert _roles(linker, text, "en").get("Oleh Marchuk") == "Commander of the Naval Forces of Ukraine"


def test_a_quotation_closed_after_a_comma_ends_the_title_clause(linker):
    text = 'The decision "belongs to the Commander-in-Chief and no one else," Oleh Marchuk said on Monday.'
    assert _roles(linker, text, "en").get("Oleh Marchuk") is None


def test_without_rank_of_an_empty_role():
    from communique.mentions.persons import _without_rank
    assert _without_rank("", "en") == "" and _without_rank("Chief of Staff General", "en") == "Chief of Staff"
