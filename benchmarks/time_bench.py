"""Speed and accuracy of communique's time tagger next to dateparser's ``search_dates``.

    .venv/bin/python benchmarks/time_bench.py [--shared ../shared] [--limit-chars 80000] [--repeat 3]

Runs on one core (no worker processes); times are CPU time of this process (time.process_time), so
other load on the machine does not count. The documents are the development corpora in
``../shared/data/time`` (MEANTIME en, WikiWarsDE de, French TimeBank fr) and communique's own
ru/es gold sets (``tests/fixtures/time``). Both taggers see the same texts with the same
document dates; dateparser is given ``languages=[lang]`` and ``RELATIVE_BASE`` = the document
date. Accuracy uses the TempEval-3 relaxed match (any overlap, one-to-one). A dateparser hit has
the right value when its datetime, written at the gold value's precision (YYYY, YYYY-MM or
YYYY-MM-DD), equals the gold value; communique's value must equal the gold TIMEX3 value.
dateparser is slow, so it runs on the first ``--limit-chars`` characters of each corpus;
communique's speed is measured on the whole corpus and on that same subset.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.evaluation.time import GoldDoc, Scores, iter_docs, score_doc  # noqa: E402
from communique.temporal import TimeTagger  # noqa: E402

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class _Hit:
    __slots__ = ("start", "end", "type", "value", "text")

    def __init__(self, start: int, end: int, value: str, text: str = "") -> None:
        self.start, self.end, self.type, self.value, self.text = start, end, "DATE", value, text


def corpora(shared: Path) -> list[tuple[str, str, list[GoldDoc]]]:
    out = []
    data = shared / "data" / "time"
    for name, fmt, path, lang in (
        ("MEANTIME en", "timeml", data / "meantime_en", None),
        ("WikiWarsDE de", "wikiwars", data / "wikiwars_de", "de"),
        ("French TimeBank fr", "timeml", data / "fr_timebank", "fr"),
        ("own gold ru", "jsonl", ROOT / "tests" / "fixtures" / "time" / "gold_ru.jsonl", None),
        ("own gold es", "jsonl", ROOT / "tests" / "fixtures" / "time" / "gold_es.jsonl", None),
    ):
        if path.exists():
            docs = list(iter_docs(path, fmt, lang))
            for d in docs:  # score MEANTIME on its annotated sentences only
                if d.annotated_end is not None:
                    d.text = d.text[:d.annotated_end]
            out.append((name, fmt, docs))
    return out


def subset(docs: list[GoldDoc], limit: int) -> list[GoldDoc]:
    out, n = [], 0
    for d in docs:
        if n >= limit:
            break
        out.append(d)
        n += len(d.text)
    return out


def run_ours(tagger: TimeTagger, docs: list[GoldDoc], domain: str, repeat: int) -> tuple[float, Scores]:
    best = float("inf")
    results = []
    for _ in range(repeat):
        t0 = time.process_time()
        results = [tagger.tag_text(d.text, d.lang, d.dct.date() if d.dct else None, domain)[0] for d in docs]
        best = min(best, time.process_time() - t0)
    scores = Scores()
    for d, times in zip(docs, results):
        score_doc(d, times, scores)
    return best, scores


def run_dateparser(docs: list[GoldDoc]) -> tuple[float, Scores]:
    from dateparser.search import search_dates

    elapsed = 0.0
    scores = Scores()
    for d in docs:
        base = d.dct.replace(tzinfo=None) if d.dct else datetime(2024, 1, 1)
        t0 = time.process_time()
        try:
            found = search_dates(d.text, languages=[d.lang], settings={"RELATIVE_BASE": base}) or []
        except Exception:  # dateparser raises on some inputs; count as nothing found
            found = []
        elapsed += time.process_time() - t0
        hits = []
        pos = 0
        for text, dt in found:
            s = d.text.find(text, pos)
            if s < 0:
                s = d.text.find(text)
            if s < 0:
                continue
            pos = s + len(text)
            hits.append(_Hit(s, s + len(text), dt.date().isoformat(), text))
        # value: the datetime at the precision of the overlapping gold value
        for h in hits:
            for g in d.timexes:
                if min(g.end, h.end) > max(g.start, h.start) and g.value and _DATE_VALUE.match(g.value):
                    if h.value.startswith(g.value) and len(g.value) in (4, 7, 10):
                        h.value = g.value
                    break
        score_doc(d, hits, scores)
    return elapsed, scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit-chars", type=int, default=80000, help="characters per corpus given to dateparser")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs for communique (best is kept)")
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")

    t0 = time.process_time()
    tagger = TimeTagger()
    print(f"communique: lexicons for 5 languages compiled in {time.process_time() - t0:.2f} s")
    rows = []
    total_chars = 0
    total_time = 0.0
    for name, fmt, docs in corpora(args.shared):
        domain = "narrative" if fmt == "wikiwars" else "news"
        n = sum(len(d.text) for d in docs)
        secs, _ = run_ours(tagger, docs, domain, args.repeat)
        total_chars += n
        total_time += secs
        sub = subset(docs, args.limit_chars)
        ns = sum(len(d.text) for d in sub)
        s_ours, sc_ours = run_ours(tagger, sub, domain, args.repeat)
        row = {"corpus": name, "chars": n, "ours_cps": n / secs, "sub_chars": ns, "ours_sub_cps": ns / s_ours,
               "ours": sc_ours.summary()}
        if not args.no_dateparser:
            s_dp, sc_dp = run_dateparser(sub)
            row["dp_cps"] = ns / s_dp if s_dp else float("nan")
            row["dp"] = sc_dp.summary()
        rows.append(row)

    print(f"\ncommunique, all corpora: {total_chars:,} chars, {total_chars / total_time:,.0f} chars/s (one core)\n")
    head = "| corpus | chars | communique chars/s | dateparser chars/s | speed ratio | relaxed F1 (ours / dp) | value F1 (ours / dp) | F1 ratio | value F1 ratio |"
    print(head)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        o = r["ours"]
        if "dp" in r:
            d = r["dp"]
            print(f"| {r['corpus']} | {r['sub_chars']:,} | {r['ours_sub_cps']:,.0f} | {r['dp_cps']:,.0f} | "
                  f"{r['ours_sub_cps'] / r['dp_cps']:.1f}x | {o['relaxed_f1']:.3f} / {d['relaxed_f1']:.3f} | "
                  f"{o['value_f1']:.3f} / {d['value_f1']:.3f} | "
                  f"{(o['relaxed_f1'] / d['relaxed_f1']) if d['relaxed_f1'] else float('inf'):.2f} | "
                  f"{(o['value_f1'] / d['value_f1']) if d['value_f1'] else float('inf'):.2f} |")
        else:
            print(f"| {r['corpus']} | {r['sub_chars']:,} | {r['ours_sub_cps']:,.0f} | - | - | {o['relaxed_f1']:.3f} / - | "
                  f"{o['value_f1']:.3f} / - | - | - |")
    print("\ncommunique on whole corpora:")
    for r in rows:
        print(f"  {r['corpus']}: {r['chars']:,} chars, {r['ours_cps']:,.0f} chars/s")


if __name__ == "__main__":
    main()
