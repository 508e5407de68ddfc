"""Russian: an organisation named at the end of a knowledge-base organisation's name.

"Совет Безопасности ООН", "Генеральной Ассамблеи ООН", "Парламентской ассамблеи Совета Европы": the
automaton's leftmost-longest match takes the whole name, so the organisation it belongs to (the UN, the
Council of Europe) was no mention at all. Both Russian data sets annotate that inner organisation (NEREL's
nesting; factRuEval's Org object inside an Org object: "комитетом ООН против пыток" and "ООН"), as they do
the country in "МИД России" (mentions/nested.py), and the parent organisation is data in its own right.

:func:`nested_orgs` looks at the end of each knowledge-base organisation mention of several words for
another knowledge-base organisation's name that ends where it ends and no mention covers, and returns it
as a mention whose ``nested_in`` is the outer organisation's id (events skip such mentions, as they skip
nested places). The head of a longer name ("Верховный суд" in "Верховный суд Испании") is NEREL's convention,
not factRuEval's: :func:`nested_heads` (s13 ru7) emits it as a mention of the same organisation, kind ``head``,
which the factRuEval scorer leaves out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.mentions.common import Mention, _Raw, lang_words, mentions_data

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


# -- heads -------------------------------------------------------------------------------------------------------
_HEAD_SKIP_KINDS = frozenset(["adj", "adjstem", "dem", "flag", "coref"])
_WORDS = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*", re.UNICODE)
_ADJ_POS = frozenset(["ADJF", "PRTF"])
_PROPER = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")


@lru_cache(maxsize=1)
def _head_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    d = mentions_data("ru").get("nested_heads") or {}
    return frozenset(d.get("bare") or ()), frozenset(d.get("modified") or ())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Every form of the place descriptors ("города", "штата", "области"): a place follows them, no domain."""
    from communique.mentions.orgs_ru import _parse

    out = set()
    for w in mentions_data("ru").get("place_descriptors") or ():
        for p in _parse(w)[:1]:
            out.update(f.word for f in p.lexeme)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _org_word(word: str) -> bool:
    """One of the one-word institution names of ``org_words`` ("МВД", "Минобороны", "Госдума"), in any case
    ("МИДа", "Госдумы")."""
    words = lang_words("ru", "org_words")
    w = word.lower().replace("ё", "е")
    if w in words:
        return True
    if word[:2].isupper():  # an acronym with a case ending: "МИДа", "МВД"
        return word.rstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя").lower() in words
    from communique.mentions.orgs_ru import _parse

    return any(p.normal_form.replace("ё", "е") in words for p in _parse(word)[:2])


@lru_cache(maxsize=1)
def _head_stems() -> frozenset[str]:
    """The first three letters of each head lemma: a word that starts otherwise is no head (no parse needed)."""
    bare, modified = _head_lexicon()
    return frozenset(w[:3] for w in bare | modified)


def _may_be_head(word: str) -> bool:
    return word[:3].lower().replace("ё", "е") in _head_stems()


@lru_cache(maxsize=4096)
def _not_domain(word: str) -> bool:
    """A genitive that makes a company's organ of the head, no body of its own ("совет директоров")."""
    from communique.mentions.orgs_ru import _parse

    no = frozenset((mentions_data("ru").get("nested_heads") or {}).get("not_domains") or ())
    return any(p.normal_form in no for p in _parse(word)[:2])


@lru_cache(maxsize=16384)
def _word_kind(word: str) -> tuple[str | None, bool, bool]:
    """(the head lemma the word can be a form of, or None; can it be an adjective; can it be a common noun in
    the genitive)."""
    from communique.mentions.orgs_ru import _parse

    bare, modified = _head_lexicon()
    heads = bare | modified
    head = None
    adj = gen = False
    for p in _parse(word):
        pos = p.tag.POS
        if pos == "NOUN" and head is None and p.normal_form.replace("ё", "е") in heads:
            head = p.normal_form.replace("ё", "е")
        if pos in _ADJ_POS:
            adj = True
        if pos == "NOUN" and "gent" in p.tag and not any(t in p.tag for t in _PROPER):
            gen = True
    return head, adj, gen


