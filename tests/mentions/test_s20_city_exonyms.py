"""Ukrainian cities by the names French, Spanish, German and English texts give them (kb/data/places.yaml
``city_names``; the exonym of a large city over a small place bearing it as its own name, places.bonus; s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


@pytest.mark.parametrize("lang,word,gid", [
    ("en", "Odessa", "gn:698740"), ("fr", "Odessa", "gn:698740"), ("de", "Odessa", "gn:698740"),
    ("fr", "Zaporijia", "gn:687700"), ("es", "Mariúpol", "gn:701822"), ("es", "Vínnytsia", "gn:689558"),
    ("es", "Zhytómyr", "gn:686967"), ("de", "Mykolajiw", "gn:700569"),
])
def test_city_exonym(linker, lang, word, gid):
    text = {"en": f"Russian drones struck {word} overnight.", "fr": f"Des drones russes ont frappé {word} cette nuit.",
            "de": f"Russische Drohnen trafen in der Nacht {word}.", "es": f"Drones rusos atacaron {word} anoche."}[lang]
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 21, tzinfo=timezone.utc))
    norm = normalize(text)
    assert (word, gid) in [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm)]
