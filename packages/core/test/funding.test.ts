// Bands, tariffs and budget lines through the API (issue 16): lead-only tariff writes, audited;
// overlapping dates, negative and non-numeric prices refused with field errors and nothing written;
// budget lines on commitments and the plan's totals by section, block and year; the tariff in force
// and the budget lines frozen with a version; the version diff shows a tariff change.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Publication } from '../src/snapshot.ts';
import { encodeGlobalId } from '../src/ids.ts';
import { ukToday } from '../src/services/commitment-parts.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE } from './support/queries.ts';
import { clearSubmissionBlockers, ICB, LEAD, mutate, northshirePlan } from './support/workflow.ts';

let t: TestCore;
let partnershipId: string;
let planId: string;
let healthCommitment: string;
let educationCommitment: string;

const OUTCOME = `__typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }`;

interface Outcome<T = Record<string, unknown>> {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string[]; message: string }[];
  data?: T;
}

const TARIFF = 'id bandName provisionType annualPrice effectiveFrom effectiveTo isInForce';

async function call<T = Record<string, unknown>>(
  email: string,
  mutation: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<Outcome<T>> {
  const inputType = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
  const success = `Mutation${inputType.replace(/Input$/, '')}Success`;
  const { result } = await t.run<{ result: Outcome<T> }>(
    await t.as(email),
    `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${OUTCOME}
      ... on ${success} { data { ${selection} } } } }`,
    { input },
  );
  return result;
}

async function newBand(name: string): Promise<string> {
  const r = await call<{ id: string; position: number }>(
    LEAD,
    'createBand',
    { partnershipId, name, descriptionOfNeed: `Needs met at ${name}` },
    'id name position',
  );
  expect(r.__typename).toBe('MutationCreateBandSuccess');
  return r.data!.id;
}

const tariffCount = () => t.db.prisma.tariff.count();
const day = (offset: number) =>
  new Date(ukToday().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await bootCore();
  const found = await northshirePlan(t);
  planId = found.planId;
  const partnership = await t.db.prisma.partnership.findUniqueOrThrow({
    where: { slug: 'northshire' },
  });
  partnershipId = encodeGlobalId('Partnership', partnership.id);
  await clearSubmissionBlockers(t, planId, found.areas);
  const create = async (email: string, sectionKey: string, title: string) => {
    const r = await t.run<{ result: { data: { id: string } } }>(await t.as(email), CREATE, {
      input: { planId, sectionKey, title, standardAreaIds: [found.areas[0]!.id] },
    });
    return r.result.data.id;
  };
  healthCommitment = await create(ICB, 'health', 'Therapy in special schools');
  educationCommitment = await create(LEAD, 'education', 'Resourced provision places');
});
afterAll(() => t?.close());

