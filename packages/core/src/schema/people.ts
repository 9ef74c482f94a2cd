import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds, type RequestContext } from '../context.ts';
import type { addScalarsAndEnums } from './scalars.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;

/**
 * A person's email and last sign-in are for themselves, the leads of their partnerships (who manage
 * their membership) and service administrators; fellow members see their name and organisation.
 */
function seesAccountDetails(
  ctx: RequestContext,
  user: { id: string; memberships: { partnershipId: string }[] },
): boolean {
  if (!ctx.user) return false;
  if (ctx.user.id === user.id || ctx.user.isSystemAdmin) return true;
  return user.memberships.some(
    (m) => ctx.memberships.get(m.partnershipId)?.roles.includes('PARTNERSHIP_LEAD') ?? false,
  );
}

export function addPeopleTypes(builder: LipBuilder, enums: Enums) {
  const UserRef = builder.prismaNode('User', {
    id: { field: 'id' },
    // A person is visible to themselves and to fellow members of their partnerships.
    findUnique: (id, ctx) => ({
      id,
      OR: [
        { id: ctx.user?.id ?? '' },
        { memberships: { some: { partnershipId: { in: visiblePartnershipIds(ctx) } } } },
      ],
    }),
    fields: (t) => ({
      name: t.exposeString('name'),
      email: t.string({
        nullable: true,
        description:
          'Shown to the person themselves, to the leads of a partnership they are in, and to service administrators; null to other members.',
        select: { memberships: { select: { partnershipId: true } } },
        resolve: (user, _args, ctx) => (seesAccountDetails(ctx, user) ? user.email : null),
      }),
      lastSignedInAt: t.field({
        type: 'DateTime',
        nullable: true,
        description:
          'When they last signed in (null if never). Shown to the same people as `email`; null to others.',
        select: { memberships: { select: { partnershipId: true } } },
        resolve: (user, _args, ctx) => (seesAccountDetails(ctx, user) ? user.lastSignedInAt : null),
      }),

      // Only memberships in partnerships the viewer belongs to.
      memberships: t.relation('memberships', {
        query: (_args, ctx) => ({
          where: { partnershipId: { in: visiblePartnershipIds(ctx) } },
          orderBy: { createdAt: 'asc' },
        }),
      }),
    }),
  });

  const MemberRef = builder.prismaNode('Member', {
    id: { field: 'id' },
    findUnique: (id, ctx) => ({ id, partnershipId: { in: visiblePartnershipIds(ctx) } }),
    authScopes: (member) => ({ member: member.partnershipId }),
    fields: (t) => ({
      user: t.relation('user'),
      organisation: t.relation('organisation'),
      roles: t.field({ type: [enums.MemberRoleEnum], resolve: (m) => m.roles }),
      jobTitle: t.exposeString('jobTitle', { nullable: true }),
      partnership: t.relation('partnership'),
    }),
  });

  return { UserRef, MemberRef };
}
