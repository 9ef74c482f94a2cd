// The plan version as open data JSON: exactly the Publication (snapshot after disclosure control +
// version record), with keys in the order the JSON Schema below lists them (which is the order of
// packages/core/src/snapshot.ts), two-space indented, ending in a newline. The same publication
// always gives the same bytes, so files can be compared and cached. When commitments have budget
// lines, `budgetTotals` (worked out from them, as the plan page does) follows the version (issue 16).
// The schema is checked in at packages/publish/schema/publication.schema.json (pnpm schema:write).
import { budgetTotalsOf, PROVISION_TYPES } from '@lip/core/funding';
import { SNAPSHOT_FORMAT, type Publication } from '@lip/core/snapshot';

/** The subset of JSON Schema this file uses. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: Array<string | number | null>;
  const?: string | number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** An object whose every property is required (absent values are null, never missing). */
function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** An object like `object`, but `keys` may be missing (fields older snapshots do not have). */
function optional(keys: string | string[], properties: Record<string, JsonSchema>): JsonSchema {
  const schema = object(properties);
  const missing = typeof keys === 'string' ? [keys] : keys;
  return { ...schema, required: schema.required!.filter((k) => !missing.includes(k)) };
}

const text = (description?: string): JsonSchema => ({
  type: 'string',
  ...(description ? { description } : {}),
});
const nullableText = (description?: string): JsonSchema => ({
  type: ['string', 'null'],
  ...(description ? { description } : {}),
});
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const date = (description?: string): JsonSchema => ({
  type: 'string',
  pattern: DATE,
  ...(description ? { description } : {}),
});
const nullableDate = (description?: string): JsonSchema => ({
  type: ['string', 'null'],
  pattern: DATE,
  ...(description ? { description } : {}),
});
const instant = (description?: string): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  ...(description ? { description } : {}),
});
const DECIMAL = '^-?\\d+(\\.\\d+)?$';
const nullableDecimal = (description?: string): JsonSchema => ({
  type: ['string', 'null'],
  pattern: DECIMAL,
  ...(description ? { description } : {}),
});
const decimal = (description?: string): JsonSchema => ({
  type: 'string',
  pattern: DECIMAL,
  ...(description ? { description } : {}),
});
const withDescription = (schema: JsonSchema, description: string): JsonSchema => ({
  ...schema,
  description,
});
const list = (items: JsonSchema, description?: string): JsonSchema => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
const oneOf = (values: string[], description?: string): JsonSchema => ({
  type: 'string',
  enum: values,
  ...(description ? { description } : {}),
});

const field = {
  ...optional('symbol', {
    key: text('The field key.'),
    label: text('The field label.'),
    value: text(
      'The value as text a person reads; "" when not given. Counts of children are published under the partnership’s disclosure rule: c in place of a count too small to publish, others rounded.',
    ),
    symbol: oneOf(['c'], 'Present, as c, when a count in the value is suppressed.'),
  }),
  description: 'A typed field of a section or commitment.',
};

