"""s14 (spdkb): shortcuts of the shared mention core give what the plain code they replaced gave.

Each shortcut is compared with the old code (kept here as the oracle) on invented sentences, on random strings
over the characters the patterns look at (a seeded generator and hypothesis) and, where ../shared is present, on
the GermEval dev sentences: ``surname_shapes`` and ``initials_names`` (the regex tried only at candidate
positions found with ``str.find``) against ``finditer`` of the same regex, and the rest-of-word shortcut of
``KBMatching._accept`` against the regex it skips."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from communique.mentions.common import _INITIALS_NAME, _SURNAME_SHAPE, initials_names, surname_shapes
from communique.mentions.matching import _ALNUM_RUN

SENTENCES = [
    "Gestern empfing Außenministerin Petrowskaja den Botschafter Wrzesniewicz und Frau Iwanowa in Kiel.",
    "Laut J. Brenner und M.-K. Tal sprach A.B.Kuzmenko mit Dr. Ostrowski über Herrn Sidortschuk.",
    "Señor Fernández y la ministra Gutiérrez visitaron a Jiménez Báez; luego habló Ramírez.",
    "Die Firma Kowalski-Bau und der Bürgermeister Semenowitsch trafen Nowak, Popov, Lebedev und Tereschenko.",
    "Президент В.В. Путин и М.Захарова; S. Dvorak, T.Kovalenko und x.Ivanov sowie Q. Mayerhofer.",
    "Schon 1998 sagte P.Oleksandrenko: „Die Vereinbarung ist gut.“ Danach Ab. Cd.Efgh und Xyz.",
]

# the letters the two patterns test (both branches of the surname shape, both scripts of the initials), the endings'
# letters, periods, spaces and word characters that block a match
ALPHABET = "AKLMNPSTVZÁÉÑАБЕЁaeiknorstuvwyzáéñабвеоё. .-'’\n\t\xa0_1"


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 60))) for _ in range(n)]


def _word_texts(n: int, seed: int) -> list[str]:
    """Random words of capitals, lower-case runs and the surname endings, joined by spaces and periods."""
    rnd = random.Random(seed)
    ends = ["ow", "owa", "ew", "ewa", "ov", "ova", "ev", "eva", "sky", "ski", "ska", "skaja", "skij", "enko", "tschuk",
            "chuk", "vich", "witsch", "wicz", "schenko", "ez", "és", "áez", "ch", "s", ""]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, 8)):
            word = rnd.choice("ABKLZÁÑЁab") + "".join(rnd.choice("aeinorstzáéñ") for _ in range(rnd.randint(0, 7)))
            words.append(word + rnd.choice(ends))
        out.append("".join(w + rnd.choice([" ", ". ", ".", "-", ", ", "'"]) for w in words))
    return out


def _check(text: str) -> None:
    assert [m.span() for m in surname_shapes(text)] == [m.span() for m in _SURNAME_SHAPE.finditer(text)], text
    assert [m.span() for m in initials_names(text)] == [m.span() for m in _INITIALS_NAME.finditer(text)], text
    assert [m.group(1) for m in initials_names(text)] == [m.group(1) for m in _INITIALS_NAME.finditer(text)], text


def test_scans_as_finditer_on_sentences():
    for t in SENTENCES:
        _check(t)
    shapes = [m.group(0) for m in surname_shapes(" ".join(SENTENCES))]
    assert {"Petrowskaja", "Wrzesniewicz", "Iwanowa", "Fernández", "Gutiérrez", "Sidortschuk", "Tereschenko"} <= set(shapes)
    assert "Nowak" not in shapes  # no ending of the list
    assert [m.group(1) for m in initials_names(SENTENCES[1])] == ["Brenner", "Tal", "Kuzmenko"]  # not "Dr. Ostrowski"


def test_scans_as_finditer_on_random_text():
    for t in _random_texts(3000, 41) + _word_texts(3000, 43):
        _check(t)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=50))
def test_scans_as_finditer_hypothesis(text):
    _check(text)


def test_scans_as_finditer_on_germeval(shared):
    from communique.evaluation import ner

    texts = [g.text for g in ner.READERS["germeval"](shared / "data/ner/germeval2014/NER-de-dev.tsv")]
    joined = "\n".join(texts)
    for i in range(0, len(joined), 5000):
        _check(joined[i:i + 5000])


def _old_rest(ft: str, e: int) -> str:
    return _ALNUM_RUN.match(ft, e).group()


def _new_rest(ft: str, e: int) -> str:
    """The rest of the word as ``KBMatching._accept`` takes it (s14): no regex where the word ends at ``e``."""
    return _ALNUM_RUN.match(ft, e).group() if ft[e:e + 1].isalnum() else ""


def test_rest_of_word_as_the_regex():
    chars = [chr(c) for c in range(0x3000)] + ["\U0001d7ce", "\U00010400"]
    for c in chars:  # every character below U+3000 right after the match (and at the end of the text)
        ft = "ab" + c + "x"
        assert _new_rest(ft, 2) == _old_rest(ft, 2), hex(ord(c))
        assert _new_rest(ft, 4) == _old_rest(ft, 4)
    for t in _random_texts(500, 47):
        for e in range(len(t) + 1):
            assert _new_rest(t, e) == _old_rest(t, e)


_HSPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 10)
_TAIL = re.compile(r"[^\W\d_]*\Z")


def _old_word_before_in(text: str, s: int, words: frozenset[str], longest: int, width: int = 20) -> bool:
    """``_word_before_in`` before s14: the regex searched in the stripped window each time (no memo)."""
    lo = max(0, s - width)
    seg = text[lo:s - 1 if s > lo and text[s - 1] == "\n" else s]
    head = seg.rstrip(_HSPACE)
    if len(head) == len(seg):
        return False
    return _TAIL.search(head, max(0, len(head) - longest - 1)).group().lower() in words


def test_word_before_in_memo_as_the_search():
    from communique.mentions import common

    sets = [frozenset("in bei nach aus von nahe".split()), frozenset("в во из под около возле".split()),
            frozenset("à de près dans vers".split()), frozenset(["nach"])]  # "nach" alone: another answer for "nach"
    texts = SENTENCES + _random_texts(150, 53) + ["Bahn nach Kiel", "IN  Bonn", "zinbei Rom", "von\nKöln", "ВО Пскове"]
    for rnd_round in range(3):
        for k, t in enumerate(texts):
            if k % 50 == rnd_round:
                common._TAIL_MEMO.clear()  # answers made before and after a clearing
            for words in sets:
                longest = max(map(len, words))
                for s in range(len(t) + 1):
                    assert common._word_before_in(t, s, words, longest) == _old_word_before_in(t, s, words, longest), (t, s)
    assert common._word_before_in("Bahn nach Kiel", 10, sets[0], 4) and not common._word_before_in("Bahn nach Kiel", 10, sets[1], 5)
