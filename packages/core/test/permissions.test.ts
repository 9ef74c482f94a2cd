// The permission matrix: every demo role × operation × section × plan state, through the API.
import type { MemberRole, PlanState } from '@lip/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decide, type Operation, type RequestContext } from '../src/index.ts';
import { OPERATIONS } from '../src/auth/permissions.ts';
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
          variables: {
            input: {
              id: target,
              version: await currentVersion(target),
              title: `Edited by ${email}`,
            },
          },
          context: ctx,
        });
        expect(updated.errors).toBeUndefined();
        for (const { result } of [created.data!, updated.data!]) {
          if (outcome === 'success') expect(result.__typename).toMatch(/^Mutation\w+Success$/);
          else expect(result.__typename).toBe(outcome);
        }

        // What the API tells the UI agrees with what it enforces.
        if (outcome !== 'NotFoundError') {
          const seen = (await t.run<PlanData>(ctx, PLAN)).partnerships.edges[0]!.node.plans
            .edges[0]!.node;
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
    await t.db.prisma.plan.updateMany({
      where: { id: { not: '' } },
      data: { state: 'PARTNER_REVIEW' },
    });
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

/** What must hold, besides role and plan state, for an operation to be allowed. */
type Condition =
  /** Nothing more. */
  | 'always'
  /** The member's organisation owns the section written to. */
  | 'own-section'
  /** The organisation concerned (signed for, or owning the target) is the member's. */
  | 'own-organisation'
  /** The member wrote the comment thread. */
  | 'author';

const ROLES: readonly MemberRole[] = [
  'PARTNERSHIP_LEAD',
  'SECTION_EDITOR',
  'CONTRIBUTOR',
  'SIGNATORY',
  'VIEWER',
];
const STATES: readonly PlanState[] = [
  'DRAFT',
  'PARTNER_REVIEW',
  'SIGNED_OFF',
  'PUBLISHED',
  'SUPERSEDED',
];
const ANY_STATE = STATES;
const PARTICIPANTS = {
  PARTNERSHIP_LEAD: ['always'],
  SECTION_EDITOR: ['always'],
  CONTRIBUTOR: ['always'],
  SIGNATORY: ['always'],
} as const;
const SECTION_WRITERS = { PARTNERSHIP_LEAD: ['always'], SECTION_EDITOR: ['own-section'] } as const;

/**
 * The expected answer for every operation, written out: the plan states it may happen in, and per
 * role what else must hold (a role not listed may never do it). A member with several roles may do
 * what any of them may.
 */
const RULES: Record<
  Operation,
  { states: readonly PlanState[]; roles: Partial<Record<MemberRole, readonly Condition[]>> }
> = {
  'plan:read': { states: ANY_STATE, roles: { ...PARTICIPANTS, VIEWER: ['always'] } },
  'plan:edit': { states: ['DRAFT'], roles: { PARTNERSHIP_LEAD: ['always'] } },
  'commitment:create': { states: ['DRAFT'], roles: SECTION_WRITERS },
  'commitment:update': { states: ['DRAFT'], roles: SECTION_WRITERS },
  'section:update': { states: ['DRAFT'], roles: SECTION_WRITERS },
  'plan:submit': { states: ['DRAFT'], roles: { PARTNERSHIP_LEAD: ['always'] } },
  'plan:withdraw': { states: ['PARTNER_REVIEW'], roles: { PARTNERSHIP_LEAD: ['always'] } },
  'plan:sign': { states: ['PARTNER_REVIEW'], roles: { SIGNATORY: ['own-organisation'] } },
  'plan:publish': { states: ['SIGNED_OFF'], roles: { PARTNERSHIP_LEAD: ['always'] } },
  'plan:revise': { states: ['PUBLISHED'], roles: { PARTNERSHIP_LEAD: ['always'] } },
  'comment:create': { states: ANY_STATE, roles: PARTICIPANTS },
  'comment:resolve': {
    states: ANY_STATE,
    roles: {
      PARTNERSHIP_LEAD: ['always'],
      SECTION_EDITOR: ['own-section', 'author'],
      CONTRIBUTOR: ['author'],
      SIGNATORY: ['author'],
      VIEWER: ['author'],
    },
  },
  'coproduction:edit': {
    states: ANY_STATE,
    roles: { PARTNERSHIP_LEAD: ['always'], SECTION_EDITOR: ['always'] },
  },
  'metrics:manage': { states: ANY_STATE, roles: { PARTNERSHIP_LEAD: ['always'] } },
  'target:comment': {
    states: ['DRAFT'],
    roles: { PARTNERSHIP_LEAD: ['always'], SECTION_EDITOR: ['own-organisation'] },
  },
};

type Facts = Record<Condition, boolean>;

function expectedAllowed(
  operation: Operation,
  roles: readonly MemberRole[],
  state: PlanState,
  facts: Facts,
): boolean {
  const rule = RULES[operation];
  return (
    rule.states.includes(state) &&
    roles.some((role) => (rule.roles[role] ?? []).some((condition) => facts[condition]))
  );
}

test('the rules above name every operation there is', () => {
  expect(Object.keys(RULES).sort()).toEqual([...OPERATIONS].sort());
});

describe('decide(): the rules on their own, for every operation, role and state', () => {
  const ctxFor = (role: MemberRole, organisationId: string): RequestContext => ({
    user: { id: 'u', email: 'u@example.com', name: 'U', isSystemAdmin: false },
    sessionId: 's',
    memberships: new Map([
      [
        'p1',
        {
          memberId: 'm',
          partnershipId: 'p1',
          organisationId,
          organisationTypeCode: 'integrated-care-board',
          roles: [role],
        },
      ],
    ]),
  });
  // The section is written by organisation "o-writes"; the member belongs to it or to "o".
  const section = { ownerOrganisationId: 'o-writes' };
  // Every combination of the facts that decide() can be told.
  const variants: Facts[] = [];
  for (const ownSection of [true, false]) {
    for (const ownOrganisation of [true, false]) {
      for (const author of [true, false])
        variants.push({
          always: true,
          'own-section': ownSection,
          'own-organisation': ownOrganisation,
          author,
        });
    }
  }

  for (const operation of OPERATIONS) {
    for (const role of ROLES) {
      test(`${operation} by ${role}`, () => {
        for (const state of STATES) {
          for (const facts of variants) {
            const memberOrganisation = facts['own-section'] ? 'o-writes' : 'o';
            const ctx = ctxFor(role, memberOrganisation);
            const subject = {
              planState: state,
              planArchived: false,
              section,
              organisationId: facts['own-organisation']
                ? memberOrganisation
                : 'another-organisation',
              authorUserId: facts.author ? 'u' : 'someone-else',
            };
            const decision = decide(ctx, operation, { partnershipId: 'p1', ...subject });
            const expected = expectedAllowed(operation, [role], state, facts);
            expect(decision.allowed, `${state} ${JSON.stringify(facts)}`).toBe(expected);
            // An archived plan is read, never changed, whoever asks and whatever its state.
            const archived = decide(ctx, operation, {
              partnershipId: 'p1',
              ...subject,
              planArchived: true,
            });
            expect(archived.allowed, `archived, ${state} ${JSON.stringify(facts)}`).toBe(
              operation === 'plan:read',
            );
            if (!archived.allowed) {
              expect(archived.error.message).toBe('This plan is archived, so it cannot be changed');
            }
            // A refusal inside the partnership is explained; it never pretends the plan is missing.
            if (!decision.allowed) {
              expect(decision.error.name).toBe('ForbiddenError');
              expect(decision.error.message.length).toBeGreaterThan(10);
            }
            // Another partnership: always "not found", never "forbidden".
            const other = decide(ctx, operation, { partnershipId: 'p2', ...subject });
            expect(other.allowed ? null : other.error.name).toBe('NotFoundError');
          }
        }
      });
    }
  }
});

describe('Plan.viewerCan agrees with the rules, for every demo account and plan state', () => {
  const VIEWER_CAN = /* GraphQL */ `
    query ($id: ID!) {
      plan(id: $id) {
        ... on Plan {
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
  const ACTIONS = {
    submit: 'plan:submit',
    withdraw: 'plan:withdraw',
    publish: 'plan:publish',
    revise: 'plan:revise',
    edit: 'plan:edit',
    comment: 'comment:create',
  } as const satisfies Record<string, Operation>;

  for (const state of STATES) {
    test(`in a plan that is ${state}`, async () => {
      await t.db.prisma.plan.updateMany({ where: { id: { not: '' } }, data: { state } });
      try {
        for (const email of Object.keys(MATRIX)) {
          const data = await t.run<{ plan: { viewerCan: Record<string, boolean> } | null }>(
            await t.as(email),
            VIEWER_CAN,
            {
              id: plan.id,
            },
          );
          if (MATRIX[email] === 'not-found') {
            expect(data.plan).toBeNull();
            continue;
          }
          const user = await t.db.prisma.user.findUniqueOrThrow({
            where: { email },
            include: { memberships: true },
          });
          const roles = user.memberships[0]!.roles;
          const facts: Facts = {
            always: true,
            'own-section': false,
            'own-organisation': false,
            author: false,
          };
          const expected = Object.fromEntries(
            Object.entries(ACTIONS).map(([action, operation]) => [
              action,
              expectedAllowed(operation, roles, state, facts),
            ]),
          );
          expect(data.plan!.viewerCan, email).toEqual(expected);
        }
      } finally {
        await t.db.prisma.plan.updateMany({ where: { id: { not: '' } }, data: { state: 'DRAFT' } });
      }
    });
  }
});
