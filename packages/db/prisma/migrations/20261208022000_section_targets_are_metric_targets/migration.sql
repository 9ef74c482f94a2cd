-- Section fields that duplicated a metric target now show and edit the plan's metric target itself
-- (docs/decisions/027-section-targets-are-metric-targets.md): education's ehcTimelinessTarget is
-- the plan's EHC-01 target, and each AP outcome's target is its APO-1..5 target. Nothing written
-- is lost:
--  * a value that is a plain number ("70", "85%") becomes the plan's target of that metric, for the
--    period the plan's last day falls in, answered for by the section's owner, where the plan has
--    no target of that metric yet (an existing target is the one the dashboard rates: it stays);
--  * an AP outcome target written as words ("Up by 15 percentage points on average") cannot be a
--    number without guessing: it is kept, word for word, at the end of the outcome's measure, and
--    the outcome's readiness check asks for the number;
-- then the copies in the sections' data go, so the two can never disagree.

CREATE TEMP TABLE "_section_target" ON COMMIT DROP AS
SELECT s.id AS "sectionId", s."planId", s."ownerOrganisationId", f.plugin, f.outcome, f.metric,
       btrim(f.raw) AS raw,
       substring(btrim(f.raw) FROM '^(-?[0-9]{1,14}(?:\.[0-9]{1,4})?)\s*%?$') AS number
FROM "Section" s
CROSS JOIN LATERAL (VALUES
  ('education', NULL, 'EHC-01', s.data #>> '{education,ehcTimelinessTarget}'),
  ('alternative-provision', 'apo1', 'APO-1', s.data #>> '{alternative-provision,apo1,target}'),
  ('alternative-provision', 'apo2', 'APO-2', s.data #>> '{alternative-provision,apo2,target}'),
  ('alternative-provision', 'apo3', 'APO-3', s.data #>> '{alternative-provision,apo3,target}'),
  ('alternative-provision', 'apo4', 'APO-4', s.data #>> '{alternative-provision,apo4,target}'),
  ('alternative-provision', 'apo5', 'APO-5', s.data #>> '{alternative-provision,apo5,target}')
) AS f(plugin, outcome, metric, raw)
WHERE f.raw IS NOT NULL AND btrim(f.raw) <> '';

INSERT INTO "MetricTarget" (id, "planId", "metricId", "targetValue", "targetPeriod", "ownerOrganisationId")
SELECT 'migrated-' || md5(t."planId" || '/' || t.metric), t."planId", m.id, t.number::numeric,
  CASE m."periodType"::text
    WHEN 'ACADEMIC_YEAR' THEN
      (extract(year FROM p."periodEnd")::int - CASE WHEN extract(month FROM p."periodEnd") >= 9 THEN 0 ELSE 1 END)::text
      || '/' || lpad(((extract(year FROM p."periodEnd")::int + CASE WHEN extract(month FROM p."periodEnd") >= 9 THEN 1 ELSE 0 END) % 100)::text, 2, '0')
    WHEN 'FINANCIAL_YEAR' THEN
      (extract(year FROM p."periodEnd")::int - CASE WHEN extract(month FROM p."periodEnd") >= 4 THEN 0 ELSE 1 END)::text
      || '-' || lpad(((extract(year FROM p."periodEnd")::int + CASE WHEN extract(month FROM p."periodEnd") >= 4 THEN 1 ELSE 0 END) % 100)::text, 2, '0')
    WHEN 'MONTHLY' THEN to_char(p."periodEnd", 'YYYY-MM')
    WHEN 'ROLLING_12_MONTHS' THEN to_char(p."periodEnd", 'YYYY-MM')
    WHEN 'EVENT' THEN left('End of the plan (' || p.slug || ')', 50)
    WHEN 'LOCAL' THEN left('End of the plan (' || p.slug || ')', 50)
    ELSE to_char(p."periodEnd", 'YYYY')
  END,
  t."ownerOrganisationId"
FROM "_section_target" t
JOIN "Metric" m ON m.id = t.metric
JOIN "Plan" p ON p.id = t."planId"
WHERE t.number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "MetricTarget" e WHERE e."planId" = t."planId" AND e."metricId" = t.metric);

-- Words that are not a number: kept at the end of the outcome's measure (one outcome at a time:
-- an UPDATE ... FROM changes a row once).
DO $$
DECLARE o text;
BEGIN
  FOREACH o IN ARRAY ARRAY['apo1', 'apo2', 'apo3', 'apo4', 'apo5'] LOOP
    UPDATE "Section" s
    SET data = jsonb_set(
      s.data,
      ARRAY['alternative-provision', o, 'measure'],
      to_jsonb(
        CASE WHEN coalesce(btrim(s.data #>> ARRAY['alternative-provision', o, 'measure']), '') = ''
          THEN '(Target as first written: ' || t.raw || ')'
          ELSE btrim(s.data #>> ARRAY['alternative-provision', o, 'measure'])
            || ' (Target as first written: ' || t.raw || ')'
        END
      ),
      true
    )
    FROM "_section_target" t
    WHERE t."sectionId" = s.id AND t.outcome = o AND t.number IS NULL;
  END LOOP;
END
$$;

UPDATE "Section" SET data = data #- '{education,ehcTimelinessTarget}'
  WHERE data #> '{education,ehcTimelinessTarget}' IS NOT NULL;
UPDATE "Section" SET data = data
    #- '{alternative-provision,apo1,target}' #- '{alternative-provision,apo2,target}'
    #- '{alternative-provision,apo3,target}' #- '{alternative-provision,apo4,target}'
    #- '{alternative-provision,apo5,target}'
  WHERE data ? 'alternative-provision';
