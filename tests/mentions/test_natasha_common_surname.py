"""A surname that is also a Russian word form ("Рябков": a plural of "рябок") is a person where natasha reads
it as a name and the document is about the person's country. Invented sentences."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def natasha_linker():
    return MentionLinker(use_natasha=True)


def test_common_word_surname_read_as_a_name(natasha_linker):
    text = "Россия готова к новому раунду консультаций, сообщил Рябков журналистам."
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    n = normalize(text)
    got = {n.text[m.start:m.end]: m.eid for m in natasha_linker.find(d, n) if m.etype == "person"}
    assert got == {"Рябков": "kb:person/sergey-ryabkov"}
