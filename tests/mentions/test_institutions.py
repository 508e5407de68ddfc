"""A country's foreign ministry named by the country (mentions/institutions.py): one organisation mention over the
phrase, the knowledge base's ministry where it lists one, else one ``new:`` id per country in every language;
the country mention inside is flagged ``nested_in``."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize

_DAY = datetime(2025, 3, 3, tzinfo=timezone.utc)
TURKEY_MFA = "new:organization/ministry-of-foreign-affairs-of-turkiye"


def _found(linker, text: str, lang: str) -> list[tuple[str, str, str | None]]:
    d = Document(id="t", text=text, source="test", lang=lang, published=_DAY)
    n = normalize(text)
    return [(n.text[m.start:m.end], m.eid, m.nested_in) for m in linker.find(d, n)]


@pytest.mark.parametrize("lang, text, phrase", [
    ("en", "The Turkish Foreign Ministry summoned the Swedish envoy on Monday.", "Turkish Foreign Ministry"),
    ("en", "Turkey's Foreign Ministry summoned the Swedish envoy on Monday.", "Turkey's Foreign Ministry"),
    ("en", "A note from the Ministry of Foreign Affairs of Turkey arrived on Monday.", "Ministry of Foreign Affairs of Turkey"),
    ("de", "Das türkische Außenministerium bestellte am Montag den schwedischen Gesandten ein.", "türkische Außenministerium"),
    ("de", "Ein Sprecher des Außenministeriums der Türkei äußerte sich am Montag.", "Außenministeriums der Türkei"),
    ("fr", "Le ministère turc des Affaires étrangères a convoqué lundi l'envoyé suédois.", "ministère turc des Affaires étrangères"),
    ("es", "El Ministerio de Asuntos Exteriores de Turquía convocó el lunes al enviado sueco.", "Ministerio de Asuntos Exteriores de Turquía"),
    ("ru", "МИД Турции в понедельник вызвал шведского посланника.", "МИД Турции"),
    ("ru", "Турецкий МИД в понедельник вызвал шведского посланника.", "Турецкий МИД"),
])
def test_one_ministry_per_country_in_every_language(linker, lang, text, phrase):
    found = _found(linker, text, lang)
    assert (phrase, TURKEY_MFA, None) in found
    inside = [(s, n) for s, e, n in found if e == "kb:country/TR"]
    assert inside and all(n == TURKEY_MFA for _s, n in inside)  # the country inside is flagged, not lost


def test_the_knowledge_base_ministry_is_used_where_listed(linker):
    assert ("Ministerio de Exteriores ruso", "kb:org/mfa-russia", None) in _found(
        linker, "El Ministerio de Exteriores ruso convocó el lunes al enviado sueco.", "es")
    # a known name covering the phrase stays as it was
    assert ("МИД России", "kb:org/mfa-russia", None) in _found(linker, "МИД России вызвал посланника.", "ru")


def test_no_ministry_without_its_frame(linker):
    found = _found(linker, "Turkish officials met the Foreign Minister of Sweden on Monday.", "en")
    assert not any(e.startswith("new:organization/ministry") for _s, e, _n in found)
