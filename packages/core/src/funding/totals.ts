// Banding, tariffs and budget lines without the database: labels, money in pence, totals. Pure and
// browser-safe (`@lip/core/funding`), so core, the web app and @lip/publish total and name them one
// way. Money is a decimal string of pounds ("12500.00") everywhere outside; sums are in pence as
// bigint here, never in floating point.

export const PROVISION_TYPES = [
  'MAINSTREAM_TOP_UP',
  'RESOURCED_PROVISION',
  'SPECIAL',
  'INDEPENDENT_SPECIAL',
  'ALTERNATIVE_PROVISION',
  'POST_16',
] as const;
export type ProvisionTypeCode = (typeof PROVISION_TYPES)[number];

export const PROVISION_TYPE_LABELS: Record<ProvisionTypeCode, string> = {
  MAINSTREAM_TOP_UP: 'Mainstream top-up',
  RESOURCED_PROVISION: 'Resourced provision or SEN unit',
  SPECIAL: 'Special school',
  INDEPENDENT_SPECIAL: 'Independent special school',
  ALTERNATIVE_PROVISION: 'Alternative provision',
  POST_16: 'Post-16',
};

/** The four blocks of the dedicated schools grant, and money from outside it. */
export const FUNDING_BLOCKS = [
  'HIGH_NEEDS',
  'SCHOOLS',
  'EARLY_YEARS',
  'CENTRAL_SCHOOL_SERVICES',
  'OTHER',
] as const;
export type FundingBlockCode = (typeof FUNDING_BLOCKS)[number];

export const FUNDING_BLOCK_LABELS: Record<FundingBlockCode, string> = {
  HIGH_NEEDS: 'High needs block',
  SCHOOLS: 'Schools block',
  EARLY_YEARS: 'Early years block',
  CENTRAL_SCHOOL_SERVICES: 'Central school services block',
  OTHER: 'Outside the dedicated schools grant',
};

/** The metrics shown beside budget totals: the catalogue's financial sustainability metrics. */
export const FINANCE_METRIC_IDS = ['FIN-01', 'FIN-02', 'FIN-03', 'FIN-04'] as const;

/** 2026 → "2026-27": a financial year (April to March) by the year it starts. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial year (by its starting year) a calendar date falls in. */
export function financialYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** "12500.5" or "12500.50" → 1250050n pence. Throws on anything else (a value the database wrote). */
export function penceOf(pounds: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(pounds.trim());
  if (!match) throw new Error(`Not an amount of money: ${JSON.stringify(pounds)}`);
  const [, sign, whole, fraction = ''] = match;
  const pence = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -pence : pence;
}

/** 1250050n → "12500.50". */
export function poundsOf(pence: bigint): string {
  const sign = pence < 0n ? '-' : '';
  const abs = pence < 0n ? -pence : pence;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** "12500.5" → "£12,500.50". */
export function formatPounds(pounds: string): string {
  const [whole = '0', fraction = '00'] = poundsOf(penceOf(pounds)).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? '-' : ''}£${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/**
 * Money as a person types it ("12500", "£12,500.50") → "12500.50", or a message saying what is
 * wrong (negative, not a number, too many digits before the point).
 */
export function parsePounds(
  typed: string,
  label: string,
  integerDigits: number,
): { ok: true; value: string } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: false, message: `Enter the ${label.toLowerCase()}` };
  if (/^-\s*£?\s*[\d,.]+$/.test(text) || /^£\s*-/.test(text))
    return { ok: false, message: `${label} must be £0 or more` };
  const match = /^£?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match)
    return {
      ok: false,
      message: `Enter the ${label.toLowerCase()} in pounds, like 12500 or 12500.50`,
    };
  const whole = match[1]!.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  if (whole.length > integerDigits) {
    const largest = '9'.repeat(integerDigits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return { ok: false, message: `${label} must be £${largest}.99 or less` };
  }
  return { ok: true, value: `${whole}.${(match[2] ?? '').padEnd(2, '0')}` };
}

export interface BudgetLineLike {
  sectionKey: string;
  block: string;
  financialYear: number;
  /** Pounds, "45000.00". */
  amount: string;
}

export interface BudgetTotal<Key> {
  key: Key;
  /** Pounds, "45000.00". */
  amount: string;
}

export interface BudgetTotals {
  /** Section × block × year, in the order the keys first appear sorted by section order, block, year. */
  rows: Array<{ sectionKey: string; block: string; financialYear: number; amount: string }>;
  bySection: Array<BudgetTotal<string>>;
  byBlock: Array<BudgetTotal<string>>;
  byYear: Array<BudgetTotal<number>>;
  total: string;
}

/**
 * Totals of budget lines by section (in `sectionOrder`, then any other key), block (in
 * FUNDING_BLOCKS order) and financial year (ascending), and their section × block × year rows.
 */
export function budgetTotalsOf(
  lines: readonly BudgetLineLike[],
  sectionOrder: readonly string[] = [],
): BudgetTotals {
  const sectionRank = (key: string) => {
    const i = sectionOrder.indexOf(key);
    return i === -1 ? sectionOrder.length : i;
  };
  const blockRank = (block: string) => {
    const i = (FUNDING_BLOCKS as readonly string[]).indexOf(block);
    return i === -1 ? FUNDING_BLOCKS.length : i;
  };
  const add = <K>(map: Map<K, bigint>, key: K, pence: bigint) =>
    map.set(key, (map.get(key) ?? 0n) + pence);
  const rows = new Map<string, bigint>();
  const bySection = new Map<string, bigint>();
  const byBlock = new Map<string, bigint>();
  const byYear = new Map<number, bigint>();
  let total = 0n;
  for (const line of lines) {
    const pence = penceOf(line.amount);
    add(rows, JSON.stringify([line.sectionKey, line.block, line.financialYear]), pence);
    add(bySection, line.sectionKey, pence);
    add(byBlock, line.block, pence);
    add(byYear, line.financialYear, pence);
    total += pence;
  }
  const bySectionOrder = (a: string, b: string) =>
    sectionRank(a) - sectionRank(b) || a.localeCompare(b);
  return {
    rows: [...rows.entries()]
      .map(([key, pence]) => {
        const [sectionKey, block, financialYear] = JSON.parse(key) as [string, string, number];
        return { sectionKey, block, financialYear, amount: poundsOf(pence) };
      })
      .sort(
        (a, b) =>
          bySectionOrder(a.sectionKey, b.sectionKey) ||
          blockRank(a.block) - blockRank(b.block) ||
          a.financialYear - b.financialYear,
      ),
    bySection: [...bySection.entries()]
      .sort(([a], [b]) => bySectionOrder(a, b))
      .map(([key, pence]) => ({ key, amount: poundsOf(pence) })),
    byBlock: [...byBlock.entries()]
      .sort(([a], [b]) => blockRank(a) - blockRank(b))
      .map(([key, pence]) => ({ key, amount: poundsOf(pence) })),
    byYear: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, pence]) => ({ key, amount: poundsOf(pence) })),
    total: poundsOf(total),
  };
}
