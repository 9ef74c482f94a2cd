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

/**
 * Reads an `ownerMemberId` input as checkOwnerOrganisation does. The person must be a member of the
 * partnership and, when the commitment has an owner organisation (`organisationId`: the one it will
 * have after this write), work for that organisation. `organisationName` names it in the message.
 */
export async function checkOwnerMember(
  host: CoreHost,
  partnershipId: string,
  globalId: string | null | undefined,
  organisationId: string | null,
  errors: FieldError[],
): Promise<string | null | undefined> {
  if (globalId === undefined || globalId === null) return globalId;
  const memberId = idOf('Member', globalId);
  const member = memberId
    ? await host.prisma.member.findFirst({ where: { id: memberId, partnershipId } })
    : null;
  if (!member) {
    errors.push({ path: ['ownerMemberId'], message: 'Choose a member of this partnership' });
    return undefined;
  }
  if (organisationId !== null && member.organisationId !== organisationId) {
    const organisation = await host.prisma.organisation.findUnique({
      where: { id: organisationId },
      select: { name: true },
    });
    errors.push({
      path: ['ownerMemberId'],
      message: `Choose someone from ${organisation?.name ?? 'the owner organisation'}, or change the owner organisation`,
    });
    return undefined;
  }
  return member.id;
}
