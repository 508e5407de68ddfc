-- A precomputed export row per story (JSON list, communique.export.EXPORT_FIELDS order), written
-- with the story, so that CSV, POLECAT, PLOVER and Parquet exports need not decode whole records.
ALTER TABLE stories ADD COLUMN flat TEXT;
