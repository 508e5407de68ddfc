"""The knowledge base's names anchored at word starts, for Latin-1 text (s16, core16).

The matcher of :class:`communique.kb.KnowledgeBase` finds names at every position, inside words too
("ei" in "Regierung"): in German news three matches in five start inside a word and are dropped by
the linker, and following the automaton's states inside words costs memory traffic. This automaton
holds each Latin-1 name prefixed by a separator byte (``\\x01``), with every character that is not
``str.isalnum`` mapped to that byte; the text is mapped the same way (one ``bytes.translate``) after a
leading ``\\x01``. Its leftmost-longest matches are then those of the names at word starts only (a
position after a non-alphanumeric character, or the text's start). Names that differ only in their
separators ("san martin", "san-martin") share one key: a match is checked against the text, and where
none of them is written there the caller takes the longest shorter name at that start (see
``KBMatching._scan_words``). Held by the :class:`~communique.kb.KnowledgeBase` it was made from (its
``word_matcher()``): another knowledge base has its own.
"""

from __future__ import annotations

from array import array

SEP = 1  # the separator byte
# every Latin-1 byte that is not ``str.isalnum`` becomes the separator
SEP_TABLE = bytes(b if chr(b).isalnum() else SEP for b in range(256))
CHECK, TAIL = 1, 2  # WordMatcher.flags


class WordMatcher:
    """``matcher``: an ahocorasick_rs ``BytesAhoCorasick`` (leftmost-longest) over the anchored keys;
    ``pidx[k]``: the matcher's pattern index of key ``k``'s (first) name; ``flags[k]``: ``CHECK`` where the text must
    be compared with the name (a name with a separator: the text may write another one there), ``TAIL`` where the
    name ends with a separator (a name may start right after it, inside the match's key); ``multi[k]``: every
    pattern index of a key that several names share (compact: a byte per key, a dict for the ~1,200 shared keys)."""

    __slots__ = ("matcher", "pidx", "flags", "multi", "longest")

    def __init__(self, patterns: list[str]) -> None:
        import ahocorasick_rs

        keys: dict[bytes, int] = {}
        pidx = array("i")
        multi: dict[int, list[int]] = {}
        for i, p in enumerate(patterns):
            try:
                b = p.encode("latin-1")
            except UnicodeEncodeError:
                continue  # a name with a wider character cannot occur in Latin-1 text
            k = keys.setdefault(b"\x01" + b.translate(SEP_TABLE), len(pidx))
            if k == len(pidx):
                pidx.append(i)
            else:
                multi.setdefault(k, [pidx[k]]).append(i)
        flags = bytearray(len(pidx))
        for k, i in enumerate(pidx):
            p = patterns[i]
            if not p.isalnum():
                flags[k] = CHECK | (TAIL if not p[-1].isalnum() else 0)
        for k in multi:
            flags[k] |= CHECK
        self.pidx = pidx
        self.flags = bytes(flags)
        self.multi = {k: tuple(v) for k, v in multi.items()}
        self.longest = max(map(len, patterns), default=0)  # characters of the longest name
        self.matcher = ahocorasick_rs.BytesAhoCorasick(list(keys), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
