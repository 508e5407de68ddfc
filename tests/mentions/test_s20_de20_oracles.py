"""s20 (de20): the German passes' cheaper forms give what the old forms gave.

* ``_clause_words`` matches a word only at the starts it keeps (the old loop matched it at every start first): the
  same list as the old loop, copied here (``_clause_words_s19``), on fixed sentences and random texts.
* ``_gen_before_noun_matches`` finds its places from the ends of words in -s (``_S_BLANK_CAP``), where the s15 form
  walked the text with ``str.find`` for each word (``_gen_before_noun_matches_by_find``): the same matches.
* ``_left_token`` (and ``_word_before`` with ``_REV_PREV_CAP`` for ``_PREV_CAP``, with ``persons_de._REV_NAME_TOKEN_LEFT``
  for ``_NAME_TOKEN_LEFT``) reads ``_LEFT_TOK``'s word before a position in the reversed text, where the passes searched a
  window of 40 characters: the same word and start at every position of every text (line breaks at the window's end,
  runs longer than the window, apostrophes, full stops and hyphens before the word).
* ``_club_word_before`` reads ``_CLUB_WORD_BEFORE``'s word before a position in the reversed text, where
  ``_clubs_institutions`` searched a slice of 30 characters (its look-behind passes at the slice's start): the same
  word and match length at every position.
* ``persons_de._at_literal`` gives ``_at``'s places of "wie ", "laut ", "zufolge" (either case) from the document's
  literals: they must be needles, and the places the same.
"""

from __future__ import annotations

import random

from communique.mentions.capnames_de import (
    _ABBR_TOKEN, _CAP_TOKEN, _CLUB_WORD_BEFORE, _GEN_BEFORE_NOUN, _LEFT_TOK, _LOWER_LETTERS, _PREV_CAP, _REV_PREV_CAP, _WORD_AFTER_BLANK, _blank_first_rx, _clause_words, _club_word_before,
    _cue_word, _gen_before_noun_matches, _left_token, _token_spans, _opening_words, _word_before, de_lexicon,
)
from communique.mentions.common import reversed_text
from communique.mentions.literals_de import doc_literals, needles
from communique.mentions.persons_de import _NAME_TOKEN_LEFT, _REV_NAME_TOKEN_LEFT, _at, _at_literal


def _gen_before_noun_matches_by_find(text: str, swords: set[str]) -> list:
    """The s15 form of ``_gen_before_noun_matches`` (each word's places by ``_token_spans``), kept here for the oracle."""
    if not swords:
        return []
    res = []
    pos = 0
    match = _GEN_BEFORE_NOUN.match
    for s, _e, _w in sorted(_token_spans(text, swords)):
        if s < pos:
            continue
        m = match(text, s)
        if m is not None:
            res.append(m)
            pos = m.end()
    return res


def _clause_words_s19(text: str, speech: frozenset[str]) -> list:
    """``_clause_words`` as it was at s19 (the word matched at every start)."""
    words = _opening_words(text)
    first = len(words)
    rfind = text.rfind
    lower = _LOWER_LETTERS
    rtext = reversed_text(text)
    n = len(text)
    starts = [n - x.start() for x in _blank_first_rx(speech).finditer(rtext)]
    starts.reverse()
    word_at = _WORD_AFTER_BLANK.match
    for a in starts:
        m = word_at(text, a)
        j = a - 1
        i = rfind(" ", 0, j) + 1
        prev = text[i:j]
        if "\n" in prev:
            k = prev.rfind("\n") + 1
            i += k
            prev = prev[k:]
        last = prev[-1:]
        if last in lower:
            if prev.islower():
                if prev in speech and prev[:1].isalpha():
                    words.append((a, m.end(), m.group(0), prev, False))
            elif prev[:1].isalpha() and _cue_word(prev):
                words.append((a, m.end(), m.group(0), prev, False))
            continue
        b = m.end()
        if last == ".":
            if len(prev) > 1 and _ABBR_TOKEN.fullmatch(prev):
                words.append((a, b, m.group(0), prev[:-1], False))
                continue
            if len(prev) == 1 and i >= 2:
                k = rfind(" ", 0, i - 1)
                k = max(k, rfind("\n", k + 1, i - 1)) + 1
                pp = text[k:i - 1]
                if _ABBR_TOKEN.fullmatch(pp + "."):
                    words.append((a, b, m.group(0), pp, False))
                    continue
            if not prev[:-1].isdigit():
                words.append((a, b, m.group(0), None, True))
        elif last in "!?:…\"„“" or not prev:
            words.append((a, b, m.group(0), None, True))
        elif last == ",":
            words.append((a, b, m.group(0), None, False))
        elif prev.islower():
            if prev in speech and prev[:1].isalpha() and last.isalnum():
                words.append((a, b, m.group(0), prev, False))
        elif prev[:1].isalpha() and last.isalnum() and _cue_word(prev):
            words.append((a, b, m.group(0), prev, False))
    if first and len(words) > first:
        words.sort()
    return words