def _body_head(words: list[str]) -> bool:
    """Is this word sequence an institution noun phrase that names a body alone: adjectives, a head noun of the
    lexicon, and (for the heads that need one, when no adjective precedes) one common noun in the
    genitive ("министерство культуры", "Совет Безопасности", "Национальной службы здравоохранения")?"""
    bare, _ = _head_lexicon()
    if not any(_may_be_head(w) for w in words):
        return False
    for j, w in enumerate(words):
        head, adj, gen = _word_kind(w)
        if head is not None:
            domain = words[j + 1:]
            if len(domain) > 1 or not all(_word_kind(x)[2] and _word_kind(x)[0] is None and not _not_domain(x)
                                          and x.lower() not in _place_words() for x in domain):
                return False  # "комитета Совета Федерации", "прокуратура города Павия": no domain
            return bool(j or domain or head in bare)
        if not adj or w.isupper():
            return False
    return False


def _described_body(text: str, ws: list[tuple[int, int]]) -> bool:
    """Lower-case adjectives and a body's name that needs no modifier ("российское правительство",
    "национального парламента", "японским парламентом")?"""
    bare, _ = _head_lexicon()
    last = text[ws[-1][0]:ws[-1][1]]
    if not last.islower() or not _may_be_head(last) or _word_kind(last)[0] not in bare:
        return False
    return all(text[a:b].islower() and _word_kind(text[a:b])[1] and _word_kind(text[a:b])[0] is None
               and text[b:ws[i + 1][0]].isspace() for i, (a, b) in enumerate(ws[:-1]))


def nested_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """The head of a Russian organisation's name that names the body alone, as a nested mention of the same
    organisation: "Верховный суд" in "Верховный суд Испании", "правительство" in "правительство Японии",
    "министерство культуры" in "министерство культуры Польши", "МВД" in "МВД России" (NEREL annotates such a
    head a second time, inside the longer name; factRuEval does not, and its scorer leaves these out:
    evaluation/ner.py). The head must be followed, inside the name, by a complement that starts with a capital
    (a place, a person, an organisation: "правительство Медведева", "Секретариат МАГАТЭ"); it is an institution
    noun phrase of ``nested_heads`` in ``data/lang/ru/mentions.yaml`` or a one-word institution name of
    ``org_words`` ("МВД", "Госдумы"). Lower-case adjectives before a body's name that needs no modifier make
    the same nesting at the end ("правительство" in "российское правительство"). The mention carries the outer
    organisation's id, kind ``head`` and ``nested_in`` that id (events skip it)."""
    out: list[Mention] = []
    spans = None
    for o in mentions:
        if o.etype not in _ORG_TYPES or o.nested_in is not None or o.kind in _HEAD_SKIP_KINDS:
            continue
        if text.find(" ", o.start, o.end) < 0:
            continue
        if spans is None:
            spans = {(m.start, m.end) for m in mentions}
        ws = [(w.start(), w.end()) for w in _WORDS.finditer(text, o.start, o.end)]
        if 1 < len(ws) <= 4 and ws[-1][1] == o.end and _described_body(text, ws):
            # "российское правительство", "японским парламентом": lower-case adjectives before a body's name
            s, e = ws[-1]
            if (s, e) not in spans:
                out.append(Mention(s, e, o.eid, "head", o.etype, score=o.score, name=o.name, country=o.country,
                                   nested_in=o.eid))
            continue
        for k in range(1, min(len(ws), 5)):
            nxt = ws[k][0]
            if not text[nxt].isupper() or not text[ws[k - 1][1]:nxt].isspace():
                continue
            s, e = o.start, ws[k - 1][1]
            if s != ws[0][0]:
                break
            words = [text[a:b] for a, b in ws[:k]]
            ok = _body_head(words)
            if not ok and k == 1 and _org_word(words[0]):
                ok = True  # "МВД России", "ФСБ РФ", "Госдумы РФ": an institution word of ``org_words``
            if ok:
                if (s, e) not in spans:
                    out.append(Mention(s, e, o.eid, "head", o.etype, score=o.score, name=o.name, country=o.country,
                                       nested_in=o.eid))
                break
    return out
