from datetime import datetime, timezone

import pytest
from hypothesis import given, strategies as st

from communique.errors import IngestError
from communique.ingest.base import ReadOptions
from communique.ingest.csv_file import parse_csv_date

from ingest_helpers import FIXTURES, read_all, snapshot

MAPPING = {"text": "body", "published": "date", "id": "post_id", "title": "headline"}


def test_csv_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "posts.csv", options=ReadOptions(csv_columns=MAPPING))
    golden("posts_csv", snapshot(docs, bad, skipped))
    assert [d.id for d in docs] == ["csv:posts:1", "csv:posts:2", "csv:posts:5"]
    assert docs[0].published == datetime(2024, 11, 25, 3, 0, tzinfo=timezone.utc)
    assert docs[0].meta == {"extra": "x"}
    assert docs[2].text == "Multi-line\ntext in one cell"
    assert [(b.position, "next Tuesday" in b.error) for b in bad] == [("line 4", True)]
    assert skipped == {"empty": 1}


def test_csv_without_the_mapped_columns_names_file_and_columns():
    with pytest.raises(IngestError) as err:
        read_all(FIXTURES / "posts.csv", options=ReadOptions(csv_columns={"text": "message_text", "published": "when"}))
    msg = str(err.value)
    assert "posts.csv" in msg and "'message_text'" in msg and "'when'" in msg


def test_csv_default_columns_and_semicolons():
    docs, bad, _ = read_all(FIXTURES / "posts_semicolon.csv")
    assert not bad
    assert [(d.id, d.text) for d in docs] == [("csv:posts_semicolon:1", "Der Minister reist nach Astana.")]


def test_text_file_is_one_document(golden):
    docs, bad, skipped = read_all(FIXTURES / "note.txt")
    golden("note_txt", snapshot(docs, bad, skipped))
    (doc,) = docs
    assert doc.text == (FIXTURES / "note.txt").read_text(encoding="utf-8")
    assert doc.title == "Note on the Astana visit"
    import hashlib
    assert doc.id == "file:" + hashlib.sha256((FIXTURES / "note.txt").read_bytes()).hexdigest()


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)))
def test_csv_dates_round_trip(dt):
    assert parse_csv_date(dt.isoformat()) == dt
    assert parse_csv_date(str(int(dt.timestamp()))) == dt.replace(microsecond=0) if dt.year > 1973 else True


def test_jsonl_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "posts.jsonl")
    golden("posts_jsonl", snapshot(docs, bad, skipped))
    assert [d.id for d in docs][0] == "rss:mid:1" and docs[1].id.startswith("file:")
    assert docs[0].published == datetime(2024, 10, 31, 9, 0, tzinfo=timezone.utc) and docs[0].meta == {"views": 120}
    assert [b.position for b in bad] == ["line 4", "line 5", "line 6"]


def test_jsonl_wrong_encoding_keeps_the_lines_before(tmp_path, store):
    from communique.ingest.runner import ingest

    path = tmp_path / "x.jsonl"
    path.write_bytes('{"text": "Erste Zeile"}\n'.encode() + '{"text": "Zweite Zeile, Grüße"}\n'.encode("latin-1"))
    (r,) = ingest([str(path)], store)
    assert r.counts.new == 1 and "not UTF-8" in r.error
    data = path.read_bytes()
    first_bad = next(i for i, b in enumerate(data) if b >= 0x80)
    assert store.quarantined()[0]["position"] == f"byte {first_bad}"
