"""s18 (ru18): office-holders that had no Cyrillic spelling in the KB are found in Russian text.

A sample across regions of the persons whose Russian spellings (as the Russian MFA, TASS and RIA write them) were
added to ``persons.tsv``: each sentence links the person to its ``kb:person/<id>`` with the role held on the date,
in the nominative and in oblique cases ("с министром ... Абдераманом Куламаллахом").
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize
from tests.mentions.conftest import linked_in

WHEN = datetime(2026, 6, 1, tzinfo=timezone.utc)

# (person id, sentence, surface of the mention, role on WHEN)
CASES = [
    # Africa
    ("abderaman-koulamallah", "Сергей Лавров провёл переговоры с министром иностранных дел Чада Абдераманом Куламаллахом.",
     "Абдераманом Куламаллахом", "Minister of Foreign Affairs of Chad"),
    ("gedion-timothewos", "Лавров встретился с министром иностранных дел Эфиопии Гедионом Тимотевосом.",
     "Гедионом Тимотевосом", "Minister of Foreign Affairs of Ethiopia"),
    ("amon-murwira", "Министр иностранных дел Зимбабве Амон Мурвира прибыл в Москву с официальным визитом.",
     "Амон Мурвира", "Minister of Foreign Affairs of Zimbabwe"),
    ("sylvie-baipo-temon", "Лавров провёл переговоры с министром иностранных дел ЦАР Сильви Баипо-Темон.",
     "Сильви Баипо-Темон", "Minister of Foreign Affairs of the Central African Republic"),
    ("teodoro-obiang-nguema-mbasogo", "Владимир Путин провёл в Кремле переговоры с Обиангом.",
     "Обиангом", "President of Equatorial Guinea"),
    ("kamil-idris", "Премьер-министр Судана Камиль Идрис заявил о готовности к диалогу.",
     "Камиль Идрис", "Prime Minister of Sudan"),
    ("mahmoud-ali-youssouf", "Председатель Комиссии Африканского союза Махмуд Али Юсуф выступил на саммите.",
     "Махмуд Али Юсуф", "Chairperson of the African Union Commission"),
    ("louise-mushikiwabo", "Генеральный секретарь Международной организации франкофонии Луиза Мушикивабо "
     "выступила на открытии форума.", "Луиза Мушикивабо",
     "Secretary General of the Organisation internationale de la Francophonie"),
    # Middle East
    ("abdullah-al-yahya", "Министр иностранных дел Кувейта Абдалла Али аль-Яхья прибыл в Москву.",
     "Абдалла Али аль-Яхья", "Minister of Foreign Affairs of Kuwait"),
    ("shaya-al-zindani", "Глава МИД Йемена Шайя аз-Зиндани заявил о поддержке мирного процесса.",
     "Шайя аз-Зиндани", "Minister of Foreign Affairs of Yemen"),
    ("majed-al-ansari", "Официальный представитель МИД Катара Маджед аль-Ансари сообщил о ходе переговоров.",
     "Маджед аль-Ансари", "Spokesperson of the Ministry of Foreign Affairs of Qatar"),
    ("varsen-aghabekian", "Лавров встретился с министром иностранных дел Палестины Варсен Агабекян.",
     "Варсен Агабекян", "Minister of Foreign Affairs of Palestine"),
    # Asia
    ("harini-amarasuriya", "Премьер-министр Шри-Ланки Харини Амарасурия заявила о новых соглашениях.",
     "Харини Амарасурия", "Prime Minister of Sri Lanka"),
    ("ram-chandra-poudel", "Президент Непала Рам Чандра Паудел принял верительные грамоты посла.",
     "Рам Чандра Паудел", "President of Nepal"),
    ("randhir-jaiswal", "Официальный представитель МИД Индии Рандхир Джайсвал заявил журналистам об этом.",
     "Рандхир Джайсвал", "Official Spokesperson of the Ministry of External Affairs of India"),
    ("kim-min-seok", "Премьер-министр Республики Корея Ким Мин Сок заявил о мерах поддержки.",
     "Ким Мин Сок", "Prime Minister of South Korea"),
    ("pak-thae-song", "Председатель Кабинета министров КНДР Пак Тхэ Сон посетил завод.",
     "Пак Тхэ Сон", "Premier of North Korea"),
    ("than-swe", "Министр иностранных дел Мьянмы Тан Шве прибыл в Москву.",
     "Тан Шве", "Minister of Foreign Affairs of Myanmar"),
    ("thongsavanh-phomvihane", "Министр иностранных дел Лаоса Тхонгсаван Пхомвихане провёл переговоры в Москве.",
     "Тхонгсаван Пхомвихане", "Minister of Foreign Affairs of Laos"),
    ("tshering-tobgay", "Премьер-министр Бутана Церинг Тобгай заявил о планах правительства.",
     "Церинг Тобгай", "Prime Minister of Bhutan"),
    # Europe
    ("antonio-jose-seguro", "Президент Португалии Антониу Жозе Сегуру заявил о поддержке решения.",
     "Антониу Жозе Сегуру", "President of Portugal"),
    ("inga-ruginiene", "Заявление премьер-министра Литвы Инги Ругинене вызвало споры.",
     "Инги Ругинене", "Prime Minister of Lithuania"),
    ("zeljko-komsic", "Встреча с членом Президиума Боснии и Герцеговины Желько Комшичем прошла в Сараеве.",
     "Желько Комшичем", "Member of the Presidency of Bosnia and Herzegovina"),
    ("elmedin-konakovic", "Переговоры с министром иностранных дел Боснии и Герцеговины Эльмедином Конаковичем "
     "прошли в Москве.", "Эльмедином Конаковичем", "Minister of Foreign Affairs of Bosnia and Herzegovina"),
    ("konstantinos-tasoulas", "Президент Греции Константинос Тасулас заявил о поддержке Кипра.",
     "Константинос Тасулас", "President of Greece"),
    ("micheal-martin", "Премьер-министр Ирландии Михол Мартин выступил в парламенте.",
     "Михол Мартин", "Taoiseach"),
    # Americas
    ("andrew-holness", "Лавров провёл телефонный разговор с премьер-министром Ямайки Эндрю Холнессом.",
     "Эндрю Холнессом", "Prime Minister of Jamaica"),
    ("pablo-quirno", "Лавров провёл переговоры с министром иностранных дел Аргентины Пабло Кирно.",
     "Пабло Кирно", "Minister of Foreign Affairs, International Trade and Worship of Argentina"),
    ("rosa-villavicencio", "Министр иностранных дел Колумбии Роса Вильявисенсио заявила о визите.",
     "Роса Вильявисенсио", "Minister of Foreign Affairs of Colombia"),
    ("albert-ramdin", "Генеральный секретарь ОАГ Альберт Рамдин выступил с заявлением.",
     "Альберт Рамдин", "Secretary General of the Organization of American States"),
]


@pytest.mark.parametrize("pid,text,surface,role", CASES, ids=[c[0] for c in CASES])
def test_russian_spelling_links(linker, pid, text, surface, role):
    eid = f"kb:person/{pid}"
    assert linked_in(linker, text, "ru", WHEN).get(surface) == eid, text
    d = Document(id="t", text=text, source="test", lang="ru", published=WHEN)
    ents = {e.id: e for e in linker.link(d, normalize(text))}
    assert ents[eid].role == role, (text, ents[eid].role)
