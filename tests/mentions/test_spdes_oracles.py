"""s15 (spdes): the Spanish passes' shortcuts against the plain scans they replace (kept here as oracles)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mentions import capnames_es as ce

_H = r"[^\S\n]"


def _old_misc_spans(text: str, lex) -> list[tuple[int, int]]:
    """capnames_es.misc_spans before s15: every token of the text tested as a head."""
    out: list[tuple[int, int]] = []
    if not lex.head_rx.search(text):
        return out
    toks = [(m.start(), m.end()) for m in ce._WORD.finditer(text)]
    i = 0
    n = len(toks)
    while i < n:
        a, b = toks[i]
        w = text[a:b]
        low = text[a:a + 40].lower()
        if not w[:1].isupper() or (w.isupper() and len(w) > 3) or not (
                w.lower() in lex.misc_heads or any(low.startswith(h) and not low[len(h):len(h) + 1].isalpha() for h in lex.misc_multi)):
            i += 1
            continue
        s = a
        if i > 0 and ce._ROMAN.fullmatch(text[toks[i - 1][0]:toks[i - 1][1]]) \
                and re.fullmatch(_H + "+", text[toks[i - 1][1]:a]):
            s = toks[i - 1][0]
        j = i
        while j + 1 < n:
            gap = text[toks[j][1]:toks[j + 1][0]]
            if not re.fullmatch(_H + "+", gap):
                break
            nxt = text[toks[j + 1][0]:toks[j + 1][1]]
            if nxt[:1].isupper():
                j += 1
                continue
            joined = False
            for width in (2, 1):
                if j + width + 1 < n:
                    conn = " ".join(text[toks[x][0]:toks[x][1]] for x in range(j + 1, j + 1 + width))
                    gaps = all(re.fullmatch(_H + "+", text[toks[x][1]:toks[x + 1][0]]) for x in range(j + 1, j + 1 + width))
                    after = text[toks[j + 1 + width][0]:toks[j + 1 + width][1]]
                    if conn.lower() in lex.connectors and gaps and after[:1].isupper():
                        j += width + 1
                        joined = True
                        break
            if not joined:
                break
        e = toks[j][1]
        if text[s:e].lower() not in lex.misc_keep:
            out.append((s, e))
        i = j + 1
    return out


_PIECES = ["Copa", "COPA", "copa", "Liga", "LEY", "Ley", "ley", "Premio", "Gran Premio", "gran premio", "GRAN PREMIO",
           "Juegos", "del", "de la", "de", "y", "Rey", "Europa", "XIV", "II", "iv", "C", "Real Decreto", "Semana Santa",
           "Madrid", "el", "la", " ", " ", "  ", "\t", "\n", ",", ".", "-", "'", "’", "_", "1", "99", "(", ")", ":",
           "İ", "ſ", "Σ", "ß", "é", "Á", "Ñ", "x", "Q", "\u0301", "²"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(_texts)
def test_misc_spans_from_heads_equals_token_scan(text):
    lex = ce._lex()
    assert ce.misc_spans(text, lex) == _old_misc_spans(text, lex)


def test_misc_spans_examples():
    lex = ce._lex()
    for text in ["La final de la XIV Copa del Rey de Baloncesto se jugará en Madrid .",
                 "ganó el Gran Premio de Europa y la Liga , y luego la copa de la Liga",
                 "la Ley de Enjuiciamiento Civil ( LEC ) entra en vigor ; la LEY Orgánica",
                 "1-XIV Juegos Panamericanos , a-XIV Juegos , II  Juegos\nOlímpicos de Invierno"]:
        assert ce.misc_spans(text, lex) == _old_misc_spans(text, lex)
    assert ce.misc_spans("La XIV Copa del Rey de Baloncesto", lex) == [(3, 33)]


_SPEECH = ["dijo", "Dijo", "DIJO", "agregó", "AGREGÓ", "añadió", "indicó", "dıjo", "ſeñaló", "señaló", "Ana", "Barrena",
           "Pérez", "López", "el", "que", " ", " ", "  ", "\t", "\n", ",", ".", "2", "_", "Ü", "ü"]
_speech_texts = st.lists(st.sampled_from(_SPEECH), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(_speech_texts)
def test_speakers_equal_the_verb_regex(text):
    lex = ce._lex()
    assert ce._speakers(text, lex) == [x.span(2) for x in lex.speech_rx.finditer(text)]


def test_speakers_examples():
    lex = ce._lex()
    text = "El portavoz agregó Barrena , quien lo dijo Ana. Luego DIJO  Pérez , y dijo que Ana , y 2dijo Ana ."
    assert ce._speakers(text, lex) == [x.span(2) for x in lex.speech_rx.finditer(text)]
    assert [text[a:b] for a, b in ce._speakers(text, lex)] == ["Barrena", "Ana", "Pérez"]


# -- whole-text scans tried only where a quick pattern matches (capnames_es._finditer) -------------------
_SCAN = ["FC", "CF", "RCD", "RC", "At.", "Atlético", "ATLÉTICO", "INTER", "Inter", "Internacional", "de", "DE", "Madrid",
         "BARCELONA", "TEKA", "SANTANDER", "ABC", "XIV", "PIB", "Copa", "Ley", "Gran Premio", "estadio", "Estadio",
         "plaza", "del", "de la", "Ana", "A.", "López", "y", "e", ",", ";", ".", ":", "!", "\n", " ", " ", "  ", "\t",
         "(", ")", "( EFE )", "(ONU)", "/", "&", "-", "_", "1", "’", "'", "\"", "«", "ü", "Ñ", "x"]
_scan_texts = st.lists(st.sampled_from(_SCAN), max_size=40).map("".join)


def _spans(matches):
    return [(x.span(), x.groups()) for x in matches]


@settings(max_examples=500, deadline=None)
@given(_scan_texts)
def test_quick_scans_equal_finditer(text):
    lex = ce._lex()
    f = ce._finditer
    assert _spans(f(ce._CLUB, ce._CLUB_QUICK, text)) == _spans(ce._CLUB.finditer(text))
    pairs = {x.span(2): x for x in ce._CAPS_PAIR.finditer(text)}
    for r in re.finditer(r"[A-ZÁÉÍÓÚÑ]+", text):
        for a2 in range(r.start(), r.end()):
            for b2 in range(a2 + 1, r.end() + 1):
                got = ce._caps_pair_before(text, a2, b2)
                want = pairs.get((a2, b2))
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert _spans(ce._ACR_FAST.finditer(text)) == _spans(ce._ACR.finditer(text))
    assert _spans(ce._ITEM_FAST.finditer(text)) == _spans(ce._ITEM.finditer(text))
    assert _spans(f(lex.venue_rx, lex.venue_quick, text)) == _spans(lex.venue_rx.finditer(text))
    assert _spans(ce._sentence_starts(text)) == _spans(ce._SENT_START.finditer(text))
    assert _spans(ce._acronyms_in_brackets(text)) == _spans(ce._ACR_AFTER.finditer(text))


def test_quick_scans_examples():
    lex = ce._lex()
    text = ("Ana López (FC Barcelona) jugó en el estadio del Atlético de Madrid ; TEKA SANTANDER 25 , "
            "ADEMAR LEON 23 .\nLa Organización de las Naciones Unidas  ( ONU ) y la Ley de Costas : Abc")
    assert _spans(ce._finditer(ce._CLUB, ce._CLUB_QUICK, text)) == _spans(ce._CLUB.finditer(text))
    assert [x.group(0) for x in ce._finditer(ce._CLUB, ce._CLUB_QUICK, text)] == ["FC Barcelona", "Atlético de Madrid"]
    assert [x.group(1) for x in ce._finditer(lex.venue_rx, lex.venue_quick, text)] == ["estadio"]
    assert [x.start() for x in ce._acronyms_in_brackets(text)] == [text.index("  ( ONU")]
    assert _spans(ce._sentence_starts(text)) == _spans(ce._SENT_START.finditer(text))
    assert _spans(ce._sentence_starts("Abc. Def")) == _spans(ce._SENT_START.finditer("Abc. Def"))


_DE = ["de", "De", "DE", "del", "Del", "el", "xde", "ciudad", " ", " ", "\t", "\n", ",", "la", "İ", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DE), max_size=14).map("".join))
def test_may_end_de_is_necessary(t):
    rx = re.compile(r"(\w+)" + _H + r"+(?:de|del)" + _H + r"+$")
    before = re.search(r"(?:\w+" + _H + r"+)*$", t).group()
    pw = re.findall(r"(\w+)" + _H + r"+", before)
    if rx.search(t) is not None or (pw and pw[-1].lower() in ("de", "del")):
        assert ce._may_end_de(t)


_EFE = ["EFE", "( EFE )", "(EFE)", "( EFE", "(", ")", " ", " ", "\n", ",", ".", "Madrid", "Santiago de Chile", "Gavá",
        "( Barcelona )", "Puerto Príncipe", "23", "may", "mayEFE", "dic.", "de", "Sevilla", "ABC", "x", "1"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_EFE), max_size=30).map("".join))
def test_efe_scans_equal_finditer(text):
    for rx in (ce._EFE_DATELINE, ce._DATED_TOWN):
        assert _spans(ce._efe_finditer(rx, text)) == _spans(rx.finditer(text))


def test_efe_scan_examples():
    for text in ["NUEVOS CARGOS Huelva ( EFE ) .\nMadrid , 4 jun ( EFE ) y Gavá ( Barcelona ) , 4 jun ( EFE )",
                 "Madrid ( EFE ) ( EFE ) Roma , 2 dic. ( EFE", "EFE Baleares Lima , 4 jun ( EFE ) ."]:
        for rx in (ce._EFE_DATELINE, ce._DATED_TOWN):
            assert _spans(ce._efe_finditer(rx, text)) == _spans(rx.finditer(text))
    assert [x.group(1) for x in ce._efe_finditer(ce._EFE_DATELINE, "Madrid ( EFE ) ( EFE")] == ["Madrid"]


_ENDS = ["de", "del", "la", "a", "al", "Al", "ministro", "llegó", "general", " ", " ", "\t", "\n", ",", "x", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ENDS), max_size=12).map("".join))
def test_quick_tests_before_window_patterns(t):
    """The quick tests that now come first never turn down a window the pattern would match."""
    if ce._NOT_ORGS_RX1.search(t):
        assert ce._may_end_de(t) or t.rstrip().endswith("la")
    if ce._OF_INSTITUTION_RX1.search(t) or ce._ROLE_DE.search(t):
        assert ce._may_end_de(t)
    lex = ce._lex()
    text = t + "Xavier"
    assert ce._motion_to(text, len(t), lex) == (
        (mv := ce._MOTION_TO_RX1.search(text[max(0, len(t) - 30):len(t)])) is not None and mv.group(1).lower() in lex.motion_verbs)


_NAMES = ["A.", "J.", "Ana", "ANA", "López", "de", "del", "van", "Pérez", "Ü", "Ñ", "x", ".", " ", "  ", "\t", "\n", ",",
          "-", "'", "’", "/", "&", "_", "1", "ABC", "PIB", "ONU", "EE.UU.", "CDC", "(", ")"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), max_size=30).map("".join))
def test_fast_patterns_equal_the_lookbehind_ones(text):
    assert _spans(ce._ACR_FAST.finditer(text)) == _spans(ce._ACR.finditer(text))
    assert _spans(ce._ITEM_FAST.finditer(text)) == _spans(ce._ITEM.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["BNP", "-", "Paribas", "P", "a", "Á", "ñ", "A-B", " ", "\n", "x"]), max_size=12).map("".join))
def test_merger_quick_finds_the_same_texts(text):
    from communique.mentions import orgs_es

    old = re.compile(r"[A-ZÁÉÍÓÚÑ]-[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")
    assert (orgs_es._MERGER_QUICK.search(text) is None) == (old.search(text) is None)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_head_automaton_finds_every_occurrence(text):
    lex = ce._lex()
    low = text.lower()
    want = set()
    for h in lex.head_words:
        p = low.find(h)
        while p >= 0:
            want.add(p)
            p = low.find(h, p + 1)
    assert {a for _k, a, _e in lex.head_ac.find_matches_as_indexes(low, overlapping=True)} == want


_GAPS = [" ", "\t", "\n", "\u00a0", ",", ";", "y", "e", "o", "(", ")", "( 4 )", "de", "x", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GAPS), max_size=8).map("".join))
def test_separator_first_characters(gap):
    """_person_lists and _lists test a gap's first character before its pattern: no gap the pattern takes is turned down."""
    for rx, first in ((ce._SEP, ce._SEP_FIRST), (ce._LISTS_RX1, ce._LINK_FIRST)):
        if rx.fullmatch(gap):
            assert gap[0] in first or (gap[0].isspace() and gap[0] != "\n")
