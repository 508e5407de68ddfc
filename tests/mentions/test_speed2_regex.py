"""The capital-first regexes of the speed round (speed2) find exactly what the lookbehind-first
regexes they replaced found: the old patterns are rebuilt here and both are run over random
strings from edge-case alphabets and over strings made of the patterns' own words."""

from __future__ import annotations

import random
import re

import pytest

from communique.kb.fold import fold
from communique.mentions import common
from communique.mentions.capnames import _org_phrase_rxs, cap_lexicon
from communique.mentions.common import _bounded_alternation, lang_lexicon, lexicon_finditer, mentions_data

LANGS = ["de", "en", "es", "fr", "ru"]


def _old_lexicon_patterns(lang: str) -> dict[str, str]:
    """The patterns lang_lexicon built before (commit 30ca89a), for the comparison."""
    data = mentions_data(lang)
    titles = sorted({str(t) for t in data.get("titles") or []}, key=len, reverse=True)
    coref = {str(k): str(v) for k, v in (data.get("coref") or {}).items()}
    arts = [str(a) for a in data.get("articles") or []]
    out: dict[str, str] = {}
    if lang == "ru":
        out["title_re"] = r"(?<![\w-])(?:" + "|".join(re.escape(t.lower())[:-1] + r"\w{0,3}" if len(t) > 5 else re.escape(t.lower()) for t in titles) + r")(?![\w-])"
        # s19: a role phrase of several words inflects its first word (common._ru_inflected); the bounded alternation
        # of those pieces is still compared with the look-behind-first alternation of the same pieces
        out["coref_re"] = r"(?<![\w-])(" + "|".join(common._ru_inflected(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])"
    else:
        out["title_re"] = r"(?<![\w-])(?:" + "|".join(re.escape(fold(t)) for t in titles) + r")(?![\w-])"
        if arts:
            out["coref_re"] = r"(?<![\w-])(?:" + "|".join(map(re.escape, arts)) + r")\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])"
            out["coref_adj_re"] = r"(?<![\w-])(?:" + "|".join(map(re.escape, arts)) + r")\s+([^\W\d_]+)\s+(" + "|".join(re.escape(fold(k)) for k in sorted(coref, key=len, reverse=True)) + r")(?![\w-])"
    heads = [str(h) for h in data.get("org_heads") or []]
    words = [str(w) for w in data.get("org_words") or []]
    if heads:
        out["org_re"] = (r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r")"
                         r"(?:(?:\s+(?:de|del|de la|de los|de las|para|por|pro|y|für|der|des|von|vom|zur|zum|of|the|for|and|de l'|du|pour|et|d')\s*)?"
                         r"\s*[^\W\d_a-zà-ÿ][\w'’.&-]*)+")
    if words and lang != "ru":
        out["org_words_re"] = r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"
    return out


def _words(lang: str) -> list[str]:
    data = mentions_data(lang)
    ws = [str(x) for key in ("titles", "articles", "org_heads", "org_words") for x in data.get(key) or []]
    ws += [str(k) for k in (data.get("coref") or {})]
    return ws


def _samples(words: list[str], rng: random.Random, n: int) -> list[str]:
    glue = [" ", "  ", "-", "\n", ".", ",", "a", "X", "'", "’", "( ", " de ", " der ", " of the ", "1"]
    alpha = "aAäÄxXyY -'’.\n,ßüÜéЛлЯя0"
    out = []
    for _ in range(n):
        parts = []
        for _k in range(rng.randint(1, 8)):
            r = rng.random()
            if r < 0.5 and words:
                w = rng.choice(words)
                w = rng.choice([w, w.lower(), fold(w), w.upper(), w[:-1], w + "s", w + "en"])
                parts.append(w)
            elif r < 0.8:
                parts.append(rng.choice(glue))
            else:
                parts.append("".join(rng.choice(alpha) for _ in range(rng.randint(1, 6))))
        out.append("".join(parts))
    return out


