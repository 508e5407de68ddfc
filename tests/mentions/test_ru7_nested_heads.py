"""Russian organisations, nested heads (s13 ru7, mentions/nested_orgs_ru.py ``nested_heads``): the head of an
organisation's name that names the body alone ("Конституционный суд" in "Конституционный суд Венгрии") is a
second mention, nested in the longer one, with the same entity id and kind ``head``; descriptions that name no
body alone (администрация, посольство, власти) get none. Invented sentences, without natasha."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize


def _doc(text):
    return Document(id="t", text=text, source="test", lang="ru", published=datetime(2024, 1, 1, tzinfo=timezone.utc))


def _heads(linker, text):
    """{head text: (entity id, the outer mention's text)} of the nested heads."""
    norm = normalize(text)
    found = linker.find(_doc(text), norm)
    out = {}
    for m in found:
        if m.kind != "head":
            continue
        outer = [o for o in found if o.eid == m.eid and o.kind != "head" and o.start <= m.start and m.end <= o.end
                 and (o.start, o.end) != (m.start, m.end)]
        assert outer, "a head lies inside its organisation's mention"
        assert m.nested_in == m.eid and m.etype in ("organization", "group")
        out[norm.text[m.start:m.end]] = (m.eid, norm.text[outer[0].start:outer[0].end])
    return out


def test_court_with_an_adjective(linker):
    got = _heads(linker, "Вчера Конституционный суд Венгрии отклонил жалобу оппозиции.")
    assert got["Конституционный суд"][1] == "Конституционный суд Венгрии"


def test_government_alone_and_of_a_person(linker):
    assert "правительство" in _heads(linker, "На заседании правительство Эстонии одобрило бюджет.")


def test_ministry_with_its_domain(linker):
    got = _heads(linker, "Как заявили в министерстве финансов Чили, долг сократится.")
    assert set(got) == {"министерстве финансов"}


def test_acronyms(linker):
    assert "МВД" in _heads(linker, "Сотрудники МВД России задержали его.")
    assert "Госдумы" in _heads(linker, "Депутаты Госдумы РФ приняли закон.")


def test_descriptions_get_no_head(linker):
    assert _heads(linker, "Администрация Хабаровска объявила конкурс.") == {}
    assert _heads(linker, "Посольство Перу в Москве закрыто.") == {}
    assert _heads(linker, "Он вошёл в совет директоров компании Nokia.") == {}


def test_no_domain_from_a_place_word(linker):
    got = _heads(linker, "Окружная прокуратура города Бремена начала проверку.")
    assert "Окружная прокуратура города" not in got


def test_a_name_alone_gets_no_head(linker):
    assert _heads(linker, "Конституционный суд отклонил жалобу.") == {}


def test_adjectives_before_a_body(linker):
    got = _heads(linker, "Вчера российское правительство одобрило бюджет.")
    assert got["правительство"][1] == "российское правительство"
    assert _heads(linker, "Европейский парламент одобрил резолюцию.") == {}
