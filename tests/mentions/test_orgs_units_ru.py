"""Russian organisation names (s9, mentions/orgs_ru.py): units of an organisation, quoted names after
an organisation noun, names "имени" a person, ordinals; and the factRuEval descriptor scoring option."""

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize
from mentions.conftest import found_in


def _found(linker, text):
    return found_in(linker, text, "ru")


def test_unit_with_genitive_organisation(linker):
    got = _found(linker, "Об этом сообщил Секретариат МАГАТЭ. Против выступила антимонопольная комиссия Европейского союза.")
    assert ("Секретариат МАГАТЭ", "organization") in got
    assert ("МАГАТЭ", "organization") in got  # the inner organisation stays
    assert ("антимонопольная комиссия Европейского союза", "organization") in got


def test_unit_alone_is_nothing(linker):
    got = _found(linker, "Комиссия рассмотрела жалобу, а секретариат промолчал.")
    assert not any(t == "organization" for _, t in got)


def test_unit_takes_its_po_phrase(linker):
    got = _found(linker, "С докладом выступил председатель комитета Совета Федерации по аграрной политике.")
    assert ("комитета Совета Федерации по аграрной политике", "organization") in got


def test_quoted_name_after_organisation_noun(linker):
    got = _found(linker, 'Список утвердила партия "Движение за Бенин", а глава ОАО «Газпром» промолчал.')
    assert ("Движение за Бенин", "organization") in got
    assert ("Бенин", "country") in got
    assert ("Газпром", "organization") in got
    assert not any(s.startswith("ОАО") for s, _ in got)


def test_quoted_work_is_no_organisation(linker):
    got = _found(linker, "Он снялся в фильме «Весёлые ребята».")
    assert ("Весёлые ребята", "organization") not in got


def test_named_after_a_person(linker):
    got = _found(linker, "Она училась в Педагогическом институте имени В. Г. Белинского.")
    assert ("Педагогическом институте имени В. Г. Белинского", "organization") in got


def test_ordinal_belongs_to_the_unit(linker):
    got = _found(linker, "Учения провели части 3-й армии Франции.")
    assert ("3-й армии Франции", "organization") in got


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
    from communique.mentions.common import Mention
    from communique.mentions.orgs_ru import platform_media

    text = "Президент написал в Weibo: спасибо. Доля DST в Weibo выросла. Он написал в Twitter."
    a, b, c = (text.index("Weibo"), text.index("Weibo", text.index("DST")), text.index("Twitter"))
    ms = [Mention(a, a + 5, "new:organization/weibo", "natasha", "organization"),
          Mention(b, b + 5, "new:organization/weibo", "natasha", "organization"),
          Mention(c, c + 7, "kb:org/twitter", "name", "organization")]
    kept = platform_media(text, ms)
    assert [m.start for m in kept] == [b, c]  # the medium dropped; a company one owns a share in, and a KB entity, kept


def test_quoted_list_after_colon_keeps_its_descriptor():
    from communique.mentions.orgs_ru import not_org_quote

    text = "Премьеру покажут в кинотеатрах сети «Заря»: «Север», «Восход». Партии: «Яблоко»."
    assert not_org_quote(text, text.index("Восход"), text.index("Восход") + 6)
    assert not not_org_quote(text, text.index("Яблоко"), text.index("Яблоко") + 6)


def test_buildings_and_platforms_keep_their_knowledge_base_ids(linker):
    # "в Кремле", "в Белом доме", "написал в Telegram": the institution or network stays linked
    text = "Путин принял гостя в Кремле. Байден встретился с ним в Белом доме. Лавров написал в Telegram."
    doc = Document(id="t", text=text, source="test", lang="ru", published=datetime(2025, 1, 1, tzinfo=timezone.utc))
    ids = {m.eid for m in linker.find(doc, normalize(text))}
    assert {"kb:org/kremlin", "kb:org/white-house", "kb:org/telegram"} <= ids


def test_coordinated_countries_and_po_phrase(linker):
    got = _found(linker, "В сборную России по бобслею вошли новички. Это союзное государство России и Белоруссии. МИД России и Китай договорились.")
    assert ("сборную России по бобслею", "organization") in got
    assert ("союзное государство России и Белоруссии", "organization") in got
    assert ("МИД России", "organization") in got  # "Китай" is no genitive: not part of it


def test_works_and_appositions_are_no_organisations():
    from communique.mentions.orgs_ru import not_org_quote

    text = "Пластинка Silver Morning Tales (2003) вышла. Бой прошёл на арене Grand Coastal Dome. Акции Bayer упали."
    for name in ("Silver Morning Tales", "Grand Coastal Dome"):
        s = text.index(name)
        assert not_org_quote(text, s, s + len(name)), name
    s = text.index("Bayer")
    assert not not_org_quote(text, s, s + 5)  # a genitive owner, not an apposition


def test_latin_script_organisation_holding_a_place(linker):
    got = _found(linker, "Исследование провели в King’s College London, кредит выдал Agricultural Development Bank of Brazil.")
    assert ("King’s College London", "organization") in got
    assert ("Agricultural Development Bank of Brazil", "organization") in got
    assert ("London", "place") in got  # the place inside stays


def test_person_heads_take_an_office_title(linker):
    got = _found(linker, "Об этом сообщила пресс-служба президента Молдавии. Представитель партии премьера промолчал.")
    assert ("пресс-служба президента Молдавии", "organization") in got
    assert ("Молдавии", "country") in got
    got = _found(linker, "Партия пообещала снизить налоги.")
    assert not any(t == "organization" for _, t in got)  # a lone "партия" is nothing


def test_acronyms_an_organisation_introduces(linker):
    text = ("Союз наблюдателей Лесото (Lesotho Observers Union, LOU) оспорил итоги голосования. "
            "Позже LOU сообщил о нарушениях. Он работал в компании KLT, а не в ООО.")
    got = _found(linker, text)
    assert sum(1 for s, t in got if s == "LOU" and t == "organization") == 1  # set: both occurrences have the same text
    d = Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    spans = [norm.text[m.start:m.end] for m in linker.find(d, norm) if m.etype == "organization"]
    assert spans.count("LOU") == 2
    assert "KLT" in spans
    assert "ООО" not in spans
