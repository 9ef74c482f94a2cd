import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds } from '../context.ts';

export function addOrganisationType(builder: LipBuilder) {
  return builder.prismaNode('Organisation', {
    id: { field: 'id' },
    // Only organisations of the viewer's partnerships resolve by id.
    findUnique: (id, ctx) => ({
      id,
      partnerships: { some: { partnershipId: { in: visiblePartnershipIds(ctx) } } },
    }),
    fields: (t) => ({
      name: t.exposeString('name'),
      typeCode: t.exposeString('typeCode'),
      typeTitle: t.string({
        select: { type: { select: { title: true } } },
        resolve: (org) => org.type.title,
      }),
    }),
  });
}
