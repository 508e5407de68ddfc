"""CoNLL-2002 puts the quotes of a quoted name inside its span; ``eval ner --format conll`` scores a
mention the quotes enclose directly with them."""

from __future__ import annotations

from communique.evaluation.ner import _with_quotes, evaluate
from communique.mentions import MentionLinker

ROWS = """El O
diario O
" B-ORG
El I-ORG
País I-ORG
" I-ORG
publicó O
ayer O
una O
entrevista O
con O
Ana B-PER
Gómez I-PER
. O
"""


def test_span_enclosed_by_quotes_takes_them():
    text = 'el diario " El País " dijo'
    s = text.index("El País")
    assert text[slice(*_with_quotes(text, s, s + len("El País")))] == '" El País "'
    # only a span the quotes enclose directly: a part of the quoted words keeps its own span
    assert _with_quotes(text, s, s + 2) == (s, s + 2)
    assert _with_quotes("Ana Gómez", 0, 9) == (0, 9)


def test_quoted_newspaper_scores_as_conll_annotates_it(tmp_path):
    path = tmp_path / "quoted.conll"
    path.write_text(ROWS, encoding="utf-8")
    res = evaluate("conll", path, linker=MentionLinker(use_natasha=False))
    assert (res["types"]["ORG"]["tp"], res["types"]["ORG"]["fp"], res["types"]["ORG"]["fn"]) == (1, 0, 0)
    assert res["types"]["PER"]["tp"] == 1
