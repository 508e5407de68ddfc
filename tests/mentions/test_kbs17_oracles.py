"""s17 German linking speed (kbs17): each shortcut in mentions/places.py, mentions/matching.py and kb/ against the
plain path it replaced (kept here as the oracle), on invented text (hypothesis over pieces that make the shapes
likely)."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from communique.mentions.common import _word_before_in
from communique.mentions.places import PLACE_PREPS, _prep_gaps

_LANGS = ("de", "en", "fr", "es", "ru", "it")
# prepositions of every language in several cases, letters whose lower case is special (İ ı ſ K), blanks of
# several kinds, newlines, letters and punctuation
_PIECES = st.sampled_from([
    "in", "In", "IN", "İn", "ın", "bei", "Bei", "nach", "NACH", "nahe", "aus", "von", "Von", "of", "near", "Near",
    "outside", "à", "À", "de", "De", "près", "PRÈS", "dans", "en", "EN", "a", "A", "desde", "hacia", "в", "В", "во",
    "из", "Из", "под", "около", "возле", "Berlin", "Latein", "Hainan", "x", "ſ", "K", "Mainz", "Trier",
    " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n", " \n", ", ", ".", "-", "'", "7",
])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _hspace(ch: str) -> bool:
    return ch.isspace() and ch != "\n"


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_prep_gaps_cover_every_preposition_cue(text: str) -> None:
    """``PlaceContext.unmatched`` asks ``_word_before_in`` only at the positions ``_prep_gaps`` gives: every
    position (whose own character is no blank other than a newline) where it holds must be among them."""
    for lang in _LANGS:
        preps = PLACE_PREPS.get(lang, frozenset())
        longest = max(map(len, preps), default=0)
        gaps = _prep_gaps(text, lang)
        for s in range(len(text) + 1):
            if s < len(text) and _hspace(text[s]):
                continue
            if _word_before_in(text, s, preps, longest):
                assert s in gaps, (text, s, lang)


def test_prep_gaps_examples() -> None:
    text = "Ein Fest in  Mainz, später nahe \nTrier; INTRIER und Latein Bonn"
    gaps = _prep_gaps(text, "de")
    for word in ("Mainz", "Trier"):
        s = text.index(word)
        assert s in gaps and _word_before_in(text, s, PLACE_PREPS["de"], 4)
    s = text.index("Bonn")  # "Latein" ends with "in": a candidate, which the full test rejects
    assert s in gaps and not _word_before_in(text, s, PLACE_PREPS["de"], 4)
    assert _prep_gaps(text, "it") == set()


# -- the matcher: a lower-case match of a pattern no candidate of which is taken in lower case ----------------------

def _linker():
    from communique.mentions import MentionLinker

    return MentionLinker(use_natasha=False)


_LOWER_TEXTS = st.tuples(
    st.sampled_from(["", "Der ", "und ", ". ", "\n", "„", "- ", "im ", "la ", "the ", "в "]),
    st.sampled_from(["", "s", "n", "en", "es", "er", "ов", "ами", "e", "o", "'s", "-", "x", "ische"]),
    st.sampled_from(["", " sagte", ", ", ".", " Berlin", "-Ost", " der"]),
)


def test_lower_dead_patterns_are_rejected_by_accept() -> None:
    """Every pattern ``_lower_dead`` marks dead: ``_accept`` keeps nothing where the match is written in lower case
    and starts with a letter (several contexts and endings, five languages); the patterns are a fixed sample of the
    knowledge base's (every kind of candidate, flagged or not) and its lower-case-only names."""
    import random

    from communique.mentions.matching import _lower_dead

    linker = _linker()
    kb = linker.kb
    rng = random.Random(17)
    picks = rng.sample(range(len(kb.patterns)), 3000)
    # patterns with an acronym, an adjective, a common-word flag or an organisation's name among their candidates
    picks += [i for i, cands in enumerate(kb.candidates)
              if any(k in ("acr", "adj", "adjstem", "dem", "flag", "sur", "stemsur") or "c" in f or "l" in f
                     or e.startswith("kb:org/") for e, k, f in cands)][:4000]
    checked = 0
    for pidx in picks:
        pat = kb.patterns[pidx]
        if not pat[:1].isalpha() or not pat.islower() or not _lower_dead(kb, pidx):
            continue
        for before, rest, after in (("", "", ""), ("Der ", "s", " sagte"), ("und ", "en", ", "), (". ", "", " Berlin"),
                                    ("im ", "ов", "."), ("\n", "e", "-Ost")):
            text = before + pat + rest + after
            s, e = len(before), len(before) + len(pat)
            for lang in ("de", "en", "es", "fr", "ru"):
                assert linker._accept(text, text, lang, pidx, s, e) == [], (pat, text, lang)
                checked += 1
    assert checked > 1000


