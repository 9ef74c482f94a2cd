// High-needs budget lines (issue 16): money a commitment draws from a block of the dedicated
// schools grant (or from outside it) in a financial year. A line is part of its commitment, so
// writing it takes the commitment's permission and only while the plan is a draft (as milestones);
// each write is audited. Totals by section, block and year are worked out by totals.ts.
import type { BudgetLine, FundingBlock } from '@lip/db';
import type { RequestContext } from '../context.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { commitmentsOfPlan } from '../plan-commitments.ts';
import { appendAudit } from '../services/audit.ts';
import {
  stillDraft,
  writableCommitment,
  type WritableCommitment,
} from '../services/commitment-parts.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import {
  budgetTotalsOf,
  financialYearLabel,
  FINANCE_METRIC_IDS,
  parsePounds,
  type BudgetTotals,
} from './totals.ts';

/** BudgetLine.amount is Decimal(14, 2): 12 digits before the point. */
const AMOUNT_INTEGER_DIGITS = 12;
export const EARLIEST_FINANCIAL_YEAR = 2000;
export const LATEST_FINANCIAL_YEAR = 2100;

export interface AddBudgetLineArgs {
  commitmentId: string;
  name: string;
  block: FundingBlock;
  /** Pounds as typed: "45000", "£45,000.00". */
  amount: string;
  /** By the year it starts: 2026 for 2026-27. */
  financialYear: number | null | undefined;
}

function auditLine(
  tx: Parameters<typeof stillDraft>[0],
  ctx: RequestContext,
  target: WritableCommitment,
  line: BudgetLine,
  action: 'budgetLine.add' | 'budgetLine.remove',
) {
  const described = {
    commitmentReference: target.commitment.reference,
    name: line.name,
    block: line.block,
    amount: line.amount.toFixed(2),
    financialYear: financialYearLabel(line.financialYear),
  };
  return appendAudit(tx, ctx, target.membership, {
    partnershipId: target.partnershipId,
    planId: target.commitment.planId,
    entityType: 'BudgetLine',
    entityId: line.id,
    action,
    ...(action === 'budgetLine.add' ? { after: described } : { before: described }),
  });
}

export async function addBudgetLine(
  host: CoreHost,
  ctx: RequestContext,
  input: AddBudgetLineArgs,
): Promise<BudgetLine> {
  const target = await writableCommitment(host, ctx, idOf('Commitment', input.commitmentId));
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ path: ['name'], message: 'Enter what the money is for' });
  else if (name.length > 200)
    errors.push({
      path: ['name'],
      message: 'What the money is for must be 200 characters or fewer',
    });
  const amount = parsePounds(input.amount, 'Amount', AMOUNT_INTEGER_DIGITS);
  if (!amount.ok) errors.push({ path: ['amount'], message: amount.message });
  const year = input.financialYear;
  if (
    year === null ||
    year === undefined ||
    !Number.isInteger(year) ||
    year < EARLIEST_FINANCIAL_YEAR ||
    year > LATEST_FINANCIAL_YEAR
  )
    errors.push({
      path: ['financialYear'],
      message: `Choose the financial year, from ${financialYearLabel(EARLIEST_FINANCIAL_YEAR)} to ${financialYearLabel(LATEST_FINANCIAL_YEAR)}`,
    });
  if (errors.length > 0 || !amount.ok) throw new ValidationError(errors);
  return host.prisma.$transaction(async (tx) => {
    await stillDraft(tx, target);
    const line = await tx.budgetLine.create({
      data: {
        planId: target.commitment.planId,
        commitmentId: target.commitment.id,
        name,
        block: input.block,
        amount: amount.value,
        financialYear: year!,
      },
    });
    await auditLine(tx, ctx, target, line, 'budgetLine.add');
    return line;
  });
}

/** Removes a budget line; returns the id of its commitment. */
export async function removeBudgetLine(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string },
): Promise<string> {
  const id = idOf('BudgetLine', input.id);
  const line = id
    ? await host.prisma.budgetLine.findFirst({ where: { id, plan: visiblePlansWhere(ctx) } })
    : null;
  if (!line) throw new NotFoundError('Budget line');
  const target = await writableCommitment(host, ctx, line.commitmentId);
  return host.prisma.$transaction(async (tx) => {
    await stillDraft(tx, target);
    const { count } = await tx.budgetLine.deleteMany({ where: { id: line.id } });
    if (count === 0) throw new NotFoundError('Budget line');
    await auditLine(tx, ctx, target, line, 'budgetLine.remove');
    return line.commitmentId;
  });
}

export function budgetLinesOfCommitment(
  host: CoreHost,
  commitmentId: string,
): Promise<BudgetLine[]> {
  return host.prisma.budgetLine.findMany({
    where: { commitmentId },
    orderBy: [{ financialYear: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** The plan's budget lines totalled by section (in the plan's section order), block and year. */
export async function planBudgetTotals(
  host: CoreHost,
  plan: { id: string },
): Promise<BudgetTotals> {
  // From the plan's commitments as the page already reads them (no statement of its own).
  const installed = new Set(host.sectionKeys);
  const lines = (await commitmentsOfPlan(host, plan))
    .filter((c) => installed.has(c.section.key))
    .flatMap((c) =>
      c.budgetLines.map((l) => ({
        sectionKey: c.section.key,
        block: l.block,
        financialYear: l.financialYear,
        amount: l.amount.toFixed(2),
      })),
    );
  return budgetTotalsOf(lines, host.sectionKeys);
}

export interface FinanceFigure {
  metricId: string;
  title: string;
  unit: string;
  decimals: number;
  periodType: string;
  /** The latest figure for the partnership's local authorities; null when none was imported. */
  period: string | null;
  value: string | null;
  symbol: string | null;
}

/**
 * The financial sustainability (FIN) metrics of the catalogue with the latest total the partnership
 * imported for its own local authority, in one statement (the plan page shows them beside the
 * budget totals, within its statement ceiling).
 */
export function financeFigures(host: CoreHost, partnershipId: string): Promise<FinanceFigure[]> {
  const ids = [...FINANCE_METRIC_IDS];
  return host.prisma.$queryRaw<FinanceFigure[]>`
    SELECT m."id" AS "metricId", m."title", m."unit", m."decimals", m."periodType"::text AS "periodType",
      latest."period", latest."value", latest."symbol"
    FROM "Metric" m
    LEFT JOIN LATERAL (
      SELECT o."period", o."value"::text AS "value", o."symbol"::text AS "symbol"
      FROM "MetricObservation" o
      JOIN "Partnership" p ON p."id" = o."partnershipId"
      WHERE o."metricId" = m."id" AND o."partnershipId" = ${partnershipId} AND o."breakdown" = ''
        AND o."geographyLevel" = 'LOCAL_AUTHORITY' AND o."geographyCode" = ANY(p."localAuthorityCodes")
      ORDER BY o."period" DESC
      LIMIT 1
    ) latest ON TRUE
    WHERE m."id" = ANY(${ids}) AND m."partnershipId" IS NULL
    ORDER BY m."id"`;
}
