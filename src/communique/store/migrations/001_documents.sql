-- Documents as published, their revisions, ingest runs and the quarantine of bad records.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    channel       TEXT,
    url           TEXT,
    published     TEXT,            -- ISO-8601, UTC
    lang          TEXT,
    title         TEXT,
    text          TEXT NOT NULL,
    meta          TEXT NOT NULL DEFAULT '{}',
    content_sha   TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,
    first_seen    TEXT NOT NULL,
    updated       TEXT NOT NULL,
    run_id        INTEGER
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_channel ON documents(channel);
CREATE INDEX documents_lang ON documents(lang);

CREATE TABLE document_revisions (
    doc_id      TEXT NOT NULL REFERENCES documents(id),
    revision    INTEGER NOT NULL,
    content_sha TEXT NOT NULL,
    title       TEXT,
    text        TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}',
    seen_at     TEXT NOT NULL,
    run_id      INTEGER,
    PRIMARY KEY (doc_id, revision)
);

CREATE TABLE ingest_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    source       TEXT NOT NULL,
    format       TEXT,
    started      TEXT NOT NULL,
    finished     TEXT,
    new          INTEGER NOT NULL DEFAULT 0,
    revised      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    quarantined  INTEGER NOT NULL DEFAULT 0,
    skipped      INTEGER NOT NULL DEFAULT 0,
    status       TEXT NOT NULL DEFAULT 'running'
);

CREATE TABLE quarantine (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id    INTEGER REFERENCES ingest_runs(id),
    source    TEXT NOT NULL,
    position  TEXT NOT NULL,
    error     TEXT NOT NULL,
    raw       TEXT NOT NULL DEFAULT '',
    created   TEXT NOT NULL,
    UNIQUE (source, position, error)
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
