"""Mention linking of one long document: CPU seconds and chars/s by document length (s17).

    .venv/bin/python benchmarks/long_document_bench.py --lang de 50000 240000 1000000

Text (from ../shared, as in ``mentions_bench.py``): the GermEval dev sentences (German), the CoNLL-2002 dev
sentences (Spanish), the NEREL dev texts (Russian) or the English press releases, joined into one document and
repeated where a length asks for more; the first 20,000 characters warm the linker first. A linker that scales
linearly gives about the same chars/s at every length. ``--pieces 0`` links each document in one piece (the
behaviour before s17) to compare.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(lang: str, data: Path) -> str:
    from communique.evaluation import ner

    if lang == "de":
        return "\n".join(g.text for g in ner.READERS["germeval"](data / "ner/germeval2014/NER-de-dev.tsv"))
    if lang == "es":
        return "\n".join(g.text for g in ner.READERS["conll"](data / "ner/conll2002_es/es.conll.dev.tsv"))
    if lang == "ru":
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted((data / "ner/nerel/dev").glob("*.txt")))
    csv.field_size_limit(1 << 30)
    with open(data / "press/zelenskyy.csv", encoding="utf-8", newline="") as f:
        return "\n\n".join(r["body"] for r in csv.DictReader(f))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lengths", nargs="+", type=int, help="document lengths in characters")
    ap.add_argument("--lang", choices=("de", "es", "ru", "en"), default="de")
    ap.add_argument("--pieces", type=int, default=None,
                    help="piece length (default: the linker's PIECE_CHARS; 0: one piece whatever the length)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default: ../shared)")
    args = ap.parse_args()
    data = args.shared / "data"
    if not data.is_dir():
        sys.exit(f"{data}: no shared data folder (give --shared)")

    from communique.documents import Document
    from communique.mentions import MentionLinker
    from communique.mentions import linker as linker_module
    from communique.normalize import normalize

    if args.pieces is not None:
        linker_module.PIECE_CHARS = args.pieces or sys.maxsize
    text = corpus(args.lang, data)
    linker = MentionLinker(use_natasha=False)
    when = datetime(2024, 11, 20, tzinfo=timezone.utc)
    warm = text[:20_000]
    linker.link(Document(id="warm", text=warm, source="bench", lang=args.lang, published=when), normalize(warm))
    body = text[20_000:]
    print(f"{args.lang}, pieces of {linker_module.PIECE_CHARS if linker_module.PIECE_CHARS < sys.maxsize else 'any'} "
          f"characters ({len(body):,} characters of text, repeated where needed)")
    for n in args.lengths:
        doc_text = (body * (n // len(body) + 1))[:n]
        doc = Document(id="long", text=doc_text, source="bench", lang=args.lang, published=when)
        norm = normalize(doc_text)
        start = time.process_time()
        ents = linker.link(doc, norm)
        dt = time.process_time() - start
        print(f"{n:>10,} chars: {dt:7.2f} s CPU  {n / dt:>10,.0f} chars/s  {len(ents):,} entities", flush=True)


if __name__ == "__main__":
    main()
