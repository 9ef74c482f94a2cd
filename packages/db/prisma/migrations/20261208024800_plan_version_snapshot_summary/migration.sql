-- The snapshot with its commitments and sections emptied (still a valid snapshot, read like one),
-- kept by PostgreSQL beside it: a stored generated column, written once with the row and never by
-- the application (the snapshot itself never changes). Oversight reads every published version at
-- once: at national scale (153 plans of 400 commitments, bench/national) detoasting the whole
-- snapshots was 70 MB a page; this is a tenth of it.
-- Hand-written: Prisma's schema language has no generated columns, so prisma/schema declares it as
-- a plain nullable Json field (the drift test compares type and nullability, which agree).
ALTER TABLE "PlanVersion"
  ADD COLUMN "snapshotSummary" JSONB GENERATED ALWAYS AS (snapshot || '{"commitments": [], "sections": []}'::jsonb) STORED;
