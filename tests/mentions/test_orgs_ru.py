"""Russian organisation spans: head + genitive complement, geographic adjective, conditional heads,
acronyms in parentheses (mentions/orgs_ru.py)."""

from mentions.conftest import found_in


def _found(linker, text):
    return found_in(linker, text, "ru")


def _found_no_heads(linker, text):
    return found_in(linker, text, "ru", skip=("head",))


def test_institution_with_genitive_country_is_one_organisation(linker):
    got = _found(linker, "Правительство Японии выразило протест, а прокуратура Эстонии молчит.")
    assert ("Правительство Японии", "organization") in got
    assert ("Японии", "country") in got  # the country inside stays a mention of its own
    # the head alone only as NEREL's nested head (s13 ru7, mentions/nested_orgs_ru.py), not a name of its own
    assert ("Правительство", "organization") not in _found_no_heads(linker, "Правительство Японии выразило протест.")


def test_geographic_adjective_before_common_noun_head(linker):
    got = _found(linker, "Об этом заявил глава японского МИДа.")
    assert ("японского МИДа", "organization") in got


def test_conditional_head_needs_a_complement(linker):
    got = _found(linker, "Власти Перу добиваются экстрадиции. Но власти пообещали помочь.")
    assert ("Власти Перу", "organization") in got
    assert not any(s == "власти" for s, _ in got)


def test_conditional_head_does_not_take_an_organisation(linker):
    got = _found(linker, "По мнению делегации ОБСЕ, кампания прошла спокойно.")
    assert ("ОБСЕ", "organization") in got
    assert not any(s.startswith("делегации") for s, _ in got)


def test_territorial_unit_with_po(linker):
    got = _found(linker, "Расследование ведёт Главное управление МВД России по Свердловской области.")
    assert any(s.endswith("МВД России по Свердловской области") and t == "organization" for s, t in got)
    assert ("России", "country") in got


def test_dative_place_is_no_complement(linker):
    got = _found(linker, "Правительство передало Москве новые полномочия.")
    assert ("Правительство", "organization") in got
    assert not any(s.startswith("Правительство Москв") for s, _ in got)


def test_person_after_government(linker):
    got = _found(linker, "Правительство Медведева внесло законопроект.")
    assert ("Правительство Медведева", "organization") in got


def test_acronym_in_parentheses_is_split():
    from communique.mentions.orgs_ru import _split_parentheses
    from communique.mentions.linker import Mention, _english_name
    from communique.kb.build import slug

    text = "Доклад опубликовал Фонд свободы прессы (ФСП) во вторник."
    s = text.index("Фонд")
    e = text.index(")") + 1
    m = Mention(s, e, "new:organization/x", "natasha", "organization")
    out = _split_parentheses(text, [m], Mention, _english_name, slug)
    assert sorted(text[x.start:x.end] for x in out) == sorted(["Фонд свободы прессы", "ФСП"])


def test_ministry_with_genitive_noun_phrase(linker):
    got = _found(linker, "Решение приняло министерство спорта Чехии. Но министерство уже передумало.")
    assert ("министерство спорта Чехии", "organization") in got
    assert not any(s.startswith("министерство уже") for s, _ in got)


def test_quoted_names_of_works_and_buildings_are_not_organisations():
    from communique.mentions.orgs_ru import not_org_quote

    def check(text):
        q = text.rindex("«") + 1
        return not_org_quote(text, q, text.index("»", q))

    assert check("Фильм покажут в кинотеатрах «Рассвет», «Маяк» и «Орбита».")
    assert check("Отправятся также шаттлы «Индевор» и")
    assert not check("Как сообщает газета «Труд», протест продолжался.")


def test_capitalised_adjective_after_a_title_is_no_person(linker):
    got = _found(linker, "Председатель Государственного совета Китая выступил.")
    assert not any(t == "person" for _, t in got)


def test_natasha_person_with_original_spelling_is_two_mentions():
    from communique.mentions.orgs_ru import _split_parentheses
    from communique.mentions.linker import Mention, _english_name
    from communique.kb.build import slug

    text = "министра финансов Томас Шефер (Thomas Schäfer) нашли"
    s, e = text.index("Томас"), text.index(")") + 1
    out = _split_parentheses(text, [Mention(s, e, "new:person/x", "natasha", "person")], Mention, _english_name, slug)
    assert sorted(text[m.start:m.end] for m in out) == sorted(["Томас Шефер", "Thomas Schäfer"])
    assert all(m.etype == "person" and m.eid.startswith("new:person/") for m in out)
    # a place keeps its parentheses
    text = "в Кировоградской (Кропивницкой) области"
    s = text.index("Киров")
    m = Mention(s, len(text), "new:place/x", "natasha", "place")
    assert _split_parentheses(text, [m], Mention, _english_name, slug) == [m]


def test_given_name_mary_is_not_the_mayors_office(linker):
    got = _found(linker, "Нейрохирург Мэри Кобб рассказала. В мэрии это подтвердили.")
    assert not any(s == "Мэри" and t == "organization" for s, t in got)
    assert ("мэрии", "organization") in got


def test_compass_adjective_and_continent_are_one_region(linker):
    got = _found(linker, "Спрос упал в Северной Европе, а экспорт в Центральную Америку вырос.")
    assert ("Северной Европе", "place") in got
    assert ("Центральную Америку", "place") in got
    assert not any(t == "country" for _, t in got)  # "Америку" here is not the United States


def test_service_followed_by_a_preposition_is_no_organisation(linker):
    got = _found(linker, "После службы в армии он работал в агентстве по недвижимости.")
    assert not any(t == "organization" for _, t in got)


def test_national_team_is_an_organisation_with_its_country():
    from communique.documents import Document
    from communique.mentions import MentionLinker
    from communique.normalize import normalize

    t = "Сборная России обыграла канадцев. Тренер российской сборной доволен. Игрок сборной заболел."
    lk = MentionLinker(use_natasha=False)
    got = {t[m.start:m.end]: m.etype for m in lk.find(Document(id="t", text=t, source="t", lang="ru"), normalize(t))}
    assert got.get("Сборная России") == "organization"
    assert got.get("российской сборной") == "organization"
    assert "сборной" not in got  # alone, a common noun
