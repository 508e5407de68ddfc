"""s18 (de18): the German passes' patterns rewritten for a cheaper scan give the old patterns' matches.

* ``_blank_first_rx`` (``_after_blank_rx`` with the blank first, read by ``_clause_words``) and ``_inverted_rx`` open
  with the blank before the capital (a literal first: the engine searches for it instead of trying a class at every
  character); a match starts one character later (``_blank_first_rx``, over the reversed text) or holds the blank
  outside group 1 (``_inverted_rx``).
* ``_CAP_TOKEN``'s run, ``_GIVEN_CAND``'s optional part and blanks and ``_blank_first_rx``'s look-ahead run are
  possessive.
"""

from __future__ import annotations

import random
import re

from communique.mentions.capnames_de import (
    _CAP_TOKEN, _GIVEN_CAND, _INVERTED, _LOWER_RUN, _after_blank_rx, _blank_first_rx, _inverted_rx, _trie_pattern,
    de_lexicon,
)

_OLD_CAP_TOKEN = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w-]+")
_OLD_GIVEN_CAND = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[a-zäöüßà-ÿ]++(?:-[A-ZÄÖÜ][a-zäöüßà-ÿ]++)?(?=[^\S\n]+[A-ZÄÖÜ])")

SENTENCES = [
    "„ Das ist gut “ , sagte Meier am Montag in Berlin .\nTrainer Hofmann und Anna-Lena Schmidt kamen .",
    "Damals verfolgte Hitler die Juden ; heute postulierte Pauli ein Prinzip , sagt Müller-Lüdenscheidt",
    "Hans-Peter's Ab  Cd\tEf\nGh Ij-Kl Mn O'Neill (Xy) «Zä» Öl Üb ß A B C",
    "Die Kanzlerin Merkel sagte: Wir schaffen das. Dr. Meier erklärte , dass Anna\u00a0Bauer erhielt",
    "", "A", " A", "a A", "sagte A", "\nA b", "x  Yz  Ab",
]


def _old_after_blank(speech: frozenset[str]) -> re.Pattern:
    verbs = {v[::-1] for v in speech if _LOWER_RUN.fullmatch(v)}
    alt = _trie_pattern(verbs) if verbs else "(?!)"
    return re.compile(r"[A-ZÄÖÜ] (?:(?![a-zäöüß]+(?:[ \n]|\Z))|" + alt + r"(?:[ \n]|\Z))")


def _old_inverted(aux: frozenset[str]) -> re.Pattern:
    three = sorted(a for a in aux if len(a) == 3 and _LOWER_RUN.fullmatch(a))
    keep = r"(?!(?:" + "|".join(map(re.escape, three)) + r") )" if three else ""
    head = r"([A-ZÄÖÜ](?<=[a-mo-zäöüß] .)"
    return re.compile(head + r"(?<![ \n][a-zäöüß] .)(?<![ \n][a-zäöüß]{2} .)(?<![ \n]" + keep + r"[a-zäöüß]{3} .)"
                      + _INVERTED.pattern[len(head):])


def _texts() -> list[str]:
    rng = random.Random(18)
    alphabet = "AaÄäBbSsÖöÜüßé- \t\n'.,\"„“(xz"
    words = ["sagte", "sagt", "der", "die", "ist", "hat", "mit", "war", "und", "Meier", "Anna", "Hans-Peter", "Trainer"]
    out = list(SENTENCES)
    for _ in range(3000):
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16))))
        out.append(" ".join(rng.choice(words + list(alphabet)) for _ in range(rng.randint(1, 8))))
    return out


def test_blank_first_rx_as_the_old():
    speech = de_lexicon().speech_verbs
    assert _after_blank_rx(speech).pattern == _old_after_blank(speech).pattern
    old, new = _old_after_blank(speech), _blank_first_rx(speech)
    for t in _texts():
        r = t[::-1]
        assert [m.start() for m in old.finditer(r)] == [m.start() - 1 for m in new.finditer(r)], t


def test_inverted_rx_as_the_old():
    aux = de_lexicon().aux_singular
    old, new = _old_inverted(aux), _inverted_rx(aux)
    for t in _texts():
        assert [(m.span(1), m.group(1)) for m in old.finditer(t)] == [(m.span(1), m.group(1)) for m in new.finditer(t)], t


def test_possessive_patterns_as_the_old():
    for t in _texts():
        assert _OLD_CAP_TOKEN.findall(t) == _CAP_TOKEN.findall(t), t
        assert [m.span() for m in _OLD_GIVEN_CAND.finditer(t)] == [m.span() for m in _GIVEN_CAND.finditer(t)], t
