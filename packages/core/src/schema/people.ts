import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds } from '../context.ts';
import type { addScalarsAndEnums } from './scalars.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;

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
      email: t.exposeString('email'),
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
