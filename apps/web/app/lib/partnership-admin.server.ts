// The partnership management pages are the lead's only (the API refuses anyone else too): a
// member who is not a lead gets the 403 page, a non-member the 404 page (the query finds nothing).
import { forbidden, invariantResponse } from './outcome.server.ts';

export function requireLead<T extends { viewerIsLead: boolean }>(
  partnership: T | null | undefined,
): T {
  invariantResponse(partnership);
  if (!partnership.viewerIsLead) forbidden('Only a partnership lead can manage the partnership');
  return partnership;
}
