"""Quality gate: NER figures on fast subsets of the development data (floors slightly below measured).

Measured with ``communique eval ner --limit N --format F PATH`` (see docs/kb.md). The targets of
issue 3 (PER/LOC F1 >= 0.90 ru, >= 0.85 de/es) are NOT reached, except Russian PER/LOC on the full
NEREL dev set (0.905 / 0.905, s8; 0.927 / 0.915, s12) and factRuEval (0.933 / 0.901; 0.954 / 0.919, s12), and Russian ORG on NEREL (0.819, s11)
and factRuEval (0.805 with the default, strict scoring since s11, which scores the phrase a mention records with its descriptor;
0.813 with --optional-descriptors); these floors only stop regressions.
"""

from __future__ import annotations

import pytest

from communique.evaluation.ner import evaluate
from communique.mentions import MentionLinker


@pytest.fixture(scope="module")
def linker():
    return MentionLinker()


CASES = [
    # ORG 0.82 -> 0.81 on purpose (s9): the Kremlin, the White House and Telegram stay linked to the
    # knowledge base after "в" (NEREL tags them as buildings or media there; the output needs their ids)
    # s10: measured 0.924 / 0.936 / 0.831 (NEREL) and 0.898 / 0.952 / 0.788 (factRuEval, --optional-descriptors)
    # s11-ruorg4: measured 0.924 / 0.936 / 0.835 (NEREL) and 0.898 / 0.949 / 0.785 (factRuEval, --optional-descriptors)
    # s12-ru5 (mentions/names_ru.py: given name + surname, titles cut): measured 0.963 / 0.933 / 0.835 (NEREL)
    # and 0.932 / 0.960 / 0.785 (factRuEval, --optional-descriptors)
    # s13-ru6 (orgs_ru.py, adj_ru.py, nested_orgs_ru.py, six KB organisations): ORG 0.835 -> 0.845 (NEREL),
    # 0.785 -> 0.790 (factRuEval, --optional-descriptors)
    # s13-ru7 (nested_orgs_ru.py: nested heads, "Верховный суд" in "Верховный суд Испании"): NEREL ORG 0.845 -> 0.872,
    # factRuEval unchanged (its scorer leaves the heads out)
    ("nerel", "ner/nerel/dev", 25, {"PER": 0.955, "LOC": 0.925, "ORG": 0.865}),
    # s11-runest (mentions/nested.py, countries inside organisation names): LOC 0.949 -> 0.960 here
    # (factRuEval), NEREL LOC 0.936 -> 0.933 on these 25 (0.907 -> 0.911 on all 94 documents)
    ("factrueval", "ner/factrueval2016/devset", 25, {"PER": 0.925, "LOC": 0.955, "ORG": 0.785}),
    # German ORG 0.65 -> 0.80 (s10-deorg, mentions/orgs_de.py: measured 0.816 on these 300 sentences);
    # rounds four and five merged: 0.800 / 0.873 / 0.816 on these 300 sentences
    # s11-deloc6 (places_de.py, orgs_de.py): LOC 0.894, ORG 0.857 on these 300 sentences; s11-deper6 (persons_de.py): PER 0.832
    # s11-deper7: PER 0.857 on these 300 sentences (at 26830ab and after round seven; 0.829 on all 2,200)
    # s12-deloc7 (places_de.py, orgs_de.py round seven): LOC 0.894 -> 0.898, ORG 0.857 -> 0.880 on these 300 sentences
    # s12-deper8: PER 0.857 -> 0.893 on these 300 sentences (0.828 -> 0.851 on all 2,200)
    # s15-de6 (titled_de.py, famous_de.py): PER 0.899 -> 0.912 on these 300 sentences (0.855 -> 0.863 on all 2,200)
    ("germeval", "ner/germeval2014/NER-de-dev.tsv", 300, {"PER": 0.905, "LOC": 0.89, "ORG": 0.87}),
    # LOC/ORG without the CoNLL convention that tags countries listed as members of a group as ORG:
    # communique keeps them countries (linked, usable as event participants)
    # (s9-es2: measured 0.866 / 0.861 / 0.772 on these 15 documents)
    # s14-es5 (mentions/orgs_es.py, locs_es.py): measured 0.910 / 0.866 / 0.806 on these 15 documents (0.871 / 0.858 /
    # 0.765 before, same run); s15: quotes inside CoNLL's quoted names scored as annotated (evaluation/ner.py
    # _with_quotes): ORG 0.824
    ("conll", "ner/conll2002_es/es.conll.dev.tsv", 15, {"PER": 0.90, "LOC": 0.86, "ORG": 0.815}),
]


@pytest.mark.parametrize("fmt, rel, limit, floors", CASES)
def test_ner_floor(shared, linker, fmt, rel, limit, floors):
    # factRuEval here with its descriptors optional (--optional-descriptors); strict scoring: the next test
    res = evaluate(fmt, shared / "data" / rel, limit=limit, linker=linker, optional_descriptors=fmt == "factrueval")
    for t, floor in floors.items():
        assert res["types"][t]["f1"] >= floor, (fmt, t, res["types"][t])


def test_factrueval_strict_descriptors_floor(shared, linker):
    """factRuEval scored with the whole object span required (the default, ``--strict-descriptors``,
    docs/kb.md): measured 0.649 ORG / 0.901 LOC on the first 25 documents (s10); s11-ruorg4 (the phrase a
    mention records with its descriptor, "партии «Яблоко»", is scored): 0.772 ORG / 0.897 LOC."""
    res = evaluate("factrueval", shared / "data" / "ner" / "factrueval2016" / "devset", limit=25, linker=linker,
                   optional_descriptors=False)
    # s13-ru6: 0.772 -> 0.783 ORG
    assert res["types"]["ORG"]["f1"] >= 0.78, res["types"]["ORG"]
    # 0.897 -> 0.909 (s11-runest, nested places); 0.949 (s12-ru5: "реки X", "города Y" scored as the phrase)
    assert res["types"]["LOC"]["f1"] >= 0.945, res["types"]["LOC"]


def test_factrueval_span_closes_its_quote():
    from communique.evaluation.ner import _close_quote

    text = "глава ОАО «Газпром» Алексей Миллер"
    s = text.index("ОАО")
    assert text[s:_close_quote(text, s, text.index("»"))] == "ОАО «Газпром»"
    assert _close_quote(text, 0, 5) == 5


def test_factrueval_mention_spans_reading(shared, linker):
    """``--mention-spans`` scores the mentions themselves (the names), as a tool reading only OUTPUT.md's mention
    spans would: lower ORG than the default phrase reading on factRuEval (0.689 against 0.805 on all 122
    documents, s11) and, since s12-ru5 (places after their descriptor noun, "реки X"), lower LOC (0.906 against
    0.919); PER reads the same."""
    path = shared / "data" / "ner" / "factrueval2016" / "devset"
    phrase = evaluate("factrueval", path, limit=25, linker=linker)["types"]
    names = evaluate("factrueval", path, limit=25, linker=linker, phrases=False)["types"]
    assert names["ORG"]["f1"] < phrase["ORG"]["f1"]
    assert names["LOC"]["f1"] < phrase["LOC"]["f1"]
    assert names["PER"] == phrase["PER"]
