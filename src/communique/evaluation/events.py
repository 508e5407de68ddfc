"""``communique eval events``: the seed, presidential press releases (silver), Spanish PLOVER sentences.

1. seed: ``spec/seed/seed_de.expected.json`` against the extraction of ``seed_de.txt``;
   every required item must match and no announced item may be ``occurred``.
2. press: ``data/press/zelenskyy.csv``. The headline is withheld from the extractor and read
   as silver gold: a headline naming a phone call, video call, meeting/talks or visit with a
   foreign counterpart must yield an event of that kind with that counterpart (the
   counterpart is what the mention linker finds in the headline, less Ukraine's own side),
   on the publication date, a date the body gives, or with no date. Precision: the
   document's first contact event with a foreign participant, against the headline.
   Greetings and condolences must yield no meeting.
3. plover: ``data/events/plover_spanish/``: the PLOVER type of the sentence's main event
   (the one the extractor marks ``main``: main clause, not a cause, object or outcome of
   another; else the earliest) against the gold category. ``--show-misses`` lists the rest.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import time as _time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import click

from communique.documents import Document
from communique.errors import EvaluationError

log = logging.getLogger(__name__)

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"
MEET = {"meeting", "talks", "session", "summit"}
KIND_CLASS = {"phone_call": {"phone_call"}, "video_call": {"video_call"}, "meeting": MEET, "visit": {"visit"},
              "talks": MEET | {"phone_call", "video_call"}}
LEAD_KIND = {"phone_call": "phone_call", "video_call": "video_call", "visit": "visit"}
PLOVER_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "SACTION": "SANCTION"}


# ---------------------------------------------------------------------------------------------
# 1. the seed
# ---------------------------------------------------------------------------------------------
def _ent_index(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in record["entities"]}


def _key_matches(key: str, ent: dict[str, Any] | None) -> bool:
    if ent is None:
        return False
    if re.fullmatch(r"[A-Z]{2}", key):
        return ent["type"] == "country" and ent.get("country") == key
    k = key.lower()
    names = [ent.get("name") or "", ent.get("acronym") or ""] + [m.get("text") or "" for m in ent.get("mentions", [])]
    return any(k in n.lower() for n in names if n) or k == (ent.get("id", "").rsplit("/", 1)[-1].lower())


def _ids_match(keys: list[str], ids: list[str], ents, mode: str) -> bool:
    hits = [any(_key_matches(k, ents.get(i)) for i in ids) for k in keys]
    return all(hits) if mode == "all" else any(hits)


def _event_matches(exp: dict[str, Any], ev: dict[str, Any], ents) -> bool:
    if ev["kind"] not in exp["kind"]:
        return False
    for f in ("type", "mode", "status", "modality"):
        if f in exp and ev.get(f) != exp[f]:
            return False
    parts = ev["actors"] + ev["recipients"]
    if "actors" in exp and not _ids_match(exp["actors"], ev["actors"], ents, "all"):
        return False
    if "recipients_any" in exp and not _ids_match(exp["recipients_any"], ev["recipients"], ents, "any"):
        return False
    if "participants_all" in exp and not _ids_match(exp["participants_all"], parts, ents, "all"):
        return False
    if "participants_any" in exp and not _ids_match(exp["participants_any"], parts, ents, "any"):
        return False
    if "organizations_any" in exp and not _ids_match(exp["organizations_any"], ev["organizations"], ents, "any"):
        return False
    if "location" in exp:
        loc = ents.get(ev["location"]) if ev.get("location") else None
        want = exp["location"]
        names = [want["name"]] if "name" in want else want.get("name_any", [])
        if loc is None or loc.get("country") != want.get("country") or not any(
                n.lower() in (loc.get("name") or "").lower() for n in names):
            return False
    t = ev.get("time") or {}
    if "time" in exp and [t.get("start"), t.get("end")] != exp["time"]:
        return False
    if "time_within" in exp:
        lo, hi = exp["time_within"]
        if not (t.get("start") and t.get("end") and lo <= t["start"] and t["end"] <= hi):
            return False
    if "time_granularity" in exp and t.get("granularity") != exp["time_granularity"]:
        return False
    if "documents_contain_any" in exp:
        titles = [(ents.get(d) or {}).get("name", "").lower() for d in ev["documents"]]
        if not any(s.lower() in t_ for s in exp["documents_contain_any"] for t_ in titles):
            return False
    return True


def check_seed(record: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """Compare one record with the seed's expectations: which items match, what is missing."""
    ents = _ent_index(record)
    items = []
    for exp in expected["events"]:
        hits = [ev["id"] for ev in record["events"] if _event_matches(exp, ev, ents)]
        items.append({"label": exp["label"], "optional": bool(exp.get("optional")), "matched_by": hits})
    docs = []
    for exp in expected["entities"]:
        if exp["type"] != "document":
            continue
        ok = any(e["type"] == "document" and any(s.lower() in e["name"].lower() for s in exp["name_contains_any"])
                 for e in record["entities"])
        docs.append({"label": "document " + "/".join(exp["name_contains_any"]), "optional": bool(exp.get("optional")),
                     "matched_by": ["yes"] if ok else []})
    occurred = [ev["id"] for ev in record["events"] if ev["status"] == "occurred" and ev["modality"] != "historical"]
    required = [i for i in items + docs if not i["optional"]]
    return {
        "items": items + docs,
        "required": len(required),
        "required_matched": sum(1 for i in required if i["matched_by"]),
        "optional_matched": sum(1 for i in items + docs if i["optional"] and i["matched_by"]),
        "optional": sum(1 for i in items + docs if i["optional"]),
        "occurred_violations": occurred,
        "complete": all(i["matched_by"] for i in required) and not occurred,
    }


