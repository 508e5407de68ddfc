"""Sentence boundaries that survive initials (С.В. Лавров), ordinals (21. November) and abbreviations."""

from __future__ import annotations

import regex

_END = regex.compile(r"[.!?…]+[\"»”’)]*(?=\s+|$)|\n+")
_ABBREV = frozenset(
    "dr prof mr mrs ms st nr no vs etc z.b bzw ca usw u.a gen г гг т.е т.д т.п др им ул пр см ср св "
    "sr sra av art abs inc ltd co jr mme mlle m".split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of sentences; whitespace between them is excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if "\n" not in m.group() and not _is_boundary(text, m.start(), end):
            continue
        _emit(text, start, end, spans)
        start = end
    if start < n:
        _emit(text, start, n, spans)
    return spans


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_boundary(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    # the word before the dot
    i = dot
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot]
    bare = word.strip("(«\"'").lower()
    if len(bare) == 1 and bare.isalpha():  # initial: "С." "S."
        return False
    if bare.isdigit():  # "21. November"
        nxt = text[end:].lstrip()[:1]
        return bool(nxt) and nxt.isupper() and not _is_month_like(text[end:].lstrip())
    if bare in _ABBREV or regex.fullmatch(r"(?:\p{L}\.)+\p{L}?", bare):
        return False
    nxt = text[end:].lstrip()[:1]
    if nxt and nxt.islower():
        return False
    return True


_MONTHS = regex.compile(
    r"(?i)(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек)"
)


def _is_month_like(s: str) -> bool:
    return bool(_MONTHS.match(s[:3]))
