/**
 * Typed GraphQL documents. `graphql()` parses a document once, at module load, and types its result
 * and variables from the checked-in schema (packages/core/schema.graphql) through gql.tada's
 * generated introspection (`pnpm generate` writes app/graphql-env.d.ts), so pages never restate the
 * API's types by hand. A document that names a field the schema lacks fails `gql.tada check` (part
 * of `lint`) and leaves its result untyped, so using it fails `tsc`.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Pages render on the server from one query; masking fragments would add readFragment() calls
  // without hiding anything from anyone.
  disableMasking: true;
  scalars: {
    Date: string;
    DateTime: string;
    File: File;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';

/**
 * What every mutation result's error members carry: a message, and ValidationError's field errors
 * (read by `formErrors`). Spread as `...MutationError` beside the success member.
 */
export const MUTATION_ERROR = graphql(`
  fragment MutationError on Error {
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);

/** What a plan page's heading and breadcrumbs show: the plan and its partnership. */
export const PLAN_HEADING = graphql(`
  fragment PlanHeading on Plan {
    id
    title
    partnership {
      slug
      name
    }
  }
`);
