// Targets of a plan's metrics: the form's context, its values and their checks, and the GraphQL
// documents. Values stay text (decimals as the API takes them) so a form re-shows what was typed.
import type { AppLoadContext } from '@remix-run/node';
import { graphql, MUTATION_ERROR, type ResultOf } from '../graphql.ts';
import { gql } from './graphql.server.ts';
import { notFound, requireViewer } from './outcome.server.ts';
import type { FormFields } from './form.server.ts';
import { DASHBOARD_TARGET_FIELDS } from '../components/metrics/fragments.ts';
import type { TargetValues } from '../components/metrics/TargetForm.tsx';

/** A target as its own pages read it: what the dashboard shows, and what changing it takes. */
export const TARGET_FIELDS = graphql(
  `
    fragment TargetFields on MetricTarget {
      ...DashboardTargetFields
      version
      commentaryByName
      commentaryAt
      ownerOrganisation {
        id
      }
    }
  `,
  [DASHBOARD_TARGET_FIELDS],
);

export type TargetRecord = ResultOf<typeof TARGET_FIELDS>;

const QUERY = graphql(
  `
    query TargetPage($id: ID!) {
      viewer {
        id
      }
      plan(id: $id) {
        id
        title
        viewerCanEdit
        partnership {
          id
          slug
          name
          organisations {
            id
            name
          }
          metrics {
            id
            title
            theme
            unit
            isLocal
          }
        }
        metricTargets {
          ...TargetFields
        }
      }
    }
  `,
  [TARGET_FIELDS],
);

/** The plan with what a target form needs; with `targetId`, that target too (404 unless in this plan). */
export async function loadTargetContext(
  context: AppLoadContext,
  request: Request,
  planId: string,
  targetId?: string,
) {
  const data = requireViewer(request, await gql(context, QUERY, { id: planId }));
  if (!data.plan) notFound();
  const { metricTargets, ...plan } = data.plan;
  const target = targetId ? metricTargets.find((t) => t.id === targetId) : undefined;
  if (targetId && !target) notFound();
  return { plan, target: target ?? null };
}

export function targetValuesFromForm(form: FormFields): TargetValues {
  return {
    metricId: form.text('metricId'),
    ownerOrganisationId: form.text('ownerOrganisationId'),
    baselineValue: form.text('baselineValue'),
    baselinePeriod: form.text('baselinePeriod'),
    targetValue: form.text('targetValue'),
    targetPeriod: form.text('targetPeriod'),
  };
}

/**
 * What the form must have before the API can be asked: the boxes the mutation cannot take empty,
 * and a baseline's period with its value. How a value or period must be written is the API's rule
 * (numbers, and periods in the metric's period type): its ValidationError is shown as it is.
 */
export function targetErrors(values: TargetValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.metricId) errors.metricId = 'Select a metric';
  if (values.baselineValue && !values.baselinePeriod)
    errors.baselinePeriod = 'Enter the period of the baseline';
  if (!values.targetValue) errors.targetValue = 'Enter the target value';
  if (!values.targetPeriod) errors.targetPeriod = 'Enter the period the target is for';
  return errors;
}

/** The values as the mutations' input fields (empty optional fields as null). */
export function targetInput(values: TargetValues) {
  return {
    ownerOrganisationId: values.ownerOrganisationId || null,
    baselineValue: values.baselineValue || null,
    baselinePeriod: values.baselinePeriod || null,
    targetValue: values.targetValue,
    targetPeriod: values.targetPeriod,
  };
}

export const CREATE_TARGET = graphql(
  `
    mutation CreateMetricTarget($input: CreateMetricTargetInput!) {
      result: createMetricTarget(input: $input) {
        __typename
        ... on MutationCreateMetricTargetSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

/** What a change to a target answers when refused: the error, and the target as it now is on a conflict. */
const TARGET_MUTATION_ERROR = graphql(
  `
    fragment TargetMutationError on Error {
      ...MutationError
      ... on MetricTargetConflictError {
        current {
          ...TargetFields
        }
      }
    }
  `,
  [MUTATION_ERROR, TARGET_FIELDS],
);

export const UPDATE_TARGET = graphql(
  `
    mutation UpdateMetricTarget($input: UpdateMetricTargetInput!) {
      result: updateMetricTarget(input: $input) {
        __typename
        ... on MutationUpdateMetricTargetSuccess {
          data {
            id
          }
        }
        ...TargetMutationError
      }
    }
  `,
  [TARGET_MUTATION_ERROR],
);

export const UPDATE_COMMENTARY = graphql(
  `
    mutation UpdateTargetCommentary($input: UpdateTargetCommentaryInput!) {
      result: updateTargetCommentary(input: $input) {
        __typename
        ... on MutationUpdateTargetCommentarySuccess {
          data {
            id
          }
        }
        ...TargetMutationError
      }
    }
  `,
  [TARGET_MUTATION_ERROR],
);
