"""Russian organisations, round eight (s14 ru8, mentions/orgs_ru.py, the ``orgs`` section of data/lang/ru/mentions.yaml):
a quoted vehicle or work name keeps its sense in the whole document, quoted names after "такие X, как", a seat of power
as the complement of an administration, standing and trade missions. Invented sentences, without natasha."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions.orgs_ru import not_org_quote
from communique.normalize import normalize


def _orgs(linker, text):
    norm = normalize(text)
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    return {norm.text[m.start:m.end] for m in linker.find(doc, norm) if m.etype in ("organization", "group")}


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return i, i + len(word)


def test_a_vehicle_name_keeps_its_sense_without_the_descriptor():
    text = ("Грузовой корабль «Прогресс» пристыковался к станции. Разгрузка «Прогресса» займёт неделю, "
            "а шаттл «Стрела» вернётся на Землю. После «Стрелы» полетит новый экипаж.")
    assert not_org_quote(text, *_at(text, "Прогресс"))  # right after its descriptor, as before
    assert not_org_quote(text, *_at(text, "Прогресса"))  # the same name in another case, no descriptor
    assert not_org_quote(text, *_at(text, "Стрелы"))


def test_a_quoted_name_without_such_a_descriptor_in_the_document_stays():
    text = "Разгрузка «Прогресса» займёт неделю, сообщил директор компании «Вектор»."
    assert not not_org_quote(text, *_at(text, "Прогресса"))
    assert not not_org_quote(text, *_at(text, "Вектор"))


def test_only_the_same_name_is_affected():
    text = "Фильм «Рассвет» вышел в прокат, а «Закат» объявил о банкротстве."
    assert not_org_quote(text, *_at(text, "Рассвет"))
    assert not not_org_quote(text, *_at(text, "Закат"))


def test_an_unquoted_name_is_not_looked_up():
    text = "Фильм «Рассвет» вышел в прокат. Рассвет выпустил новый альбом."
    assert not not_org_quote(text, *_at(text, "Рассвет", 1))


def test_a_list_after_such_as():
    text = "На фестивале покажут такие фильмы, как «Пустыня», «Полдень» и «Мельница»."
    assert not_org_quote(text, *_at(text, "Пустыня"))
    assert not_org_quote(text, *_at(text, "Мельница"))
    other = "Участвуют такие команды, как «Пустыня»."
    assert not not_org_quote(other, *_at(other, "Пустыня"))


def test_an_administration_of_a_seat_of_power(linker):
    assert "администрации Кремля" in _orgs(linker, "Источник в администрации Кремля опроверг эти слухи.")
    assert "администрация Белого дома" in _orgs(linker, "Накануне администрация Белого дома продлила санкции.")


def test_an_administration_alone_stays_out(linker):
    got = _orgs(linker, "Сотрудники администрации обсуждали бюджет, а Кремль молчал.")
    assert not any(t.startswith("администрац") for t in got)


def test_standing_and_trade_missions(linker):
    got = _orgs(linker, "Дипломат служил в постоянном представительстве Чили, затем в торговом представительстве Перу.")
    assert {"постоянном представительстве Чили", "торговом представительстве Перу"} <= got


def test_a_product_may_bear_its_makers_name():
    text = "Вакцина «Орион» прошла испытания. Позже «Орион» объявила о выпуске новой партии."
    assert not_org_quote(text, *_at(text, "Орион"))  # after its descriptor: the product
    assert not not_org_quote(text, *_at(text, "Орион", 1))  # elsewhere: possibly the maker


def test_a_room_of_a_seat_of_power_is_no_organisation(linker):
    got = _orgs(linker, "Встреча прошла в Овальном кабинете Белого дома в понедельник.")
    assert not any("кабинет" in t for t in got)


def test_an_owner_after_a_work_keeps_its_sense():
    # "песни «Маяка»": the song of the band (genitive), not a song called «Маяк»
    text = "Новые песни «Маяка» звучат по радио. Солист «Маяка» дал интервью."
    assert not not_org_quote(text, *_at(text, "Маяка", 1))
