"""s16 (cap16): the shortcuts of capnames.py against the plain forms they replace (kept here as oracles).

* ``_org_phrases``' federal compounds: the prefixes looked for in the Latin-1 bytes lowered (``_prefix_spans``)
  instead of ``text.casefold()`` and ``text.lower()``; ``_FOLD_ASCII`` checked against every code point.
* ``fast_slug``: the slug of a new entity's name from a per-character table, against ``kb.build.slug``.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mentions import capnames
from communique.mentions.capnames import (_ADJ_FIRST, _FOLD_ASCII, _NEXT_WORD, _org_phrase_rx_fast, _org_phrase_rxs,
                                          _prefix_finditer, cap_lexicon)


def _plain_org_phrases(text: str, lex: capnames.CapLexicon) -> list[tuple[int, int]]:
    """_org_phrases as of s15: the federal compounds after ``text.casefold()`` holds a prefix."""
    out: list[tuple[int, int]] = []
    _rx, pre_rx = _org_phrase_rxs(lex.org_endings, lex.org_prefixes)
    rx = _org_phrase_rx_fast(lex.org_endings)
    ends2 = lex.org_ends2
    for m in rx.finditer(text):
        head = m.group(2).lower()
        if ends2 is not None and head[-2:] not in ends2 or not head.endswith(lex.org_endings):
            continue
        a, b = m.span()
        first = text[a:text.find(" ", a)]
        if first.lower() in lex.stop:
            nxt = _NEXT_WORD.match(text, a)
            a = nxt.end() if nxt else a
            if not _ADJ_FIRST.match(text, a, b):
                continue
        out.append((a, b))
    if pre_rx is not None:
        folded = text.casefold()
        if not any(p in folded for p in lex.org_prefixes):
            return out
        for m in _prefix_finditer(pre_rx, lex.org_prefixes, text):
            if m.group(0)[:1].isupper():
                out.append(m.span())
    return out


_ORG_TEXTS = [
    "Das Bundesgesundheitsministerium und die Landeszentralbank äußerten sich, die Süddeutsche Zeitung auch.",
    "Im Reichsverkehrsamt saß niemand; das STAATSMINISTERIUM schwieg – „Landesamt“ blieb zu.",
    "Der Reichß-Bund: landeßamt, Landeßrat, Bundeſrat und Staatsﬆaatsamt (mit Ligatur).",
    "Die İnstitut-Frage: Reıchsbank und Bundes\u212aammer; Große Kammer für Handel und Gewerbe tagte.",
    "Medizinische Hochschule Hannover, Europäische Kommission. Neue Deutsche Rundfunkanstalt!",
    "ohne Namen hier und da, nur kleine Wörter, straße und landesweit bundesweit.",
    "",
]


def test_org_phrases_same_as_plain_on_invented_texts() -> None:
    lex = cap_lexicon("de")
    for text in _ORG_TEXTS:
        assert capnames._org_phrases(text, lex) == _plain_org_phrases(text, lex), text


_PIECES = ["Bundes", "bundes", "Landes", "LANDES", "Staats", "staats", "Reichs", "reich", "ß", "ss", "s", "amt", "Amt",
           "ministerium", "rat", "bank", "ſ", "ﬆ", "ı", "İ", "\u212a", "ä", "Ö", " ", "-", ",", "\n", "„", "e", "Neue ",
           "Zeitung", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_org_phrases_same_as_plain_hypothesis(pieces: list[str]) -> None:
    lex = cap_lexicon("de")
    text = "".join(pieces)
    assert capnames._org_phrases(text, lex) == _plain_org_phrases(text, lex), text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_org_phrases_same_as_plain_any_text(text: str) -> None:
    lex = cap_lexicon("de")
    assert capnames._org_phrases(text, lex) == _plain_org_phrases(text, lex)


def test_fold_ascii_is_every_such_character() -> None:
    """Every non-ASCII character but "ß" whose lower case or fold holds an ASCII character or whose lower case is
    not one character, and the ones re.IGNORECASE matches to "i" or "s" (İ ı ſ)."""
    want = []
    for c in range(0x80, sys.maxunicode + 1):
        ch = chr(c)
        if ch == "ß":
            continue
        low, cf = ch.lower(), ch.casefold()
        if len(low) != 1 or any(x < "\x80" for x in low + cf) or ch in "\u0130\u0131\u017f":
            want.append(ch)
    assert "".join(want) == _FOLD_ASCII


def test_fast_slug_every_latin1_character() -> None:
    from communique.kb.build import slug

    for c in range(256):
        for text in (chr(c), "a" + chr(c) + "b", chr(c) * 3, " " + chr(c) + "-9"):
            assert capnames.fast_slug(text) == slug(text), repr(text)


_SLUG_NAMES = ["Müller", "Jürgen Klinsmann", "Ðorđe", "Æsir Øresund", "São Paulo", "  --Dr. X.  ", "ß", "İstanbul",
               "Σίσυφος", "Zoë-Lou O’Neil", "½ Preis", "ﬁnal", "", "---", "A\tB\nC", "Łódź", "Ca\u0301diz"]


def test_fast_slug_invented_names() -> None:
    from communique.kb.build import slug

    for text in _SLUG_NAMES:
        assert capnames.fast_slug(text) == slug(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20) | st.text(alphabet=st.characters(max_codepoint=255), max_size=20))
def test_fast_slug_hypothesis(text: str) -> None:
    from communique.kb.build import slug

    assert capnames.fast_slug(text) == slug(text)
