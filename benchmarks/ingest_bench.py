"""Ingest benchmark: a synthetic Telegram Desktop export, ingested into a fresh SQLite store.

    .venv/bin/python benchmarks/ingest_bench.py                 # 200,000 messages
    .venv/bin/python benchmarks/ingest_bench.py -n 1000000      # any size: memory must stay flat
    .venv/bin/python benchmarks/ingest_bench.py --profile       # cProfile of the hot path (top 25)
    .venv/bin/python benchmarks/ingest_bench.py -n 50000 --words 100 300   # longer posts

Prints the export size, ingest throughput (documents/s, wall clock, one process; and documents per
CPU-second, which is what "one core" means on a shared machine), the peak resident memory of the
ingesting process (a child process, so generation does not count) and the load average.
Targets (issue 2): >= 5,000 documents/s on one core into SQLite; peak < 300 MB whatever the size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = {
    "ru": ("министр иностранных дел провёл переговоры с коллегой в Москве обсудили двустороннее "
           "сотрудничество подписали меморандум визит состоится на следующей неделе").split(),
    "en": ("the foreign minister held talks with his counterpart in Brussels they discussed bilateral "
           "cooperation signed a memorandum the visit will take place next week").split(),
    "de": ("der Außenminister führte Gespräche mit seinem Amtskollegen in Berlin über die bilaterale "
           "Zusammenarbeit unterzeichnet wurde eine Absichtserklärung nächste Woche").split(),
    "fr": ("le ministre des affaires étrangères a eu des entretiens avec son homologue à Paris sur la "
           "coopération bilatérale un mémorandum a été signé la semaine prochaine").split(),
    "es": ("el ministro de asuntos exteriores mantuvo conversaciones con su homólogo en Madrid sobre la "
           "cooperación bilateral se firmó un memorando la próxima semana").split(),
}


def generate(path: Path, n: int, seed: int = 7, words: tuple[int, int] = (20, 60)) -> None:
    """Write a single-chat export of ``n`` messages (new layout: text entities, date_unixtime), streaming."""
    rnd = random.Random(seed)
    langs = list(WORDS)
    t0 = 1_600_000_000
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{\n "name": "Bench channel",\n "type": "public_channel",\n "id": 1234567890,\n "messages": [\n')
        for i in range(1, n + 1):
            if i % 97 == 0:
                msg = {"id": i, "type": "service", "date": "2020-09-13T12:26:40", "date_unixtime": str(t0 + i * 60),
                       "actor": "Bench channel", "actor_id": "channel1234567890", "action": "pin_message",
                       "message_id": i - 1, "text": "", "text_entities": []}
            else:
                vocab = WORDS[langs[i % len(langs)]]
                body = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(*words)))
                tag = f"#news{i % 13}"
                link = f"https://example.org/news/{i}"
                msg = {"id": i, "type": "message", "date": "2020-09-13T12:26:40", "date_unixtime": str(t0 + i * 60),
                       "from": "Bench channel", "from_id": "channel1234567890",
                       "text": [body + " ", {"type": "hashtag", "text": tag}, " ", {"type": "link", "text": link}],
                       "text_entities": [{"type": "plain", "text": body + " "}, {"type": "hashtag", "text": tag},
                                         {"type": "plain", "text": " "}, {"type": "link", "text": link}]}
                if i % 10 == 0:
                    msg["edited"] = "2020-09-14T10:00:00"
                    msg["edited_unixtime"] = str(t0 + i * 60 + 3600)
                if i % 7 == 0:
                    msg["reply_to_message_id"] = i - 1
            fh.write("  " + json.dumps(msg, ensure_ascii=False))
            fh.write(",\n" if i < n else "\n")
        fh.write(" ]\n}\n")


def child(export: str, db: str, profile: bool) -> None:
    """Runs in a fresh process: ingest, then print one JSON line of figures."""
    from communique.ingest.runner import ingest
    from communique.store import open_store

    store = open_store(db)
    t = time.perf_counter()
    cpu0 = time.process_time()
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
    results = ingest([export], store)
    seconds = time.perf_counter() - t
    cpu = time.process_time() - cpu0
    if profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    store.close()
    r = results[0]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"documents": r.counts.new, "skipped": r.counts.skipped, "quarantined": r.counts.quarantined,
                      "seconds": round(seconds, 2), "docs_per_s": round(r.counts.new / seconds),
                      "cpu_seconds": round(cpu, 2), "docs_per_cpu_s": round(r.counts.new / cpu),
                      "load_avg": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                      "peak_rss_mb": round(peak_kb / 1024, 1), "error": r.error}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--messages", type=int, default=200_000)
    ap.add_argument("--words", type=int, nargs=2, default=(20, 60), metavar=("MIN", "MAX"),
                    help="words per post (default 20 60; real ministry posts are often 100-300)")
    ap.add_argument("--dir", help="where to write the export and the store (default: a temporary folder)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("EXPORT", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.profile)
        return
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        export = Path(tmp) / "result.json"
        db = Path(tmp) / "bench.db"
        t = time.perf_counter()
        generate(export, args.messages, words=tuple(args.words))
        print(f"generated {args.messages:,} messages ({export.stat().st_size / 1e6:,.1f} MB) "
              f"in {time.perf_counter() - t:.1f}s", flush=True)
        cmd = [sys.executable, __file__, "--child", str(export), str(db)] + (["--profile"] if args.profile else [])
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env={**os.environ}).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        print(f"ingested {figures['documents']:,} documents ({figures['skipped']:,} service messages skipped) "
              f"in {figures['seconds']}s wall: {figures['docs_per_s']:,} docs/s "
              f"({figures['cpu_seconds']}s CPU: {figures['docs_per_cpu_s']:,} docs per CPU-second); "
              f"peak RSS {figures['peak_rss_mb']} MB; store {db.stat().st_size / 1e6:,.1f} MB "
              f"(load average {figures['load_avg']} on {figures['cpus']} CPUs)")
        if figures["error"]:
            print("error:", figures["error"])


if __name__ == "__main__":
    main()
