"""A long document is linked in pieces (s17, ``linker.pieces``): the pieces cover the text exactly, are cut at
paragraph or line breaks, and the mentions of every piece come back with offsets in the whole text."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings, strategies as st

from communique.documents import Document
from communique.mentions import linker as linker_module
from communique.mentions.linker import pieces
from communique.normalize import normalize


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=2, max_value=60))
def test_pieces_cover_the_text_in_order(text, limit):
    got = pieces(text, limit)
    assert got[0][0] == 0 and got[-1][1] == len(text)
    for (a, b), (c, _d) in zip(got, got[1:]):
        assert b == c  # contiguous, nothing lost, nothing twice
    for a, b in got:
        assert b - a <= limit
        assert b > a or len(text) == 0


def test_a_short_text_is_one_piece():
    assert pieces("Ein kurzer Text.", 100) == [(0, 16)]


def test_the_cut_prefers_a_paragraph_break_then_a_line_break():
    para = "Erster Absatz hat Worte.\n\nZweiter Absatz mit mehr Worten.\nNoch eine Zeile dazu."
    (a, b), (c, _d) = pieces(para, 40)[:2]
    assert para[b - 2:b] == "\n\n" and c == b
    lines = "Eine Zeile hier.\nNoch eine Zeile. Und mehr Text folgt hier."
    assert lines[pieces(lines, 30)[0][1] - 1] == "\n"


def test_a_text_without_breaks_is_cut_at_a_space_or_hard():
    words = "wort " * 20
    assert all(words[b - 1] == " " for _a, b in pieces(words, 23)[:-1])
    solid = "x" * 50
    assert pieces(solid, 20) == [(0, 20), (20, 40), (40, 50)]


@pytest.mark.parametrize("text, inside", [
    ("am montag sprach " + "wort " * 8 + "President Emmanuel\nMacron mit den gästen weiter", "Emmanuel\nMacron"),
    ("die delegation flog " + "wort " * 8 + "nach St. Petersburg und blieb dort lange", "St. Petersburg"),
    ("er traf " + "wort " * 8 + "den gast Prof. Anna Berg heute im amt und sprach", "Prof. Anna Berg"),
])
def test_no_cut_inside_a_name(text, inside):
    k = text.index(inside)
    for limit in range(len(text) // 2, len(text)):
        for a, b in pieces(text, limit)[:-1]:
            assert not (k < b < k + len(inside)), (limit, text[a:b])


def test_a_sentence_end_is_preferred_to_a_blank():
    text = "erste worte hier und dort. Zweite Satz folgt nun hier und"
    a, b = pieces(text, 40)[0]
    assert text[:b] == "erste worte hier und dort. "


_PARAGRAPH = ("Außenministerin Annalena Baerbock reiste am Montag nach Paris und traf dort den französischen "
              "Außenminister. In Brüssel sprach sie anschließend mit Vertretern der NATO.\n\n")


def _found(linker, text):
    d = Document(id="long", text=text, source="test", lang="de", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    n = normalize(text)
    return n, linker.find(d, n)


def test_mentions_of_every_piece_with_offsets_in_the_whole_text(linker, monkeypatch):
    text = _PARAGRAPH * 6 + "Zum Schluss besuchte die Delegation Wien.\n"
    _n, whole = _found(linker, _PARAGRAPH)
    per_paragraph = sorted((m.start, m.end, m.eid) for m in whole)
    assert per_paragraph, "the paragraph names people and places"
    monkeypatch.setattr(linker_module, "PIECE_CHARS", len(_PARAGRAPH) + 10)  # one paragraph a piece
    n, found = _found(linker, text)
    got = sorted((m.start, m.end, m.eid) for m in found)
    for k in range(6):  # each paragraph's mentions, moved by its offset
        off = k * len(_PARAGRAPH)
        assert [(s - off, e - off, eid) for s, e, eid in got if off <= s < off + len(_PARAGRAPH)] == per_paragraph
    for s, e, _eid in got:  # every span indexes the whole text
        assert n.text[s:e].strip() == n.text[s:e] and n.text[s:e]
    assert any(n.text[s:e] == "Wien" for s, e, _eid in got)  # the last piece too


def test_entities_of_a_long_document_span_the_original_text(linker, monkeypatch):
    monkeypatch.setattr(linker_module, "PIECE_CHARS", 400)
    text = _PARAGRAPH * 4
    d = Document(id="long", text=text, source="test", lang="de", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    ents = linker.link(d, normalize(text))
    spans = [sp for e in ents for sp in e.mentions]
    assert len({sp.start for sp in spans if sp.text == "Paris"}) == 4
    assert all(text[sp.start:sp.end] == sp.text for sp in spans)


@pytest.mark.parametrize("limit", [1, 0])
def test_pieces_rejects_a_useless_limit(limit):
    with pytest.raises(ValueError):
        pieces("abc", limit)
