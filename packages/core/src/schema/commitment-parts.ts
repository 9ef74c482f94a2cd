// Milestones and evidence of a commitment: their types, Commitment.milestones and
// Commitment.evidence, and the mutations that write them (services/commitment-parts.ts).
import { z } from 'zod';
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import {
  EvidenceConflictError,
  ForbiddenError,
  type LipError,
  MilestoneConflictError,
  NotFoundError,
  type CommitmentRecord,
  ValidationError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import {
  addEvidence,
  completeMilestone,
  createMilestone,
  deleteMilestone,
  removeEvidence,
  reopenMilestone,
  ukToday,
  updateEvidence,
  updateMilestone,
} from '../services/commitment-parts.ts';
import { commitmentInclude } from '../services/commitments.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import { dateField } from '../validation.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;

/** An http or https address with a host (never javascript:, data:, file: or user:password@). */
export function isWebAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

export const partFields = {
  milestoneTitle: z
    .string({ error: 'Enter the milestone' })
    .trim()
    .min(1, 'Enter the milestone')
    .max(200, 'Milestone must be 200 characters or fewer'),
  evidenceTitle: z
    .string({ error: 'Enter a title for the evidence' })
    .trim()
    .min(1, 'Enter a title for the evidence')
    .max(200, 'Title must be 200 characters or fewer'),
  url: z
    .string()
    .trim()
    .max(2000, 'Link must be 2,000 characters or fewer')
    .refine(
      (v) => v === '' || isWebAddress(v),
      'Enter a link that starts with https:// or http://, like https://www.example.org/report',
    )
    .nullish(),
  note: z.string().max(5000, 'Note must be 5,000 characters or fewer').nullish(),
  version: z.number().int().min(0, 'Version must be 0 or more'),
};

export function addCommitmentParts(
  builder: LipBuilder,
  host: CoreHost,
  refs: {
    CommitmentRef: ObjectRef<Types, CommitmentRecord>;
    ErrorInterface: InterfaceRef<Types, LipError>;
  },
) {
  const { CommitmentRef, ErrorInterface } = refs;
  const visibleCommitment = (ctx: Parameters<typeof visiblePlansWhere>[0]) => ({
    plan: visiblePlansWhere(ctx),
    section: { key: { in: host.sectionKeys } },
  });
  const partnershipOf = { commitment: { select: { plan: { select: { partnershipId: true } } } } };

  const MilestoneRef = builder.prismaNode('Milestone', {
    id: { field: 'id' },
    description: 'A dated step towards a commitment; done when it has a completion date.',
    include: partnershipOf,
    findUnique: (id, ctx) => ({ id, commitment: visibleCommitment(ctx) }),
    authScopes: (m) => ({ member: m.commitment.plan.partnershipId }),
    fields: (t) => ({
      title: t.exposeString('title'),
      dueDate: t.expose('dueDate', { type: 'Date' }),
      completedOn: t.expose('completedOn', {
        type: 'Date',
        nullable: true,
        description: 'When it was done; null while it is not done.',
      }),
      isComplete: t.boolean({ resolve: (m) => m.completedOn !== null }),
      isOverdue: t.boolean({
        description: 'Not done, and its due date (a UK calendar date) has passed.',
        resolve: (m) => m.completedOn === null && m.dueDate.getTime() < ukToday().getTime(),
      }),
      version: t.exposeInt('version'),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    }),
  });

  const EvidenceRef = builder.prismaNode('Evidence', {
    id: { field: 'id' },
    description: 'Something that shows progress on a commitment: a link, a note, or both.',
    include: partnershipOf,
    findUnique: (id, ctx) => ({ id, commitment: visibleCommitment(ctx) }),
    authScopes: (e) => ({ member: e.commitment?.plan.partnershipId ?? '' }),
    fields: (t) => ({
      title: t.exposeString('title'),
      url: t.exposeString('url', { nullable: true, description: 'An http or https address.' }),
      note: t.exposeString('description', { description: '"" when there is no note.' }),
      version: t.exposeInt('version'),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      createdByName: t.string({
        nullable: true,
        description: 'Who added it (their name only); null when not known.',
        resolve: async (e) =>
          e.createdById
            ? ((
                await host.prisma.user.findUnique({
                  where: { id: e.createdById },
                  select: { name: true },
                })
              )?.name ?? null)
            : null,
      }),
    }),
  });

  builder.prismaObjectFields('Commitment', (t) => ({
    milestones: t.relation('milestones', {
      description: 'By due date.',
      query: { orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    }),
    evidence: t.relation('evidence', {
      description: 'In the order it was added.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }));

  builder.objectType(MilestoneConflictError, {
    name: 'MilestoneConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof MilestoneConflictError,
    fields: (t) => ({
      current: t.field({
        type: MilestoneRef,
        description: 'The milestone as it is now.',
        resolve: async (e) =>
          host.prisma.milestone.findUniqueOrThrow({
            where: { id: e.current.id },
            include: partnershipOf,
          }),
      }),
    }),
  });
  builder.objectType(EvidenceConflictError, {
    name: 'EvidenceConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof EvidenceConflictError,
    fields: (t) => ({
      current: t.field({
        type: EvidenceRef,
        description: 'The evidence as it is now.',
        resolve: async (e) =>
          host.prisma.evidence.findUniqueOrThrow({
            where: { id: e.current.id },
            include: partnershipOf,
          }),
      }),
    }),
  });

  const CreateMilestoneInput = builder.inputType('CreateMilestoneInput', {
    validate: z.looseObject({ title: partFields.milestoneTitle, dueDate: dateField('Due date') }),
    fields: (t) => ({
      commitmentId: t.id({ required: true }),
      title: t.string({ required: true }),
      dueDate: t.field({ type: 'Date', required: true }),
    }),
  });
  const UpdateMilestoneInput = builder.inputType('UpdateMilestoneInput', {
    description: 'An omitted field is unchanged.',
    validate: z.looseObject({
      version: partFields.version,
      title: partFields.milestoneTitle.nullish(),
      dueDate: dateField('Due date').nullish(),
    }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      title: t.string(),
      dueDate: t.field({ type: 'Date' }),
    }),
  });
  const CompleteMilestoneInput = builder.inputType('CompleteMilestoneInput', {
    validate: z.looseObject({
      version: partFields.version,
      completedOn: dateField('Date completed').nullish(),
    }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      completedOn: t.field({
        type: 'Date',
        description: 'When it was done: today (in the UK) when omitted; never in the future.',
      }),
    }),
  });
  const MilestoneVersionInput = builder.inputType('MilestoneVersionInput', {
    validate: z.looseObject({ version: partFields.version }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
    }),
  });
  const DeleteMilestoneInput = builder.inputType('DeleteMilestoneInput', {
    validate: z.looseObject({ version: partFields.version.nullish() }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ description: 'When given, a changed milestone is not deleted.' }),
    }),
  });
  const AddEvidenceInput = builder.inputType('AddEvidenceInput', {
    description: 'A title and a link (http or https), a note, or both.',
    validate: z.looseObject({
      title: partFields.evidenceTitle,
      url: partFields.url,
      note: partFields.note,
    }),
    fields: (t) => ({
      commitmentId: t.id({ required: true }),
      title: t.string({ required: true }),
      url: t.string(),
      note: t.string(),
    }),
  });
  const UpdateEvidenceInput = builder.inputType('UpdateEvidenceInput', {
    description: 'An omitted field is unchanged; "" or null removes the link or the note.',
    validate: z.looseObject({
      version: partFields.version,
      title: partFields.evidenceTitle.nullish(),
      url: partFields.url,
      note: partFields.note,
    }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      title: t.string(),
      url: t.string(),
      note: t.string(),
    }),
  });
  const RemoveEvidenceInput = builder.inputType('RemoveEvidenceInput', {
    validate: z.looseObject({ version: partFields.version.nullish() }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ description: 'When given, changed evidence is not removed.' }),
    }),
  });

  const milestoneWith = (row: { id: string }) =>
    host.prisma.milestone.findUniqueOrThrow({ where: { id: row.id }, include: partnershipOf });
  const evidenceWith = (row: { id: string }) =>
    host.prisma.evidence.findUniqueOrThrow({ where: { id: row.id }, include: partnershipOf });
  const commitmentById = (id: string) =>
    host.prisma.commitment.findUniqueOrThrow({ where: { id }, include: commitmentInclude });

  const refused = [ValidationError, NotFoundError, ForbiddenError];
  builder.mutationFields((t) => ({
    createMilestone: t.field({
      type: MilestoneRef,
      description: "Adds a milestone to a draft plan's commitment (who may change it may do this).",
      errors: { types: refused },
      args: { input: t.arg({ type: CreateMilestoneInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        milestoneWith(
          await createMilestone(host, ctx, {
            commitmentId: String(input.commitmentId),
            title: input.title,
            dueDate: input.dueDate,
          }),
        ),
    }),
    updateMilestone: t.field({
      type: MilestoneRef,
      errors: { types: [MilestoneConflictError, ...refused] },
      args: { input: t.arg({ type: UpdateMilestoneInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        milestoneWith(await updateMilestone(host, ctx, { ...input, id: String(input.id) })),
    }),
    completeMilestone: t.field({
      type: MilestoneRef,
      description: 'Marks a milestone as done (on completedOn, today by default).',
      errors: { types: [MilestoneConflictError, ...refused] },
      args: { input: t.arg({ type: CompleteMilestoneInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        milestoneWith(await completeMilestone(host, ctx, { ...input, id: String(input.id) })),
    }),
    reopenMilestone: t.field({
      type: MilestoneRef,
      description: 'Marks a milestone as not done.',
      errors: { types: [MilestoneConflictError, ...refused] },
      args: { input: t.arg({ type: MilestoneVersionInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        milestoneWith(await reopenMilestone(host, ctx, { ...input, id: String(input.id) })),
    }),
    deleteMilestone: t.field({
      type: CommitmentRef,
      description: 'Deletes a milestone; returns its commitment.',
      errors: { types: [MilestoneConflictError, ...refused] },
      args: { input: t.arg({ type: DeleteMilestoneInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        commitmentById(await deleteMilestone(host, ctx, { ...input, id: String(input.id) })),
    }),
    addEvidence: t.field({
      type: EvidenceRef,
      description: "Adds evidence to a draft plan's commitment (who may change it may do this).",
      errors: { types: refused },
      args: { input: t.arg({ type: AddEvidenceInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        evidenceWith(
          await addEvidence(host, ctx, { ...input, commitmentId: String(input.commitmentId) }),
        ),
    }),
    updateEvidence: t.field({
      type: EvidenceRef,
      errors: { types: [EvidenceConflictError, ...refused] },
      args: { input: t.arg({ type: UpdateEvidenceInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        evidenceWith(await updateEvidence(host, ctx, { ...input, id: String(input.id) })),
    }),
    removeEvidence: t.field({
      type: CommitmentRef,
      description: 'Removes evidence; returns its commitment.',
      errors: { types: [EvidenceConflictError, ...refused] },
      args: { input: t.arg({ type: RemoveEvidenceInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        commitmentById(await removeEvidence(host, ctx, { ...input, id: String(input.id) })),
    }),
  }));

  return { MilestoneRef, EvidenceRef };
}
