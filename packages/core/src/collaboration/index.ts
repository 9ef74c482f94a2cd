// The collaboration feature: GraphQL in schema.ts, logic in the other modules (docs/decisions/010).
export { addCollaborationTypes } from './schema.ts';
