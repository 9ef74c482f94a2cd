import type { ImplementableObjectRef, ObjectRef } from '@pothos/core';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import { can, planFacts } from '../auth/permissions.ts';
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type SectionConflictError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { addScalarsAndEnums } from './scalars.ts';
import {
  defaultOwnerOrganisationId,
  eligibleOwnerOrganisations,
  setSectionOwner,
} from '../services/section-owner.ts';
import { sectionVersion, type SectionView } from './section-view.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;
export type SectionRefType = ImplementableObjectRef<
  PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>,
  SectionView
>;

export function createSectionRef(builder: LipBuilder): SectionRefType {
  return builder.objectRef<SectionView>('Section');
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
      eligibleOwnerOrganisations: t.prismaField({
        type: ['Organisation'],
        description:
          "The partnership's organisations that may write this section (of a type its plugin allows), the plugin's preferred type first.",
        resolve: async (query, s) => {
          const ranked = await eligibleOwnerOrganisations(
            host.prisma,
            s.plan.partnershipId,
            s.definition,
          );
          const rows = await host.prisma.organisation.findMany({
            ...query,
            where: { id: { in: ranked.map((o) => o.id) } },
          });
          return ranked.flatMap((o) => rows.filter((r) => r.id === o.id));
        },
      }),
      viewerCanEdit: t.boolean({
        resolve: async (s, _args, ctx) =>
          can(ctx, 'section:update', {
            ...planFacts(s.plan),
            section: { ownerOrganisationId: await defaultOwnerOrganisationId(host, s) },
          }),
      }),
      plan: t.field({ type: PlanRef, resolve: (s) => s.plan }),
    }),
  });

  const SetSectionOwnerInput = builder.inputType('SetSectionOwnerInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      sectionKey: t.string({ required: true }),
      organisationId: t.id({ required: true }),
    }),
  });

  builder.mutationField('setSectionOwner', (t) =>
    t.field({
      type: SectionRef,
      description:
        "Names the organisation that writes a section of a draft plan (the partnership lead only); its section editors may then change it. Until set, the plugin's preferred organisation type decides.",
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: SetSectionOwnerInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        setSectionOwner(host, ctx, {
          planId: String(input.planId),
          sectionKey: input.sectionKey,
          organisationId: String(input.organisationId),
        }),
    }),
  );

  builder.objectField(SectionConflictErrorRef, 'current', (t) =>
    t.field({
      type: SectionRef,
      description: 'The section as it is now.',
      resolve: (e) => e.current,
    }),
  );
}
