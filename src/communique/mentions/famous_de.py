"""Persons German writing names by one word (s15, de6; called from ``persons_de.person_passes``).

"als Stalin starb", "Aussprüche Luthers", "bei Homer erwähnt": historical and political figures, writers,
philosophers, scientists, artists and composers are named by their surname (or a ruler's, saint's or poet's
single name) with no cue at all, and most of these names are in no list of ours (the surname lists come from
name generators of living populations; "Hitler" is even a noun to the German dictionary). ``data/lang/de/
famous.txt`` lists such persons from general knowledge; a capitalised token that is one of them or its genitive
("Goethes", "Luthers") and that no other pass took is a person, with the tests of ``capnames_de._listed_surnames``:
not in a compound ("Goethe-Institut", "Luther-Bibel"), not after a slash or before an apostrophe, not the end of a
longer name ("Johann Wolfgang Goethe" is the other passes' work), not before another name word ("Homer
Simpson") and not the surname of a person the document names in full (the linker's surname pass links it to
that person); two listed names side by side are one ("Jesus Christus").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from communique.mentions.common import LANG_DIR
from communique.mentions.titled_de import _CAP_TOKEN


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    p = LANG_DIR / "de" / "famous.txt"
    if not p.exists():
        return frozenset()
    return frozenset(x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def famous_forms() -> frozenset[str]:
    """The listed names and their genitives in -s (not after s, x, z, ß: "Sokrates", "Marx" take an apostrophe)."""
    names = _names()
    return names | frozenset(n + "s" for n in names if n[-1] not in "sxzß")


def famous_persons(text: str, out: list, make: Callable[..., Any], capset: set[str] | None = None) -> list:
    """``out`` with a new person for each listed name no mention covers (the module docstring's tests)."""
    forms = famous_forms()
    if capset is None:
        capset = set(_CAP_TOKEN.findall(text))
    words = capset & forms
    if not words:
        return out
    from communique.mentions import capnames_de as cd  # (capnames_de imports persons_de, which imports this)

    taken = [(m.start, m.end) for m in out]
    # surnames of the document's persons named in full: the linker's surname pass links the lone word to that
    # person ("Joseph Goebbels ... Goebbels")
    full = {text[m.start:m.end].rsplit(None, 1)[-1] for m in out if m.etype == "person" and " " in text[m.start:m.end]}
    new = []
    last = -1
    for s, e, w in sorted(cd._token_spans(text, words)):
        if s < last or any(a < e and s < b for a, b in taken) or w in full or w[:-1] in full:
            continue
        if text[e:e + 1] in ("’", "'", "/") or (s and text[s - 1] == "/") or cd._HYPHEN_NEXT.match(text, e):
            continue
        lt = cd._left_token(text, s)
        if lt and lt[1] not in forms and not cd._sentence_initial(text, lt[0]) and not cd._cue_word(lt[1]) \
                and cd._name_part(lt[1]):
            continue  # the end of a longer name
        rt = cd._RIGHT_TOK.match(text, e)
        if rt:
            if rt.group(1) in forms and not any(a < rt.end(1) and rt.start(1) < b for a, b in taken):
                e = rt.end(1)  # "Jesus Christus"
            elif cd._name_part(rt.group(1)):
                continue  # "Homer Simpson": a longer name
        if cd._HYPHEN_NEXT.match(text, e):
            continue
        name = text[s:e]
        if name.endswith("s") and name[:-1] in forms and name not in _names():
            name = name[:-1]  # the genitive names the person ("Goethes": Goethe)
        new.append(make(s, e, "person", name))
        last = e
    return out + new if new else out
