"""SQLite backend: WAL mode, numbered migrations, FTS5, per-batch transactions."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from typing import Any, Iterable, Iterator

from communique.documents import BadRecord, Document, dumps
from communique.errors import StoreError

log = logging.getLogger(__name__)

APPLICATION_ID = 0x436F6D6D  # "Comm": marks a file as a communique store


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class IngestCounts:
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    quarantined: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "IngestCounts") -> None:
        self.new += other.new
        self.revised += other.revised
        self.unchanged += other.unchanged
        self.quarantined += other.quarantined
        self.skipped += other.skipped
        self.errors.extend(other.errors)

    @property
    def total(self) -> int:
        return self.new + self.revised + self.unchanged

    def to_dict(self) -> dict[str, int]:
        return {"new": self.new, "revised": self.revised, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "skipped": self.skipped}


def _backfill_packed_rows(conn: sqlite3.Connection) -> None:
    from communique.store.events import backfill_packed_rows

    n = backfill_packed_rows(conn)
    if n:
        log.info("packed the export rows of %d stories", n)


# migrations whose data step needs Python: run after their SQL, in the same transaction
_PYTHON_STEPS = {7: _backfill_packed_rows}


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped in ``communique/store/migrations``."""
    out = []
    for entry in resources.files("communique.store").joinpath("migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name[:-4], entry.read_text(encoding="utf-8")))
    return sorted(out)


class SQLiteStore:
    """The embedded store. One connection; safe for one writer and many reader processes (WAL)."""

    def __init__(self, path: str) -> None:
        self.path = path
        # called inside save_extractions' transaction as hook(store, doc, record): later stages
        # (the event store) register here to index each record as it is written.
        self.extraction_hooks: list = []
        try:
            self.conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self._check_file()
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # a 64 MB page cache and fewer, larger WAL checkpoints: large ingests are I/O-bound otherwise
            self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA wal_autocheckpoint=8192")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a usable communique database ({exc})", source=path) from exc

    # -- schema -----------------------------------------------------------------------------
    def _check_file(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "schema_migrations" not in tables):
            raise StoreError("this SQLite file belongs to another application; refusing to touch it", source=self.path)

    def migrate(self) -> list[str]:
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
        c.execute(f"PRAGMA application_id={APPLICATION_ID}")
        done = {r[0] for r in c.execute("SELECT number FROM schema_migrations")}
        applied = []
        for number, name, sql in migrations():
            if number in done:
                continue
            log.info("applying migration %s", name)
            try:
                c.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(sql):
                    c.execute(statement)
                step = _PYTHON_STEPS.get(number)
                if step is not None:
                    step(c)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, _now()))
                c.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                c.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}", source=self.path) from exc
            applied.append(name)
        return applied

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(number) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest runs ------------------------------------------------------------------------
    def begin_run(self, source: str, fmt: str | None = None) -> int:
        # a run of the same source still "running" was killed (a live one sets its own status when it ends)
        self.conn.execute("UPDATE ingest_runs SET status='interrupted' WHERE source=? AND status='running'", (source,))
        cur = self.conn.execute("INSERT INTO ingest_runs(source, format, started) VALUES (?, ?, ?)", (source, fmt, _now()))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: IngestCounts, status: str = "done") -> None:
        self.conn.execute(
            "UPDATE ingest_runs SET finished=?, new=?, revised=?, unchanged=?, quarantined=?, skipped=?, status=? WHERE id=?",
            (_now(), counts.new, counts.revised, counts.unchanged, counts.quarantined, counts.skipped, status, run_id),
        )

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    # -- documents --------------------------------------------------------------------------
    def write_batch(self, docs: Iterable[Document], bad: Iterable[BadRecord] = (), run_id: int | None = None) -> IngestCounts:
        """Write one batch in one transaction: new documents, new revisions, quarantined records.

        Idempotent: a document whose title and text are unchanged is counted and left alone; a
        changed one becomes a new revision of the same key. The existing rows of the batch are
        looked up in one query and new documents are inserted with ``executemany`` (the hot path
        of a large ingest).
        """
        counts = IngestCounts()
        now = _now()
        c = self.conn
        docs = list(docs)
        bad = list(bad)
        c.execute("BEGIN IMMEDIATE")
        try:
            existing: dict[str, tuple[str, int]] = {}
            ids = list({d.id for d in docs})
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                q = f"SELECT id, content_sha, revision FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
                for r in c.execute(q, chunk):
                    existing[r[0]] = (r[1], int(r[2]))
            new_rows, new_revs = [], []
            for doc in docs:
                sha = doc.content_sha256
                row = existing.get(doc.id)
                meta = dumps(doc.meta)
                published = doc.published.isoformat() if doc.published else None
                if row is None:
                    new_rows.append((doc.id, doc.source, doc.channel, doc.url, published, doc.lang, doc.title, doc.text,
                                     meta, sha, now, now, run_id))
                    new_revs.append((doc.id, sha, doc.title, doc.text, meta, now, run_id))
                    existing[doc.id] = (sha, 1)
                    counts.new += 1
                elif row[0] == sha:
                    counts.unchanged += 1
                else:
                    if new_rows:  # keep the order of writes when a batch holds a document and its edit
                        self._insert_new(new_rows, new_revs)
                        new_rows, new_revs = [], []
                    rev = row[1] + 1
                    c.execute(
                        "INSERT INTO document_revisions(doc_id, revision, content_sha, title, text, meta, seen_at, run_id)"
                        " VALUES (?,?,?,?,?,?,?,?)",
                        (doc.id, rev, sha, doc.title, doc.text, meta, now, run_id),
                    )
                    c.execute(
                        "UPDATE documents SET source=?, channel=?, url=?, published=?, lang=?, title=?, text=?, meta=?,"
                        " content_sha=?, revision=?, updated=?, run_id=? WHERE id=?",
                        (doc.source, doc.channel, doc.url, published, doc.lang, doc.title, doc.text, meta, sha, rev, now,
                         run_id, doc.id),
                    )
                    existing[doc.id] = (sha, rev)
                    counts.revised += 1
            if new_rows:
                self._insert_new(new_rows, new_revs)
            for b in bad:
                c.execute(
                    "INSERT OR IGNORE INTO quarantine(run_id, source, position, error, raw, created) VALUES (?,?,?,?,?,?)",
                    (run_id, b.source, b.position, b.error, b.raw[:4000], now),
                )
                counts.quarantined += 1
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return counts

    def _insert_new(self, rows: list[tuple], revs: list[tuple]) -> None:
        self.conn.executemany(
            "INSERT INTO documents(id, source, channel, url, published, lang, title, text, meta, content_sha,"
            " revision, first_seen, updated, run_id) VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?,?)", rows)
        self.conn.executemany(
            "INSERT INTO document_revisions(doc_id, revision, content_sha, title, text, meta, seen_at, run_id)"
            " VALUES (?,1,?,?,?,?,?,?)", revs)

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _row_to_doc(row) if row else None

    def document_revisions(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT revision, content_sha, title, seen_at, run_id FROM document_revisions WHERE doc_id=? ORDER BY revision",
            (doc_id,),
        )
        return [dict(r) for r in rows]

    def iter_documents(self, *, channel: str | None = None, lang: str | None = None, since: str | None = None,
                       until: str | None = None, limit: int | None = None, batch: int = 1000) -> Iterator[Document]:
        where, params = [], []
        if channel:
            where.append("channel = ?")
            params.append(channel)
        if lang:
            where.append("lang = ?")
            params.append(lang)
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("published < ?")
            params.append(until)
        sql = "SELECT * FROM documents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cur = self.conn.execute(sql, params)
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                return
            for r in rows:
                yield _row_to_doc(r)

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[Document, str]]:
        """Full-text search (FTS5 syntax); returns documents with a highlighted snippet."""
        try:
            rows = self.conn.execute(
                "SELECT d.*, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip FROM documents_fts"
                " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            # not valid FTS5 syntax: search for the words as a phrase
            phrase = '"' + query.replace('"', '""') + '"'
            rows = self.conn.execute(
                "SELECT d.*, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip FROM documents_fts"
                " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (phrase, limit),
            ).fetchall()
        return [(_row_to_doc(r), r["snip"]) for r in rows]

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def quarantined(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM quarantine ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def info(self) -> dict[str, Any]:
        c = self.conn
        by_lang = {r[0] or "?": r[1] for r in c.execute("SELECT lang, COUNT(*) FROM documents GROUP BY lang ORDER BY 2 DESC")}
        by_source = {r[0]: r[1] for r in c.execute("SELECT source, COUNT(*) FROM documents GROUP BY source ORDER BY 2 DESC")}
        span = c.execute("SELECT MIN(published), MAX(published) FROM documents").fetchone()
        return {
            "path": self.path,
            "schema_version": self.schema_version(),
            "documents": self.count_documents(),
            "revisions": int(c.execute("SELECT COUNT(*) FROM document_revisions").fetchone()[0]),
            "quarantined": int(c.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0]),
            "ingest_runs": int(c.execute("SELECT COUNT(*) FROM ingest_runs").fetchone()[0]),
            "by_language": by_lang,
            "by_source": by_source,
            "published_from": span[0],
            "published_to": span[1],
        }


    # -- extractions -----------------------------------------------------------------------
    def documents_to_extract(self, version: str, *, limit: int | None = None) -> Iterator[Document]:
        """Documents with no extraction, a changed text, or one made by another extractor version."""
        sql = ("SELECT d.* FROM documents d LEFT JOIN extractions x ON x.doc_id = d.id"
               " WHERE x.doc_id IS NULL OR x.content_sha != d.content_sha OR x.version != ?"
               " ORDER BY d.published, d.id")
        params: list[Any] = [version]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        for r in self.conn.execute(sql, params).fetchall():
            yield _row_to_doc(r)

    def save_extractions(self, items: Iterable[tuple[Document, dict[str, Any]]], version: str) -> int:
        """Store records (one transaction); hooks registered by later stages see each one."""
        n = 0
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            for doc, record in items:
                c.execute(
                    "INSERT INTO extractions(doc_id, content_sha, version, record, extracted) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(doc_id) DO UPDATE SET content_sha=excluded.content_sha, version=excluded.version,"
                    " record=excluded.record, extracted=excluded.extracted",
                    (doc.id, doc.content_sha256, version, dumps(record), _now()),
                )
                for hook in self.extraction_hooks:
                    hook(self, doc, record)
                n += 1
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            for hook in self.extraction_hooks:  # what the hooks cached from the rolled-back rows
                getattr(hook, "on_rollback", lambda: None)()
            raise
        return n

    def get_extraction(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM extractions WHERE doc_id=?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def iter_extractions(self) -> Iterator[dict[str, Any]]:
        cur = self.conn.execute("SELECT e.record FROM extractions e JOIN documents d ON d.id = e.doc_id"
                                " ORDER BY d.published, d.id")
        for row in cur:
            yield json.loads(row[0])


def _row_to_doc(row: sqlite3.Row) -> Document:
    from communique.documents import parse_datetime

    return Document(
        id=row["id"], text=row["text"], source=row["source"], channel=row["channel"], url=row["url"],
        published=parse_datetime(row["published"]) if row["published"] else None, lang=row["lang"],
        title=row["title"], meta=json.loads(row["meta"] or "{}"),
    )


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements; triggers (BEGIN ... END;) stay whole."""
    statements, buf, depth = [], [], 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth = 1
        if depth and upper.startswith("END;"):
            depth = 0
        if not depth and stripped.endswith(";"):
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
