// The frozen content of one plan version: what submission stores in PlanVersion.snapshot and what
// every renderer (@lip/publish: HTML, DOCX, CSV, JSON) and the version diff read. Plain JSON:
// dates are "YYYY-MM-DD" (instants ISO 8601), money and measures are decimal strings.
// Changing this shape means a new `format` number and a reader for the old one: snapshots are
// immutable, so every format ever written must stay readable.

import type { ObservationLike } from '@lip/statistics';

/**
 * 2: every commitment carries its evidence (`SnapshotCommitment.evidence`). Format 1 snapshots are
 * read as format 2 with no evidence (read-snapshot.ts upgrades them).
 */
export const SNAPSHOT_FORMAT = 2 as const;

export interface SnapshotField {
  /** The plugin's field key, e.g. "dcoInPost". */
  key: string;
  /** Its label as the editor shows it. */
  label: string;
  /** Its value as text a person reads ("Yes", "1 September 2026", "£12,500.00"); "" when not given. */
  value: string;
  /** "c" when a count in it is published suppressed (only in `publishedFields` and publications). */
  symbol?: 'c';
}

export interface SnapshotSection {
  key: string;
  title: string;
  pluginId: string;
  position: number;
  ownerOrganisationId: string | null;
  status: string;
  summary: string | null;
  easyReadSummary: string | null;
  /** The plugin's typed fields, in the plugin's order. */
  fields: SnapshotField[];
  /**
   * The same as they may be published, worked out when the version was frozen with the disclosure
   * rule frozen beside it (`partnership.disclosure`): counts of children suppressed ("c") and
   * rounded, not-for-publication fields left out. Absent from snapshots taken before issue 14 and
   * for sections whose plugin cannot describe its fields; never in a Publication (its `fields`
   * are these).
   */
  publishedFields?: SnapshotField[];
}

export interface SnapshotMilestone {
  title: string;
  dueDate: string;
  completedOn: string | null;
}

/** Something that shows progress on a commitment, as the partnership recorded it. */
export interface SnapshotEvidence {
  title: string;
  /** An http or https address; null when it has none. */
  url: string | null;
  /** What it shows, or where to find it; "" when there is no note. */
  note: string;
  /** When it was added ("YYYY-MM-DD"). */
  addedOn: string;
}

export interface SnapshotCommitment {
  id: string;
  reference: string;
  sectionKey: string;
  title: string;
  description: string;
  ownerOrganisationId: string | null;
  /** The owning person's name (never contact details). */
  ownerName: string | null;
  needAreas: string[];
  phase: string;
  supportLayer: string | null;
  /** Progress and rating in one word (ragStatusOf); kept for readers of older snapshots. */
  ragStatus: string;
  /** NOT_STARTED, IN_PROGRESS or COMPLETE (absent from snapshots taken before it was asked). */
  progress?: string;
  /** RED, AMBER or GREEN; null when not rated (absent from older snapshots). */
  rating?: string | null;
  /** The officer who leads delivery (absent from older snapshots). */
  leadOfficer?: string | null;
  startDate: string | null;
  dueDate: string | null;
  budgetLine: string | null;
  /** Pounds, "12500.00". */
  budgetAmount: string | null;
  /** Codes of the standard areas of the plan's framework it maps to, by position. */
  standardAreaCodes: string[];
  milestones: SnapshotMilestone[];
  /** Its evidence, oldest first (format 2; [] for a format 1 snapshot read back). */
  evidence: SnapshotEvidence[];
  /** The section plugin's commitment fields, if it has any. */
  fields: SnapshotField[];
  /**
   * The high-needs budget lines it draws on, by financial year (issue 16). Absent from snapshots
   * taken before budget lines existed: none (their free text is in budgetLine and budgetAmount).
   */
  budgetLines?: SnapshotBudgetLine[];
}

export interface SnapshotBudgetLine {
  /** What the money is for. */
  name: string;
  /** A FundingBlock: HIGH_NEEDS, SCHOOLS, EARLY_YEARS, CENTRAL_SCHOOL_SERVICES or OTHER. */
  block: string;
  /** Pounds, "45000.00". */
  amount: string;
  /** By the year it starts: 2026 is 2026-27. */
  financialYear: number;
}

/** The partnership's banding framework and the tariffs in force when the version was frozen. */
export interface SnapshotTariffs {
  /** The date the tariffs were read as in force on, "YYYY-MM-DD" (the UK date of freezing). */
  inForceOn: string;
  /** Lowest need first. */
  bands: Array<{ name: string; position: number; descriptionOfNeed: string }>;
  /** By band position, then provision type. */
  prices: Array<{
    band: string;
    /** A ProvisionType: MAINSTREAM_TOP_UP, RESOURCED_PROVISION, SPECIAL, ... */
    provisionType: string;
    /** Pounds a year per place, "12500.00". */
    annualPrice: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  }>;
}

export interface SnapshotCoverageRow {
  areaCode: string;
  /** Set when the partnership marked the area not applicable. */
  notApplicableReason: string | null;
  commitmentReferences: string[];
}