def test_lower_dead_keeps_taken_lower_case_words() -> None:
    """Patterns whose lower-case matches can be taken are not dead: a country word ("deutschen") is linked."""
    from communique.mentions.matching import _lower_dead

    linker = _linker()
    kb = linker.kb
    alive = [i for i, cands in enumerate(kb.candidates) if any(k == "adj" and "c" not in f for _e, k, f in cands)]
    assert alive and not any(_lower_dead(kb, i) for i in alive[:200])
    text = "Die deutschen Truppen zogen ab."
    assert any(m.eid == "kb:country/DE" and m.kind in ("adj", "dem") for m in _find(linker, text, "de"))


def _find(linker, text: str, lang: str):
    from datetime import datetime, timezone

    from communique.documents import Document
    from communique.normalize import normalize

    doc = Document(id="t", text=text, source="t", lang=lang, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    return linker.find(doc, normalize(text))


# -- PlaceContext.unmatched: the preposition cue only at _prep_gaps, runs without a cue left for later --------------

import bisect  # noqa: E402
import copy  # noqa: E402
import re  # noqa: E402

from communique.kb.fold import fold  # noqa: E402
from communique.mentions.places import _list_before, _raw_at, _raw_index  # noqa: E402


def _unmatched_s16(self, mentions: list, common) -> list[tuple[int, int, str]]:
    """``PlaceContext.unmatched`` at a580cbf (before s17): the oracle."""
    out: list[tuple[int, int, str]] = []
    spans = sorted((m.start, m.end) for m in mentions)
    for s, (e, eid) in self.abbr_mentions.items():
        if not any(a < e and s < b for a, b in spans):
            out.append((s, e, eid))
            spans.append((s, e))
    if not self.evidence and not self.explicit and not self.points:
        return out
    ents = self.kb.entities
    preps = PLACE_PREPS.get(self.lang, frozenset())
    text = self.text
    place_ends = sorted(m.end for m in mentions if m.etype in ("place", "country"))
    covered = bytearray(len(text) + 1)
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    runs = []
    at = _raw_index(self.raws)
    longest = max(map(len, preps), default=0)
    for s, e in self._caprun_spans():
        if covered.find(1, s, e) >= 0:
            continue
        k = bisect.bisect_left(place_ends, s - 6)  # a place ending at most 6 characters before
        cue = (k < len(place_ends) and place_ends[k] <= s and _list_before(text, s)) or _word_before_in(text, s, preps, longest)
        if not cue and text[e:e + 1] != "," and text[s + 1:s + 2].islower():
            # the loop below would look nothing up: no cue, no comma after the run, and no prefix of it in
            # capitals (its first word, two characters or more, has a lower-case second one); words later
            runs.append((s, e, None, None, None, cue))
            continue
        words = text[s:e].split()
        for k in range(len(words), 0, -1):  # the longest prefix of the run that names a small place
            ee = s + len(" ".join(words[:k]))
            if k < len(words) and not text[ee:ee + 1].isspace():
                continue
            if not cue and text[ee:ee + 1] != "," and not text[s:ee].isupper():
                continue  # neither a cue before nor "Name, Region" after: checked later by name only
            surface = text[s:ee]
            cands = self.kb.small_places(fold(surface))
            if cands:
                explicit = self._after_comma(ee, _raw_at(self.raws, self.ft, ee, at))
                runs.append((s, ee, surface, cands, explicit, cue))
                break
        else:
            runs.append((s, e, None, words, None, cue))
    # one sense per discourse: "Churchill, Man." once makes every "Churchill" that town
    named: dict[str, set] = {}
    for s, ee, surface, cands, explicit, cue in runs:
        if surface is not None and explicit:
            named.setdefault(fold(surface), set()).update(explicit)
    pending = [x for x in runs if x[2] is None]  # no cue: a place only if decided elsewhere in the document
    runs = [x for x in runs if x[2] is not None]
    decided: dict[str, str] = {}
    for s, ee, surface, cands, explicit, cue in runs:
        key = fold(surface)
        ex = named.get(key)
        if ex:
            hits = [c for c in cands if (ents[c]["country"], ents[c].get("admin1")) in ex]
            if hits:
                decided[key] = max(hits, key=lambda c: ents[c].get("population") or 0)
            continue
        if surface.isupper() or key in decided:
            continue
        next_cap = re.match(r"[^\S\n]+[A-Z]", text[ee:ee + 3])
        if not cue or next_cap or (" " not in surface and common(surface)):
            continue
        sup = [(self.support(ents[c], ""), ents[c].get("population") or 0, c) for c in cands]
        sup = [x for x in sup if x[0] > 0]
        if sup:
            decided[key] = max(sup)[2]
    if not decided:
        return out
    for s, _e, _n, words, _x, _c in pending:
        if words is None:
            words = text[s:_e].split()
        for k in range(len(words), 0, -1):
            key = fold(" ".join(words[:k]))
            if key in decided:
                runs.append((s, s + len(" ".join(words[:k])), key, None, None, False))
                break
    for s, ee, surface, cands, explicit, cue in runs:
        eid = decided.get(fold(surface))
        if eid and not any(a < ee and s < b for a, b in spans):
            out.append((s, ee, eid))
            spans.append((s, ee))
    return out



_PLACE_TEXTS = st.lists(st.sampled_from([
    "Der Besuch in ", "Sie kamen aus ", "nahe ", "bei ", "von ", "und ", ", ", ". ", "\n", " ", "the visit to ",
    "near ", "outside ", "en ", "de ", "cerca de ", "Berlin", "Springfield", "Hugo", "Oklahoma", "Texas", "Ky.",
    "Paris", "Dover", "Georgetown", "Mount Sheridan", "Bad Tölz", "Neustadt", "Hinton", "McKee", "Churchill",
    "Manitoba", "Kentucky", "Ontario", "USA", "Die Stadt", "Rathaus", "Kirche", "Lager", "Brücke", "Wien",
    "Bonn", "Regierung", "sagte", "said", "Mittwoch", "EDMONTON", "LONDON", " — ", "-", "O'Neill",
]), max_size=18).map("".join)


@settings(max_examples=120, deadline=None)
@given(_PLACE_TEXTS, st.sampled_from(["de", "en", "es"]))
@example("Hugo, Oklahoma. Dann sagte Hugo nichts. In Hugo Paris sagte", "de")  # a decided name, runs left for later
@example("HUGO, Okla. — Visitors to Hugo Springs said Hugo is near Paris, Texas and Hugo", "en")
@example("they said that the visit was long and that it went on and on for weeks, near Hugo, Oklahoma, and in Hugo",
         "en")  # few runs for its length: _word_before_in asked at each run, no _prep_gaps scan
@example("es la visita de los de la ciudad que se fue a la costa durante semanas, cerca de Hugo, Oklahoma y en Hugo",
         "es")
def test_unmatched_as_before(text: str, lang: str) -> None:
    """``PlaceContext.unmatched`` gives what the s16 code gave, for two contexts built alike from the linker's state."""
    from datetime import datetime, timezone

    from communique.documents import Document
    from communique.kb.fold import fold_text
    from communique.mentions.places import PlaceContext
    from communique.normalize import normalize

    linker = _linker()
    norm = normalize(text)
    t = norm.text
    ft = fold_text(t)
    raws = linker._raw_matches(t, ft, lang)
    doc = Document(id="t", text=text, source="t", lang=lang, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    mentions = linker.find(doc, norm)
    ents = linker.kb.entities
    countries: dict[str, int] = {}
    for r in raws:
        for eid, _k, _f in r.cands:
            if ents[eid]["type"] == "country" and ents[eid].get("country"):
                countries[ents[eid]["country"]] = countries.get(ents[eid]["country"], 0) + 1
    a = PlaceContext(linker.kb, copy.deepcopy(raws), t, ft, lang, dict(countries))
    b = PlaceContext(linker.kb, copy.deepcopy(raws), t, ft, lang, dict(countries))
    a.add_small_candidates()
    b.add_small_candidates()
    common = lambda w: w.lower() in ("die", "stadt", "lager", "the", "said")  # noqa: E731
    assert a.unmatched(mentions, common) == _unmatched_s16(b, mentions, common)
