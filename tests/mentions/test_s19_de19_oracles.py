"""s19 (de19): the German passes' cheaper forms give what the old forms gave.

* ``_given_starts`` takes ``_given_surname``'s candidates from the document's words (``capset``) and their
  whole-token places, where ``_GIVEN_CAND`` scanned the text for capitals: every old candidate with a kind is among
  them with the same kind, and an extra start is one where ``_GIVEN_PAIR`` (the caller's next test) does not match.
* ``_opening_words`` gives ``_WORD_OPENING``'s matches from one literal-first pattern per opening character.
* ``_media``'s lower-case first words are looked up in the document's literals, so each must be a needle.
"""

from __future__ import annotations

import random

from communique.mentions.capnames_de import (
    _CAP_TOKEN, _GIVEN_CAND, _GIVEN_PAIR, _WORD_OPENING, _all_given, _given_kind, _given_starts, _media_data,
    _opening_words, de_weak_given_names,
)
from communique.mentions.literals_de import doc_literals, needles

SENTENCES = [
    "Anna Schmidt und Jürgen Klopp trafen Hans-Peter Meier , José Mourinho und Zoë Kravitz in Berlin .",
    "Anna-Lena Bauer , Anna-Lena-Marie Bauer , Anna2 Bauer , Anna_ Bauer , -Anna Bauer , x-Anna Bauer , Anna\nBauer",
    "Dawn Patrol , Will Smith , Rose Tremain , Ab÷c Xyz , Ab Xyz , Søren Kierkegaard , Ådne Ås , Émile Zola",
    "„Anna“ Meier (Anna) Meier «Anna» Meier /Anna Meier Anna  Meier Anna\tMeier Anna\u00a0Meier",
    "", "A", "Anna", "Anna ", "Anna B", " Anna Bb", "ANNA Bauer", "Anna bauer",
]


def _given() -> frozenset[str]:
    return _all_given(frozenset({"anna", "hans", "jurgen", "jose", "zoe", "soren", "adne", "emile", "ab", "ab÷c"}))


def _texts() -> list[str]:
    rng = random.Random(19)
    weak = sorted(de_weak_given_names())[:40]
    words = ["Anna", "Hans", "Jürgen", "José", "Zoë", "Søren", "Ådne", "Émile", "Hans-Peter", "Anna-Lena", "Meier",
             "Bauer", "Müller-Lüdenscheidt", "sagte", "und", ",", ".", "(", "„", "-", "Ab÷c", "ab", "X1", "Öl", "Übel",
             *(w[:1].upper() + w[1:] for w in weak)]
    blanks = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "-", "/", ""]
    out = list(SENTENCES)
    for _ in range(3000):
        n = rng.randint(1, 10)
        out.append("".join(rng.choice(words) + rng.choice(blanks) for _ in range(n)))
    return out


def _old(text: str, given: frozenset[str]) -> list[tuple[int, int]]:
    res = []
    for w0 in _GIVEN_CAND.finditer(text):
        kind = _given_kind(w0.group(0).split("-")[0], given)
        if kind:
            res.append((w0.start(), kind))
    return res


def test_given_starts_as_the_scan():
    hits = 0
    for given in (_given(), _all_given(frozenset())):
        for t in _texts():
            old = _old(t, given)
            new = _given_starts(t, given, set(_CAP_TOKEN.findall(t)))
            assert new == sorted(new)
            assert set(old) <= set(new), t
            for s, _k in set(new) - set(old):
                assert _GIVEN_PAIR.match(t, s) is None, t
            assert _given_starts(t, given, None) == old, t  # (the scan, without the words)
            hits += len(old)
    assert hits > 1000  # the checks are not empty


def test_media_firsts_are_needles():
    lower = _media_data()[2]
    assert lower and set(lower) <= set(needles())
    for w in lower:
        assert w in doc_literals(f"xx {w} yy")


def test_opening_words_as_the_scan():
    rng = random.Random(1919)
    alphabet = "AaÄäÖöÜüßBbé’'-_1 \t\n\"„“(«»)x."
    texts = _texts() + ["Ab", "\nAb", "(Ab)", "«Ab» „Cd“ \"Ef\" (Gh\nIj", "A", "\"A", "x\nA’b-c'd", "„\nA"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(6000)]
    hits = 0
    for t in texts:
        old = [(*m.span(), m.group(0), None, True) for m in _WORD_OPENING.finditer(t)]
        assert _opening_words(t) == old, t
        hits += len(old)
    assert hits > 1000


def test_given_starts_after_the_memo_is_reset():
    """The words-seen memo is bounded; the document that makes it reset still finds every given name it holds, also
    those seen in earlier documents (review of s19: "Jürgen" was lost there)."""
    import communique.mentions.capnames_de as c

    given = frozenset({"jürgen", "anna"})
    text = "Gestern sagte Jürgen Klopp etwas."
    saved = list(c._GIVEN_KINDS)
    try:
        assert c._given_starts(text, given, set(c._CAP_TOKEN.findall(text))) == [(14, 1)]
        c._given_starts("x", given, {f"Wort{i}x" for i in range(200_001)})
        assert c._given_starts(text, given, set(c._CAP_TOKEN.findall(text)) | {"Neuwort"}) == [(14, 1)]
    finally:
        c._GIVEN_KINDS[:] = saved
