// Reading a stored snapshot (PlanVersion.snapshot, a JSON column) back as a PlanSnapshot: the only
// way core turns that JSON into the type, so a snapshot of an unknown format or a damaged one fails
// here with a clear message instead of as a property of undefined deep in a renderer.
import { z } from 'zod';
import type { Same } from './same-type.ts';
import { SNAPSHOT_FORMAT, type PlanSnapshot, type SnapshotCommitment } from './snapshot.ts';

export class InvalidSnapshotError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidSnapshotError';
  }
}

const text = z.string();
const optionalText = z.string().nullable();
const field = z.object({ key: text, label: text, value: text, symbol: z.literal('c').optional() });

const observation = z.object({
  geographyLevel: z.enum(['LOCAL_AUTHORITY', 'ICB', 'SUB_ICB', 'REGION', 'ENGLAND']),
  geographyCode: text,
  period: text,
  breakdown: text,
  value: optionalText,
  numerator: optionalText,
  denominator: optionalText,
  symbol: optionalText,
  provisional: z.boolean(),
  revised: z.boolean(),
});

/** A commitment as format 1 froze it: everything but its evidence. */
const commitmentOne = z.object({
  id: text,
  reference: text,
  sectionKey: text,
  title: text,
  description: text,
  ownerOrganisationId: optionalText,
  ownerName: optionalText,
  needAreas: z.array(text),
  phase: text,
  supportLayer: optionalText,
  ragStatus: text,
  progress: text.optional(),
  rating: optionalText.optional(),
  leadOfficer: optionalText.optional(),
  startDate: optionalText,
  dueDate: optionalText,
  budgetLine: optionalText,
  budgetAmount: optionalText,
  standardAreaCodes: z.array(text),
  milestones: z.array(z.object({ title: text, dueDate: text, completedOn: optionalText })),
  fields: z.array(field),
  budgetLines: z
    .array(z.object({ name: text, block: text, amount: text, financialYear: z.number().int() }))
    .optional(),
});

/**
 * Format 1, field by field. Format 2 is this with each commitment's evidence; an optional key
 * added to both formats goes here.
 */
const formatOne = z.object({
  format: z.literal(1),
  takenAt: text,
  plan: z.object({
    id: text,
    title: text,
    kind: text,
    periodStart: text,
    periodEnd: text,
    versionNumber: z.number().int(),
  }),
  partnership: z.object({
    id: text,
    slug: text,
    name: text,
    localAuthorityCodes: z.array(text),
    region: optionalText,
    disclosure: z.object({
      smallNumberThreshold: z.number().nullable(),
      roundingBase: z.number().nullable(),
    }),
  }),
  organisations: z.array(
    z.object({
      id: text,
      name: text,
      typeCode: text,
      typeTitle: text,
      isSignatory: z.boolean(),
    }),
  ),
  framework: z.object({
    id: text,
    title: text,
    status: text,
    areas: z.array(z.object({ id: text, code: text, title: text, position: z.number() })),
  }),
  sections: z.array(
    z.object({
      key: text,
      title: text,
      pluginId: text,
      position: z.number(),
      ownerOrganisationId: optionalText,
      status: text,
      summary: optionalText,
      easyReadSummary: optionalText,
      fields: z.array(field),
      publishedFields: z.array(field).optional(),
    }),
  ),
  commitments: z.array(commitmentOne),
  coverage: z.array(
    z.object({
      areaCode: text,
      notApplicableReason: optionalText,
      commitmentReferences: z.array(text),
    }),
  ),
  metrics: z.array(
    z.object({
      targetId: text,
      metricId: text,
      title: text,
      theme: text,
      unit: text,
      decimals: z.number().int().min(0).max(6).optional(),
      polarity: z.enum(['HIGHER_BETTER', 'LOWER_BETTER', 'CONTEXT']),
      periodType: text,
      commitmentReference: optionalText,
      ownerOrganisationId: optionalText,
      baseline: z.object({ value: optionalText, period: optionalText }),
      target: z.object({ value: text, period: text }),
      commentary: optionalText,
      rag: z.enum(['RED', 'AMBER', 'GREEN', 'NO_DATA', 'NO_TARGET']),
      latest: observation
        .pick({ geographyLevel: true, geographyCode: true, period: true })
        .nullable()
        .optional(),
      observations: z.array(observation),
    }),
  ),
  coproduction: z.array(
    z.object({
      id: text,
      kind: text,
      title: text,
      heldOn: text,
      audiences: z.array(text),
      chair: optionalText,
      reached: z.number().int().nullable(),
      heard: text,
      responses: z.array(
        z.object({ youSaid: text, weDid: text, commitmentReferences: z.array(text) }),
      ),
    }),
  ),
  tariffs: z
    .object({
      inForceOn: text,
      bands: z.array(z.object({ name: text, position: z.number(), descriptionOfNeed: text })),
      prices: z.array(
        z.object({
          band: text,
          provisionType: text,
          annualPrice: text,
          effectiveFrom: text,
          effectiveTo: optionalText,
        }),
      ),
    })
    .optional(),
  settings: z
    .array(
      z.object({
        urn: optionalText,
        name: text,
        category: text,
        establishmentType: optionalText,
        phase: optionalText,
        laCode: optionalText,
        postcode: optionalText,
        status: text,
        needAreas: z.array(text),
        ageLow: z.number().int().nullable(),
        ageHigh: z.number().int().nullable(),
        places: z.number().int().nullable(),
        source: text,
        fields: z.array(field),
      }),
    )
    .optional(),
});

