"""Russian places after a descriptor noun (mentions/places_ru.py) and the knowledge-base facts of round
five (Wikidata ids of capitals, the Soviet Union). Invented sentences, no natasha."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions.common import Mention
from communique.mentions.places_ru import place_descriptors
from communique.normalize import normalize


def _place(text, word, etype="place"):
    s = text.index(word)
    return Mention(s, s + len(word), "gn:1", "name", etype)


def _phrase(text, m):
    (m,) = place_descriptors(text, [m])
    return text[m.phrase_span[0]:m.phrase_span[1]] if m.phrase_span else None


def test_descriptor_joins_the_phrase():
    t = "Туристы сплавлялись по реке Сосновке все выходные."
    assert _phrase(t, _place(t, "Сосновке")) == "реке Сосновке"
    t = "Делегация прибыла из города Тампере утром."
    assert _phrase(t, _place(t, "Тампере")) == "города Тампере"
    t = "Губернатор штата Небраска подписал закон."
    assert _phrase(t, _place(t, "Небраска")) == "штата Небраска"


def test_mention_itself_stays_the_name():
    t = "Туристы сплавлялись по реке Сосновке все выходные."
    (m,) = place_descriptors(t, [_place(t, "Сосновке")])
    assert t[m.start:m.end] == "Сосновке"


def test_genitive_complement_plural_and_country_are_left():
    t = "Он переехал в южный район Гамбурга весной."
    assert _phrase(t, _place(t, "Гамбурга")) is None  # a part of the city, not its name
    t = "Ярмарки открылись в городах Бельгии."
    assert _phrase(t, _place(t, "Бельгии", "country")) is None
    t = "Фестивали устроили в городах Сибири."
    assert _phrase(t, _place(t, "Сибири")) is None  # plural descriptor


def test_capitalised_descriptor_only_at_sentence_start():
    t = "Улицы украсили к празднику. Город Тампере встретил гостей."
    assert _phrase(t, _place(t, "Тампере")) == "Город Тампере"
    t = "Гостиница Город Тампере открылась."
    assert _phrase(t, _place(t, "Тампере")) is None


def _doc(text):
    return Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))


def test_soviet_union_and_capital_ids(linker):
    text = "В 1975 году в СССР построили завод, а после распада Советского Союза его купили инвесторы из Берлина."
    ents = {e.name: e for e in linker.link(_doc(text), normalize(text))}
    assert ents["Soviet Union"].wikidata == "Q15180"
    assert len(ents["Soviet Union"].mentions) == 2
    assert ents["Berlin"].wikidata == "Q64"


def test_us_states_have_russian_names(linker):
    text = "Ферма стоит в штате Небраска, а завод компании перенесли в Южную Каролину."
    ents = {e.name: e for e in linker.link(_doc(text), normalize(text))}
    assert ents["Nebraska"].wikidata == "Q1553"
    assert ents["South Carolina"].mentions[0].text == "Южную Каролину"
