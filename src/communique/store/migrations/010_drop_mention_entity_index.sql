-- No statement reads mentions by entity: the table is written when a record is stored and deleted
-- by document (its primary key begins with doc_id); name lookups go through entity_names, actor
-- and country queries through story_keys. The index of 003 only cost writes: every mention of every
-- stored document landed on a random page of it.
DROP INDEX IF EXISTS mentions_entity;