export const publicationJsonSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Local Inclusion Plan publication',
  description:
    'One version of a local inclusion plan as published: the frozen snapshot (after disclosure control: suppressed figures carry a symbol and no value) and the version record. Dates are YYYY-MM-DD, instants ISO 8601, money and measures decimal strings.',
  ...optional('budgetTotals', {
    snapshot: withDescription(
      optional(['tariffs', 'settings'], {
        format: {
          const: SNAPSHOT_FORMAT,
          description:
            'Snapshot format number; a new shape gets a new number. 2: commitments carry their evidence (versions frozen in format 1 are published as format 2 with no evidence).',
        },
        takenAt: instant('When the version was frozen.'),
        plan: object({
          id: text(),
          title: text(),
          kind: text('Plan kind id, e.g. local-send-reform-plan.'),
          periodStart: date(),
          periodEnd: date(),
          versionNumber: { type: 'integer', minimum: 1 },
        }),
        partnership: object({
          id: text(),
          slug: text(),
          name: text(),
          localAuthorityCodes: list(
            text(),
            'ONS codes of the local authorities in the partnership.',
          ),
          region: nullableText('ONS region code.'),
          disclosure: object({
            smallNumberThreshold: { type: ['integer', 'null'], minimum: 0 },
            roundingBase: { type: ['integer', 'null'], minimum: 1 },
          }),
        }),
        organisations: list(
          object({
            id: text(),
            name: text(),
            typeCode: text(),
            typeTitle: text(),
            isSignatory: { type: 'boolean' },
          }),
        ),
        framework: object({
          id: text(),
          title: text(),
          status: text(),
          areas: list(
            object({ id: text(), code: text(), title: text(), position: { type: 'integer' } }),
            'Standard areas by position.',
          ),
        }),
        sections: list(
          object({
            key: text(),
            title: text(),
            pluginId: text(),
            position: { type: 'integer' },
            ownerOrganisationId: nullableText(),
            status: text(),
            summary: nullableText(),
            easyReadSummary: nullableText(),
            fields: list(field),
          }),
          'By position.',
        ),
        commitments: list(
          optional(['progress', 'rating', 'leadOfficer', 'budgetLines'], {
            id: text(),
            reference: text(),
            sectionKey: text(),
            title: text(),
            description: text(),
            ownerOrganisationId: nullableText(),
            ownerName: nullableText('The owning person’s name (never contact details).'),
            needAreas: list(text()),
            phase: text(),
            supportLayer: nullableText(),
            ragStatus: text(
              'Progress and rating in one word (Not started, Red, Amber, Green, Complete), as older versions have it.',
            ),
            progress: oneOf(
              ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'],
              'How far delivery has got (absent in versions frozen before it was asked).',
            ),
            rating: {
              type: ['string', 'null'],
              enum: ['RED', 'AMBER', 'GREEN', null],
              description:
                'How delivery is going; null when not rated (absent in versions frozen before it was asked).',
            },
            leadOfficer: nullableText('The officer who leads delivery (absent in older versions).'),
            startDate: nullableDate(),
            dueDate: nullableDate(),
            budgetLine: nullableText(),
            budgetAmount: nullableDecimal('Pounds, e.g. "12500.00".'),
            standardAreaCodes: list(text()),
            milestones: list(
              object({ title: text(), dueDate: date(), completedOn: nullableDate() }),
            ),
            evidence: list(
              object({
                title: text(),
                url: nullableText('An http or https address; null when it has none.'),
                note: text('What it shows, or where to find it; "" when there is no note.'),
                addedOn: date('When it was added.'),
              }),
              'What shows progress on the commitment, oldest first.',
            ),
            fields: list(field),
            budgetLines: list(
              object({
                name: text('What the money is for.'),
                block: oneOf(
                  ['HIGH_NEEDS', 'SCHOOLS', 'EARLY_YEARS', 'CENTRAL_SCHOOL_SERVICES', 'OTHER'],
                  'The dedicated schools grant block, or OTHER for money from outside it.',
                ),
                amount: decimal('Pounds, e.g. "45000.00".'),
                financialYear: {
                  type: 'integer',
                  description: 'The financial year by the year it starts: 2026 is 2026-27.',
                },
              }),
              'High-needs budget lines (absent from versions frozen before budget lines existed).',
            ),
          }),
          'By reference.',
        ),
        coverage: list(
          object({
            areaCode: text(),
            notApplicableReason: nullableText(),
            commitmentReferences: list(text()),
          }),
          'One row per standard area, by position.',
        ),
        metrics: list(
          optional(['latest', 'decimals'], {
            targetId: text(),
            metricId: text(),
            title: text(),
            theme: text(),
            unit: text(),
            decimals: {
              type: 'integer',
              minimum: 0,
              maximum: 6,
              description:
                'Decimal places the figures are published to (absent in older versions).',
            },
            polarity: oneOf(['HIGHER_BETTER', 'LOWER_BETTER', 'CONTEXT']),
            periodType: text(),
            commitmentReference: nullableText(),
            ownerOrganisationId: nullableText(),
            baseline: object({ value: nullableDecimal(), period: nullableText() }),
            target: object({ value: { type: 'string', pattern: DECIMAL }, period: text() }),
            commentary: nullableText(),
            rag: oneOf(['RED', 'AMBER', 'GREEN', 'NO_DATA', 'NO_TARGET']),
            latest: {
              ...object({
                geographyLevel: oneOf(['LOCAL_AUTHORITY', 'ICB', 'SUB_ICB']),
                geographyCode: text(),
                period: text(),
              }),
              type: ['object', 'null'],
              description:
                'The observation (a total) rag was measured against; null when there was none. Absent in versions published before it was recorded.',
            },
            observations: list(
              object({
                geographyLevel: oneOf(['LOCAL_AUTHORITY', 'ICB', 'SUB_ICB', 'REGION', 'ENGLAND']),
                geographyCode: text(),
                period: text('DfE time_period: 2025, 202425 or 2025-09.'),
                breakdown: text('"" for the total; otherwise "<filter>:<value>".'),
                value: nullableDecimal('Null where suppressed or unavailable (see symbol).'),
                numerator: nullableDecimal(),
                denominator: nullableDecimal(),
                symbol: {
                  type: ['string', 'null'],
                  enum: ['z', 'x', 'c', 'low', 'u', null],
                  description:
                    'z not applicable, x unavailable, c confidential (suppressed), low rounds to zero but is not zero, u low reliability.',
                },
                provisional: { type: 'boolean' },
                revised: { type: 'boolean' },
              }),
            ),
          }),
        ),
        coproduction: list(
          object({
            id: text(),
            kind: text(),
            title: text(),
            heldOn: date(),
            audiences: list(text()),
            chair: nullableText(),
            reached: { type: ['integer', 'null'], minimum: 0 },
            heard: text(),
            responses: list(
              object({ youSaid: text(), weDid: text(), commitmentReferences: list(text()) }),
            ),
          }),
          'By date held.',
        ),
        tariffs: withDescription(
          object({
            inForceOn: date('The date the tariffs were read as in force on (when frozen).'),
            bands: list(
              object({
                name: text(),
                position: { type: 'integer', description: '1 is the lowest need.' },
                descriptionOfNeed: text(),
              }),
              'Lowest need first.',
            ),
            prices: list(
              object({
                band: text(),
                provisionType: oneOf([...PROVISION_TYPES]),
                annualPrice: decimal('Pounds a year per place, e.g. "12500.00".'),
                effectiveFrom: date(),
                effectiveTo: nullableDate('null: until replaced.'),
              }),
              'By band, then type of provision.',
            ),
          }),
          'The banding framework and the tariffs in force when the version was frozen (absent from older versions).',
        ),
        settings: list(
          object({
            urn: nullableText("DfE's unique reference number; null for a setting added by hand."),
            name: text(),
            category: oneOf([
              'MAINSTREAM',
              'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
              'SPECIAL',
              'INDEPENDENT_SPECIAL',
              'ALTERNATIVE_PROVISION',
            ]),
            establishmentType: nullableText('GIAS type of establishment.'),
            phase: nullableText(),
            laCode: nullableText(),
            postcode: nullableText(),
            status: text('GIAS establishment status.'),
            needAreas: list(oneOf(['CI', 'CL', 'SEMH', 'SP'])),
            ageLow: { type: ['integer', 'null'], minimum: 0 },
            ageHigh: { type: ['integer', 'null'], minimum: 0 },
            places: { type: ['integer', 'null'], minimum: 0 },
            source: oneOf(['GIAS', 'MANUAL']),
            fields: list(field),
          }),
          'The tailored list of settings frozen with the version: open settings by category then name. Absent in versions published before the settings directory.',
        ),
      }),
      'The frozen content of the plan version.',
    ),
    version: object(
      {
        number: { type: 'integer', minimum: 1 },
        state: oneOf(['DRAFT', 'PARTNER_REVIEW', 'SIGNED_OFF', 'PUBLISHED', 'SUPERSEDED']),
        createdAt: instant(),
        publishedAt: { type: ['string', 'null'], format: 'date-time' },
        publicPath: nullableText('Where the public page lives; null until published.'),
        signOffs: list(
          object({
            organisationName: text(),
            decision: oneOf(['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'ACKNOWLEDGED']),
            conditions: nullableText(),
            signatoryName: text(),
            signatoryRole: text(),
            forum: text(),
            decidedOn: date(),
            concerns: nullableText(
              'What the parent carer forum asked to be published with its acknowledgement, in its own words; null otherwise.',
            ),
          }),
        ),
      },
      'The version and the decisions recorded on it.',
    ),
    budgetTotals: withDescription(
      object({
        rows: list(
          object({
            sectionKey: text(),
            block: text(),
            financialYear: { type: 'integer' },
            amount: decimal(),
          }),
          'Section × block × financial year.',
        ),
        bySection: list(object({ key: text(), amount: decimal() })),
        byBlock: list(object({ key: text(), amount: decimal() })),
        byYear: list(object({ key: { type: 'integer' }, amount: decimal() })),
        total: decimal('Pounds, e.g. "45000.00".'),
      }),
      'Worked out from the commitments’ budget lines (not part of the frozen snapshot); present when any commitment has one.',
    ),
  }),
};

/** A copy of `value` whose object keys follow the schema's property order (unknown keys last, sorted). */
function ordered(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, schema?.items));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const known = Object.keys(schema?.properties ?? {});
  const extra = Object.keys(source)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...extra]) {
    if (key in source) out[key] = ordered(source[key], schema?.properties?.[key]);
  }
  return out;
}

/** The publication as JSON open data: stable key order (the schema's), two-space indent, trailing newline. */
export function renderJson(publication: Publication): string {
  const lines = publication.snapshot.commitments.flatMap((c) =>
    (c.budgetLines ?? []).map((l) => ({ ...l, sectionKey: c.sectionKey })),
  );
  const output =
    lines.length > 0
      ? {
          ...publication,
          budgetTotals: budgetTotalsOf(
            lines,
            publication.snapshot.sections.map((s) => s.key),
          ),
        }
      : publication;
  return `${JSON.stringify(ordered(output, publicationJsonSchema), null, 2)}\n`;
}

/** The schema as written to schema/publication.schema.json. */
export function publicationJsonSchemaText(): string {
  return `${JSON.stringify(publicationJsonSchema, null, 2)}\n`;
}
