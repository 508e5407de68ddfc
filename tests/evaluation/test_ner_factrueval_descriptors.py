"""factRuEval's descriptor layer (evaluation/ner.py): an object with a name span of its own also
matches that name without its descriptor spans with ``--optional-descriptors``; the default
(``--strict-descriptors``, ``optional_descriptors=False``) requires the whole object span. Synthetic files in the data set's format, invented wording."""

from __future__ import annotations

from types import SimpleNamespace

from communique.evaluation.ner import evaluate, read_factrueval
from communique.mentions.common import Mention

TEXT = "Сотрудники компании Ромашкино встретились с мэрией Крутогорска вчера."


def _write(tmp_path):
    def span(word: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = TEXT.index(word, i + 1)
        return i, len(word)

    rows = [("1", "org_descr", "компании"), ("2", "org_name", "Ромашкино"), ("3", "org_descr", "мэрией"),
            ("4", "loc_name", "Крутогорска")]
    spans = []
    for sid, typ, word in rows:
        s, n = span(word)
        spans.append(f"{sid} {typ} {s} {n} 0 1  # 0 {word}")
    (tmp_path / "book_1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "book_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (tmp_path / "book_1.objects").write_text(
        "10 Org 1 2 # компании Ромашкино\n11 Org 3 4 # мэрией Крутогорска\n12 LocOrg 4 # Крутогорска\n", encoding="utf-8")
    return tmp_path


def _at(word: str) -> tuple[int, int]:
    s = TEXT.index(word)
    return s, s + len(word)


def test_alternative_only_for_an_object_with_its_own_name(tmp_path):
    doc = next(read_factrueval(_write(tmp_path)))
    org = (*_at("компании Ромашкино"), "ORG")
    city_hall = (*_at("мэрией Крутогорска"), "ORG")
    assert doc.alts[org] == {(*_at("Ромашкино"), "ORG")}
    # "мэрией Крутогорска": a descriptor and a place, no organisation name of its own: the whole span is required
    assert city_hall in doc.spans and city_hall not in doc.alts


class _Stub:
    """A linker that finds the given spans (the scorer only needs ``find`` and ``kb.entities``)."""

    def __init__(self, spans):
        self.spans = spans
        self.kb = SimpleNamespace(entities={})

    def find(self, doc, norm):
        return [Mention(s, e, f"new:{t}/x{i}", "natasha", t) for i, (s, e, t) in enumerate(self.spans)]


def test_name_without_descriptor_scores_once(tmp_path):
    path = _write(tmp_path)
    linker = _Stub([(*_at("Ромашкино"), "organization"), (*_at("Крутогорска"), "place")])
    res = evaluate("factrueval", path, linker=linker, optional_descriptors=True)["types"]
    assert (res["ORG"]["tp"], res["ORG"]["fp"], res["ORG"]["fn"]) == (1, 0, 1)  # the city hall is missed
    assert (res["LOC"]["tp"], res["LOC"]["fp"]) == (1, 0)
    strict = evaluate("factrueval", path, linker=linker)["types"]
    assert (strict["ORG"]["tp"], strict["ORG"]["fp"], strict["ORG"]["fn"]) == (0, 1, 2)


def test_place_inside_city_hall_is_no_organisation_match(tmp_path):
    path = _write(tmp_path)
    # the place typed as an organisation must not take the city hall's place
    res = evaluate("factrueval", path, linker=_Stub([(*_at("Крутогорска"), "organization")]),
                   optional_descriptors=True)["types"]
    assert res["ORG"]["tp"] == 0 and res["ORG"]["fp"] == 1
