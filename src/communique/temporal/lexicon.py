"""Per-language time lexicons: the words and patterns of ``data/lang/<iso>/time.yaml``, compiled once.

A language file has ``words`` (categories of word forms with their meaning), ``patterns``
(regex templates using ``{macros}``), ``signals`` (since/until words before an expression),
``future``/``past`` tense cues and ``not_after_year`` (nouns that make a bare number a count).
Adding a language is adding such a file.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from communique.errors import CommuniqueError

log = logging.getLogger(__name__)


class TimeLexiconError(CommuniqueError):
    """A language's time data is missing or invalid."""


_WORDCHAR = regex.compile(r"\w")
_TOKEN = regex.compile(r"\w+")
_BACK = 40  # how far before an anchor a match may start ("the beginning of the" ... "year")
_AHEAD = 160

_DATA = Path(__file__).resolve().parent.parent / "data" / "lang"

# Macros every language shares (the words are the language's; digits are everyone's).
_BUILTIN = {
    "d": r"(?P<{g}>3[01]|[12]\d|0?[1-9])(?!\d)",
    "y": r"(?P<{g}>1\d{{3}}|20\d{{2}}|21\d{{2}})(?![\d])",
    "yb": r"(?P<{g}>\d{{1,4}})(?![\d])",
    "yy": r"(?P<{g}>\d{{2}})(?!\d)",
    "mm": r"(?P<{g}>1[0-2]|0?[1-9])(?!\d)",
    "hh": r"(?P<{g}>2[0-3]|[01]?\d)(?!\d)",
    "mi": r"(?P<{g}>[0-5]\d)(?!\d)",
    "roman": r"(?P<{g}>(?=[IVXivx])X{{0,2}}(?:IX|IV|V?I{{0,3}}))",
}
_MACRO = regex.compile(r"\{([a-z_]+?)(2?)\}")


def _norm_key(s: str) -> str:
    return " ".join(str(s).lower().split())


@dataclass
class Lexicon:
    lang: str
    words: dict[str, dict[str, Any]]
    patterns: list[dict[str, Any]]
    kinds: list[str]
    signals: dict[str, str]
    cue: Any  # compiled regex with groups f (future) and p (past), or None
    not_after_year: frozenset[str]
    month_needs_capital: bool
    raw: dict[str, Any] = field(default_factory=dict)
    bare_ambiguous: frozenset[str] = frozenset()
    ambiguous_ok: frozenset[str] = frozenset()  # words after which a bare ambiguous word is a time
    lower_only: frozenset[str] = frozenset()  # a time in lower case or first in a sentence only ("morgen" / "am Morgen")
    cue_before: Any = None  # future cues that count only before the expression ("proposed to hold a summit in February")
    announce: Any = None  # present-tense verbs that announce: a weekday ahead where no other cue is near ("reist am Montag")
    not_before_year: frozenset[str] = frozenset()  # words after which a number is not a year ('resolution 1325')
    prefixes: frozenset[str] = frozenset()  # tokens a match may start with before its anchor
    anchors: frozenset[str] = frozenset()  # lower-cased tokens that every match contains one of (besides digits)
    anchor_re: Any = None  # finds digits and anchor words
    prefix_re: Any = None  # finds the words a match may start with (digits, prefix words)
    bodies: list[str] = field(default_factory=list)  # each pattern's expanded regex
    singles: list[Any] = field(default_factory=list)  # each pattern compiled alone (for partial matching)
    look_behind: frozenset[int] = frozenset()  # patterns that start by looking behind: always tried
    _sub_cache: dict = field(default_factory=dict)
    _which: dict = field(default_factory=dict)

    def iter_matches(self, text: str):
        """The patterns' matches, in order, as the alternation of all patterns would find them,
        without trying every position of the text.

        Every pattern contains a digit or an anchor word (a month, a unit, 'yesterday'...).
        One regex finds the anchors; the patterns are tried only where the run of lexicon words
        just before an anchor starts, and only those that can start with that word.
        """
        sub = self.sub_matcher
        prefix_iter = self.prefix_re.finditer
        n = len(text)
        last_end = 0
        for am in self.anchor_re.finditer(text):
            p = am.start()
            if p < last_end:
                continue
            lo = max(last_end, p - _BACK)
            # candidate starts: the run of lexicon words and numbers right before the anchor
            cands = []
            boundary = p
            for c in reversed(list(prefix_iter(text, lo, p))):
                if _WORDCHAR.search(text, c.end(), boundary):
                    break
                cands.append(c.start())
                boundary = c.start()
            cands.reverse()
            if p > 0 and text[p - 1] == "'" and (p < 2 or not text[p - 2].isalnum()):
                cands.append(p - 1)  # '82
            cands.append(p)
            end = am.end() + _AHEAD
            if end > n:
                end = n
            for s0 in cands:
                if s0 < last_end:
                    continue
                tm = _TOKEN.match(text, s0 + 1 if text[s0] == "'" else s0)
                if tm is None:
                    continue
                nxt = text[tm.end():tm.end() + 1]
                viable = sub(text[s0:tm.end()].lower() + (" " if nxt.isspace() else nxt))
                m = None
                for one in viable:
                    m = one.match(text, s0, end)
                    if m is not None:
                        if m.end() >= end and end < n:
                            m = one.match(text, s0, n) or m
                        break
                if m is None:
                    continue
                yield m
                last_end = m.end()
                if last_end > p:
                    break

    def sub_matcher(self, token: str) -> tuple[Any, ...]:
        """The patterns (compiled alone, in order) that can start with ``token``, cached.

        ``token`` is a word plus the character after it (a space for any white space, nothing
        at the end of the text). A pattern qualifies when ``token`` is a partial match of it; trying them in order at a
        position finds exactly what the full alternation finds there.
        """
        key = token if len(token) < 24 else token[:24]
        got = self._sub_cache.get(key)
        if got is not None:
            return got
        got = tuple(one for i, one in enumerate(self.singles)
                    if i in self.look_behind or one.match(token, partial=True) is not None)
        if len(self._sub_cache) > 20000:
            self._sub_cache.clear()
        self._sub_cache[key] = got
        return got

    def which(self, m: Any) -> int:
        """Index of the pattern that produced match ``m``."""
        i = self._which.get(m.re)
        if i is not None:
            return i
        return -1

    def word(self, category: str, form: str | None) -> Any:
        if form is None:
            return None
        table = self.words.get(category, {})
        key = _norm_key(form)
        if key in table:
            return table[key]
        return table.get(key.rstrip("."))

    def number(self, form: str | None) -> Any:
        """A count written in digits or words ('18', 'dix-huit', 'two', 'several' -> 'X')."""
        if form is None:
            return None
        f = _norm_key(form)
        if f[:1].isdigit():
            f = f.replace(",", ".")
            try:
                v = float(f)
            except ValueError:
                return None
            return int(v) if v.is_integer() else v
        table = self.words.get("num", {})
        if f in table:
            return table[f]
        total = 0
        for part in regex.split(r"[-\s]+(?:et\s+|y\s+|und\s+)?", f):
            if part in ("", "et", "y", "und"):
                continue
            v = table.get(part)
            if not isinstance(v, (int, float)):
                return None
            total = total * v if v == 100 and total else total + v
        return total or None


