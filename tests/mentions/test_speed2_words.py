"""The per-word shortcuts of the speed round (speed2) give the answers of the code they replaced."""

from __future__ import annotations

import random

from communique.mentions import capnames
from communique.mentions.capnames import (
    _compound, _dictionary, _foreign_word, _known, _known_lower, _name_like, _place_shaped, _strict_nameish,
    cap_lexicon, words_where,
)


def _old_strict_nameish(word: str, lang: str) -> bool:
    """capnames._strict_nameish before the noun-ending shortcut (commit 30ca89a)."""
    lex = cap_lexicon(lang)
    parts = word.split("-")
    last = parts[-1]
    if len(parts) > 1 and not last[:1].isupper():
        return False
    if _known_lower(last, lang):
        return False
    if _known(last, lang) and last not in _name_like(lang):
        return False
    if _place_shaped(last, lex):
        return True
    if any(_foreign_word(last, f) for f in lex.foreign):
        return False
    if lex.noun_suffixes and last.lower().endswith(lex.noun_suffixes):
        return False
    return len(last) >= 2 and not _compound(last, lang)


def _words(n: int) -> list[str]:
    rng = random.Random(4)
    d = _dictionary("de")
    keys = [k for k in d.keys() if k[:1].isupper()]
    rng.shuffle(keys)
    lex = cap_lexicon("de")
    made = ["Quarzelung", "Brimbachheit", "Zolldorf", "Wernerstadt", "Ortungsberg", "Kleinwaltung", "Anzeiger-Ung", "X-ung",
            "Forstheim", "Tölzung", "Bad-Schrakeit", "Ei", "Ung", "Heim"]
    suffixed = [k[:5] + s for k in keys[:300] for s in lex.noun_suffixes[:6]] + [k[:4] + s for k in keys[300:500] for s in lex.place_suffixes[:6]]
    return keys[:n] + made + suffixed + [w.lower() for w in keys[:200]] + [k + "-" + k2 for k, k2 in zip(keys[:100], keys[100:200])]


def test_strict_nameish_unchanged():
    for w in _words(3000):
        assert _strict_nameish(w, "de") == _old_strict_nameish(w, "de"), w


def test_words_where_is_the_filtered_set():
    calls: list[str] = []

    def pred(w: str) -> bool:
        calls.append(w)
        return w.endswith("straße") or w.startswith("Süd")

    a = {"Südtirol", "Hauptstraße", "Berlin", "Haus"}
    assert words_where(pred, a) == {w for w in a if pred(w)}
    calls.clear()
    b = {"Haus", "Südtirol", "Nordstraße", "Ufer"}
    assert words_where(pred, b) == {"Südtirol", "Nordstraße"}
    assert sorted(calls) == ["Nordstraße", "Ufer"]  # only the new words were tested
    assert words_where(pred, set()) == set()
    capnames._WORDS_WHERE.pop(pred, None)


def test_headline_line_counts_as_before():
    rng = random.Random(8)
    alphabet = "abzAZäÄßéЖж \n.-1ǅ\ud800"
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        old = 5 * sum(map(line.count, capnames._ASCII_LOWER)) >= 2 * len(line)
        raw = line.encode("utf-8", "surrogatepass")
        assert (5 * (len(raw) - len(raw.translate(None, capnames._ASCII_LOWER_BYTES))) >= 2 * len(line)) == old
        letters = sum(map(str.isalpha, line))
        expect = False if old else (letters > 3 and sum(map(str.isupper, line)) / letters > 0.6)
        assert capnames._headline_line(line) == expect, line
