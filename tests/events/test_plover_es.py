"""PLOVER types of the main event in short Spanish news sentences (written for this test), one to
three per type, verb and noun forms."""

from __future__ import annotations

import pytest

from events.conftest import run

CASES = [
    ("El gobierno formuló una acusación contra los sindicatos.", "ACCUSE"),
    ("La cancillería presentó una denuncia ante la ONU.", "ACCUSE"),
    ("La condena del ataque fue unánime.", "ACCUSE"),
    ("Los sindicatos expresaron su rechazo a la reforma.", "REJECT"),
    ("El presidente no aceptó la propuesta de diálogo.", "REJECT"),
    ("La amenaza de huelga preocupa al gobierno.", "THREATEN"),
    ("Los transportistas amenazan con paralizar el país.", "THREATEN"),
    ("Estados Unidos impuso nuevas sanciones económicas a Venezuela.", "SANCTION"),
    ("La Unión Europea anunció sanciones contra Rusia.", "SANCTION"),
    ("Washington rompió relaciones diplomáticas con La Habana.", "SANCTION"),
    ("Japón envió ayuda humanitaria a las víctimas del terremoto.", "AID"),
    ("El FMI concedió un préstamo de 500 millones a Argentina.", "AID"),
    ("El gobierno y los maestros firmaron un acuerdo salarial.", "AGREE"),
    ("Los sindicatos y el gobierno llegaron a un acuerdo.", "AGREE"),
    ("Los cancilleres se reunieron en Lima.", "CONSULT"),
    ("El ministro mantuvo conversaciones con los dirigentes campesinos.", "CONSULT"),
    ("La policía arrestó a veinte manifestantes.", "COERCE"),
    ("Las autoridades detuvieron al líder sindical.", "COERCE"),
    ("La policía desalojó a los ocupantes del edificio.", "COERCE"),
    ("Los rebeldes atacaron un cuartel del ejército.", "ASSAULT"),
    ("Un atentado con coche bomba dejó diez muertos.", "ASSAULT"),
    ("Los campesinos exigieron la renuncia del ministro.", "REQUEST"),
    ("La oposición reclamó elecciones anticipadas.", "REQUEST"),
    ("La demanda de aumento salarial fue presentada el lunes.", "REQUEST"),
    ("Los estudiantes marcharon hacia el Congreso.", "MOBILIZE"),
    ("Los médicos iniciaron una huelga indefinida.", "MOBILIZE"),
    ("Cientos de personas protestaron frente a la embajada.", "PROTEST"),
    ("El gobierno desplegó tropas en la frontera.", "MOBILIZE"),
    ("El gobierno liberó a los presos políticos.", "RETREAT"),
    ("El ejército retiró sus tropas de la zona.", "RETREAT"),
    ("El presidente elogió la labor de la policía.", "SUPPORT"),
    ("El gobierno respaldó la propuesta de los obispos.", "SUPPORT"),
    ("El gobierno cedió ante las demandas de los huelguistas.", "CONCEDE"),
    ("El gobierno levantó el estado de sitio.", "CONCEDE"),
    ("Los guerrilleros secuestraron a un alcalde.", "ASSAULT"),
    ("La policía reprimió la manifestación con gases lacrimógenos.", "COERCE"),
    ("El gobierno decretó el estado de emergencia.", "COERCE"),
    ("El sindicato convocó a una huelga general.", "MOBILIZE"),
    ("El gobierno advirtió a los huelguistas que serán despedidos.", "THREATEN"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_main_event_type(text, expected):
    from communique.evaluation.events import primary_event

    evs = [e.to_json() for e in run(text, "es", [])]
    main = primary_event(evs)
    assert main is not None and main["type"] == expected, [(e["type"], e["trigger"]["text"]) for e in evs]
