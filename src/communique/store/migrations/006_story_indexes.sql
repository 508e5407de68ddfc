-- Indexes that carry the columns the filters test, so that a filtered, ordered query reads
-- story rows (which hold whole records) only for the rows it returns.
DROP INDEX stories_d_start;
DROP INDEX stories_status;
CREATE INDEX stories_d_start ON stories(d_start, d_end, status, t_end, kind, type);
CREATE INDEX stories_status ON stories(status, d_start, t_end, d_end);
