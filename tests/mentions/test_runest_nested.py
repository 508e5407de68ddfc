"""Country and place names nested inside organisation names (mentions/nested.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.evaluation.ner import GoldDoc, predict
from communique.kb.fold import fold
from communique.mentions.common import Mention
from communique.mentions.nested import nested_places
from communique.normalize import normalize


def _find(linker, text: str, lang: str):
    d = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 5, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return d, n, linker.find(d, n)


def _nested(linker, text: str, lang: str) -> dict[str, tuple[str, str]]:
    """{surface: (place id, organisation id)} of the nested mentions found in ``text``."""
    _d, n, ms = _find(linker, text, lang)
    return {n.text[m.start:m.end]: (m.eid, m.nested_in) for m in ms if m.nested_in and m.kind != "head"}  # places inside, not the heads (nested_orgs_ru.py)


def test_russian_ministry_names_its_country(linker):
    got = _nested(linker, "Накануне МИД России разослал послам приглашения на приём.", "ru")
    assert got == {"России": ("kb:country/RU", "kb:org/mfa-russia")}


def test_full_russian_name_with_republic(linker):
    got = _nested(linker, "Вечером Министерство иностранных дел Республики Беларусь опубликовало ноту.", "ru")
    assert got == {"Республики Беларусь": ("kb:country/BY", "kb:org/mfa-belarus")}


def test_german_government_in_russian(linker):
    got = _nested(linker, "Источник в правительстве Германии подтвердил сроки поездки.", "ru")
    assert got.get("Германии", ("",))[0] == "kb:country/DE"


def test_english_of_phrase_and_adjective(linker):
    got = _nested(linker, "The Ministry of Foreign Affairs of Belarus replied to a note from the Russian Foreign Ministry.", "en")
    assert got["Belarus"] == ("kb:country/BY", "kb:org/mfa-belarus")
    assert got["Russian"] == ("kb:country/RU", "kb:org/mfa-russia")


def test_french_adjective(linker):
    got = _nested(linker, "Le ministère russe des Affaires étrangères a publié un communiqué mardi.", "fr")
    assert got == {"russe": ("kb:country/RU", "kb:org/mfa-russia")}


def test_german_names_without_a_place(linker):
    assert _nested(linker, "Die Bundesregierung und das Auswärtige Amt äußerten sich am Abend.", "de") == {}


def test_existing_place_mention_is_not_doubled(linker):
    """An organisation pass that already emits the place ("власти Перу") keeps it an ordinary mention."""
    _d, n, ms = _find(linker, "Власти Перу объявили о новых мерах.", "ru")
    peru = [m for m in ms if n.text[m.start:m.end] == "Перу"]
    assert len(peru) == 1 and peru[0].nested_in is None


def _inside(linker, text: str, org: str, lang: str = "ru") -> list[str]:
    """The nested places found inside ``org`` (taken as an organisation mention) of ``text``."""
    s = text.index(org)
    m = Mention(s, s + len(org), "new:organization/x", "natasha", "organization")
    return [text[x.start:x.end] for x in nested_places(linker, text, fold(text), lang, [m], {}, None)]


def test_person_and_brand_names_are_no_places(linker):
    # the organisation pass finds a country; a town that shares a famous surname is not taken
    assert _inside(linker, "Сотрудники посольства Японии и Музея Гоголя встретились.", "посольства Японии") == ["Японии"]
    assert _inside(linker, "Директор Музея Гоголя выступил с лекцией.", "Музея Гоголя") == []
    # a Latin-script name inside a Cyrillic text is a foreign brand as written, not a place of it
    assert _inside(linker, "Сотрудники банка Deutsche Bank London Branch подготовили доклад.", "Deutsche Bank London Branch") == []
    # a compound word ("France-Presse") is no country name of its own
    assert _nested(linker, "Агентство Agence France-Presse сообщило об этом.", "ru") == {}


def test_nested_mentions_come_last_and_spans_are_exact(linker):
    text = "Представитель МИД России встретился с коллегой. Россия готова к диалогу."
    _d, n, ms = _find(linker, text, "ru")
    kinds = [m.nested_in is not None for m in ms]
    assert kinds == sorted(kinds) and kinds[-1]  # the ordinary mentions first, in order; then the nested one
    d, n, _ = _find(linker, text, "ru")
    ents = linker.to_entities(d, n, ms)
    ru = next(e for e in ents if e.id == "kb:country/RU")
    js = ru.to_json()["mentions"]
    assert [m.get("nested_in") for m in js] == ["kb:org/mfa-russia", None]
    for m in js:
        assert text[m["start"]:m["end"]] == m["text"]
    assert ru.mentions[-1].nested_in == "kb:org/mfa-russia"
    # the organisation is the first entity, as before: the nested mention does not reorder them
    assert [e.id for e in ents][:2] == ["kb:org/mfa-russia", "kb:country/RU"]


def test_nested_scored_only_where_the_data_set_nests(linker):
    text = "Накануне МИД России разослал послам приглашения."
    gold = GoldDoc("g", text, "ru")
    s = text.index("России")
    with_nested, _ = predict(linker, gold, nested=True, heads=False)  # factRuEval: places inside, no heads
    without, _ = predict(linker, gold, nested=False)
    assert (s, s + len("России"), "LOC") in with_nested
    assert (s, s + len("России"), "LOC") not in without
    assert with_nested - without == {(s, s + len("России"), "LOC")}
    # NEREL also scores the head ("МИД" in "МИД России", s13 ru7: mentions/nested_orgs_ru.py)
    nerel, _ = predict(linker, gold, nested=True)
    h = text.index("МИД")
    assert nerel - with_nested == {(h, h + len("МИД"), "ORG")}


def test_spanish_country_inside_an_agency_name(linker):
    """An agency named after a country: the flat (CoNLL) layer has only the organisation
    (tests/mentions/test_places_es.py), the nested layer also the country."""
    got = _nested(linker, "Ayer la Oficina de Cooperación para Bolivia ( OCB ) abrió una sede nueva junto al puerto .", "es")
    assert got == {"Bolivia": ("kb:country/BO", "new:organization/oficina-de-cooperacion-para-bolivia")}
