"""The time tagger: one regex pass per document, then normalisation against the document date.

Resolution rules (the same for every language; the words come from the lexicon):

- explicit dates are taken as written; a missing year comes from the document date in the
  direction the sentence's tense implies (future: the next such date, past: the last one,
  no cue: the nearest), or, in ``narrative`` mode, from the last date mentioned;
- relative expressions (today, next week, three days ago, on Thursday) are resolved against
  the document date (``news``) or the last mentioned date (``narrative``);
- without a document date, one is inferred from the first full date in the text (and the
  caller is told), else relative expressions stay ``unresolved`` with X placeholders.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

import regex

from communique.model import TimeExpr
from communique.temporal import calendar as cal
from communique.temporal.lexicon import Lexicon, load_lexicon

log = logging.getLogger(__name__)

_CUE_WINDOW = 250
_SENT_END = regex.compile(r"[.!?…]\s+(?=[\p{Lu}\d«\"„(])|\n")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_UNIT_PERIOD = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S", "DE": "DE", "CE": "CE",
                "Q": "Q", "WE": "WE", "HY": "HY"}


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def _roman(s: str) -> int | None:
    s = s.upper()
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@dataclass(slots=True)
class Resolved:
    type: str
    value: str | None
    gran: str | None
    iv: tuple[date, date] | None = None
    mod: str | None = None
    certainty: str = "resolved"
    day: date | None = None  # a day this expression pins down (reference for later times)
    ref: date | None = None  # a date usable as narrative reference
    weak: bool = False  # a bare year: a far jump from the current reference is a digression


@dataclass
class _Ctx:
    text: str
    lex: Lexicon
    dct: date | None
    dct_inferred: bool
    domain: str
    last: date | None = None  # last mentioned date (narrative reference)
    last_day: date | None = None  # last mentioned day (anchor of clock times)
    last_gran: str | None = None
    bounds: list[int] | None = None
    in_range: bool = False  # 'с 13 по 15 июля': the first word is part of the range, not 'since'
    out: list[TimeExpr] = field(default_factory=list)

    def anchor(self) -> date | None:
        if self.domain == "narrative":
            return self.last or self.dct
        return self.dct

    def base_certainty(self) -> str:
        return "inferred" if self.dct_inferred or self.domain == "narrative" else "resolved"

    def sentence(self, pos: int) -> tuple[int, int]:
        if self.bounds is None:
            self.bounds = [m.end() for m in _SENT_END.finditer(self.text)]
        i = bisect.bisect_right(self.bounds, pos)
        s = self.bounds[i - 1] if i > 0 else 0
        e = self.bounds[i] if i < len(self.bounds) else len(self.text)
        return s, e

    def signal(self, s: int) -> str | None:
        """The since/until word just before position ``s`` (outside the expression, as in TimeML)."""
        signals = self.lex.signals
        if not signals:
            return None
        words = self.text[max(0, s - 24):s].split()
        if not words:
            return None
        w = words[-1].lower().strip("(«\"'")
        if w in signals:
            return signals[w]
        if len(words) >= 2:
            w2 = (words[-2] + " " + words[-1]).lower().strip("(«\"'")
            if w2 in signals:
                return signals[w2]
        return None

    def direction(self, start: int, end: int, weekday: bool = False) -> int:
        """+1 when the sentence is in the future tense, -1 in the past, 0 unknown (closest cue wins). Cues of
        ``future_before`` count only before the expression; for a weekday with no cue near, an ``announce`` verb
        ("reist am Montag nach") makes it the coming one."""
        sig = None if self.in_range else self.signal(start)
        if sig in ("until", "since"):
            return 1 if sig == "until" else -1
        cue = self.lex.cue
        if cue is None:
            return 0
        s, e = self.sentence(start)
        s, e = max(s, start - _CUE_WINDOW), min(e, end + _CUE_WINDOW)  # the closest cue wins: look nearby only
        best = None
        for m in cue.finditer(self.text, s, e):
            if start <= m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, 1 if m.group("f") else -1)
        if self.lex.cue_before is not None:
            for m in self.lex.cue_before.finditer(self.text, s, start):
                if best is None or start - m.end() < best[0]:
                    best = (start - m.end(), 1)
        if best is None and weekday and self.lex.announce is not None and self.lex.announce.search(self.text, s, e):
            return 1
        return best[1] if best else 0


class TimeTagger:
    """Finds and normalises time expressions; ``tag(doc, norm)`` is the pipeline's entry point."""

    def __init__(self, domain: str = "news", langs: tuple[str, ...] = ("en", "de", "fr", "es", "ru")) -> None:
        self.domain = domain
        self.inferred_dct: date | None = None  # the publication date the last tag_text inferred
        for lang in langs:  # compile once, up front
            load_lexicon(lang)

    # ------------------------------------------------------------------ entry points

    def tag(self, doc: Any, norm: Any) -> tuple[list[TimeExpr], bool]:
        """Return the document's time expressions and whether the publication date was inferred."""
        text = norm.text if norm is not None else doc.text
        dct = doc.published.date() if getattr(doc, "published", None) else None
        lang = doc.lang or "en"
        if load_lexicon(lang) is None:
            log.debug("%s: no time lexicon for language %r", getattr(doc, "id", "?"), lang)
            return [], False
        times, inferred = self.tag_text(text, lang, dct)
        if inferred and self.inferred_dct is not None:
            # the record's doc.published is the inferred date, flagged by published_inferred
            doc.published = datetime(self.inferred_dct.year, self.inferred_dct.month, self.inferred_dct.day,
                                     tzinfo=timezone.utc)
        if norm is not None and not norm.is_identity:
            for t in times:
                t.start, t.end = norm.to_original(t.start, t.end)
                t.text = doc.text[t.start:t.end]
        return times, inferred

    def tag_text(self, text: str, lang: str, dct: date | None, domain: str | None = None) -> tuple[list[TimeExpr], bool]:
        lex = load_lexicon(lang) or load_lexicon("en")
        assert lex is not None
        inferred = False
        self.inferred_dct = None
        if dct is None:
            dct = self.infer_dct(text, lex)
            inferred = dct is not None
            self.inferred_dct = dct
        ctx = _Ctx(text, lex, dct, inferred, domain or self.domain)
        for m in lex.iter_matches(text):
            try:
                self._emit(m, ctx)
            except (ValueError, OverflowError) as exc:  # a date out of the calendar's range: skip it
                log.debug("time expression %r skipped: %s", m.group(), exc)
        return ctx.out, inferred

    def infer_dct(self, text: str, lex: Lexicon) -> date | None:
        """The first full date written in the text (a dateline), or None."""
        ctx = _Ctx(text, lex, None, True, "news")
        for m in lex.iter_matches(text):
            kind = lex.kinds[lex.which(m)]
            if kind not in ("date",):
                continue
            y, mo, d = self._g(m, "y"), self._month(m, lex, ""), self._g(m, "d")
            if y and mo and d:
                x = cal.safe_date(int(y), mo, int(d))
                if x:
                    return x
        del ctx
        return None

    # ------------------------------------------------------------------ matching

    @staticmethod
    def _g(m: regex.Match, name: str) -> str | None:
        try:
            return m.group(name)
        except (IndexError, regex.error):
            return None

    def _month(self, m: regex.Match, lex: Lexicon, suffix: str) -> int | None:
        w = self._g(m, "month" + suffix)
        if w:
            return lex.word("month", w)
        mm = self._g(m, "mm" + suffix)
        return int(mm) if mm else None

    def _emit(self, m: regex.Match, ctx: _Ctx) -> None:
        lex = ctx.lex
        kind = lex.kinds[lex.which(m)]
        text = ctx.text
        if lex.month_needs_capital:
            for g in ("month", "month2"):
                w = self._g(m, g)
                if w and not w[0].isupper():
                    return
        if (lex.bare_ambiguous and _fold(m.group()) in lex.bare_ambiguous
                and not lex.patterns[lex.which(m)].get("licensed")):
            # 'may', 'fall', 'été': a time only when capitalised where the language does so, or after a licensing word
            if m.group()[:1].islower() or (lex.ambiguous_ok and self._prev_word(text, m.start()) not in lex.ambiguous_ok):
                return
        if (lex.lower_only and m.group()[:1].isupper() and _fold(m.group()) in lex.lower_only
                and text[max(0, m.start() - 8):m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\n", ":", "«", '"', "„")):
            return  # "am Morgen" is the morning; "morgen" and a sentence's first "Morgen" are tomorrow
        if kind == "skip":
            return
        if kind == "range":
            self._emit_range(m, ctx)
            return
        if kind == "year" and not self._year_ok(m, ctx):
            return
        if kind == "year" and lex.not_before_year and self._prev_word(text, m.start()) in lex.not_before_year:
            return
        r = self._resolve(m, kind, ctx, m.start(), m.end())
        if r is None:
            return
        if kind == "year" and not self._g(m, "mod"):
            r.weak = True
        if kind in ("shift", "offset") and ctx.domain == "narrative":
            r.ref = None  # relative mentions do not move the narrative reference
        self._add(ctx, m.start(), m.end(), r, m)

    @staticmethod
    def _prev_word(text: str, s: int) -> str:
        words = text[max(0, s - 30):s].split()
        return words[-1].lower().strip("(«\"'") if words else ""

    def _add(self, ctx: _Ctx, s: int, e: int, r: Resolved, m: regex.Match | None, extra: dict | None = None) -> None:
        text = ctx.text
        while e > s and text[e - 1] in " ,\t":
            e -= 1
        iv = r.iv
        ex: dict[str, Any] = dict(extra or {})
        rel = None if "range" in ex else self._signal(ctx, s)
        if rel == "since" and iv is not None:
            ex["relation"] = "since"
            if ctx.dct is not None and ctx.dct >= iv[0]:
                iv = (iv[0], ctx.dct)
            else:
                iv = (iv[0], None)  # type: ignore[assignment]
        elif rel:
            ex["relation"] = rel
        t = TimeExpr(
            start=s, end=e, text=text[s:e], type=r.type, value=r.value, mod=r.mod,
            interval_start=iv[0].isoformat() if iv and iv[0] else None,
            interval_end=iv[1].isoformat() if iv and iv[1] else None,
            granularity=r.gran, certainty=r.certainty, extra=ex,
        )
        ctx.out.append(t)
        if r.day is not None:
            ctx.last_day = r.day
        if r.ref is not None and not (r.weak and ctx.last is not None and abs(r.ref.year - ctx.last.year) > 10):
            ctx.last = r.ref
            ctx.last_gran = r.gran

    def _signal(self, ctx: _Ctx, s: int) -> str | None:
        return ctx.signal(s)

    def _year_ok(self, m: regex.Match, ctx: _Ctx) -> bool:
        """A bare number read as a year must not be a count, an amount or part of a larger number."""
        text = ctx.text
        s, e = m.start(), m.end()
        if self._g(m, "era") or m.group().strip()[:1].isalpha():
            return True
        before = text[max(0, s - 2):s]
        after = text[e:e + 2]
        if before[-1:] in "$€£¥+±#№" or before.endswith(("-", "/")) and before[:1].isdigit():
            return False
        if after[:1] in ("%",) or (after[:1] in ",." and after[1:2].isdigit()):
            return False
        if before[-1:] in ",." and s >= 2 and text[s - 2].isdigit():
            return False
        nxt = regex.match(r"\s*([\p{L}]+)", text[e:e + 40])
        if nxt and nxt.group(1).lower() in ctx.lex.not_after_year:
            return False
        return True

    # ------------------------------------------------------------------ ranges

    def _emit_range(self, m: regex.Match, ctx: _Ctx) -> None:
        ctx.in_range = True
        try:
            self._emit_range_parts(m, ctx)
        finally:
            ctx.in_range = False

    def _emit_range_parts(self, m: regex.Match, ctx: _Ctx) -> None:
        lex = ctx.lex
        parts = []
        for suf in ("", "2"):
            y = self._g(m, "y" + suf)
            parts.append({"y": int(y) if y else None, "m": self._month(m, lex, suf),
                          "d": int(self._g(m, "d" + suf)) if self._g(m, "d" + suf) else None})
        a, b = parts
        for k in ("y", "m"):
            if a[k] is None:
                a[k] = b[k]
            if b[k] is None:
                b[k] = a[k]
        if a["d"] and b["d"] and a["m"] == b["m"] and a["y"] == b["y"] and a["d"] >= b["d"]:
            return self._fallback(m, ctx)
        if a["d"] is None and b["d"] is None and a["m"] is None and a["y"] and b["y"] and a["y"] >= b["y"]:
            return self._fallback(m, ctx)
        ra = self._date(a["y"], a["m"], a["d"], None, ctx, m.start("a"), m.end("b"), explicit_year=a["y"] is not None)
        if ra is None:
            return
        # both ends take the year chosen for the start (a range does not straddle a guess)
        yb = b["y"]
        if yb is None and ra.iv:
            yb = ra.iv[0].year
            if b["m"] is not None and a["m"] is not None and b["m"] < a["m"]:
                yb += 1
        rb = self._date(yb, b["m"], b["d"], None, ctx, m.start("a"), m.end("b"), explicit_year=True)
        if rb is None:
            return
        rb.certainty = ra.certainty
        rng = {"start": ra.iv[0].isoformat() if ra.iv else None, "end": rb.iv[1].isoformat() if rb.iv else None}
        self._add(ctx, m.start("a"), m.end("a"), ra, m, {"range": rng})
        self._add(ctx, m.start("b"), m.end("b"), rb, m, {"range": rng})

    def _fallback(self, m: regex.Match, ctx: _Ctx) -> None:
        """A 'range' that is not one (e.g. '21-22' read backwards): emit nothing for the first half."""
        r = None
        b_y = self._g(m, "y2")
        if b_y and not self._g(m, "d2") and not self._g(m, "month2"):
            return
        if self._g(m, "d2") or self._g(m, "month2"):
            y = self._g(m, "y2")
            r = self._date(int(y) if y else None, self._month(m, ctx.lex, "2"), int(self._g(m, "d2")) if self._g(m, "d2") else None,
                           None, ctx, m.start("b"), m.end("b"), explicit_year=bool(y))
        if r is not None:
            self._add(ctx, m.start("b"), m.end("b"), r, m)

    # ------------------------------------------------------------------ resolution

    def _resolve(self, m: regex.Match, kind: str, ctx: _Ctx, s: int, e: int) -> Resolved | None:
        lex = ctx.lex
        g = lambda n: self._g(m, n)  # noqa: E731
        mod = lex.word("mod", g("mod"))
        if kind == "duration":
            return self._duration(m, ctx, mod)
        if kind == "set":
            return self._set(m, ctx)
        if kind == "offset":
            return self._offset(m, ctx, s, e, mod)
        if kind == "time":
            return self._time(m, ctx, s, e, mod)
        if kind == "sameday":
            x = ctx.last_day or ctx.dct
            if x is None:
                return Resolved("DATE", "XXXX-XX-XX", "day", None, mod, "unresolved")
            sh = lex.word("shift", g("shift")) if g("shift") else lex.patterns[lex.which(m)].get("shift", 0)
            r = self._dayres(x + timedelta(days=int(sh or 0)), None, mod, "inferred")
            if not sh:
                r.day = r.ref = None
            return r
        if g("ref"):
            if lex.raw.get("refs_lowercase") and any(w[:1].isupper() for w in g("ref").split()[1:]):
                return None
            if lex.raw.get("refs_lowercase") and g("ref")[:1].isupper() and m.start() > 0 and ctx.text[m.start() - 1] == " " \
                    and ctx.text[max(0, m.start() - 2)] not in ".!?:\n" and g("ref") == m.group():
                return None  # "for the Future", "Summit of the Future"
            return Resolved("DATE", lex.word("ref", g("ref")), None, None, mod, ctx.base_certainty())
        if kind == "value":
            pat = lex.patterns[lex.which(m)]
            if pat.get("fiscal") and g("y"):
                return Resolved("DATE", f"FY{g('y')}", "year", cal.interval_of("year", int(g("y"))), mod)
            return Resolved(pat.get("type", "DATE"), pat.get("value"), pat.get("gran"), None, mod)
        # centuries and decades
        cent = g("cent") or g("cent_w")
        if cent or g("roman"):
            n = int(cent) if cent and cent.isdigit() else (lex.word("ord", cent) if cent else _roman(g("roman")))
            if not isinstance(n, int) or not 1 <= n <= 30:
                return None
            era = lex.word("era", g("era"))
            if era == "BC":
                return Resolved("DATE", f"BC{n - 1:02d}", "century", None, mod)
            y0 = (n - 1) * 100
            return Resolved("DATE", f"{n - 1:02d}", "century", cal.apply_mod(cal.interval_of("century", max(y0, 1)), mod), mod)
        if g("dec") or g("dec2") or g("decw"):
            if g("dec"):
                y0 = int(g("dec")) * 10
            else:
                k = int(g("dec2")) * 10 if g("dec2") else lex.word("decw", g("decw"))
                if not isinstance(k, int):
                    return None
                base = (int(g("y")) // 100 * 100) if g("y") else ((ctx.anchor() or date(1900, 1, 1)).year // 100 * 100)
                if g("cent2"):
                    base = (int(g("cent2")) - 1) * 100
                y0 = base + k
                if ctx.domain == "news" and ctx.dct and y0 > ctx.dct.year and not g("cent2"):
                    y0 -= 100
            return Resolved("DATE", f"{y0 // 10:03d}", "decade", cal.apply_mod(cal.interval_of("decade", y0), mod), mod)
        relday = g("relday")
        part = lex.word("part", g("part"))
        if relday is not None:
            off = lex.word("relday", relday)
            base = ctx.dct if ctx.domain == "news" else (ctx.last or ctx.dct)
            if ctx.domain == "narrative" and off == 0 and not part:
                return Resolved("DATE", "PRESENT_REF", None, None, mod, "resolved")
            if base is None:
                return Resolved("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), "day", None, mod, "unresolved")
            x = base + timedelta(days=int(off or 0))
            part = part or lex.word("relpart", relday)
            return self._dayres(x, part, mod, ctx.base_certainty())
        q = g("q")
        ordv = lex.word("ord", g("ord")) if g("ord") else None
        if q or (ordv is not None and g("qword")):
            n = int(q) if q else ordv
            base = ctx.anchor()
            if not isinstance(n, int) or not (1 <= n <= 4 or n == -1):
                return None
            if n == -1 and not g("y") and g("shift") is None and base is not None:
                parts = cal.shift("quarter", base, -1)
                return self._unit("quarter", parts["y"], sub=parts["sub"], mod=mod, cert=ctx.base_certainty())
            n = 4 if n == -1 else n
            y, cert = self._year_of(m, ctx)
            if (y is not None and not g("y") and g("shift") is None and base is not None and ctx.domain == "news"
                    and n > (base.month - 1) // 3 + 1 and base.month <= 6 and ctx.direction(s, e) < 0):
                y -= 1
            return self._unit("quarter", y, sub=f"Q{n}", mod=mod, cert=cert)
        if ordv is not None and g("hword"):
            n = 2 if ordv == -1 else ordv
            if n not in (1, 2):
                return None
            y, cert = self._year_of(m, ctx)
            return self._unit("half", y, sub=f"H{n}", mod=mod, cert=cert)
        season = lex.word("season", g("season"))
        if season:
            if lex.patterns[lex.which(m)].get("generic"):
                return Resolved("DATE", f"XXXX-{season}", "season", None, mod, "unresolved")
            y, cert = self._year_of(m, ctx)
            if y is None:
                return Resolved("DATE", f"XXXX-{season}", "season", None, mod, "unresolved")
            return self._unit("season", y, sub=season, mod=mod, cert=cert)
        wd = lex.word("weekday", g("weekday"))
        month = self._month(m, lex, "")
        day = int(g("d")) if g("d") else None
        year = g("y") or g("yb")
        yy = g("yy")
        if kind == "shift" or (g("unit") and g("shift") is not None):
            return self._shift(m, ctx, mod, s, e)
        if wd and not month:
            return self._weekday(wd, lex.word("shift", g("shift")), part, ctx, s, e, mod)
        if month or year or yy:
            y = int(year) if year else None
            if y is not None and lex.word("era", g("era")) == "BC":
                y = 1 - y
            if y is None and yy:
                y = int(yy) + (1900 if int(yy) > 30 else 2000)
            if y is None and g("yshift") and ctx.anchor() is not None:
                y = ctx.anchor().year + int(lex.word("shift", g("yshift")) or 0)
            if month and month not in range(1, 13):
                return None
            if day and not month:
                return None
            shiftv = lex.word("shift", g("shift")) if g("shift") else None
            if y is None and g("yshift") and ctx.anchor() is not None and month:
                y = ctx.anchor().year + int(lex.word("shift", g("yshift")) or 0)
            if y is None and shiftv is not None and month:
                base = ctx.anchor()
                if base is None:
                    return Resolved("DATE", cal.value_of("month", None, month), "month", None, mod, "unresolved")
                y = base.year + shiftv
                key, ref = (month, day or 0), (base.month, base.day if day else 0)
                if shiftv == 1:
                    y = base.year + 1 if key <= ref else base.year
                elif shiftv == -1:
                    y = base.year - 1 if key >= ref else base.year
                return self._date(y, month, day, mod, ctx, s, e, explicit_year=True)
            if y is None and wd and day and ctx.anchor() is not None:
                a = ctx.anchor()
                cands = [yy for yy in (a.year, a.year - 1, a.year + 1)
                         if (x := cal.safe_date(yy, month, day)) is not None and x.isoweekday() == wd]
                if cands:
                    return self._date(cands[0], month, day, mod, ctx, s, e, explicit_year=True, part=part)
            return self._date(y, month, day, mod, ctx, s, e, explicit_year=y is not None, part=part)
        if g("unit") and mod:
            return self._shift(m, ctx, mod, s, e)
        if part:
            base = ctx.last_day or ctx.dct
            if g("shift") is not None and ctx.dct:
                return self._dayres(ctx.dct, part, mod, ctx.base_certainty())
            if base is None:
                return Resolved("TIME", f"XXXX-XX-XXT{part}", "time", None, mod, "unresolved")
            return self._dayres(base, part, mod, "inferred")
        return None

    def _dayres(self, x: date, part: str | None, mod: str | None, cert: str) -> Resolved:
        v = x.isoformat()
        if part:
            return Resolved("TIME", f"{v}T{part}", "time", (x, x), mod, cert, day=x, ref=x)
        return Resolved("DATE", v, "day", (x, x), mod, cert, day=x, ref=x)

    def _unit(self, gran: str, y: int | None, m: int | None = None, d: int | None = None, *, week: int | None = None,
              sub: str | None = None, mod: str | None = None, cert: str = "resolved") -> Resolved:
        if y is None:
            return Resolved("DATE", cal.value_of(gran, None, m, d, week=week, sub=sub), gran, None, mod, "unresolved")
        iv = cal.apply_mod(cal.interval_of(gran, y, m, d, week=week, sub=sub), mod)
        val = cal.value_of(gran, y, m, d, week=week, sub=sub)
        ref = cal.interval_of(gran, y, m, d, week=week, sub=sub)
        return Resolved("DATE", val, gran, iv, mod, cert, day=ref[0] if ref and gran == "day" else None,
                        ref=ref[0] if ref else None)

    def _year_of(self, m: regex.Match, ctx: _Ctx) -> tuple[int | None, str]:
        """Year of a quarter/half/season: written, shifted ('last year'), or from the anchor."""
        y = self._g(m, "y")
        if y:
            return int(y), "resolved"
        base = ctx.anchor()
        if base is None:
            return None, "unresolved"
        shw = self._g(m, "yshift") or self._g(m, "shift")
        sh = ctx.lex.word("shift", shw) if shw else 0
        return base.year + int(sh or 0), ctx.base_certainty()

    def _date(self, y: int | None, month: int | None, day: int | None, mod: str | None, ctx: _Ctx, s: int, e: int,
              *, explicit_year: bool, part: str | None = None) -> Resolved | None:
        cert = "resolved"
        if month is None and day is None:
            if y is None:
                return None
            return self._unit("year", y, mod=mod)
        if day is not None and month is not None and y is not None and cal.safe_date(y if y > 0 else 2000, month, day) is None:
            return None
        if y is None:
            y, cert = self._guess_year(month, day, ctx, s, e)
        gran = "day" if day else "month"
        if y is None:
            return Resolved("DATE", cal.value_of(gran, None, month, day), gran, None, mod, "unresolved")
        if gran == "day":
            x = cal.safe_date(y, month, day) if y > 0 else None
            if x is None and y > 0:
                return None
            if part and x:
                r = self._dayres(x, part, mod, cert)
                return r
        return self._unit(gran, y, month, day, mod=mod, cert=cert)

    def _guess_year(self, month: int, day: int | None, ctx: _Ctx, s: int, e: int) -> tuple[int | None, str]:
        if ctx.domain == "narrative" and ctx.last is not None:
            return ctx.last.year, "inferred"
        dct = ctx.dct
        if dct is None:
            return None, "unresolved"
        key = (month, day or 0)
        ref = (dct.month, dct.day if day else 0)
        direction = ctx.direction(s, e)
        fwd = dct.year if key >= ref else dct.year + 1
        back = dct.year if key <= ref else dct.year - 1
        if direction > 0:
            y = fwd
        elif direction < 0:
            y = back
        else:
            y = dct.year  # no tense cue: the document's year
        cert = "resolved" if fwd == back else "inferred"
        if ctx.dct_inferred:
            cert = "inferred"
        return y, cert

    def _weekday(self, wd: int, shiftv: int | None, part: str | None, ctx: _Ctx, s: int, e: int, mod: str | None) -> Resolved:
        base = ctx.dct if ctx.domain == "news" else (ctx.last_day or ctx.last or ctx.dct)
        if base is None:
            v = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
            return Resolved("TIME" if part else "DATE", v, "day", None, mod, "unresolved")
        cur = base.isoweekday()
        last = ctx.last_day
        if shiftv in (None, 0) and last is not None and last.isoweekday() == wd and abs((last - base).days) <= 7:
            return self._dayres(last, part, mod, "inferred")  # the day just named ("lundi 6 septembre ... ce lundi")
        if shiftv == 1:
            delta = (wd - cur) % 7 or 7
        elif shiftv == -1:
            delta = -((cur - wd) % 7 or 7)
        elif shiftv == 0:
            delta = wd - cur
        else:
            direction = ctx.direction(s, e, weekday=True)
            if direction > 0:
                delta = (wd - cur) % 7
            else:
                delta = -((cur - wd) % 7)
        x = base + timedelta(days=delta)
        cert = "inferred" if (ctx.dct_inferred or ctx.domain == "narrative" or shiftv is None) else "resolved"
        return self._dayres(x, part, mod, cert)

    def _shift(self, m: regex.Match, ctx: _Ctx, mod: str | None, s: int, e: int) -> Resolved | None:
        lex = ctx.lex
        unit = lex.word("unit", self._g(m, "unit"))
        sh = self._g(m, "shift")
        n = lex.word("shift", sh) if sh is not None else 0
        if not isinstance(n, int):
            n = 0
        if unit is None and self._g(m, "prevunit"):
            unit, n = lex.word("prevunit", self._g(m, "prevunit")), -1
        if unit is None:
            return None
        form = self._g(m, "unit")
        if (sh is not None and n != 0 and mod is None and lex.word("units", form) is not None
                # a unit written alike in both numbers ("mois") is plural only with a plural shift word: "ces derniers
                # mois" is a stretch, "le mois prochain" next month (the language's ``shift_plural`` words)
                and not (lex.word("unit", form) is not None and lex.words.get("shift_plural")
                         and lex.word("shift_plural", sh) is None)):
            # "the coming days", "в ближайшие дни", "ces derniers jours": an unspecified stretch of time
            p = _UNIT_PERIOD.get(unit, unit)
            return Resolved("DURATION", f"PTX{p}" if unit in ("H", "MIN", "S") else f"PX{p}", cal.UNIT_GRAN.get(unit),
                            None, mod, "resolved")
        gran = cal.UNIT_GRAN.get(unit)
        if gran in (None, "time"):
            return None
        base = ctx.anchor()
        y_written = self._g(m, "y")
        if y_written and gran == "year":
            return self._unit("year", int(y_written), mod=mod)
        if base is None:
            return Resolved("DATE", cal.value_of(gran, None), gran, None, mod, "unresolved")
        parts = cal.shift(gran if gran != "half" else "half", base, n)
        r = self._unit(gran, parts.get("y"), parts.get("m"), parts.get("d"), week=parts.get("week"), sub=parts.get("sub"),
                       mod=mod, cert=ctx.base_certainty())
        if unit == "WE" and r.value and "W" in r.value:
            r.value += "-WE"
            r.iv = cal.interval_of("week", parts.get("y"), week=parts.get("week"), sub="WE")
        return r

    def _duration(self, m: regex.Match, ctx: _Ctx, mod: str | None) -> Resolved | None:
        lex = ctx.lex
        unit = lex.word("unit", self._g(m, "unit")) or lex.word("units", self._g(m, "units"))
        if unit is None:
            return None
        n_s = self._g(m, "n")
        n = lex.number(n_s) if n_s else ("X" if self._g(m, "units") else 1)
        if n is None:
            return None
        if isinstance(n, (int, float)) and n_s and n_s[:1].isdigit() and unit in ("Y",) and n > 200:
            return None  # "2000 years": keep only plausible spans
        p = _UNIT_PERIOD.get(unit, unit)
        if unit == "DE" and isinstance(n, (int, float)):
            p, n = "Y", n * 10
        if unit == "Q":
            p, n = "M", (n * 3 if isinstance(n, (int, float)) else n)
        if unit == "HY":
            p, n = "M", (n * 6 if isinstance(n, (int, float)) else n)
        nv = n if not isinstance(n, float) else (int(n) if n.is_integer() else n)
        value = f"PT{nv}{p}" if unit in ("H", "MIN", "S") else f"P{nv}{p}"
        return Resolved("DURATION", value, cal.UNIT_GRAN.get(unit), None, mod, "resolved")

    def _set(self, m: regex.Match, ctx: _Ctx) -> Resolved | None:
        lex = ctx.lex
        adj = self._g(m, "setadj")
        if adj:
            v = lex.word("setadj", adj)
            return Resolved("SET", v, None, None, None, "resolved")
        wd = lex.word("weekday", self._g(m, "weekday")) or lex.word("weekdays", self._g(m, "weekdays"))
        if wd:
            return Resolved("SET", f"XXXX-WXX-{wd}", "day", None, None, "resolved")
        unit = lex.word("unit", self._g(m, "unit"))
        if unit is None:
            return None
        p = _UNIT_PERIOD.get(unit, unit)
        v = f"PT1{p}" if unit in ("H", "MIN", "S") else f"P1{p}"
        return Resolved("SET", v, cal.UNIT_GRAN.get(unit), None, None, "resolved")

    def _offset(self, m: regex.Match, ctx: _Ctx, s: int, e: int, mod: str | None) -> Resolved | None:
        lex = ctx.lex
        unit = lex.word("unit", self._g(m, "unit")) or lex.word("units", self._g(m, "units"))
        if unit is None:
            return None
        n_s = self._g(m, "n")
        n = lex.number(n_s) if n_s else 1
        dirv = lex.word("dirword", self._g(m, "dirword"))
        if dirv is None:
            dirv = lex.word("ago", self._g(m, "ago"))
        if dirv is None:
            dirv = -1
        if n is None:
            return None
        if n == "X" or not isinstance(n, (int, float)):
            return Resolved("DATE", "PAST_REF" if dirv < 0 else "FUTURE_REF", None, None, mod, "resolved")
        base = ctx.dct if ctx.domain == "news" else (ctx.last or ctx.dct)
        gran = cal.UNIT_GRAN.get(unit)
        if gran in (None, "time"):
            return Resolved("DURATION", f"PT{int(n)}{_UNIT_PERIOD[unit]}", "time", None, mod)
        if base is None:
            return Resolved("DATE", cal.value_of(gran, None), gran, None, mod, "unresolved")
        x = cal.shift_date(base, unit, int(dirv * n))
        if ctx.domain == "narrative" and ctx.last_gran == "day" and unit in ("D", "W", "M"):
            gran = "day"
        if gran == "day":
            return self._dayres(x, None, mod, ctx.base_certainty())
        if gran == "week":
            y, w = cal.iso_week(x)
            return self._unit("week", y, week=w, mod=mod, cert=ctx.base_certainty())
        if gran == "month":
            return self._unit("month", x.year, x.month, mod=mod, cert=ctx.base_certainty())
        if gran in ("quarter",):
            return self._unit("quarter", x.year, sub=f"Q{(x.month - 1) // 3 + 1}", mod=mod, cert=ctx.base_certainty())
        if gran == "decade":
            return Resolved("DATE", f"{x.year // 10:03d}", "decade", cal.interval_of("decade", x.year), mod, ctx.base_certainty())
        if gran == "century":
            return Resolved("DATE", f"{x.year // 100:02d}", "century", cal.interval_of("century", x.year), mod, ctx.base_certainty())
        return self._unit("year", x.year, mod=mod, cert=ctx.base_certainty())

    def _time(self, m: regex.Match, ctx: _Ctx, s: int, e: int, mod: str | None) -> Resolved | None:
        lex = ctx.lex
        hh = self._g(m, "hh")
        if hh is None:
            return None
        h = int(hh) if hh.isdigit() else int(lex.word("clockword", hh) or 12)
        mi = int(self._g(m, "mi") or 0)
        ampm = lex.word("ampm", self._g(m, "ampm"))
        if ampm == "PM" and h < 12:
            h += 12
        elif ampm == "AM" and h == 12:
            h = 0
        if h > 24:
            return None
        tz = lex.word("tz", self._g(m, "tz")) or ""
        day = None
        if self._g(m, "relday") is not None and ctx.dct:
            day = ctx.dct + timedelta(days=int(lex.word("relday", self._g(m, "relday")) or 0))
        base = day or ctx.last_day or ctx.dct
        cert = "resolved" if day or (ctx.last_day is None and ctx.dct and not ctx.dct_inferred) else "inferred"
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}{tz}", "time", None, mod, "unresolved")
        return Resolved("TIME", f"{base.isoformat()}T{h:02d}:{mi:02d}{tz}", "time", (base, base), mod, cert, day=None)
