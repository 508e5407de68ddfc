"""The trigger expression split by first character finds exactly what the plain alternation of
the language file finds (same spans, same trigger: the first trigger in the file still wins)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.events import lexicon as L

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def _texts(lang: str) -> list[str]:
    out = []
    for f in sorted(FIXTURES.rglob("plover_*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["lang"] == lang:
                    out.append(row["text"])
    # every pattern's own words, run together: many triggers at word starts, many near misses
    data = L.load_data(lang)
    words = [w for spec in data["triggers"].values() for p in spec.get("patterns") or []
             for w in p.replace("\\s+", " ").split() if w.isalpha()]
    out.append(" ".join(words))
    out.append(" ".join(w.upper() for w in words))
    return out


@pytest.mark.parametrize("lang", L.LANGS)
def test_dispatched_equals_plain(lang):
    lex = L.get_lexicon(lang)
    data = L.load_data(lang)
    plain = L._named({f"t_{n}": list(s.get("patterns") or []) for n, s in data["triggers"].items()})
    assert lex.trigger_groups, "the first-character dispatch was not built"
    for text in _texts(lang):
        a = [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(text)]
        b = [(m.start(), m.end(), lex.trigger_groups[m.lastgroup]) for m in lex.trigger_re.finditer(text)]
        assert a == b


def test_first_chars():
    def first(p):
        return L._first_chars(L._p.parse(p, L._FLAGS))

    assert first("visit(?:s|ed)?") == ({"v"}, False)
    assert first("(?:se\\s+)?reuni\\w*") == ({"s", "r"}, False)
    assert first("[ée]l") == ({"é", "e"}, False)
    assert first("\\w*streik\\w*") == (None, False)
    assert first("(?:a|b)?") == ({"a", "b"}, True)
