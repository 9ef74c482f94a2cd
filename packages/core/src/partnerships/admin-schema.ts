// Running a partnership (its leads): its organisations, its members' roles and membership, and
// creating and archiving its plans; plus the catalogues the forms list (organisation types, plan
// kinds). See packages/core/src/partnerships/*.ts for the rules.
import type { LipBuilder } from '../builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { withSignatory } from '../schema/organisation.ts';
import { PlanStateConflictError } from '../workflow/lifecycle.ts';
import { removeMember, updateMemberRoles, type RemovedMember } from './members.ts';
import {
  addPartnershipOrganisation,
  updatePartnershipOrganisation,
  type PartnershipOrganisationView,
} from './organisations.ts';
import { archivePlan, createPlan } from './plans.ts';

export function addPartnershipAdminTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs) {
  const { OrganisationRef, MemberRef, PlanRef, enums } = types;
  const errors = { types: [ValidationError, NotFoundError, ForbiddenError] };

  // ---------------------------------------------------------------------------------- catalogues
  builder.prismaObject('OrganisationType', {
    description: 'A kind of organisation (council education, ICB, parent carer forum…).',
    fields: (t) => ({
      code: t.exposeString('code'),
      title: t.exposeString('title'),
    }),
  });
  builder.prismaObject('PlanKind', {
    description: 'A kind of plan (a local inclusion plan…), from the national catalogue.',
    fields: (t) => ({
      id: t.exposeID('id'),
      title: t.exposeString('title'),
      status: t.exposeString('status'),
      note: t.exposeString('note', { nullable: true }),
    }),
  });
  builder.queryFields((t) => ({
    organisationTypes: t.prismaField({
      type: ['OrganisationType'],
      description: 'Every type of organisation, by title.',
      resolve: (query) =>
        host.prisma.organisationType.findMany({ ...query, orderBy: { title: 'asc' } }),
    }),
    planKinds: t.prismaField({
      type: ['PlanKind'],
      description: 'Every kind of plan in the catalogue, by title.',
      resolve: (query) => host.prisma.planKind.findMany({ ...query, orderBy: { title: 'asc' } }),
    }),
  }));

  // ------------------------------------------------------------------------------- organisations
  const AddPartnershipOrganisationInput = builder.inputType('AddPartnershipOrganisationInput', {
    description:
      'An existing organisation (by `organisationId`, or by an `odsCode` some organisation already has), or a new one (`name`, `typeCode`, optional `odsCode`).',
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      organisationId: t.id({
        description: 'An organisation of one of your partnerships.',
      }),
      odsCode: t.string({
        description:
          'When an organisation has this ODS code, that organisation is added (name and type are not needed); otherwise the new organisation gets it.',
      }),
      name: t.string({ description: 'A new organisation’s name.' }),
      typeCode: t.string({ description: 'A new organisation’s type (Query.organisationTypes).' }),
      isSignatory: t.boolean({ description: 'Signs off the plan. Default false.' }),
    }),
  });
  const UpdatePartnershipOrganisationInput = builder.inputType(
    'UpdatePartnershipOrganisationInput',
    {
      description:
        'Fields left out are unchanged. The name, type and ODS code are the organisation’s in every partnership it is in; isSignatory is this partnership’s. Last write wins.',
      fields: (t) => ({
        partnershipId: t.id({ required: true }),
        organisationId: t.id({ required: true }),
        name: t.string(),
        typeCode: t.string(),
        odsCode: t.string({ description: 'An empty string removes the code.' }),
        isSignatory: t.boolean(),
      }),
    },
  );
  const organisationResult = (organisation: PartnershipOrganisationView) =>
    withSignatory(organisation, organisation.isSignatory);

  // ------------------------------------------------------------------------------------- members
  const UpdateMemberRolesInput = builder.inputType('UpdateMemberRolesInput', {
    description:
      'The member’s whole set of roles (replacing the current one; last write wins). They must suit the member’s organisation type, and the last lead stays a lead.',
    fields: (t) => ({
      memberId: t.id({ required: true }),
      roles: t.field({ type: [enums.MemberRoleEnum], required: true }),
    }),
  });
  const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
    fields: (t) => ({ memberId: t.id({ required: true }) }),
  });
  const RemovedMemberRef = builder.objectRef<RemovedMember>('RemovedMember').implement({
    description: 'A member who was removed: their sessions ended, signing them out everywhere.',
    fields: (t) => ({
      memberId: t.id({ resolve: (m) => encodeGlobalId('Member', m.memberId) }),
      name: t.exposeString('name'),
      sessionsEnded: t.exposeInt('sessionsEnded'),
    }),
  });

  // --------------------------------------------------------------------------------------- plans
  const CreatePlanInput = builder.inputType('CreatePlanInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      kindId: t.id({ required: true, description: 'A plan kind (Query.planKinds).' }),
      frameworkId: t.id({
        required: true,
        description: 'A standards framework version (Query.standardsFrameworks).',
      }),
      title: t.string({ required: true }),
      periodStart: t.field({ type: 'Date', required: true }),
      periodEnd: t.field({ type: 'Date', required: true, description: 'After periodStart.' }),
    }),
  });
  const ArchivePlanInput = builder.inputType('ArchivePlanInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      version: t.int({
        description: 'The plan version shown to the lead; if given, a newer one is a conflict.',
      }),
    }),
  });

  builder.mutationFields((t) => ({
    addPartnershipOrganisation: t.field({
      type: OrganisationRef,
      description: 'Adds an existing or new organisation to the partnership (its leads only).',
      errors,
      args: { input: t.arg({ type: AddPartnershipOrganisationInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        organisationResult(
          await addPartnershipOrganisation(host.prisma, ctx, {
            ...input,
            partnershipId: String(input.partnershipId),
            organisationId: input.organisationId == null ? null : String(input.organisationId),
          }),
        ),
    }),
    updatePartnershipOrganisation: t.field({
      type: OrganisationRef,
      description:
        'Changes one of the partnership’s organisations (its leads only). A type its members’ roles do not suit is refused.',
      errors,
      args: { input: t.arg({ type: UpdatePartnershipOrganisationInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        organisationResult(
          await updatePartnershipOrganisation(host.prisma, ctx, {
            ...input,
            partnershipId: String(input.partnershipId),
            organisationId: String(input.organisationId),
          }),
        ),
    }),
    updateMemberRoles: t.field({
      type: MemberRef,
      description: 'Replaces a member’s roles (the partnership’s leads only).',
      errors,
      args: { input: t.arg({ type: UpdateMemberRolesInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateMemberRoles(host.prisma, ctx, {
          memberId: String(input.memberId),
          roles: input.roles,
        }),
    }),
    removeMember: t.field({
      type: RemovedMemberRef,
      description:
        'Removes a member from the partnership (its leads only; never the last lead) and ends their sessions. What they wrote stays theirs.',
      errors,
      args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        removeMember(host.prisma, ctx, { memberId: String(input.memberId) }),
    }),
    createPlan: t.field({
      type: PlanRef,
      description:
        'Creates a draft plan with a section for each installed section plugin (the partnership’s leads only).',
      errors,
      args: { input: t.arg({ type: CreatePlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        createPlan(host, ctx, {
          ...input,
          partnershipId: String(input.partnershipId),
          kindId: String(input.kindId),
          frameworkId: String(input.frameworkId),
        }),
    }),
    archivePlan: t.field({
      type: PlanRef,
      description:
        'Archives a plan (the partnership’s leads only): it leaves the list of plans, kept whole and read-only (no edit, comment or transition is accepted again); published versions stay public. Not while in partner review or signed off.',
      errors: { types: [PlanStateConflictError, ...errors.types] },
      args: { input: t.arg({ type: ArchivePlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        archivePlan(host, ctx, { planId: String(input.planId), version: input.version }),
    }),
  }));
}
