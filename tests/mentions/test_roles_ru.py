"""Role nouns ("глава МИД", "the foreign minister", "der Außenminister") resolve to the office-holder
of the country the context names, on the document's date (mentions/roles.py)."""

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize

LAVROV = "kb:person/sergey-lavrov"


def _coref(linker, text, lang, day=datetime(2024, 6, 1, tzinfo=timezone.utc)):
    d = Document(id="t", text=text, source="test", lang=lang, published=day)
    norm = normalize(text)
    return [(norm.text[m.start:m.end], m.eid) for m in linker.find(d, norm) if m.kind == "coref"]


def test_glava_mid_with_country_is_that_countrys_minister(linker):
    text = "Госсекретарь США Энтони Блинкен прибыл в Пекин. Глава МИД России заявил, что ответит на это."
    got = _coref(linker, text, "ru")
    assert any(s.startswith("Глава МИД") and eid == LAVROV for s, eid in got), got


def test_country_adjective_before_the_role_names_the_country(linker):
    text = "US Secretary of State Antony Blinken arrived in Beijing. The Russian foreign minister said he would respond."
    got = _coref(linker, text, "en")
    assert any(eid == LAVROV for _, eid in got), got


def test_german_role_with_country_adjective(linker):
    text = "US-Außenminister Antony Blinken reiste nach Peking. Der russische Außenminister sagte, er werde antworten."
    got = _coref(linker, text, "de")
    assert any(eid == LAVROV for _, eid in got), got


def test_bare_role_in_a_document_about_one_country(linker):
    text = ("Россия и Китай обсудили торговлю. Москва предложила России новые маршруты; в России это поддержали. "
            "Госсекретарь США Энтони Блинкен раскритиковал решение. Глава МИД заявил, что Россия ответит.")
    got = _coref(linker, text, "ru")
    assert any(eid == LAVROV for _, eid in got), got


def test_bare_role_when_the_country_is_ambiguous_keeps_the_nearest_minister(linker):
    text = "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi. The Foreign Minister said talks went well."
    got = _coref(linker, text, "en")
    assert got and got[0][1] == "kb:person/wang-yi", got
    # "Foreign Minister" is generic: the US Secretary of State holds that office too
    text = "Russian Foreign Minister Sergey Lavrov met US Secretary of State Antony Blinken. The Foreign Minister said talks went well."
    got = _coref(linker, text, "en")
    assert got and got[0][1] == "kb:person/antony-blinken", got


def test_bare_role_when_two_countries_share_the_document_is_the_nearest_holder(linker):
    text = ("Россия и Китай обсудили торговлю. Москва предложила России новые маршруты; в России это поддержали. "
            "Министр иностранных дел Китая Ван И раскритиковал решение. Глава МИД заявил, что Китай ответит.")
    got = _coref(linker, text, "ru")
    assert got and got[-1][1] == "kb:person/wang-yi", got
