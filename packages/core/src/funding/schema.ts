// The funding feature's GraphQL (issue 16): a partnership's bands and tariffs, a commitment's
// budget lines and a plan's budget totals, and the mutations that write them.
import type { LipBuilder } from '../builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { commitmentInclude } from '../services/commitments.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import {
  addBudgetLine,
  budgetLinesOfCommitment,
  financeFigures,
  planBudgetTotals,
  removeBudgetLine,
  type FinanceFigure,
} from './budget.ts';
import {
  bandsOf,
  createBand,
  memberPartnershipId,
  reorderBands,
  setTariff,
  tariffsOf,
  updateBand,
} from './tariffs.ts';
import {
  financialYearLabel,
  FUNDING_BLOCK_LABELS,
  FUNDING_BLOCKS,
  PROVISION_TYPE_LABELS,
  PROVISION_TYPES,
  type BudgetTotals,
  type FundingBlockCode,
} from './totals.ts';
import { ukToday } from '../services/commitment-parts.ts';

export function addFundingTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const { PartnershipRef, PlanRef, CommitmentRef } = types;

  const ProvisionTypeEnum = builder.enumType('ProvisionType', {
    description: 'A kind of provision a tariff prices.',
    values: Object.fromEntries(
      PROVISION_TYPES.map((code) => [code, { description: PROVISION_TYPE_LABELS[code] }]),
    ) as Record<(typeof PROVISION_TYPES)[number], { description: string }>,
  });
  const FundingBlockEnum = builder.enumType('FundingBlock', {
    description:
      'A block of the dedicated schools grant a budget line draws on, or OTHER for money from outside it (the council’s own, the ICB’s).',
    values: Object.fromEntries(
      FUNDING_BLOCKS.map((code) => [code, { description: FUNDING_BLOCK_LABELS[code] }]),
    ) as Record<FundingBlockCode, { description: string }>,
  });

  const BandRef = builder.prismaNode('Band', {
    id: { field: 'id' },
    description: 'A band of the partnership’s banding framework: a level of need tariffs price.',
    findUnique: (id, ctx) => ({ id, partnershipId: { in: [...ctx.memberships.keys()] } }),
    authScopes: (b) => ({ member: b.partnershipId }),
    fields: (t) => ({
      name: t.exposeString('name'),
      position: t.exposeInt('position', { description: 'From 1, the lowest need, up.' }),
      descriptionOfNeed: t.exposeString('descriptionOfNeed'),
      version: t.exposeInt('version'),
    }),
  });

  const TariffRef = builder.prismaNode('Tariff', {
    id: { field: 'id' },
    description:
      'The annual price of a place in one band and provision type over a period (inclusive dates).',
    include: { band: { select: { id: true, name: true, position: true } } },
    findUnique: (id, ctx) => ({ id, partnershipId: { in: [...ctx.memberships.keys()] } }),
    authScopes: (x) => ({ member: x.partnershipId }),
    fields: (t) => ({
      band: t.field({
        type: BandRef,
        resolve: (x) => host.prisma.band.findUniqueOrThrow({ where: { id: x.bandId } }),
      }),
      bandName: t.string({ resolve: (x) => x.band.name }),
      provisionType: t.field({ type: ProvisionTypeEnum, resolve: (x) => x.provisionType }),
      annualPrice: t.string({
        description: 'Pounds a year per place, e.g. "12500.00".',
        resolve: (x) => x.annualPrice.toFixed(2),
      }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
      effectiveTo: t.expose('effectiveTo', {
        type: 'Date',
        nullable: true,
        description: 'The last day it applies; null until it is replaced.',
      }),
      isInForce: t.boolean({
        description: 'Whether it applies today (UK date).',
        resolve: (x) => {
          const today = ukToday();
          return x.effectiveFrom <= today && (x.effectiveTo === null || x.effectiveTo >= today);
        },
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
    }),
  });

  const BudgetLineRef = builder.prismaNode('BudgetLine', {
    id: { field: 'id' },
    description: 'Money a commitment draws from a block in a financial year.',
    include: { plan: { select: { partnershipId: true } } },
    findUnique: (id, ctx) => ({ id, plan: visiblePlansWhere(ctx) }),
    authScopes: (l) => ({ member: l.plan.partnershipId }),
    fields: (t) => ({
      name: t.exposeString('name', { description: 'What the money is for.' }),
      block: t.field({ type: FundingBlockEnum, resolve: (l) => l.block }),
      amount: t.string({
        description: 'Pounds, e.g. "45000.00".',
        resolve: (l) => l.amount.toFixed(2),
      }),
      financialYear: t.exposeInt('financialYear', {
        description: 'By the year it starts: 2026 is 2026-27 (April to March).',
      }),
      financialYearLabel: t.string({ resolve: (l) => financialYearLabel(l.financialYear) }),
    }),
  });

  type Totals = { totals: BudgetTotals; titleOf: (key: string) => string };
  const SectionTotalRef = builder
    .objectRef<{ key: string; amount: string; title: string }>('BudgetSectionTotal')
    .implement({
      fields: (t) => ({
        sectionKey: t.exposeString('key'),
        sectionTitle: t.exposeString('title'),
        amount: t.exposeString('amount', { description: 'Pounds, e.g. "45000.00".' }),
      }),
    });
  const BlockTotalRef = builder
    .objectRef<{ key: string; amount: string }>('BudgetBlockTotal')
    .implement({
      fields: (t) => ({
        block: t.field({ type: FundingBlockEnum, resolve: (x) => x.key as FundingBlockCode }),
        amount: t.exposeString('amount'),
      }),
    });
  const YearTotalRef = builder
    .objectRef<{ key: number; amount: string }>('BudgetYearTotal')
    .implement({
      fields: (t) => ({
        financialYear: t.exposeInt('key'),
        financialYearLabel: t.string({ resolve: (x) => financialYearLabel(x.key) }),
        amount: t.exposeString('amount'),
      }),
    });
  const TotalRowRef = builder
    .objectRef<BudgetTotals['rows'][number] & { title: string }>('BudgetTotalRow')
    .implement({
      description: 'The budget lines of one section, block and financial year, added up.',
      fields: (t) => ({
        sectionKey: t.exposeString('sectionKey'),
        sectionTitle: t.exposeString('title'),
        block: t.field({ type: FundingBlockEnum, resolve: (x) => x.block as FundingBlockCode }),
        financialYear: t.exposeInt('financialYear'),
        financialYearLabel: t.string({ resolve: (x) => financialYearLabel(x.financialYear) }),
        amount: t.exposeString('amount'),
      }),
    });
  const TotalsRef = builder.objectRef<Totals>('BudgetTotals').implement({
    description: 'The plan’s budget lines added up by section, block and financial year.',
    fields: (t) => ({
      rows: t.field({
        type: [TotalRowRef],
        description: 'By section (plan order), block, then year.',
        resolve: ({ totals, titleOf }) =>
          totals.rows.map((r) => ({ ...r, title: titleOf(r.sectionKey) })),
      }),
      bySection: t.field({
        type: [SectionTotalRef],
        resolve: ({ totals, titleOf }) =>
          totals.bySection.map((r) => ({ ...r, title: titleOf(r.key) })),
      }),
      byBlock: t.field({ type: [BlockTotalRef], resolve: ({ totals }) => totals.byBlock }),
      byYear: t.field({ type: [YearTotalRef], resolve: ({ totals }) => totals.byYear }),
      total: t.string({
        description: 'Pounds, e.g. "45000.00".',
        resolve: ({ totals }) => totals.total,
      }),
    }),
  });

  builder.prismaObjectFields(PartnershipRef, (t) => ({
    bands: t.field({
      type: [BandRef],
      description: 'The banding framework, lowest need first.',
      resolve: (p) => bandsOf(host, p.id),
    }),
    tariffs: t.field({
      type: [TariffRef],
      description:
        'The tariffs in force on `inForceOn` (at most one per band and provision type); every tariff ever set (the history) when it is omitted. By band, provision type, start date.',
      args: { inForceOn: t.arg({ type: 'Date' }) },
      resolve: (p, { inForceOn }) => tariffsOf(host, p.id, inForceOn ?? null),
    }),
  }));

  builder.prismaObjectFields(CommitmentRef, (t) => ({
    budgetLines: t.field({
      type: [BudgetLineRef],
      description: 'The high-needs budget lines it draws on, by financial year.',
      resolve: async (c) =>
        (await budgetLinesOfCommitment(host, c.id)).map((l) => ({
          ...l,
          plan: { partnershipId: c.plan.partnershipId },
        })),
    }),
  }));

  const FinanceFigureRef = builder.objectRef<FinanceFigure>('FinanceFigure').implement({
    description:
      'A financial sustainability (FIN) metric and the latest figure imported for the partnership’s local authority.',
    fields: (t) => ({
      metricId: t.exposeString('metricId'),
      title: t.exposeString('title'),
      unit: t.exposeString('unit'),
      decimals: t.exposeInt('decimals'),
      periodType: t.exposeString('periodType'),
      period: t.exposeString('period', { nullable: true }),
      value: t.exposeString('value', { nullable: true, description: 'A decimal; null when none.' }),
      symbol: t.exposeString('symbol', { nullable: true }),
    }),
  });

  builder.prismaObjectFields(PlanRef, (t) => ({
    financeFigures: t.field({
      type: [FinanceFigureRef],
      description:
        'The financial sustainability metrics (FIN-01 to FIN-04) with their latest local figures: what the budget totals are read beside.',
      resolve: (plan) => financeFigures(host, plan.partnershipId),
    }),
    budgetTotals: t.field({
      type: TotalsRef,
      description: 'Its commitments’ budget lines added up by section, block and financial year.',
      resolve: async (plan) => ({
        totals: await planBudgetTotals(host, plan),
        titleOf: (key: string) => host.section(key)?.title ?? key,
      }),
    }),
  }));

  const CreateBandInput = builder.inputType('CreateBandInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      name: t.string({ required: true }),
      descriptionOfNeed: t.string(),
    }),
  });
  const UpdateBandInput = builder.inputType('UpdateBandInput', {
    description: 'An omitted field is unchanged.',
    fields: (t) => ({
      id: t.id({ required: true }),
      name: t.string(),
      descriptionOfNeed: t.string(),
    }),
  });
  const ReorderBandsInput = builder.inputType('ReorderBandsInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      bandIds: t.idList({
        required: true,
        description: 'Every band of the partnership, once, in order.',
      }),
    }),
  });
  const SetTariffInput = builder.inputType('SetTariffInput', {
    description:
      'A tariff with no end date that started earlier is closed the day before effectiveFrom; any other overlap is refused.',
    fields: (t) => ({
      bandId: t.id({ required: true }),
      provisionType: t.field({ type: ProvisionTypeEnum, required: true }),
      annualPrice: t.string({
        required: true,
        description: 'Pounds a year per place as typed: "12500", "£12,500.50". Not negative.',
      }),
      effectiveFrom: t.field({ type: 'Date', required: true }),
      effectiveTo: t.field({ type: 'Date', description: 'The last day; omit for until replaced.' }),
    }),
  });
  const AddBudgetLineInput = builder.inputType('AddBudgetLineInput', {
    fields: (t) => ({
      commitmentId: t.id({ required: true }),
      name: t.string({ required: true, description: 'What the money is for.' }),
      block: t.field({ type: FundingBlockEnum, required: true }),
      amount: t.string({ required: true, description: 'Pounds as typed: "45000", "£45,000.00".' }),
      financialYear: t.int({
        required: true,
        description: 'By the year it starts: 2026 for 2026-27.',
      }),
    }),
  });
  const RemoveBudgetLineInput = builder.inputType('RemoveBudgetLineInput', {
    fields: (t) => ({ id: t.id({ required: true }) }),
  });

  const refused = [ValidationError, NotFoundError, ForbiddenError];
  const partnershipById = (id: string) =>
    host.prisma.partnership.findUniqueOrThrow({ where: { id } });
  builder.mutationFields((t) => ({
    createBand: t.field({
      type: BandRef,
      description: 'Adds a band after the others (partnership leads).',
      errors: { types: refused },
      args: { input: t.arg({ type: CreateBandInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        createBand(host, ctx, { ...input, partnershipId: String(input.partnershipId) }),
    }),
    updateBand: t.field({
      type: BandRef,
      description: 'Renames a band or changes its description of need (partnership leads).',
      errors: { types: refused },
      args: { input: t.arg({ type: UpdateBandInput, required: true }) },
      resolve: (_root, { input }, ctx) => updateBand(host, ctx, { ...input, id: String(input.id) }),
    }),
    reorderBands: t.field({
      type: PartnershipRef,
      description: 'Puts the bands in a new order (partnership leads).',
      errors: { types: refused },
      args: { input: t.arg({ type: ReorderBandsInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        await reorderBands(host, ctx, {
          partnershipId: String(input.partnershipId),
          bandIds: input.bandIds.map(String),
        });
        return partnershipById(memberPartnershipId(ctx, String(input.partnershipId)));
      },
    }),
    setTariff: t.field({
      type: TariffRef,
      description:
        'Sets the annual price of a band and provision type from a date (partnership leads; audited).',
      errors: { types: refused },
      args: { input: t.arg({ type: SetTariffInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        setTariff(host, ctx, { ...input, bandId: String(input.bandId) }),
    }),
    addBudgetLine: t.field({
      type: BudgetLineRef,
      description:
        'Adds a budget line to a draft plan’s commitment (who may change it may do this).',
      errors: { types: refused },
      args: { input: t.arg({ type: AddBudgetLineInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const line = await addBudgetLine(host, ctx, {
          ...input,
          commitmentId: String(input.commitmentId),
        });
        return host.prisma.budgetLine.findUniqueOrThrow({
          where: { id: line.id },
          include: { plan: { select: { partnershipId: true } } },
        });
      },
    }),
    removeBudgetLine: t.field({
      type: CommitmentRef,
      description: 'Removes a budget line; returns its commitment.',
      errors: { types: refused },
      args: { input: t.arg({ type: RemoveBudgetLineInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        host.prisma.commitment.findUniqueOrThrow({
          where: { id: await removeBudgetLine(host, ctx, { id: String(input.id) }) },
          include: commitmentInclude,
        }),
    }),
  }));
}
