import sqlite3
from datetime import datetime, timezone

import pytest

from communique.documents import BadRecord, Document
from communique.errors import StoreError
from communique.store import open_store


def doc(i: int, text: str = "text") -> Document:
    return Document(id=f"tg:1:{i}", text=f"{text} {i}", source="test", channel="chan",
                    published=datetime(2024, 11, 20, 10, i % 60, tzinfo=timezone.utc), lang="de")


def test_new_unchanged_revised(store):
    c = store.write_batch([doc(1), doc(2)])
    assert (c.new, c.unchanged, c.revised) == (2, 0, 0)
    c = store.write_batch([doc(1), doc(2)])
    assert (c.new, c.unchanged, c.revised) == (0, 2, 0)
    c = store.write_batch([doc(1, "edited")])
    assert (c.new, c.unchanged, c.revised) == (0, 0, 1)
    assert store.get_document("tg:1:1").text == "edited 1"
    assert [r["revision"] for r in store.document_revisions("tg:1:1")] == [1, 2]
    assert store.count_documents() == 2


def test_quarantine_keeps_bad_records(store):
    store.write_batch([doc(1)], [BadRecord("x.json", "message 7", "bad date", "{...}")])
    rows = store.quarantined()
    assert rows[0]["position"] == "message 7" and rows[0]["source"] == "x.json"


def test_full_text_search_binds_the_query(store):
    store.write_batch([doc(1, "Лавров посетит Брест"), doc(2, "nothing")])
    hits = store.search_documents("Брест")
    assert [d.id for d, _ in hits] == ["tg:1:1"]
    # FTS syntax errors fall back to a phrase search instead of failing
    assert store.search_documents('"unbalanced') == []
    assert store.search_documents("x'); DROP TABLE documents; --") == []
    assert store.count_documents() == 2


def test_wal_and_migrations(tmp_path):
    s = open_store(tmp_path / "a.db")
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    version = s.schema_version()
    s.close()
    s = open_store(tmp_path / "a.db")
    assert s.schema_version() == version and s.migrate() == []
    s.close()


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="another application"):
        open_store(path)


def test_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="corrupt.db"):
        open_store(path)


def test_a_document_and_its_edit_in_one_batch(store):
    c = store.write_batch([doc(1), doc(2), doc(1, "edited")])
    assert (c.new, c.revised, c.unchanged) == (2, 1, 0)
    assert store.get_document("tg:1:1").text == "edited 1"
    assert [r["revision"] for r in store.document_revisions("tg:1:1")] == [1, 2]


def test_revision_updates_the_full_text_index(store):
    store.write_batch([doc(1, "Лавров посетит Брест")])
    store.write_batch([doc(1, "Лавров посетит Минск")])
    assert [d.id for d, _ in store.search_documents("Минск")] == ["tg:1:1"]
    assert store.search_documents("Брест") == []
    store.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


def test_large_batch_uses_chunked_lookups(store):
    docs = [doc(i) for i in range(1, 1300)]
    assert store.write_batch(docs).new == 1299
    again = store.write_batch(docs)
    assert (again.new, again.unchanged) == (0, 1299)


def test_same_bad_record_is_quarantined_once(store):
    bad = BadRecord("x.json", "byte 10", "truncated", "...")
    store.write_batch([], [bad])
    store.write_batch([], [bad])
    assert len(store.quarantined()) == 1


def test_failed_batch_is_rolled_back(store):
    class Boom(Exception):
        pass

    class BadDoc(Document):
        __slots__ = ()

        @property
        def content_sha256(self):
            raise Boom()

    good = doc(1)
    bad = BadDoc(id="tg:1:2", text="x", source="test")
    with pytest.raises(Boom):
        store.write_batch([good, bad])
    assert store.count_documents() == 0
    assert store.write_batch([good]).new == 1
