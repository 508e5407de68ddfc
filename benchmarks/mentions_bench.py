"""Mention-linking benchmark: chars/s with the full KB, KB load time from cache, RSS; natasha side by side.

    .venv/bin/python benchmarks/mentions_bench.py [--chars 300000] [--natasha] [--cpu] [--runs 5]

``--runs N`` repeats the linking measurement in N fresh processes (each links text it has not
seen, with cold per-word memos, as a single run does) and reports every rate with the median, the
lowest and the highest: on a shared machine one run can be 25 % off.

Text: NEREL dev documents (Russian news, ../shared) cut into 2,000-char documents (warm-up on
other NEREL documents; linking is timed apart from normalisation),
GermEval dev sentences for German, CoNLL-2002 dev sentences for Spanish (s14) and the English press
releases of ``data/press`` (s14); German, Spanish and English after a 20,000-character warm-up on other
text of their language (the Spanish dev file holds 287,682 characters: at most 267,682 are timed). RSS is
printed by a single run (not with ``--runs``).
Linking is run without natasha (KB + rules) and, with ``--natasha``, natasha's segmenter+NER alone on
the same Russian text. A single run also prints RSS, the KB load time and the full (generation 2) garbage
collections made while linking.
"""

from __future__ import annotations

import argparse
import csv
import gc
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split(chr(10))[0])
    ap.add_argument("--chars", type=int, default=300_000, help="characters linked per language (default 300,000)")
    ap.add_argument("--natasha", action="store_true", help="also time the default Russian pipeline and natasha's NER alone")
    ap.add_argument("--cpu", action="store_true",
                    help="time with the process's CPU time instead of the wall clock (steadier on a shared machine)")
    ap.add_argument("--runs", type=int, default=1,
                    help="repeat the linking measurement in this many fresh processes; print each, the median and the range")
    ap.add_argument("--again", action="store_true",
                    help="also link the German text a second time in the same process (every word seen before)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.runs > 1:
        repeat(args)
        return
    clock = time.process_time if args.cpu else time.perf_counter
    clock_name = "process_time" if args.cpu else "perf_counter"

    # load time from the cache, in a fresh process (the cache is built first if needed)
    subprocess.run([sys.executable, "-c", "from communique.kb import load_kb; load_kb()"], check=True)
    out = subprocess.run([sys.executable, "-c", f"import time; t=time.{clock_name}(); from communique.kb import load_kb; "
                          f"load_kb(); print(time.{clock_name}()-t)"], check=True, capture_output=True, text=True)
    if not args.child:
        print(f"KB load from cache (fresh process, incl. imports): {float(out.stdout):.2f} s")

    from communique.documents import Document
    from communique.mentions import MentionLinker
    from communique.normalize import normalize

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "data/ner/nerel/dev").glob("*.txt"))]
    warm = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "data/ner/nerel/train").glob("*.txt"))[:20]]
    ru = "\n".join(texts)[: args.chars]
    docs = [ru[i:i + 2000] for i in range(0, len(ru), 2000)]
    linker = MentionLinker(use_natasha=False)
    when = datetime(2024, 11, 20, tzinfo=timezone.utc)

    # full (generation 2) garbage collections during the timed linking: count and seconds (s15: one walked the
    # whole knowledge base until load_kb froze it out of the collector's sight)
    full_gc = [0, 0.0]
    gc_start = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            gc_start[0] = time.perf_counter()
        else:
            full_gc[0] += 1
            full_gc[1] += time.perf_counter() - gc_start[0]

    def run(batch: list[str], lang: str) -> tuple[float, float, int]:
        pre = []
        t = clock()
        for i, d in enumerate(batch):
            pre.append((Document(id=str(i), text=d, source="bench", lang=lang, published=when), normalize(d)))
        t_norm = clock() - t
        gc.callbacks.append(on_gc)
        t = clock()
        for doc, norm in pre:
            linker.link(doc, norm)
        elapsed = clock() - t
        gc.callbacks.remove(on_gc)
        return elapsed, t_norm, sum(len(d) for d in batch)

    run(warm, "ru")  # warm-up on other documents (loads morphology); timed text is unseen
    dt, tn, n = run(docs, "ru")
    print(f"linking (ru NEREL dev, unseen, KB + rules, no natasha): {n} chars in {dt:.2f} s = {n / dt:,.0f} chars/s "
          f"(normalisation, a separate stage: {n / tn:,.0f} chars/s)")
    # German: GermEval dev sentences (unseen news and Wikipedia) in 2,000-char documents
    rows = [ln.split("\t") for ln in (SHARED / "data/ner/germeval2014/NER-de-dev.tsv").read_text(encoding="utf-8").splitlines()]
    sents, cur = [], []
    for r in rows:
        if len(r) >= 2 and not r[0].startswith("#"):
            cur.append(r[1])
        elif cur:
            sents.append(" ".join(cur))
            cur = []
    de_text = "\n".join(sents)
    de_warm, de_text = de_text[:20_000], de_text[20_000:20_000 + args.chars]
    de_docs = [de_text[i:i + 2000] for i in range(0, len(de_text), 2000)]
    run([de_warm[i:i + 2000] for i in range(0, len(de_warm), 2000)], "de")
    dt, tn, n = run(de_docs, "de")
    print(f"linking (de GermEval dev, unseen): {n} chars in {dt:.2f} s = {n / dt:,.0f} chars/s")
    if args.again:  # the same documents a second time: every word's tests remembered (the first-encounter cost)
        dt2, _tn, _n = run(de_docs, "de")
        print(f"German again, every word seen: {n / dt2:,.0f} chars/s ({100 * (1 - dt2 / dt):.0f} % less time than unseen)")
    rss_ru_de = rss_mb()
    # Spanish: CoNLL-2002 dev sentences (EFE news); English: the press releases (s14)
    from communique.evaluation.ner import READERS

    es_text = "\n".join(g.text for g in READERS["conll"](SHARED / "data/ner/conll2002_es/es.conll.dev.tsv"))
    csv.field_size_limit(1 << 30)
    with open(SHARED / "data/press/zelenskyy.csv", encoding="utf-8", newline="") as f:
        en_text = "\n".join(r["body"] for r in csv.DictReader(f))
    for lang, label, full in (("es", "CoNLL-2002 dev", es_text), ("en", "press releases", en_text)):
        lw, lt = full[:20_000], full[20_000:20_000 + args.chars]
        run([lw[i:i + 2000] for i in range(0, len(lw), 2000)], lang)
        dt, tn, n = run([lt[i:i + 2000] for i in range(0, len(lt), 2000)], lang)
        print(f"linking ({lang} {label}, unseen): {n} chars in {dt:.2f} s = {n / dt:,.0f} chars/s")
    if args.child:
        return
    print(f"RSS after linking Russian and German: {rss_ru_de:.0f} MB; after Spanish and English too (each language's "
          f"dictionaries loaded): {rss_mb():.0f} MB")
    print(f"full garbage collections during the linking (warm-ups included): {full_gc[0]}, {1000 * full_gc[1]:.0f} ms")
    if args.natasha:
        linker_nat = MentionLinker(use_natasha=True)
        pre = [(Document(id=str(i), text=d, source="bench", lang="ru", published=when), normalize(d)) for i, d in enumerate(docs)]
        linker_nat.link(*pre[0])
        t = clock()
        for doc, norm in pre:
            linker_nat.link(doc, norm)
        dt = clock() - t
        print(f"linking (ru, default pipeline: KB + rules + natasha): {len(ru) / dt:,.0f} chars/s; RSS now {rss_mb():.0f} MB")
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

        seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
        t = clock()
        for d in docs:
            x = Doc(d)
            x.segment(seg)
            x.tag_ner(ner)
        dt = clock() - t
        print(f"natasha segment+NER (ru, same text): {len(ru) / dt:,.0f} chars/s; RSS now {rss_mb():.0f} MB")


def repeat(args: argparse.Namespace) -> None:
    """Run the linking measurement ``args.runs`` times, each in a fresh process; print the rates."""
    cmd = [sys.executable, __file__, "--chars", str(args.chars), "--child"] + (["--cpu"] if args.cpu else [])
    rates: dict[str, list[float]] = {"ru": [], "de": [], "es": [], "en": []}
    for k in range(args.runs):
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            lang = line[len("linking ("):len("linking (") + 2] if line.startswith("linking (") else None
            if lang in rates:
                rates[lang].append(float(line.split(" = ")[1].split(" chars/s")[0].replace(",", "")))
        print(f"run {k + 1}/{args.runs}: " + ", ".join(f"{lang} {xs[-1]:,.0f}" for lang, xs in rates.items()) + " chars/s",
              flush=True)
    clock = "CPU time" if args.cpu else "wall clock"
    for lang, xs in rates.items():
        print(f"linking ({lang}, {args.runs} fresh processes, {clock}): median {statistics.median(xs):,.0f} chars/s, "
              f"range {min(xs):,.0f}-{max(xs):,.0f}")


if __name__ == "__main__":
    main()
