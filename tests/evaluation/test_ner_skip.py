"""``eval ner --skip N``: the first N documents are left out (an unseen check on the rest of a file)."""

from __future__ import annotations

from pathlib import Path

from communique.evaluation.ner import evaluate
from communique.mentions import MentionLinker

DOCS = [("Сергей Лавров прибыл в Минск во вторник.", "Сергей Лавров"),
        ("Вечером Сергей Лавров провёл переговоры.", "Сергей Лавров"),
        ("Мария Захарова ответила журналистам.", "Мария Захарова")]


def _corpus(root: Path) -> Path:
    """Three NEREL-format documents, each with one gold person."""
    for k, (text, name) in enumerate(DOCS):
        s = text.index(name)
        (root / f"d{k}.txt").write_text(text, encoding="utf-8")
        (root / f"d{k}.ann").write_text(f"T1\tPERSON {s} {s + len(name)}\t{name}\n", encoding="utf-8")
    return root


def test_skip_leaves_out_the_first_documents(tmp_path):
    linker = MentionLinker(use_natasha=False)
    root = _corpus(tmp_path)
    whole = evaluate("nerel", root, linker=linker)
    rest = evaluate("nerel", root, linker=linker, skip=2)
    assert whole["documents"] == 3 and rest["documents"] == 1
    per = rest["types"]["PER"]
    assert per["tp"] + per["fn"] == 1  # only the third document's gold person is counted
    assert evaluate("nerel", root, linker=linker, skip=1, limit=1)["documents"] == 1
