"""What the knowledge base's persons tell about a name word (s17, qual17): whether a surname is mainly a given
name ("Mohammed", "Ahmed": a given name of more of its persons than it is a surname of), and whether a word is
a surname of any of its persons at all. Both are sets of folded words, built once per knowledge base (a
knowledge base that is another object gets its own sets)."""

from __future__ import annotations

import weakref
from functools import lru_cache
from pathlib import Path
from typing import Any

from communique.kb.fold import fold

_MAINLY: "weakref.WeakKeyDictionary[Any, frozenset[str]]" = weakref.WeakKeyDictionary()
_SURNAMES: "weakref.WeakKeyDictionary[Any, frozenset[str]]" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=1)
def shipped_given_names() -> frozenset[str]:
    """The given names of ``kb/data/first_names.txt`` (folded), without the knowledge base's own."""
    p = Path(__file__).resolve().parent.parent / "kb" / "data" / "first_names.txt"
    names: set[str] = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(fold(w) for w in line.split())
    return frozenset(names)


def mainly_given(kb: Any) -> frozenset[str]:
    """Folded surnames of the knowledge base's persons that are given names of the shipped lexicon and the given
    name of more of its persons than the surname ("mohammed": 9 against 2; "khan", "philippe" are not). Only the
    lexicon's names are counted (a small table: s17 measured a larger one in German instructions)."""
    got = _MAINLY.get(kb)
    if got is None:
        lexicon = shipped_given_names()
        first: dict[str, int] = {}
        sur: dict[str, int] = {}
        for e in kb.entities.values():
            if e.get("type") != "person":
                continue
            for f in e.get("first") or ():  # (a person's lists hold each folded word once)
                if f in lexicon:
                    first[f] = first.get(f, 0) + 1
            for w in e.get("surnames") or ():
                if w in lexicon:
                    sur[w] = sur.get(w, 0) + 1
        got = frozenset(w for w, n in sur.items() if first.get(w, 0) > n)
        _MAINLY[kb] = got
    return got


def kb_surnames(kb: Any) -> frozenset[str]:
    """Every folded surname (in every script the knowledge base spells it) of the knowledge base's persons."""
    got = _SURNAMES.get(kb)
    if got is None:
        got = frozenset(w for e in kb.entities.values() if e.get("type") == "person" for w in e.get("surnames") or ())
        _SURNAMES[kb] = got
    return got


shipped_given_names()  # read at import, before the knowledge base's large tables
