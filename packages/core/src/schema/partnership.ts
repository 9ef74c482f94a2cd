import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds } from '../context.ts';
import type { CoreHost } from '../host.ts';

export function addPartnershipType(builder: LipBuilder, host: CoreHost) {
  const PartnershipRef = builder.prismaNode('Partnership', {
    id: { field: 'id' },
    findUnique: (id, ctx) => ({ id, members: { some: { userId: ctx.user?.id ?? '' } } }),
    authScopes: (partnership) => ({ member: partnership.id }),
    fields: (t) => ({
      slug: t.exposeString('slug'),
      name: t.exposeString('name'),
      organisations: t.prismaField({
        type: ['Organisation'],
        resolve: (query, partnership, _args, _ctx) =>
          host.prisma.organisation.findMany({
            ...query,
            where: { partnerships: { some: { partnershipId: partnership.id } } },
            orderBy: { name: 'asc' },
          }),
      }),
      members: t.relation('members', { query: { orderBy: { createdAt: 'asc' } } }),
      viewerMembership: t.prismaField({
        type: 'Member',
        nullable: true,
        resolve: (query, partnership, _args, ctx) =>
          ctx.user
            ? host.prisma.member.findUnique({
                ...query,
                where: {
                  partnershipId_userId: { partnershipId: partnership.id, userId: ctx.user.id },
                },
              })
            : null,
      }),
    }),
  });

  builder.queryFields((t) => ({
    partnerships: t.prismaConnection(
      {
        type: 'Partnership',
        cursor: 'id',
        description: "The viewer's own partnerships.",
        resolve: (query, _root, _args, ctx) =>
          ctx.user
            ? host.prisma.partnership.findMany({
                ...query,
                where: { id: { in: visiblePartnershipIds(ctx) } },
                orderBy: [{ name: 'asc' }, { id: 'asc' }],
              })
            : [],
      },
      { name: 'PartnershipConnection' },
    ),
    partnership: t.prismaField({
      type: 'Partnership',
      nullable: true,
      description: 'null when there is no such partnership or the viewer is not a member.',
      args: { slug: t.arg.string({ required: true }) },
      resolve: (query, _root, { slug }, ctx) =>
        host.prisma.partnership.findFirst({
          ...query,
          where: { slug, id: { in: visiblePartnershipIds(ctx) } },
        }),
    }),
  }));

  return { PartnershipRef };
}