def _alternation(forms: list[str]) -> str:
    """A prefix-factored (trie) regex for a word list: much faster to try than a flat alternation."""
    trie: dict = {}
    for f in set(forms):
        node = trie
        for ch in f.lower():
            node = node.setdefault(ch, {})
        node[""] = True
    if not trie:
        return r"(?!x)x"
    return _trie_regex(trie)


def _char(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    return regex.escape(ch)


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(_char(ch) + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # the word may end here: longer continuations are tried first (greedy optional)
        return "(?:" + body + ")?"
    return body


def _expand(template: str, words: dict[str, dict[str, Any]], lang: str) -> str:
    def sub(m: regex.Match) -> str:
        name, two = m.group(1), m.group(2)
        g = name + two
        if name in _BUILTIN:
            return _BUILTIN[name].format(g=g)
        if name == "n":
            num = _alternation([k for k in words.get("num", {})])
            return rf"(?P<{g}>\d+(?:[.,]\d+)?|(?:{num})(?:-(?:{num}))?)"
        if name not in words:
            raise TimeLexiconError(f"{lang}: unknown macro {{{name}}} in pattern {template!r}")
        return f"(?P<{g}>{_alternation(list(words[name]))})"

    return _MACRO.sub(sub, template)


# Categories whose words can carry a match on their own; the others (mod, shift, every, num...) only
# qualify one of these or a number.
_ANCHOR_CATEGORIES = ("month", "weekday", "weekdays", "unit", "units", "relday", "relpart", "ref", "season", "part",
                      "setadj", "decw", "prevunit", "clockword", "qword")
# frequent words that occur in patterns only next to an anchor or a number
_NOT_ANCHORS = frozenset("that this over from with after before being dans avec pour sous über nach eine einer einem "
                         "dass oder aged".split())
_LITERAL = regex.compile(r"\b\p{L}{4,}")


def _anchor_words(words: dict[str, dict[str, Any]], patterns: list[dict[str, Any]]) -> frozenset[str]:
    out: set[str] = set()
    for cat in _ANCHOR_CATEGORIES:
        for key in words.get(cat, {}):
            toks = regex.findall(r"\w+", key)
            for tok in toks:
                if len(toks) == 1 or (len(tok) >= 4 and tok not in _NOT_ANCHORS):
                    out.add(tok.lower())
    for p in patterns:
        body = regex.sub(r"\{[a-z_0-9]+\}|\(\?P<[a-z_0-9]+>|\\[a-zA-Z]", " ", p["re"])
        for tok in _LITERAL.findall(body):
            if tok.lower() not in _NOT_ANCHORS:
                out.add(tok.lower())
    return frozenset(out)


def _anchor_regex(anchors: frozenset[str], stems: frozenset[str]) -> Any:
    return regex.compile(r"\d+|(?<!\w)(?:(?:" + _alternation(list(anchors)) + r")(?!\w)|(?:"
                         + _alternation(list(stems)) + r")\w*)", regex.IGNORECASE)


def _template_stems(patterns: list[dict[str, Any]]) -> frozenset[str]:
    """Letter runs written in the patterns themselves ('jahres', 'половин'): a word may continue them."""
    out: set[str] = set()
    for p in patterns:
        body = regex.sub(r"\{[a-z_0-9]+\}|\(\?P<[a-z_0-9]+>|\\[a-zA-Z]", " ", p["re"])
        out.update(t.lower() for t in _LITERAL.findall(body) if t.lower() not in _NOT_ANCHORS)
    return frozenset(out)


def _prefix_words(words: dict[str, dict[str, Any]], patterns: list[dict[str, Any]]) -> frozenset[str]:
    """Every word of the lexicon and of the patterns: the tokens a match can start with."""
    out: set[str] = set()
    for table in words.values():
        for key in table:
            out.update(t.lower() for t in regex.findall(r"\w+", key))
    for p in patterns:
        body = regex.sub(r"\{[a-z_0-9]+\}|\(\?P<[a-z_0-9]+>|\\[a-zA-Z]", " ", p["re"])
        out.update(t.lower() for t in regex.findall(r"\p{L}+", body))
    return frozenset(out)


def _cue_regex(patterns: list[str] | None) -> Any:
    """One case-blind regex of a list of cue patterns, or None."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE) if patterns else None


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon | None:
    """Load and compile the time lexicon of ``lang``; None when the language has no time data."""
    try:
        text = (_DATA / lang / "time.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise TimeLexiconError(f"{lang}: invalid time.yaml: {exc}") from exc
    words: dict[str, dict[str, Any]] = {}
    for cat, table in (raw.get("words") or {}).items():
        words[cat] = {_norm_key(k): v for k, v in (table or {}).items()}
    patterns = raw.get("patterns") or []
    kinds = []
    bodies = []
    for i, p in enumerate(patterns):
        body = _expand(p["re"], words, lang)
        bodies.append(body)
        kinds.append(p.get("kind", "date"))
    singles = []
    for p, b in zip(patterns, bodies):
        try:
            singles.append(regex.compile(r"(?<![\w])(?:" + b + r")(?![\w])", regex.IGNORECASE))
        except regex.error as exc:
            raise TimeLexiconError(f"{lang}: pattern {p['re']!r} does not compile: {exc}") from exc
    cue = None
    fut, past = raw.get("future") or [], raw.get("past") or []
    if fut or past:
        cue = regex.compile(
            "(?P<f>" + ("|".join(fut) or "(?!x)x") + ")|(?P<p>" + ("|".join(past) or "(?!x)x") + ")",
            regex.IGNORECASE,
        )
    signals = {_norm_key(k): v for k, v in (raw.get("signals") or {}).items()}
    anchors = _anchor_words(words, patterns)
    prefixes = _prefix_words(words, patterns)
    stems = _template_stems(patterns)
    log.debug("time lexicon %s: %d patterns", lang, len(patterns))
    return Lexicon(
        lang=lang, words=words, patterns=patterns, kinds=kinds, signals=signals, cue=cue,
        not_after_year=frozenset(_norm_key(w) for w in raw.get("not_after_year") or []),
        month_needs_capital=bool(raw.get("month_needs_capital")), raw=raw,
        bare_ambiguous=frozenset(_norm_key(w) for w in raw.get("bare_ambiguous") or []),
        ambiguous_ok=frozenset(_norm_key(w) for w in raw.get("ambiguous_ok") or []),
        lower_only=frozenset(_norm_key(w) for w in raw.get("lower_only") or []),
        cue_before=_cue_regex(raw.get("future_before")),
        announce=_cue_regex(raw.get("announce")),
        not_before_year=frozenset(_norm_key(w) for w in raw.get("not_before_year") or []),
        anchors=anchors, prefixes=prefixes, anchor_re=_anchor_regex(anchors, stems),
        prefix_re=regex.compile(
            r"(?<!\w)(?:\d+\w*|(?-i:[IVXLC]+)(?:-?(?:e|er|ème|st|nd|rd|th|го|й|м))?(?!\w)"
            r"|(?:" + _alternation(list(prefixes)) + r")(?!\w)|(?:" + _alternation(list(stems)) + r")\w*)",
            regex.IGNORECASE),
        bodies=bodies, singles=singles,
        look_behind=frozenset(i for i, p in enumerate(patterns) if p["re"].startswith("(?<")),
        _which={one: i for i, one in enumerate(singles)},
    )
