-- The event store: entities and their mentions, source events (one per extracted EVENT),
-- and stories (consolidated real-world events) with their members and status history.
-- Written by communique.store.events; consolidated by communique.consolidate.

-- Entities as last seen in any record (KB ids are stable; new:<type>/<slug> ids are per name).
CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    wikidata  TEXT,
    geonames  INTEGER,
    role      TEXT
);
CREATE INDEX entities_country ON entities(country);

-- Case-folded forms an entity was named by (canonical name, mention texts and their words):
-- resolves --actor NAME when the knowledge base does not know the name.
CREATE TABLE entity_names (
    form       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (form, entity_id)
) WITHOUT ROWID;

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT,
    PRIMARY KEY (doc_id, entity_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);

-- One row per EVENT of a stored record.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,
    local_id    TEXT NOT NULL,          -- the EVENT's id inside its record (e1, e2, ...)
    published   TEXT,                   -- the document's publication time (ISO, UTC)
    lang        TEXT,
    kind        TEXT NOT NULL,
    type        TEXT,
    mode        TEXT,
    status      TEXT NOT NULL,
    modality    TEXT,
    location    TEXT,
    t_start     TEXT,
    t_end       TEXT,
    granularity TEXT,
    confidence  REAL,
    record      TEXT NOT NULL,          -- the EVENT as JSON (OUTPUT.md shape)
    story_id    INTEGER,
    UNIQUE (doc_id, local_id)
);
CREATE INDEX events_story ON events(story_id);
CREATE INDEX events_published ON events(published);

-- role: actor, recipient, location, document, organization
CREATE TABLE event_participants (
    event_id   INTEGER NOT NULL,
    role       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (event_id, role, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE event_evidence (
    event_id  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT,
    PRIMARY KEY (event_id, start, "end")
) WITHOUT ROWID;

-- A consolidated event: everything its member events say, aggregated.
-- d_start/d_end: the effective interval used for filtering and matching (the event's own
-- interval, else the first report's publication date); t_start/t_end: the interval as stated.
CREATE TABLE stories (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    type        TEXT,
    mode        TEXT,
    status      TEXT NOT NULL,
    t_start     TEXT,
    t_end       TEXT,
    granularity TEXT,
    d_start     TEXT NOT NULL,
    d_end       TEXT NOT NULL,
    location    TEXT,
    first_seen  TEXT,
    last_seen   TEXT,
    n_sources   INTEGER NOT NULL DEFAULT 0,
    confidence  REAL,
    record      TEXT NOT NULL,          -- the consolidated EVENT with entities, sources, status_history
    updated     TEXT NOT NULL
);
CREATE INDEX stories_d_start ON stories(d_start);
CREATE INDEX stories_kind ON stories(kind, d_start);
CREATE INDEX stories_status ON stories(status, d_start);
CREATE INDEX stories_type ON stories(type, d_start);

-- Lookup keys of a story: every participant's entity id and "cc:<country>" for their countries,
-- with the story's d_start, so that "stories of X between A and B" is one index range.
CREATE TABLE story_keys (
    key       TEXT NOT NULL,
    d_start   TEXT NOT NULL,
    story_id  INTEGER NOT NULL,
    PRIMARY KEY (key, d_start, story_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_story ON story_keys(story_id);

-- Members of a story and why each joined it (JSON: score, the checks made, the event matched).
CREATE TABLE story_events (
    story_id  INTEGER NOT NULL,
    event_id  INTEGER NOT NULL PRIMARY KEY,
    score     REAL,
    reason    TEXT NOT NULL,
    joined    TEXT NOT NULL
);
CREATE INDEX story_events_story ON story_events(story_id);

-- Each status a story has had, with when (the reporting document's publication time) and who set it.
CREATE TABLE story_status_history (
    id        INTEGER PRIMARY KEY,
    story_id  INTEGER NOT NULL,
    status    TEXT NOT NULL,
    at        TEXT,
    doc_id    TEXT,
    event_id  INTEGER,
    note      TEXT
);
CREATE INDEX story_status_history_story ON story_status_history(story_id);

-- Free-text search over what the sources say about a story (evidence text and names).
CREATE VIRTUAL TABLE stories_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2');
