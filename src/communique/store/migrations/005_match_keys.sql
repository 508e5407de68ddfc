-- Keys consolidation looks candidates up by: "<kind group>|<entity id>" with the story's d_start,
-- so that a new event reads only stories of a compatible kind that share a participant.
CREATE TABLE match_keys (
    key       TEXT NOT NULL,
    d_start   TEXT NOT NULL,
    story_id  INTEGER NOT NULL,
    PRIMARY KEY (key, d_start, story_id)
) WITHOUT ROWID;
CREATE INDEX match_keys_story ON match_keys(story_id);

-- Full text is indexed per source event (written once; a story that gains a source needs no
-- re-indexing). Replaces the per-story index of 003.
DROP TABLE stories_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2');
