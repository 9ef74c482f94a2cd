// Partnership creation and invitations by email: GraphQL in schema.ts, logic in the other modules.
export { addInvitationTypes } from './schema.ts';
export { parsePublicUrl, PublicUrlError } from './links.ts';
export type { InvitationServices } from './issue.ts';
