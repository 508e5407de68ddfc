"""A role noun tied to a country by a preposition names that country's office-holder ("den Präsidenten von
Kasachstan", "the President of Kazakhstan", "le président du Kazakhstan"), even when no person is named
before it; a surname that is an ordinary word only in other languages opens a sentence as a name
("Macron" in German). Invented sentences; the document date decides the holder."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize


def _persons(linker, lang, text):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 3, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n) if m.etype == "person"}


@pytest.mark.parametrize("lang, text, phrase", [
    ("de", "Van der Bellen empfing gestern den Präsidenten von Kasachstan in Wien.", "Präsidenten von Kasachstan"),
    ("de", "Am Abend sprach der Kanzler mit dem Präsidenten der Ukraine.", "Präsidenten der Ukraine"),
    ("en", "Officials said the President of Kazakhstan would travel to Rome.", "President of Kazakhstan"),
    ("fr", "Le ministre a reçu le président du Kazakhstan à Lyon.", "président du Kazakhstan"),
    ("es", "El presidente de Kazajistán viajará a Sevilla en mayo.", "presidente de Kazajistán"),
    ("es", "Ayer el presidente de los Estados Unidos llegó a Sevilla.", "presidente de los Estados Unidos"),
])
def test_role_of_a_country(linker, lang, text, phrase):
    got = _persons(linker, lang, text)
    want = ("kb:person/volodymyr-zelenskyy" if "Ukraine" in phrase else "kb:person/joe-biden" if "Estados" in phrase
            else "kb:person/kassym-jomart-tokayev")
    assert got.get(phrase) == want
    # the person named before is not the one meant
    assert list(got.values()).count("kb:person/alexander-van-der-bellen") <= 1


def test_role_without_a_country_still_needs_a_person_before(linker):
    assert _persons(linker, "en", "The President said the talks had been useful.") == {}


def test_surname_that_is_a_word_elsewhere_opens_a_german_sentence(linker):
    got = _persons(linker, "de", "Macron reiste am Montag nach Warschau.")
    assert got == {"Macron": "kb:person/emmanuel-macron"}


@pytest.mark.parametrize("lang, text, name, role", [
    ("en", "Yesterday Ambassador Jonathan Wexley met reporters.", "Jonathan Wexley", "Ambassador"),
    ("en", "He met US Ambassador Lynne Harwood in Geneva.", "Lynne Harwood", "Ambassador"),
    ("en", "Deputy Foreign Minister Ivan Petrovsky spoke first.", "Ivan Petrovsky", "Deputy Foreign Minister"),
    ("de", "Botschafter Martin Kessing sagte, die Gespräche seien gut verlaufen.", "Martin Kessing", "Botschafter"),
])
def test_new_person_after_a_title_carries_it_as_role(linker, lang, text, name, role):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 3, 1, tzinfo=timezone.utc))
    ents = {e.name: e for e in linker.link(d, normalize(text)) if e.type == "person"}
    assert ents[name].role == role and ents[name].id.startswith("new:person/")

