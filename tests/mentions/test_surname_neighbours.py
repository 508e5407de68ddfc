"""Lone surnames of leaders that name someone else (s19): two leaders' surnames side by side are words of one unknown
name ("Теодоро Нгема Обианг Манге"), and a Russian trade noun before a surname names another person ("Футболист
Гонсалвес"); a given name of the leader's own before the surname keeps the link ("Joseph Biden")."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker() -> MentionLinker:
    return MentionLinker(use_natasha=False)


def _linked(linker: MentionLinker, text: str, lang: str) -> dict[str, str]:
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2025, 11, 20, tzinfo=timezone.utc))
    norm = normalize(text)
    return {norm.text[m.start:m.end]: m.eid for m in linker.find(doc, norm)}


@pytest.mark.parametrize("text, lang, word", [
    ("Вице-президент Экваториальной Гвинеи Теодоро Нгема Обианг Манге прибыл в Москву.", "ru", "Нгема"),
    ("Вице-президент Экваториальной Гвинеи Теодоро Нгема Обианг Манге прибыл в Москву.", "ru", "Обианг"),
    ("Футболист Гонсалвес заявил журналистам, что готов к матчу.", "ru", "Гонсалвес"),
    ("The striker Gabriel Omar Batistuta left his home in Florence.", "en", "Gabriel"),
])
def test_no_leader_is_linked(linker, text, lang, word):
    assert not _linked(linker, text, lang).get(word, "").startswith("kb:person/")


@pytest.mark.parametrize("text, lang, word, eid", [
    ("He thanked President Joseph Biden for the support.", "en", "Joseph Biden", "kb:person/joe-biden"),
    ("Президент Сент-Винсента и Гренадин Гонсалвес прибыл в Москву.", "ru", "Гонсалвес", "kb:person/ralph-gonsalves"),
    ("Президент Путин провел переговоры в Кремле.", "ru", "Путин", "kb:person/vladimir-putin"),
])
def test_the_leader_is_still_linked(linker, text, lang, word, eid):
    found = _linked(linker, text, lang)
    assert any(k.endswith(word.split()[-1]) and v == eid for k, v in found.items()), found


@pytest.mark.parametrize("text, lang, eids", [
    ("Переговоры Путин Трамп прошли в Анкоридже.", "ru", ("kb:person/vladimir-putin", "kb:person/donald-trump")),
    ("Talks Scholz Macron in Berlin ended.", "en", ("kb:person/olaf-scholz", "kb:person/emmanuel-macron")),
])
def test_two_leaders_side_by_side_stay_two_people(linker, text, lang, eids):
    """Only a third capitalised word beside the pair, or a given name opening it, makes it one unknown name."""
    assert set(eids) <= set(_linked(linker, text, lang).values())


def test_a_trade_noun_does_not_unlink_the_leader_of_a_large_state(linker):
    assert _linked(linker, "Диктатор Мадуро выступил с речью.", "ru").get("Мадуро") == "kb:person/nicolas-maduro"
