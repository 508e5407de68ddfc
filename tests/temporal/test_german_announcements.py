"""German: "morgen" is tomorrow, "am Morgen" the morning; the present tense with a weekday announces (s18)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.temporal import TimeTagger

FRIDAY = date(2025, 6, 20)


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def _values(tagger: TimeTagger, text: str) -> dict[str, str]:
    times, _ = tagger.tag_text(text, "de", FRIDAY, None)
    return {t.text: t.value for t in times}


def test_lower_case_morgen_is_tomorrow(tagger):
    assert _values(tagger, "Staatssekretär Bagger trifft morgen in Warschau seinen Amtskollegen.") == {"morgen": "2025-06-21"}


def test_a_sentences_first_morgen_is_tomorrow(tagger):
    assert _values(tagger, "Die Lage ist ernst. Morgen beginnt der Gipfel in Brüssel.") == {"Morgen": "2025-06-21"}


def test_am_morgen_is_no_date(tagger):
    assert "Morgen" not in _values(tagger, "Am Morgen landete die Maschine in Kiew.")


@pytest.mark.parametrize("verb", ["reist", "trifft", "empfängt", "fliegt"])
def test_present_tense_with_a_weekday_is_the_coming_one(tagger, verb):
    assert _values(tagger, f"Der Außenminister {verb} am Montag in Den Haag ein.") == {"Montag": "2025-06-23"}


def test_past_tense_with_a_weekday_stays_the_last_one(tagger):
    assert _values(tagger, "Der Außenminister reiste am Montag nach Den Haag.") == {"Montag": "2025-06-16"}


@pytest.mark.parametrize("text, expr, value", [
    # review s18: a present tense that announces nothing leaves dates where they were
    ("Die Ministerin hält die Entscheidung vom 4. März für falsch.", "4. März", "2025-03-04"),
    ("Die Polizei spricht von einem Anschlag im Januar.", "Januar", "2025-01"),
    ("Die Polizei spricht von einem Anschlag am Montag.", "Montag", "2025-06-16"),
    ("Scholz nimmt heute an der Konferenz teil, die am Montag begann.", "Montag", "2025-06-16"),
])
def test_a_present_tense_that_announces_nothing(tagger, text, expr, value):
    assert _values(tagger, text)[expr] == value


def test_english_infinitive_cue_counts_before_the_expression_only(tagger):
    times, _ = tagger.tag_text("The President proposed to hold a summit in Kyiv in February.", "en", date(2025, 11, 21), None)
    assert {t.text: t.value for t in times} == {"February": "2026-02"}
    times, _ = tagger.tag_text("Scholz went to Kyiv on Friday to sign the security agreement.", "en", date(2024, 3, 6), None)
    assert {t.text: t.value for t in times} == {"Friday": "2024-03-01"}
