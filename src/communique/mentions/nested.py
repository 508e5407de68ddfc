"""Country and place names nested inside organisation names.

"МИД России", "Министерство иностранных дел Республики Беларусь", "Ministry of Foreign Affairs of
Belarus", "le ministère russe": the linker emits the organisation (a knowledge-base name or a span
built by the organisation passes) and, before this pass, no mention of the place it contains, because
the automaton's leftmost-longest match takes the whole name. Nested annotation (NEREL) and factRuEval
tag that inner country or place as a location, and the place is data in its own right.

:func:`nested_places` looks inside each organisation mention for country and place names the linker
did not emit, with the linker's own automaton, endings and choice among candidates, and returns them
as mentions whose ``nested_in`` is the id of the organisation they lie in. They come
after the other mentions of :meth:`MentionLinker.find`, so that they change neither the order of the
other entities nor anything the other passes decide. :meth:`MentionLinker.to_entities` writes them as
:class:`~communique.model.Span` with ``nested_in`` (``"nested_in": ORG_ID`` in the mention's JSON, a field
OUTPUT.md allows).

What consumes the entities must decide whether a nested mention counts: the event stage skips them
(a country named only inside "МИД России" is no participant, host or place of an event: the
organisation already carries its ``country``), and ``eval ner`` scores them only for the data sets
that annotate nesting (NEREL, factRuEval; not GermEval's outer column nor CoNLL).

Place names inside organisation spans that the organisation passes already emitted as mentions of
their own ("Перу" in "власти Перу", "Испании" in "Верховный суд Испании": ``orgs_ru``) stay ordinary
mentions, as before: events use them today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.mentions.common import Mention, _Coverage, _Raw

if TYPE_CHECKING:
    from communique.mentions.linker import MentionLinker

# the organisation-like types whose names may contain a place, and the types of what is looked for
_ORG_TYPES = frozenset(["organization", "group"])
_PLACE_TYPES = frozenset(["country", "place"])
# candidate kinds that do not name a place inside a name (a flag emoji, a plural of people)
_SKIP_KINDS = frozenset(["flag", "dem"])
# a small place inside an organisation's name is taken only if it is this large, a capital or in a
# country the document names: "Волжская сталь" is not a village named Volzhskaya
_MIN_POP = 100_000


def _leftmost_longest(raws: list[_Raw]) -> list[_Raw]:
    if len(raws) < 2:
        return raws
    raws.sort(key=lambda r: (r.start, r.start - r.end))
    out: list[_Raw] = []
    for r in raws:
        if not out or r.start >= out[-1].end:
            out.append(r)
    return out


def _inside_name(linker: "MentionLinker", text: str, ft: str, lang: str, a: int, b: int, depth: int) -> list[_Raw]:
    """What a multiword name ``a:b`` that is no place itself hides (the organisation's own name,
    "министерство иностранных дел ..."): the matches without its last word ("Russian Foreign
    Ministry", "New York Times") and without its first ("... Республики Беларусь"), the longest
    leftmost winning."""
    sp = ft.find(" ", a, b)
    if sp < 0:
        return []
    return _leftmost_longest(_inner_raws(linker, text, ft, lang, a, ft.rfind(" ", a, b), depth + 1)
                             + _inner_raws(linker, text, ft, lang, sp + 1, b, depth + 1))


def _inner_raws(linker: "MentionLinker", text: str, ft: str, lang: str, a: int, b: int, depth: int = 0) -> list[_Raw]:
    """Accepted knowledge-base matches with a country or place candidate inside ``a:b`` (a match with
    none that spans several words is looked into: :func:`_inside_name`, two levels deep)."""
    ents = linker.kb.entities
    out: list[_Raw] = []
    for r in _leftmost_longest(linker._scan(text, ft, lang, a, b, 0)):
        if r.end > b:
            continue
        cands = [c for c in r.cands if c[1] not in _SKIP_KINDS and ents[c[0]]["type"] in _PLACE_TYPES]
        if cands:
            out.append(_Raw(r.start, r.end, cands))
        elif depth < 2:
            out.extend(_inside_name(linker, text, ft, lang, r.start, r.end, depth))
    return out


def _place_ok(e: dict, r: _Raw, m: Mention, text: str, lang: str, doc_countries: dict[str, int]) -> bool:
    """A town or region inside an organisation's name: organisation names are full of people's and
    brands' names ("Музей Гоголя", "Victoria's Secret"), so a place needs more than in running
    text: not a person's name nor an alternate name or common word of a small place, not a Latin-script
    name inside a Cyrillic text (a foreign brand written as such), and large, a capital or in a
    country the document names."""
    flags = next((f for eid, _k, f in r.cands if eid == m.eid), "")
    pop = e.get("population") or 0
    if "n" in flags or "x" in flags or ("c" in flags and pop < 1_000_000):
        return False
    if lang == "ru" and text[m.start:m.end].isascii():
        return False
    return bool(e.get("capital") or pop >= _MIN_POP or e.get("country") in doc_countries or e["id"].startswith("kb:place/"))


def nested_places(linker: "MentionLinker", text: str, ft: str, lang: str, mentions: list[Mention],
                  doc_countries: dict[str, int], day: str | None) -> list[Mention]:
    """Country and place mentions inside the organisation mentions of ``mentions`` that no mention
    covers yet, innermost organisation first (offsets in the normalised ``text``; ``ft`` its fold)."""
    orgs = [m for m in mentions if m.etype in _ORG_TYPES and " " in text[m.start:m.end]]
    if not orgs:
        return []
    orgs.sort(key=lambda m: (m.end - m.start, m.start))
    ents = linker.kb.entities
    taken: _Coverage | None = None
    out: list[Mention] = []
    for o in orgs:
        # a knowledge-base organisation's span is its own name: no need to find it again
        raws = (_inside_name(linker, text, ft, lang, o.start, o.end, 0) if o.eid.startswith("kb:")
                else _inner_raws(linker, text, ft, lang, o.start, o.end))
        for r in raws:
            if taken is None:
                taken = _Coverage([m for m in mentions if m.etype not in _ORG_TYPES])
            if (r.start, r.end) == (o.start, o.end) or taken.overlaps(r.start, r.end):
                continue
            if text[r.end:r.end + 1] == "-" or text[r.start - 1:r.start] == "-":
                continue  # part of a compound word ("Agence France-Presse"), not a name of its own
            m = linker._resolve(r, [r], 0, text, ft, doc_countries, set(), day, lang, None)
            if m is None or m.etype not in _PLACE_TYPES:
                continue
            if m.etype == "place" and not _place_ok(ents[m.eid], r, m, text, lang, doc_countries):
                continue
            out.append(Mention(m.start, m.end, m.eid, m.kind, m.etype, score=m.score, nested_in=o.eid))
            taken.add(m.start, m.end)
    out.sort(key=lambda m: (m.start, m.end))
    return out
