"""An English role noun that refers back ("the Secretary", "the Chancellor") names a person whose English role has
its words: a secretary of state is "the Secretary", a foreign minister is not."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.documents import Document
from communique.normalize import normalize

_DAY = datetime(2025, 6, 10, tzinfo=timezone.utc)


def _corefs(linker, text: str) -> dict[str, str]:
    d = Document(id="t", text=text, source="test", lang="en", published=_DAY)
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n) if m.kind == "coref"}


def test_the_secretary_is_the_secretary_of_state(linker):
    text = ("US Secretary of State Marco Rubio received Russian Foreign Minister Sergey Lavrov in Riyadh. "
            "The Secretary called the meeting useful.")
    assert _corefs(linker, text).get("Secretary") == "kb:person/marco-rubio"


def test_the_chancellor_and_the_minister(linker):
    text = "German Chancellor Friedrich Merz hosted President Macron. The Chancellor spoke first."
    assert _corefs(linker, text).get("Chancellor") == "kb:person/friedrich-merz"
    text = ("Russian Foreign Minister Sergey Lavrov received US Secretary of State Marco Rubio. "
            "The Russian minister spoke first.")
    assert _corefs(linker, text).get("minister") == "kb:person/sergey-lavrov"


def _corefs_in(linker, text: str, lang: str) -> dict[str, str]:
    d = Document(id="t", text=text, source="test", lang=lang, published=_DAY)
    n = normalize(text)
    return {n.text[m.start:m.end]: m.eid for m in linker.find(d, n) if m.kind == "coref"}


def test_a_country_adjective_after_a_romance_role_noun(linker):
    text = ("El ministro de Asuntos Exteriores, José Manuel Albares, recibió a su homólogo ruso, Serguéi Lavrov. "
            "El jefe de la diplomacia española pidió calma.")
    assert _corefs_in(linker, text, "es").get("jefe de la diplomacia") == "kb:person/jose-manuel-albares"


def test_russian_gossekretar_is_the_secretary_of_state(linker):
    text = ("Глава МИД России Сергей Лавров провёл переговоры с Марко Рубио. Министр отметил важность диалога. "
            "Госсекретарь согласился.")
    got = _corefs_in(linker, text, "ru")
    assert got.get("Госсекретарь") == "kb:person/marco-rubio"
    assert got.get("Министр") == "kb:person/sergey-lavrov"
