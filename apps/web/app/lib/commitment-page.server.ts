/** Loading and saving for the commitment pages (create and edit share all of it). */
import type { ActionFunctionArgs } from '@remix-run/node';
import type { CommitmentValues } from './commitment-form.ts';
import { gql, notFound, requireViewer } from './graphql.server.ts';

export const FORM_CONTEXT_QUERY = /* GraphQL */ `
  query CommitmentFormContext($planId: ID!, $key: String!) {
    viewer {
      id
    }
    plan(id: $planId) {
      id
      title
      partnership {
        slug
        name
        organisations {
          id
          name
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
`;

export interface FormContext {
  plan: {
    id: string;
    title: string;
    partnership: { slug: string; name: string; organisations: Array<{ id: string; name: string }> };
    framework: {
      id: string;
      areas: Array<{ id: string; code: string; title: string; position: number }>;
    };
    section: { key: string; title: string; viewerCanEdit: boolean };
  };
}

interface FormContextData {
  viewer: { id: string } | null;
  plan:
    | (Omit<FormContext['plan'], 'section'> & { section: FormContext['plan']['section'] | null })
    | null;
}

export async function loadFormContext({
  request,
  params,
  context,
}: Pick<ActionFunctionArgs, 'request' | 'params' | 'context'>): Promise<FormContext> {
  const data = requireViewer(
    request,
    await gql<FormContextData>(context, FORM_CONTEXT_QUERY, {
      planId: params.planId,
      key: params.sectionKey,
    }),
  );
  const plan = data.plan;
  if (!plan?.section) notFound();
  const areas = [...plan.framework.areas].sort((a, b) => a.position - b.position);
  return { plan: { ...plan, framework: { ...plan.framework, areas }, section: plan.section } };
}

export interface CommitmentActionData {
  values: CommitmentValues;
  errors: Record<string, string>;
  version?: number;
  baseline?: CommitmentValues;
  conflict?: { yours: CommitmentValues; saved: CommitmentValues };
}
