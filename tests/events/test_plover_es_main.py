"""The main event of a Spanish sentence and the PLOVER type of its trigger (s9): participles and agent
nouns that name people or states, concessive and "amid" phrases, the principal clause's head verb over
an event noun in its subject, crowds that a march draws, work stoppages, rejections. Sentences written
for this test."""

from __future__ import annotations

import pytest

from events.conftest import run

# (sentence, type of the main event, the main event's trigger text or None for any)
CASES = [
    # a participle or agent noun is a person or a state, not the act
    ("Otros veinte acusados iniciaron una huelga de hambre en la cárcel.", "MOBILIZE", "huelga de hambre"),
    ("El juez, acusado de parcialidad, suspendió la audiencia.", "SANCTION", "suspendió"),
    ("Los huelguistas reclamaron un aumento de salarios.", "REQUEST", "reclamaron"),
    ("Miles de huelguistas marcharon por el centro de la capital.", "MOBILIZE", "marcharon"),
    ("Los presos amotinados exigieron la renuncia del director.", "REQUEST", "exigieron"),
    ("Dos periodistas fueron secuestrados por un grupo armado.", "ASSAULT", "secuestrados"),  # a passive: the act
    ("El periodista fue acusado de espionaje por el gobierno.", "ACCUSE", "acusado"),
    ("La policía anunció haber detenido a veinte personas tras el atentado.", "COERCE", "detenido"),  # a perfect infinitive: the act
    ("Un soldado fue herido por los manifestantes.", "ASSAULT", "herido"),
    # a state or an outcome gives way to an act even in a relative clause
    ("Los detenidos, que protestaban contra la reforma, fueron trasladados a otra cárcel.", "PROTEST", "protestaban"),
    # a concessive or "amid" phrase is the background
    ("Pese a la prohibición del gobierno, miles de personas marcharon en Caracas.", "MOBILIZE", "marcharon"),
    ("A pesar del estado de sitio, los mineros protestaron en La Paz.", "PROTEST", "protestaron"),
    ("En medio de los enfrentamientos, el gobierno pidió calma.", "REQUEST", "pidió"),
    # the principal clause's finite verb over an event noun in its subject
    ("Las manifestaciones de los maestros reclaman la renuncia del ministro.", "REQUEST", "reclaman"),
    ("Una marcha de varios miles de estudiantes protestó contra la reforma.", "PROTEST", "protestó"),
    ("La reunión terminó sin acuerdo y el ministro exigió nuevas garantías.", "CONSULT", "reunión"),
    # ... not when the noun is an object, or when a relative clause no comma closes follows it
    ("La central obrera convocó a una jornada de protestas y amenazó con una huelga.", "PROTEST", "protestas"),
    ("La huelga que convocaron los sindicatos del transporte paralizó la capital.", "MOBILIZE", "huelga"),
    ("La huelga, que convocaron los sindicatos, exigía aumentos de salario.", "REQUEST", "exigía"),
    # a crowd that a march draws is no meeting
    ("La marcha reunió a unas 40.000 personas en el centro de Madrid.", "MOBILIZE", None),
    ("El canciller se reunió con su homólogo en Lima.", "CONSULT", None),
    ("Las mujeres se reunieron frente al Congreso con velas encendidas.", "MOBILIZE", "se reunieron"),
    ("Unas 30.000 personas se habían reunido en el parque central.", "MOBILIZE", None),
    ("El ministro se reunió con los dirigentes frente a la catedral.", "CONSULT", None),  # a partner: a meeting
    # words that are no attack or no alliance
    ("El entrenador sufrió un ataque de nervios y protestó ante el árbitro.", "PROTEST", "protestó"),
    ("Militantes de un Acuerdo Político de izquierda bloquearon la avenida.", "MOBILIZE", "bloquearon"),
    # work stoppages are strikes, the codebook's PROTEST
    ("Los médicos realizaron un paro de 24 horas en los hospitales públicos.", "PROTEST", "paro"),
    ("Los transportistas paralizaron el país durante dos días.", "PROTEST", "paralizaron"),
    ("Los campesinos paralizaron el lunes las carreteras del norte.", "MOBILIZE", "paralizaron"),  # a road blockade
    # rejections: repudiating, defying, walking out, blocking a decision (not a road)
    ("El canciller repudió la decisión del tribunal.", "REJECT", "repudió"),
    ("El presidente desafía a la comunidad internacional con sus ensayos nucleares.", "REJECT", "desafía"),
    ("La delegación se retiró de la cumbre en señal de protesta.", "REJECT", "se retiró de la cumbre"),
    ("Los diputados abandonaron el plenario antes de la votación.", "REJECT", None),
    ("El ejército se retiró de la ciudad.", "RETREAT", None),
    ("El gobierno trata de bloquear la propuesta de reforma.", "REJECT", None),
    ("Los campesinos bloquearon la carretera principal.", "MOBILIZE", "bloquearon"),
    ("Los diputados de la oposición votaron en el Parlamento contra la reforma.", "REJECT", "votaron"),
    ("Los senadores votaron masivamente a favor de la ley.", "SUPPORT", "votaron"),
    ("El partido se alió con los sindicatos.", "COOPERATE", None),
    ("Miles de campesinos sin tierra invadieron una hacienda.", "MOBILIZE", "invadieron"),
    ("Miles de trabajadores se echaron a la calle contra la reforma.", "MOBILIZE", None),
]


@pytest.mark.parametrize("text,expected,trigger", CASES)
def test_main_event(text, expected, trigger):
    from communique.evaluation.events import primary_event

    evs = [e.to_json() for e in run(text, "es", [])]
    main = primary_event(evs)
    got = [(e["type"], e["trigger"]["text"], e.get("main")) for e in evs]
    assert main is not None and main["type"] == expected, got
    if trigger is not None:
        assert main["trigger"]["text"] == trigger, got


def test_work_stoppage_mode_is_strike():
    evs = [e.to_json() for e in run("Los maestros iniciaron un paro indefinido.", "es", [])]
    assert [(e["type"], e["mode"]) for e in evs] == [("PROTEST", "strike")]


def test_an_outcome_and_its_act_are_one_event_with_the_act_as_trigger():
    # "huelguistas" and "marcharon" are one mass action: the act is the trigger
    evs = [e.to_json() for e in run("Miles de huelguistas marcharon hacia el Congreso.", "es", [])]
    assert [(e["type"], e["trigger"]["text"]) for e in evs] == [("MOBILIZE", "marcharon")]


def test_regrettable_is_no_accusation():
    evs = [e.to_json() for e in run("El ministro calificó de lamentables las condiciones de la cárcel.", "es", [])]
    assert all(e["type"] != "ACCUSE" for e in evs), [(e["type"], e["trigger"]["text"]) for e in evs]


def test_a_pronoun_for_the_preceding_clause_does_not_background():
    from communique.events.lexicon import get_lexicon

    rx = get_lexicon("es").background_re
    assert rx.search("El gobierno subió los precios, tras la ") is not None        # "tras la detención": a cause
    assert rx.search("Libia calificó la medida de timorata y tras lo cual ") is None  # "tras lo cual se retiró"
    assert rx.search("subieron los precios; por eso ") is None                       # "por eso marcharon"