def eval_seed(shared: Path, pipeline) -> dict[str, Any]:
    seed = shared / "spec" / "seed"
    expected = json.loads((seed / "seed_de.expected.json").read_text(encoding="utf-8"))
    text = (seed / "seed_de.txt").read_text(encoding="utf-8")
    doc = Document(id="seed_de", text=text, source="file", lang=expected["doc"]["lang"],
                   published=datetime.fromisoformat(expected["doc"]["published"]))
    record = pipeline.process(doc)
    return check_seed(record, expected)


# ---------------------------------------------------------------------------------------------
# 2. press releases
# ---------------------------------------------------------------------------------------------
_H_PHONE = re.compile(r"(?i)\b(?:tele)?phone\b")
_H_VIDEO = re.compile(r"(?i)\b(?:video|online)\b")
_H_VISIT = re.compile(r"(?i)\bvisit(?:s|ed)?\b|\bpaid a visit\b")
_H_MEET = re.compile(r"(?i)\b(?:met|meets?|meeting|received)\b")
_H_TALK = re.compile(r"(?i)\b(?:talks|conversation|talked)\b")
_H_WITH = re.compile(r"(?i)\b(?:with|between)\b|\b(?:presidents|prime ministers|leaders|heads|first ladies|delegations)"
                     r"\s+of\s+ukraine\s+and\b")
_H_GREET = re.compile(r"(?i)congratulat|condolence|greet|birthday|sympath")


def headline_kind(headline: str) -> tuple[str, int] | None:
    """The contact kind a headline names "with someone", and where the counterpart starts."""
    for kind, rx in (("phone_call", _H_PHONE), ("video_call", _H_VIDEO), ("meeting", _H_MEET),
                     ("talks", _H_TALK), ("visit", _H_VISIT)):
        m = rx.search(headline)
        if m is None:
            continue
        if kind == "video_call" and not (_H_MEET.search(headline) or _H_TALK.search(headline)):
            continue
        if kind == "visit":
            return kind, m.start()
        w = _H_WITH.search(headline)
        if w is None:
            return None
        return kind, min(m.start(), w.start())
    return None


def _foreign(ents: Iterable[dict[str, Any]], home: str) -> list[dict[str, Any]]:
    out = []
    for e in ents:
        if e["type"] not in ("person", "country", "organization", "group"):
            continue
        if e.get("country") == home:
            continue
        out.append(e)
    return out


def _counterpart_hit(ev: dict[str, Any], rec_ents: dict[str, dict], gold: list[dict[str, Any]]) -> bool:
    parts = [rec_ents.get(i) for i in ev["actors"] + ev["recipients"]]
    if ev.get("location"):
        parts.append(rec_ents.get(ev["location"]))
    parts = [p for p in parts if p]
    for g in gold:
        if g["type"] == "organization" and g["id"] in ev.get("organizations", []):
            return True
        for p in parts:
            if p["id"] == g["id"]:
                return True
            if g["type"] == "country" and p.get("country") == g.get("country"):
                return True
            if g["type"] == "person" and p["type"] == "person" and g["name"].split()[-1:] == p["name"].split()[-1:]:
                return True
            if g["type"] == "organization" and p["type"] == "person" and p.get("role") and any(
                    x and x.lower() in p["role"].lower() for x in (g["name"], g.get("acronym"))):
                return True
    return False


