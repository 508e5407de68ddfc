"""Protest, strike, riot and clash vocabulary in every language, and the choice of a sentence's main
event (main clause, not a cause, an object or an outcome). Sentences written for this test."""

from __future__ import annotations

import pytest

from events.conftest import run

# (language, sentence, PLOVER type of the main event, mode or None for "any")
CASES = [
    # English
    ("en", "Protesters blocked the main highway into the capital.", "PROTEST", None),
    ("en", "Hundreds of dockworkers walked out on Monday.", "PROTEST", "strike"),
    ("en", "Striking miners rallied outside the ministry.", "PROTEST", None),
    ("en", "Youths rioted in the northern suburbs overnight.", "PROTEST", "riot"),
    ("en", "Demonstrators booed the minister during his speech.", "PROTEST", None),
    ("en", "Students occupied the university campus for a week.", "PROTEST", None),
    ("en", "Police and demonstrators clashed in the city centre.", "ASSAULT", None),
    ("en", "Youths threw stones at the police station.", "ASSAULT", None),
    # main event: the arrests come after the protest ("after"), the dead are an outcome
    ("en", "After the arrest of their leader, thousands protested in the capital.", "PROTEST", None),
    # French
    ("fr", "Les agriculteurs ont bloqué les routes autour de la ville.", "PROTEST", None),
    ("fr", "Les enseignants sont en grève depuis lundi.", "PROTEST", "strike"),
    ("fr", "Des milliers de personnes ont protesté contre la réforme.", "PROTEST", "demonstrate"),
    ("fr", "Des émeutiers ont pillé plusieurs magasins.", "PROTEST", "riot"),
    ("fr", "Des heurts ont opposé la police aux manifestants.", "ASSAULT", None),
    ("fr", "Les étudiants ont occupé l'université pendant trois jours.", "PROTEST", None),
    ("fr", "Le ministre a été hué par les grévistes.", "PROTEST", None),
    # German
    ("de", "Beschäftigte im Nahverkehr legten mit einem Warnstreik den Betrieb lahm.", "PROTEST", "strike"),
    ("de", "Tausende beteiligten sich an einem Protestmarsch durch die Innenstadt.", "PROTEST", "demonstrate"),
    ("de", "Landwirte blockierten die Autobahn mit Traktoren.", "PROTEST", None),
    ("de", "Studenten besetzten das Hauptgebäude der Universität.", "PROTEST", None),
    ("de", "Bei Zusammenstößen mit der Polizei wurden zwanzig Menschen verletzt.", "ASSAULT", None),
    ("de", "Jugendliche warfen Steine auf die Polizei.", "ASSAULT", None),
    # Russian
    ("ru", "Тысячи людей приняли участие в протестах против пенсионной реформы.", "PROTEST", "demonstrate"),
    ("ru", "Водители перекрыли трассу в знак протеста.", "PROTEST", None),
    ("ru", "Шахтёры объявили забастовку.", "PROTEST", "strike"),
    ("ru", "Сторонники оппозиции провели шествие в центре города.", "PROTEST", "demonstrate"),
    ("ru", "Демонстранты столкнулись с полицией у здания парламента.", "ASSAULT", None),
    # Spanish
    ("es", "Los manifestantes abuchearon al presidente durante su discurso.", "PROTEST", None),
    ("es", "Miles de personas protestaron por la subida de los precios.", "PROTEST", "demonstrate"),
    ("es", "Presos de la cárcel central se amotinaron el domingo.", "PROTEST", "riot"),
    ("es", "Estudiantes y policías se enfrentaron en el centro de la ciudad.", "ASSAULT", None),
    ("es", "Los jóvenes lanzaron piedras contra la comisaría.", "ASSAULT", None),
    ("es", "Los campesinos se concentraron frente al palacio de gobierno.", "MOBILIZE", None),
    # main event: "tras los enfrentamientos" is the cause; the dead and the detainees are outcomes
    ("es", "Tras los enfrentamientos, los vecinos protestaron contra la policía.", "PROTEST", None),
    ("es", "Tres muertos dejó el ataque de un grupo armado contra una patrulla.", "ASSAULT", None),
    ("es", "Decenas de detenidos, entre ellos dos dirigentes, marcharon hacia la capital.", "MOBILIZE", None),
]


@pytest.mark.parametrize("lang,text,expected,mode", CASES)
def test_main_event_type(lang, text, expected, mode):
    from communique.evaluation.events import primary_event

    evs = [e.to_json() for e in run(text, lang, [])]
    main = primary_event(evs)
    got = [(e["type"], e["mode"], e["trigger"]["text"], e.get("main", False)) for e in evs]
    assert main is not None and main["type"] == expected, got
    if mode is not None:
        assert main["mode"] == mode, got


@pytest.mark.parametrize("lang,text", [
    ("es", "Sin embargo, el gobierno mantuvo su postura."),
    ("es", "De acuerdo con la policía, la situación era tranquila."),
    ("es", "La oposición ganó las elecciones municipales."),
    ("es", "El portavoz habló en una conferencia de prensa."),
    ("es", "La iglesia protestante celebró su aniversario."),
])
def test_spanish_words_that_are_no_events(lang, text):
    evs = run(text, lang, [])
    assert [e.type for e in evs if e.type] == [], [(e.type, e.extra["trigger"]["text"]) for e in evs]


@pytest.mark.parametrize("lang,text", [
    ("en", "The Russian navy blocked the ports of Odesa."),
    ("fr", "Le cortège présidentiel a traversé Paris."),
    ("ru", "Шествие Бессмертного полка прошло в Москве."),
    ("de", "Im Beschleuniger sollen Atomkerne zusammenstoßen."),
    ("de", "Die Protestanten feierten den Reformationstag."),
])
def test_no_protest_or_clash_where_there_is_none(lang, text):
    evs = run(text, lang, [])
    assert not [e for e in evs if e.type in ("PROTEST", "ASSAULT")], [(e.type, e.extra["trigger"]["text"]) for e in evs]


def test_one_main_event_per_sentence():
    t = "La policía detuvo a diez personas. Después, los vecinos protestaron contra las detenciones."
    evs = run(t, "es", [])
    mains = [e for e in evs if e.extra.get("main")]
    assert [e.type for e in mains] == ["COERCE", "PROTEST"]


def test_primary_event_prefers_the_marked_main_event():
    from communique.evaluation.events import primary_event

    evs = [{"type": "COERCE", "confidence": 0.9, "trigger": {"start": 0}},
           {"type": "PROTEST", "confidence": 0.5, "trigger": {"start": 30}, "main": True},
           {"type": None, "confidence": 0.9, "trigger": {"start": 10}, "main": True}]
    assert primary_event(evs)["type"] == "PROTEST"
    # no event marked: the earliest typed one
    assert primary_event([dict(e, main=False) for e in evs])["type"] == "COERCE"
