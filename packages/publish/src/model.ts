// The view model every renderer reads: one pass over the Publication that resolves ids to names,
// codes to words and groups commitments under their sections, so HTML, DOCX and CSV cannot disagree.
// It never recomputes a figure: values and disclosure symbols are carried through as published.
import type {
  Publication,
  SnapshotCommitment,
  SnapshotField,
  SnapshotMetric,
  SnapshotObservation,
} from '@lip/core/snapshot';
import {
  DISCLOSURE_SYMBOLS,
  breakdownName,
  coproductionKindLabel,
  decisionLabel,
  formatDate,
  formatFigure,
  toPlaces,
  formatMoney,
  formatPeriod,
  geographicLevelLabel,
  isDisclosureSymbol,
  phaseLabel,
  metricRatingLabel,
  planKindLabel,
  polarityLabel,
  ragLabel,
  supportLayerLabel,
  unitLabel,
  versionStateLabel,
  type DisclosureSymbol,
} from './labels.ts';
import { budgetLineText, buildFundingView, type FundingView } from './funding.ts';

export interface StandardAreaRef {
  code: string;
  title: string;
}

export interface CommitmentView {
  id: string;
  reference: string;
  /** HTML id of its heading. */
  anchor: string;
  title: string;
  description: string;
  ownerOrganisation: string;
  ownerName: string;
  phase: string;
  supportLayer: string;
  needAreas: string[];
  /** The one-word status as open data has it ("Not started", "Red", …, "Complete"). */
  rag: string;
  ragCode: string;
  /**
   * The status as a reader should read it: `rag`, except that a commitment in progress but not
   * rated says so ("In progress, not rated") instead of reading as not started.
   */
  statusLabel: string;
  startDate: string;
  dueDate: string;
  /** "YYYY-MM-DD" or "" (for the open data). */
  startDateIso: string;
  dueDateIso: string;
  budgetLine: string;
  /** "£12,500.00" or "". */
  budget: string;
  /** Pounds as published, "12500.00", or "". */
  budgetAmount: string;
  /** Its budget lines as text, "Therapists: £30,000.00, High needs block, 2026-27" (issue 16). */
  budgetLines: string[];
  standardAreas: StandardAreaRef[];
  milestones: Array<{ title: string; dueDate: string; completedOn: string }>;
  /** Its evidence as the partnership recorded it, oldest first. */
  evidence: EvidenceView[];
  fields: SnapshotField[];
}

export interface EvidenceView {
  title: string;
  /** An http or https address, or "". */
  url: string;
  /** What it shows, or where to find it; "" when there is no note. */
  note: string;
  /** "1 September 2026". */
  addedOn: string;
  /** "2026-09-01" (for the open data). */
  addedOnIso: string;
}

export interface SectionView {
  key: string;
  /** HTML id of its heading. */
  anchor: string;
  title: string;
  ownerOrganisation: string;
  summary: string;
  easyReadSummary: string;
  /** Fields with a value (empty ones are left out of the published plan). */
  fields: SnapshotField[];
  commitments: CommitmentView[];
}

export interface CoverageRowView {
  area: StandardAreaRef;
  notApplicableReason: string | null;
  /** One cell per section (same order as `PlanView.sections`): the references mapped to this area. */
  cells: string[][];
}

/** A figure as printed: the value in its unit, or a disclosure symbol in its place. */
export interface FigureView {
  /** What to print: "45.2%" or a symbol such as "c"; "" when there is no figure at all. */
  text: string;
  /** The symbol printed instead of (or, for "u", beside) a value. */
  symbol: DisclosureSymbol | null;
  /** The decimal string as published, null where suppressed or missing. */
  value: string | null;
}

export interface ObservationView {
  geographyLevel: SnapshotObservation['geographyLevel'];
  geographyLevelLabel: string;
  geographyCode: string;
  /** Where, in words a reader knows: "Northshire (local authority)", "England", "North West". */
  areaLabel: string;
  /** The DfE code ("202425"). */
  period: string;
  /** As read ("2024/25"). */
  periodLabel: string;
  breakdown: string;
  /** The breakdown as [filter, value] pairs; empty for the total. */
  filters: Array<[string, string]>;
  /** The same with the filters named as a reader says them: [["SEN status", "EHC plan"]]. */
  filterLabels: Array<[string, string]>;
  figure: FigureView;
  numerator: string | null;
  denominator: string | null;
  provisional: boolean;
  revised: boolean;
}

