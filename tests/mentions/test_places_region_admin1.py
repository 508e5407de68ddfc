"""A region the document names picks the town of that region among namesakes (places.yaml admin1 codes)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


@pytest.mark.parametrize("text, town, geonames", [
    ("Учения прошли в Брестской области. В Иваново открыли новую школу.", "Иваново", "gn:627811"),  # BY, not RU
    ("Учения прошли в Московской области. В Красноармейске открыли новую школу.", "Красноармейске", "gn:542463"),
    ("Учения прошли в Калининградской области. В Советске открыли новую школу.", "Советске", "gn:490068"),
])
def test_region_named_in_document_picks_its_town(linker, text, town, geonames):
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    n = normalize(text)
    found = {n.text[m.start:m.end]: m.eid for m in linker.find(d, n)}
    assert found[town] == geonames
