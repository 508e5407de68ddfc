"""A KB surname that is also an English word ("trump", "macron") is a name when it opens a sentence before its
verb and names an office-holder; and a head of state or government out of office for under four years (or
taking office within a year) is still the one meant by the bare surname."""

from __future__ import annotations

from datetime import datetime, timezone

from mentions.conftest import linked_in

_2025 = datetime(2025, 6, 2, tzinfo=timezone.utc)
_2024 = datetime(2024, 5, 6, tzinfo=timezone.utc)
_2018 = datetime(2018, 3, 5, tzinfo=timezone.utc)


def test_surname_opening_a_sentence_before_its_verb(linker):
    ids = linked_in(linker, "Trump telephoned the Turkish leader on Friday. Macron flew to Warsaw the next morning.",
                    "en", _2025)
    assert ids.get("Trump") == "kb:person/donald-trump"
    assert ids.get("Macron") == "kb:person/emmanuel-macron"


def test_possessive_opening_a_sentence(linker):
    ids = linked_in(linker, "Trump's envoy arrived in Riyadh on Tuesday.", "en", _2025)
    assert ids.get("Trump") == "kb:person/donald-trump"


def test_opening_word_before_a_capital_or_a_listed_opener_is_no_name(linker):
    assert "Trump" not in linked_in(linker, "Trump Tower stayed closed on Sunday.", "en", _2025)
    # Theresa May was prime minister in March 2018; "May" opening a question is the verb
    assert "May" not in linked_in(linker, "May we ask the embassy for a visa?", "en", _2018)


def test_recent_former_leader_by_surname(linker):
    ids = linked_in(linker, "Supporters of Trump gathered outside the court in Manhattan.", "en", _2024)
    assert ids.get("Trump") == "kb:person/donald-trump"


def test_former_leader_only_for_four_years_and_with_the_country_named(linker):
    text = "In Canberra, Australian voters still argue about Morrison and his record."
    # Scott Morrison was prime minister of Australia until May 2022
    assert linked_in(linker, text, "en", _2024).get("Morrison") == "kb:person/scott-morrison"
    assert "Morrison" not in linked_in(linker, text, "en", datetime(2027, 6, 1, tzinfo=timezone.utc))
    # "Meta" (Ilir Meta, president of Albania until July 2022) with no Albania in the text is no name
    assert "Meta" not in linked_in(linker, "Investors of Meta met in Paris.", "en", _2024)
