"""A country's Spanish name that is also its feminine adjective ("argentina", "china") is the adjective in lower case
(kb.build KBData.add keeps both readings, s20); "la Cancillería argentina" is Argentina's foreign ministry
(``institutions`` in es/mentions.yaml)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _mentions(linker, text):
    d = Document(id="t", text=text, source="test", lang="es", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid, m.kind) for m in linker.find(d, norm)]


@pytest.mark.parametrize("text,word,eid", [
    ("La parte china expresó su apoyo a la propuesta.", "china", "kb:country/CN"),
    ("La economía argentina creció en el tercer trimestre.", "argentina", "kb:country/AR"),
])
def test_lower_case_adjective(linker, text, word, eid):
    assert (word, eid, "adj") in _mentions(linker, text)


def test_capitalised_name_is_the_country(linker):
    got = _mentions(linker, "El presidente viajó a Argentina el lunes.")
    assert ("Argentina", "kb:country/AR", "name") in got


def test_cancilleria_with_an_adjective(linker):
    got = _mentions(linker, "La Cancillería argentina expresó su preocupación por la situación.")
    assert ("Cancillería argentina", "new:organization/ministry-of-foreign-affairs-of-argentina") in [g[:2] for g in got]


@pytest.mark.parametrize("text,word,eid", [
    ("Le ministre italien a rencontré son homologue syrien à Rome.", "italien", "kb:country/IT"),
    ("Le ministre italien a rencontré son homologue syrien à Rome.", "syrien", "kb:country/SY"),
    ("Le gouvernement suisse a salué l'accord.", "suisse", "kb:country/CH"),
])
def test_french_adjective_that_is_a_name_elsewhere(linker, text, word, eid):
    """"italien", "syrien": the German names of Italy and Syria, and French adjectives (s20: both readings kept)."""
    d = Document(id="t", text=text, source="test", lang="fr", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert (word, eid, "adj") in [(norm.text[m.start:m.end], m.eid, m.kind) for m in linker.find(d, norm)]


def test_cancilleria_alemana_is_no_foreign_ministry(linker):
    """In Spanish "la Cancillería alemana" is the German Chancellery (s20 review F6)."""
    got = _mentions(linker, "La Cancillería alemana anunció la visita.")
    assert not [eid for _s, eid, _k in got if "foreign" in eid]
