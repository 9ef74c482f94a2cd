// Who may introspect the schema at /graphql. The schema is published in the repository
// (packages/core/schema.graphql) for developers, so production need not hand it to anonymous callers.
import { createGraphQLError } from 'graphql-yoga';
import { Kind, parse, visit } from 'graphql';

/** `anonymous`: anyone; `signed-in` (default): signed-in callers only; `off`: nobody over HTTP. */
export type IntrospectionPolicy = 'anonymous' | 'signed-in' | 'off';

export const INTROSPECTION_POLICIES: readonly IntrospectionPolicy[] = [
  'anonymous',
  'signed-in',
  'off',
];

/** Reads GRAPHQL_INTROSPECTION; unset means `signed-in`; anything unknown stops the server at start. */
export function parseIntrospectionPolicy(value: string | undefined): IntrospectionPolicy {
  if (!value) return 'signed-in';
  const policy = INTROSPECTION_POLICIES.find((candidate) => candidate === value.trim());
  if (!policy)
    throw new Error(
      `GRAPHQL_INTROSPECTION must be one of ${INTROSPECTION_POLICIES.join(', ')} (got "${value}")`,
    );
  return policy;
}

/** Whether a document selects `__schema` or `__type` anywhere (`__typename` is not introspection). */
export function usesIntrospection(query: string): boolean {
  if (!/__(schema|type)\b/.test(query)) return false; // cheap test first: almost no request has it
  let found = false;
  try {
    visit(parse(query, { noLocation: true }), {
      [Kind.FIELD](node) {
        if (node.name.value === '__schema' || node.name.value === '__type') found = true;
      },
    });
  } catch {
    return false; // a syntax error is reported by the ordinary parse, with its ordinary message
  }
  return found;
}

export function introspectionRefused(policy: IntrospectionPolicy) {
  const message =
    policy === 'off'
      ? 'GraphQL introspection is turned off on this server. The schema is published in the repository (packages/core/schema.graphql).'
      : 'GraphQL introspection is only open to signed-in users. Sign in, or read the schema published in the repository (packages/core/schema.graphql).';
  return createGraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
