"""The bundled demo corpus: its files have the layouts of real exports and feeds, it covers what the
README's main job and the golden tests need, and tests/fixtures/demo_expected.yaml agrees with it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "communique" / "data" / "demo"
EXPECTED = ROOT / "tests" / "fixtures" / "demo_expected.yaml"

KINDS = {"visit", "meeting", "talks", "phone_call", "video_call", "summit", "session", "signing", "adoption",
         "statement", "commemoration", "appointment", "sanction", "other"}
FINAL = {"occurred", "planned", "cancelled", "postponed", "unconfirmed", "denied"}
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SAYS = {"planned", "occurred", "cancelled", "postponed", "denied"}


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def export() -> dict:
    return json.loads((DEMO / "telegram" / "result.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def old_export() -> dict:
    return json.loads((DEMO / "telegram_old" / "result.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def feed():
    return feedparser.parse(str(DEMO / "feed.xml"))


def flat(text) -> str:
    return text if isinstance(text, str) else "".join(x if isinstance(x, str) else x["text"] for x in text)


def test_demo_holds_only_inputs():
    files = sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*") if p.is_file())
    assert files == ["feed.xml", "telegram/result.json", "telegram_old/result.json"]


def test_new_layout_export(export):
    assert set(export) == {"name", "type", "id", "messages"} and export["type"] == "public_channel"
    local = ZoneInfo("Europe/Berlin")
    ids = [m["id"] for m in export["messages"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for m in export["messages"]:
        assert m["type"] in {"message", "service"}
        truth = datetime.fromtimestamp(int(m["date_unixtime"]), timezone.utc)
        # `date` is the exporter's local time (Europe/Berlin, with summer time); date_unixtime is the truth
        assert m["date"] == truth.astimezone(local).strftime("%Y-%m-%dT%H:%M:%S")
        assert flat(m["text"]) == "".join(e["text"] for e in m["text_entities"])
        if m["type"] == "message":
            assert m["from_id"] == f"channel{export['id']}"
    kinds = Counter(e["type"] for m in export["messages"] for e in m["text_entities"])
    assert {"plain", "hashtag", "link", "bold", "text_link", "mention"} <= set(kinds)
    assert sum(m["type"] == "service" for m in export["messages"]) == 2
    assert sum("forwarded_from" in m for m in export["messages"]) == 1
    assert sum("edited_unixtime" in m for m in export["messages"]) == 1
    assert any("reply_to_message_id" in m for m in export["messages"])


def test_album_is_photos_a_second_apart_with_one_caption(export):
    photos = [m for m in export["messages"] if m.get("photo")]
    albums = []
    for m in photos:
        if albums and m["id"] == albums[-1][-1]["id"] + 1 and \
                int(m["date_unixtime"]) - int(albums[-1][-1]["date_unixtime"]) <= 1:
            albums[-1].append(m)
        else:
            albums.append([m])
    multi = [a for a in albums if len(a) > 1]
    assert len(multi) == 1 and len(multi[0]) == 3
    assert [bool(flat(m["text"])) for m in multi[0]] == [True, False, False]


def test_old_layout_export(old_export):
    msgs = old_export["messages"]
    assert all("date_unixtime" not in m and "text_entities" not in m for m in msgs)
    assert all(isinstance(m.get("from_id", m.get("actor_id")), int) for m in msgs)
    assert sum(m["type"] == "service" for m in msgs) == 1


def test_feed(feed):
    assert not feed.bozo
    assert len(feed.entries) == 10
    for e in feed.entries:
        assert e.id and e.link and e.title and e.summary and e.published_parsed


def test_documents_match_the_expected_file(expected, export, old_export, feed):
    corpus = {}
    for exp, cid in ((export, expected["corpus"]["telegram"]["channel_id"]),
                     (old_export, expected["corpus"]["telegram_old"]["channel_id"])):
        for m in exp["messages"]:
            if m["type"] == "message" and flat(m["text"]):
                if "date_unixtime" in m:
                    when = datetime.fromtimestamp(int(m["date_unixtime"]), timezone.utc)
                else:
                    when = datetime.fromisoformat(m["date"]).replace(tzinfo=timezone.utc)
                corpus[f"tg:{cid}:{m['id']}"] = when
    for e in feed.entries:
        corpus[f"rss:example.org/press:{e.id}"] = datetime(*e.published_parsed[:6], tzinfo=timezone.utc)
    docs = expected["documents"]
    assert {d["ref"] for d in docs} == set(corpus)
    for d in docs:
        assert datetime.fromisoformat(d["published"].replace("Z", "+00:00")) == corpus[d["ref"]], d["ref"]
    langs = Counter(d["lang"] for d in docs)
    assert len(docs) >= 40 and set(langs) == {"ru", "en", "de", "fr", "es"} and min(langs.values()) >= 5
    assert dict(langs) == expected["corpus"]["languages"]


def test_expected_events_are_consistent(expected):
    docs = {d["ref"]: d for d in expected["documents"]}
    events = {e["key"]: e for e in expected["events"]}
    assert len(events) == len(expected["events"])
    for e in expected["events"]:
        assert e["kind"] in KINDS and e["status"] in FINAL, e["key"]
        assert e["sources"], e["key"]
        published = [s["published"] for s in e["sources"]]
        assert published == sorted(published), e["key"]
        for s in e["sources"]:
            assert s["status"] in SAYS and s["ref"] in docs and docs[s["ref"]]["lang"] == s["lang"]
            assert e["key"] in docs[s["ref"]]["events"]
        start, end = e["dates"]["start"], e["dates"]["end"]
        if start:
            assert start <= end
        last = e["sources"][-1]["status"]
        if e["status"] == "unconfirmed":
            assert {s["status"] for s in e["sources"]} == {"planned"} and end < expected["consolidation"]["as_of"]
        else:
            assert e["status"] == last, e["key"]
        for other in e.get("distinct_from", []):
            o = events[other]
            assert o["dates"] != e["dates"] or o["kind"] != e["kind"], (e["key"], other)
            people = {p for p in e["participants"] if not p.isupper()}
            assert len(people & set(o["participants"])) >= min(2, len(people)), (e["key"], other)
    for d in docs.values():
        assert d["events"] and all(k in events for k in d["events"])


def test_corpus_covers_the_consolidation_cases(expected):
    checks = expected["checks"]
    events = {e["key"]: e for e in expected["events"]}
    pairs = [events[k] for k in checks["announcement_report_pairs"]]
    assert len(pairs) >= 5
    for e in pairs:  # announced before, reported after, in another language or document
        first_planned = min(s["published"] for s in e["sources"] if s["status"] == "planned")
        first_report = min(s["published"] for s in e["sources"] if s["status"] == "occurred")
        assert first_planned < first_report
    assert checks["cancelled"] and checks["postponed"] and checks["unconfirmed"]
    assert any(len(g) >= 2 for g in checks["same_people_distinct_events"])


def test_languages_are_detected(expected, export, old_export, feed):
    from communique.normalize import detect_language

    texts = {}
    for exp, cid in ((export, expected["corpus"]["telegram"]["channel_id"]),
                     (old_export, expected["corpus"]["telegram_old"]["channel_id"])):
        for m in exp["messages"]:
            if m["type"] == "message" and flat(m["text"]):
                texts[f"tg:{cid}:{m['id']}"] = flat(m["text"])
    for e in feed.entries:
        texts[f"rss:example.org/press:{e.id}"] = e.title + "\n" + e.summary
    wrong = {d["ref"]: (detect_language(texts[d["ref"]]), d["lang"]) for d in expected["documents"]
             if detect_language(texts[d["ref"]]) != d["lang"]}
    assert not wrong


def test_demo_corpus_ingests(expected, store):
    runner = pytest.importorskip("communique.ingest.runner")
    try:
        results = runner.ingest([str(DEMO)], store)
    except ImportError as exc:  # a connector not in this build
        pytest.skip(str(exc))
    if any(r.error for r in results):
        pytest.skip(f"a connector is missing or failing: {[r.error for r in results if r.error]}")
    rows = store.conn.execute("SELECT id, published, lang FROM documents").fetchall()
    got = {r[0]: (r[1], r[2]) for r in rows}
    want = {d["ref"]: d for d in expected["documents"]}
    assert set(got) == set(want)
    for ref, d in want.items():
        published, lang = got[ref]
        assert datetime.fromisoformat(published) == datetime.fromisoformat(d["published"].replace("Z", "+00:00")), ref
        assert lang == d["lang"], ref