describe('bands and tariffs', () => {
  test('a lead sets a tariff; the history and the version in force read back', async () => {
    const band = await newBand('Test band A');
    const set = await call(
      LEAD,
      'setTariff',
      {
        bandId: band,
        provisionType: 'SPECIAL',
        annualPrice: '£12,500.5',
        effectiveFrom: '2020-04-01',
      },
      TARIFF,
    );
    expect(set).toMatchObject({
      __typename: 'MutationSetTariffSuccess',
      data: {
        annualPrice: '12500.50',
        effectiveTo: null,
        isInForce: true,
        bandName: 'Test band A',
      },
    });
    // A new price from a later date closes the open-ended one the day before.
    const next = await call(
      LEAD,
      'setTariff',
      { bandId: band, provisionType: 'SPECIAL', annualPrice: '13000', effectiveFrom: '2030-04-01' },
      TARIFF,
    );
    expect(next.data).toMatchObject({ annualPrice: '13000.00', isInForce: false });

    const { partnership } = await t.run<{
      partnership: {
        bands: { name: string; position: number }[];
        now: { bandName: string; annualPrice: string; effectiveTo: string | null }[];
        later: { annualPrice: string }[];
        history: { annualPrice: string; effectiveFrom: string; effectiveTo: string | null }[];
      };
    }>(
      await t.as(ICB),
      `query($id: ID!) { partnership: node(id: $id) { ... on Partnership {
        bands { name position }
        now: tariffs(inForceOn: "2026-09-01") { bandName annualPrice effectiveTo }
        later: tariffs(inForceOn: "2031-01-01") { bandName annualPrice }
        history: tariffs { bandName annualPrice effectiveFrom effectiveTo } } } }`,
      { id: partnershipId },
    );
    expect(partnership.bands.map((b) => b.name)).toContain('Test band A');
    const mine = <R extends { bandName?: string }>(rows: R[]) =>
      rows.filter((r) => r.bandName === 'Test band A');
    expect(mine(partnership.now)).toEqual([
      { bandName: 'Test band A', annualPrice: '12500.50', effectiveTo: '2030-03-31' },
    ]);
    expect(mine(partnership.later as { bandName: string; annualPrice: string }[])).toEqual([
      { bandName: 'Test band A', annualPrice: '13000.00' },
    ]);
    expect(mine(partnership.history as never[])).toHaveLength(2);

    // Audited, partnership-wide: the close of the one in force and each new price.
    const actions = await t.db.prisma.auditEvent.findMany({
      where: { entityType: 'Tariff' },
      select: { action: true, planId: true },
    });
    expect(actions.filter((a) => a.action === 'tariff.set')).toHaveLength(2);
    expect(actions.filter((a) => a.action === 'tariff.close')).toHaveLength(1);
    expect(actions.every((a) => a.planId === null)).toBe(true);
  });

  test('overlapping dates are refused with a field error and nothing written', async () => {
    const band = await newBand('Test band B');
    const first = await call(
      LEAD,
      'setTariff',
      {
        bandId: band,
        provisionType: 'POST_16',
        annualPrice: '9000',
        effectiveFrom: '2026-04-01',
        effectiveTo: '2027-03-31',
      },
      TARIFF,
    );
    expect(first.__typename).toBe('MutationSetTariffSuccess');
    const before = await tariffCount();
    const overlap = await call(
      LEAD,
      'setTariff',
      {
        bandId: band,
        provisionType: 'POST_16',
        annualPrice: '9500',
        effectiveFrom: '2027-01-01',
        effectiveTo: '2028-03-31',
      },
      TARIFF,
    );
    expect(overlap.__typename).toBe('ValidationError');
    expect(overlap.fieldErrors).toEqual([
      {
        path: ['effectiveFrom'],
        message:
          'These dates overlap the Test band B, post-16 price of £9,000.00 from 1 April 2026 to 31 March 2027',
      },
    ]);
    // An open-ended tariff that starts inside a closed one overlaps it too.
    const openEnded = await call(
      LEAD,
      'setTariff',
      { bandId: band, provisionType: 'POST_16', annualPrice: '9500', effectiveFrom: '2026-10-01' },
      TARIFF,
    );
    expect(openEnded.__typename).toBe('ValidationError');
    expect(await tariffCount()).toBe(before);
    // Another provision type of the same band does not overlap.
    const other = await call(
      LEAD,
      'setTariff',
      { bandId: band, provisionType: 'SPECIAL', annualPrice: '9500', effectiveFrom: '2027-01-01' },
      TARIFF,
    );
    expect(other.__typename).toBe('MutationSetTariffSuccess');
  });

  test('negative and non-numeric prices and back-to-front dates are refused', async () => {
    const band = await newBand('Test band C');
    const before = await tariffCount();
    const attempt = (annualPrice: string, extra: Record<string, unknown> = {}) =>
      call(
        LEAD,
        'setTariff',
        {
          bandId: band,
          provisionType: 'MAINSTREAM_TOP_UP',
          annualPrice,
          effectiveFrom: '2026-04-01',
          ...extra,
        },
        TARIFF,
      );
    expect((await attempt('-100')).fieldErrors).toEqual([
      { path: ['annualPrice'], message: 'Annual price must be £0 or more' },
    ]);
    expect((await attempt('twelve thousand')).fieldErrors).toEqual([
      {
        path: ['annualPrice'],
        message: 'Enter the annual price in pounds, like 12500 or 12500.50',
      },
    ]);
    expect((await attempt('12345678901')).fieldErrors).toEqual([
      { path: ['annualPrice'], message: 'Annual price must be £9,999,999,999.99 or less' },
    ]);
    expect((await attempt('100', { effectiveTo: '2026-03-31' })).fieldErrors).toEqual([
      {
        path: ['effectiveTo'],
        message: 'The end date must be the same as or after the start date',
      },
    ]);
    expect(await tariffCount()).toBe(before);
  });

  test('only a partnership lead writes bands and tariffs', async () => {
    const band = await newBand('Test band D');
    const before = await tariffCount();
    const refused = await call(
      ICB,
      'setTariff',
      { bandId: band, provisionType: 'SPECIAL', annualPrice: '1', effectiveFrom: '2026-04-01' },
      TARIFF,
    );
    expect(refused).toMatchObject({ __typename: 'ForbiddenError' });
    const band2 = await call(ICB, 'createBand', { partnershipId, name: 'Not mine' }, 'id');
    expect(band2.__typename).toBe('ForbiddenError');
    expect(await tariffCount()).toBe(before);
    // Someone outside the partnership is told it does not exist.
    const outsider = await call(
      'lead@southvale.example',
      'setTariff',
      { bandId: band, provisionType: 'SPECIAL', annualPrice: '1', effectiveFrom: '2026-04-01' },
      TARIFF,
    );
    expect(outsider.__typename).toBe('NotFoundError');
  });

  test('bands are renamed and reordered by a lead; a duplicate name is refused', async () => {
    const x = await newBand('Test band E');
    const dup = await call(LEAD, 'updateBand', { id: x, name: 'Test band A' }, 'id');
    expect(dup.fieldErrors).toEqual([
      { path: ['name'], message: 'The partnership already has a band of that name' },
    ]);
    const renamed = await call<{ name: string; version: number }>(
      LEAD,
      'updateBand',
      { id: x, name: 'Test band E (complex)' },
      'name version',
    );
    expect(renamed.data).toEqual({ name: 'Test band E (complex)', version: 2 });
    const { partnership } = await t.run<{ partnership: { bands: { id: string }[] } }>(
      await t.as(LEAD),
      `query($id: ID!) { partnership: node(id: $id) { ... on Partnership { bands { id } } } }`,
      { id: partnershipId },
    );
    const reversed = partnership.bands.map((b) => b.id).reverse();
    const reordered = await call<{ bands: { id: string; position: number }[] }>(
      LEAD,
      'reorderBands',
      { partnershipId, bandIds: reversed },
      'bands { id position }',
    );
    expect(reordered.data!.bands.map((b) => b.id)).toEqual(reversed);
    expect(reordered.data!.bands.map((b) => b.position)).toEqual(reversed.map((_, i) => i + 1));
    const partial = await call(LEAD, 'reorderBands', { partnershipId, bandIds: [x] }, 'id');
    expect(partial.__typename).toBe('ValidationError');
  });
});

