"""A town the Russian dictionary also knows as a word ("Анкоридж") is a place after a place preposition, as the
German and Spanish prepositions already make it (``place_preps`` of ru/mentions.yaml)."""

from __future__ import annotations

from mentions.conftest import linked_in

ANCHORAGE = "gn:5879400"


def test_after_a_place_preposition(linker):
    assert linked_in(linker, "Саммит лидеров прошёл в Анкоридже.", "ru").get("Анкоридже") == ANCHORAGE
    assert linked_in(linker, "Делегация вылетела из Анкориджа утром.", "ru").get("Анкориджа") == ANCHORAGE


def test_not_without_one(linker):
    assert "Анкоридж" not in linked_in(linker, "Анкоридж упоминался в докладе.", "ru")
