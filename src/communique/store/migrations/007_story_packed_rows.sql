-- The flat export columns of a story packed in one text that Arrow splits into typed columns
-- (communique.export.pack_row): a Parquet export then converts no Python value per cell.
-- Written with the story; filled for existing stories by the Python step of this migration
-- (communique.store.events.backfill_packed_rows). NULL where a value cannot be packed.
ALTER TABLE stories ADD COLUMN flat_packed TEXT;
