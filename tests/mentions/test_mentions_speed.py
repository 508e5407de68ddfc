"""The speed rewrites of the mentions package answer exactly as the code they replaced: each fast
helper is checked against the regex (or loop) it stands for, on random strings over an alphabet
chosen to hit the edge cases (boundaries, hyphens, apostrophes, newlines, digits, Cyrillic)."""

from __future__ import annotations

import bisect
import random
import re

from communique.mentions.capnames import _covered_tokens
from communique.mentions.common import _word_before, _word_before_span, find_surnames, mentions_data
from communique.mentions.places import _CAPRUN, _WORD, _list_before

# the regexes as they were written before the rewrites
OLD_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+$")
OLD_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)[^\S\n]*$")
OLD_CAPRUN = re.compile(r"(?<![\w'’.-])((?:" + _WORD + r"|St\.|Mt\.|Ft\.)(?:[^\S\n]" + _WORD + r"){0,2})(?![\w’'-])")
OLD_SURNAME_SHAPE = re.compile(
    r"(?<![\w'’-])[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:ez|és|áez)(?![\w'’-])"
    r"|(?<![\w'’-])[A-Z][a-z]{2,}(?:ow|owa|ew|ewa|ov|ova|ev|eva|sky|ski|ska|skaja|skij|enko|tschuk|chuk|vich|witsch|wicz|schenko)(?![\w'’-])")


def _old_surnames(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    rx = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")"
                    r"(ым|ом|ой|ою|ому|ого|ей|ем|а|у|е|ы|и|s|')?(?![\w-])")
    return [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]


def test_word_and_list_before_match_their_regexes():
    rng = random.Random(1)
    alpha = list("ab Z\n\t,.-_1²é Ж\u00a0ß") + [" and", " or", "band", ",", "in "]
    for _ in range(20_000):
        t = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 30)))
        s = rng.randint(0, len(t))
        for width in (20, 30):
            m = OLD_WORD_BEFORE.search(t[max(0, s - width):s])
            span = _word_before_span(t, s, width)
            assert (m is None) == (span is None), (t, s)
            if m:
                assert (m.group(1), m.group(0)) == (t[span[0]:span[1]], t[span[0]:span[2]]), (t, s)
                assert _word_before(t, s, width) == m.group(1)
        assert bool(OLD_LIST_BEFORE.search(t[max(0, s - 6):s])) == _list_before(t, s), (t, s)


def test_find_surnames_matches_the_per_document_regex():
    rng = random.Random(2)
    pool = ["Ив", "Иван", "Иванов", "Abc", "Abcd", "O'Ne", "Mü-ll"]
    alpha = list("ab -_'\n.1") + pool + ["ым", "ом", "ому", "ого", "а", "s", "'", "ой"]
    for _ in range(20_000):
        names = sorted(rng.sample(pool, rng.randint(1, 4)), key=len, reverse=True)
        t = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 25)))
        assert find_surnames(t, names) == _old_surnames(t, names), (t, names)
    text = "Иванов сказал, что Иванову и Ивановым… Petrows Haus, Petrow's"
    assert find_surnames(text, ["Иванов", "Petrow"]) == _old_surnames(text, ["Иванов", "Petrow"])
    assert [h[2] for h in find_surnames(text, ["Иванов", "Petrow"])] == ["Иванов", "Иванов", "Иванов", "Petrow", "Petrow"]


def test_capital_first_regexes_find_what_the_old_ones_found():
    from communique.mentions.common import _SURNAME_SHAPE

    rng = random.Random(3)
    alpha = list("SMFtT.aZ '’-\n_x1AB") + ["González", "Lawrow", "Ñañez", "Kowalski"]
    for _ in range(20_000):
        t = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in _CAPRUN.finditer(t)] == [m.span(1) for m in OLD_CAPRUN.finditer(t)], t
        assert [m.span() for m in _SURNAME_SHAPE.finditer(t)] == [m.span() for m in OLD_SURNAME_SHAPE.finditer(t)], t


def test_covered_tokens_equals_one_bisect_per_token():
    rng = random.Random(4)
    for _ in range(3_000):
        toks, pos = [], 0
        for _k in range(rng.randint(0, 12)):
            pos += rng.randint(1, 3)
            end = pos + rng.randint(1, 4)
            toks.append((pos, end))
            pos = end
        spans = sorted((a, a + rng.randint(1, 12)) for a in (rng.randint(0, pos + 2) for _s in range(rng.randint(0, 4))))
        starts = [a for a, _b in spans]
        old = set()
        for idx, (a, b) in enumerate(toks):
            k = bisect.bisect_right(starts, a) - 1
            if k >= 0 and spans[k][0] <= a and b <= spans[k][1]:
                old.add(idx)
        assert _covered_tokens(toks, spans) == old, (toks, spans)


def test_mentions_data_is_parsed_once():
    de = mentions_data("de")
    assert de is mentions_data("de") and "capnames" in de
    assert mentions_data("xx") == {}  # a language without a file
