// Words a reader sees in place of the codes a snapshot carries. Shared by every format so the HTML,
// the board pack and the open data say the same thing, and the one source of the contract's enum
// labels for the web app too, which imports them from `@lip/publish/labels` (so this module stays
// browser-safe: it imports only `@lip/core/dates`, which has no imports, and no Node modules).
import { MONTHS, govukDate } from '@lip/core/dates';

/**
 * UK Government Statistical Service symbols used by DfE open data, copied from the project's seed
 * catalogue (`shared/domain/catalogue.json`, `disclosureSymbols`) so this package reads no files.
 */
export const DISCLOSURE_SYMBOLS = {
  z: 'not applicable',
  x: 'unavailable',
  c: 'confidential (suppressed)',
  low: 'rounds to zero but is not zero',
  u: 'low reliability',
} as const;

export type DisclosureSymbol = keyof typeof DISCLOSURE_SYMBOLS;

export function isDisclosureSymbol(value: string): value is DisclosureSymbol {
  return Object.hasOwn(DISCLOSURE_SYMBOLS, value);
}

/** Plan kinds from the seed catalogue (`planKinds`); an unknown id is shown as it is. */
const PLAN_KINDS: Record<string, string> = {
  'local-inclusion-plan': 'Local inclusion plan',
  'local-area-inclusion-plan': 'Local area inclusion plan (Change Programme template)',
  'local-send-reform-plan': 'Local SEND reform plan',
  'priority-action-plan': 'Priority action plan',
  'strategic-plan': 'Post-inspection strategic plan',
  'ap-plan': 'Alternative provision plan',
};

/** A plan's and a version's state (PlanState). */
export const PLAN_STATE_LABELS = {
  DRAFT: 'Draft',
  PARTNER_REVIEW: 'Partner review',
  SIGNED_OFF: 'Signed off',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
} as const;

/** A commitment's RAG status (RagStatus). */
export const RAG_STATUS_LABELS = {
  NOT_STARTED: 'Not started',
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  COMPLETE: 'Complete',
} as const;

/** How far a commitment's delivery has got (CommitmentProgress). */
export const PROGRESS_LABELS = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETE: 'Complete',
} as const;

/** How a commitment's delivery is going (DeliveryRating); without one it is not rated. */
export const DELIVERY_RATING_LABELS = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
} as const;

/** A metric's rating against its target (Rag). */
export const RATING_LABELS = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  NO_DATA: 'No data',
  NO_TARGET: 'No target',
} as const;

/** What a rating means, said with it where there is room ("Red: off track"). */
export const RATING_MEANINGS: Partial<Record<keyof typeof RATING_LABELS, string>> = {
  RED: 'off track',
  AMBER: 'improving',
  GREEN: 'target met',
};

export const PHASE_LABELS = {
  EARLY_YEARS: 'Early years',
  PRIMARY: 'Primary',
  SECONDARY: 'Secondary',
  POST_16: 'Post-16',
  POST_19: 'Post-19',
  ALL_AGES: 'All ages',
} as const;

export const SUPPORT_LAYER_LABELS = {
  UNIVERSAL: 'Universal',
  TARGETED: 'Targeted',
  TARGETED_PLUS: 'Targeted plus',
  SPECIALIST: 'Specialist',
} as const;

/** A signatory's decision on a version (SignOffDecision). */
export const DECISION_LABELS = {
  APPROVED: 'Approved',
  APPROVED_WITH_CONDITIONS: 'Approved with conditions',
  REJECTED: 'Rejected',
  ACKNOWLEDGED: 'Acknowledged',
} as const;

export const COPRODUCTION_KIND_LABELS = {
  BRIEFING: 'Briefing',
  WORKSHOP: 'Workshop',
  ROUND_TABLE: 'Round table',
  FORUM: 'Forum',
  SURVEY: 'Survey',
  BOARD_MEETING: 'Board meeting',
  CABINET_MEETING: 'Cabinet meeting',
  OTHER: 'Other',
} as const;

/** Both RAG scales in one table, for the formats that print either as a word. */
const RAG: Record<string, string> = { ...RAG_STATUS_LABELS, ...RATING_LABELS };

const POLARITY: Record<string, string> = {
  HIGHER_BETTER: 'Higher is better',
  LOWER_BETTER: 'Lower is better',
  CONTEXT: 'Context only',
};

/** DfE `geographic_level` words. */
export const GEOGRAPHIC_LEVELS: Record<string, string> = {
  ENGLAND: 'National',
  REGION: 'Regional',
  LOCAL_AUTHORITY: 'Local authority',
  ICB: 'ICB',
  SUB_ICB: 'Sub-ICB',
};

/** DfE `time_identifier` words for each period type. */
export const TIME_IDENTIFIERS: Record<string, string> = {
  CALENDAR_YEAR: 'Calendar year',
  ACADEMIC_YEAR: 'Academic year',
  FINANCIAL_YEAR: 'Financial year',
  JANUARY_SNAPSHOT: 'January',
  MARCH_SNAPSHOT: 'March',
  MONTHLY: 'Month',
  ROLLING_12_MONTHS: 'Rolling 12 months',
  EVENT: 'Calendar year',
  LOCAL: 'Reporting year',
};

/** Breakdown (filter) names of the open data, as a reader says them. */
const BREAKDOWN_NAMES: Record<string, string> = {
  sen_status: 'SEN status',
  sen_provision: 'SEN provision',
  primary_need: 'Primary need',
  sen_primary_need: 'Primary need',
  phase: 'School phase',
  phase_type_grouping: 'School phase',
  school_type: 'School type',
  age_group: 'Age group',
  ethnicity_major: 'Ethnicity',
  fsm_status: 'Free school meals',
  breakdown: 'Group',
};

