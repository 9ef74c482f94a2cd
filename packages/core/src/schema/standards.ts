import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';

// Standards frameworks are national reference data: readable by anyone.
export function addStandardsTypes(builder: LipBuilder, host: CoreHost) {
  const StandardAreaRef = builder.prismaNode('StandardArea', {
    id: { field: 'id' },
    fields: (t) => ({
      code: t.exposeString('code'),
      title: t.exposeString('title'),
      position: t.exposeInt('position'),
    }),
  });

  const StandardsFrameworkRef = builder.prismaObject('StandardsFramework', {
    fields: (t) => ({
      id: t.exposeID('id'),
      title: t.exposeString('title'),
      status: t.exposeString('status'),
      areas: t.relation('areas', { query: { orderBy: { position: 'asc' } } }),
    }),
  });

  builder.queryField('standardsFramework', (t) =>
    t.prismaField({
      type: 'StandardsFramework',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, { id }) =>
        host.prisma.standardsFramework.findUnique({ ...query, where: { id: String(id) } }),
    }),
  );

  return { StandardAreaRef, StandardsFrameworkRef };
}
