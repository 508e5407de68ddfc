"""Persons German writing names by one word (s15 de6, mentions/famous_de.py, data/lang/de/famous.txt). Invented
sentences."""

from __future__ import annotations

from communique.mentions.famous_de import famous_forms
from tests.mentions.conftest import found_in, linked_in


def _persons(linker, text: str) -> set[str]:
    return {s for s, t in found_in(linker, text, "de") if t == "person"}


def test_lone_famous_names_and_genitives_are_persons(linker):
    assert "Stalin" in _persons(linker, "Die Lehrerin weinte, als Stalin im Frühjahr starb.")
    assert "Goethes" in _persons(linker, "Im Keller lagen Briefe Goethes an seinen Verleger.")
    assert "Homer" in _persons(linker, "Das Motiv findet sich schon bei Homer und später bei anderen.")
    assert "Jesus Christus" in _persons(linker, "Die Kapelle ist Jesus Christus geweiht.")


def test_genitive_names_the_person():
    assert "Luthers" in famous_forms() and "Luther" in famous_forms()
    assert "Marxs" not in famous_forms()  # "Marx'" takes an apostrophe


def test_compounds_and_longer_names_are_left_alone(linker):
    assert "Goethe" not in _persons(linker, "Das Goethe-Institut in Prag lädt ein.")
    found = _persons(linker, "Homer Simpson kauft Donuts.")
    assert "Homer" not in found
    found = _persons(linker, "Der Dichter Johann Wolfgang Goethe reiste nach Italien.")
    assert "Goethe" not in found


def test_surname_of_a_person_named_in_full_is_left_to_the_surname_pass():
    from communique.mentions.common import Mention
    from communique.mentions.famous_de import famous_persons

    def make(s, e, typ, name):
        return Mention(s, e, f"new:{typ}/{name.lower()}", "cap", typ, name=name)

    text = "Leo Trotzki gründete die Armee. Später floh Trotzki ins Exil."
    full = [Mention(0, 11, "new:person/leo-trotzki", "given", "person")]
    assert famous_persons(text, full, make) == full
    got = famous_persons(text, [], make)
    assert [(m.start, m.end, m.name) for m in got] == [(4, 11, "Trotzki"), (44, 51, "Trotzki")]


def test_new_entity_takes_the_name_not_its_genitive(linker):
    from datetime import datetime, timezone

    from communique.documents import Document
    from communique.normalize import normalize

    text = "Sie las die Predigten Luthers am Abend."
    d = Document(id="t", text=text, source="test", lang="de", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    n = normalize(text)
    ms = [m for m in linker.find(d, n) if n.text[m.start:m.end] == "Luthers"]
    assert ms and ms[0].name == "Luther" and ms[0].eid == "new:person/luther"
