"""Spanish PLOVER typing, round four (s10): a meeting noun in a locative phrase is the setting of the
clause's act, not the act; the principal clause after a relative or subordinate clause that opens the
sentence; more ACCUSE verbs (reproaching, blaming, holding responsible) with their
inflections. Sentences written for this test."""

from __future__ import annotations

import pytest

from events.conftest import run

# (sentence, type of the main event, the main event's trigger text or None for any)
CASES = [
    # "en una reunión / en la asamblea / en una conferencia": where the act happened
    ("En una reunión con los alcaldes, el gobernador rechazó el nuevo impuesto.", "REJECT", "rechazó"),
    ("En la asamblea del martes, los obreros votaron contra el convenio.", "REJECT", "votaron"),
    ("En una larga conferencia, la dirigente exigió la renuncia del ministro.", "REQUEST", "exigió"),
    # ... a meeting verb or a meeting on its own stays a meeting
    ("El ministro se reunió con los sindicatos en la sede del gobierno.", "CONSULT", "se reunió"),
    ("Los cancilleres participaron en la cumbre de Quito.", "CONSULT", "cumbre"),
    ("La reunión de los cancilleres terminó sin declaración final.", "CONSULT", "reunión"),
    # a relative or subordinate clause that opens the sentence: the principal clause's verb follows it
    ("Los mineros que marcharon el lunes exigen la renuncia del gobernador.", "REQUEST", "exigen"),
    ("A los jefes de la oposición, que dirigen las protestas, les pide calma.", "REQUEST", "pide"),
    ("Los jóvenes que protestaban frente a la embajada fueron detenidos.", "COERCE", "fueron detenidos"),
    ("Cuando los colonos cortaron la carretera, la gendarmería los desalojó.", "COERCE", "desalojó"),
    # ... not a second verb of the same clause, nor a verb before the clause
    ("Los mineros que marcharon el lunes y exigieron aumentos volvieron al trabajo.", "MOBILIZE", "marcharon"),
    ("La huelga que convocaron los choferes paralizó la ciudad.", "MOBILIZE", "huelga"),
    ("El gobierno rechazó las demandas de los maestros que protestan desde marzo.", "REJECT", "rechazó"),
    ("El portavoz dijo que los maestros protestan y exigen aumentos.", "PROTEST", "protestan"),
    # ACCUSE: criticise, blame, reproach, with their tenses
    ("Los vecinos recriminaron al alcalde la falta de agua potable.", "ACCUSE", "recriminaron"),
    ("La diputada reprochó al ministro su silencio sobre el escándalo.", "ACCUSE", "reprochó"),
    ("El sindicato responsabilizó al gobierno por la muerte del minero.", "ACCUSE", "responsabilizó"),
    ("La prensa achacaba la derrota al entrenador.", "ACCUSE", "achacaba"),
    ("Los manifestantes increparon al presidente a su salida del templo.", "ACCUSE", "increparon"),
    ("Varias organizaciones han condenado la represión de los estudiantes.", "ACCUSE", "han condenado"),
    ("El obispo criticaba con dureza la política agraria.", "ACCUSE", "criticaba"),
    ("La reforma fue criticada por todos los partidos.", "ACCUSE", "criticada"),
]


@pytest.mark.parametrize("text,typ,trigger", CASES)
def test_main_event_type(text: str, typ: str, trigger: str | None) -> None:
    evs = run(text, "es", [])
    main = [e for e in evs if e.extra.get("main")]
    assert len(main) == 1, [(e.type, e.extra["trigger"]["text"]) for e in evs]
    assert main[0].type == typ, [(e.type, e.extra["trigger"]["text"], e.extra.get("main")) for e in evs]
    if trigger is not None:
        assert main[0].extra["trigger"]["text"] == trigger


@pytest.mark.parametrize("text", [
    "Una llamada telefónica anónima alertó a la policía sobre el artefacto.",
    "Tras el programa, los oyentes hicieron llamadas telefónicas de protesta a la radio.",
])
def test_no_phone_consultation(text: str) -> None:
    evs = run(text, "es", [])
    assert all(e.type != "CONSULT" for e in evs), [(e.type, e.extra["trigger"]["text"]) for e in evs]


def test_phone_call_between_leaders() -> None:
    evs = run("Los dos presidentes mantuvieron una conversación telefónica el martes.", "es", [])
    assert [e.type for e in evs if e.extra.get("main")] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Un grupo armado se responsabilizó del atentado contra el cuartel.",   # a claim, not blaming someone
    "El tribunal lo dejó condenado a diez años de prisión.",              # the bare participle: a sentence
])
def test_no_accusation(text: str) -> None:
    evs = run(text, "es", [])
    assert all(e.type != "ACCUSE" for e in evs), [(e.type, e.extra["trigger"]["text"]) for e in evs]
