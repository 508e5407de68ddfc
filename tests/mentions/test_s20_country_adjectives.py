"""Country adjectives in German, French, Spanish and Russian for the countries that had only an English one
(kb/data/country_adjectives.yaml, s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


@pytest.mark.parametrize("lang,text,word,eid", [
    ("es", "El canciller se reunió con su par paraguayo en Asunción.", "paraguayo", "kb:country/PY"),
    ("es", "La presidenta panameña recibió al embajador.", "panameña", "kb:country/PA"),
    ("fr", "Le président kényan a reçu le Premier ministre croate.", "kényan", "kb:country/KE"),
    ("fr", "Le président kényan a reçu le Premier ministre croate.", "croate", "kb:country/HR"),
    ("de", "Der kroatische Ministerpräsident traf den kenianischen Präsidenten.", "kenianischen", "kb:country/KE"),
    ("ru", "Хорватский премьер встретился с кенийским президентом.", "кенийским", "kb:country/KE"),
])
def test_adjective_is_the_country(linker, lang, text, word, eid):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert (word, eid) in [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm)]


def test_the_adjective_names_the_office_holder(linker):
    text = "Le président kényan a reçu le Premier ministre croate."
    d = Document(id="t", text=text, source="test", lang="fr", published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert "kb:person/william-ruto" in [m.eid for m in linker.find(d, norm)]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Александр Македонский основал город."),  # the king's byname (s20 review F5)
    ("ru", "Пираты атаковали судно в Гвинейском заливе."),  # the Gulf of Guinea
])
def test_no_country_in_a_byname_or_a_gulf(linker, lang, text):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert not [m for m in linker.find(d, norm) if m.etype == "country"]