SENTENCES = [
    "Dr. Meier sagte , Trainer Klopp kam . Dr . Meier und Prof. Schulz , sagte Merkel . 12. Mai 3. Juni",
    "Nach Merkels Rücktritt sprach Obamas Sprecher . Des Kurses Ende , Hans' Haus , Vater.Ottos Wahl , x-Ottos Wahl",
    "„Heute“ Anna (Bauer) Meier: Müller! Schmidt? Weber… Koch\" Klein „Groß Müllers  Rede\tMüllers\u00a0Rede\nMüllers\nRede",
    "erklärte Müller , sagte Schmidt-Weber , so Bundeskanzlerin Merkel ; CSU-Politiker Söder meinte Ottos  Hans",
    "", "A", "Anna", " Anna", "Ottos Wahl", "s Anna", "a. Anna", "x , Anna", "Z. B. Müller",
]


def _texts() -> list[str]:
    rng = random.Random(20)
    speech = sorted(de_lexicon().speech_verbs)[:20]
    words = ["Anna", "Meier", "Ottos", "Merkels", "Rede", "Wahl", "Dr.", "Dr", "Prof.", "z.", "B.", "12.", "3", "x",
             "Trainer", "Politiker", "CSU-Politiker", "Müllers", "Öls", "Übel", "José", "Zoë", "Hans-Peter", "der", "des",
             "und", "wie", ",", ".", ":", "!", "?", "…", "\"", "„", "“", "(", "-", "'", "’", "als", "ÄRZTE", "iPhones",
             "Ab÷cs", "es", "das", "X1s", "Élises", *speech]
    blanks = [" ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "-", ".", ""]
    out = list(SENTENCES)
    for _ in range(4000):
        n = rng.randint(1, 14)
        out.append("".join(rng.choice(words) + rng.choice(blanks) for _ in range(n)))
    return out


def test_clause_words_as_the_s19_loop():
    speech = de_lexicon().speech_verbs
    kept = 0
    for t in _texts():
        new = _clause_words(t, speech)
        assert new == _clause_words_s19(t, speech), t
        kept += len(new)
    assert kept > 3000  # the check is not empty


def _genitive_texts() -> list[str]:
    """Denser in words in -s before capitalised nouns than ``_texts``."""
    rng = random.Random(2020)
    words = ["Ottos", "Merkels", "Müllers", "Öls", "Élises", "Hans'", "Ottos-", "Rede", "Wahl", "Reden", "Über", "AKW",
             "Rücktritts", "des", "s", "Ab÷cs", "iPhones", "X1s", "Anna", "und", ".", ",", "(", "’"]
    blanks = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "-", "'", ""]
    return ["".join(rng.choice(words) + rng.choice(blanks) for _ in range(rng.randint(1, 12))) for _ in range(3000)]


