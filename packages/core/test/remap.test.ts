// Moving a plan to another standards framework: the proposal changes nothing; remapPlan applies
// the lead's confirmed mappings all at once, refuses to leave a commitment without an area, and is audited.
import { catalogue } from '@lip/db/seed';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE, type MutationResult } from './support/queries.ts';

const LEAD = 'lead@northshire.example';
const TARGET = 'gp-2022';

const PROPOSAL = /* GraphQL */ `
  query ($id: ID!, $frameworkId: ID!) {
    plan(id: $id) {
      ... on Plan {
        version
        framework {
          id
        }
        remapProposal(frameworkId: $frameworkId) {
          framework {
            id
          }
          unresolvedCount
          items {
            commitment {
              id
              reference
            }
            from {
              code
            }
            suggested {
              id
              code
            }
            resolved
          }
        }
      }
    }
  }
`;
interface ProposalData {
  plan: {
    version: number;
    framework: { id: string };
    remapProposal: {
      framework: { id: string };
      unresolvedCount: number;
      items: {
        commitment: { id: string; reference: string };
        from: { code: string }[];
        suggested: { id: string; code: string }[];
        resolved: boolean;
      }[];
    } | null;
  };
}

const REMAP = /* GraphQL */ `
  mutation ($input: RemapPlanInput!) {
    result: remapPlan(input: $input) {
      __typename
      ... on MutationRemapPlanSuccess {
        data {
          id
          version
          framework {
            id
          }
          coverage {
            rows {
              area {
                code
              }
            }
          }
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
let targetAreas: { id: string; code: string }[];
/** The commitment added so that one has nothing corresponding in the target framework. */
let orphan: { id: string; reference: string };

/** What the catalogue says a commitment's working-catalogue areas continue as in the Green Paper framework. */
function expectedSuggestions(fromCodes: string[]): string[] {
  const working = catalogue.standardsFrameworks.find((f) => f.id === 'lip-working-2026')!;
  const gp = catalogue.standardsFrameworks.find((f) => f.id === TARGET)!;
  const codes = new Set(
    fromCodes.flatMap((code) => working.areas.find((a) => a.code === code)?.correspondsTo ?? []),
  );
  return gp.areas.map((a) => a.code).filter((code) => codes.has(code));
}

async function proposal() {
  return (
    await t.run<ProposalData>(await t.as(LEAD), PROPOSAL, { id: planId, frameworkId: TARGET })
  ).plan;
}

async function remap(input: Record<string, unknown>, email = LEAD) {
  const result = await t.core.execute<
    MutationResult<{
      version: number;
      framework: { id: string };
      coverage: { rows: { area: { code: string } }[] };
    }>
  >({
    document: REMAP,
    variables: { input: { planId, frameworkId: TARGET, ...input } },
    context: await t.as(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

/** Everything re-mapping may change, straight from the database. */
async function stored() {
  const [plan, mappings, exclusions, audits] = await Promise.all([
    t.db.prisma.plan.findUniqueOrThrow({
      where: { id: dbPlanId },
      select: { frameworkId: true, version: true },
    }),
    t.db.prisma.commitmentStandard.findMany({
      where: { commitment: { planId: dbPlanId } },
      select: {
        commitment: { select: { reference: true } },
        standardArea: { select: { code: true } },
      },
      orderBy: [{ commitmentId: 'asc' }, { standardAreaId: 'asc' }],
    }),
    t.db.prisma.planStandardAreaExclusion.count({ where: { planId: dbPlanId } }),
    t.db.prisma.auditEvent.count({ where: { planId: dbPlanId, action: 'plan.remapped' } }),
  ]);
  return { plan, mappings, exclusions, audits };
}

beforeAll(async () => {
  t = await bootCore();
  const lead = await t.as(LEAD);
  const data = await t.run<{
    partnerships: {
      edges: {
        node: {
          plans: {
            edges: { node: { id: string; framework: { areas: { id: string; code: string }[] } } }[];
          };
        };
      }[];
    };
  }>(
    lead,
    '{ partnerships { edges { node { plans { edges { node { id framework { areas { id code } } } } } } } } }',
  );
  const plan = data.partnerships.edges[0]!.node.plans.edges[0]!.node;
  planId = plan.id;
  dbPlanId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
  const target = await t.run<{ standardsFramework: { areas: { id: string; code: string }[] } }>(
    lead,
    `{ standardsFramework(id: "${TARGET}") { areas { id code } } }`,
  );
  targetAreas = target.standardsFramework.areas;
  // SA-12 (sufficiency and place planning) continues nothing in the Green Paper framework.
  const created = await t.core.execute<MutationResult<{ id: string; reference: string }>>({
    document: CREATE,
    variables: {
      input: {
        planId,
        sectionKey: 'education',
        title: 'Place planning for specialist places',
        standardAreaIds: [plan.framework.areas.find((a) => a.code === 'SA-12')!.id],
      },
    },
    context: lead,
  });
  orphan = created.data!.result.data!;
  // An area marked not applicable in the old framework, which re-mapping drops.
  await t.db.prisma.planStandardAreaExclusion.create({
    data: {
      planId: dbPlanId,
      standardAreaId: (
        await t.db.prisma.standardArea.findFirstOrThrow({
          where: { frameworkId: 'lip-working-2026', code: 'SA-11' },
        })
      ).id,
      reason: 'Regional workforce plan',
    },
  });
});
afterAll(() => t?.close());

describe('standardsFrameworks', () => {
  test('lists the catalogue, oldest first', async () => {
    const data = await t.run<{ standardsFrameworks: { id: string; areas: { code: string }[] }[] }>(
      await t.as('viewer@northshire.example'),
      '{ standardsFrameworks { id areas { code } } }',
    );
    expect(data.standardsFrameworks.map((f) => [f.id, f.areas.length])).toEqual([
      ['gp-2022', 5],
      ['lip-working-2026', 12],
    ]);
  });
});

describe('Plan.remapProposal', () => {
  test('suggests the corresponding areas for every commitment, and changes nothing', async () => {
    const before = await stored();
    const plan = await proposal();
    expect(plan.framework.id).toBe('lip-working-2026');
    const items = plan.remapProposal!.items;
    const references = [...new Set(before.mappings.map((m) => m.commitment.reference))].sort();
    expect(items.map((i) => i.commitment.reference)).toEqual(
      (
        await t.db.prisma.commitment.findMany({
          where: { planId: dbPlanId },
          orderBy: { reference: 'asc' },
        })
      ).map((c) => c.reference),
    );
    expect(references.length).toBeGreaterThan(5);
    for (const item of items) {
      const fromCodes = before.mappings
        .filter((m) => m.commitment.reference === item.commitment.reference)
        .map((m) => m.standardArea.code)
        .sort();
      expect(item.from.map((a) => a.code).sort(), item.commitment.reference).toEqual(fromCodes);
      expect(
        item.suggested.map((a) => a.code),
        item.commitment.reference,
      ).toEqual(expectedSuggestions(fromCodes));
      expect(item.resolved).toBe(item.suggested.length > 0);
    }
    const orphanItem = items.find((i) => i.commitment.id === orphan.id)!;
    expect(orphanItem).toMatchObject({ from: [{ code: 'SA-12' }], suggested: [], resolved: false });
    expect(plan.remapProposal!.unresolvedCount).toBe(items.filter((i) => !i.resolved).length);
    expect(await stored()).toEqual(before);
  });

  test('is null for an unknown framework', async () => {
    const data = await t.run<ProposalData>(await t.as(LEAD), PROPOSAL, {
      id: planId,
      frameworkId: 'no-such-framework',
    });
    expect(data.plan.remapProposal).toBeNull();
  });
});

describe('remapPlan', () => {
  test('refuses while any commitment would be left without an area, naming each one, and changes nothing', async () => {
    const before = await stored();
    const unresolved = (await proposal()).remapProposal!.items.filter((i) => !i.resolved);
    const result = await remap({ mappings: [] });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toHaveLength(unresolved.length);
    for (const item of unresolved) {
      expect(
        result.fieldErrors!.some(
          (e) => e.path[1] === item.commitment.id && e.message.includes(item.commitment.reference),
        ),
      ).toBe(true);
    }
    // Choosing nothing for a commitment that has suggestions leaves it without an area too.
    const resolved = (await proposal()).remapProposal!.items.find((i) => i.resolved)!;
    const emptied = await remap({
      mappings: [
        ...unresolved.map((i) => ({
          commitmentId: i.commitment.id,
          standardAreaIds: [targetAreas[0]!.id],
        })),
        { commitmentId: resolved.commitment.id, standardAreaIds: [] },
      ],
    });
    expect(emptied.fieldErrors!.map((e) => e.message)).toEqual([
      expect.stringContaining(resolved.commitment.reference),
    ]);
    expect(await stored()).toEqual(before);
  });

  test('only the lead, only in a draft', async () => {
    const before = await stored();
    const mappings = [{ commitmentId: orphan.id, standardAreaIds: [targetAreas[2]!.id] }];
    expect((await remap({ mappings }, 'icb@northshire.example')).__typename).toBe('ForbiddenError');
    expect((await remap({ mappings }, 'lead@southvale.example')).__typename).toBe('NotFoundError');
    await t.db.prisma.plan.update({ where: { id: dbPlanId }, data: { state: 'PARTNER_REVIEW' } });
    try {
      expect((await remap({ mappings })).__typename).toBe('ForbiddenError');
    } finally {
      await t.db.prisma.plan.update({ where: { id: dbPlanId }, data: { state: 'DRAFT' } });
    }
    expect(await stored()).toEqual(before);
  });

  test('applies the confirmed mappings all at once, drops the old exclusions, bumps the version and records one audit event', async () => {
    const before = await stored();
    const items = (await proposal()).remapProposal!.items;
    const gp3 = targetAreas.find((a) => a.code === 'GP-3')!;
    const overridden = items.find((i) => i.resolved && i.commitment.id !== orphan.id)!;
    const mappings = [
      ...items
        .filter((i) => !i.resolved)
        .map((i) => ({ commitmentId: i.commitment.id, standardAreaIds: [gp3.id] })),
      { commitmentId: overridden.commitment.id, standardAreaIds: [gp3.id, targetAreas[0]!.id] },
    ];
    const result = await remap({ mappings });
    expect(result.__typename).toBe('MutationRemapPlanSuccess');
    expect(result.data).toMatchObject({
      version: before.plan.version + 1,
      framework: { id: TARGET },
    });
    expect(result.data!.coverage.rows.map((r) => r.area.code)).toEqual([
      'GP-1',
      'GP-2',
      'GP-3',
      'GP-4',
      'GP-5',
    ]);

    const after = await stored();
    expect(after.plan).toEqual({ frameworkId: TARGET, version: before.plan.version + 1 });
    expect(after.exclusions).toBe(0);
    expect(after.audits).toBe(1);
    const expected = new Map<string, string[]>();
    for (const item of items) {
      const chosen = mappings.find((m) => m.commitmentId === item.commitment.id);
      const codes = chosen
        ? chosen.standardAreaIds.map((id) => targetAreas.find((a) => a.id === id)!.code)
        : item.suggested.map((a) => a.code);
      expected.set(item.commitment.reference, codes.sort());
    }
    const actual = new Map<string, string[]>();
    for (const m of after.mappings)
      actual.set(
        m.commitment.reference,
        [...(actual.get(m.commitment.reference) ?? []), m.standardArea.code].sort(),
      );
    expect(actual).toEqual(expected);

    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { planId: dbPlanId, action: 'plan.remapped' },
    });
    const lead = await t.db.prisma.user.findUniqueOrThrow({ where: { email: LEAD } });
    expect(audit.actorUserId).toBe(lead.id);
    expect(audit.before).toMatchObject({
      frameworkId: 'lip-working-2026',
      mappings: { [orphan.reference]: ['SA-12'] },
      notApplicable: { 'SA-11': 'Regional workforce plan' },
    });
    expect(audit.after).toMatchObject({
      frameworkId: TARGET,
      mappings: { [orphan.reference]: ['GP-3'] },
    });
  });
});
