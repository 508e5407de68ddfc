"""s19 (cap19): ``cap_names``' tokens found as needed (``capnames._Tokens``) against the whole-text ``_TOK`` scan
they replace: the same tokens, the same ends, the same capitalised ones, the same tokens inside knowledge-base
spans (``_covered_tokens``, the index form, is the oracle).

The generated texts mix what makes a token's start or end unusual: digits, "_", apostrophes, hyphens (a run that
opens with them: "3M", "'Spiegel"; one that ends with them: "Nord-"), Cyrillic and Greek capitals and small letters,
combining marks, Latin-1 letters that are not ASCII, a letter that is a number ("Ⅻ") or a digit that is no decimal
("²"), title-case letters, and spaces, stops and line breaks between them.
"""

from __future__ import annotations

import bisect
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.mentions.capnames import _TOK, _Tokens, _covered_tokens

_ALPHABET = ("AaBbZz" "ÄäÖößÜÉé" "ÀÑñ" "ДдЖжЁё" "ΣσΩω" "\u0301\u0308" "Ⅻⅻ²½ǅ" "0189٣" "_'’-" "  .,\n(\"„“–" "一")


def _old(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOK.finditer(text)]


def _chain(toks: _Tokens) -> list[tuple[int, int]]:
    out = []
    x = toks.first_at(0)
    while x is not None:
        out.append((x, toks.end[x]))
        x = toks.after(x)
    return out


_TEXTS = st.text(alphabet=_ALPHABET, max_size=60)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
@example("3M und 'Spiegel, Nord- und Südkorea; _X, ’Ndrangheta, 2G-Netz -Bar Ⅻ. Parteitag ²Ab")
@example("")
@example("--'")
@example("a'b-'C'-")
def test_tokens_as_the_whole_scan(text: str) -> None:
    old = _old(text)
    toks = _Tokens(text)
    capitals = toks.capitals()
    assert set(capitals) >= {s for s, _e in old if text[s].isupper()}  # every capitalised token,
    assert set(capitals) <= set(old_end := dict(old))  # and only tokens,
    assert all(toks.end[s] == old_end[s] for s in capitals)  # with their ends
    assert _chain(_Tokens(text)) == old
    assert _chain(toks) == old  # after the capitals were noted
    starts = [s for s, _e in old]
    for a in range(len(text) + 1):
        k = bisect.bisect_left(starts, a)
        got = _Tokens(text).first_at(a)
        assert got == (starts[k] if k < len(starts) else None), a
    for s in starts[:5]:
        for k in range(4):
            i = starts.index(s)
            assert toks.following(s, k) == starts[i:i + k + 1]


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.lists(st.tuples(st.integers(0, 62), st.integers(0, 25)), max_size=6))
def test_covered_as_the_index_form(text: str, raw: list[tuple[int, int]]) -> None:
    old = _old(text)
    kb_spans = sorted((a, a + w) for a, w in raw)
    want = {old[k][0] for k in _covered_tokens(old, kb_spans)}
    toks = _Tokens(text)
    toks.capitals()
    assert toks.covered(kb_spans) == want
    assert _Tokens(text).covered(kb_spans) == want  # (the capitals not noted first)


def test_the_odd_runs_pattern_finds_every_run_that_opens_with_no_letter() -> None:
    """``_ODD_RUN`` against its plain reading, over every code point below 0x3000 and some wider ones as the run's
    first, second and following character."""
    from communique.mentions.capnames import _ODD_RUN

    run = re.compile(r"[\w'’-]+")
    chars = [chr(c) for c in list(range(0x3000)) + [0x2019, 0xff10, 0x1d7ce, 0x10ffff]]
    for c in chars:
        for text in (c + "A", " " + c + "1B", "x" + c + "C", c + c + "é"):
            want = []
            for m in run.finditer(text):
                word = m.group(0)
                lead = re.match(r"[\d_'’-]*", word).end()
                if lead and lead < len(word) and re.match(r"[^\W\d_]", word[lead]):
                    want.append(m.start() + lead)
            assert [m.end() for m in _ODD_RUN.finditer(text)] == want, ascii(text)


_LATIN1 = "aZ09_'- .,\n\tÄäßÉé²³¹ª½µ×÷\xa0\xad\xff"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LATIN1, max_size=40) | _TEXTS)
@example("3M 'Spiegel _X -Bar a-3C 12 2G-Netz ²Ab")
def test_odd_starts_as_the_pattern(text: str) -> None:
    """``_odd_starts`` (by the bytes' classes where the text is Latin-1) against ``_ODD_RUN`` on the text."""
    from communique.mentions.capnames import _ODD_RUN, _odd_starts

    assert _odd_starts(text) == [m.end() for m in _ODD_RUN.finditer(text)]


def test_run_classes_as_the_regex_classes() -> None:
    from communique.mentions.capnames import _RUN_CLASSES

    for c in range(256):
        ch = chr(c)
        want = "0" if re.fullmatch(r"[\d_'’-]", ch) else "a" if re.fullmatch(r"[^\W\d_]", ch) else " "
        assert chr(_RUN_CLASSES[c]) == want, c
        assert (want != " ") == bool(re.fullmatch(r"[\w'’-]", ch)), c
