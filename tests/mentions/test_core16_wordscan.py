"""s16 (core16): the knowledge base's names matched at word starts only (kb/wordmatch.py, ``KBMatching._scan_words``)
against the plain scan they replace for Latin-1 text (``KBMatching._scan`` over the whole text, kept as the oracle), on
invented sentences and on hypothesis texts made of names, their pieces, separators and letters."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.kb.fold import fold_text
from communique.kb.wordmatch import SEP_TABLE
from communique.mentions import matching
from communique.normalize import normalize

INVENTED = [
    ("de", "Die Regierung in Berlin und der Senat von Baden-Württemberg trafen sich mit Vertretern der U.S.-Botschaft."),
    ("de", "Der Abgeordnete kam aus Der'a nach Bad Homburg, dann fuhr er über St.Moritz und Ost-Berlin zurück."),
    ("de", "Man sagte, der alte Mann aus Man. sei nach „New York“ gezogen; die Vereinten Nationen schwiegen."),
    ("es", "La Unión Europea y la Unión de Naciones Suramericanas se reunieron en San Martín y en San-Martín."),
    ("es", "El presidente de Estados Unidos llegó a la ciudad de México, D.F., con la delegación de la ONU."),
    ("en", "The U.S. and the U.K. met in Washington, D.C.; officials of Saint-Barthélemy and Saint Barthelemy came too."),
    ("en", "Mariupol' and Mariupol, Irpin' and Irpin: the names were written both ways by the St. Louis paper."),
]


def _plain(linker, text: str, ft: str, lang: str) -> list[tuple]:
    found = linker._scan(text, ft, lang, 0, len(ft), 0)
    found.sort(key=lambda r: (r.start, r.start - r.end))
    out = []
    for r in found:
        if not out or r.start >= out[-1].end:
            out.append(r)
    return [(r.start, r.end, tuple(r.cands)) for r in out]


def _check(linker, raw: str, lang: str) -> None:
    text = normalize(raw).text
    ft = fold_text(text)
    langs = matching._WORD_SCAN_LANGS
    matching._WORD_SCAN_LANGS = frozenset({"de", "es", "en"})  # the scan itself holds for every Latin-1 text
    try:
        words = linker._scan_words(text, ft, lang)
        got = [(r.start, r.end, tuple(r.cands)) for r in linker._raw_matches(text, ft, lang)]
    finally:
        matching._WORD_SCAN_LANGS = langs
    try:
        ft.encode("latin-1")
    except UnicodeEncodeError:
        assert words is None
        return
    assert words is not None
    assert got == _plain(linker, text, ft, lang), raw


def test_invented_sentences(linker):
    for lang, raw in INVENTED:
        _check(linker, raw, lang)


def test_wider_characters_and_other_languages_take_the_plain_scan(linker):
    text = "Президент Путин прибыл в Москву, затем в Berlin."
    assert linker._scan_words(text, fold_text(text), "de") is None
    assert linker._scan_words("El rey viajó a Berlín.", fold_text("El rey viajó a Berlín."), "es") is None
    assert linker._scan_words("Der König reiste nach Berlin.", fold_text("Der König reiste nach Berlin."), "de") is not None


def test_separator_table():
    for b in range(256):
        assert (SEP_TABLE[b] == b) == chr(b).isalnum() or (b == 1 and SEP_TABLE[b] == 1)


def _pieces(linker) -> list[str]:
    rng = random.Random(16)
    pats = [p for p in linker.kb.patterns if p.isascii() or all(ord(c) < 256 for c in p)]
    with_sep = [p for p in pats if not p.isalnum()]
    picked = rng.sample(pats, 300) + rng.sample(with_sep, 300)
    # names as written (capitalised), their words apart, and their separators swapped for others
    out = []
    for p in picked:
        out.append(p.title())
        out.extend(p.split())
        out.append(p.replace(" ", "-").title())
        out.append(p.replace("'", " ").replace(".", " ").title())
    return out


_SEPS = [" ", " ", " ", "-", ".", "'", ", ", "\n", "(", ") ", "„", "“ ", "/", ". "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_texts_of_names_and_separators(linker, data):
    pieces = _pieces_cache(linker)
    n = data.draw(st.integers(1, 40))
    parts = []
    for _ in range(n):
        parts.append(data.draw(st.sampled_from(pieces)))
        if data.draw(st.booleans()):
            parts.append(data.draw(st.sampled_from(["", "s", "en", "er", "x", "ung"])))
        parts.append(data.draw(st.sampled_from(_SEPS)))
    lang = data.draw(st.sampled_from(["de", "es", "en"]))
    _check(linker, "".join(parts), lang)


_CACHE: dict[int, list[str]] = {}


def _pieces_cache(linker) -> list[str]:
    if id(linker.kb) not in _CACHE:
        _CACHE[id(linker.kb)] = _pieces(linker)
    return _CACHE[id(linker.kb)]


def test_invented_sentences_reach_both_kinds_of_resume(linker, monkeypatch):
    """The sentences above hold keys whose names are not written there ("der a", "man ") and names ending with a
    separator ("u.s."): the scan resumes, keeping the matches in hand or splicing a window's."""
    seen = []
    plain = matching.KBMatching._resume

    def resume(wm, t, q, z, hits, k):
        res = plain(wm, t, q, z, hits, k)
        seen.append(res[0] is hits)
        return res

    monkeypatch.setattr(matching.KBMatching, "_resume", staticmethod(resume))
    for lang, raw in INVENTED:
        _check(linker, raw, lang)
    assert True in seen and False in seen
