// Standards coverage, not-applicable areas, submission blockers and Easy Read summaries, through the API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LipPlugin } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE, type MutationResult } from './support/queries.ts';

// The health section gets a readiness check, so section blockers can be seen coming and going.
const HEALTH_CHECK_MESSAGE =
  'Add a health commitment on ‘waiting well’ support for families waiting for assessment';
const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id !== 'health'
    ? plugin
    : ({
        ...plugin,
        sections: plugin.sections!.map((s) => ({
          ...s,
          readinessChecks: [
            {
              id: 'health.waiting-well',
              title: 'Waiting well commitment',
              check: ({ commitments }) =>
                commitments.some((c) => /waiting well/i.test(c.title)) || HEALTH_CHECK_MESSAGE,
            },
          ],
        })),
      } satisfies LipPlugin),
);

const LEAD = 'lead@northshire.example';

const COVERAGE = /* GraphQL */ `
  query ($id: ID!) {
    plan(id: $id) {
      ... on Plan {
        version
        coverage {
          sections {
            key
            title
          }
          rows {
            area {
              id
              code
              title
            }
            covered
            notApplicableReason
            cells {
              sectionKey
              commitments {
                id
                reference
              }
            }
          }
          uncoveredCount
        }
        submissionBlockers {
          kind
          message
          sectionKey
          standardAreaCode
          metricTargetId
        }
        viewerCan {
          submit
          withdraw
          publish
          revise
          edit
          comment
        }
      }
    }
  }
`;

interface CoverageData {
  plan: {
    version: number;
    coverage: {
      sections: { key: string; title: string }[];
      rows: {
        area: { id: string; code: string; title: string };
        covered: boolean;
        notApplicableReason: string | null;
        cells: { sectionKey: string; commitments: { id: string; reference: string }[] }[];
      }[];
      uncoveredCount: number;
    };
    submissionBlockers: {
      kind: string;
      message: string;
      sectionKey: string | null;
      standardAreaCode: string | null;
    }[];
    viewerCan: Record<string, boolean>;
  };
}

