"""Links, hashtags and @mentions, with glued URLs split apart."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"'«»()\[\]{}]+", regex.IGNORECASE)
_SCHEME = regex.compile(r"(?:https?://|www\.)", regex.IGNORECASE)
_TRAILING = ".,;:!?…)»\"'"
_HASHTAG = regex.compile(r"(?<![\w#])#(\w*\p{L}\w*)")
_MENTION = regex.compile(r"(?<![\w@/.])@([A-Za-z][A-Za-z0-9_]{3,31})\b")


@dataclass(slots=True, frozen=True)
class Link:
    start: int
    end: int
    text: str


def split_glued_urls(candidate: str) -> list[tuple[int, int]]:
    """Split a run like ``https://a/x/https://t.me/y`` into its URLs; offsets are relative."""
    starts = [m.start() for m in _SCHEME.finditer(candidate)]
    # "www." right after "://" belongs to the same URL.
    starts = [s for s in starts if not (candidate[s:s + 4].lower() == "www." and candidate[max(0, s - 3):s] == "://")]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(candidate)
        while e > s and candidate[e - 1] in _TRAILING:
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def find_links(text: str) -> list[Link]:
    links: list[Link] = []
    for m in _URL.finditer(text):
        for s, e in split_glued_urls(m.group()):
            links.append(Link(m.start() + s, m.start() + e, text[m.start() + s:m.start() + e]))
    return links


def find_hashtags(text: str) -> list[Link]:
    return [Link(m.start(), m.end(), m.group(1)) for m in _HASHTAG.finditer(text)]


def find_mentions(text: str) -> list[Link]:
    return [Link(m.start(), m.end(), m.group(1)) for m in _MENTION.finditer(text)]