describe('budget lines and totals', () => {
  test('budget lines are added to commitments and totalled by section, block and year', async () => {
    const add = (email: string, commitmentId: string, line: Record<string, unknown>) =>
      call(email, 'addBudgetLine', { commitmentId, ...line }, 'id name block amount financialYear');
    const lines = [
      [
        ICB,
        healthCommitment,
        { name: 'Therapists', block: 'HIGH_NEEDS', amount: '30000', financialYear: 2026 },
      ],
      [
        ICB,
        healthCommitment,
        { name: 'ICB therapy', block: 'OTHER', amount: '£1,000.50', financialYear: 2026 },
      ],
      [
        ICB,
        healthCommitment,
        { name: 'Therapists', block: 'HIGH_NEEDS', amount: '32000', financialYear: 2027 },
      ],
      [
        LEAD,
        educationCommitment,
        { name: 'Places', block: 'HIGH_NEEDS', amount: '120000', financialYear: 2026 },
      ],
    ] as const;
    for (const [email, id, line] of lines)
      expect((await add(email, id, line)).__typename).toBe('MutationAddBudgetLineSuccess');

    const before = await t.db.prisma.budgetLine.count();
    expect(
      (
        await add(ICB, healthCommitment, {
          name: 'x',
          block: 'HIGH_NEEDS',
          amount: '-5',
          financialYear: 2026,
        })
      ).fieldErrors,
    ).toEqual([{ path: ['amount'], message: 'Amount must be £0 or more' }]);
    expect(
      (
        await add(ICB, healthCommitment, {
          name: ' ',
          block: 'HIGH_NEEDS',
          amount: 'lots',
          financialYear: 1990,
        })
      ).fieldErrors!.map((e) => e.path[0]),
    ).toEqual(['name', 'amount', 'financialYear']);
    // The ICB's editors do not write the council's education commitments.
    expect(
      (
        await add(ICB, educationCommitment, {
          name: 'x',
          block: 'HIGH_NEEDS',
          amount: '5',
          financialYear: 2026,
        })
      ).__typename,
    ).toBe('ForbiddenError');
    expect(await t.db.prisma.budgetLine.count()).toBe(before);

    const { plan } = await t.run<{
      plan: {
        budgetTotals: {
          total: string;
          bySection: { sectionKey: string; sectionTitle: string; amount: string }[];
          byBlock: { block: string; amount: string }[];
          byYear: { financialYearLabel: string; amount: string }[];
          rows: { sectionKey: string; block: string; financialYear: number; amount: string }[];
        };
      };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { budgetTotals { total
        bySection { sectionKey sectionTitle amount } byBlock { block amount }
        byYear { financialYearLabel amount } rows { sectionKey block financialYear amount } } } }`,
      { id: planId },
    );
    const totals = plan.budgetTotals;
    // The demo plan's own lines are in the totals too: compare what these lines added.
    const demo = await t.db.prisma.budgetLine.findMany({
      where: { planId: Buffer.from(planId, 'base64url').toString().split(':')[1] },
      include: { commitment: { select: { id: true } } },
    });
    const ours = new Set(
      [healthCommitment, educationCommitment].map(
        (g) => Buffer.from(g, 'base64url').toString().split(':')[1],
      ),
    );
    const demoPence = demo
      .filter((l) => !ours.has(l.commitmentId))
      .reduce((sum, l) => sum + BigInt(l.amount.toFixed(2).replace('.', '')), 0n);
    const expected = 30000_00n + 1000_50n + 32000_00n + 120000_00n + demoPence;
    expect(totals.total).toBe(`${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`);
    expect(totals.rows.filter((r) => r.sectionKey === 'health' && r.financialYear >= 2026)).toEqual(
      expect.arrayContaining([
        {
          sectionKey: 'health',
          block: 'HIGH_NEEDS',
          financialYear: 2026,
          amount: expect.any(String),
        },
        {
          sectionKey: 'health',
          block: 'HIGH_NEEDS',
          financialYear: 2027,
          amount: expect.any(String),
        },
      ]),
    );
    if (demo.every((l) => ours.has(l.commitmentId))) {
      expect(totals.bySection).toEqual([
        { sectionKey: 'education', sectionTitle: expect.any(String), amount: '120000.00' },
        { sectionKey: 'health', sectionTitle: expect.any(String), amount: '63000.50' },
      ]);
      expect(totals.byBlock).toEqual([
        { block: 'HIGH_NEEDS', amount: '182000.00' },
        { block: 'OTHER', amount: '1000.50' },
      ]);
      expect(totals.byYear).toEqual([
        { financialYearLabel: '2026-27', amount: '151000.50' },
        { financialYearLabel: '2027-28', amount: '32000.00' },
      ]);
    }
    const audited = await t.db.prisma.auditEvent.count({ where: { action: 'budgetLine.add' } });
    expect(audited).toBe(lines.length);
  });

  test('a version freezes the tariff in force and the budget lines; the diff shows a tariff change', async () => {
    const band = await newBand('Test band F');
    await call(
      LEAD,
      'setTariff',
      {
        bandId: band,
        provisionType: 'ALTERNATIVE_PROVISION',
        annualPrice: '20000',
        effectiveFrom: '2020-04-01',
      },
      TARIFF,
    );
    const submitted = await mutate<{ version: number }>(
      t,
      LEAD,
      'submitPlan',
      { planId },
      'id version',
    );
    expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');
    const { plan } = await t.run<{
      plan: { planVersion: { number: number; publicationJson: string } };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { planVersion(number: 1) { number publicationJson } } }`,
      { id: planId },
    );
    const { snapshot } = JSON.parse(plan.planVersion.publicationJson) as Publication;
    expect(snapshot.tariffs!.inForceOn).toBe(day(0));
    expect(snapshot.tariffs!.bands.map((b) => b.name)).toContain('Test band F');
    expect(snapshot.tariffs!.prices).toContainEqual({
      band: 'Test band F',
      provisionType: 'ALTERNATIVE_PROVISION',
      annualPrice: '20000.00',
      effectiveFrom: '2020-04-01',
      effectiveTo: null,
    });
    const health = snapshot.commitments.find((c) => c.title === 'Therapy in special schools')!;
    expect(health.budgetLines).toEqual([
      { name: 'Therapists', block: 'HIGH_NEEDS', amount: '30000.00', financialYear: 2026 },
      { name: 'ICB therapy', block: 'OTHER', amount: '1000.50', financialYear: 2026 },
      { name: 'Therapists', block: 'HIGH_NEEDS', amount: '32000.00', financialYear: 2027 },
    ]);

    // Changing the tariff in force (the lead may, while the plan is in review) leaves the version
    // as it was, and the diff against the current draft shows the change.
    const changed = await call(
      LEAD,
      'setTariff',
      {
        bandId: band,
        provisionType: 'ALTERNATIVE_PROVISION',
        annualPrice: '21000',
        effectiveFrom: day(0),
      },
      TARIFF,
    );
    expect(changed.__typename).toBe('MutationSetTariffSuccess');
    const { planDiff } = await t.run<{
      planDiff: {
        changedCount: number;
        tariffs: { field: string; label: string; before: string; after: string }[];
      };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { planDiff(planId: $id, from: 1) { changedCount tariffs { field label before after } } }`,
      { id: planId },
    );
    expect(planDiff.tariffs).toEqual([
      {
        field: 'Test band F|ALTERNATIVE_PROVISION',
        label: 'Test band F: Alternative provision',
        before: '£20,000.00 a year per place from 1 April 2020',
        after: `£21,000.00 a year per place from ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(day(0)))}`,
      },
    ]);
    expect(planDiff.changedCount).toBeGreaterThanOrEqual(1);
    const again = JSON.parse(
      (
        await t.run<{ plan: { planVersion: { publicationJson: string } } }>(
          await t.as(LEAD),
          `query($id: ID!) { plan(id: $id) { planVersion(number: 1) { publicationJson } } }`,
          { id: planId },
        )
      ).plan.planVersion.publicationJson,
    ) as Publication;
    expect(again.snapshot.tariffs).toEqual(snapshot.tariffs);
  });

  test('the FIN metrics read beside the totals give the latest local figure', async () => {
    const partnership = await t.db.prisma.partnership.findUniqueOrThrow({
      where: { slug: 'northshire' },
    });
    for (const [period, value] of [
      ['2023-24', '51200000'],
      ['2024-25', '56800000'],
    ] as const)
      await t.db.prisma.metricObservation.create({
        data: {
          partnershipId: partnership.id,
          metricId: 'FIN-03',
          geographyLevel: 'LOCAL_AUTHORITY',
          geographyCode: partnership.localAuthorityCodes[0]!,
          period,
          value,
        },
      });
    const { plan } = await t.run<{
      plan: { financeFigures: { metricId: string; period: string | null; value: string | null }[] };
    }>(
      await t.as(ICB),
      `query($id: ID!) { plan(id: $id) { financeFigures { metricId period value } } }`,
      { id: planId },
    );
    expect(plan.financeFigures.map((f) => f.metricId)).toEqual([
      'FIN-01',
      'FIN-02',
      'FIN-03',
      'FIN-04',
    ]);
    expect(plan.financeFigures.find((f) => f.metricId === 'FIN-03')).toEqual({
      metricId: 'FIN-03',
      period: '2024-25',
      value: '56800000.0000',
    });
  });
});