export interface MetricView {
  metricId: string;
  title: string;
  theme: string;
  unit: string;
  unitLabel: string;
  polarity: string;
  periodType: string;
  commitmentReference: string;
  ownerOrganisation: string;
  /** `period` is the DfE code ("202425"), `periodLabel` as read ("2024/25"). */
  baseline: FigureView & { period: string; periodLabel: string };
  target: FigureView & { period: string; periodLabel: string };
  /** The partnership's own total its status was measured against, if any. */
  latest: (ObservationView & { figure: FigureView }) | null;
  rag: string;
  ragCode: SnapshotMetric['rag'];
  commentary: string;
  observations: ObservationView[];
}

export interface CoproductionView {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string;
  reached: number | null;
  heard: string;
  responses: Array<{ youSaid: string; weDid: string; commitmentReferences: string[] }>;
}

export interface SignOffView {
  organisation: string;
  decision: string;
  decisionCode: string;
  conditions: string;
  signatoryName: string;
  signatoryRole: string;
  forum: string;
  decidedOn: string;
  /** What the parent carer forum asked to be recorded with its acknowledgement; "" when nothing. */
  concerns: string;
}

/** The parent carer forum's concerns, in its own words, published with the plan. */
export interface ForumConcernsView {
  organisation: string;
  concerns: string;
  signatoryName: string;
  signatoryRole: string;
  forum: string;
  decidedOn: string;
  /** "YYYY-MM-DD" (for the open data). */
  decidedOnIso: string;
}

export interface PlanView {
  title: string;
  kind: string;
  partnershipName: string;
  partnershipSlug: string;
  periodStart: string;
  periodEnd: string;
  /** "1 April 2026 to 31 March 2029". */
  period: string;
  versionNumber: number;
  state: string;
  stateCode: Publication['version']['state'];
  /** Publication date, or the date the version was frozen for a version not yet published. */
  date: string;
  publishedOn: string;
  frozenOn: string;
  publicPath: string | null;
  frameworkTitle: string;
  sections: SectionView[];
  coverage: CoverageRowView[];
  metrics: MetricView[];
  /** Symbols that appear in the metrics, in catalogue order, with their meaning. */
  symbolsUsed: Array<{ symbol: DisclosureSymbol; meaning: string }>;
  coproduction: CoproductionView[];
  /** Each forum acknowledgement that recorded concerns (after co-production, before sign-off). */
  forumConcerns: ForumConcernsView[];
  signOffs: SignOffView[];
  commitmentCount: number;
  /** Budget totals and the tariff in force (issue 16). */
  funding: FundingView;
}

