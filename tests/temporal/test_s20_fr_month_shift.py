"""s20, French: "mois" is written alike in both numbers; "le mois prochain" is next month (it was an unspecified
stretch, PXM), "ces derniers mois" stays one."""

from __future__ import annotations

from datetime import date

import pytest

from communique.temporal import TimeTagger

PUB = date(2025, 11, 21)


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def _values(tagger: TimeTagger, text: str) -> dict[str, str]:
    times, _ = tagger.tag_text(text, "fr", PUB, None)
    return {t.text: t.value for t in times}


@pytest.mark.parametrize("text,expr,value", [
    ("Emmanuel Macron se rendra au Maroc le mois prochain.", "le mois prochain", "2025-12"),
    ("Le ministre s'est rendu à Alger le mois dernier.", "le mois dernier", "2025-10"),
    ("La visite aura lieu le mois suivant.", "le mois suivant", "2025-12"),
    # guards: plural shift words, a stretch of time; other units unchanged
    ("Les relations se sont améliorées ces derniers mois.", "ces derniers mois", "PXM"),
    ("Les prochains mois seront décisifs.", "Les prochains mois", "PXM"),
    ("Le président se rendra en Inde la semaine prochaine.", "la semaine prochaine", "2025-W48"),
])
def test_french_month_shift(tagger, text, expr, value):
    assert _values(tagger, text).get(expr) == value
