// A service administrator grants an oversight membership to a person who already has an account
// (by email), over one region of England or all of it, and revokes it. One membership per person.
import type { Prisma, PrismaClient } from '@lip/db';
import { authorizeSystemAdmin } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { regionCode } from '../metrics/geography.ts';
import { isEmailAddress, normaliseEmail } from '../partnerships/rules.ts';
import { toJson } from '../services/audit.ts';

export const OVERSIGHT_NAME_MAX = 120;

export interface GrantOversightArgs {
  email: string;
  name: string;
  /** A region of England ("North West"); empty or null for all England. */
  region?: string | null;
}

export interface OversightGrant {
  id: string;
  name: string;
  region: string | null;
  grantedAt: Date;
  user: { id: string; email: string; name: string };
  grantedBy: { id: string; email: string; name: string } | null;
}

const grantSelect = {
  id: true,
  name: true,
  region: true,
  grantedAt: true,
  user: { select: { id: true, email: true, name: true } },
  grantedBy: { select: { id: true, email: true, name: true } },
} as const;

/** Every oversight membership, by team name then person (service administrators only). */
export async function oversightGrants(
  prisma: PrismaClient,
  ctx: RequestContext,
): Promise<OversightGrant[]> {
  authorizeSystemAdmin(ctx);
  return prisma.oversightMembership.findMany({
    select: grantSelect,
    orderBy: [{ name: 'asc' }, { user: { email: 'asc' } }],
  });
}

export async function grantOversight(
  prisma: PrismaClient,
  ctx: RequestContext,
  args: GrantOversightArgs,
): Promise<OversightGrant> {
  authorizeSystemAdmin(ctx);
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path: [path], message });
  const email = normaliseEmail(args.email);
  if (!email) fail('email', 'Enter the email address of the person to grant oversight to');
  else if (!isEmailAddress(email))
    fail('email', 'Enter an email address in the correct format, like name@example.org');
  const name = args.name.trim().replace(/\s+/g, ' ');
  if (!name) fail('name', 'Enter the oversight team’s name, like DfE North West region');
  else if (name.length > OVERSIGHT_NAME_MAX)
    fail('name', `The name must be ${OVERSIGHT_NAME_MAX} characters or fewer`);
  const regionText = (args.region ?? '').trim();
  const region = regionText === '' ? null : regionText;
  if (region !== null && regionCode(region) === null)
    fail('region', 'Enter a region of England, like North West, or leave it empty for all England');
  if (errors.length > 0) throw new ValidationError(errors);

  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, oversight: { select: { name: true } } },
    });
    if (!user)
      throw ValidationError.field(
        'email',
        `No one has an account with the email address ${email}: they need an account before they can be granted oversight`,
      );
    if (user.oversight)
      throw ValidationError.field(
        'email',
        `${email} already has oversight (${user.oversight.name}): revoke it first to change it`,
      );
    const grant = await tx.oversightMembership.create({
      data: { userId: user.id, name, region, grantedById: ctx.user?.id ?? null },
      select: grantSelect,
    });
    await auditGrant(tx, ctx, 'oversight.granted', grant);
    return grant;
  });
}

/**
 * Oversight spans partnerships, so its grants are in the service's part of the audit log (no
 * partnership), beside sign-ins: who granted or revoked what, to whom, over which region.
 */
async function auditGrant(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  action: 'oversight.granted' | 'oversight.revoked',
  grant: OversightGrant,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: ctx.user?.id ?? null,
      partnershipId: null,
      planId: null,
      entityType: 'OversightMembership',
      entityId: grant.id,
      action,
      after: toJson({ userId: grant.user.id, name: grant.name, region: grant.region }),
    },
  });
}

/** Ends an oversight membership; its holder sees no oversight page from their next request. */
export async function revokeOversight(
  prisma: PrismaClient,
  ctx: RequestContext,
  globalId: string,
): Promise<OversightGrant> {
  authorizeSystemAdmin(ctx);
  const id = idOf('OversightMembership', globalId);
  const grant = id
    ? await prisma.oversightMembership.findUnique({ where: { id }, select: grantSelect })
    : null;
  if (!grant) throw new NotFoundError('Oversight membership');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.oversightMembership.deleteMany({ where: { id: grant.id } });
    if (count > 0) await auditGrant(tx, ctx, 'oversight.revoked', grant);
  });
  return grant;
}
