"""s15 (spdcap3): the shortcuts of capnames.cap_names give the answers of the plain tests they replaced
(invented words and text; hypothesis where the input is textual)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from communique.kb.fold import fold
from communique.mentions import capnames
from communique.mentions.capnames import (
    _UNLESS_INITIAL, _first_words, _loose_word, _prev_words, _sentence_initial, _with_given, cap_lexicon,
)

_FIRST = frozenset(map(fold, ["Lucía", "Tomás", "Iker", "Rosa", "Nieves"]))  # "Rosa", "Nieves": ordinary words too
_WORDS = ["Lucía", "Tomás", "Rosa", "Nieves", "Casa", "casa", "Mesa", "Zumbalinda", "Perolo", "ONU", "O", "El", "La",
          "De", "Del", "Por", "Para", "Sin", "Universidad", "Ministerio", "XVI", "Á", "Ñandú", "Über", "Ley", "Río"]


def _plain_loose(text: str, s: int, word: str, lex, first) -> bool:
    """The Spanish ``_nameish`` at f03dee0 (the oracle)."""
    if not word[:1].isupper() or word.lower() in lex.stop:
        return False
    if word.isupper():
        return len(word) >= 2
    if fold(word) in first:
        return True
    if _sentence_initial(text, s):
        return not capnames._known_lower(word, "es")
    return True


def _from_memo(code, text: str, s: int) -> bool:
    return (not _sentence_initial(text, s)) if code is _UNLESS_INITIAL else code


def test_loose_word_is_nameish_in_and_at_the_start_of_a_sentence():
    lex = cap_lexicon("es")
    for w in _WORDS + [w.lower() for w in _WORDS] + [w.upper() for w in _WORDS]:
        for text, s in (("Ayer vino " + w, 10), (w + " vino ayer", 0), ("Se fue. " + w, 8), ("« " + w, 2),
                        ("dijo: " + w, 6), ("\n" + w, 1)):
            want = _plain_loose(text, s, w, lex, _FIRST)
            assert _from_memo(_loose_word(w, "es", lex, _FIRST), text, s) == want, (w, text)


_ES = "abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ES, min_size=1, max_size=12), st.sampled_from(["", "Un día ", "Luego. ", "¿ ", "ella y "]))
def test_loose_word_on_invented_words(w: str, before: str):
    lex = cap_lexicon("es")
    text = before + w + " llegó"
    s = len(before)
    assert _from_memo(_loose_word(w, "es", lex, _FIRST), text, s) == _plain_loose(text, s, w, lex, _FIRST)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ES + "ΣσςİI", min_size=1, max_size=6), st.text(alphabet=_ES + "Σ", min_size=1, max_size=6))
def test_first_words_filter_the_phrases(a: str, b: str):
    """A pair of tokens joined by a space is a particle or connector only if the first token's lower case is
    among the first words (the filter of cap_names before it joins and looks up)."""
    for lang in ("es", "de"):
        lex = cap_lexicon(lang)
        for phrases, firsts in ((lex.surname_particles, lex.particle_firsts),
                                (lex.connectors | lex.org_connectors, lex.connector_firsts)):
            assert firsts == _first_words(phrases)
            for x, y in ((a, b), ("de", b), ("De", "la"), ("del", b), ("van", "der"), ("por", "la"), (a, "la")):
                if (x + " " + y).lower() in phrases or x.lower() in phrases:
                    assert x.lower() in firsts, (x, y)


def test_first_words_of_the_listed_phrases():
    lex = cap_lexicon("es")
    for p in lex.surname_particles:
        w = p.split(" ")
        assert w[0].capitalize().lower() in lex.particle_firsts
        assert " ".join(x.capitalize() if i == 0 else x for i, x in enumerate(w)).lower() in lex.surname_particles
    for p in lex.connectors | lex.org_connectors:
        assert p.split(" ")[0] in lex.connector_firsts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeñáÁBC ,.;:()\"'’-\n0123", max_size=90), st.integers(min_value=0, max_value=90))
def test_last_of_four_previous_words_is_last_of_three(text: str, s: int):
    s = min(s, len(text))
    three, four = _prev_words(text, s, 3), _prev_words(text, s, 4)
    assert three == four[-3:]
    assert bool(three) == bool(four) and three[-1:] == four[-1:]


def test_with_given_is_the_union_made_once():
    a = frozenset(["ana", "luis"])
    b = frozenset(["paco", "ana"])
    u = _with_given(a, b)
    assert u == a | b
    assert _with_given(a, b) is u
    c = frozenset(["pepe"])
    assert _with_given(a, c) == a | c
    for k in range(20):  # bounded
        _with_given(frozenset([str(k)]), b)
    assert len(capnames._WITH_GIVEN) <= 8
    assert _with_given(a, b) == a | b


_DE_TEXTS = [
    "Die Mannschaft von Trainer Jupp Kowalczyk gewann in Großkleinhausen , danach sprach Bürgermeisterin Ilse Brandauer .",
    "Der Vorstand der Stadtwerke Oberfelden AG traf die Senatorin . Die Zeitung schrieb über Gerhard Wollenhaupt .",
    "SCHLAGZEILE ÜBER DAS WETTER\nIn der Halle sprach Herr Quentin Vallmers mit dem Verein Eintracht Rödelheim .",
]
_ES_TEXTS = [
    "La empresa Telquimar anunció que el jugador Policarpo Ybarzábal , de la localidad de Villanubla , firmó .",
    "Casa y Mesa son palabras . Ayer De la Fuente habló con Del Valle en la Fundación Amigos del Mar .",
    "El ministro de Asuntos Exteriores Lavrov llegó a Zamborán . La Voz de Galicia publicó la noticia .",
    "Nieves Rosa dijo que la Universidad Libre de Cantalapiedra abre el Pabellón Ramiro Ledesma Quintana .",
    "TITULAR EN MAYÚSCULAS SOBRE Casa Nueva\nMesa Redonda de la Paz por la Justicia , dijo Paco Herrera .",
]
# one object for every call (the memos are kept while the given names are the same object)
_GIVEN = frozenset(map(fold, ["Jupp", "Ilse", "Gerhard", "Quentin", "Policarpo", "Ramiro", "Nieves"]))


def _cap_names_spans(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    from communique.mentions.common import Mention, _english_name
    from communique.mentions.capnames import cap_names, new_mention_factory

    got = cap_names(text, lang, [], _GIVEN, new_mention_factory(Mention, _english_name, lang))
    return [(m.start, m.end, m.eid, m.etype) for m in got]


def test_memo_and_union_change_no_answer():
    """cap_names with its word memo empty (and the union of given names new) and again with both kept gives the
    same mentions; the Spanish memo holds the sentence-dependent answer for a capitalised ordinary word."""
    texts = [(t, "de") for t in _DE_TEXTS] + [(t, "es") for t in _ES_TEXTS]
    capnames._STRICT_MEMO.clear()
    capnames._WITH_GIVEN.clear()
    cold = [_cap_names_spans(t, lang) for t, lang in texts]
    warm = [_cap_names_spans(t, lang) for t, lang in texts]
    assert cold == warm
    assert capnames._STRICT_MEMO["es"][2].get("Casa") is _UNLESS_INITIAL
    assert capnames._STRICT_MEMO["es"][2].get("Telquimar") is True
    assert any(e == "person" for spans in cold for _s, _e, _i, e in spans)
