// Shared steps of the lifecycle, sign-off, version and publication tests, all through the API.
import { expect } from 'vitest';
import type { TestCore } from './core.ts';

export const LEAD = 'lead@northshire.example';
export const EDUCATION = 'education@northshire.example';
export const CARE = 'care@northshire.example';
export const ICB = 'icb@northshire.example';
export const FORUM = 'forum@northshire.example';

export interface MutationOutcome<T = Record<string, unknown>> {
  __typename: string;
  message?: string;
  data?: T;
  fieldErrors?: { path: string[]; message: string }[];
  blockers?: { kind: string; message: string; standardAreaCode: string | null }[];
  current?: { id: string; state: string };
}

const OUTCOME = `__typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }`;
const BLOCKED = `... on SubmissionBlockedError { blockers { kind message standardAreaCode } }`;
const CONFLICT = `... on PlanStateConflictError { current { id state } }`;

/** The Northshire demo plan's global id and its framework's areas. */
export async function northshirePlan(
  t: TestCore,
): Promise<{ planId: string; areas: { id: string; code: string }[] }> {
  const data = await t.run<{
    partnerships: {
      edges: {
        node: {
          slug: string;
          plans: {
            edges: { node: { id: string; framework: { areas: { id: string; code: string }[] } } }[];
          };
        };
      }[];
    };
  }>(
    await t.as(LEAD),
    `{ partnerships { edges { node { slug plans { edges { node { id framework { areas { id code } } } } } } } } }`,
  );
  const partnership = data.partnerships.edges.find((e) => e.node.slug === 'northshire')!.node;
  const plan = partnership.plans.edges[0]!.node;
  return { planId: plan.id, areas: plan.framework.areas };
}

/**
 * The demo plan has standard areas no commitment covers yet (the test plugins have no readiness
 * checks and there are no red metrics). The quickest honest way to make it submittable is what a
 * lead would do: mark each uncovered area not applicable, through the API.
 */
export async function clearSubmissionBlockers(
  t: TestCore,
  planId: string,
  areas: { id: string; code: string }[],
): Promise<void> {
  const lead = await t.as(LEAD);
  const { plan } = await t.run<{
    plan: { submissionBlockers: { kind: string; standardAreaCode: string | null }[] };
  }>(lead, `query($id: ID!) { plan(id: $id) { submissionBlockers { kind standardAreaCode } } }`, {
    id: planId,
  });
  for (const blocker of plan.submissionBlockers) {
    expect(blocker.kind).toBe('STANDARD_AREA_UNCOVERED');
    const area = areas.find((a) => a.code === blocker.standardAreaCode)!;
    const { result } = await t.run<{ result: MutationOutcome }>(
      lead,
      `mutation($input: MarkStandardAreaNotApplicableInput!) { result: markStandardAreaNotApplicable(input: $input) { ${OUTCOME} } }`,
      {
        input: {
          planId,
          standardAreaId: area.id,
          reason: 'Covered by the neighbouring partnership’s plan (test setup)',
        },
      },
    );
    expect(result.__typename).toBe('MutationMarkStandardAreaNotApplicableSuccess');
  }
}

export async function mutate<T = Record<string, unknown>>(
  t: TestCore,
  email: string,
  mutation: 'submitPlan' | 'withdrawPlan' | 'publishPlan' | 'startRevision' | 'recordSignOff',
  input: Record<string, unknown>,
  selection = 'id state',
): Promise<MutationOutcome<T>> {
  const inputType = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
  const success = `Mutation${inputType.replace(/Input$/, '')}Success`;
  const { result } = await t.run<{ result: MutationOutcome<T> }>(
    await t.as(email),
    `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${OUTCOME} ${CONFLICT}
      ${mutation === 'submitPlan' ? BLOCKED : ''} ... on ${success} { data { ${selection} } } } }`,
    { input },
  );
  return result;
}

export interface SignatoryView {
  kind: 'SIGN_OFF' | 'ACKNOWLEDGEMENT';
  organisation: { id: string; name: string; typeCode: string };
  signOff: { decision: string } | null;
  viewerCanRecord: boolean;
}

export async function signatories(
  t: TestCore,
  email: string,
  planId: string,
): Promise<SignatoryView[]> {
  const { plan } = await t.run<{ plan: { signatories: SignatoryView[] } }>(
    await t.as(email),
    `query($id: ID!) { plan(id: $id) { signatories { kind organisation { id name typeCode } signOff { decision } viewerCanRecord } } }`,
    { id: planId },
  );
  return plan.signatories;
}

/** The organisation each demo signatory signs for. */
export const SIGNS_FOR: Record<string, string> = {
  [EDUCATION]: 'local-authority-education',
  [CARE]: 'local-authority-social-care',
  [ICB]: 'integrated-care-board',
  [FORUM]: 'parent-carer-forum',
};

export async function signOff(
  t: TestCore,
  email: string,
  planId: string,
  versionNumber: number,
  decision: string,
  more: Record<string, unknown> = {},
): Promise<MutationOutcome<{ id: string; decision: string }>> {
  const organisation = (await signatories(t, LEAD, planId)).find(
    (s) => s.organisation.typeCode === SIGNS_FOR[email],
  )!.organisation;
  return mutate(
    t,
    email,
    'recordSignOff',
    {
      planId,
      versionNumber,
      organisationId: organisation.id,
      decision,
      signatoryName: 'Sam Reed',
      signatoryRole: 'Director',
      forum: 'Partnership board, 12 March 2027',
      decidedOn: '2027-03-12',
      ...more,
    },
    'id decision',
  );
}

/** Submits, then every signatory approves and the forum acknowledges: the plan is SIGNED_OFF. */
export async function submitAndSignOff(t: TestCore, planId: string): Promise<number> {
  const submitted = await mutate(
    t,
    LEAD,
    'submitPlan',
    { planId },
    'id state currentVersion { number }',
  );
  expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');
  const number = (submitted.data as { currentVersion: { number: number } }).currentVersion.number;
  for (const email of [EDUCATION, CARE, ICB])
    expect((await signOff(t, email, planId, number, 'APPROVED')).__typename).toBe(
      'MutationRecordSignOffSuccess',
    );
  expect((await signOff(t, FORUM, planId, number, 'ACKNOWLEDGED')).__typename).toBe(
    'MutationRecordSignOffSuccess',
  );
  return number;
}

export async function auditActions(t: TestCore, planId: string, action: string): Promise<number> {
  const dbId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
  return t.db.prisma.auditEvent.count({ where: { planId: dbId, action } });
}
