"""The speed round's shortcuts (s11) against the plain code they replace: the same answers."""

from __future__ import annotations

import bisect
import random
import re
from array import array
from types import SimpleNamespace

from communique.kb import KnowledgeBase
import importlib
from communique.mentions.capnames import _covered_tokens, cap_lexicon
from communique.mentions.common import _HSPACE_CHARS, _after_place_prep, _word_before, _word_before_in
from communique.mentions.places import PLACE_PREPS

fold_mod = importlib.import_module("communique.kb.fold")  # the module (communique.kb exports the function under its name)

# letters (some upper-case, accented, Cyrillic), digits, the spaces str.isspace knows, newlines, punctuation
_ALPHABET = list("abcdeINiNnBEIVONaäßÄéжЖ01²٣_-.,;:'\"„“()") + [" ", " ", " ", "\t", "\n", "\xa0", "\u2009", "\u3000"]


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    words = ["in", "In", "IN", "bei", "nach", "Nahe", "aus", "von", "of", "near", "outside", "Berlin", "nachher"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(0, 8)):
            parts.append(rnd.choice(words) if rnd.random() < 0.5 else "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 5))))
            parts.append("".join(rnd.choice(" \t\n\xa0") for _ in range(rnd.randint(0, 3))))
        out.append("".join(parts) + "X")
    return out


def test_hspace_chars_are_every_space_but_the_newline():
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace() and c != 10)
    assert _HSPACE_CHARS == spaces


def test_word_before_in_answers_as_the_word_before():
    for lang in ("de", "en", "es"):
        preps = PLACE_PREPS[lang]
        longest = max(map(len, preps))
        for text in _random_texts(3000, seed=len(lang)):
            for s in range(len(text) + 1):
                w = _word_before(text, s)
                assert _word_before_in(text, s, preps, longest) == (w is not None and w.lower() in preps), (text, s)


def test_after_place_prep_answers_as_its_regex():
    preps = cap_lexicon("de").loc_preps
    assert preps
    for text in _random_texts(1500, seed=7):
        for s in range(len(text) + 1):
            m = re.search(r"([^\W\d_]+)[^\S\n]+$", text[max(0, s - 20):s])
            want = bool(m) and m.group(1).lower() in preps
            assert _after_place_prep(text, s, "de") == want, (text, s)


def test_small_lookup_finds_what_the_binary_search_finds():
    rnd = random.Random(11)
    names = {"a", "a b", "ab", "b", "york", "new york", "new yorkshire", "yorkton", "z", "zz top"}
    letters = "abcdeoyz "
    while len(names) < 700:
        names.add("".join(rnd.choice(letters) for _ in range(rnd.randint(1, 9))).strip() or "q")
    lines = [f"{n}\t{i}|XX|01|600|1.0|2.0|{n.title()}" for i, n in enumerate(sorted(names))]
    text = "".join(line + "\n" for line in lines)
    offs, at = array("l"), 0
    for line in lines:
        offs.append(at)
        at += len(line) + 1
    kb = SimpleNamespace(small=text, small_offsets=offs, _small_coarse=None)
    probes = sorted(names) + [n + "a" for n in names] + [n[1:] for n in names] + ["", "0", "zzzz", "york\t1", "new"]
    for key in probes:
        assert KnowledgeBase._small_lookup(kb, key) == KnowledgeBase._small_lookup_plain(kb, key), key
    assert KnowledgeBase._small_lookup(kb, "new york").startswith(f"{sorted(names).index('new york')}|")


def test_fold_gives_the_self_filling_table_values():
    rnd = random.Random(5)
    chars = [chr(c) for c in range(0x2200)] + ["\U0001F600", "中", "ﬁ", "Ⅻ", "ｶ"]
    for _ in range(3000):
        t = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 30)))
        assert fold_mod.fold(t) == t.translate(fold_mod._TABLE)


def _covered_plain(toks, kb_spans):
    """The cover before s11: every token between one span's start and the next span's start that ends in the span."""
    covered = set()
    tstarts = [a for a, _b in toks]
    for k, (a, b) in enumerate(kb_spans):
        nxt = kb_spans[k + 1][0] if k + 1 < len(kb_spans) else None
        if nxt == a:
            continue
        lo = bisect.bisect_left(tstarts, a)
        hi = bisect.bisect_left(tstarts, nxt) if nxt is not None else len(toks)
        for idx in range(lo, hi):
            if toks[idx][1] <= b:
                covered.add(idx)
    return covered


def test_covered_tokens_as_before():
    rnd = random.Random(3)
    for _ in range(500):
        toks, at = [], 0
        for _ in range(rnd.randint(0, 30)):
            at += rnd.randint(1, 3)
            end = at + rnd.randint(1, 6)
            toks.append((at, end))
            at = end
        spans = sorted((a, a + rnd.randint(1, 25)) for a in (rnd.randint(0, max(1, at)) for _ in range(rnd.randint(0, 6))))
        assert _covered_tokens(toks, spans) == _covered_plain(toks, spans)
