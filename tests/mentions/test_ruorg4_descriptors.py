"""Russian organisations, round four (s11, mentions/orgs_ru.py: descriptor_heads): an organisation named
after its descriptor noun keeps its name as the mention, and the mention records the whole phrase
("партии «X»", "компании X") as its ``phrase_span`` (the output mention's ``phrase``); units of such an organisation, missions "в" a place,
lower-case words before a top-level domain. Invented sentences."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions.adj_ru import drop_domain_zones
from communique.mentions.common import Mention
from communique.normalize import normalize


def _doc(text):
    return Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))


def _orgs(linker, text):
    """{mention text: phrase_span text or None} for the organisation mentions."""
    norm = normalize(text)
    out = {}
    for m in linker.find(_doc(text), norm):
        if m.etype in ("organization", "group"):
            out[norm.text[m.start:m.end]] = norm.text[m.phrase_span[0]:m.phrase_span[1]] if m.phrase_span else None
    return out


def test_quoted_name_after_descriptor(linker):
    got = _orgs(linker, "Депутаты партии «Зелёный рассвет» провели съезд в Казани.")
    assert got == {"Зелёный рассвет": "партии «Зелёный рассвет»"}


def test_entity_keeps_the_bare_name(linker):
    text = "Депутаты партии «Зелёный рассвет» провели съезд в Казани."
    ents = linker.link(_doc(text), normalize(text))
    party = [e for e in ents if e.type == "organization"]
    assert len(party) == 1
    assert "rassvet" in party[0].id and "partii" not in party[0].id
    assert [(x.start, x.end, x.text) for x in party[0].mentions] == [(17, 32, "Зелёный рассвет")]
    assert party[0].to_json()["mentions"] == [{"start": 17, "end": 32, "text": "Зелёный рассвет",
                                               "phrase": {"start": 9, "end": 33, "text": "партии «Зелёный рассвет»"}}]


def test_knowledge_base_link_is_kept(linker):
    got = _orgs(linker, "Сотрудники концерна Siemens подписали договор.")
    assert got == {"Siemens": "концерна Siemens"}
    norm = normalize("Сотрудники концерна Siemens подписали договор.")
    assert any(m.eid.startswith("kb:") and m.phrase_span for m in linker.find(_doc(norm.text), norm))


def test_agreeing_adjective_and_latin_name(linker):
    got = _orgs(linker, "Акции немецкого концерна Siemens выросли на бирже.")
    assert got == {"Siemens": "немецкого концерна Siemens"}


def test_two_word_descriptors(linker):
    got = _orgs(linker, "Картину продал торговый дом Siemens, договор подписала группа компаний «Техносфера».")
    assert got["Siemens"] == "торговый дом Siemens"
    assert got["Техносфера"] == "группа компаний «Техносфера»"


def test_capitalised_descriptor_only_at_sentence_start(linker):
    assert _orgs(linker, "Концерн «Норд» сообщил о прибыли.") == {"Норд": "Концерн «Норд»"}
    assert _orgs(linker, "Кредит выдал Банк «Газпрома» весной.") == {"Газпрома": None}


def test_place_adjective_before_quoted_name(linker):
    assert _orgs(linker, "Акционеры питерского «Газпрома» ликовали.") == {"Газпрома": "питерского «Газпрома»"}


def test_descriptor_before_genitive_phrase(linker):
    got = _orgs(linker, "Контракт получил производитель медицинского оборудования Siemens.")
    assert got == {"Siemens": "производитель медицинского оборудования Siemens"}
    # not a plural descriptor: "объединений государств X" are bodies of X's members
    assert _orgs(linker, "Ответ пришёл от объединений государств ОДКБ.") == {"ОДКБ": None}


def test_unit_of_a_descriptor_organisation(linker):
    got = _orgs(linker, "Об этом рассказала пресс-служба компании «Орион».")
    assert got == {"пресс-служба компании «Орион»": None, "Орион": "компании «Орион»"}


def test_mission_named_by_where_it_sits(linker):
    got = _orgs(linker, "Активисты пришли к турецкому консульству в Казани с плакатами.")
    assert got == {"турецкому консульству в Казани": None}


def test_lower_case_word_before_a_top_level_domain():
    text = "Заявку подали на адрес правительство.рф утром."
    s = text.index("правительство")
    kept = drop_domain_zones(text, [Mention(s, s + 13, "kb:org/x", "name", "organization")])
    assert kept == []


def test_factrueval_reads_the_phrase_every_other_format_the_name(linker):
    from communique.evaluation.ner import GoldDoc, predict

    text = "Депутаты партии «Зелёный рассвет» провели съезд в Казани."
    doc = GoldDoc("t", text, "ru")
    name, _ = predict(linker, doc, adjectives=True)
    phrase, _ = predict(linker, doc, phrases=True)
    assert (17, 32, "ORG") in name and (9, 33, "ORG") in phrase
    assert (9, 33, "ORG") not in name and (17, 32, "ORG") not in phrase


def test_unclosed_quote_at_the_end_of_the_text(linker):
    # "" is in every string: a missing closing quote at the very end must not count as present (the phrase would
    # run past the text, and with a no-break space elsewhere the offset map raised IndexError)
    for text in ("Заявление\u00a0партии «Яблоко", 'Заявление\u00a0компании "Газпром', "Об этом сообщила пресс-служба компании «Орион"):
        ents = linker.link(_doc(text), normalize(text))
        for e in ents:
            for m in e.mentions:
                assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text
                if m.phrase is not None:
                    assert 0 <= m.phrase.start <= m.phrase.end <= len(text)
                    assert text[m.phrase.start:m.phrase.end] == m.phrase.text


def test_long_token_before_a_name_is_no_descriptor(linker):
    # a link right before the name: the words before it are looked for within 40 characters only
    text = "Источник: https://example.org/" + "a" * 80 + " «Газпром» сообщил о прибыли."
    assert _orgs(linker, text) == {"Газпром": None}