/** Abbreviations a humanised filter name keeps in capitals. */
const ABBREVIATIONS = new Set([
  'sen',
  'send',
  'ehc',
  'ehcp',
  'ap',
  'icb',
  'la',
  'fsm',
  'nhs',
  'pru',
]);

/** "sen_status" → "SEN status"; an unknown "waiting_band" → "Waiting band". Never the raw code. */
export function breakdownName(filter: string): string {
  const known = BREAKDOWN_NAMES[filter];
  if (known) return known;
  const words = filter
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => (ABBREVIATIONS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "SOME_CODE" → "Some code" when a code has no label of its own. */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lookup(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? humanise(code);
}

export const planKindLabel = (code: string) => PLAN_KINDS[code] ?? code;
export const versionStateLabel = (code: string) => lookup(PLAN_STATE_LABELS, code);
export const ragLabel = (code: string) => lookup(RAG, code);
/** A metric's rating with its meaning, as the dashboard says it ("Green: target met"). */
export const metricRatingLabel = (code: string) => {
  const meaning = RATING_MEANINGS[code as keyof typeof RATING_LABELS];
  return meaning ? `${ragLabel(code)}: ${meaning}` : ragLabel(code);
};
export const phaseLabel = (code: string) => lookup(PHASE_LABELS, code);
export const supportLayerLabel = (code: string) => lookup(SUPPORT_LAYER_LABELS, code);
export const decisionLabel = (code: string) => lookup(DECISION_LABELS, code);
export const coproductionKindLabel = (code: string) => lookup(COPRODUCTION_KIND_LABELS, code);
export const polarityLabel = (code: string) => lookup(POLARITY, code);
export const geographicLevelLabel = (code: string) => lookup(GEOGRAPHIC_LEVELS, code);
export const timeIdentifier = (periodType: string) => lookup(TIME_IDENTIFIERS, periodType);

/** "2026-09-01" → "1 September 2026", GOV.UK style; "" for null. */
export const formatDate = (value: string | null | undefined): string => govukDate(value);

/** "12500.00" → "£12,500.00". */
export function formatMoney(amount: string | null): string {
  if (amount === null || amount === '') return '';
  const [whole = '0', pence = '00'] = amount.replace(/^-/, '').split('.');
  const sign = amount.startsWith('-') ? '-' : '';
  return `${sign}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence.padEnd(2, '0').slice(0, 2)}`;
}

/**
 * A decimal string to `places` decimal places, rounding half away from zero, on the digits (no
 * floating point): "38.25" → "38.3", "40" → "40.0", "-0.04" → "0.0". Anything not a plain decimal is
 * returned as it is.
 */
export function toPlaces(value: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match || !Number.isInteger(places) || places < 0) return value;
  const [, sign, whole, fraction = ''] = match;
  const digits = (whole! + fraction.padEnd(places + 1, '0').slice(0, places + 1))
    .split('')
    .map(Number);
  const roundUp = digits.pop()! >= 5;
  let carry = roundUp ? 1 : 0;
  for (let i = digits.length - 1; i >= 0 && carry; i--) {
    const d = digits[i]! + carry;
    digits[i] = d % 10;
    carry = d === 10 ? 1 : 0;
  }
  if (carry) digits.unshift(1);
  const text = digits.join('');
  const intPart = text.slice(0, text.length - places).replace(/^0+(?=\d)/, '') || '0';
  const out = places > 0 ? `${intPart}.${text.slice(text.length - places)}` : intPart;
  return sign && /[1-9]/.test(out) ? `-${out}` : out;
}

/**
 * A figure as a person reads it, in its unit. The decimal string is printed as published (never
 * recomputed), to the metric's published decimal places when the version records them.
 */
export function formatFigure(raw: string, unit: string, decimals?: number): string {
  const value = decimals === undefined ? raw : toPlaces(raw, decimals);
  switch (unit) {
    case 'percent':
    case 'percent-of-pupils':
    case 'percent-of-sessions':
      return `${value}%`;
    case 'gbp-per-head':
    case 'gbp':
      return decimals === 0 ? formatMoney(value).replace(/\.00$/, '') : formatMoney(value);
    case 'weeks':
      return `${value} weeks`;
    case 'rate-per-100':
      return `${value} per 100`;
    default:
      return value;
  }
}

const UNITS: Record<string, string> = {
  percent: 'Percentage',
  'percent-of-pupils': 'Percentage of pupils',
  'percent-of-sessions': 'Percentage of sessions',
  'gbp-per-head': 'Pounds per head',
  gbp: 'Pounds',
  weeks: 'Weeks',
  'rate-per-100': 'Rate per 100',
  count: 'Count',
  score: 'Score',
  category: 'Category',
};
export const unitLabel = (code: string) => UNITS[code] ?? humanise(code);

/**
 * A DfE time_period as a person reads it: "202425" → "2024/25", "2025-09" → "September 2025",
 * "2025" stays "2025"; anything else is shown as it is.
 */
export function formatPeriod(period: string): string {
  const twoYears = /^(\d{4})(\d{2})$/.exec(period);
  if (twoYears) return `${twoYears[1]}/${twoYears[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return period;
}

/** The part of a published plan that carries the parent carer forum's concerns, in its words. */
export const FORUM_CONCERNS_HEADING = 'What the parent carer forum said';

/** Said before the forum's words, so nobody reads them as the partnership's. */
export const FORUM_CONCERNS_INTRO =
  'The parent carer forum acknowledged this plan and asked for these concerns to be published with it. They are the forum’s own words, not the partnership’s.';
