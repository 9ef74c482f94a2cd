import type { LipBuilder } from '../builder.ts';
import { visiblePartnershipIds } from '../context.ts';

/**
 * Whether an organisation signs off the plans of the partnership it was listed for. Signing off
 * belongs to the pair (PartnershipOrganisation), not to the organisation, so the resolvers that
 * list a partnership's organisations (Partnership.organisations, the organisation mutations) note
 * it here for the objects they return; elsewhere (a member's organisation) it is unknown: null.
 */
export const signatoryOf = new WeakMap<object, boolean>();

/** The organisation object, noted as signing off (or not) for the partnership it is listed in. */
export function withSignatory<T extends object>(organisation: T, isSignatory: boolean): T {
  signatoryOf.set(organisation, isSignatory);
  return organisation;
}

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
      odsCode: t.exposeString('odsCode', {
        nullable: true,
        description:
          'The NHS Organisation Data Service code, e.g. QKS; shared by every partnership.',
      }),
      isSignatory: t.boolean({
        nullable: true,
        description:
          'Whether it signs off the plans of the partnership listing it (Partnership.organisations and the organisation mutations); null elsewhere.',
        resolve: (org) => signatoryOf.get(org) ?? null,
      }),
    }),
  });
}
