"""A foreign ministry's spokesperson named by the role alone resolves to the one spokesperson in office on the
document's date (mentions/spokespersons.py, s20)."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize

ZAKHAROVA = "kb:person/maria-zakharova"
DAY = datetime(2025, 11, 21, tzinfo=timezone.utc)


def _persons(linker, text, lang, day=DAY):
    d = Document(id="t", text=text, source="test", lang=lang, published=day)
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm) if m.etype == "person"]


@pytest.mark.parametrize("lang,text,span", [
    ("ru", "По словам официального представителя МИД России, консультации продолжатся в декабре.",
     "официального представителя МИД России"),
    ("ru", "Официальный представитель МИД России заявила журналистам, что визит состоится.",
     "Официальный представитель МИД России"),
    ("en", "The Russian Foreign Ministry spokeswoman told reporters the visit would go ahead.", "spokeswoman"),
    ("de", "Die Sprecherin des russischen Außenministeriums kündigte den Besuch für Dezember an.",
     "Sprecherin des russischen Außenministeriums"),
    ("fr", "La porte-parole du ministère russe des Affaires étrangères a annoncé la visite pour décembre.",
     "porte-parole du ministère russe des Affaires étrangères"),
    ("es", "La portavoz del Ministerio de Asuntos Exteriores de Rusia anunció la visita para diciembre.",
     "portavoz del Ministerio de Asuntos Exteriores de Rusia"),
])
def test_role_alone_names_the_ministrys_spokesperson(linker, lang, text, span):
    assert (span, ZAKHAROVA) in _persons(linker, text, lang)


def test_a_ministry_the_kb_makes_of_a_country(linker):
    got = _persons(linker, "Официальный представитель МИД Армении сообщила, что встреча перенесена.", "ru")
    assert ("Официальный представитель МИД Армении", "kb:person/ani-badalyan") in got


def test_the_holder_on_the_documents_date(linker):
    got = _persons(linker, "The State Department spokesperson said the talks would resume.", "en",
                   day=datetime(2022, 3, 1, tzinfo=timezone.utc))
    assert ("spokesperson", "kb:person/ned-price") in got


@pytest.mark.parametrize("lang,text", [
    ("en", "A spokesperson for the Russian Foreign Ministry said the talks would resume."),  # one of its speakers
    ("de", "Ein Sprecher des russischen Außenministeriums sagte, die Gespräche würden fortgesetzt."),
    ("en", "The Chinese Foreign Ministry spokesperson said the talks would resume."),  # several in office at once
    ("ru", "Официальный представитель Кремля заявил, что переговоры продолжатся."),  # no foreign ministry
    ("en", "The spokesperson said the talks would resume."),  # no ministry named
])
def test_no_one_in_particular(linker, lang, text):
    assert not [eid for _, eid in _persons(linker, text, lang) if eid.startswith("kb:")]


def test_a_name_after_the_role_is_the_person(linker):
    got = _persons(linker, "Официальный представитель МИД России Мария Захарова заявила, что визит состоится.", "ru")
    assert [s for s, eid in got if eid == ZAKHAROVA] == ["Мария Захарова"]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Иван Петров, исполняющий обязанности официального представителя МИД России, заявил, что визит состоится."),
    ("en", "The Deputy Spokesperson of the Russian Foreign Ministry said the visit would go ahead."),
    ("en", "John Smith, spokesperson of the Russian Foreign Ministry, said the visit would go ahead."),
])
def test_someone_else_in_the_role(linker, lang, text):
    assert ZAKHAROVA not in [eid for _, eid in _persons(linker, text, lang)]
