"""s12 round three (despeed3): the token regexes rewritten with their Latin-1 members spelt out
(``common.latin1_members``) find exactly what the old ones found."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from communique.mentions import capnames, capnames_de, capnames_es, common

OLD_NEW = {
    "capnames._TOK": (re.compile(r"[^\W\d_][\w'’-]*[\w]|[^\W\d_]"), capnames._TOK),
    "common._CAPTOK": (re.compile(r"[^\W\d_a-zа-яё](?<![\w'’-].)[\w'’-]*"), common._CAPTOK),
    "capnames_de._WORD": (re.compile(r"[A-ZÄÖÜ](?<![\w-].)(?:[\w’'-]*[\w])?"), capnames_de._WORD),
    "capnames_es._WORD": (re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]"), capnames_es._WORD),
}

INVENTED = [
    "Die Außenministerin O'Neill-Brandt traf am Montag in Łódź den Präsidenten „Müller“ – und sagte: ‚Ja‘.",
    "Der SPD-Politiker (63) und die Grünen-Chefin besuchten Düsseldorf’s Altstadt; µ-Teilchen, ²-Werte, ½ Stunde.",
    "Министр Лавров и г-н Ёлкин встретились в Минске; Ярослав-2 и т. д.",
    "El ministro Pérez-Ruiz llegó a A Coruña con la U.E. y el Sr. D'Alessandro en 2024.",
    "x- -y 'a' ’b’ _c_ Ä- ÄÖÜ ß ẞ İstanbul ǅemal ᾯ Σίσυφος ÐÞ ªº",
]


def _random_texts(n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    pool = "aAzZäÄöÖüÜßéÉñÑ   ’'-_.1²½\n,„“–ЖжёЁаЯѐђ0ıİǅ\u1fefŁłµªº\u00a0\u2019"
    return ["".join(r.choice(pool) for _ in range(r.randint(0, 50))) for _ in range(n)]


def _same(old: re.Pattern, new: re.Pattern, text: str) -> None:
    assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)], text
    for i in range(len(text)):  # from every position, as a match at a position (capnames_es) uses them
        a, b = old.match(text, i), new.match(text, i)
        assert (a and a.span()) == (b and b.span()), (text, i)


@pytest.mark.parametrize("name", sorted(OLD_NEW))
def test_token_regex_matches_the_old_one(name: str) -> None:
    old, new = OLD_NEW[name]
    for t in INVENTED + _random_texts(3000, len(name)):
        _same(old, new, t)


@pytest.mark.parametrize("name", sorted(OLD_NEW))
def test_token_regex_on_every_character(name: str) -> None:
    old, new = OLD_NEW[name]
    for c in range(0x3000):
        for t in (chr(c), "A" + chr(c) + "b", "x " + chr(c) + "a-" + chr(c)):
            _same(old, new, t)


def test_token_regex_on_the_german_dev_text(shared: Path) -> None:
    text = (shared / "data/ner/germeval2014/NER-de-dev.tsv").read_text(encoding="utf-8")[:400_000]
    words = " ".join(line.split("\t")[1] for line in text.splitlines() if line.count("\t") >= 2)
    for _name, (old, new) in OLD_NEW.items():
        assert [m.span() for m in old.finditer(words)] == [m.span() for m in new.finditer(words)]


def test_latin1_members() -> None:
    assert common.latin1_members(r"[a-c]") == r"\x61\x62\x63"
    members = common.latin1_members(r"[^\W\d_]")
    assert "\\x41" in members and "\\xdf" in members and "\\x30" not in members and "\\x5f" not in members
