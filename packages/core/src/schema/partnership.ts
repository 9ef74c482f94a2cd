import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds } from '../context.ts';
import type { CoreHost } from '../host.ts';
import { withSignatory } from './organisation.ts';

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
        description: 'By name, each with whether it signs off this partnership’s plans.',
        resolve: async (query, partnership, _args, _ctx) => {
          const [organisations, links] = await Promise.all([
            host.prisma.organisation.findMany({
              ...query,
              where: { partnerships: { some: { partnershipId: partnership.id } } },
              orderBy: { name: 'asc' },
            }),
            host.prisma.partnershipOrganisation.findMany({
              where: { partnershipId: partnership.id },
              select: { organisationId: true, isSignatory: true },
            }),
          ]);
          const signs = new Map(links.map((l) => [l.organisationId, l.isSignatory]));
          return organisations.map((o) => withSignatory(o, signs.get(o.id) ?? false));
        },
      }),
      members: t.relation('members', {
        description:
          'Everyone in the partnership, by when they joined. Every member sees names, email addresses, organisations, roles and job titles; when each last signed in (User.lastSignedInAt) is for the partnership’s leads.',
        query: { orderBy: { createdAt: 'asc' } },
      }),
      viewerIsLead: t.boolean({
        description:
          'Whether the viewer is a lead of this partnership: they manage its organisations, members and plans.',
        resolve: (partnership, _args, ctx) =>
          ctx.memberships.get(partnership.id)?.roles.includes('PARTNERSHIP_LEAD') ?? false,
      }),
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
