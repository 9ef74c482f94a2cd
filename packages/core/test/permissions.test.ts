// The permission matrix: every demo role × operation × section × plan state, through the API.
import type { MemberRole, PlanState } from '@lip/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decide, type Operation, type RequestContext } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE, PLAN, UPDATE, type MutationResult, type PlanData } from './support/queries.ts';

const SECTIONS = ['education', 'health', 'care', 'alternative-provision'] as const;
type SectionKey = (typeof SECTIONS)[number];

/** What each demo account may write in a draft Northshire plan: the expected answer, written out. */
const MATRIX: Record<string, { writes: readonly SectionKey[] } | 'not-found'> = {
  'lead@northshire.example': { writes: SECTIONS },
  'icb@northshire.example': { writes: ['health'] },
  'education@northshire.example': { writes: ['education'] },
  'care@northshire.example': { writes: ['care'] },
  'ap@northshire.example': { writes: ['alternative-provision'] },
  'forum@northshire.example': { writes: [] },
  'viewer@northshire.example': { writes: [] },
  'lead@southvale.example': 'not-found',
};

let t: TestCore;
let plan: PlanData['partnerships']['edges'][number]['node']['plans']['edges'][number]['node'];

beforeAll(async () => {
  t = await bootCore();
  const lead = await t.as('lead@northshire.example');
  plan = (await t.run<PlanData>(lead, PLAN)).partnerships.edges[0]!.node.plans.edges[0]!.node;
});
afterAll(() => t?.close());

async function currentVersion(commitmentId: string): Promise<number> {
  const data = await t.run<{ commitment: { version: number } }>(
    await t.as('lead@northshire.example'),
    'query($id: ID!) { commitment(id: $id) { version } }',
    { id: commitmentId },
  );
  return data.commitment.version;
}

const expected = (email: string, section: SectionKey) => {
  const row = MATRIX[email]!;
  if (row === 'not-found') return 'NotFoundError';
  return row.writes.includes(section) ? 'success' : 'ForbiddenError';
};

describe('in a draft plan', () => {
  for (const email of Object.keys(MATRIX)) {
    for (const section of SECTIONS) {
      const outcome = expected(email, section);
      test(`${email} creating and updating a commitment in ${section}: ${outcome}`, async () => {
        const ctx = await t.as(email);
        const created = await t.core.execute<MutationResult>({
          document: CREATE,
          variables: { input: { planId: plan.id, sectionKey: section, title: `By ${email}` } },
          context: ctx,
        });
        expect(created.errors).toBeUndefined();
        const target = plan.sections.find((s) => s.key === section)!.commitments.edges[0]!.node.id;
        const updated = await t.core.execute<MutationResult>({
          document: UPDATE,
          variables: { input: { id: target, version: await currentVersion(target), title: `Edited by ${email}` } },
          context: ctx,
        });
        expect(updated.errors).toBeUndefined();
        for (const { result } of [created.data!, updated.data!]) {
          if (outcome === 'success') expect(result.__typename).toMatch(/^Mutation\w+Success$/);
          else expect(result.__typename).toBe(outcome);
        }

        // What the API tells the UI agrees with what it enforces.
        if (outcome !== 'NotFoundError') {
          const seen = (await t.run<PlanData>(ctx, PLAN)).partnerships.edges[0]!.node.plans.edges[0]!.node;
          const s = seen.sections.find((x) => x.key === section)!;
          expect(s.viewerCanEdit).toBe(outcome === 'success');
          expect(s.commitments.edges[0]!.node.viewerCanEdit).toBe(outcome === 'success');
        }
      });
    }
  }
});

describe('once the plan is no longer a draft', () => {
  test('nobody writes, not even the lead', async () => {
    await t.db.prisma.plan.updateMany({ where: { id: { not: '' } }, data: { state: 'PARTNER_REVIEW' } });
    try {
      for (const email of ['lead@northshire.example', 'icb@northshire.example']) {
        const ctx = await t.as(email);
        const created = await t.core.execute<MutationResult>({
          document: CREATE,
          variables: { input: { planId: plan.id, sectionKey: 'health', title: 'Too late' } },
          context: ctx,
        });
        expect(created.data!.result).toMatchObject({
          __typename: 'ForbiddenError',
          message: 'This plan is no longer a draft, so it cannot be changed',
        });
      }
    } finally {
      await t.db.prisma.plan.updateMany({ where: { id: { not: '' } }, data: { state: 'DRAFT' } });
    }
  });
});

describe('decide(): the rules on their own, for every role and state', () => {
  const ROLES: MemberRole[] = ['PARTNERSHIP_LEAD', 'SECTION_EDITOR', 'CONTRIBUTOR', 'SIGNATORY', 'VIEWER'];
  const STATES: PlanState[] = ['DRAFT', 'PARTNER_REVIEW', 'SIGNED_OFF', 'PUBLISHED', 'SUPERSEDED'];
  const OPERATIONS: Operation[] = ['plan:read', 'plan:edit', 'commitment:create', 'commitment:update', 'section:update'];
  const ctxFor = (role: MemberRole, organisationTypeCode: string): RequestContext => ({
    user: { id: 'u', email: 'u@example.com', name: 'U', isSystemAdmin: false },
    sessionId: 's',
    memberships: new Map([
      ['p1', { memberId: 'm', partnershipId: 'p1', organisationId: 'o', organisationTypeCode, roles: [role] }],
    ]),
  });
  const section = { ownerOrganisationTypes: ['integrated-care-board'] };

  for (const role of ROLES) {
    for (const state of STATES) {
      for (const operation of OPERATIONS) {
        for (const orgType of ['integrated-care-board', 'local-authority-education']) {
          const ownsSection = orgType === 'integrated-care-board';
          const allowed =
            operation === 'plan:read' ||
            (state === 'DRAFT' &&
              (role === 'PARTNERSHIP_LEAD' ||
                (role === 'SECTION_EDITOR' && ownsSection && operation !== 'plan:edit')));
          test(`${role} at ${orgType}, ${operation}, ${state}: ${allowed ? 'allowed' : 'refused'}`, () => {
            const ctx = ctxFor(role, orgType);
            expect(decide(ctx, operation, { partnershipId: 'p1', planState: state, section }).allowed).toBe(allowed);
            // Another partnership: always "not found", never "forbidden".
            const other = decide(ctx, operation, { partnershipId: 'p2', planState: state, section });
            expect(other.allowed ? null : other.error.name).toBe('NotFoundError');
          });
        }
      }
    }
  }
});
