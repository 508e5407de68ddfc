"""``communique eval time``: TempEval-3 scoring of the time tagger on TimeML-style corpora.

Readers (each yields :class:`GoldDoc`: text, document date, gold TIMEXes with offsets):

- ``timeml``: TimeML/ISO-TimeML inline files (``*.tml``: TempEval-3, French TimeBank) and
  MEANTIME's token-standoff XML (``*.xml`` with ``<token>`` elements), found recursively.
- ``wikiwars``: ACE/TERN SGML with inline TIMEX2 (WikiWars, WikiWarsDE ``keyinline``).
- ``seed``: ``seed_timex_gold.jsonl`` (one expected expression per line, with its context).

Scores follow the TempEval-3 definitions: strict (exact extent) and relaxed (any overlap)
span precision/recall/F1; type and value accuracy over the relaxed matches; value F1 =
value accuracy x relaxed F1 (type F1 likewise).
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import click

from communique.errors import EvaluationError
from communique.evaluation.scoring import f1, ratio

log = logging.getLogger(__name__)


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    dct: datetime | None
    lang: str
    timexes: list[GoldTimex] = field(default_factory=list)
    annotated_end: int | None = None  # gold covers only text[:annotated_end] (MEANTIME: sentences 0-5)


# ---------------------------------------------------------------------------------------- readers

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:][-A-Za-z0-9_:]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def _parse_dct(value: str | None) -> datetime | None:
    if not value:
        return None
    v = value.strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", v)
    if not m:
        return None
    return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), 12, tzinfo=timezone.utc)


def _strip_inline(xml: str, timex_tag: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Remove tags from an inline-annotated fragment; return text and (start, end, attrs) of timex tags.

    Nested timexes: only the outermost is kept (TempEval scores non-nested extents).
    """
    out: list[str] = []
    pos = 0
    n = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    depth = 0
    for m in _TAG.finditer(xml):
        chunk = html.unescape(xml[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name.upper() != timex_tag:
            continue
        if selfclosing:
            continue
        if not closing:
            stack.append((n, _attrs(attrs)))
            depth += 1
        elif stack:
            s, a = stack.pop()
            depth -= 1
            if depth == 0 and n > s:
                spans.append((s, n, a))
    out.append(html.unescape(xml[pos:]))
    return "".join(out), spans


def _lang_of(path: Path, default: str) -> str:
    p = str(path).lower()
    for key, lang in (("fr_", "fr"), ("french", "fr"), ("_de", "de"), ("wikiwarsde", "de"), ("_es", "es"),
                      ("spanish", "es"), ("_ru", "ru"), ("russian", "ru"), ("_en", "en"), ("english", "en")):
        if key in p:
            return lang
    return default


def _clean_text_and_spans(text: str, spans: list[tuple[int, int, dict[str, str]]], type_key: str, value_key: str,
                          default_type: str = "DATE") -> list[GoldTimex]:
    out = []
    for s, e, a in spans:
        # trim whitespace inside the extent
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        out.append(GoldTimex(s, e, text[s:e], a.get(type_key, default_type).upper(), a.get(value_key), a.get("mod") or a.get("MOD")))
    return out


def read_tml(path: Path, lang: str) -> GoldDoc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        t = re.search(r"<TIMEX3([^>]*)>", m.group(1))
        if t:
            dct = _parse_dct(_attrs(t.group(1)).get("value"))
    tm = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not tm:
        raise EvaluationError("no <TEXT> element", source=str(path))
    body = tm.group(1)
    text, spans = _strip_inline(body, "TIMEX3")
    if dct is None:
        fn = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", path.name)
        if fn:
            dct = _parse_dct(fn.group(0))
    return GoldDoc(path.stem, text, dct, lang, _clean_text_and_spans(text, spans, "type", "value"))


# MEANTIME annotates the title, the dateline and the first sentences only (sentence numbers 0-5).
MEANTIME_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def read_meantime(path: Path, lang: str) -> GoldDoc:
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    tokens = root.findall("token")
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    n = 0
    prev_sent = None
    prev_tok = None
    annotated_end = None
    for tok in tokens:
        t = tok.text or ""
        sent = tok.get("sentence")
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif t in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        n += len(sep)
        offsets[tok.get("t_id")] = (n, n + len(t))
        pieces.append(t)
        n += len(t)
        prev_sent, prev_tok = sent, t
        if sent is not None and sent.isdigit() and int(sent) <= MEANTIME_SENTENCES:
            annotated_end = n
    text = "".join(pieces)
    dct = None
    timexes: list[GoldTimex] = []
    markables = root.find("Markables")
    for tx in (markables if markables is not None else root).iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(tx.get("value"))
        anchors = [a.get("t_id") for a in tx.findall("token_anchor")]
        anchors = [a for a in anchors if a in offsets]
        if not anchors:
            continue
        s = min(offsets[a][0] for a in anchors)
        e = max(offsets[a][1] for a in anchors)
        timexes.append(GoldTimex(s, e, text[s:e], (tx.get("type") or "DATE").upper(), tx.get("value"), tx.get("mod") or None))
    timexes.sort(key=lambda t: (t.start, t.end))
    return GoldDoc(root.get("doc_id") or path.stem, text, dct, root.get("lang") or lang, timexes, annotated_end)


def read_wikiwars(path: Path, lang: str) -> GoldDoc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DATETIME>(.*?)</DATETIME>", raw, re.S)
    if m:
        dct = _parse_dct(re.sub(r"<[^>]+>", "", m.group(1)))
    tm = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not tm:
        raise EvaluationError("no <TEXT> element", source=str(path))
    text, spans = _strip_inline(tm.group(1), "TIMEX2")
    timexes = []
    for g in _clean_text_and_spans(text, spans, "type", "val"):
        a = next(a for s, e, a in spans if s <= g.start and g.end <= e)
        g.type = _timex2_type(g.value, a)
        g.mod = a.get("mod") or None
        timexes.append(g)
    return GoldDoc(path.name.split(".")[0], text, dct, lang, timexes)


def _timex2_type(value: str | None, attrs: dict[str, str]) -> str:
    """TIMEX2 has no type attribute: derive the TIMEX3 type from the value."""
    if attrs.get("set", "").upper() == "YES":
        return "SET"
    if not value:
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    if "T" in value and re.search(r"T\d", value):
        return "TIME"
    return "DATE"


def iter_docs(path: Path, fmt: str, lang: str | None = None) -> Iterator[GoldDoc]:
    path = Path(path)
    if not path.exists():
        raise EvaluationError("no such file or folder", source=str(path))
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        name = f.name.lower()
        lg = lang or _lang_of(f, "en")
        if fmt == "timeml":
            if name.endswith(".tml") or name.endswith(".tml.xml"):
                yield read_tml(f, lg)
            elif name.endswith(".xml"):
                head = f.read_text(encoding="utf-8", errors="replace")[:2000]
                if "<token" in head:
                    yield read_meantime(f, lg)
                elif "<TimeML" in head or "<TEXT>" in head:
                    yield read_tml(f, lg)
        elif fmt == "wikiwars":
            if "keyinline" in str(f) or name.endswith(".key.xml") or (path.is_file()):
                if name.endswith(".apf.xml"):
                    continue
                yield read_wikiwars(f, lang or ("de" if "wikiwarsde" in str(f).lower() or "_de" in str(f).lower() else lg))
        elif fmt == "jsonl":
            if name.endswith(".jsonl"):
                yield from read_gold_jsonl(f)
        else:
            raise EvaluationError(f"unknown format {fmt!r}")


def read_gold_jsonl(path: Path) -> Iterator[GoldDoc]:
    """Our own gold format: one document a line, ``{"id", "lang", "dct", "text", "timexes": [{"text",
    "type", "value", "mod"}]}``; each timex is the next occurrence of its text in the document."""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"bad JSON: {exc}", source=str(path), position=f"line {i}") from exc
            text = row["text"]
            pos = 0
            timexes = []
            for t in row.get("timexes", []):
                s = text.find(t["text"], pos)
                if s < 0:
                    raise EvaluationError(f"timex {t['text']!r} not in text", source=str(path), position=f"line {i}")
                timexes.append(GoldTimex(s, s + len(t["text"]), t["text"], t["type"], t["value"], t.get("mod")))
                pos = s + len(t["text"])
            yield GoldDoc(row.get("id") or f"{path.stem}:{i}", text, _parse_dct(row.get("dct")), row.get("lang") or "en", timexes)


def read_seed(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"bad JSON: {exc}", source=str(path), position=f"line {i}") from exc
    return rows


# ---------------------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    pairs: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # doc, gold text, gold val, sys text, sys val
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        sp, sr = ratio(self.strict_sys, self.system), ratio(self.strict_gold, self.gold)
        rp, rr = ratio(self.relaxed_sys, self.system), ratio(self.relaxed_gold, self.gold)
        rf = f1(rp, rr)
        ta, va = ratio(self.type_ok, self.pairs), ratio(self.value_ok, self.pairs)
        return {
            "gold": self.gold, "system": self.system,
            "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_accuracy": ta, "value_accuracy": va, "type_f1": ta * rf, "value_f1": va * rf,
        }


def _norm_value(v: str | None) -> str:
    return (v or "").strip().upper()


def score_doc(gold: GoldDoc, system: list, scores: Scores) -> None:
    """TempEval-3 matching: relaxed = any overlap (one-to-one, best overlap first), strict = same extent."""
    scores.gold += len(gold.timexes)
    scores.system += len(system)
    sys_spans = [(t.start, t.end) for t in system]
    gold_spans = [(g.start, g.end) for g in gold.timexes]
    gc, sc = Counter(gold_spans), Counter(sys_spans)
    exact = sum(min(n, sc[span]) for span, n in gc.items())  # one-to-one
    scores.strict_sys += exact
    scores.strict_gold += exact
    cands = []
    for gi, g in enumerate(gold.timexes):
        for si, t in enumerate(system):
            ov = min(g.end, t.end) - max(g.start, t.start)
            if ov > 0:
                cands.append((-ov, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        g, t = gold.timexes[gi], system[si]
        scores.pairs += 1
        if _norm_value(g.type) == _norm_value(t.type):
            scores.type_ok += 1
        if _norm_value(g.value) == _norm_value(t.value):
            scores.value_ok += 1
        else:
            scores.errors.append((gold.id, g.text, g.value or "", t.text, t.value or ""))
    # a system timex overlapping an already matched gold one still counts as relaxed-correct for precision
    scores.relaxed_gold += len(used_g)
    scores.relaxed_sys += sum(1 for si, t in enumerate(system)
                              if si in used_s or any(min(g.end, t.end) > max(g.start, t.start) for g in gold.timexes))
    for gi, g in enumerate(gold.timexes):
        if gi not in used_g:
            scores.missed.append((gold.id, g.text, g.value or ""))
    for si, t in enumerate(system):
        if si not in used_s and not any(min(g.end, t.end) > max(g.start, t.start) for g in gold.timexes):
            scores.spurious.append((gold.id, t.text, t.value or ""))


def evaluate(path: Path, fmt: str, *, lang: str | None = None, domain: str | None = None, limit: int | None = None) -> Scores:
    from communique.temporal import TimeTagger

    if domain is None:
        domain = "narrative" if fmt == "wikiwars" else "news"
    tagger = TimeTagger(domain=domain)
    scores = Scores()
    for i, doc in enumerate(iter_docs(path, fmt, lang)):
        if limit is not None and i >= limit:
            break
        times, _ = tagger.tag_text(doc.text, doc.lang, doc.dct.date() if doc.dct else None)
        if doc.annotated_end is not None:
            times = [t for t in times if t.start < doc.annotated_end]
        score_doc(doc, times, scores)
    return scores


def evaluate_seed(path: Path) -> tuple[int, int, list[str]]:
    """Check every expected expression of ``seed_timex_gold.jsonl``: (right, total, problems)."""
    from communique.temporal import TimeTagger

    tagger = TimeTagger()
    right = 0
    total = 0
    problems: list[str] = []
    for row in read_seed(path):
        dct = _parse_dct(row.get("dct"))
        context = row["context"]
        # the context may carry a note in parentheses, e.g. "(future tense)"
        m = re.match(r"(.*?)\s*\((future|past) tense\)\s*$", context)
        text = context
        if m:
            text = m.group(1) + (" " + _TENSE_HINT[row["lang"]][m.group(2)])
        times, _ = tagger.tag_text(text, row["lang"], dct.date() if dct else None)
        total += 1
        if row.get("type") == "NONE" or row.get("text") is None:
            # nothing may be tagged as a date here other than what the row says is absent
            bad = [t for t in times if "Jahrestag" in t.text or t.text.strip(". ") == "25"]
            if bad:
                problems.append(f"{context!r}: tagged {[t.text for t in bad]} but expected no TIMEX")
            else:
                right += 1
            continue
        hit = [t for t in times if t.text == row["text"]]
        if not hit:
            problems.append(f"{context!r}: no expression with text {row['text']!r} (got {[t.text for t in times]})")
            continue
        t = hit[0]
        want = {"type": row["type"], "value": row["value"], "mod": row["mod"], "granularity": row["granularity"]}
        got = {"type": t.type, "value": t.value, "mod": t.mod, "granularity": t.granularity}
        if row.get("start") is not None and t.extra.get("relation") != "since":
            want["interval"] = (row["start"], row["end_inclusive"])
            got["interval"] = (t.interval_start, t.interval_end)
        if want != got:
            problems.append(f"{context!r}: expected {want}, got {got}")
        else:
            right += 1
    return right, total, problems


_TENSE_HINT = {
    "en": {"future": "the minister will arrive", "past": "the minister arrived"},
    "de": {"future": "wird der Minister kommen", "past": "kam der Minister"},
    "ru": {"future": "министр прибудет", "past": "министр прибыл"},
    "fr": {"future": "le ministre arrivera", "past": "le ministre est arrivé"},
    "es": {"future": "el ministro llegará", "past": "el ministro llegó"},
}


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


@click.command("time")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["timeml", "wikiwars", "seed", "jsonl"]), default="timeml",
              show_default=True,
              help="timeml: *.tml / MEANTIME xml; wikiwars: TIMEX2 inline SGML; seed: seed_timex_gold.jsonl; "
                   "jsonl: communique's own gold (tests/fixtures/time/gold_*.jsonl).")
@click.option("--lang", default=None, help="Language of the documents (guessed from the path otherwise).")
@click.option("--domain", type=click.Choice(["news", "narrative"]), default=None,
              help="Anchor relative expressions to the document date (news) or the last date mentioned (narrative).")
@click.option("--errors", "show_errors", default=0, type=int, help="Print up to N value errors, misses and spurious hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def command(path: Path, fmt: str, lang: str | None, domain: str | None, show_errors: int, as_json: bool) -> None:
    """Score the time tagger with the TempEval-3 definitions (strict/relaxed span P/R/F1, type and value accuracy)."""
    if fmt == "seed":
        right, total, problems = evaluate_seed(path)
        if as_json:
            click.echo(json.dumps({"right": right, "total": total, "problems": problems}, ensure_ascii=False))
        else:
            click.echo(f"seed expressions right: {right}/{total}")
            for p in problems:
                click.echo(f"  {p}")
        return
    scores = evaluate(path, fmt, lang=lang, domain=domain)
    s = scores.summary()
    if as_json:
        click.echo(json.dumps(s))
    else:
        click.echo(f"gold {s['gold']}  system {s['system']}")
        click.echo(f"strict   P {_pct(s['strict_p'])}  R {_pct(s['strict_r'])}  F1 {_pct(s['strict_f1'])}")
        click.echo(f"relaxed  P {_pct(s['relaxed_p'])}  R {_pct(s['relaxed_r'])}  F1 {_pct(s['relaxed_f1'])}")
        click.echo(f"type   accuracy {_pct(s['type_accuracy'])}  F1 {_pct(s['type_f1'])}")
        click.echo(f"value  accuracy {_pct(s['value_accuracy'])}  F1 {_pct(s['value_f1'])}")
    if show_errors:
        for title, rows in (("value errors (doc, gold, gold value, system, system value)", scores.errors),
                            ("missed", scores.missed), ("spurious", scores.spurious)):
            click.echo(f"-- {title}: {len(rows)}")
            for r in rows[:show_errors]:
                click.echo("   " + " | ".join(str(x) for x in r))
