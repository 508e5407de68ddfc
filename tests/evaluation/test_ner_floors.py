"""Quality gate: NER figures on fast subsets of the development data (floors slightly below measured).

Measured with ``communique eval ner --limit N --format F PATH`` (see docs/kb.md). The targets of
issue 3 (PER/LOC F1 >= 0.90 ru, >= 0.85 de/es) are NOT reached; these floors only stop regressions.
"""

from __future__ import annotations

import pytest

from communique.evaluation.ner import evaluate
from communique.mentions import MentionLinker


@pytest.fixture(scope="module")
def linker():
    return MentionLinker()


CASES = [
    ("nerel", "ner/nerel/dev", 25, {"PER": 0.86, "LOC": 0.85, "ORG": 0.69}),
    ("factrueval", "ner/factrueval2016/devset", 25, {"PER": 0.85, "LOC": 0.87, "ORG": 0.47}),
    ("germeval", "ner/germeval2014/NER-de-dev.tsv", 300, {"PER": 0.72, "LOC": 0.80, "ORG": 0.58}),
    ("conll", "ner/conll2002_es/es.conll.dev.tsv", 15, {"PER": 0.75, "LOC": 0.78, "ORG": 0.64}),
]


@pytest.mark.parametrize("fmt, rel, limit, floors", CASES)
def test_ner_floor(shared, linker, fmt, rel, limit, floors):
    res = evaluate(fmt, shared / "data" / rel, limit=limit, linker=linker)
    for t, floor in floors.items():
        assert res["types"][t]["f1"] >= floor, (fmt, t, res["types"][t])
