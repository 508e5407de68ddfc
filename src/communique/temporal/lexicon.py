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
    "roman": r"(?P<{g}>(?:X{{0,2}})(?:IX|IV|V?I{{0,3}}))(?![\w])",
}
_MACRO = regex.compile(r"\{([a-z_]+?)(2?)\}")


def _norm_key(s: str) -> str:
    return " ".join(str(s).lower().split())


@dataclass
class Lexicon:
    lang: str
    words: dict[str, dict[str, Any]]
    patterns: list[dict[str, Any]]
    matcher: Any
    kinds: list[str]
    signals: dict[str, str]
    cue: Any  # compiled regex with groups f (future) and p (past), or None
    not_after_year: frozenset[str]
    month_needs_capital: bool
    raw: dict[str, Any] = field(default_factory=dict)
    group_ids: list[int] = field(default_factory=list)
    bare_ambiguous: frozenset[str] = frozenset()

    def which(self, m: Any) -> int:
        """Index of the pattern that produced match ``m``."""
        for i, gi in enumerate(self.group_ids):
            if m.start(gi) >= 0:
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
    parts = []
    for f in sorted(set(forms), key=lambda s: (-len(s), s)):
        esc = regex.escape(f)
        esc = esc.replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(esc)
    return "|".join(parts) if parts else r"(?!x)x"


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
    alts = []
    kinds = []
    for i, p in enumerate(patterns):
        body = _expand(p["re"], words, lang)
        alts.append(f"(?P<p{i}>{body})")
        kinds.append(p.get("kind", "date"))
    source = r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])"
    try:
        matcher = regex.compile(source, regex.IGNORECASE)
    except regex.error as exc:
        raise TimeLexiconError(f"{lang}: pattern does not compile: {exc}") from exc
    cue = None
    fut, past = raw.get("future") or [], raw.get("past") or []
    if fut or past:
        cue = regex.compile(
            "(?P<f>" + ("|".join(fut) or "(?!x)x") + ")|(?P<p>" + ("|".join(past) or "(?!x)x") + ")",
            regex.IGNORECASE,
        )
    signals = {_norm_key(k): v for k, v in (raw.get("signals") or {}).items()}
    log.debug("time lexicon %s: %d patterns", lang, len(patterns))
    return Lexicon(
        lang=lang, words=words, patterns=patterns, matcher=matcher, kinds=kinds, signals=signals, cue=cue,
        not_after_year=frozenset(_norm_key(w) for w in raw.get("not_after_year") or []),
        month_needs_capital=bool(raw.get("month_needs_capital")), raw=raw,
        bare_ambiguous=frozenset(_norm_key(w) for w in raw.get("bare_ambiguous") or []),
        group_ids=[matcher.groupindex[f"p{i}"] for i in range(len(patterns))],
    )
