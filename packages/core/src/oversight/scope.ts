// Who oversees what: a person's oversight membership (granted by a service administrator) and the
// partnerships it covers (those of its region, or every partnership when it has none). Read from
// the database on each oversight query, so a grant or a revocation applies from the next request.
import type { PrismaClient } from '@lip/db';
import type { RequestContext } from '../context.ts';
import { regionCode } from '../metrics/geography.ts';

export interface OversightScope {
  membershipId: string;
  /** The team, e.g. "DfE North West region". */
  name: string;
  /** A region name ("North West"); null for all England. */
  region: string | null;
}

/** The viewer's oversight membership; null when signed out or without one. */
export async function oversightScopeOf(
  prisma: PrismaClient,
  ctx: RequestContext,
): Promise<OversightScope | null> {
  if (!ctx.user) return null;
  if (ctx.oversight !== undefined) return ctx.oversight;
  const membership = await prisma.oversightMembership.findUnique({
    where: { userId: ctx.user.id },
    select: { id: true, name: true, region: true },
  });
  return membership
    ? { membershipId: membership.id, name: membership.name, region: membership.region }
    : null;
}

/** Two region names (or ONS codes) for the same region: "North West" = "north west" = "E12000002". */
export function sameRegion(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const [codeA, codeB] = [regionCode(a), regionCode(b)];
  if (codeA && codeB) return codeA === codeB;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether a partnership in `region` is overseen by `scope` (all England covers every one). */
export function covers(scope: Pick<OversightScope, 'region'>, region: string | null): boolean {
  return scope.region === null || sameRegion(scope.region, region);
}