def _same(a: re.Pattern, b: re.Pattern, texts: list[str]) -> None:
    for t in texts:
        x = [(m.span(), m.groups()) for m in a.finditer(t)]
        y = [(m.span(), m.groups()) for m in b.finditer(t)]
        assert x == y, (a.pattern[:80], t)
        if t:
            assert bool(a.fullmatch(t)) == bool(b.fullmatch(t))


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_regexes_unchanged(lang):
    rng = random.Random(7)
    lex = lang_lexicon(lang)
    old = _old_lexicon_patterns(lang)
    texts = _samples(_words(lang), rng, 400)
    texts += [fold(t) for t in texts]
    for key, pat in old.items():
        new = lex[key]
        assert new is not None
        _same(re.compile(pat), new, texts)


def test_bounded_alternation():
    rng = random.Random(3)
    alts = ["der", "die", "das", "dem", "d", "de", "xy", "x", "ab\\w{0,3}", "a"]
    old = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")
    new = re.compile(_bounded_alternation(alts) + r"(?![\w-])")
    assert new.pattern != old.pattern
    alphabet = "dieraxbsmy -\n.'’ä0"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    _same(old, new, texts)
    # what the grouping cannot keep falls back to the plain form
    assert _bounded_alternation(["\\w+", "x"]) == r"(?<![\w-])(?:\w+|x)"
    assert _bounded_alternation(["a+b", "c"]) == r"(?<![\w-])(?:a+b|c)"


def test_module_regexes_unchanged():
    rng = random.Random(11)
    pairs = [
        (r"(?<![\w'’-])[^\W\d_a-zа-яё][\w'’-]*", common._CAPTOK),
        (r"(?<![\w.])(?:[A-ZА-ЯЁ]\.[^\S\n]?){1,2}([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)(?![\w-])", common._INITIALS_NAME),
        (r"(?<![\w-])[A-ZÁÉÍÓÚÑÄÖÜ]{3,6}(?![\w-])", common._ACRONYM),
    ]
    alphabet = "AÄBМЯaäbмя.-' ’\n\t0_ÉSX"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(4000)]
    texts += ["J. Smith", "М.В.Захарова", "A. B. Meier-Schulz", "x.A. Bauer", "NATO OSZE-Gipfel", "ÄÖÜ ABCDEFG _ABC", "l'Élan d’Arc"]
    for old, new in pairs:
        _same(re.compile(old), new, texts)


def test_org_phrase_regex_unchanged():
    lex = cap_lexicon("de")
    rx, _pre = _org_phrase_rxs(lex.org_endings, lex.org_prefixes)
    ends = "|".join(map(re.escape, sorted(lex.org_endings, key=len, reverse=True)))
    assert ends
    old = re.compile(
        r"((?:[A-ZÄÖÜ](?<![\w-].)[a-zäöüß]+(?:e|en|er|es|em)\s+)+)([A-ZÄÖÜ][\w-]*)(?![\w-])"
        r"(?:\s+(?:für|der|des)\s+[A-ZÄÖÜ][\w-]*(?:\s+und\s+[A-ZÄÖÜ][\w-]*)?|\s+[A-ZÄÖÜ][\w-]+(?=\s*[,.;:)]))?")
    rng = random.Random(5)
    words = ["Deutsche", "Bayerischen", "Neue", "Zeitung", "Staatsministerium", "für", "der", "und", "Kultus", "Hannover",
             "Medizinische", "Hochschule", "alte", "Süddeutsche", "Grünen", "X-Bank", "-Bahn"]
    glue = [" ", "  ", "\n", ", ", ".", "-", ")", " ( "]
    texts = ["".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 7))) for _ in range(3000)]
    _same(old, rx, texts)


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_finditer_is_finditer(lang):
    rng = random.Random(9)
    lex = lang_lexicon(lang)
    texts = _samples(_words(lang), rng, 600)
    texts += [fold(t) for t in texts] + ["".join(texts[:40]), fold("".join(texts[40:80]))]
    used = 0
    for key in ("title_re", "org_re", "org_words_re"):
        if lex.get(key) is None:
            continue
        used += lex.get(key + "_starts") is not None
        for t in texts:
            assert [(m.span(), m.groups()) for m in lexicon_finditer(lex, key, t)] == \
                [(m.span(), m.groups()) for m in lex[key].finditer(t)], (key, t)
    if lang in ("de", "en", "es"):
        assert used  # the automaton is there for these languages
