"""A place followed by an article and a Roman numeral is not one name: "en Kazán la XVI cumbre"."""

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


def test_place_article_roman_numeral_is_not_an_organisation():
    text = "Los líderes de los BRICS celebran en Kazán la XVI cumbre del grupo."
    d = Document(id="t", text=text, source="test", lang="es", published=datetime(2024, 10, 22, tzinfo=timezone.utc))
    norm = normalize(text)
    got = [(norm.text[m.start:m.end], m.etype) for m in MentionLinker(use_natasha=False).find(d, norm)]
    assert ("Kazán", "place") in got
    assert not any("XVI" in s for s, _ in got)
