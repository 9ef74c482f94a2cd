// The live feature: GraphQL in schema.ts, logic in the other modules (docs/decisions/009).
export { addLiveTypes } from './schema.ts';
export { createLiveBus, type LiveBus, type LiveOptions } from './bus.ts';
export { announcingAfterCommit } from './after-commit.ts';
export { PLAN_EVENT_KINDS, type PlanEventInput, type PlanEventKind } from './events.ts';
