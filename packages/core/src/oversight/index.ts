// The oversight feature: GraphQL in schema.ts, logic in the other modules (decisions 009 and 025).
export { addOversightTypes } from './schema.ts';
export { oversightScopeOf, type OversightScope } from './scope.ts';
