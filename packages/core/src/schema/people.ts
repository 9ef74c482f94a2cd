import type { PrismaClient } from '@lip/db';
import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds, type RequestContext } from '../context.ts';
import type { addScalarsAndEnums } from './scalars.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;

/**
 * When a person last signed in is for themselves, the leads of their partnerships (who manage
 * their membership) and service administrators; fellow members see their name, email address
 * (colleagues working on one plan contact each other) and organisation, but not their activity.
 */
async function seesSignInActivity(
  prisma: PrismaClient,
  ctx: RequestContext,
  userId: string,
): Promise<boolean> {
  if (!ctx.user) return false;
  if (ctx.user.id === userId || ctx.user.isSystemAdmin) return true;
  const leads = [...ctx.memberships.values()]
    .filter((m) => m.roles.includes('PARTNERSHIP_LEAD'))
    .map((m) => m.partnershipId);
  if (leads.length === 0) return false;
  return (await prisma.member.count({ where: { userId, partnershipId: { in: leads } } })) > 0;
}

export function addPeopleTypes(builder: LipBuilder, enums: Enums, prisma: PrismaClient) {
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
      email: t.exposeString('email'),
      lastSignedInAt: t.field({
        type: 'DateTime',
        nullable: true,
        description:
          'When they last signed in (null if never). Shown to the person themselves, the leads of a partnership they are in and service administrators; null to other members.',
        resolve: async (user, _args, ctx) =>
          (await seesSignInActivity(prisma, ctx, user.id)) ? user.lastSignedInAt : null,
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
