"""Russian names: former holders and plurals name no one in office; foreign full names decline (s18)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _found(linker: MentionLinker, text: str) -> dict[str, str]:
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    return {norm.text[m.start:m.end]: m.eid for m in linker.find(doc, norm)}


@pytest.mark.parametrize("text, phrase", [
    ("Свергнутый президент Египта Мухаммед Мурси умер. Бывший президент был осужден в 2015 году.", "президент"),
    ("Бывший президент Перу застрелился.", "президент"),
    ("Джо Байден выступил в Вашингтоне. Бывший американский президент заявил о поддержке.", "президент"),
    ("Лавров примет участие в заседании Совета министров иностранных дел ОБСЕ.", "министров"),
    ("Путин встретился с Си Цзиньпином. Президенты обсудили торговлю.", "Президенты"),
])
def test_no_office_holder(linker, text, phrase):
    assert not _found(linker, text).get(phrase, "").startswith("kb:person/")


def test_the_holder_in_office_is_still_found(linker):
    assert _found(linker, "Президент Египта заявил, что страна готова к переговорам.").get("Президент Египта") \
        == "kb:person/abdel-fattah-el-sisi"


@pytest.mark.parametrize("text, phrase, eid", [
    ("Лавров провел переговоры с министром иностранных дел Египта Бадром Абдель Ати.", "Бадром Абдель Ати",
     "kb:person/badr-abdelatty"),
    ("Путин встретился с Реджепом Тайипом Эрдоганом.", "Реджепом Тайипом Эрдоганом", "kb:person/recep-tayyip-erdogan"),
])
def test_foreign_full_names_decline(linker, text, phrase, eid):
    """A foreign name pymorphy3 does not know declines its hard-consonant words (s18): "Бадром Абдель Ати"."""
    assert _found(linker, text).get(phrase) == eid
