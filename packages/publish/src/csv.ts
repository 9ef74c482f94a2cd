// Open data in DfE's tidy layout: one row per observation, symbols in place of suppressed values,
// with a DfE-style metadata file for the figures and a data guidance file describing every column
// of every file. RFC 4180 (CRLF, quotes doubled, fields quoted when they must be), UTF-8 without BOM.
// The formats are documented in docs/open-data.md; a change here is a change there.
import type { Publication } from '@lip/core/snapshot';
import { TIME_IDENTIFIERS, humanise, ragLabel } from './labels.ts';
import { buildPlanView, type MetricView, type PlanView } from './model.ts';

export interface CsvFile {
  name: string;
  content: string;
}

/** England's ONS code: every row of DfE open data carries the country. */
export const ENGLAND_CODE = 'E92000001';

/** A number as written in these files (-3, -0.5, +2, 1e3): never a formula, so left alone. */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a
 * single quote in front, as OWASP advises against CSV injection: `=HYPERLINK(...)` is shown as the
 * text `'=HYPERLINK(...)`, never followed. Numbers such as -3 and -0.5 are written as they are.
 * Every CSV the product writes goes through here (csvField); docs/open-data.md says so to readers.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/**
 * One RFC 4180 field, formula-safe: quoted when it holds a comma, quote, CR or LF (or
 * leading/trailing space).
 */
