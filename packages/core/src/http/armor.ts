// Limits that refuse abusive documents before execution, shared by yoga and the in-process execute.
import type { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';

type GraphQLArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;

export const limits = {
  maxDepth: 15,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: 10000,
  /** Bytes of a POST body (document + variables). */
  maxBodyBytes: 100_000,
  /** Characters of a GET URL. */
  maxUrlLength: 16_000,
  /** Operations in one batched request. */
  maxBatch: 10,
  /** Items in a connection page when `first`/`last` is not given, and at most. */
  defaultPageSize: 500,
  maxPageSize: 1000,
} as const;

// A refusal is reported as an ordinary validation error instead of thrown, so yoga answers 400
// (a thrown error would be a 200 with an error) and `execute` returns it like any other.
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

export const armorConfig: GraphQLArmorConfig = {
  maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...report },
  maxAliases: { n: limits.maxAliases, ...report },
  maxDirectives: { n: limits.maxDirectives, ...report },
  maxTokens: { n: limits.maxTokens },
  costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...report },
  blockFieldSuggestion: { enabled: true },
};
