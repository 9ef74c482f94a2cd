// Polarity-aware RAG for one target (docs/api-metrics.md "RAG"): the one rule in @lip/statistics,
// shared with frozen plan versions so the dashboard and a published plan never disagree.
export { ragStatus } from '@lip/statistics';
export type { Rag as RagValue } from '@lip/statistics';
