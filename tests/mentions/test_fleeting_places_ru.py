"""Russian towns whose vowel drops in the oblique cases ("в Череповце", "в Орле") are linked."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


def _found(text: str, year: int = 2024) -> dict[str, str]:
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(year, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    return {norm.text[m.start:m.end]: m.eid for m in MentionLinker(use_natasha=False).find(doc, norm)}


def test_oblique_forms_of_fleeting_vowel_towns_are_linked():
    text = "Губернатор провёл совещание в Череповце, затем заехал в Ельце на завод и переночевал в Орле."
    found = _found(text)
    assert found.get("Череповце") == "gn:569223"
    assert found.get("Ельце") == "gn:467978"
    assert found.get("Орле") == "gn:515012"


def test_no_o_ending_after_a_name():
    """"о" is no case ending of a Russian name: "Амано" is not a form of "Аман" (Amman)."""
    text = "Генеральный директор агентства Юкия Амано заявил, что проверки продолжатся."
    found = _found(text, 2015)
    assert found.get("Амано") != "gn:250441"


def test_oblique_forms_of_egypt_are_linked():
    """"Египет" drops its vowel too (Египта, Египте, Египтом): a country name, not only towns (s18)."""
    text = "Министр иностранных дел Египта прибыл в Москву. В Египте прошли выборы, а с Египтом подписан договор."
    found = _found(text)
    assert found.get("Египта") == "kb:country/EG"
    assert found.get("Египте") == "kb:country/EG"
    assert found.get("Египтом") == "kb:country/EG"
    assert not any(eid.startswith("new:person/") for eid in found.values())


def test_oblique_forms_of_plural_country_names_are_linked():
    """"Нидерланды" is plural only: "Нидерландов", "Нидерландах" (s18; "министр иностранных дел Нидерландов" was a
    new person "Niderlandov")."""
    text = "Лавров провел переговоры с министром иностранных дел Нидерландов. В Нидерландах и на Мальдивах спокойно."
    found = _found(text)
    assert found.get("Нидерландов") == "kb:country/NL"
    assert found.get("Нидерландах") == "kb:country/NL"
    assert found.get("Мальдивах") == "kb:country/MV"
