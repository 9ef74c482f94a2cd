import type { ObjectRef } from '@pothos/core';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import { can, planFacts } from '../auth/permissions.ts';
import {
  type CommitmentConflictError,
  CommitmentConflictError as CommitmentConflict,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import {
  commitmentInclude,
  createCommitment,
  deleteCommitment,
  type DeletedCommitment,
  updateCommitment,
} from '../services/commitments.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import { defaultOwnerOrganisationId } from '../services/section-owner.ts';
import { ragStatusOf } from '../services/commitment-fields.ts';
import { NEED_AREAS, type addScalarsAndEnums } from './scalars.ts';
import type { SectionRefType } from './section.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;
type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;

export function addCommitmentType(
  builder: LipBuilder,
  host: CoreHost,
  enums: Enums,
  SectionRef: SectionRefType,
  StandardAreaRef: ObjectRef<Types, { id: string; position: number }>,
  CommitmentConflictErrorRef: ObjectRef<Types, CommitmentConflictError>,
) {
  const CommitmentRef = builder.prismaNode('Commitment', {
    id: { field: 'id' },
    include: commitmentInclude,
    findUnique: (id, ctx) => ({
      id,
      plan: visiblePlansWhere(ctx),
      section: { key: { in: host.sectionKeys } },
    }),
    authScopes: (commitment) => ({ member: commitment.plan.partnershipId }),
    fields: (t) => ({
      reference: t.exposeString('reference'),
      title: t.exposeString('title'),
      description: t.exposeString('description'),
      section: t.field({
        type: SectionRef,
        resolve: async (c) => {
          const definition = host.section(c.section.key);
          if (!definition) throw new NotFoundError('Section');
          const [plan, row] = await Promise.all([
            host.prisma.plan.findUniqueOrThrow({ where: { id: c.planId } }),
            host.prisma.section.findUnique({ where: { id: c.section.id } }),
          ]);
          return { plan, definition, row };
        },
      }),
      plan: t.relation('plan'),
      ownerOrganisation: t.relation('ownerOrganisation', { nullable: true }),
      ownerMember: t.relation('ownerMember', { nullable: true }),
      needAreas: t.field({
        type: [enums.NeedAreaEnum],
        resolve: (c) => NEED_AREAS.filter((area) => c.needAreas.includes(area)),
      }),
      phase: t.expose('phase', { type: enums.PhaseEnum }),
      supportLayer: t.expose('supportLayer', { type: enums.SupportLayerEnum, nullable: true }),
      ragStatus: t.field({
        type: enums.RagStatusEnum,
        deprecationReason: 'Read progress and rating, which are asked apart.',
        resolve: (c) => ragStatusOf(c),
      }),
      progress: t.expose('progress', { type: enums.CommitmentProgressEnum }),
      rating: t.expose('rating', {
        type: enums.DeliveryRatingEnum,
        nullable: true,
        description: 'How delivery is going; null when not rated.',
      }),
      leadOfficer: t.exposeString('leadOfficer', {
        nullable: true,
        description: 'The officer who leads delivery: a job title or a name.',
      }),
      startDate: t.expose('startDate', { type: 'Date', nullable: true }),
      dueDate: t.expose('dueDate', { type: 'Date', nullable: true }),
      budgetLine: t.exposeString('budgetLine', {
        nullable: true,
        deprecationReason:
          'A commitment’s money is in its budgetLines (issue 16); this free text was moved into them.',
      }),
      budgetAmount: t.string({
        nullable: true,
        description: 'Pounds, two decimal places: "12500.00".',
        deprecationReason:
          'A commitment’s money is in its budgetLines (issue 16); this amount was moved into them.',
        resolve: (c) => (c.budgetAmount === null ? null : c.budgetAmount.toFixed(2)),
      }),
      standards: t.field({
        type: [StandardAreaRef],
        select: { standards: { include: { standardArea: true } } },
        resolve: (c) =>
          c.standards.map((s) => s.standardArea).sort((a, b) => a.position - b.position),
      }),
      version: t.exposeInt('version'),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      viewerCanEdit: t.boolean({
        resolve: async (c, _args, ctx) => {
          const definition = host.section(c.section.key);
          if (!definition) return false;
          return can(ctx, 'commitment:update', {
            ...planFacts(c.plan),
            section: {
              ownerOrganisationId: await defaultOwnerOrganisationId(host, {
                plan: c.plan,
                definition,
                row: c.section,
              }),
            },
          });
        },
      }),
    }),
  });

  const CommitmentConnection = builder.connectionObject({
    type: CommitmentRef,
    name: 'CommitmentConnection',
  });
  builder.prismaObjectField('Plan', 'commitments', (t) =>
    t.relatedConnection(
      'commitments',
      {
        cursor: 'id',
        args: { sectionKey: t.arg.string() },
        query: ({ sectionKey }) => ({
          where: {
            section: {
              key: {
                in: sectionKey
                  ? host.sectionKeys.filter((k) => k === sectionKey)
                  : host.sectionKeys,
              },
            },
          },
          orderBy: [{ reference: 'asc' }, { id: 'asc' }],
        }),
      },
      CommitmentConnection,
    ),
  );
  builder.objectField(SectionRef, 'commitments', (t) =>
    t.prismaConnection(
      {
        type: 'Commitment',
        cursor: 'id',
        resolve: (query, section) =>
          section.row
            ? host.prisma.commitment.findMany({
                ...query,
                where: { sectionId: section.row.id },
                orderBy: [{ reference: 'asc' }, { id: 'asc' }],
              })
            : [],
      },
      CommitmentConnection,
    ),
  );

  builder.objectField(CommitmentConflictErrorRef, 'current', (t) =>
    t.field({
      type: CommitmentRef,
      description: 'The commitment as it is now.',
      resolve: (e) => e.current,
    }),
  );

  builder.queryField('commitment', (t) =>
    t.prismaField({
      type: 'Commitment',
      nullable: true,
      description: 'null when there is no such commitment or the viewer cannot see it.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, { id }, ctx) => {
        const commitmentId = idOf('Commitment', String(id));
        if (!commitmentId) return null;
        return host.prisma.commitment.findFirst({
          ...query,
          where: {
            id: commitmentId,
            plan: visiblePlansWhere(ctx),
            section: { key: { in: host.sectionKeys } },
          },
        });
      },
    }),
  );

  const detailFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
    description: t.string(),
    ownerOrganisationId: t.id(),
    ownerMemberId: t.id({
      description:
        'The person who owns it: a member of the partnership who works for the owner organisation (when it has one).',
    }),
    needAreas: t.field({ type: [enums.NeedAreaEnum] }),
    phase: t.field({ type: enums.PhaseEnum }),
    supportLayer: t.field({ type: enums.SupportLayerEnum }),
    progress: t.field({ type: enums.CommitmentProgressEnum }),
    rating: t.field({
      type: enums.DeliveryRatingEnum,
      description: 'null (given) clears the rating: not rated.',
    }),
    leadOfficer: t.string({ description: 'A job title or a name; empty clears it.' }),
    startDate: t.field({ type: 'Date' }),
    dueDate: t.field({ type: 'Date' }),
    budgetLine: t.string(),
    budgetAmount: t.string(),
    standardAreaIds: t.idList(),
  });

  // The inputs' rules (services/commitment-fields.ts) run in the service, together with the
  // checks that need the database, so every field's problem is reported at once.
  const CreateCommitmentInput = builder.inputType('CreateCommitmentInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      sectionKey: t.string({ required: true }),
      title: t.string({ required: true }),
      ...detailFields(t),
    }),
  });

  const CommitmentValuesInput = builder.inputType('CommitmentValuesInput', {
    description: "A commitment's values as a client read them (the base of a merge).",
    fields: (t) => ({ title: t.string(), ...detailFields(t) }),
  });

  const UpdateCommitmentInput = builder.inputType('UpdateCommitmentInput', {
    description:
      'Every field but id and version is optional; an omitted field is unchanged. A field changed from a stale version is saved if nobody else changed it since (give `base`), else the update is a CommitmentConflictError naming the fields.',
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true, description: 'The version the client read.' }),
      base: t.field({
        type: CommitmentValuesInput,
        description:
          'The values the client read of the fields it changes. Without it a stale version saves only values already stored.',
      }),
      title: t.string(),
      ...detailFields(t),
    }),
  });

  const DeletedCommitmentRef = builder.objectRef<DeletedCommitment>('DeletedCommitment').implement({
    description: 'A commitment that was deleted: what names it, to say so.',
    fields: (t) => ({
      reference: t.exposeString('reference'),
      sectionKey: t.exposeString('sectionKey'),
    }),
  });

  const DeleteCommitmentInput = builder.inputType('DeleteCommitmentInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true, description: 'The version being deleted.' }),
    }),
  });

  builder.mutationFields((t) => ({
    deleteCommitment: t.field({
      type: DeletedCommitmentRef,
      description:
        'Deletes a commitment with its milestones, evidence and comments (who may change it may delete it). Linked metric targets stay, unlinked; published versions keep it.',
      errors: { types: [CommitmentConflict, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: DeleteCommitmentInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        deleteCommitment(host, ctx, { id: String(input.id), version: input.version }),
    }),
    createCommitment: t.field({
      type: CommitmentRef,
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: CreateCommitmentInput, required: true }) },
      resolve: (_root, { input }, ctx) => createCommitment(host, ctx, input),
    }),
    updateCommitment: t.field({
      type: CommitmentRef,
      errors: { types: [CommitmentConflict, ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: UpdateCommitmentInput, required: true }) },
      resolve: (_root, { input }, ctx) => updateCommitment(host, ctx, input),
    }),
  }));

  return { CommitmentRef };
}
