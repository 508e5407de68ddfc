"""An English role noun that refers back ("the Secretary", "the Chancellor") names a person whose English role has
its words: a secretary of state is "the Secretary", a foreign minister is not."""

from __future__ import annotations

from mentions.conftest import corefs_in


def test_the_secretary_is_the_secretary_of_state(linker):
    text = ("US Secretary of State Marco Rubio received Russian Foreign Minister Sergey Lavrov in Riyadh. "
            "The Secretary called the meeting useful.")
    assert corefs_in(linker, text, "en").get("Secretary") == "kb:person/marco-rubio"


def test_the_chancellor_and_the_minister(linker):
    text = "German Chancellor Friedrich Merz hosted President Macron. The Chancellor spoke first."
    assert corefs_in(linker, text, "en").get("Chancellor") == "kb:person/friedrich-merz"
    text = ("Russian Foreign Minister Sergey Lavrov received US Secretary of State Marco Rubio. "
            "The Russian minister spoke first.")
    assert corefs_in(linker, text, "en").get("minister") == "kb:person/sergey-lavrov"


def test_a_country_adjective_after_a_romance_role_noun(linker):
    text = ("El ministro de Asuntos Exteriores, José Manuel Albares, recibió a su homólogo ruso, Serguéi Lavrov. "
            "El jefe de la diplomacia española pidió calma.")
    assert corefs_in(linker, text, "es").get("jefe de la diplomacia") == "kb:person/jose-manuel-albares"


def test_russian_gossekretar_is_the_secretary_of_state(linker):
    text = ("Глава МИД России Сергей Лавров провёл переговоры с Марко Рубио. Министр отметил важность диалога. "
            "Госсекретарь согласился.")
    got = corefs_in(linker, text, "ru")
    assert got.get("Госсекретарь") == "kb:person/marco-rubio"
    assert got.get("Министр") == "kb:person/sergey-lavrov"
