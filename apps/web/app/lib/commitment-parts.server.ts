/**
 * The milestone and evidence pages of a commitment: what they read, where they send people back
 * to, and the messages shown there after a change.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { DateParts } from '@lip/ui';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import { partsToIso } from './commitment-form.ts';
import { commitmentHere } from './commitment-page.server.ts';
import { forbidden, invariantResponse } from './outcome.server.ts';
import { queryPlanPage, sectionVariables } from './plan/query-page.server.ts';

/** A commitment's milestones and evidence, as the commitment page and its sub-pages show them. */
export const COMMITMENT_PARTS_FRAGMENT = graphql(`
  fragment CommitmentParts on Commitment {
    milestones {
      id
      title
      dueDate
      completedOn
      isComplete
      isOverdue
      version
    }
    evidence {
      id
      title
      url
      note
      version
      createdAt
      createdByName
    }
  }
`);

const PARTS_QUERY = graphql(
  `
    query CommitmentPartsPage($planId: ID!, $key: String!, $id: ID!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        section(key: $key) {
          key
          title
        }
      }
      commitment(id: $id) {
        id
        reference
        title
        viewerCanEdit
        plan {
          id
        }
        section {
          key
        }
        ...CommitmentParts
      }
    }
  `,
  [PLAN_HEADING, COMMITMENT_PARTS_FRAGMENT],
);

/** /plans/…/sections/…/commitments/… from the route's params. */
export function commitmentPath(params: LoaderFunctionArgs['params']): string {
  return `/plans/${encodeURIComponent(params.planId ?? '')}/sections/${encodeURIComponent(params.sectionKey ?? '')}/commitments/${encodeURIComponent(params.commitmentId ?? '')}`;
}

/**
 * The plan, section and commitment (with its milestones and evidence) of a sub-page: 404 unless the
 * commitment is this plan's and section's; 403 unless the viewer may change it.
 */
export async function loadCommitmentParts({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const { plan, commitment: found } = await queryPlanPage(request, context, PARTS_QUERY, {
    ...sectionVariables(params),
    id: params.commitmentId ?? '',
  });
  const commitment = commitmentHere(found, plan);
  invariantResponse(plan.section);
  if (!commitment.viewerCanEdit)
    forbidden(
      'Only the section’s editors and the partnership lead can change this commitment, while the plan is a draft',
    );
  return { plan: { ...plan, section: plan.section }, commitment, back: commitmentPath(params) };
}

/** What happened, for the banner on the commitment page (`?done=`). */
export const DONE_MESSAGES = {
  'commitment-saved': 'Commitment details saved',
  'milestone-added': 'Milestone added',
  'milestone-changed': 'Milestone changed',
  'milestone-done': 'Milestone marked as done',
  'milestone-not-done': 'Milestone marked as not done',
  'milestone-deleted': 'Milestone deleted',
  'evidence-added': 'Evidence added',
  'evidence-changed': 'Evidence changed',
  'evidence-removed': 'Evidence removed',
} as const;

export type Done = keyof typeof DONE_MESSAGES;

export function doneMessage(searchParams: URLSearchParams): string | null {
  const done = searchParams.get('done');
  return done && done in DONE_MESSAGES ? DONE_MESSAGES[done as Done] : null;
}

/** A required date from a GOV.UK date input: the ISO date, or the message to show. */
export function requiredDate(
  parts: DateParts,
  label: string,
): { ok: true; value: string } | { ok: false; message: string } {
  if (parts.day === '' && parts.month === '' && parts.year === '')
    return { ok: false, message: `Enter the ${label.toLowerCase()}` };
  const result = partsToIso(parts, label);
  return result.ok ? { ok: true, value: result.value ?? '' } : result;
}
