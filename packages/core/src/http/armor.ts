// Limits that refuse abusive documents before execution, shared by yoga and the in-process execute.
import type { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';

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
} as const;

export const armorConfig: GraphQLArmorConfig = {
  maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
  maxAliases: { n: limits.maxAliases },
  maxDirectives: { n: limits.maxDirectives },
  maxTokens: { n: limits.maxTokens },
  costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
  blockFieldSuggestion: { enabled: true },
};
