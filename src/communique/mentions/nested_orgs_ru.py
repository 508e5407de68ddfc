"""Russian: an organisation named at the end of a knowledge-base organisation's name.

"Совет Безопасности ООН", "Генеральной Ассамблеи ООН", "Парламентской ассамблеи Совета Европы": the
automaton's leftmost-longest match takes the whole name, so the organisation it belongs to (the UN, the
Council of Europe) was no mention at all. Both Russian data sets annotate that inner organisation (NEREL's
nesting; factRuEval's Org object inside an Org object: "комитетом ООН против пыток" and "ООН"), as they do
the country in "МИД России" (mentions/nested.py), and the parent organisation is data in its own right.

:func:`nested_orgs` looks at the end of each knowledge-base organisation mention of several words for
another knowledge-base organisation's name that ends where it ends and no mention covers, and returns it
as a mention whose ``nested_in`` is the outer organisation's id (events skip such mentions, as they skip
nested places). Only the tail: a head inside a longer name ("Верховный суд" in "Верховный суд Испании") is
NEREL's convention, not factRuEval's, and no separate name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.mentions.common import Mention, _Raw

if TYPE_CHECKING:
    from communique.mentions.linker import MentionLinker

_ORG_TYPES = frozenset(["organization", "group"])


def nested_orgs(linker: "MentionLinker", text: str, ft: str, mentions: list[Mention],
                doc_countries: dict[str, int], day: str | None) -> list[Mention]:
    """Organisation mentions at the end of knowledge-base organisation mentions (offsets in the normalised
    ``text``; ``ft`` its fold)."""
    ents = linker.kb.entities
    out: list[Mention] = []
    spans = None
    for o in mentions:
        if o.etype not in _ORG_TYPES or not o.eid.startswith("kb:") or o.nested_in is not None:
            continue
        sp = text.find(" ", o.start, o.end)
        if sp < 0:
            continue
        if spans is None:
            spans = {(m.start, m.end) for m in mentions}
        # the longest tail that is a name of another organisation: scan from each later word
        pos = sp + 1
        while 0 < pos < o.end:
            hit = None
            for r in linker._scan(text, ft, "ru", pos, o.end, 0):
                if r.start == pos and r.end == o.end:
                    cands = [c for c in r.cands if c[0] != o.eid and (ents.get(c[0]) or {}).get("type") in _ORG_TYPES]
                    if cands:
                        hit = _Raw(r.start, r.end, cands)
                    break
            if hit is not None:
                if (hit.start, hit.end) not in spans:
                    m = linker._resolve(hit, [hit], 0, text, ft, doc_countries, set(), day, "ru", None)
                    if m is not None and m.etype in _ORG_TYPES and m.eid != o.eid:
                        out.append(Mention(m.start, m.end, m.eid, m.kind, m.etype, score=m.score, nested_in=o.eid))
                break
            nxt = text.find(" ", pos, o.end)
            pos = nxt + 1 if nxt >= 0 else -1
    return out
