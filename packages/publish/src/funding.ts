// Budget totals and the tariff in force as published (issue 16): one view every renderer (HTML,
// DOCX, CSV, JSON) reads, worked out from the snapshot's budget lines and frozen tariffs with core's
// own totals (@lip/core/funding), so a published total never disagrees with the plan page.
import {
  budgetTotalsOf,
  financialYearLabel,
  formatPounds,
  FUNDING_BLOCK_LABELS,
  PROVISION_TYPE_LABELS,
  PROVISION_TYPES,
  type FundingBlockCode,
  type ProvisionTypeCode,
} from '@lip/core/funding';
import type { Publication } from '@lip/core/snapshot';
import { formatDate } from './labels.ts';

/** The id of the part's heading, in the HTML and as a DOCX bookmark. */
export const FUNDING_ANCHOR = 'budget-and-tariffs';

export interface MoneyRow {
  label: string;
  /** Pounds as published, "45000.00". */
  amount: string;
  /** "£45,000.00". */
  text: string;
}

export interface BudgetTotalsView {
  /** Section × block × year: the open data's rows. */
  rows: Array<{
    sectionKey: string;
    section: string;
    blockCode: string;
    block: string;
    financialYear: string;
    amount: string;
    text: string;
  }>;
  bySection: MoneyRow[];
  byBlock: MoneyRow[];
  byYear: MoneyRow[];
  total: MoneyRow;
}

export interface TariffView {
  /** "1 September 2026": the date the tariffs were read as in force on. */
  inForceOn: string;
  inForceOnIso: string;
  bands: Array<{ name: string; position: number; descriptionOfNeed: string }>;
  /** The provision types priced in any band, in their usual order. */
  provisionTypes: Array<{ code: string; label: string }>;
  /** One per band, prices by provision type in `provisionTypes` order ("" where none). */
  grid: Array<{ band: string; prices: string[] }>;
  /** Every price, for the open data. */
  prices: Array<{
    band: string;
    bandPosition: number;
    provisionTypeCode: string;
    provisionType: string;
    annualPrice: string;
    text: string;
    effectiveFrom: string;
    effectiveTo: string;
  }>;
}

export interface FundingView {
  /** null when no commitment of the version has a budget line. */
  budget: BudgetTotalsView | null;
  /** null when the version froze no tariffs (older versions, or none set). */
  tariffs: TariffView | null;
}

const blockLabel = (code: string) => FUNDING_BLOCK_LABELS[code as FundingBlockCode] ?? code;
const provisionLabel = (code: string) => PROVISION_TYPE_LABELS[code as ProvisionTypeCode] ?? code;

export function buildFundingView(publication: Publication): FundingView {
  const { snapshot } = publication;
  const sectionTitle = new Map(snapshot.sections.map((s) => [s.key, s.title]));
  const lines = snapshot.commitments.flatMap((c) =>
    (c.budgetLines ?? []).map((l) => ({ ...l, sectionKey: c.sectionKey })),
  );
  let budget: BudgetTotalsView | null = null;
  if (lines.length > 0) {
    const totals = budgetTotalsOf(
      lines,
      snapshot.sections.map((s) => s.key),
    );
    const money = (label: string, amount: string): MoneyRow => ({
      label,
      amount,
      text: formatPounds(amount),
    });
    budget = {
      rows: totals.rows.map((r) => ({
        sectionKey: r.sectionKey,
        section: sectionTitle.get(r.sectionKey) ?? r.sectionKey,
        blockCode: r.block,
        block: blockLabel(r.block),
        financialYear: financialYearLabel(r.financialYear),
        amount: r.amount,
        text: formatPounds(r.amount),
      })),
      bySection: totals.bySection.map((s) => money(sectionTitle.get(s.key) ?? s.key, s.amount)),
      byBlock: totals.byBlock.map((b) => money(blockLabel(b.key), b.amount)),
      byYear: totals.byYear.map((y) => money(financialYearLabel(y.key), y.amount)),
      total: money('Total', totals.total),
    };
  }

  const frozen = snapshot.tariffs;
  let tariffs: TariffView | null = null;
  if (frozen && (frozen.bands.length > 0 || frozen.prices.length > 0)) {
    const priced = new Set(frozen.prices.map((p) => p.provisionType));
    const types = [
      ...PROVISION_TYPES.filter((t) => priced.has(t)),
      ...[...priced].filter((t) => !(PROVISION_TYPES as readonly string[]).includes(t)),
    ];
    const position = new Map(frozen.bands.map((b) => [b.name, b.position]));
    tariffs = {
      inForceOn: formatDate(frozen.inForceOn),
      inForceOnIso: frozen.inForceOn,
      bands: frozen.bands,
      provisionTypes: types.map((code) => ({ code, label: provisionLabel(code) })),
      grid: frozen.bands.map((b) => ({
        band: b.name,
        prices: types.map((type) => {
          const price = frozen.prices.find((p) => p.band === b.name && p.provisionType === type);
          return price ? formatPounds(price.annualPrice) : '';
        }),
      })),
      prices: frozen.prices.map((p) => ({
        band: p.band,
        bandPosition: position.get(p.band) ?? 0,
        provisionTypeCode: p.provisionType,
        provisionType: provisionLabel(p.provisionType),
        annualPrice: p.annualPrice,
        text: formatPounds(p.annualPrice),
        effectiveFrom: p.effectiveFrom,
        effectiveTo: p.effectiveTo ?? '',
      })),
    };
  }
  return { budget, tariffs };
}

/** A budget line of a commitment as one line of text: "Therapists: £30,000.00, High needs block, 2026-27". */
export function budgetLineText(line: {
  name: string;
  block: string;
  amount: string;
  financialYear: number;
}): string {
  return `${line.name}: ${formatPounds(line.amount)}, ${blockLabel(line.block)}, ${financialYearLabel(line.financialYear)}`;
}
