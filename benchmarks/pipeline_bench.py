"""The whole pipeline (normalise, times, mentions, events -> record), chars/s on a fixed corpus.

    .venv/bin/python benchmarks/pipeline_bench.py [--shared ../shared] [--chars 400000] [--workers 1 2]

The corpus is built from ../shared, the same way every run, as documents of real text in the
five languages: English press-release bodies (data/press/zelenskyy.csv), Russian news
(data/ner/factrueval2016/devset/*.txt), German sentences (data/ner/germeval2014, tokens
re-joined), Spanish AFP sentences (data/events/plover_spanish) and the seed. Each language
contributes up to ``--chars`` characters. Reported: load time, chars/s and docs/s per
worker count (fork after loading), the time share of each stage on one core, peak RSS, and
natasha's NER alone (segmenter + NER tagger) on the same Russian text.
"""

from __future__ import annotations

import argparse
import csv
import logging
import multiprocessing as mp
import resource
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("pipeline_bench")
PUB = datetime(2024, 11, 20, 10, 0, tzinfo=timezone.utc)


def build_corpus(shared: Path, chars: int) -> list[tuple[str, str]]:
    """(lang, text) documents, deterministic."""
    docs: list[tuple[str, str]] = []

    def take(lang: str, texts):
        n = 0
        for t in texts:
            t = t.strip()
            if not t:
                continue
            if n + len(t) > chars:
                t = t[: max(0, chars - n)]
            if t:
                docs.append((lang, t))
                n += len(t)
            if n >= chars:
                break

    csv.field_size_limit(1 << 30)
    press = shared / "data" / "press" / "zelenskyy.csv"
    if press.exists():
        with press.open(encoding="utf-8", newline="") as fh:
            take("en", (r["body"][:6000] for r in csv.DictReader(fh)))
    ru = sorted((shared / "data" / "ner" / "factrueval2016" / "devset").glob("*.txt"))
    take("ru", (p.read_text(encoding="utf-8") for p in ru))
    ge = shared / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv"
    if ge.exists():
        take("de", _germeval_docs(ge))
    pl = sorted((shared / "data" / "events" / "plover_spanish").glob("*.xml"))
    if pl:
        from communique.evaluation.events import read_plover

        rows = read_plover(pl[0])
        take("es", (" ".join(r["text"] for r in rows[i:i + 8]) for i in range(0, len(rows), 8)))
    seed = shared / "spec" / "seed" / "seed_de.txt"
    if seed.exists():
        docs.append(("de", seed.read_text(encoding="utf-8")))
    return docs


def _germeval_docs(path: Path):
    words: list[str] = []
    sentences: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sentences.append(" ".join(words))
                words = []
            if len(sentences) >= 10:
                yield " ".join(sentences)
                sentences = []
            continue
        parts = line.split("\t")
        if len(parts) > 1:
            words.append(parts[1])
    if sentences:
        yield " ".join(sentences)


_PIPE = None


def _work(item: tuple[str, str]) -> int:
    from communique.documents import Document

    lang, text = item
    rec = _PIPE.process(Document(id="b", text=text, source="bench", lang=lang, published=PUB))
    return len(rec["events"])


def run_workers(docs, workers: int) -> float:
    t0 = time.perf_counter()
    if workers == 1:
        for d in docs:
            _work(d)
    else:
        with mp.get_context("fork").Pool(workers) as pool:
            for _ in pool.imap(_work, docs, chunksize=8):
                pass
    return time.perf_counter() - t0


def stage_shares(docs) -> dict[str, float]:
    from communique.documents import Document
    from communique.normalize import normalize

    t = {"normalize": 0.0, "times": 0.0, "mentions": 0.0, "events": 0.0}
    for lang, text in docs:
        doc = Document(id="b", text=text, source="bench", lang=lang, published=PUB)
        a = time.perf_counter()
        norm = normalize(text)
        b = time.perf_counter()
        times, _ = _PIPE.tagger.tag(doc, norm)
        c = time.perf_counter()
        ents = _PIPE.linker.link(doc, norm)
        d = time.perf_counter()
        _PIPE.events.extract(doc, norm, ents, times)
        e = time.perf_counter()
        t["normalize"] += b - a
        t["times"] += c - b
        t["mentions"] += d - c
        t["events"] += e - d
    return t


def natasha_ner(texts: list[str]) -> tuple[float, float]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    t0 = time.perf_counter()
    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_ner(ner)
    return load, time.perf_counter() - t0


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    global _PIPE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--chars", type=int, default=400_000, help="characters per language (default 400000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-natasha", action="store_true", help="run the pipeline without natasha's Russian NER")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    docs = build_corpus(args.shared, args.chars)
    # Every 7th document warms the lazy tables and caches (morphology dictionaries, lemma
    # tables, compiled patterns) and is left out of the measurement: a first pass over
    # unseen text would otherwise be timed mostly as start-up.
    warm = docs[::7]
    docs = [d for i, d in enumerate(docs) if i % 7]
    total = sum(len(t) for _, t in docs)
    by_lang: dict[str, int] = {}
    for lang, t in docs:
        by_lang[lang] = by_lang.get(lang, 0) + len(t)
    log.info("corpus: %d documents, %d chars %s", len(docs), total, by_lang)

    from communique.pipeline import Pipeline

    t0 = time.perf_counter()
    _PIPE = Pipeline(use_natasha=not args.no_natasha)
    _work(("de", "Lawrow traf Ryschenkow in Minsk."))  # warm every lazy table
    for lang in ("en", "ru", "fr", "es"):
        _work((lang, "Test."))
    log.info("pipeline load: %.2f s, RSS %.0f MB", time.perf_counter() - t0, rss_mb())
    t0 = time.perf_counter()
    for d in warm:
        _work(d)
    log.info("warm-up on %d other documents: %.1f s", len(warm), time.perf_counter() - t0)

    total = sum(len(t) for _, t in docs)
    for w in args.workers:
        cpu0 = time.process_time()
        secs = run_workers(docs, w)
        cpu = time.process_time() - cpu0
        extra = f"; one core, CPU time: {total / cpu:,.0f} chars/s" if w == 1 else ""
        log.info("workers=%d: %.1f s, %.0f chars/s, %.1f docs/s%s", w, secs, total / secs, len(docs) / secs, extra)
    shares = stage_shares(docs)
    all_t = sum(shares.values())
    log.info("stages on one core: " + ", ".join(f"{k} {v:.1f} s ({100 * v / all_t:.0f}%, {total / v:,.0f} chars/s)"
                                                   for k, v in shares.items()))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    log.info("peak RSS: main %.0f MB, largest worker %.0f MB", rss_mb(), kids)

    if not args.no_natasha:
        ru = [t for lang, t in docs if lang == "ru"]
        n = sum(len(t) for t in ru)
        t0 = time.perf_counter()
        ru_secs = run_workers([("ru", t) for t in ru], 1)
        log.info("pipeline on the Russian part alone: %.0f chars/s (%d chars)", n / ru_secs, n)
        load, secs = natasha_ner(ru)
        log.info("natasha NER alone (segment + NER) on the same Russian text: load %.1f s, %.0f chars/s", load, n / secs)


if __name__ == "__main__":
    main()
