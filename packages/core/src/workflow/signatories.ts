// Who is expected to decide on a plan's version: the partnership's signing organisations sign off,
// its parent carer forum(s) acknowledge. A leaf module, so the submission (which mails them) and the
// sign-off rules can both read it without importing each other.
import type { Organisation, Prisma } from '@lip/db';

export const PARENT_CARER_FORUM = 'parent-carer-forum';

export type SignatoryKind = 'SIGN_OFF' | 'ACKNOWLEDGEMENT';

export interface ExpectedSignatory {
  organisation: Organisation;
  kind: SignatoryKind;
}

/** Signing organisations (isSignatory) decide; the parent carer forum(s) acknowledge. By name. */
export async function expectedSignatories(
  db: Prisma.TransactionClient,
  partnershipId: string,
): Promise<ExpectedSignatory[]> {
  const links = await db.partnershipOrganisation.findMany({
    where: {
      partnershipId,
      OR: [{ isSignatory: true }, { organisation: { typeCode: PARENT_CARER_FORUM } }],
    },
    include: { organisation: true },
  });
  return links
    .map((link) => ({
      organisation: link.organisation,
      kind: (link.organisation.typeCode === PARENT_CARER_FORUM
        ? 'ACKNOWLEDGEMENT'
        : 'SIGN_OFF') as SignatoryKind,
    }))
    .sort((a, b) =>
      a.kind === b.kind
        ? a.organisation.name.localeCompare(b.organisation.name)
        : a.kind === 'SIGN_OFF'
          ? -1
          : 1,
    );
}