def _date_ok(ev: dict[str, Any], pub: date) -> bool:
    t = ev.get("time") or {}
    if not t.get("start") and not t.get("end"):
        return True
    try:
        s = date.fromisoformat(t.get("start") or t["end"])
        e = date.fromisoformat(t.get("end") or t["start"])
    except (ValueError, KeyError):
        return False
    return s <= pub + timedelta(days=1) and e >= pub - timedelta(days=7)


def eval_press(shared: Path, pipeline, limit: int | None = None, home: str = "UA") -> dict[str, Any]:
    path = shared / "data" / "press" / "zelenskyy.csv"
    if not path.exists():
        raise EvaluationError(f"{path} is missing")
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if limit:
        rows = rows[:limit]
    recall = defaultdict(lambda: [0, 0])  # kind -> [hit, total]
    prec = defaultdict(lambda: [0, 0])
    greet_docs = greet_bad = 0
    no_counterpart = 0
    misses: list[dict[str, Any]] = []
    for n, row in enumerate(rows):
        pub = datetime.fromisoformat(row["date"].replace("Z", "+00:00")).astimezone(timezone.utc)
        headline = row["headline"]
        doc = Document(id=f"press:{n}", text=row["body"], source="csv", lang="en", published=pub)
        record = pipeline.process(doc)
        rec_ents = _ent_index(record)
        if _H_GREET.search(headline):
            greet_docs += 1
            if any(ev["kind"] in MEET for ev in record["events"]):
                greet_bad += 1
        hk = headline_kind(headline)
        if hk is None:
            continue
        kind, at = hk
        hdoc = Document(id=f"press:{n}:h", text=headline, source="csv", lang="en", published=pub)
        linked = [e.to_json() for e in pipeline.linker.link(hdoc, _norm(headline))]
        # a counterpart is a known foreign entity: a new organisation without a country
        # ("EBA", "Council of Churches") is most often a domestic one
        # (a country named only inside an organisation's name, "nested_in", is no counterpart: events skip it)
        gold = [g for g in _foreign([e for e in linked if any(m["start"] >= at and not m.get("nested_in")
                                                          for m in e["mentions"])], home)
                if not (g["id"].startswith("new:organization/") and not g.get("country"))]
        if not gold:
            no_counterpart += 1
            continue
        recall[kind][1] += 1
        ok = any(ev["kind"] in KIND_CLASS[kind] and _counterpart_hit(ev, rec_ents, gold) and _date_ok(ev, pub.date())
                 for ev in record["events"])
        recall[kind][0] += ok
        lead = _lead(record["events"], rec_ents, home)
        if lead is not None:
            lk = LEAD_KIND.get(lead["kind"], "meeting")
            prec[lk][1] += 1
            good = lead["kind"] in KIND_CLASS[kind] and _counterpart_hit(lead, rec_ents, gold)
            prec[lk][0] += good
        if not ok and len(misses) < 30:
            misses.append({"headline": headline[:120], "kind": kind, "gold": [g["id"] for g in gold],
                           "events": [(ev["kind"], ev["actors"] + ev["recipients"]) for ev in record["events"][:4]]})
    kinds = sorted(set(recall) | set(prec))
    per_kind = {k: {"recall": _ratio(*recall[k]), "recall_n": recall[k][1],
                    "precision": _ratio(*prec[k]), "precision_n": prec[k][1]} for k in kinds}
    tr = [sum(recall[k][0] for k in kinds), sum(recall[k][1] for k in kinds)]
    tp = [sum(prec[k][0] for k in kinds), sum(prec[k][1] for k in kinds)]
    return {"documents": len(rows), "per_kind": per_kind, "recall": _ratio(*tr), "recall_n": tr[1],
            "precision": _ratio(*tp), "precision_n": tp[1], "headlines_without_counterpart": no_counterpart,
            "greeting_docs": greet_docs, "greeting_docs_with_meeting": greet_bad, "misses": misses}


