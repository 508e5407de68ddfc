"""Event store benchmark: a synthetic store of N events, filtered queries, consolidation, exports.

    .venv/bin/python benchmarks/store_bench.py                       # full size: 1,000,000 + 100,000 docs
    .venv/bin/python benchmarks/store_bench.py --events 50000 --new-docs 5000   # a quick run

1. Bulk-loads ``--events`` synthetic source events (one story each, the way a store looks after
   consolidation of mostly single-source events) straight into the tables. Not timed as a target.
2. Runs ``--queries`` filtered queries of the ``communique events`` kind (actor, country, kind,
   status, dates, text, combinations; 100 rows each, records decoded) and reports p50/p95.
3. Consolidates ``--new-docs`` new synthetic documents (about 1.5 events each; a third of the
   announcements are reported again later) through the real incremental path, on one core.
4. Exports every story in each format to a temporary file and reports events/s.

Targets (issue 6): query p95 < 100 ms; 100,000 documents consolidated < 120 s; export >= 50,000 events/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from communique.consolidate import Consolidator, transaction
from communique.consolidate.engine import aggregate, story_keys
from communique.consolidate.synthetic import World, synthetic_records
from communique.export import NEEDS_RECORD, export, export_columns
from communique.store import events as es
from communique.store import open_store

START = date(2019, 1, 1)


def bulk_load(conn, n_events: int, world: World, days: int) -> int:
    """Write ``n_events`` events, one story each, with executemany (no consolidation)."""
    n_docs = int(n_events / 1.5) + 1
    dumps = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    seen_entities: set[str] = set()
    eid = sid = 0
    batch_events, batch_parts, batch_stories, batch_keys, batch_links, batch_fts, batch_hist, batch_ents = (
        [], [], [], [], [], [], [], [])
    batch_match: list[tuple] = []
    matcher = Consolidator(conn)

    def flush() -> None:
        with transaction(conn):
            conn.executemany("INSERT OR IGNORE INTO entities(id, type, name, country, wikidata, geonames, role)"
                             " VALUES (?,?,?,?,?,?,?)", batch_ents)
            conn.executemany(
                "INSERT INTO events(id, doc_id, local_id, published, lang, kind, type, mode, status, modality, location,"
                " t_start, t_end, granularity, confidence, record, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                batch_events)
            conn.executemany("INSERT OR IGNORE INTO event_participants(event_id, role, entity_id) VALUES (?,?,?)",
                             batch_parts)
            conn.executemany(
                "INSERT INTO stories(id, kind, type, mode, status, t_start, t_end, granularity, d_start, d_end, location,"
                " first_seen, last_seen, n_sources, confidence, record, updated, flat, flat_packed) VALUES"
                " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch_stories)
            conn.executemany("INSERT OR IGNORE INTO story_keys(key, d_start, story_id) VALUES (?,?,?)", batch_keys)
            conn.executemany("INSERT OR IGNORE INTO match_keys(key, d_start, story_id) VALUES (?,?,?)", batch_match)
            conn.executemany("INSERT INTO story_events(story_id, event_id, score, reason, joined) VALUES (?,?,?,?,?)",
                             batch_links)
            conn.executemany("INSERT INTO events_fts(rowid, body) VALUES (?,?)", batch_fts)
            conn.executemany("INSERT INTO story_status_history(story_id, status, at, doc_id, event_id, note)"
                             " VALUES (?,?,?,?,?,?)", batch_hist)
        for b in (batch_events, batch_parts, batch_stories, batch_keys, batch_links, batch_fts, batch_hist, batch_ents,
                  batch_match):
            b.clear()

    reason = dumps({"decision": "new story", "checks": ["bulk load"]})
    for rec, text in synthetic_records(n_docs, world=world, start=START, days=days, prefix="base"):
        ents = {e["id"]: e for e in rec["entities"]}
        for e in rec["entities"]:
            if e["id"] not in seen_entities:
                seen_entities.add(e["id"])
                batch_ents.append((e["id"], e["type"], e["name"], e["country"], None, e["geonames"], e["role"]))
        for ev in rec["events"]:
            if eid >= n_events:
                break
            eid += 1
            sid += 1
            m = es.member_of(ev, rec["doc"], text)
            m["rowid"] = eid
            t = m["time"]
            batch_events.append((eid, rec["doc"]["id"], ev["id"], rec["doc"]["published"], rec["doc"]["lang"], m["kind"],
                                 m["type"], m["mode"], m["status"], m["modality"], m["location"], t["start"], t["end"],
                                 t["granularity"], m["confidence"], dumps(ev), sid))
            for role, ids in (("actor", m["actors"]), ("recipient", m["recipients"]),
                              ("organization", m["organizations"])):
                batch_parts.extend((eid, role, i) for i in ids)
            story, summary = aggregate([m], ents)
            story["id"] = f"s{sid}"
            batch_stories.append((sid, story["kind"], story["type"], story["mode"], story["status"],
                                  story["time"]["start"], story["time"]["end"], story["time"]["granularity"],
                                  summary["d_start"], summary["d_end"], story["location"], summary["first_seen"],
                                  summary["last_seen"], 1, story["confidence"], dumps(story), "bench",
                                  *export_columns(story)))
            batch_keys.extend((k, summary["d_start"], sid) for k in story_keys(story, ents))
            days = matcher.anchors(story, summary)
            batch_match.extend((k, d, sid) for k in matcher.match_keys([m], ents) for d in days)
            batch_links.append((sid, eid, None, reason, "bench"))
            names = {e["id"]: e["name"] for e in rec["entities"]}
            batch_fts.append((eid, " ".join([m["kind"], *(names.get(i, "") for i in m["actors"] + m["recipients"]),
                                             *(sp["text"] for sp in m["evidence"])])))
            batch_hist.extend((sid, h["status"], h["at"], h["doc"], eid, h["note"]) for h in story["status_history"])
        if len(batch_events) >= 20000:
            flush()
        if eid >= n_events:
            break
    flush()
    return eid


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_queries(conn, world: World, days: int, n: int, seed: int = 3) -> dict[str, object]:
    rnd = random.Random(seed)
    as_of = (START + timedelta(days=days)).isoformat()
    people = [world.persons[cc][i]["id"] for cc in world.countries[:40] for i in range(3)]
    rare = [world.persons[cc][i]["id"] for cc in world.countries[-40:] for i in range(10, 20)]
    kinds = ["meeting", "visit", "summit", "signing", "phone_call"]

    def some_range() -> tuple[str, str]:
        a = START + timedelta(days=rnd.randrange(days - 60))
        return a.isoformat(), (a + timedelta(days=rnd.choice((7, 30, 60)))).isoformat()

    makers = {
        "actor (popular)": lambda: es.StoryQuery(keys=[rnd.choice(people)]),
        "actor (rare)": lambda: es.StoryQuery(keys=[rnd.choice(rare)]),
        "country": lambda: es.StoryQuery(country=rnd.choice(world.countries[:60])),
        "kind": lambda: es.StoryQuery(kind=rnd.choice(kinds)),
        "status planned": lambda: es.StoryQuery(status="planned"),
        "status unconfirmed": lambda: es.StoryQuery(status="unconfirmed"),
        "date range": lambda: es.StoryQuery(date_from=(r := some_range())[0], date_to=r[1]),
        "actor + dates": lambda: es.StoryQuery(keys=[rnd.choice(people)], date_from=(r := some_range())[0],
                                               date_to=r[1]),
        "country + kind + dates": lambda: es.StoryQuery(country=rnd.choice(world.countries[:60]),
                                                        kind=rnd.choice(kinds), date_from=(r := some_range())[0],
                                                        date_to=r[1]),
        "text": lambda: es.StoryQuery(text=f"Person {rnd.choice(world.countries[:60])}"),
        "text + kind": lambda: es.StoryQuery(text=rnd.choice(world.countries[:60]), kind=rnd.choice(kinds)),
    }
    names = list(makers)
    for name in names:  # warm the page cache once per kind
        list(es.iter_story_records(conn, makers[name](), as_of=as_of))
    timings: dict[str, list[float]] = {k: [] for k in names}
    rows = 0
    for i in range(n):
        name = names[i % len(names)]
        q = makers[name]()
        t0 = time.perf_counter()
        rows += sum(1 for _ in es.iter_story_records(conn, q, as_of=as_of))
        timings[name].append(time.perf_counter() - t0)
    everything = [t for v in timings.values() for t in v]
    return {
        "queries": n, "rows": rows,
        "p50_ms": round(p(everything, 0.5) * 1000, 1), "p95_ms": round(p(everything, 0.95) * 1000, 1),
        "max_ms": round(max(everything) * 1000, 1),
        "by_filter_p95_ms": {k: round(p(v, 0.95) * 1000, 1) for k, v in timings.items() if v},
    }


def bench_consolidation(conn, world: World, days: int, n_docs: int, prefix: str = "new",
                        batch: int = 500) -> dict[str, object]:
    c = Consolidator(conn)
    start = START + timedelta(days=days - 60)  # overlaps the end of the stored timeline
    records = list(synthetic_records(n_docs, seed=11, world=world, start=start, days=120, prefix=prefix))
    n_events = sum(len(r["events"]) for r, _ in records)
    before = es.stats(conn)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(records), batch):
        with transaction(conn):
            for rec, text in records[i:i + batch]:
                c.add_record(rec, text)
    # what is still in the write-ahead log is part of the work: copy it into the file, timed
    t1 = time.perf_counter()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint = time.perf_counter() - t1
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    after = es.stats(conn)
    joined = n_events - (after["stories"] - before["stories"])
    return {"documents": n_docs, "events": n_events, "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
            "final_checkpoint_seconds": round(checkpoint, 1),
            "docs_per_s": round(n_docs / elapsed), "events_joined_existing_stories": joined}


def bench_exports(conn, formats: list[str], limit: int | None) -> dict[str, object]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            path = Path(tmp) / f"export.{fmt}"
            q = es.StoryQuery(limit=limit, ascending=False)
            t0, c0 = time.perf_counter(), time.process_time()
            with open(path, "wb") as fh:
                st = export(es.iter_export_rows(conn, q, need_record=fmt in NEEDS_RECORD), fmt, fh)
            elapsed = time.perf_counter() - t0
            cpu = time.process_time() - c0
            out[fmt] = {"events": st.written + st.skipped, "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
                        "events_per_s": round((st.written + st.skipped) / elapsed),
                        "mb": round(path.stat().st_size / 1e6, 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--new-docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=330)
    ap.add_argument("--export-limit", type=int, default=None, help="Export at most this many events per format.")
    ap.add_argument("--formats", default="jsonl,csv,polecat,plover,parquet")
    ap.add_argument("--db", default=None, help="Store file (default: a temporary one, removed afterwards).")
    ap.add_argument("--keep", action="store_true", help="Keep an existing --db and skip the bulk load.")
    ap.add_argument("--batch", type=int, default=500, help="Documents consolidated per transaction.")
    ap.add_argument("--new-prefix", default="new", help="Document id prefix of the consolidated documents.")
    ap.add_argument("--only", default="queries,consolidation,export",
                    help="Which parts to run (comma-separated: queries, consolidation, export).")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    days = max(365, min(2400, args.events // 400))
    world = World(7)
    tmpdir = None
    if args.db is None:
        tmpdir = tempfile.mkdtemp(prefix="store_bench_")
        args.db = os.path.join(tmpdir, "bench.db")
    report: dict[str, object] = {"events_target": args.events, "days": days}
    store = open_store(args.db)
    conn = store.conn
    if not (args.keep and es.stats(conn)["events"]):
        t0 = time.perf_counter()
        report["loaded_events"] = bulk_load(conn, args.events, world, days)
        conn.execute("ANALYZE")
        report["load_seconds"] = round(time.perf_counter() - t0, 1)
    report["store"] = es.stats(conn)
    report["db_mb"] = round(os.path.getsize(args.db) / 1e6)
    print(json.dumps(report), file=sys.stderr)
    parts = set(args.only.split(","))
    if "queries" in parts:
        report["queries"] = bench_queries(conn, world, days, args.queries)
        print(json.dumps(report["queries"]), file=sys.stderr)
    if "consolidation" in parts:
        report["consolidation"] = bench_consolidation(conn, world, days, args.new_docs, args.new_prefix,
                                                        args.batch)
        print(json.dumps(report["consolidation"]), file=sys.stderr)
        if "queries" in parts:
            report["queries_after"] = bench_queries(conn, world, days, args.queries, seed=5)
    if "export" in parts:
        report["export"] = bench_exports(conn, args.formats.split(","), args.export_limit)
    report["store_after"] = es.stats(conn)
    store.close()
    if tmpdir:
        for f in Path(tmpdir).iterdir():
            f.unlink()
        os.rmdir(tmpdir)
    targets = {}
    if "queries" in report:
        targets["query_p95_under_100ms"] = all(report[k]["p95_ms"] < 100 for k in ("queries", "queries_after")
                                               if k in report)
    if "consolidation" in report:
        targets["consolidation_100k_docs_under_120s"] = \
            report["consolidation"]["seconds"] * 100_000 / max(1, args.new_docs) < 120
    if "export" in report:
        targets["export_at_least_50k_per_s"] = all(v["events_per_s"] >= 50_000 for v in report["export"].values())
    report["targets_met"] = targets
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
