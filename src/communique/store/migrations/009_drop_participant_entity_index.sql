-- No query reads event_participants by entity: actor and country queries go through story_keys,
-- consolidation through match_keys, and a source event's participants are read by event id (the
-- primary key). The index of 003 only cost writes: every participant of every new source event
-- landed on a random page of it (about a fifth of the pages a consolidation commit wrote).
DROP INDEX IF EXISTS event_participants_entity;
