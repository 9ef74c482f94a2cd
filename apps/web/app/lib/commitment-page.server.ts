/** Loading and saving for the commitment pages (create and edit share all of it). */
import type { ActionFunctionArgs } from '@remix-run/node';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import type { CommitmentValues } from './commitment-form.ts';
import { invariantResponse } from './outcome.server.ts';
import { queryPlan } from './plan-query.server.ts';
import { sectionVariables } from './plan/query-page.server.ts';

/** What the commitment pages read of a commitment (CommitmentData in commitment-form.ts). */
export const COMMITMENT_FIELDS_FRAGMENT = graphql(`
  fragment CommitmentFields on Commitment {
    id
    reference
    title
    description
    ownerOrganisation {
      id
      name
    }
    ownerMember {
      id
    }
    needAreas
    phase
    supportLayer
    progress
    rating
    leadOfficer
    startDate
    dueDate
    standards {
      id
      code
      title
    }
    version
    updatedAt
    viewerCanEdit
    section {
      key
    }
    plan {
      id
    }
  }
`);

export const FORM_CONTEXT_QUERY = graphql(
  `
    query CommitmentFormContext($planId: ID!, $key: String!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        partnership {
          organisations {
            id
            name
          }
          members {
            id
            user {
              name
            }
            organisation {
              id
              name
            }
          }
        }
        framework {
          id
          areas {
            id
            code
            title
            position
          }
        }
        section(key: $key) {
          key
          title
          viewerCanEdit
        }
      }
    }
  `,
  [PLAN_HEADING],
);

/** The plan, its section and what the form offers (organisations, standard areas in order); 404 unless the section exists. */
export async function loadFormContext({
  request,
  params,
  context,
}: Pick<ActionFunctionArgs, 'request' | 'params' | 'context'>) {
  const plan = await queryPlan(request, context, FORM_CONTEXT_QUERY, sectionVariables(params));
  invariantResponse(plan.section);
  const areas = [...plan.framework.areas].sort((a, b) => a.position - b.position);
  return { plan: { ...plan, framework: { ...plan.framework, areas }, section: plan.section } };
}

export interface CommitmentActionData {
  values: CommitmentValues;
  errors: Record<string, string>;
  version?: number;
  baseline?: CommitmentValues;
  /** `fields`: what both the person and someone else changed (COMMITMENT_FIELDS names). */
  conflict?: { yours: CommitmentValues; saved: CommitmentValues; fields: string[] };
}

/**
 * The commitment the address names, if it is in the plan and section the address names too: a
 * commitment of another plan or section answers as not found, like one that does not exist.
 */
export function commitmentHere<C extends { plan: { id: string }; section: { key: string } }>(
  commitment: C | null | undefined,
  plan: { id: string; section: { key: string } | null },
): C {
  invariantResponse(
    commitment &&
      plan.section &&
      commitment.plan.id === plan.id &&
      commitment.section.key === plan.section.key,
  );
  return commitment;
}
