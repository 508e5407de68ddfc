"""Russian organisations, round four (s11, mentions/orgs_ru.py: descriptor_heads): an organisation named
after its descriptor noun is mentioned by the whole phrase ("партии «X»", "компании X"), the name kept as
the entity's name and as the mention's ``name_span``; units of such an organisation, missions "в" a place,
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
    """{mention text: name_span text or None} for the organisation mentions."""
    norm = normalize(text)
    out = {}
    for m in linker.find(_doc(text), norm):
        if m.etype in ("organization", "group"):
            out[norm.text[m.start:m.end]] = norm.text[m.name_span[0]:m.name_span[1]] if m.name_span else None
    return out


def test_quoted_name_after_descriptor(linker):
    got = _orgs(linker, "Депутаты партии «Зелёный рассвет» провели съезд в Казани.")
    assert got == {"партии «Зелёный рассвет»": "Зелёный рассвет"}


def test_entity_keeps_the_bare_name(linker):
    text = "Депутаты партии «Зелёный рассвет» провели съезд в Казани."
    ents = linker.link(_doc(text), normalize(text))
    party = [e for e in ents if e.type == "organization"]
    assert len(party) == 1
    assert "rassvet" in party[0].id and "partii" not in party[0].id
    assert [(x.start, x.end, x.text) for x in party[0].mentions] == [(9, 33, "партии «Зелёный рассвет»")]


def test_knowledge_base_link_is_kept(linker):
    got = _orgs(linker, "Сотрудники концерна Siemens подписали договор.")
    assert got == {"концерна Siemens": "Siemens"}
    norm = normalize("Сотрудники концерна Siemens подписали договор.")
    assert any(m.eid.startswith("kb:") and m.name_span for m in linker.find(_doc(norm.text), norm))


def test_agreeing_adjective_and_latin_name(linker):
    got = _orgs(linker, "Акции немецкого концерна Siemens выросли на бирже.")
    assert got == {"немецкого концерна Siemens": "Siemens"}


def test_two_word_descriptors(linker):
    got = _orgs(linker, "Картину продал торговый дом Siemens, договор подписала группа компаний «Техносфера».")
    assert got["торговый дом Siemens"] == "Siemens"
    assert got["группа компаний «Техносфера»"] == "Техносфера"


def test_capitalised_descriptor_only_at_sentence_start(linker):
    assert _orgs(linker, "Концерн «Норд» сообщил о прибыли.") == {"Концерн «Норд»": "Норд"}
    got = _orgs(linker, "Кредит выдал Банк «Газпрома» весной.")
    assert not any(k.startswith("Банк") for k in got)


def test_place_adjective_before_quoted_name(linker):
    assert _orgs(linker, "Акционеры питерского «Газпрома» ликовали.") == {"питерского «Газпрома»": "Газпрома"}


def test_descriptor_before_genitive_phrase(linker):
    got = _orgs(linker, "Контракт получил производитель медицинского оборудования Siemens.")
    assert got == {"производитель медицинского оборудования Siemens": "Siemens"}
    # not a plural descriptor: "организаций стран X" are organisations of X's members
    assert _orgs(linker, "Письма прислали из организаций стран НАТО.") == {"НАТО": None}


def test_unit_of_a_descriptor_organisation(linker):
    got = _orgs(linker, "Об этом рассказала пресс-служба компании «Орион».")
    assert got == {"пресс-служба компании «Орион»": None, "компании «Орион»": "Орион"}


def test_mission_named_by_where_it_sits(linker):
    got = _orgs(linker, "Активисты пришли к турецкому консульству в Казани с плакатами.")
    assert got == {"турецкому консульству в Казани": None}


def test_lower_case_word_before_a_top_level_domain():
    text = "Заявку подали на адрес кремль.рф вчера."
    s = text.index("кремль")
    kept = drop_domain_zones(text, [Mention(s, s + 6, "kb:org/x", "name", "organization")])
    assert kept == []


def test_nerel_reads_the_name(linker):
    from communique.evaluation.ner import GoldDoc, predict

    text = "Депутаты партии «Зелёный рассвет» провели съезд в Казани."
    doc = GoldDoc("t", text, "ru")
    whole, _ = predict(linker, doc)
    name, _ = predict(linker, doc, adjectives=True, names=True)
    assert (9, 33, "ORG") in whole and (17, 32, "ORG") in name
    assert (17, 32, "ORG") not in whole and (9, 33, "ORG") not in name