def test_gen_before_noun_matches_as_the_find_walk():
    hits = 0
    for t in _texts() + _genitive_texts():
        caps = set(_CAP_TOKEN.findall(t))
        for swords in ({w for w in caps if w[-1] == "s"}, {w for w in caps if w[-1] == "s" and len(w) % 2}, caps):
            new = [(m.span(), m.groups()) for m in _gen_before_noun_matches(t, swords)]
            old = [(m.span(), m.groups()) for m in _gen_before_noun_matches_by_find(t, swords)]
            assert new == old, t
            hits += len(new)
        if "s" in t:  # every swords: the scan itself (no word left out)
            assert [m.span() for m in _gen_before_noun_matches(t, {w for w in caps if w[-1] == "s"})] == \
                [m.span() for m in _GEN_BEFORE_NOUN.finditer(t) if m.group(1) in caps]
    assert hits > 1000


def test_left_token_as_the_window_search():
    rng = random.Random(40)
    long = "Donaudampfschifffahrtsgesellschaftskapitänsmützen"
    texts = _texts()[:1500] + _genitive_texts()[:500] + [
        "Anna \nMeier", "Anna\nMeier", "Anna \n\nMeier", "Anna \r\nMeier", "x" + long + " Meier", long + " Meier",
        "Vater.Otto Meier", "d'Artagnan Meier", "d’Anna Meier", "ABc Meier", "xAbc Meier", "O'Neil \nX", "O'Neill  Meier", "-Anna Meier", "ÄRZTE Meier", "Anna2 Meier", "Anna",
    ] + ["".join(rng.choice(["Ab", "ab", "Ö", "é", "1", "'", "’", ".", "-", "_", " ", " ", "\t", "\n", "\u00a0"])
                 for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    hits = prev = names = 0
    for t in texts:
        for s in range(len(t) + 1):
            m = _LEFT_TOK.search(t, max(0, s - 40), s)
            assert _left_token(t, s) == ((m.start(1), m.group(1)) if m else None), (t, s)
            hits += m is not None
            m = _PREV_CAP.search(t, max(0, s - 20), s)
            assert _word_before(_REV_PREV_CAP, t, s, 20) == ((m.start(1), m.group(1)) if m else None), (t, s)
            prev += m is not None
            m = _NAME_TOKEN_LEFT.search(t, max(0, s - 30), s)
            assert _word_before(_REV_NAME_TOKEN_LEFT, t, s, 30) == ((m.start(1), m.group(1)) if m else None), (t, s)
            names += m is not None
    assert hits > 3000 and prev > 3000 and names > 2000


def test_club_word_before_as_the_slice_search():
    texts = _texts()[:1500] + _genitive_texts()[:500] + ["Verein \nMainz", "Ab-Cd \nX", "Ab\n X", " Ab X", "x-Ab X",
                                                          "Donaudampfschifffahrtsgesellschafts-Kapitän Mainz"]
    hits = 0
    for t in texts:
        for s in range(len(t) + 1):
            m = _CLUB_WORD_BEFORE.search(t[max(0, s - 30):s])
            assert _club_word_before(t, s) == ((m.group(1), len(m.group(0))) if m else None), (t, s)
            hits += m is not None
    assert hits > 3000


def test_at_literal_as_at():
    rng = random.Random(7)
    keys = ("wie ", "Wie ", "laut ", "Laut ", "zufolge")
    assert set(keys) <= set(needles())
    words = ["wie", "Wie", "laut", "Laut", "zufolge", "Zufolge", "sowie", "Anna", "-", "x", "'", "(", "\n"]
    hits = 0
    for _ in range(3000):
        t = "".join(rng.choice(words) + rng.choice([" ", "", "  ", "\t", ":", "-"]) for _ in range(rng.randint(1, 10)))
        lit = doc_literals(t)
        for k in keys:
            got = _at_literal(t, lit, k)
            assert got == _at(t, k), (t, k)
            hits += len(got)
    assert hits > 2000
