"""Short names diplomatic texts use for big cities (kb/data/places.yaml): "Rio" is Rio de Janeiro."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mentions.conftest import linked_in

_NOV = datetime(2024, 11, 18, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, lang, surface", [
    ("Die Staats- und Regierungschefs der G20 kamen in Rio zusammen.", "de", "Rio"),
    ("G20 leaders gathered in Rio for a two-day summit.", "en", "Rio"),
    ("Лидеры стран «двадцатки» собрались в Рио.", "ru", "Рио"),
])
def test_rio_is_rio_de_janeiro(linker, text, lang, surface):
    assert linked_in(linker, text, lang, _NOV).get(surface) == "gn:3451190"


def test_rio_in_a_longer_name_is_not_the_city(linker):
    text = "El Río de la Plata separa Argentina de Uruguay."
    assert "gn:3451190" not in linked_in(linker, text, "es", _NOV).values()
