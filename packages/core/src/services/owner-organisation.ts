// The owner of a commitment or a metric target must be one of the partnership's organisations.
import type { FieldError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';

/**
 * Reads an `ownerOrganisationId` input: undefined leaves the owner as it is (returns undefined),
 * null clears it (returns null), a global id must name an organisation of the partnership (returns
 * its database id; otherwise adds a field error to `errors` and returns undefined).
 */
export async function checkOwnerOrganisation(
  host: CoreHost,
  partnershipId: string,
  globalId: string | null | undefined,
  errors: FieldError[],
): Promise<string | null | undefined> {
  if (globalId === undefined || globalId === null) return globalId;
  const organisationId = idOf('Organisation', globalId);
  const link = organisationId
    ? await host.prisma.partnershipOrganisation.findUnique({
        where: { partnershipId_organisationId: { partnershipId, organisationId } },
      })
    : null;
  if (link) return link.organisationId;
  errors.push({
    path: ['ownerOrganisationId'],
    message: 'Choose an organisation in this partnership',
  });
  return undefined;
}
