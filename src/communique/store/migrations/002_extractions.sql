-- One extraction record (OUTPUT.md) per document and extractor version.
CREATE TABLE extractions (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(id),
    content_sha  TEXT NOT NULL,
    version      TEXT NOT NULL,
    record       TEXT NOT NULL,
    extracted    TEXT NOT NULL
);
