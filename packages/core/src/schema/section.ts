import type { ImplementableObjectRef, ObjectRef } from '@pothos/core';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import { can } from '../auth/permissions.ts';
import type { SectionConflictError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { addScalarsAndEnums } from './scalars.ts';
import { sectionVersion, type SectionView } from './section-view.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;
export type SectionRefType = ImplementableObjectRef<
  PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>,
  SectionView
>;

export function createSectionRef(builder: LipBuilder): SectionRefType {
  return builder.objectRef<SectionView>('Section');
}

/** Organisation owning a section: the row's, else the partnership's first organisation of an owner type. */
export async function defaultOwnerOrganisationId(
  host: CoreHost,
  view: SectionView,
): Promise<string | null> {
  if (view.row?.ownerOrganisationId) return view.row.ownerOrganisationId;
  const org = await host.prisma.organisation.findFirst({
    where: {
      typeCode: { in: view.definition.ownerOrganisationTypes },
      partnerships: { some: { partnershipId: view.plan.partnershipId } },
    },
    orderBy: { name: 'asc' },
    select: { id: true },
  });
  return org?.id ?? null;
}

export function implementSection(
  builder: LipBuilder,
  host: CoreHost,
  enums: Enums,
  SectionRef: SectionRefType,
  PlanRef: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>, SectionView['plan']>,
  SectionConflictErrorRef: ObjectRef<
    PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>,
    SectionConflictError
  >,
) {
  SectionRef.implement({
    description:
      "A plan's section. Every plan has one per installed section plugin; its row is created on first write.",
    authScopes: (section) => ({ member: section.plan.partnershipId }),
    fields: (t) => ({
      key: t.string({ resolve: (s) => s.definition.key }),
      title: t.string({ resolve: (s) => s.definition.title }),
      pluginId: t.string({ resolve: (s) => s.definition.pluginId }),
      position: t.int({ resolve: (s) => s.definition.position }),
      status: t.field({
        type: enums.SectionStatusEnum,
        resolve: (s) => s.row?.status ?? 'NOT_STARTED',
      }),
      version: t.int({
        description: '0 until the section is first written.',
        resolve: sectionVersion,
      }),
      summary: t.string({ nullable: true, resolve: (s) => s.row?.summary ?? null }),
      ownerOrganisation: t.prismaField({
        type: 'Organisation',
        nullable: true,
        resolve: async (query, s) => {
          const id = await defaultOwnerOrganisationId(host, s);
          return id ? host.prisma.organisation.findUnique({ ...query, where: { id } }) : null;
        },
      }),
      viewerCanEdit: t.boolean({
        resolve: (s, _args, ctx) =>
          can(ctx, 'section:update', {
            partnershipId: s.plan.partnershipId,
            planState: s.plan.state,
            section: s.definition,
          }),
      }),
      plan: t.field({ type: PlanRef, resolve: (s) => s.plan }),
    }),
  });

  builder.objectField(SectionConflictErrorRef, 'current', (t) =>
    t.field({
      type: SectionRef,
      description: 'The section as it is now.',
      resolve: (e) => e.current,
    }),
  );
}
