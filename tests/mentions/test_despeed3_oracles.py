"""s12 round three (despeed3): each shortcut against the plain path it replaces."""

from __future__ import annotations

import random

import pytest


from communique.kb.build import COUNTRY_OFFICES, office_index
from communique.kb.fold import _TABLE, fold, fold_text
from communique.mentions import roles


@pytest.fixture(scope="module")
def kb(linker):
    return linker.kb


def _strings(pool: list[int], n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    return ["".join(chr(r.choice(pool)) for _ in range(r.randint(0, 90))) for _ in range(n)]


@pytest.mark.parametrize("pool", [
    list(range(1, 256)),  # Latin-1 only: the byte path
    list(range(32, 128)) + [0x201E, 0x201C, 0x2013, 0x2019, 0x141, 0x17A, 0x160, 0x1FEF, 0x60],  # a few wide characters
    list(range(32, 0x2200)),  # anything in the folded scripts
    list(range(32, 128)) + [0x430, 0x3B1, 0x4E2D, 0xD800, 0x1F600, 0x2013],  # Cyrillic, Greek, CJK, a surrogate, emoji
])
def test_fold_text_matches_fold(pool: list[int]) -> None:
    for t in _strings(pool, 3000, len(pool)):
        assert fold_text(t) == fold(t), repr(t)


def test_fold_text_of_every_character_in_a_text() -> None:
    # each character once inside a Latin-1 text long enough for the byte path
    for c in range(0x2200):
        t = "Abc Straße, Zoë " + chr(c) + " „Wort“ – Ende"
        assert fold_text(t) == fold(t), hex(c)


def test_fold_keeps_invented_text() -> None:
    t = "Die Außenministerin traf in Łódź den Präsidenten „Müller“ – und ÉRIC sagte `ja´."
    assert fold_text(t) == t.translate(_TABLE)
    assert fold_text(t).startswith("die außenministerin traf in łodz")  # ß kept; Ł is no Latin-1 letter: translated
    assert len(fold_text(t)) == len(t)


def test_office_index_of_the_build_is_the_one_built_from_the_records(kb) -> None:
    assert kb._office_index is not None
    assert kb._office_index == office_index(kb.entities)
    # and the same as the linker's old per-process construction
    old: dict = {}
    for eid, e in kb.entities.items():
        if e.get("type") != "person":
            continue
        for t in e.get("terms") or ():
            if t.get("office") in COUNTRY_OFFICES and t.get("country"):
                old.setdefault((t["office"], t["country"]), []).append((t.get("start") or "0000", t.get("end"), eid))
    assert kb._office_index == old
    assert roles.holders(kb) is kb._office_index


def test_holders_built_on_first_use_without_a_built_index(kb) -> None:
    class Bare:
        entities = kb.entities
    bare = Bare()
    assert roles.holders(bare) == kb._office_index
    assert roles.holder_on(bare, "foreign_minister", "RU", "2024-11-20") == roles.holder_on(kb, "foreign_minister", "RU", "2024-11-20")


def _reference(text: str) -> str:
    """The fold before the memo: translate with the plain table or, for a character outside it, the full one."""
    from communique.kb.fold import _OUTSIDE, _PLAIN
    return text.translate(_PLAIN) if _OUTSIDE.search(text) is None else text.translate(_TABLE)


def test_fold_memo_gives_the_translation(monkeypatch) -> None:
    import sys

    fold_module = sys.modules["communique.kb.fold"]
    monkeypatch.setattr(fold_module, "_MEMO", {})
    monkeypatch.setattr(fold_module, "_MEMO_MAX", 50)  # cleared often
    words = _strings(list(range(32, 0x500)) + [0x201E, 0x2013, 0x4E2D, 0x1FEF], 400, 7)
    for _round in range(3):  # the second and third time from the memo (or again after a clearing)
        for w in words:
            assert fold(w) == _reference(w), repr(w)
    assert len(fold_module._MEMO) <= 50
    long_text = "Österreich " * 10
    assert fold(long_text) == _reference(long_text) and long_text not in fold_module._MEMO
