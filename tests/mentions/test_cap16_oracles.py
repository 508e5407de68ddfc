"""s16 (cap16): the shortcuts of capnames.py against the plain forms they replace (kept here as oracles).

* ``_org_phrases``' federal compounds: the prefixes looked for in the Latin-1 bytes lowered (``_prefix_spans``)
  instead of ``text.casefold()`` and ``text.lower()``; ``_FOLD_ASCII`` checked against every code point.
* ``kb.build.slug``'s per-character table for Latin-1 text, against the plain path (kept here as ``_plain_slug``).
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mentions import capnames
from communique.mentions.capnames import (CapLexicon, _ADJ_FIRST, _FOLD_ASCII, _NEXT_WORD, _org_phrase_rx_fast, _org_phrase_rxs,
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


def _plain_slug(text: str) -> str:
    """``kb.build.slug`` before s16 (NFKD, the combining marks dropped, lower case, other runs one "-")."""
    import unicodedata
    from itertools import filterfalse

    t = unicodedata.normalize("NFKD", text)
    t = "".join(filterfalse(unicodedata.combining, t)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def test_slug_every_latin1_character() -> None:
    from communique.kb.build import slug

    for c in range(256):
        for text in (chr(c), "a" + chr(c) + "b", chr(c) * 3, " " + chr(c) + "-9"):
            assert slug(text) == _plain_slug(text), repr(text)


_SLUG_NAMES = ["Müller", "Jürgen Klinsmann", "Ðorđe", "Æsir Øresund", "São Paulo", "  --Dr. X.  ", "ß", "İstanbul",
               "Σίσυφος", "Zoë-Lou O’Neil", "½ Preis", "ﬁnal", "", "---", "A\tB\nC", "Łódź", "Ca\u0301diz"]


def test_slug_invented_names() -> None:
    from communique.kb.build import slug

    for text in _SLUG_NAMES:
        assert slug(text) == _plain_slug(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20) | st.text(alphabet=st.characters(max_codepoint=255), max_size=20))
def test_slug_hypothesis(text: str) -> None:
    from communique.kb.build import slug

    assert slug(text) == _plain_slug(text)


_PREV_ALPHABET = "aZß9_ ,.;:()\"'’-\nÄéµ²½ªº\u00a0\u0101\u0130\u0301\u2019\u201e\u0660\u4e00\U0001d400\t"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_PREV_ALPHABET, max_size=40) | st.text(max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_prev_tokens_fast_same_matches(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(max(a, b), len(text))
    assert capnames._PREV_TOKENS_FAST.findall(text, a, b) == capnames._PREV_TOKENS.findall(text[a:b])
    assert capnames._PREV_TOKENS_FAST.findall(text) == capnames._PREV_TOKENS.findall(text)


def test_prev_tokens_fast_every_character() -> None:
    rx, fast = capnames._PREV_TOKENS, capnames._PREV_TOKENS_FAST
    for c in range(sys.maxunicode + 1):
        text = "x" + chr(c) + "y " + chr(c)
        assert fast.findall(text) == rx.findall(text), hex(c)


# _prev_words and _type_run as of s15 (oracles of the s16 rewrites: _PREV_TOKENS_FAST, sets and C-level tests)
def _plain_prev_words(text: str, s: int, k: int = 3) -> list[str]:
    lo = max(0, s - 60)
    # s13: the last 24 characters first: a scan that starts inside a word finds at most one piece of it, and
    # from the token after that on the same tokens as the scan of the 60; with more than k tokens there, the
    # last k are those of the 60 (tests/mentions/test_spdcore_oracles.py)
    if s - 24 > lo:
        ws = capnames._PREV_TOKENS.findall(text, s - 24, s)
        if len(ws) > k:
            return [w.lower() for w in ws[-k:]]
    ws = capnames._PREV_TOKENS.findall(text[lo:s])
    return [w.lower() for w in ws[-k:]]


def _plain_type_run(text: str, s: int, words: list[str], lang: str, lex: CapLexicon, first: frozenset[str]) -> str | None:
    low = [w.lower() for w in words]
    if low[0] in lex.org_heads or low[-1] in lex.org_suffixes:
        return "organization"
    if low[0] in lex.loc_heads:
        return "place"
    if len(words) >= 2 and any(w.isupper() and len(w) >= 2 for w in words):
        return "organization"  # "THW Kiel", "COAG Extremadura", "Fraunhofer FIT"
    # (s15: the four words before taken once where four are needed: the last of the three is the last of the four,
    # _prev_words' last k words being the last k of the same scan)
    prev = _plain_prev_words(text, s, 4 if lex.cue_skip else 3)
    if prev and prev[-1] in lex.per_cues:
        return "person"
    if s > 0 and text[s - 1:s] == "(" or text[max(0, s - 2):s] == "( ":
        if len(words) == 1:
            return "organization"  # "Servicio de Emergencia ( Sercam )": an acronym or short name
    # skip an article: "la empresa X", "la localidad de X"
    skip = capnames._rx(lex.cue_skip).fullmatch if lex.cue_skip else None
    adj_only = True
    for w in reversed(prev):
        if w in lex.org_cues:
            return "organization"
        if w in lex.loc_cues:
            return "place"
        if lex.cue_skip and adj_only and w in lex.per_cues and w != prev[-1]:
            return "person"  # "el jugador brasileño X" (but "el presidente de X" names no person)
        if skip is not None and adj_only and skip(w):
            continue  # "la empresa argentina X", "el diario mexicano X"
        adj_only = False
        if w not in lex.connectors and w not in ("el", "la", "los", "las", "der", "die", "das", "den", "dem", "des", "de", "del", "un", "una", "ein", "eine", "einer", "einem", "einen"):
            break
    if capnames._in_first(words[0], first) and len(words) >= 2:
        return "person"
    if len(words) >= 2 and (low[0] in lex.surname_particles or " ".join(low[:2]) in lex.surname_particles
                            or (lex.surname_shape and capnames._rx(lex.surname_shape).fullmatch(words[0]))):
        return "person"  # "De la Serna", "López de Arriortúa"
    if capnames._DATELINE_END.match(text, s + sum(map(len, words)) + len(words) - 1) \
            and capnames._DATELINE_START.fullmatch(text, text.rfind("\n", 0, s) + 1, s):
        return "place"  # a dateline: "Badajoz .", "La Coruña , 23 may ( EFE )"
    if len(words) == 1 and prev and prev[-1] in lex.loc_preps:
        return "place"
    if len(words) >= 2 and any(w in lex.connectors for w in low) and lex.connector_default:
        return lex.connector_default
    if len(words) == 1 and capnames._place_shaped(words[0], lex):
        return "place"
    if len(words) == 1 and prev and prev[-1] in lex.articles:
        # "del Deportivo", "del Insalud": a person takes no article (German "der Meriva": a product, no name here)
        return lex.article_single or "none"
    return None


_RUN_TEXTS = [
    ("Gestern sagte der Trainer Hans Meier in Köln , dass die Firma ACME GmbH wächst .", "de"),
    ("Laut dem Verband von Herrn Xaver Quaste ( VXQ ) und der Stadt Oberhausen-Rheinhausen :", "de"),
    ("Bonn .\nDie Zeitung THW Kiel meldet : in Ulmendorf und bei Feria del Disco der Neuen Welt", "de"),
    ("El jugador brasileño Pepe Rubio y la empresa argentina Grupo Lomas de la Serna , en Badajoz .", "es"),
    ("Villanueva , 17 oct ( EFE ) La portavoz de Tal Cual dijo que los De la Fuente del Real", "es"),
]


def test_type_run_same_as_plain() -> None:
    import re

    first = frozenset({"hans", "pepe", "xaver"})
    n = 0
    for text, lang in _RUN_TEXTS:
        lex = cap_lexicon(lang)
        toks = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        for i in range(len(toks)):
            for j in range(i + 1, min(i + 4, len(toks)) + 1):
                s = toks[i][0]
                words = [text[a:b] for a, b in toks[i:j]]
                assert capnames._type_run(text, s, words, lang, lex, first) == \
                    _plain_type_run(text, s, words, lang, lex, first), (text, words)
                n += 1
    assert n > 50


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PREV_ALPHABET + "ABCDEFGdelaunr", max_size=90), st.integers(0, 90), st.integers(1, 4))
def test_prev_words_same_as_plain(text: str, s: int, k: int) -> None:
    s = min(s, len(text))
    assert capnames._prev_words(text, s, k) == _plain_prev_words(text, s, k)