def _lead(events: list[dict[str, Any]], rec_ents: dict[str, dict], home: str) -> dict[str, Any] | None:
    """The first contact event with a foreign participant; in its sentence, the main event
    rather than the visit framing it ("During a visit to Brussels, A met B")."""
    contact = [ev for ev in events if ev["kind"] in MEET | {"phone_call", "video_call", "visit"}
               and _foreign([rec_ents[i] for i in ev["actors"] + ev["recipients"] if i in rec_ents], home)]
    if not contact:
        return None
    first = contact[0]["evidence"][0]["start"]
    same = [ev for ev in contact if ev["evidence"][0]["start"] == first]
    return next((ev for ev in same if ev["kind"] != "visit"), same[0])


def _norm(text: str):
    from communique.normalize import normalize

    return normalize(text)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# ---------------------------------------------------------------------------------------------
# 3. Spanish PLOVER sentences
# ---------------------------------------------------------------------------------------------
def read_plover(path: Path) -> list[dict[str, Any]]:
    from lxml import etree

    parser = etree.XMLParser(recover=True, huge_tree=True)
    root = etree.parse(str(path), parser).getroot()
    out = []
    for s in root.iter("Sentence"):
        if s.get("evaluate", "true") != "true":
            continue
        text = (s.findtext("Text") or "").strip()
        codes = [c.get("plover") for c in s.findall("EventCoding") if c.get("plover")]
        triggers = [t.get("eventtext") for t in s.findall("EventText")]
        if not text or not codes:
            continue
        out.append({"id": s.get("id"), "date": s.get("date"), "text": text,
                    "gold": [PLOVER_ALIASES.get(c, c) for c in codes], "triggers": triggers})
    return out


def primary_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    typed = [e for e in events if e.get("type")]
    if not typed:
        return None
    # the event the extractor marks as its sentence's main one (main clause, not a cause, object or
    # outcome of another); else the first of the sentence: in news prose the main clause comes first
    return min(typed, key=lambda e: (not e.get("main"), (e.get("trigger") or {}).get("start", 0), -e["confidence"]))


def eval_plover(shared: Path, pipeline, limit: int | None = None) -> dict[str, Any]:
    folder = shared / "data" / "events" / "plover_spanish"
    files = sorted(folder.glob("*.xml"))
    if not files:
        raise EvaluationError(f"no PLOVER XML in {folder}")
    rows = read_plover(files[0])
    if limit:
        rows = rows[:limit]
    correct = any_hit = none = 0
    confusion: Counter = Counter()
    per_gold = defaultdict(lambda: [0, 0])
    misses: list[dict[str, Any]] = []
    for r in rows:
        try:
            pub = datetime.strptime(r["date"], "%Y%m%d").replace(tzinfo=timezone.utc)
        except (TypeError, ValueError):
            pub = None
        doc = Document(id=r["id"] or "plover", text=r["text"], source="xml", lang="es", published=pub)
        record = pipeline.process(doc)
        gold = r["gold"][0]
        main = primary_event(record["events"])
        pred = main["type"] if main else None
        if pred is None:
            none += 1
        ok = pred == gold
        correct += ok
        any_hit += any(e.get("type") in r["gold"] for e in record["events"])
        per_gold[gold][0] += ok
        per_gold[gold][1] += 1
        if not ok:
            confusion[(gold, pred)] += 1
            trig = (main or {}).get("trigger") or {}
            misses.append({"id": r["id"], "gold": gold, "pred": pred, "gold_trigger": (r["triggers"] or [None])[0],
                           "pred_trigger": trig.get("text"),
                           "others": [e.get("type") for e in record["events"] if e is not main and e.get("type")],
                           "text": r["text"]})
    return {"sentences": len(rows), "type_accuracy": _ratio(correct, len(rows)),
            "any_event_type_match": _ratio(any_hit, len(rows)), "no_event": none,
            "per_gold_type": {k: {"accuracy": _ratio(*v), "n": v[1]} for k, v in sorted(per_gold.items())},
            "top_confusions": [[g, p, n] for (g, p), n in confusion.most_common(10)], "misses": misses}


# ---------------------------------------------------------------------------------------------
# 4. our own PLOVER-coded gold sentences (JSON Lines: text, lang, type, mode, source, target)
# ---------------------------------------------------------------------------------------------
GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "events"


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{n}: not JSON: {exc}") from None
        if not isinstance(r, dict) or not r.get("text") or not r.get("lang") or "type" not in r:
            raise EvaluationError(f"{path}:{n}: needs text, lang and type")
        rows.append(r)
    return rows