/** A stable HTML id from a key: letters, digits and hyphens. */
export function anchorFor(prefix: string, key: string): string {
  return `${prefix}-${key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

function figure(
  raw: string | null,
  symbol: string | null,
  unit: string,
  decimals?: number,
): FigureView {
  // To the metric's published decimal places: the same digits on the page and in every export.
  const value =
    raw === null || raw === '' || decimals === undefined ? raw : toPlaces(raw, decimals);
  const knownSymbol = symbol !== null && isDisclosureSymbol(symbol) ? symbol : null;
  if (value === null || value === '') {
    // No value: print the symbol the publisher gave, or "x" (unavailable) when none was given.
    const shown = knownSymbol ?? 'x';
    return { text: shown, symbol: shown, value: null };
  }
  const text = formatFigure(value, unit, decimals);
  return { text: knownSymbol ? `${text} [${knownSymbol}]` : text, symbol: knownSymbol, value };
}

/** "sen_status:EHC plan;phase:Primary" → [["sen_status","EHC plan"],["phase","Primary"]]. */
export function parseBreakdown(breakdown: string): Array<[string, string]> {
  if (breakdown === '') return [];
  return breakdown.split(';').map((part) => {
    const at = part.indexOf(':');
    return at < 0
      ? ['breakdown', part.trim()]
      : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
}

/**
 * Names an observation's area for the public page, from what the snapshot knows: the
 * partnership's own local authority by the partnership's place name, its ICB by the ICB
 * organisation, its region by name. Anyone else's area keeps its code, as nothing else names it.
 */
function areaNamer(snapshot: Publication['snapshot']): (o: SnapshotObservation) => string {
  const { partnership } = snapshot;
  const place = partnership.name.replace(/\s+(SEND|SEND and AP|local area)?\s*partnership$/i, '');
  const ownCodes = new Set(partnership.localAuthorityCodes);
  const icbs = snapshot.organisations.filter((o) => o.typeCode === 'integrated-care-board');
  return (o) => {
    switch (o.geographyLevel) {
      case 'ENGLAND':
        return 'England';
      case 'REGION':
        return partnership.region ?? `Region ${o.geographyCode}`;
      case 'LOCAL_AUTHORITY':
        return ownCodes.has(o.geographyCode) && ownCodes.size === 1 && place !== partnership.name
          ? `${place} (local authority)`
          : `Local authority ${o.geographyCode}`;
      case 'ICB':
        return icbs.length === 1 ? icbs[0]!.name : `ICB ${o.geographyCode}`;
      default:
        return `${geographicLevelLabel(o.geographyLevel)} ${o.geographyCode}`;
    }
  };
}

function observationView(
  observation: SnapshotObservation,
  unit: string,
  areaName: (o: SnapshotObservation) => string,
  decimals?: number,
): ObservationView {
  const filters = parseBreakdown(observation.breakdown);
  return {
    geographyLevel: observation.geographyLevel,
    geographyLevelLabel: geographicLevelLabel(observation.geographyLevel),
    geographyCode: observation.geographyCode,
    areaLabel: areaName(observation),
    period: observation.period,
    periodLabel: formatPeriod(observation.period),
    breakdown: observation.breakdown,
    filters,
    filterLabels: filters.map(([name, value]) => [breakdownName(name), value]),
    figure: figure(observation.value, observation.symbol, unit, decimals),
    numerator: observation.numerator,
    denominator: observation.denominator,
    provisional: observation.provisional,
    revised: observation.revised,
  };
}

/** For snapshots older than SnapshotMetric.latest: a total that is not an England or regional comparator, latest period. */
function latestOwnTotal(
  observations: ObservationView[],
  ownCodes: Set<string>,
): ObservationView | null {
  const own = observations.filter(
    (o) => o.breakdown === '' && o.geographyLevel !== 'ENGLAND' && o.geographyLevel !== 'REGION',
  );
  if (own.length === 0) return null;
  // DfE period codes ("2023", "202324", "2024-01") sort in time order as text within one period type.
  const latestPeriod = own
    .map((o) => o.period)
    .sort()
    .at(-1);
  const atLatest = own.filter((o) => o.period === latestPeriod);
  return atLatest.find((o) => ownCodes.has(o.geographyCode)) ?? atLatest[0] ?? null;
}

/** The total the snapshot's RAG was measured against (core chose it), after disclosure control. */
function ratedObservation(
  observations: ObservationView[],
  latest: NonNullable<SnapshotMetric['latest']>,
): ObservationView | null {
  return (
    observations.find(
      (o) =>
        o.breakdown === '' &&
        o.geographyLevel === latest.geographyLevel &&
        o.geographyCode === latest.geographyCode &&
        o.period === latest.period,
    ) ?? null
  );
}

export function buildPlanView(publication: Publication): PlanView {
  const { snapshot, version } = publication;
  const organisationName = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const orgName = (id: string | null) => (id ? (organisationName.get(id) ?? '') : '');
  const areaByCode = new Map(
    snapshot.framework.areas.map((a) => [a.code, { code: a.code, title: a.title }]),
  );
  const areaRef = (code: string): StandardAreaRef => areaByCode.get(code) ?? { code, title: code };

  const commitmentView = (c: SnapshotCommitment): CommitmentView => ({
    id: c.id,
    reference: c.reference,
    anchor: anchorFor('commitment', c.reference),
    title: c.title,
    description: c.description,
    ownerOrganisation: orgName(c.ownerOrganisationId),
    ownerName: c.ownerName ?? '',
    phase: phaseLabel(c.phase),
    supportLayer: c.supportLayer ? supportLayerLabel(c.supportLayer) : '',
    needAreas: c.needAreas,
    rag: ragLabel(c.ragStatus),
    ragCode: c.ragStatus,
    statusLabel:
      c.progress === 'IN_PROGRESS' && !c.rating ? 'In progress, not rated' : ragLabel(c.ragStatus),
    startDate: formatDate(c.startDate),
    dueDate: formatDate(c.dueDate),
    startDateIso: c.startDate ?? '',
    dueDateIso: c.dueDate ?? '',
    budgetLine: c.budgetLine ?? '',
    budget: formatMoney(c.budgetAmount),
    budgetAmount: c.budgetAmount ?? '',
    budgetLines: (c.budgetLines ?? []).map(budgetLineText),
    standardAreas: c.standardAreaCodes.map(areaRef),
    milestones: c.milestones.map((m) => ({
      title: m.title,
      dueDate: formatDate(m.dueDate),
      completedOn: formatDate(m.completedOn),
    })),
    evidence: c.evidence.map((e) => ({
      title: e.title,
      url: e.url ?? '',
      note: e.note,
      addedOn: formatDate(e.addedOn),
      addedOnIso: e.addedOn,
    })),
    fields: c.fields.filter((f) => f.value !== ''),
  });

  const sections: SectionView[] = [...snapshot.sections]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      key: s.key,
      anchor: anchorFor('section', s.key),
      title: s.title,
      ownerOrganisation: orgName(s.ownerOrganisationId),
      summary: s.summary ?? '',
      easyReadSummary: s.easyReadSummary ?? '',
      fields: s.fields.filter((f) => f.value !== ''),
      commitments: snapshot.commitments.filter((c) => c.sectionKey === s.key).map(commitmentView),
    }));

  const sectionOf = new Map(snapshot.commitments.map((c) => [c.reference, c.sectionKey]));
  const coverage: CoverageRowView[] = snapshot.coverage.map((row) => ({
    area: areaRef(row.areaCode),
    notApplicableReason: row.notApplicableReason,
    cells: sections.map((s) =>
      row.commitmentReferences.filter((ref) => sectionOf.get(ref) === s.key),
    ),
  }));

  const ownCodes = new Set(snapshot.partnership.localAuthorityCodes);
  const areaName = areaNamer(snapshot);
  const metrics: MetricView[] = snapshot.metrics.map((m) => {
    const observations = m.observations.map((o) =>
      observationView(o, m.unit, areaName, m.decimals),
    );
    return {
      metricId: m.metricId,
      title: m.title,
      theme: humaniseTheme(m.theme),
      unit: m.unit,
      unitLabel: unitLabel(m.unit),
      polarity: polarityLabel(m.polarity),
      periodType: m.periodType,
      commitmentReference: m.commitmentReference ?? '',
      ownerOrganisation: orgName(m.ownerOrganisationId),
      baseline: {
        ...figure(m.baseline.value, null, m.unit, m.decimals),
        period: m.baseline.period ?? '',
        periodLabel: formatPeriod(m.baseline.period ?? ''),
      },
      target: {
        ...figure(m.target.value, null, m.unit, m.decimals),
        period: m.target.period,
        periodLabel: formatPeriod(m.target.period),
      },
      latest:
        m.latest === undefined
          ? latestOwnTotal(observations, ownCodes)
          : m.latest && ratedObservation(observations, m.latest),
      rag: metricRatingLabel(m.rag),
      ragCode: m.rag,
      commentary: m.commentary ?? '',
      observations,
    };
  });

  const used = new Set<string>();
  for (const s of sections) if (s.fields.some((f) => f.symbol)) used.add('c');
  for (const m of metrics) {
    for (const f of [m.baseline, m.target, ...m.observations.map((o) => o.figure)])
      if (f.symbol) used.add(f.symbol);
  }
  const symbolsUsed = (Object.keys(DISCLOSURE_SYMBOLS) as DisclosureSymbol[])
    .filter((s) => used.has(s))
    .map((symbol) => ({ symbol, meaning: DISCLOSURE_SYMBOLS[symbol] }));

  const frozenOn = formatDate(snapshot.takenAt);
  const publishedOn = formatDate(version.publishedAt);
  return {
    title: snapshot.plan.title,
    kind: planKindLabel(snapshot.plan.kind),
    partnershipName: snapshot.partnership.name,
    partnershipSlug: snapshot.partnership.slug,
    periodStart: formatDate(snapshot.plan.periodStart),
    periodEnd: formatDate(snapshot.plan.periodEnd),
    period: `${formatDate(snapshot.plan.periodStart)} to ${formatDate(snapshot.plan.periodEnd)}`,
    versionNumber: version.number,
    state: versionStateLabel(version.state),
    stateCode: version.state,
    date: publishedOn || frozenOn,
    publishedOn,
    frozenOn,
    publicPath: version.publicPath,
    frameworkTitle: snapshot.framework.title,
    sections,
    coverage,
    metrics,
    symbolsUsed,
    coproduction: snapshot.coproduction.map((a) => ({
      id: a.id,
      kind: coproductionKindLabel(a.kind),
      title: a.title,
      heldOn: formatDate(a.heldOn),
      audiences: a.audiences,
      chair: a.chair ?? '',
      reached: a.reached,
      heard: a.heard,
      responses: a.responses,
    })),
    signOffs: version.signOffs.map((s) => ({
      organisation: s.organisationName,
      decision: decisionLabel(s.decision),
      decisionCode: s.decision,
      conditions: s.conditions ?? '',
      signatoryName: s.signatoryName,
      signatoryRole: s.signatoryRole,
      forum: s.forum,
      decidedOn: formatDate(s.decidedOn),
      concerns: s.concerns ?? '',
    })),
    forumConcerns: version.signOffs
      .filter((s) => s.decision === 'ACKNOWLEDGED' && s.concerns && s.concerns.trim() !== '')
      .map((s) => ({
        organisation: s.organisationName,
        concerns: s.concerns ?? '',
        signatoryName: s.signatoryName,
        signatoryRole: s.signatoryRole,
        forum: s.forum,
        decidedOn: formatDate(s.decidedOn),
        decidedOnIso: s.decidedOn,
      })),
    commitmentCount: snapshot.commitments.length,
    funding: buildFundingView(publication),
  };
}

/** Catalogue theme ids ("identification-of-need") as words. */
function humaniseTheme(theme: string): string {
  const words = theme.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
