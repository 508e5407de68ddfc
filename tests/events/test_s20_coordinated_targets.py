"""s20: organisations coordinated after a directed act are all its recipients ("sanctions on Rosneft and Lukoil"
had Rosneft alone)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang,text", [
    ("en", "The United States imposed sanctions on Rosneft and Lukoil on Wednesday."),
    ("ru", "США ввели санкции против Роснефти и Лукойла."),
    ("de", "Die USA verhängten Sanktionen gegen Rosneft und Lukoil."),
    ("fr", "Les États-Unis ont imposé des sanctions contre Rosneft et Lukoil."),
    ("es", "Estados Unidos impuso sanciones a Rosneft y Lukoil."),
])
def test_coordinated_organisations_are_all_targets(pipeline, lang, text):
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    ev = next(e for e in evs if e["type"] == "SANCTION")
    assert ev["actors"] == ["kb:country/US"]
    assert ev["recipients"] == ["kb:org/rosneft", "kb:org/lukoil"]


def test_guard_a_single_organisation(pipeline):
    evs = pipeline.process(Document(id="t", text="The United States vetoed a UN resolution.", source="test",
                                    lang="en", published=_PUB))["events"]
    assert next(e for e in evs if e["type"] == "REJECT")["recipients"] == ["kb:org/un"]
