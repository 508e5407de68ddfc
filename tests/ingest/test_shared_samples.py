"""The real samples in ../shared/data/ingest: detection, golden output, dates and texts."""

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from communique.ingest import detect_format
from communique.ingest.runner import ingest

from ingest_helpers import read_all, snapshot

EXPECTED_FORMATS = {
    "SOURCE.txt": "text",
    "tg_export_channel_2022_messages_excerpt.json": "telegram-json",
    "tg_export_dm_mixed_format.json": "telegram-json",
    "tg_export_public_channel_2021.json": "telegram-json",
    "tg_html_export_excerpt.html": "telegram-html",
}


@pytest.fixture
def samples(shared) -> Path:
    path = shared / "data" / "ingest"
    if not path.is_dir():
        pytest.skip("../shared/data/ingest is absent")
    return path


def test_sniffing_tells_every_sample_apart(samples):
    for name, fmt in EXPECTED_FORMATS.items():
        assert detect_format(samples / name) == fmt, name


@pytest.mark.parametrize("name", [n for n in EXPECTED_FORMATS if n != "SOURCE.txt"])
def test_sample_golden(samples, golden, name):
    # the texts of ../shared stay there: the golden file keeps their hash and length only
    docs, bad, skipped = read_all(samples / name)
    snap = snapshot(docs, bad, skipped)
    for d in snap["documents"]:
        text = d.pop("text")
        d["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        d["text_length"] = len(text)
    golden("shared_" + name.rsplit(".", 1)[0], snap)


def test_channel_2022_excerpt_dates_and_text(samples):
    docs, bad, _ = read_all(samples / "tg_export_channel_2022_messages_excerpt.json")
    assert not bad and [d.id for d in docs] == ["tg:1858370886:3305", "tg:1858370886:3306"]
    # date_unixtime 1671354811 is the truth; "date" is the exporter's +05:30 local time
    assert docs[0].published == datetime(2022, 12, 18, 9, 13, 31, tzinfo=timezone.utc)
    assert "time_assumed_utc" not in docs[0].meta
    raw = json.loads((samples / "tg_export_channel_2022_messages_excerpt.json").read_text(encoding="utf-8"))
    for doc, msg in zip(docs, raw):
        # the text exactly as published: the entity texts joined, "&amp;" (the channel's own) kept
        assert doc.text == "".join(p if isinstance(p, str) else p["text"] for p in msg["text"])
        assert doc.meta["links"] == [e["text"] for e in msg["text_entities"] if e["type"] == "link"]
        assert doc.channel == msg["from"]
    assert "&amp;" in docs[0].text


def test_dm_mixed_format(samples):
    docs, bad, skipped = read_all(samples / "tg_export_dm_mixed_format.json")
    assert not bad
    assert [d.id for d in docs] == ["tg:700000000:3644", "tg:700000000:3645", "tg:700000000:3662", "tg:700000000:3663"]
    # the two caption-less photos a second apart are one album, with no text: skipped as one post
    assert skipped == {"service": 1, "empty": 1}
    assert docs[2].published == datetime.fromtimestamp(1652135033, timezone.utc)
    assert docs[0].meta["time_assumed_utc"] is True  # only "date" there


def test_public_channel_2021(samples):
    docs, bad, skipped = read_all(samples / "tg_export_public_channel_2021.json")
    assert not bad and skipped == {"service": 2}
    assert [d.id for d in docs] == [f"tg:44444444444:{i}" for i in (2, 3, 5, 6, 7)]
    assert docs[1].meta["reply_to"] == 2
    assert docs[2].text == "Poll question\noption 1\noption 2" and docs[2].meta["poll"]["total_voters"] == 1


def test_html_excerpt(samples):
    docs, bad, skipped = read_all(samples / "tg_html_export_excerpt.html")
    assert not bad
    assert [d.id.rsplit(":", 1)[1] for d in docs] == ["1301549", "1301552", "1301656", "1301659", "1311561"]
    assert skipped == {"date-divider": 3, "empty": 1}
    assert docs[0].published == datetime(2025, 12, 3, 17, 7, 28, tzinfo=timezone.utc)
    assert docs[1].meta["from"] == docs[0].meta["from"]  # joined: the sender carries over
    assert docs[2].text.count("\n") == 3  # <br><br> and the quote's own line break
    assert docs[3].meta["reply_to"] == 1301549
    assert docs[4].meta["forwarded"] is True and docs[4].meta["forwarded_from"]
    assert docs[4].text.count("\n\n") == 2  # paragraphs kept


def test_ingest_the_whole_folder_twice(samples, store):
    results = ingest([str(samples)], store)
    assert {Path(r.source).name: r.format for r in results} == EXPECTED_FORMATS
    assert all(r.error is None and r.counts.quarantined == 0 for r in results)
    n = store.count_documents()
    assert n == sum(r.counts.new for r in results) == 1 + 2 + 4 + 5 + 5
    again = ingest([str(samples)], store)
    assert sum(r.counts.new + r.counts.revised for r in again) == 0 and store.count_documents() == n
    langs = {d.id: d.lang for d in store.iter_documents()}
    assert langs["tg:44444444444:3"] == "en"
    assert langs[next(k for k in langs if k.endswith(":1311561"))] == "uk"
