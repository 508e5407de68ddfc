"""A mention list that a pass edits hit by hit (replace, remove, append) with the lookups such a pass makes —
the mentions overlapping a span, the mentions starting at an offset — answered from a sorted span list
instead of a scan of the whole list per hit (review fixes, s12: a long document no longer costs a rescan per
hit). :meth:`SpanIndex.items` gives the list in the order the old list-rebuilding code gave it: the
mentions kept in their places, a replaced one in its place, appended ones at the end."""

from __future__ import annotations

import bisect
from typing import Any, Iterator


class SpanIndex:
    def __init__(self, mentions: list) -> None:
        self._items: list[Any] = list(mentions)
        self._spans = sorted((m.start, m.end, k) for k, m in enumerate(self._items))
        self._longest = max((b - a for a, b, _ in self._spans), default=0)
        self._live = len(self._items)

    def __len__(self) -> int:
        return self._live

    def items(self) -> list:
        return [m for m in self._items if m is not None]

    def get(self, k: int) -> Any:
        return self._items[k]

    def overlapping(self, s: int, e: int) -> Iterator[int]:
        """The keys of the mentions with ``start < e and s < end``."""
        spans = self._spans
        i = bisect.bisect_left(spans, (s - self._longest, -1, -1))
        n = len(spans)
        while i < n and spans[i][0] < e:
            if spans[i][1] > s:
                yield spans[i][2]
            i += 1

    def over(self, s: int, e: int) -> list:
        """The mentions overlapping [s, e), in list order (what ``[x for x in out if x.start < e and s < x.end]`` gave)."""
        return [self._items[k] for k in sorted(self.overlapping(s, e))]

    def overlaps(self, s: int, e: int) -> bool:
        return next(self.overlapping(s, e), None) is not None

    def starting_at(self, s: int) -> list[int]:
        spans = self._spans
        i = bisect.bisect_left(spans, (s, -1, -1))
        out = []
        while i < len(spans) and spans[i][0] == s:
            out.append(spans[i][2])
            i += 1
        return sorted(out)

    def _drop_span(self, k: int) -> None:
        m = self._items[k]
        spans = self._spans
        i = bisect.bisect_left(spans, (m.start, m.end, k))
        del spans[i]

    def _add_span(self, k: int) -> None:
        m = self._items[k]
        bisect.insort(self._spans, (m.start, m.end, k))
        self._longest = max(self._longest, m.end - m.start)

    def replace(self, k: int, new: Any) -> None:
        self._drop_span(k)
        self._items[k] = new
        self._add_span(k)

    def remove(self, k: int) -> None:
        if self._items[k] is None:
            return
        self._drop_span(k)
        self._items[k] = None
        self._live -= 1

    def append(self, new: Any) -> int:
        self._items.append(new)
        k = len(self._items) - 1
        self._add_span(k)
        self._live += 1
        return k

    def key_of(self, m: Any) -> int | None:
        """The key of mention ``m`` (by identity), found among the mentions with its span."""
        for k in self.starting_at(m.start):
            if self._items[k] is m:
                return k
        return None


class LatestBefore:
    """Of the items ``(end, n)``, the largest ``n`` with ``end <= s``: what a scan ``for p in reversed([p for p in
    items if p.end <= s])`` for the first ``p`` that passes a fixed test found, in a bisection (s12 review fixes)."""

    def __init__(self, items: list[tuple[int, int]]) -> None:
        items = sorted(items)
        self._ends = [e for e, _ in items]
        self._best: list[int] = []
        best = -1
        for _, n in items:
            best = max(best, n)
            self._best.append(best)

    def at(self, s: int) -> int | None:
        k = bisect.bisect_right(self._ends, s)
        return self._best[k - 1] if k else None
