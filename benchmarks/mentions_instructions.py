"""Mention linking of 150,000 unseen characters of one language, for counting instructions.

On a shared machine CPU time varies by 15–25 % between runs of the same code; the number of
instructions does not. Count them with valgrind's cachegrind, once with the timed linking and once
without it (``--skip``); the difference is the linking::

    export PYTHONHASHSEED=0
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/mentions_instructions.py --lang de          # "I refs" with linking
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/mentions_instructions.py --lang de --skip   # ... without it

Texts (from ../shared, as in ``mentions_bench.py``): German, the GermEval dev sentences (the first
20,000 characters warm the caches, the next 150,000 are linked); Russian, the NEREL dev texts (NEREL
train warms); Spanish, the CoNLL-2002 dev sentences. Documents of 2,000 characters, knowledge base
and rules, no natasha. The process ends with ``os._exit`` because the interpreter's teardown varies
by about 50 M instructions between otherwise equal runs; runs of one tree still differ by about 20 M.
Without valgrind the script prints the CPU-time rate.

The difference of the two runs moves by tens of millions of instructions between trees for reasons
outside the linking code (where the allocator's arenas fall: ``cg_diff`` of two runs showed +41 M in
``_PyObject_Free`` alone after an unrelated change). Counting only the timed linking avoids that:
callgrind with collection off at the start, toggled on and off around the timed loop by a one-line
C helper (``benchmarks/callgrind_toggle.c``; s11, docs/kb.md "German linking cost, s11")::

    cc -O1 -shared -fPIC -o /tmp/callgrind_toggle.so benchmarks/callgrind_toggle.c
    PYTHONHASHSEED=0 setarch x86_64 -R valgrind --tool=callgrind --collect-atstart=no \\
        --callgrind-out-file=/dev/null .venv/bin/python benchmarks/mentions_instructions.py \\
        --lang de --toggle /tmp/callgrind_toggle.so                      # "Collected": the linking alone

(``setarch -R``: no address randomisation; runs of one tree then give the same count to 0.1 M.)
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from communique.documents import Document
from communique.evaluation import ner
from communique.mentions import MentionLinker
from communique.normalize import normalize

CHARS = 150_000
WARM = 20_000


def texts(lang: str, data: Path) -> tuple[str, str]:
    """(warm-up text, linked text) for ``lang``."""
    if lang == "ru":
        dev = "\n".join(p.read_text(encoding="utf-8") for p in sorted((data / "ner/nerel/dev").glob("*.txt")))
        warm = "\n".join(p.read_text(encoding="utf-8") for p in sorted((data / "ner/nerel/train").glob("*.txt"))[:20])
        return warm, dev[:CHARS]
    fmt, rel = {"de": ("germeval", "ner/germeval2014/NER-de-dev.tsv"),
                "es": ("conll", "ner/conll2002_es/es.conll.dev.tsv")}[lang]
    allt = "\n".join(g.text for g in ner.READERS[fmt](data / rel))
    return allt[:WARM], allt[WARM:WARM + CHARS]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=("de", "ru", "es"), default="de")
    ap.add_argument("--skip", action="store_true", help="Prepare everything but do not link (the baseline run).")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared",
                    help="The shared folder (default: ../shared beside the repository).")
    ap.add_argument("--toggle", type=Path, default=None,
                    help="A shared library with toggle() (callgrind_toggle.c): called before and after the timed loop.")
    args = ap.parse_args()
    data = args.shared / "data"
    if not data.is_dir():
        sys.exit(f"{data}: no shared data folder (give --shared)")
    warm, text = texts(args.lang, data)
    linker = MentionLinker(use_natasha=False)
    when = datetime(2024, 11, 20, tzinfo=timezone.utc)

    def prep(t: str):
        return [(Document(id=str(i), text=t[i:i + 2000], source="bench", lang=args.lang, published=when),
                 normalize(t[i:i + 2000])) for i in range(0, len(t), 2000)]

    for doc, norm in prep(warm):
        linker.link(doc, norm)
    docs = prep(text)
    toggle = ctypes.CDLL(str(args.toggle)).toggle if args.toggle else (lambda: None)
    start = time.process_time()
    toggle()
    for doc, norm in ([] if args.skip else docs):
        linker.link(doc, norm)
    toggle()
    dt = time.process_time() - start + 1e-9
    print(f"{args.lang}: {len(text):,} chars, {'skipped' if args.skip else f'{len(text) / dt:,.0f} chars/s CPU'}")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
