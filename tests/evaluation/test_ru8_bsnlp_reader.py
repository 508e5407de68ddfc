"""The BSNLP / SlavicNER reader (``eval ner --format bsnlp``): offsets into the raw text, PER/LOC/ORG scored,
EVT/PRO and lower-case adjectives scored for neither side. Synthetic files in the corpus's layout, invented wording."""

from __future__ import annotations

from types import SimpleNamespace

from communique.evaluation.ner import evaluate, read_bsnlp
from communique.mentions.common import Mention

TEXT = "Газета «Вечерний Крутогорск» пишет, что завод Ромашка закрыт.\n\nВсе крутогорские рабочие уехали в Лисичанск."


def _at(word: str) -> tuple[int, int]:
    s = TEXT.index(word)
    return s, s + len(word)


def _write(root):
    raw = root / "raw" / "topic_a" / "ru"
    ner = root / "ner" / "topic_a" / "ru"
    raw.mkdir(parents=True)
    ner.mkdir(parents=True)
    (raw / "doc_1.txt").write_text(TEXT, encoding="utf-8")
    rows = [("Вечерний Крутогорск", "PRO"), ("Ромашка", "ORG"), ("крутогорские", "LOC"), ("Лисичанск", "LOC")]
    lines = [f"{s}\t{e}\t{w}\t{w}\t{t}\tID-{i}" for i, (w, t) in enumerate(rows) for s, e in [_at(w)]]
    (ner / "doc_1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # another language's folder is not read
    (root / "ner" / "topic_a" / "pl").mkdir()
    (root / "ner" / "topic_a" / "pl" / "doc_2.tsv").write_text("0\t3\tGaz\tGaz\tORG\tX\n", encoding="utf-8")
    return root


def test_reader_types_and_ignored_spans(tmp_path):
    docs = list(read_bsnlp(_write(tmp_path)))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == TEXT and doc.lang == "ru"
    assert doc.spans == {(*_at("Ромашка"), "ORG"), (*_at("Лисичанск"), "LOC")}
    # a product (here a newspaper) and a one-word lower-case span (a place adjective) are scored for neither side
    assert doc.ignore == {_at("Вечерний Крутогорск"), _at("крутогорские")}


class _Stub:
    def __init__(self, spans):
        self.spans = spans
        self.kb = SimpleNamespace(entities={})

    def find(self, doc, norm):
        return [Mention(s, e, f"new:{t}/x{i}", "natasha", t) for i, (s, e, t) in enumerate(self.spans)]


def test_prediction_on_an_unscored_span_is_no_false_positive(tmp_path):
    root = _write(tmp_path)
    stub = _Stub([(*_at("Вечерний Крутогорск"), "organization"), (*_at("Ромашка"), "organization"),
                  (*_at("рабочие"), "organization")])
    res = evaluate("bsnlp", root, linker=stub)
    org = res["types"]["ORG"]
    assert (org["tp"], org["fp"], org["fn"]) == (1, 1, 0)  # "рабочие" is the one false positive
    assert res["types"]["LOC"]["fn"] == 1  # Лисичанск not predicted by the stub