const MARK = /* GraphQL */ `
  mutation ($input: MarkStandardAreaNotApplicableInput!) {
    result: markStandardAreaNotApplicable(input: $input) {
      __typename
      ... on MutationMarkStandardAreaNotApplicableSuccess {
        data {
          id
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;
const CLEAR = /* GraphQL */ `
  mutation ($input: ClearStandardAreaNotApplicableInput!) {
    result: clearStandardAreaNotApplicable(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`;
const EASY_READ = /* GraphQL */ `
  mutation ($input: UpdateSectionEasyReadInput!) {
    result: updateSectionEasyRead(input: $input) {
      __typename
      ... on MutationUpdateSectionEasyReadSuccess {
        data {
          key
          version
          easyReadSummary
        }
      }
      ... on SectionConflictError {
        message
        current {
          version
          easyReadSummary
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

let t: TestCore;
let planId: string;
let dbPlanId: string;

async function coverage(email = LEAD) {
  return (await t.run<CoverageData>(await t.as(email), COVERAGE, { id: planId })).plan;
}

async function mutate(document: string, input: Record<string, unknown>, email = LEAD) {
  const result = await t.core.execute<MutationResult>({
    document,
    variables: { input },
    context: await t.as(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

/** Makes an area uncovered by removing its mappings directly in the database (test set-up only). */
async function uncover(areaCode: string) {
  await t.db.prisma.commitmentStandard.deleteMany({
    where: { standardArea: { code: areaCode }, commitment: { planId: dbPlanId } },
  });
}

beforeAll(async () => {
  t = await bootCore(plugins);
  const data = await t.run<{
    partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
  }>(await t.as(LEAD), '{ partnerships { edges { node { plans { edges { node { id } } } } } } }');
  planId = data.partnerships.edges[0]!.node.plans.edges[0]!.node.id;
  dbPlanId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
});
afterAll(() => t?.close());

describe('Plan.coverage', () => {
  test('the matrix of the demo plan matches the database: areas by position × installed sections', async () => {
    const plan = await coverage();
    const dbPlan = await t.db.prisma.plan.findUniqueOrThrow({ where: { id: dbPlanId } });
    const areas = await t.db.prisma.standardArea.findMany({
      where: { frameworkId: dbPlan.frameworkId },
      orderBy: { position: 'asc' },
    });
    const mappings = await t.db.prisma.commitmentStandard.findMany({
      where: { commitment: { planId: dbPlanId } },
      include: { commitment: { include: { section: true } }, standardArea: true },
    });
    const exclusions = await t.db.prisma.planStandardAreaExclusion.findMany({
      where: { planId: dbPlanId },
    });

    expect(plan.coverage.sections).toEqual(
      plugins.map((p) => ({ key: p.sections![0]!.key, title: p.sections![0]!.title })),
    );
    expect(plan.coverage.rows.map((r) => r.area.code)).toEqual(areas.map((a) => a.code));
    expect(mappings.length).toBeGreaterThan(0);
    for (const row of plan.coverage.rows) {
      expect(row.cells.map((c) => c.sectionKey)).toEqual(plan.coverage.sections.map((s) => s.key));
      for (const cell of row.cells) {
        const expected = mappings
          .filter(
            (m) =>
              m.standardArea.code === row.area.code && m.commitment.section.key === cell.sectionKey,
          )
          .map((m) => m.commitment.reference)
          .sort();
        expect(
          cell.commitments.map((c) => c.reference),
          `${row.area.code} × ${cell.sectionKey}`,
        ).toEqual(expected);
      }
      const excluded = exclusions.find(
        (e) => e.standardAreaId === areas.find((a) => a.code === row.area.code)!.id,
      );
      expect(row.notApplicableReason).toBe(excluded?.reason ?? null);
      expect(row.covered).toBe(
        row.cells.some((c) => c.commitments.length > 0) || excluded !== undefined,
      );
    }
    expect(plan.coverage.uncoveredCount).toBe(plan.coverage.rows.filter((r) => !r.covered).length);
  });

  test('other partnerships cannot see it', async () => {
    const data = await t.run<{ plan: unknown }>(await t.as('lead@southvale.example'), COVERAGE, {
      id: planId,
    });
    expect(data.plan).toBeNull();
  });
});

describe('marking a standard area not applicable', () => {
  test('needs a reason, is trimmed, counts as covered, is audited, and can be cleared', async () => {
    const before = await coverage();
    const row = before.coverage.rows.at(-1)!;
    await uncover(row.area.code);
    expect((await coverage()).coverage.rows.at(-1)!.covered).toBe(false);

    const blank = await mutate(MARK, { planId, standardAreaId: row.area.id, reason: '   ' });
    expect(blank.__typename).toBe('ValidationError');
    expect(blank.fieldErrors).toEqual([
      { path: ['reason'], message: 'Enter why this standard area does not apply to the plan' },
    ]);

    const marked = await mutate(MARK, {
      planId,
      standardAreaId: row.area.id,
      reason: '  Commissioned regionally, see the regional plan  ',
    });
    expect(marked.__typename).toBe('MutationMarkStandardAreaNotApplicableSuccess');
    const after = (await coverage()).coverage.rows.at(-1)!;
    expect(after).toMatchObject({
      covered: true,
      notApplicableReason: 'Commissioned regionally, see the regional plan',
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { planId: dbPlanId, action: 'standard_area.marked_not_applicable' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toEqual({
      code: row.area.code,
      reason: 'Commissioned regionally, see the regional plan',
    });

    expect((await mutate(CLEAR, { planId, standardAreaId: row.area.id })).__typename).toBe(
      'MutationClearStandardAreaNotApplicableSuccess',
    );
    expect((await coverage()).coverage.rows.at(-1)!).toMatchObject({
      covered: false,
      notApplicableReason: null,
    });
  });

  test('only the lead may do it', async () => {
    const row = (await coverage()).coverage.rows[0]!;
    for (const email of [
      'icb@northshire.example',
      'forum@northshire.example',
      'viewer@northshire.example',
    ]) {
      const result = await mutate(
        MARK,
        { planId, standardAreaId: row.area.id, reason: 'Not for us' },
        email,
      );
      expect(result.__typename, email).toBe('ForbiddenError');
    }
    const outsider = await mutate(
      MARK,
      { planId, standardAreaId: row.area.id, reason: 'Not for us' },
      'lead@southvale.example',
    );
    expect(outsider.__typename).toBe('NotFoundError');
    expect(await t.db.prisma.planStandardAreaExclusion.count({ where: { planId: dbPlanId } })).toBe(
      0,
    );
  });

  test('only in a draft', async () => {
    const row = (await coverage()).coverage.rows[0]!;
    await t.db.prisma.plan.update({ where: { id: dbPlanId }, data: { state: 'PARTNER_REVIEW' } });
    try {
      const result = await mutate(MARK, {
        planId,
        standardAreaId: row.area.id,
        reason: 'Not for us',
      });
      expect(result).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'This plan is no longer a draft, so it cannot be changed',
      });
      expect((await coverage()).viewerCan).toEqual({
        submit: false,
        withdraw: true,
        publish: false,
        revise: false,
        edit: false,
        comment: true,
      });
    } finally {
      await t.db.prisma.plan.update({ where: { id: dbPlanId }, data: { state: 'DRAFT' } });
    }
  });

  test('only areas of the plan’s own framework', async () => {
    const dbPlan = await t.db.prisma.plan.findUniqueOrThrow({ where: { id: dbPlanId } });
    const other = await t.db.prisma.standardArea.findFirstOrThrow({
      where: { frameworkId: { not: dbPlan.frameworkId } },
    });
    const otherId = Buffer.from(`StandardArea:${other.id}`).toString('base64url');
    const result = await mutate(MARK, { planId, standardAreaId: otherId, reason: 'Not for us' });
    expect(result.fieldErrors).toEqual([
      { path: ['standardAreaId'], message: 'Choose a standard area of this plan’s framework' },
    ]);
  });
});

describe('Plan.submissionBlockers', () => {
  test('lists what is missing, in plain English, and shrinks as things are fixed', async () => {
    await uncover((await coverage()).coverage.rows.at(-2)!.area.code);
    const first = await coverage();
    expect(first.viewerCan).toEqual({
      submit: true,
      withdraw: false,
      publish: false,
      revise: false,
      edit: true,
      comment: true,
    });
    const uncovered = first.coverage.rows.filter((r) => !r.covered);
    expect(uncovered.length).toBeGreaterThan(0);
    expect(first.submissionBlockers.filter((b) => b.kind === 'STANDARD_AREA_UNCOVERED')).toEqual(
      uncovered.map((r) => ({
        kind: 'STANDARD_AREA_UNCOVERED',
        message: `Map a commitment to ‘${r.area.title}’ or mark it not applicable`,
        sectionKey: null,
        standardAreaCode: r.area.code,
        metricTargetId: null,
      })),
    );
    const healthBlocker = first.submissionBlockers.find((b) => b.kind === 'SECTION_NOT_READY');
    expect(healthBlocker).toMatchObject({
      sectionKey: 'health',
      message: `Health: ${HEALTH_CHECK_MESSAGE}`,
    });

    // Fix the section: a waiting well commitment, mapped to the uncovered area.
    const created = await mutate(CREATE, {
      planId,
      sectionKey: 'health',
      title: 'Waiting well: support for families waiting for a neurodevelopmental assessment',
      standardAreaIds: [uncovered[0]!.area.id],
    });
    expect(created.__typename).toBe('MutationCreateCommitmentSuccess');
    const second = await coverage();
    expect(second.submissionBlockers.some((b) => b.kind === 'SECTION_NOT_READY')).toBe(false);
    expect(
      second.submissionBlockers.some((b) => b.standardAreaCode === uncovered[0]!.area.code),
    ).toBe(false);
    expect(second.submissionBlockers.length).toBe(first.submissionBlockers.length - 2);

    // Mark the rest not applicable: nothing left about coverage.
    for (const row of uncovered.slice(1)) {
      expect(
        (
          await mutate(MARK, {
            planId,
            standardAreaId: row.area.id,
            reason: 'Covered by the regional plan',
          })
        ).__typename,
      ).toBe('MutationMarkStandardAreaNotApplicableSuccess');
    }
    const third = await coverage();
    expect(third.coverage.uncoveredCount).toBe(0);
    expect(third.submissionBlockers.filter((b) => b.kind !== 'METRIC_NEEDS_COMMENTARY')).toEqual(
      [],
    );
  });
  test('a red metric without commentary blocks submission until its owner explains it', async () => {
    // A red target, straight in the database: a figure below both baseline and target.
    const partnership = await t.db.prisma.partnership.findFirstOrThrow({
      where: { plans: { some: { id: dbPlanId } } },
    });
    const metric = await t.db.prisma.metric.findFirstOrThrow({
      where: {
        partnershipId: null,
        polarity: 'HIGHER_BETTER',
        theme: { not: 'health' },
        pluginId: null,
      },
      orderBy: { id: 'asc' },
    });
    const owner = await t.db.prisma.organisation.findFirstOrThrow({
      where: { partnerships: { some: { partnershipId: partnership.id } } },
    });
    const target = await t.db.prisma.metricTarget.create({
      data: {
        planId: dbPlanId,
        metricId: metric.id,
        baselineValue: 50,
        targetValue: 80,
        targetPeriod: '2028',
        ownerOrganisationId: owner.id,
      },
    });
    await t.db.prisma.metricObservation.create({
      data: {
        partnershipId: partnership.id,
        metricId: metric.id,
        geographyLevel: 'LOCAL_AUTHORITY',
        geographyCode: partnership.localAuthorityCodes[0]!,
        period: '2025',
        value: 40,
      },
    });
    const all = (await coverage()).submissionBlockers;
    const blocked = all.filter((b) => b.kind === 'METRIC_NEEDS_COMMENTARY');
    expect(blocked).toEqual([
      {
        kind: 'METRIC_NEEDS_COMMENTARY',
        message: `‘${metric.title}’ is red: its owner (${owner.name}) must explain why before the plan is submitted`,
        sectionKey: null,
        standardAreaCode: null,
        metricTargetId: Buffer.from(`MetricTarget:${target.id}`).toString('base64url'),
      },
    ]);

    await t.db.prisma.metricTarget.update({
      where: { id: target.id },
      data: { commentary: 'Recruitment of specialist teachers is behind.' },
    });
    expect((await coverage()).submissionBlockers).toEqual(
      all.filter((b) => b.kind !== 'METRIC_NEEDS_COMMENTARY'),
    );
  });
});

describe('updateSectionEasyRead', () => {
  const SECTION = /* GraphQL */ `
    query ($id: ID!) {
      plan(id: $id) {
        ... on Plan {
          section(key: "care") {
            version
            easyReadSummary
          }
        }
      }
    }
  `;
  const section = async () =>
    (
      await t.run<{ plan: { section: { version: number; easyReadSummary: string | null } } }>(
        await t.as(LEAD),
        SECTION,
        { id: planId },
      )
    ).plan.section;

  test('the section’s editors write it, trimmed, with the section version checked; stale versions conflict', async () => {
    const { version } = await section();
    const saved = await mutate(
      EASY_READ,
      {
        planId,
        sectionKey: 'care',
        version,
        easyReadSummary: '  We help families get short breaks.  ',
      },
      'care@northshire.example',
    );
    expect(saved).toMatchObject({
      __typename: 'MutationUpdateSectionEasyReadSuccess',
      data: {
        key: 'care',
        version: version + 1,
        easyReadSummary: 'We help families get short breaks.',
      },
    });

    const stale = await mutate(
      EASY_READ,
      { planId, sectionKey: 'care', version, easyReadSummary: 'Older words' },
      LEAD,
    );
    expect(stale).toMatchObject({
      __typename: 'SectionConflictError',
      current: { version: version + 1, easyReadSummary: 'We help families get short breaks.' },
    });
    expect(await section()).toEqual({
      version: version + 1,
      easyReadSummary: 'We help families get short breaks.',
    });
    expect(
      await t.db.prisma.auditEvent.count({
        where: { planId: dbPlanId, action: 'section.easy_read_updated' },
      }),
    ).toBe(1);
  });

  test('other organisations cannot write it', async () => {
    const { version } = await section();
    for (const email of ['icb@northshire.example', 'forum@northshire.example']) {
      const result = await mutate(
        EASY_READ,
        { planId, sectionKey: 'care', version, easyReadSummary: 'No' },
        email,
      );
      expect(result.__typename, email).toBe('ForbiddenError');
    }
  });

  test('creates the section row when the section was never written', async () => {
    await t.db.prisma.section.deleteMany({
      where: { planId: dbPlanId, key: 'alternative-provision' },
    });
    const result = await mutate(
      EASY_READ,
      {
        planId,
        sectionKey: 'alternative-provision',
        version: 0,
        easyReadSummary: 'Help for pupils out of school.',
      },
      'ap@northshire.example',
    );
    expect(result).toMatchObject({
      __typename: 'MutationUpdateSectionEasyReadSuccess',
      data: { version: 1, easyReadSummary: 'Help for pupils out of school.' },
    });
  });
});