def _actor_key_hit(key: str, eid: str, ents: dict[str, dict]) -> bool:
    """A gold actor key (ISO country code, or an organisation/group name or acronym) against an entity:
    a country, or a person, place or group of that country, or the organisation itself. A state's own organ
    named by its country (a foreign ministry or embassy, ``found_by: institution``) or listed as one (``institution``)
    is the state, as PLOVER codes it; other organisations of a country (firms, media) are not."""
    ent = ents.get(eid)
    if ent is None:
        return False
    if re.fullmatch(r"[A-Z]{2}", key) and ent.get("country") == key and (
            ent["type"] != "organization" or ent.get("found_by") == "institution" or ent.get("institution")):
        return True
    k = key.lower()
    names = [ent.get("name") or "", ent.get("acronym") or ""] + [m.get("text") or "" for m in ent.get("mentions", [])]
    return any(k == n.lower() for n in names if n) or k == eid.rsplit("/", 1)[-1].lower()


def _countried(ids: list[str], ents: dict[str, dict]) -> list[str]:
    return [i for i in ids if (ents.get(i) or {}).get("country") or (ents.get(i) or {}).get("type") in
            ("organization", "group")]


def score_gold_row(row: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """type, mode, source, target of the main event against one gold row. With no direction
    (every participant an actor, OUTPUT.md), the target may be any actor but the source."""
    ents = _ent_index(record)
    main = primary_event(record["events"])
    gold_type = PLOVER_ALIASES.get(row["type"], row["type"])
    if main is None:
        return {"type": False, "mode": False, "source": False, "target": False, "full": False, "pred": None}
    actors, recipients = main["actors"], main["recipients"]
    src, tgt = row.get("source"), row.get("target")
    if src:
        src_ok = any(_actor_key_hit(src, a, ents) for a in actors)
    else:
        src_ok = not _countried(actors, ents) or not recipients and len(_countried(actors, ents)) <= 1
    if tgt:
        pool = recipients or [a for a in actors if not (src and _actor_key_hit(src, a, ents))]
        tgt_ok = any(_actor_key_hit(tgt, a, ents) for a in pool)
    else:
        tgt_ok = not _countried(recipients, ents)
    type_ok = main["type"] == gold_type
    mode_ok = main.get("mode") == row.get("mode")
    return {"type": type_ok, "mode": mode_ok, "source": src_ok, "target": tgt_ok,
            "full": type_ok and mode_ok and src_ok and tgt_ok,
            "pred": {"type": main["type"], "mode": main.get("mode"), "trigger": (main.get("trigger") or {}).get("text"),
                     "actors": actors, "recipients": recipients}}


def eval_gold(paths: list[Path], pipeline, limit: int | None = None) -> dict[str, Any]:
    """Main-event type, mode, source and target against PLOVER-coded gold sentences."""
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    misses = []
    for path in paths:
        rows = read_gold(path)
        if limit:
            rows = rows[:limit]
        for r in rows:
            doc = Document(id=r.get("id") or "gold", text=r["text"], source="gold", lang=r["lang"],
                           published=datetime(2024, 5, 1, tzinfo=timezone.utc))
            s = score_gold_row(r, pipeline.process(doc))
            by_lang[r["lang"]].append(s)
            if not s["full"]:
                misses.append({"id": r.get("id"), "text": r["text"], "gold": [r["type"], r.get("mode"), r.get("source"),
                                                                             r.get("target")], "pred": s["pred"]})

    def figures(scores: list[dict[str, Any]]) -> dict[str, Any]:
        n = len(scores)
        return {"n": n, **{f"{k}_accuracy": _ratio(sum(s[k] for s in scores), n)
                           for k in ("type", "mode", "source", "target")},
                "fully_correct": _ratio(sum(s["full"] for s in scores), n)}

    out = {lang: figures(sc) for lang, sc in sorted(by_lang.items())}
    out["all"] = figures([s for sc in by_lang.values() for s in sc])
    return {"per_lang": out, "misses": misses}


def default_gold_paths() -> list[Path]:
    return sorted(GOLD_DIR.glob("plover_*.jsonl"))


# ---------------------------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------------------------
def _load_pipeline():
    from communique.pipeline import Pipeline

    return Pipeline()


@click.command("events")
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared data folder (default: ../shared beside the repository).")
@click.option("--part", type=click.Choice(["all", "seed", "press", "plover", "gold"]), default="all", show_default=True)
@click.option("--gold", "gold_paths", type=click.Path(dir_okay=False, exists=True, path_type=Path), multiple=True,
              help="PLOVER-coded gold JSON Lines for --part gold (default: tests/fixtures/events/plover_*.jsonl).")
@click.option("--limit", type=int, default=None, help="At most this many press releases / PLOVER sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--show-misses", is_flag=True, help="List the misses (press-release headlines, PLOVER sentences, gold rows).")
def command(shared_dir: Path | None, part: str, gold_paths: tuple[Path, ...], limit: int | None, as_json: bool,
            show_misses: bool) -> None:
    """Event extraction: the seed, press releases (silver headlines), Spanish PLOVER sentences, PLOVER gold."""
    shared = shared_dir or DEFAULT_SHARED
    if part != "gold" and not shared.is_dir():
        raise click.ClickException(f"shared data folder {shared} not found (use --shared)")
    pipeline = _load_pipeline()
    out: dict[str, Any] = {}
    t0 = _time.perf_counter()
    try:
        if part in ("all", "seed"):
            out["seed"] = eval_seed(shared, pipeline)
        if part in ("all", "press"):
            out["press"] = eval_press(shared, pipeline, limit)
        if part in ("all", "plover"):
            out["plover"] = eval_plover(shared, pipeline, limit)
        if part in ("all", "gold"):
            paths = list(gold_paths) or default_gold_paths()
            if paths:
                out["gold"] = eval_gold(paths, pipeline, limit)
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from None
    out["seconds"] = round(_time.perf_counter() - t0, 1)
    if as_json:
        if not show_misses and "press" in out:
            out["press"].pop("misses", None)
        if not show_misses and "gold" in out:
            out["gold"].pop("misses", None)
        if not show_misses and "plover" in out:
            out["plover"].pop("misses", None)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    _print(out, show_misses)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _print(out: dict[str, Any], show_misses: bool) -> None:
    if "seed" in out:
        s = out["seed"]
        click.echo(f"seed: required {s['required_matched']}/{s['required']}, optional "
                   f"{s['optional_matched']}/{s['optional']}, occurred violations {len(s['occurred_violations'])}, "
                   f"complete={s['complete']}")
        for item in s["items"]:
            mark = "ok " if item["matched_by"] else ("-- " if item["optional"] else "MISSING ")
            click.echo(f"  {mark}{item['label']} {','.join(item['matched_by'])}")
    if "press" in out:
        p = out["press"]
        click.echo(f"press: {p['documents']} releases; kind+counterpart recall {_fmt(p['recall'])} (n={p['recall_n']}), "
                   f"precision {_fmt(p['precision'])} (n={p['precision_n']}); headlines without a foreign "
                   f"counterpart {p['headlines_without_counterpart']}; greetings/condolences with a meeting "
                   f"{p['greeting_docs_with_meeting']}/{p['greeting_docs']}")
        for k, v in p["per_kind"].items():
            click.echo(f"  {k:11s} recall {_fmt(v['recall'])} (n={v['recall_n']})  precision {_fmt(v['precision'])} "
                       f"(n={v['precision_n']})")
        if show_misses:
            for m in p["misses"]:
                click.echo(f"  miss: {m}")
    if "plover" in out:
        q = out["plover"]
        click.echo(f"plover (es): {q['sentences']} sentences; main-event type accuracy {_fmt(q['type_accuracy'])}; "
                   f"some event of the gold type {_fmt(q['any_event_type_match'])}; no event {q['no_event']}")
        for k, v in q["per_gold_type"].items():
            click.echo(f"  {k:10s} {_fmt(v['accuracy'])} (n={v['n']})")
        click.echo(f"  confusions (gold, predicted, n): {q['top_confusions']}")
        if show_misses:
            for m in q["misses"]:
                click.echo(f"  miss {m['id']}: gold={m['gold']} ({m['gold_trigger']!r}) pred={m['pred']} "
                           f"({m['pred_trigger']!r}; others {m['others']}): {m['text']}")
    if "gold" in out:
        click.echo("PLOVER gold (main event): lang n type mode source target fully-correct")
        for lang, v in out["gold"]["per_lang"].items():
            click.echo(f"  {lang:4s} {v['n']:4d} {_fmt(v['type_accuracy'])} {_fmt(v['mode_accuracy'])} "
                       f"{_fmt(v['source_accuracy'])} {_fmt(v['target_accuracy'])} {_fmt(v['fully_correct'])}")
        if show_misses:
            for m in out["gold"]["misses"]:
                click.echo(f"  miss {m['id']}: {m['text']} gold={m['gold']} pred={m['pred']}")
    click.echo(f"({out['seconds']} s)")
