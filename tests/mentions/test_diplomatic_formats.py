"""Diplomatic formats and regional organisations added in s17 (Visegrád Group, Weimar Triangle, Bucharest Nine,
Eastern Partnership, Three Seas Initiative, European Political Community, Berlin Process, Nordic Council, Pacific
Alliance, IGAD, East African Community, ASEM; s18: Crimea Platform, Lublin Triangle, Slavkov format, Ukraine Defense
Contact Group, Craiova Group): found in the five languages, German and Russian inflected forms too."""

from __future__ import annotations

import pytest

from mentions.conftest import linked_in


@pytest.mark.parametrize("lang, text, surface, eid", [
    ("de", "Im Rahmen des Weimarer Dreiecks berieten die drei Minister lange.", "Weimarer Dreiecks", "weimar-triangle"),
    ("de", "Die Visegrád-Staaten lehnten den Vorschlag ab.", "Visegrád-Staaten", "visegrad-group"),
    ("de", "Am Rande der Europäischen Politischen Gemeinschaft gab es Treffen.", "Europäischen Politischen Gemeinschaft",
     "european-political-community"),
    ("de", "Vertreter der Bukarester Neun kamen am Montag zusammen.", "Bukarester Neun", "bucharest-nine"),
    ("ru", "Министры стран Вишеградской группы провели встречу.", "Вишеградской группы", "visegrad-group"),
    ("ru", "Стороны обсудили будущее программы Восточное партнёрство.", "Восточное партнёрство", "eastern-partnership"),
    ("en", "Leaders of the Three Seas Initiative gathered in the capital.", "Three Seas Initiative", "three-seas-initiative"),
    ("en", "The Nordic Council adopted a statement on Monday.", "Nordic Council", "nordic-council"),
    ("en", "A summit of the Berlin Process is planned for the autumn.", "Berlin Process", "berlin-process"),
    ("fr", "Les ministres du Triangle de Weimar se sont réunis mardi.", "Triangle de Weimar", "weimar-triangle"),
    ("fr", "Le Groupe de Visegrád a publié une déclaration.", "Groupe de Visegrád", "visegrad-group"),
    ("es", "La Alianza del Pacífico celebró su cumbre anual.", "Alianza del Pacífico", "pacific-alliance"),
    ("es", "La Comunidad de África Oriental firmó un acuerdo comercial.", "Comunidad de África Oriental",
     "east-african-community"),
    ("en", "IGAD envoys met the parties in Nairobi.", "IGAD", "igad"),
    # s18: formats the Ukrainian presidency's releases name
    ("en", "The President addressed the summit of the Crimea Platform in Kyiv.", "Crimea Platform", "crimea-platform"),
    ("ru", "Он выступил на саммите Крымской платформы в Киеве.", "Крымской платформы", "crimea-platform"),
    ("en", "He met the foreign ministers of the Lublin Triangle.", "Lublin Triangle", "lublin-triangle"),
    ("en", "Zelenskyy met with foreign ministers of the Slavkov format.", "Slavkov format", "slavkov-format"),
    ("de", "Die Minister trafen sich im Ramstein-Format auf dem Stützpunkt.", "Ramstein-Format",
     "ukraine-defense-contact-group"),
    ("fr", "Le Groupe de Craiova s'est réuni à Bucarest.", "Groupe de Craiova", "craiova-group"),
])
def test_format_is_found(linker, lang, text, surface, eid):
    assert linked_in(linker, text, lang).get(surface) == f"kb:org/{eid}"