/**
 * The observation fields disclosure control reads (@lip/statistics): breakdown "" for the total,
 * otherwise "<filter>:<value>", e.g. "sen_status:EHC plan"; symbol a disclosure symbol (z, x, c,
 * low, u) in place of a value. read-snapshot.ts checks them field by field, so a change to them
 * shows there as a change of format.
 */
export interface SnapshotObservation extends ObservationLike {
  geographyLevel: 'LOCAL_AUTHORITY' | 'ICB' | 'SUB_ICB' | 'REGION' | 'ENGLAND';
}

export interface SnapshotMetric {
  targetId: string;
  metricId: string;
  title: string;
  theme: string;
  unit: string;
  /** Decimal places the figures are shown to; absent in snapshots taken before it was recorded. */
  decimals?: number;
  polarity: 'HIGHER_BETTER' | 'LOWER_BETTER' | 'CONTEXT';
  periodType: string;
  commitmentReference: string | null;
  ownerOrganisationId: string | null;
  baseline: { value: string | null; period: string | null };
  target: { value: string; period: string };
  commentary: string | null;
  rag: 'RED' | 'AMBER' | 'GREEN' | 'NO_DATA' | 'NO_TARGET';
  /**
   * Which observation (a total) `rag` was measured against; null when there was none. Absent in
   * snapshots taken before it was recorded.
   */
  latest?: {
    geographyLevel: SnapshotObservation['geographyLevel'];
    geographyCode: string;
    period: string;
  } | null;
  observations: SnapshotObservation[];
}

export interface SnapshotCoproductionActivity {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  heard: string;
  responses: Array<{ youSaid: string; weDid: string; commitmentReferences: string[] }>;
}

export interface PlanSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** When the version was frozen (ISO instant). */
  takenAt: string;
  plan: {
    id: string;
    title: string;
    kind: string;
    periodStart: string;
    periodEnd: string;
    versionNumber: number;
  };
  partnership: {
    id: string;
    slug: string;
    name: string;
    localAuthorityCodes: string[];
    region: string | null;
    disclosure: { smallNumberThreshold: number | null; roundingBase: number | null };
  };
  organisations: Array<{
    id: string;
    name: string;
    typeCode: string;
    typeTitle: string;
    isSignatory: boolean;
  }>;
  framework: {
    id: string;
    title: string;
    status: string;
    areas: Array<{ id: string; code: string; title: string; position: number }>;
  };
  /** By position. */
  sections: SnapshotSection[];
  /** By reference. */
  commitments: SnapshotCommitment[];
  /** One row per standard area, by position. */
  coverage: SnapshotCoverageRow[];
  metrics: SnapshotMetric[];
  /** By date held. */
  coproduction: SnapshotCoproductionActivity[];
  /** Bands and tariffs in force (issue 16); absent from older snapshots: none. */
  tariffs?: SnapshotTariffs;
  /**
   * The tailored list of settings for the plan's period, as it was when the version was frozen:
   * open settings only, by category then name. Absent from snapshots taken before the settings
   * directory existed (issue 16): that means "no list", not an empty one.
   */
  settings?: SnapshotSetting[];
}

/** A setting on the tailored list. Nothing about any child: the setting's public facts. */
export interface SnapshotSetting {
  /** DfE's unique reference number; null for settings added by hand without one. */
  urn: string | null;
  name: string;
  /** MAINSTREAM, MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT, SPECIAL, INDEPENDENT_SPECIAL or ALTERNATIVE_PROVISION. */
  category: string;
  /** GIAS type of establishment, e.g. "Community special school". */
  establishmentType: string | null;
  phase: string | null;
  laCode: string | null;
  postcode: string | null;
  /** GIAS establishment status, e.g. "Open, but proposed to close". */
  status: string;
  /** CI, CL, SEMH, SP. */
  needAreas: string[];
  ageLow: number | null;
  ageHigh: number | null;
  places: number | null;
  /** GIAS or MANUAL. */
  source: string;
  /** Fields plugins add (key "<plugin id>.<field>"), as text, in the plugins' order. */
  fields: SnapshotField[];
}

/** What a renderer needs besides the snapshot: the version and the decisions recorded on it. */
export interface VersionRecord {
  number: number;
  state: 'DRAFT' | 'PARTNER_REVIEW' | 'SIGNED_OFF' | 'PUBLISHED' | 'SUPERSEDED';
  createdAt: string;
  publishedAt: string | null;
  /** Where the public page lives, e.g. "/published/northshire/2026-29/2"; null until published. */
  publicPath: string | null;
  signOffs: Array<{
    organisationName: string;
    decision: 'APPROVED' | 'APPROVED_WITH_CONDITIONS' | 'REJECTED' | 'ACKNOWLEDGED';
    conditions: string | null;
    signatoryName: string;
    signatoryRole: string;
    forum: string;
    decidedOn: string;
    /**
     * What the parent carer forum asked to be recorded with its acknowledgement, in its own words
     * (ACKNOWLEDGED only); null when nothing. Published with the plan.
     */
    concerns: string | null;
  }>;
}

/**
 * The one input of every renderer. `snapshot` has already been through disclosure control
 * (suppressed cells carry symbol "c" and no value), so a renderer never sees a figure it must not
 * publish.
 */
export interface Publication {
  snapshot: PlanSnapshot;
  version: VersionRecord;
}
