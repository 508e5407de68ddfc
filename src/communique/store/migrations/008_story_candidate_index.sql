-- The per-story columns consolidation filters candidates on (kind, interval, status, stated start),
-- in a compact index by story id: a new event's candidate stories are looked up and the ones whose
-- dates cannot match are rejected from this index alone, without reading their rows (about 2 kB of
-- record and export row each, one random page per story in a large store). Building it reads every
-- story row once.
CREATE INDEX stories_candidates ON stories(id, kind, d_start, d_end, status, t_start);
