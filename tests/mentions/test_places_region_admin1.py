"""A region the document names picks the town of that region among namesakes (places.yaml admin1 codes)."""

from __future__ import annotations

import pytest

from mentions.conftest import linked_in


@pytest.mark.parametrize("text, town, geonames", [
    ("Учения прошли в Брестской области. В Иваново открыли новую школу.", "Иваново", "gn:627811"),  # BY, not RU
    ("Учения прошли в Московской области. В Красноармейске открыли новую школу.", "Красноармейске", "gn:542463"),
    ("Учения прошли в Калининградской области. В Советске открыли новую школу.", "Советске", "gn:490068"),
])
def test_region_named_in_document_picks_its_town(linker, text, town, geonames):
    assert linked_in(linker, text, "ru")[town] == geonames
