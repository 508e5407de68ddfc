"""Russian organisation names (s9, mentions/orgs_ru.py): units of an organisation, quoted names after
an organisation noun, names "имени" a person, ordinals; and the factRuEval descriptor scoring option."""

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.normalize import normalize


@pytest.fixture(scope="module")
def linker():
    return MentionLinker(use_natasha=False)


def _found(linker, text):
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    return {(norm.text[m.start:m.end], m.etype) for m in linker.find(d, norm)}


def test_unit_with_genitive_organisation(linker):
    got = _found(linker, "Об этом сообщил Секретариат МАГАТЭ. Против выступила антимонопольная комиссия Европейского союза.")
    assert ("Секретариат МАГАТЭ", "organization") in got
    assert ("МАГАТЭ", "organization") in got  # the inner organisation stays
    assert ("антимонопольная комиссия Европейского союза", "organization") in got


def test_unit_alone_is_nothing(linker):
    got = _found(linker, "Комиссия рассмотрела жалобу, а секретариат промолчал.")
    assert not any(t == "organization" for _, t in got)


def test_unit_takes_its_po_phrase(linker):
    got = _found(linker, "Выступил глава комитета Совета Федерации по экономической политике.")
    assert ("комитета Совета Федерации по экономической политике", "organization") in got


def test_quoted_name_after_organisation_noun(linker):
    got = _found(linker, 'Кандидата выдвинула партия "Объединение за Мали", а глава ОАО «Газпром» промолчал.')
    assert ("Объединение за Мали", "organization") in got
    assert ("Мали", "country") in got
    assert ("Газпром", "organization") in got
    assert not any(s.startswith("ОАО") for s, _ in got)


def test_quoted_work_is_no_organisation(linker):
    got = _found(linker, "Он снялся в фильме «Весёлые ребята».")
    assert ("Весёлые ребята", "organization") not in got


def test_named_after_a_person(linker):
    got = _found(linker, "Он работал в Литературном институте имени А. М. Горького.")
    assert ("Литературном институте имени А. М. Горького", "organization") in got


def test_ordinal_belongs_to_the_unit(linker):
    got = _found(linker, "Они встретились с войсками 1-й армии США.")
    assert ("1-й армии США", "organization") in got


def test_factrueval_optional_descriptors(shared):
    from communique.evaluation.ner import read_factrueval

    docs = list(read_factrueval(shared / "data" / "ner" / "factrueval2016" / "devset"))
    alts = [(d.text[g[0]:g[1]], d.text[a[0]:a[1]]) for d in docs for g, aa in d.alts.items() for a in aa]
    assert alts and all(len(alt) < len(full) and alt in full for full, alt in alts)
    assert not any(alt.startswith("«") or alt.endswith("»") for _, alt in alts)


def test_country_adjective_before_ministry_abbreviation(linker):
    got = _found(linker, "Санкции российского Минсельхоза ударили по экспортёрам.")
    assert ("российского Минсельхоза", "organization") in got


def test_capitalised_np_head(linker):
    got = _found(linker, "Об этом сообщила Федерация бобслея России.")
    assert ("Федерация бобслея России", "organization") in got


def test_social_network_as_medium_is_no_organisation(linker):
    got = _found(linker, "Президент написал в Twitter: спасибо. Доля DST в Facebook выросла.")
    assert ("Twitter", "organization") not in got
    assert ("Facebook", "organization") in got  # a company one owns a share in


def test_quoted_list_after_colon_keeps_its_descriptor():
    from communique.mentions.orgs_ru import not_org_quote

    text = "Фильмы покажут в кинотеатрах городской сети «Москино»: «Полёт», «Искра». Партии: «Яблоко»."
    assert not_org_quote(text, text.index("Искра"), text.index("Искра") + 5)
    assert not not_org_quote(text, text.index("Яблоко"), text.index("Яблоко") + 6)


def test_building_after_spatial_preposition(linker):
    got = _found(linker, "Обама принимает в Белом доме гостя. Белый дом получил письмо. В Белом доме уже сообщили об этом.")
    assert ("Белом доме", "other") in got  # the building
    assert ("Белый дом", "organization") in got
    assert ("Белом доме", "organization") in got  # "в Белом доме уже сообщили": the institution speaking


def test_coordinated_countries_and_po_phrase(linker):
    got = _found(linker, "В сборную России по бобслею вошли новички. Это союзное государство России и Белоруссии. МИД России и Китай договорились.")
    assert ("сборную России по бобслею", "organization") in got
    assert ("союзное государство России и Белоруссии", "organization") in got
    assert ("МИД России", "organization") in got  # "Китай" is no genitive: not part of it


def test_works_and_appositions_are_no_organisations():
    from communique.mentions.orgs_ru import not_org_quote

    text = "Альбомы The Fat Of The Land (1997). Бой прошёл на арене MGM National Harbor. Акции Bayer упали."
    for name in ("The Fat Of The Land", "MGM National Harbor"):
        s = text.index(name)
        assert not_org_quote(text, s, s + len(name)), name
    s = text.index("Bayer")
    assert not not_org_quote(text, s, s + 5)  # a genitive owner, not an apposition


def test_latin_script_organisation_holding_a_place(linker):
    got = _found(linker, "Исследование провели в King’s College London, кредит выдал Industrial and Commercial Bank of China.")
    assert ("King’s College London", "organization") in got
    assert ("Industrial and Commercial Bank of China", "organization") in got
    assert ("London", "place") in got  # the place inside stays


def test_person_heads_take_an_office_title(linker):
    got = _found(linker, "Это заявила пресс-служба президента Украины. Представитель партии Цвангираи промолчал.")
    assert ("пресс-служба президента Украины", "organization") in got
    assert ("Украины", "country") in got
    got = _found(linker, "Партия пообещала снизить налоги.")
    assert not any(t == "organization" for _, t in got)  # a lone "партия" is nothing


def test_acronyms_an_organisation_introduces(linker):
    text = ("Сеть поддержки выборов в Зимбабве (Zimbabwe Election Support Network, ZESN) назвала результаты. "
            "Позже ZESN заявила о нарушениях. Он работал в компании RCA, а не в ООО.")
    got = _found(linker, text)
    assert sum(1 for s, t in got if s == "ZESN" and t == "organization") == 1  # set: both occurrences have the same text
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    spans = [norm.text[m.start:m.end] for m in linker.find(d, norm) if m.etype == "organization"]
    assert spans.count("ZESN") == 2
    assert "RCA" in spans
    assert "ООО" not in spans