const evidence = z.object({ title: text, url: optionalText, note: text, addedOn: text });

/** Format 2 (SNAPSHOT_FORMAT), field by field as in snapshot.ts: commitments carry evidence. */
const formatTwo = formatOne.extend({
  format: z.literal(SNAPSHOT_FORMAT),
  commitments: z.array(commitmentOne.extend({ evidence: z.array(evidence) })),
});

// Compile-time: the schema and the published type describe the same shape, both ways.
const formatTwoMatchesType: Same<z.infer<typeof formatTwo>, PlanSnapshot> = true;
void formatTwoMatchesType;

type FormatOne = Omit<PlanSnapshot, 'format' | 'commitments'> & {
  format: 1;
  commitments: Array<Omit<SnapshotCommitment, 'evidence'>>;
};

/**
 * A format 1 snapshot as format 2: no commitment had evidence frozen with it. Keys the reader does
 * not know are kept, as for a current snapshot.
 */
function upgradeFromOne(snapshot: FormatOne): PlanSnapshot {
  return {
    ...snapshot,
    format: SNAPSHOT_FORMAT,
    commitments: snapshot.commitments.map((c) => ({ ...c, evidence: [] })),
  };
}

const formatOneMatchesType: Same<z.infer<typeof formatOne>, FormatOne> = true;
void formatOneMatchesType;

const READERS = { 1: formatOne, 2: formatTwo } as const;

/**
 * A stored snapshot as a PlanSnapshot (of the current format), or InvalidSnapshotError. Snapshots
 * are immutable, so every format ever written is read here: format 1 is checked as format 1 and
 * upgraded (its commitments get no evidence); format 2 is read as it is.
 */
export function readSnapshot(json: unknown): PlanSnapshot {
  const format =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as { format?: unknown }).format
      : undefined;
  if (format === undefined) {
    throw new InvalidSnapshotError('Not a plan snapshot: it has no format number');
  }
  if (format !== 1 && format !== SNAPSHOT_FORMAT) {
    throw new InvalidSnapshotError(
      `Unknown plan snapshot format ${JSON.stringify(format)}: this version of LIP reads formats 1 to ${SNAPSHOT_FORMAT}`,
    );
  }
  const checked = READERS[format].safeParse(json);
  if (!checked.success) {
    const problems = checked.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new InvalidSnapshotError(`Damaged plan snapshot (format ${format}): ${problems}`, {
      cause: checked.error,
    });
  }
  // The checked value, not zod's copy: zod drops keys it does not know, the stored JSON keeps them.
  return format === 1 ? upgradeFromOne(json as FormatOne) : (json as PlanSnapshot);
}
