-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "decimals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "indicators" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "subIcbCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];


-- Metric definitions as DfE publishes them (docs/decisions/022-metric-definitions-as-dfe-publishes-them.md).
-- The catalogue rows themselves are upserted by the seed (src/seed/catalogue.ts, run on every start);
-- what the seed cannot do is move figures and targets already held to the new period spelling.

-- Counts are published as whole numbers; everything else to one place until the seed says otherwise.
UPDATE "Metric" SET "decimals" = 0 WHERE "unit" IN ('count', 'number', 'category');

-- Special educational needs in England labels its January-census figures by academic year
-- (time_identifier "Academic year", time_period 202324 for January 2024): January 2024 becomes "2023/24".
UPDATE "Metric" SET "periodType" = 'ACADEMIC_YEAR'
  WHERE "id" IN ('SEN-01', 'SEN-02', 'SEN-03', 'PLC-01') AND "periodType" = 'JANUARY_SNAPSHOT';

UPDATE "MetricObservation"
  SET "period" = ("period"::int - 1)::text || '/' || lpad(("period"::int % 100)::text, 2, '0')
  WHERE "metricId" IN ('SEN-01', 'SEN-02', 'SEN-03', 'PLC-01') AND "period" ~ '^[0-9]{4}$';

UPDATE "MetricTarget"
  SET "baselinePeriod" = ("baselinePeriod"::int - 1)::text || '/' || lpad(("baselinePeriod"::int % 100)::text, 2, '0')
  WHERE "metricId" IN ('SEN-01', 'SEN-02', 'SEN-03', 'PLC-01') AND "baselinePeriod" ~ '^[0-9]{4}$';

UPDATE "MetricTarget"
  SET "targetPeriod" = ("targetPeriod"::int - 1)::text || '/' || lpad(("targetPeriod"::int % 100)::text, 2, '0')
  WHERE "metricId" IN ('SEN-01', 'SEN-02', 'SEN-03', 'PLC-01') AND "targetPeriod" ~ '^[0-9]{4}$';

UPDATE "MetricTarget"
  SET "trajectory" = (
    SELECT jsonb_agg(
      CASE WHEN jsonb_typeof(point) = 'object' AND (point->>'period') ~ '^[0-9]{4}$'
        THEN jsonb_set(point, '{period}', to_jsonb(((point->>'period')::int - 1)::text || '/' || lpad(((point->>'period')::int % 100)::text, 2, '0')))
        ELSE point END
      ORDER BY ordinality)
    FROM jsonb_array_elements("trajectory"::jsonb) WITH ORDINALITY AS t(point, ordinality))
  WHERE "metricId" IN ('SEN-01', 'SEN-02', 'SEN-03', 'PLC-01') AND jsonb_typeof("trajectory"::jsonb) = 'array'
    AND jsonb_array_length("trajectory"::jsonb) > 0;
