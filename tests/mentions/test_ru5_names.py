"""Russian person names, round five (mentions/names_ru.py, natasha_ner.py): a surname mention takes the
given name natasha's span adds before it; natasha's person spans lose a leading status noun or age and
end at a line break. Invented sentences."""

from __future__ import annotations

import pytest

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.common import Mention
from communique.mentions.names_ru import full_names, trim_person_span
from communique.normalize import normalize


def _m(text, word, eid, kind="sur", etype="person", name=None):
    s = text.index(word)
    return Mention(s, s + len(word), eid, kind, etype, name=name)


def test_surname_takes_the_given_name_natasha_saw():
    text = "Министр Пётр Сидоренко прилетел утром. Пётр Сидоренко обещал ответить позже."
    s = text.rindex("Пётр")
    sur = Mention(text.rindex("Сидоренко"), text.rindex("Сидоренко") + 9, "new:person/pyotr-sidorenko", "sur", "person",
                  name="Pyotr Sidorenko")
    got = full_names(text, [(s, s + len("Пётр Сидоренко"), "PER")], [sur])
    assert [(text[m.start:m.end], m.eid) for m in got] == [("Пётр Сидоренко", "new:person/pyotr-sidorenko")]


def test_another_given_name_is_another_person():
    text = "Об этом говорил Олег Лучинский. Вчера Вера Лучинская и её брат уехали."
    sur = _m(text, "Лучинская", "new:person/oleg-luchinsky", name="Oleg Luchinsky")
    s = text.index("Вера")
    got = full_names(text, [(s, sur.end, "PER")], [sur])
    assert text[got[0].start:got[0].end] == "Вера Лучинская"
    assert got[0].eid != "new:person/oleg-luchinsky"


def test_no_extension_over_another_mention_or_an_ordinary_word():
    text = "В Омске Сидоренко выступил. Новые Сидоренко не приехали."
    place = _m(text, "Омске", "gn:1", kind="name", etype="place")
    sur = _m(text, "Сидоренко", "new:person/x", name="X Sidorenko")
    got = full_names(text, [(text.index("Омске"), sur.end, "PER")], [place, sur])
    assert (got[1].start, got[1].end) == (sur.start, sur.end)
    sur2 = Mention(text.rindex("Сидоренко"), text.rindex("Сидоренко") + 9, "new:person/x", "sur", "person")
    got = full_names(text, [(text.index("Новые"), sur2.end, "PER")], [sur2])
    assert got[0].start == sur2.start  # "Новые" is an ordinary word, not a given name


def test_leading_status_noun_and_age_are_cut():
    text = "Кронпринцесса Амалия Тойвонен открыла выставку; 27-летний Арво Линна приехал."
    s = trim_person_span(text, 0, text.index(" открыла"))
    assert text[s:text.index(" открыла")] == "Амалия Тойвонен"
    a = text.index("27-летний")
    e = text.index(" приехал")
    assert text[trim_person_span(text, a, e):e] == "Арво Линна"
    # a surname that is such a noun stays when it is all that is left
    t2 = "Адвокат заявил"
    assert trim_person_span(t2, 0, len("Адвокат")) == 0


natasha = pytest.importorskip("natasha")


@pytest.fixture(scope="module")
def nlinker():
    return MentionLinker()


def _people(linker, text):
    d = Document(id="t", text=text, source="t", lang="ru")
    return [text[m.start:m.end] for m in linker.find(d, normalize(text)) if m.etype == "person"]


def test_full_name_opening_a_paragraph(nlinker):
    text = ("Губернатор области Аркадий Зотов посетил новый завод в пятницу.\n\n"
            "Аркадий Зотов пообещал, что предприятие получит льготы.")
    got = _people(nlinker, text)
    assert got.count("Аркадий Зотов") == 2
    assert "Зотов" not in got


def test_ordinary_word_is_no_form_of_a_kb_surname(linker):
    # linker: knowledge base and rules without natasha (tests/mentions/conftest.py)
    text = "Дождь кончился к обеду. Новая дорога открылась, а Лаврова встретили в аэропорту."
    got = {text[m.start:m.end]: m.eid for m in linker.find(Document(id="t", text=text, source="t", lang="ru"), normalize(text))
           if m.etype == "person"}
    assert "Новая" not in got
    assert got.get("Лаврова") == "kb:person/sergey-lavrov"