export function csvField(raw: string): string {
  const value = neutraliseFormula(raw);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A column of a file: its name, what it holds (for data-guidance.csv) and how to read it from a row. */
interface Column<Row> {
  name: string;
  description: string;
  value: (row: Row) => string;
}

function file<Row>(
  name: string,
  columns: Array<Column<Row>>,
  rows: Row[],
): { file: CsvFile; columns: Array<Column<Row>> } {
  return {
    file: {
      name,
      content: csvText([
        columns.map((c) => c.name),
        ...rows.map((row) => columns.map((c) => c.value(row))),
      ]),
    },
    columns,
  };
}

type Commitment = PlanView['sections'][number]['commitments'][number] & {
  sectionKey: string;
  sectionTitle: string;
};

function planColumns<Row>(view: PlanView): Array<Column<Row>> {
  return [
    {
      name: 'partnership',
      description: 'The SEND and AP partnership that publishes the plan.',
      value: () => view.partnershipName,
    },
    {
      name: 'plan_version',
      description: 'The version number of the plan these rows come from.',
      value: () => String(view.versionNumber),
    },
  ];
}

function commitmentColumns(view: PlanView): Array<Column<Commitment>> {
  return [
    ...planColumns<Commitment>(view),
    {
      name: 'section_key',
      description: 'Key of the plan section the commitment belongs to.',
      value: (c) => c.sectionKey,
    },
    { name: 'section_title', description: 'Title of that section.', value: (c) => c.sectionTitle },
    {
      name: 'reference',
      description: 'The commitment reference, unique within the plan (e.g. ED-01).',
      value: (c) => c.reference,
    },
    { name: 'title', description: 'What the partnership commits to do.', value: (c) => c.title },
    {
      name: 'description',
      description: 'What will change, in more detail.',
      value: (c) => c.description,
    },
    {
      name: 'owner_organisation',
      description: 'The organisation accountable for the commitment.',
      value: (c) => c.ownerOrganisation,
    },
    {
      name: 'owner_name',
      description: 'The named owner (a role holder; never contact details). Blank when not named.',
      value: (c) => c.ownerName,
    },
    { name: 'phase', description: 'Education phase the commitment serves.', value: (c) => c.phase },
    {
      name: 'support_layer',
      description:
        'Layer of support (universal, targeted, targeted plus, specialist). Blank when not set.',
      value: (c) => c.supportLayer,
    },
    {
      name: 'need_areas',
      description: 'Codes of the areas of need served, separated by "; " (CI, CL, SEMH, SP).',
      value: (c) => c.needAreas.join('; '),
    },
    {
      name: 'rag_status',
      description:
        'Delivery status when the version was frozen: Not started, Red, Amber, Green or Complete.',
      value: (c) => c.rag,
    },
    {
      name: 'start_date',
      description: 'Start date, YYYY-MM-DD. Blank when not set.',
      value: (c) => c.startDateIso,
    },
    {
      name: 'due_date',
      description: 'Due date, YYYY-MM-DD. Blank when not set.',
      value: (c) => c.dueDateIso,
    },
    {
      name: 'budget_line',
      description: 'The budget the commitment is funded from. Blank when not given.',
      value: (c) => c.budgetLine,
    },
    {
      name: 'budget_amount',
      description: 'Pounds committed from that budget, e.g. 12500.00. Blank when not given.',
      value: (c) => c.budgetAmount,
    },
    {
      name: 'standard_area_codes',
      description:
        'Codes of the standard areas it answers, separated by "; " (one row each in commitment_standard_areas.csv).',
      value: (c) => c.standardAreas.map((a) => a.code).join('; '),
    },
  ];
}

interface CommitmentArea {
  reference: string;
  code: string;
  title: string;
}

function commitmentAreaColumns(view: PlanView): Array<Column<CommitmentArea>> {
  return [
    ...planColumns<CommitmentArea>(view),
    {
      name: 'reference',
      description: 'The commitment reference (as in commitments.csv).',
      value: (r) => r.reference,
    },
    {
      name: 'standard_area_code',
      description: `Code of a standard area of ${view.frameworkTitle} the commitment answers.`,
      value: (r) => r.code,
    },
    {
      name: 'standard_area_title',
      description: 'Title of that standard area.',
      value: (r) => r.title,
    },
  ];
}

interface EvidenceRow {
  reference: string;
  evidence: PlanView['sections'][number]['commitments'][number]['evidence'][number];
}

function evidenceColumns(view: PlanView): Array<Column<EvidenceRow>> {
  return [
    ...planColumns<EvidenceRow>(view),
    {
      name: 'reference',
      description: 'The commitment reference (as in commitments.csv) the evidence is for.',
      value: (r) => r.reference,
    },
    {
      name: 'title',
      description: 'What the evidence is, as the partnership named it.',
      value: (r) => r.evidence.title,
    },
    {
      name: 'url',
      description: 'Where to read it (an http or https address). Blank when it has no link.',
      value: (r) => r.evidence.url,
    },
    {
      name: 'note',
      description: 'What it shows, or where to find it. Blank when there is no note.',
      value: (r) => r.evidence.note,
    },
    {
      name: 'added_on',
      description: 'When it was added, YYYY-MM-DD.',
      value: (r) => r.evidence.addedOnIso,
    },
  ];
}

type ForumConcerns = PlanView['forumConcerns'][number];

function forumConcernsColumns(view: PlanView): Array<Column<ForumConcerns>> {
  return [
    ...planColumns<ForumConcerns>(view),
    {
      name: 'organisation',
      description: 'The parent carer forum that acknowledged the plan.',
      value: (r) => r.organisation,
    },
    {
      name: 'concerns',
      description:
        'The concerns the forum asked to be published with the plan, in its own words (not the partnership’s).',
      value: (r) => r.concerns,
    },
    {
      name: 'acknowledged_by',
      description: 'Who acknowledged the plan for the forum, and their role.',
      value: (r) => `${r.signatoryName}, ${r.signatoryRole}`,
    },
    {
      name: 'forum',
      description: 'The meeting where the forum agreed its acknowledgement.',
      value: (r) => r.forum,
    },
    {
      name: 'decided_on',
      description: 'The date of the acknowledgement, YYYY-MM-DD.',
      value: (r) => r.decidedOnIso,
    },
  ];
}

type Target = MetricView;

function targetColumns(view: PlanView): Array<Column<Target>> {
  return [
    ...planColumns<Target>(view),
    {
      name: 'indicator',
      description:
        'The metric id from the LIP metric catalogue (e.g. EHC-01); joins to metrics.csv.',
      value: (m) => m.metricId,
    },
    { name: 'indicator_label', description: 'The metric in words.', value: (m) => m.title },
    { name: 'theme', description: 'The metric theme.', value: (m) => m.theme },
    {
      name: 'unit',
      description: 'The unit of baseline and target values.',
      value: (m) => m.unitLabel,
    },
    {
      name: 'polarity',
      description: 'Whether higher or lower is better, or the metric is context only.',
      value: (m) => m.polarity,
    },
    {
      name: 'baseline_period',
      description: 'The period of the baseline, as time_period in metrics.csv. Blank when none.',
      value: (m) => m.baseline.period,
    },
    {
      name: 'baseline_value',
      description: 'The baseline, or a symbol (see metrics.meta.csv) where there is none.',
      value: (m) => m.baseline.value ?? m.baseline.symbol ?? '',
    },
    {
      name: 'target_period',
      description: 'The period by which the target should be met.',
      value: (m) => m.target.period,
    },
    {
      name: 'target_value',
      description: 'The target value.',
      value: (m) => m.target.value ?? m.target.symbol ?? '',
    },
    {
      name: 'rag_status',
      description:
        'Progress against the target when the version was frozen: Red, Amber, Green, No data or No target.',
      value: (m) => ragLabel(m.ragCode),
    },
    {
      name: 'commentary',
      description: 'The partnership’s explanation, required when progress is red.',
      value: (m) => m.commentary,
    },
    {
      name: 'commitment_reference',
      description: 'The commitment the metric tracks. Blank when none.',
      value: (m) => m.commitmentReference,
    },
    {
      name: 'owner_organisation',
      description: 'The organisation accountable for the metric.',
      value: (m) => m.ownerOrganisation,
    },
  ];
}

interface ObservationRow {
  metric: MetricView;
  observation: MetricView['observations'][number];
}

const geographyColumn = (level: string) => (r: ObservationRow) =>
  r.observation.geographyLevel === level ? r.observation.geographyCode : '';

function metricColumns(
  view: PlanView,
  region: string | null,
  filterNames: string[],
): Array<Column<ObservationRow>> {
  return [
    {
      name: 'time_period',
      description:
        'The period: a year (2025), an academic or financial year (202425) or a month (2025-09).',
      value: (r) => r.observation.period,
    },
    {
      name: 'time_identifier',
      description:
        'What kind of period time_period is (Calendar year, Academic year, Financial year, Month...).',
      value: (r) => TIME_IDENTIFIERS[r.metric.periodType] ?? humanise(r.metric.periodType),
    },
    {
      name: 'geographic_level',
      description: 'National, Regional, Local authority, ICB or Sub-ICB.',
      value: (r) => r.observation.geographyLevelLabel,
    },
    {
      name: 'country_code',
      description: `ONS code of the country (${ENGLAND_CODE}, England).`,
      value: () => ENGLAND_CODE,
    },
    {
      name: 'region_code',
      description:
        'ONS code of the region: the row’s own for regional rows, the partnership’s region for local rows.',
      value: (r) =>
        r.observation.geographyLevel === 'REGION'
          ? r.observation.geographyCode
          : r.observation.geographyLevel === 'ENGLAND'
            ? ''
            : (region ?? ''),
    },
    {
      name: 'new_la_code',
      description: 'ONS code of the local authority, for local authority rows.',
      value: geographyColumn('LOCAL_AUTHORITY'),
    },
    {
      name: 'icb_code',
      description: 'ONS code of the integrated care board, for ICB rows.',
      value: geographyColumn('ICB'),
    },
    {
      name: 'sub_icb_code',
      description: 'ONS code of the sub-ICB location, for sub-ICB rows.',
      value: geographyColumn('SUB_ICB'),
    },
    {
      name: 'indicator',
      description:
        'The metric id from the LIP metric catalogue (e.g. EHC-01); details in targets.csv.',
      value: (r) => r.metric.metricId,
    },
    { name: 'indicator_label', description: 'The metric in words.', value: (r) => r.metric.title },
    ...filterNames.map((filter) => ({
      name: filter,
      description: `Breakdown by ${filter.replace(/_/g, ' ')}; "Total" where the row is not broken down by it.`,
      value: (r: ObservationRow) =>
        r.observation.filters.find(([name]) => name === filter)?.[1] ?? 'Total',
    })),
    { name: 'unit', description: 'The unit of value.', value: (r) => r.metric.unitLabel },
    {
      name: 'value',
      description:
        'The figure as published, or a symbol in its place: z not applicable, x unavailable, c confidential (suppressed), low rounds to zero but is not zero, u low reliability.',
      value: (r) => r.observation.figure.value ?? r.observation.figure.symbol ?? 'x',
    },
    {
      name: 'numerator',
      description:
        'The count the value is a share of, where published. Blank when suppressed or not given.',
      value: (r) => r.observation.numerator ?? '',
    },
    {
      name: 'denominator',
      description:
        'The count the value is out of, where published. Blank when suppressed or not given.',
      value: (r) => r.observation.denominator ?? '',
    },
    {
      name: 'reliability',
      description:
        'u where the value is published with a low reliability warning; blank otherwise.',
      value: (r) =>
        r.observation.figure.value !== null && r.observation.figure.symbol
          ? r.observation.figure.symbol
          : '',
    },
    {
      name: 'provisional',
      description: 'TRUE when the figure is provisional.',
      value: (r) => (r.observation.provisional ? 'TRUE' : 'FALSE'),
    },
    {
      name: 'revised',
      description: 'TRUE when the figure has been revised since first published.',
      value: (r) => (r.observation.revised ? 'TRUE' : 'FALSE'),
    },
  ];
}

/** DfE metadata: one row per filter and indicator column of metrics.csv (geography and time columns are not listed, as DfE does). */
function metricsMetadata(filterNames: string[]): string[][] {
  const header = [
    'col_name',
    'col_type',
    'label',
    'indicator_grouping',
    'indicator_unit',
    'indicator_dp',
    'filter_hint',
    'filter_grouping_column',
  ];
  return [
    header,
    ['indicator', 'Filter', 'Metric id', '', '', '', 'The LIP catalogue metric', 'indicator_label'],
    ['indicator_label', 'Filter', 'Metric', '', '', '', '', ''],
    ...filterNames.map((f) => [
      f,
      'Filter',
      humanise(f),
      '',
      '',
      '',
      `Breakdown by ${f.replace(/_/g, ' ')}`,
      '',
    ]),
    ['unit', 'Filter', 'Unit', '', '', '', 'The unit of value', ''],
    // The unit varies by metric in this long layout, so it is a filter column rather than indicator_unit.
    ['value', 'Indicator', 'Value', 'Figures', '', '', '', ''],
    ['numerator', 'Indicator', 'Numerator', 'Figures', '', '0', '', ''],
    ['denominator', 'Indicator', 'Denominator', 'Figures', '', '0', '', ''],
  ];
}

const METADATA_GUIDANCE: Array<[string, string]> = [
  ['col_name', 'A filter or indicator column of metrics.csv.'],
  ['col_type', 'Filter or Indicator.'],
  ['label', 'The column in words.'],
  ['indicator_grouping', 'Group of the indicator (indicators only).'],
  [
    'indicator_unit',
    'Unit of the indicator; blank because the unit varies by metric (see the unit column).',
  ],
  ['indicator_dp', 'Decimal places to show (indicators only); blank to show as published.'],
  ['filter_hint', 'A hint for the filter (filters only).'],
  ['filter_grouping_column', 'The column that groups this filter’s values, if any.'],
];

const GUIDANCE_GUIDANCE: Array<[string, string]> = [
  ['file_name', 'A file of this download.'],
  ['col_name', 'A column of that file.'],
  ['description', 'What the column holds.'],
];

interface SectionFieldRow {
  sectionKey: string;
  sectionTitle: string;
  field: PlanView['sections'][number]['fields'][number];
}

const sectionFieldColumns = (view: PlanView): Array<Column<SectionFieldRow>> => [
  ...planColumns<SectionFieldRow>(view),
  { name: 'section_key', description: 'Key of the plan section.', value: (r) => r.sectionKey },
  { name: 'section_title', description: 'Title of that section.', value: (r) => r.sectionTitle },
  { name: 'field_key', description: 'Key of the section’s field.', value: (r) => r.field.key },
  { name: 'field_label', description: 'The field in words.', value: (r) => r.field.label },
  {
    name: 'value',
    description:
      'The value as text a person reads. Counts of children follow the partnership’s disclosure rule: c in place of a count too small to publish (or one that would let it be worked out), others rounded.',
    value: (r) => r.field.value,
  },
  {
    name: 'symbol',
    description: 'c when a count in the value is suppressed; blank otherwise.',
    value: (r) => r.field.symbol ?? '',
  },
];

/** All the open data files of a plan version, in a fixed order. */
type BudgetTotalRow = NonNullable<PlanView['funding']['budget']>['rows'][number];
type TariffRow = NonNullable<PlanView['funding']['tariffs']>['prices'][number];

function budgetTotalColumns(view: PlanView): Array<Column<BudgetTotalRow>> {
  return [
    ...planColumns<BudgetTotalRow>(view),
    { name: 'section_key', description: 'Key of the plan section.', value: (r) => r.sectionKey },
    { name: 'section_title', description: 'Title of that section.', value: (r) => r.section },
    {
      name: 'block',
      description:
        'The dedicated schools grant block the money comes from: HIGH_NEEDS, SCHOOLS, EARLY_YEARS, CENTRAL_SCHOOL_SERVICES, or OTHER (outside the grant).',
      value: (r) => r.blockCode,
    },
    {
      name: 'financial_year',
      description: 'The financial year, April to March, e.g. 2026-27.',
      value: (r) => r.financialYear,
    },
    {
      name: 'amount',
      description:
        'Pounds in the budget lines of the section’s commitments for that block and year, e.g. 45000.00.',
      value: (r) => r.amount,
    },
  ];
}

function tariffColumns(view: PlanView): Array<Column<TariffRow>> {
  return [
    ...planColumns<TariffRow>(view),
    { name: 'band', description: 'The band (a level of need).', value: (r) => r.band },
    {
      name: 'band_position',
      description: 'Its place in the banding framework, 1 the lowest need.',
      value: (r) => String(r.bandPosition),
    },
    {
      name: 'provision_type',
      description:
        'MAINSTREAM_TOP_UP, RESOURCED_PROVISION, SPECIAL, INDEPENDENT_SPECIAL, ALTERNATIVE_PROVISION or POST_16.',
      value: (r) => r.provisionTypeCode,
    },
    {
      name: 'annual_price',
      description: 'Pounds a year per place, e.g. 12500.00, in force when the version was frozen.',
      value: (r) => r.annualPrice,
    },
    {
      name: 'effective_from',
      description: 'First day it applies, YYYY-MM-DD.',
      value: (r) => r.effectiveFrom,
    },
    {
      name: 'effective_to',
      description: 'Last day it applies, YYYY-MM-DD; blank until replaced.',
      value: (r) => r.effectiveTo,
    },
  ];
}

export function renderCsv(publication: Publication): { files: CsvFile[] } {
  const view = buildPlanView(publication);

  const commitments: Commitment[] = view.sections.flatMap((s) =>
    s.commitments.map((c) => ({ ...c, sectionKey: s.key, sectionTitle: s.title })),
  );
  const commitmentAreas: CommitmentArea[] = commitments.flatMap((c) =>
    c.standardAreas.map((a) => ({ reference: c.reference, code: a.code, title: a.title })),
  );
  const observations: ObservationRow[] = view.metrics.flatMap((metric) =>
    metric.observations.map((observation) => ({ metric, observation })),
  );
  const filterNames = [
    ...new Set(observations.flatMap((r) => r.observation.filters.map(([name]) => name))),
  ];

  const evidence: EvidenceRow[] = commitments.flatMap((c) =>
    c.evidence.map((e) => ({ reference: c.reference, evidence: e })),
  );

  const sectionFields: SectionFieldRow[] = view.sections.flatMap((s) =>
    s.fields.map((field) => ({ sectionKey: s.key, sectionTitle: s.title, field })),
  );

  const outputs = [
    file('commitments.csv', commitmentColumns(view), commitments),
    file('commitment_standard_areas.csv', commitmentAreaColumns(view), commitmentAreas),
    file('commitment_evidence.csv', evidenceColumns(view), evidence),
    file('section_fields.csv', sectionFieldColumns(view), sectionFields),
    file('targets.csv', targetColumns(view), view.metrics),
    file(
      'metrics.csv',
      metricColumns(view, publication.snapshot.partnership.region, filterNames),
      observations,
    ),
    file('forum_concerns.csv', forumConcernsColumns(view), view.forumConcerns),
    file('budget_totals.csv', budgetTotalColumns(view), view.funding.budget?.rows ?? []),
    file('tariffs.csv', tariffColumns(view), view.funding.tariffs?.prices ?? []),
  ];

  const guidance = csvText([
    ['file_name', 'col_name', 'description'],
    ...outputs.flatMap((o) => o.columns.map((c) => [o.file.name, c.name, c.description])),
    ...METADATA_GUIDANCE.map(([name, description]) => ['metrics.meta.csv', name, description]),
    ...GUIDANCE_GUIDANCE.map(([name, description]) => ['data-guidance.csv', name, description]),
  ]);

  return {
    files: [
      ...outputs.map((o) => o.file),
      { name: 'metrics.meta.csv', content: csvText(metricsMetadata(filterNames)) },
      { name: 'data-guidance.csv', content: guidance },
    ],
  };
}
