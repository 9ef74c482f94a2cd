// The settings directory feature: GraphQL in schema.ts, logic in the other modules (decision 009).
export { addSettingsTypes } from './schema.ts';
export { tailoredListOf } from './snapshot.ts';
