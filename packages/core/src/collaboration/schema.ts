// Co-production log, "you said, we did", comment threads and the activity feed. See docs/api-workflow.md.
import { z } from 'zod';
import { CoproductionKind } from '@lip/db';
import type { LipBuilder } from '../builder.ts';
import { can } from '../auth/permissions.ts';
import { visiblePartnershipIds } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { limits } from '../http/armor.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import { activityOfPlan, type ActivityEventView } from './activity.ts';
import { addComment, canResolve, commentInclude, setResolved } from './comments.ts';
import {
  activityFacts,
  activityFields,
  addResponse,
  createActivity,
  responseFields,
  updateActivity,
  updateResponse,
} from './coproduction.ts';
import { CoproductionActivityConflictError, CoproductionResponseConflictError } from './errors.ts';

export function addCollaborationTypes(
  builder: LipBuilder,
  host: CoreHost,
  types: CoreTypeRefs,
): void {
  const { SectionRef, ErrorInterface } = types;
  const CoproductionKindEnum = builder.enumType(CoproductionKind, {
    name: 'CoproductionKind',
    description: 'What kind of engagement an activity was.',
  });

  // ---- Co-production log -------------------------------------------------------------------
  const ResponseRef = builder.prismaNode('CoproductionResponse', {
    id: { field: 'id' },
    description:
      '"You said, we did": what people said at an activity and what the partnership did about it.',
    include: { activity: { select: { partnershipId: true } } },
    findUnique: (id, ctx) => ({
      id,
      activity: { partnershipId: { in: visiblePartnershipIds(ctx) } },
    }),
    authScopes: (response) => ({ member: response.activity.partnershipId }),
    fields: (t) => ({
      youSaid: t.exposeString('youSaid'),
      weDid: t.exposeString('weDid'),
      version: t.exposeInt('version'),
      commitments: t.prismaField({
        type: ['Commitment'],
        description: 'The commitments that answer it, by reference.',
        resolve: (query, response) =>
          host.prisma.commitment.findMany({
            ...query,
            where: {
              coproductionResponses: { some: { responseId: response.id } },
              section: { key: { in: host.sectionKeys } },
            },
            orderBy: { reference: 'asc' },
          }),
      }),
    }),
  });

  const ActivityRef = builder.prismaNode('CoproductionActivity', {
    id: { field: 'id' },
    description:
      'An engagement event in the co-production log: who was there, who chaired, what was heard.',
    include: { plan: { select: { state: true, archivedAt: true } } },
    findUnique: (id, ctx) => ({ id, partnershipId: { in: visiblePartnershipIds(ctx) } }),
    authScopes: (activity) => ({ member: activity.partnershipId }),
    fields: (t) => ({
      kind: t.expose('kind', { type: CoproductionKindEnum }),
      title: t.exposeString('title'),
      heldOn: t.expose('heldOn', { type: 'Date' }),
      audiences: t.exposeStringList('audiences'),
      chair: t.exposeString('chair', { nullable: true }),
      reached: t.exposeInt('reached', {
        nullable: true,
        description: 'How many people took part or responded.',
      }),
      heard: t.exposeString('heard'),
      version: t.exposeInt('version'),
      partnershipWide: t.boolean({
        description: 'True for an activity of the partnership rather than one plan.',
        resolve: (a) => a.planId === null,
      }),
      responses: t.relation('responses', {
        query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      }),
      viewerCanEdit: t.boolean({
        resolve: (a, _args, ctx) => can(ctx, 'coproduction:edit', activityFacts(a)),
      }),
    }),
  });

  builder.prismaObjectField('Plan', 'coproduction', (t) =>
    t.prismaField({
      type: ['CoproductionActivity'],
      description: "The plan's activities and the partnership-wide ones, by date held.",
      resolve: (query, plan) =>
        host.prisma.coproductionActivity.findMany({
          ...query,
          where: { partnershipId: plan.partnershipId, OR: [{ planId: plan.id }, { planId: null }] },
          orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        }),
    }),
  );
  builder.prismaObjectField('Commitment', 'coproductionResponses', (t) =>
    t.prismaField({
      type: ['CoproductionResponse'],
      description: 'The "you said" each commitment answers.',
      resolve: (query, commitment) =>
        host.prisma.coproductionResponse.findMany({
          ...query,
          where: { commitments: { some: { commitmentId: commitment.id } } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
    }),
  );

  builder.objectType(CoproductionActivityConflictError, {
    name: 'CoproductionActivityConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof CoproductionActivityConflictError,
    fields: (t) => ({
      current: t.field({
        type: ActivityRef,
        description: 'The activity as it is now.',
        resolve: (e) => activityWithPlan(e.current.id),
      }),
    }),
  });
  builder.objectType(CoproductionResponseConflictError, {
    name: 'CoproductionResponseConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof CoproductionResponseConflictError,
    fields: (t) => ({
      current: t.prismaField({
        type: 'CoproductionResponse',
        description: 'The response as it is now.',
        resolve: (query, e) =>
          host.prisma.coproductionResponse.findUniqueOrThrow({
            ...query,
            where: { id: e.current.id },
          }),
      }),
    }),
  });

  const CreateActivityInput = builder.inputType('CreateCoproductionActivityInput', {
    validate: z.looseObject(activityFields),
    fields: (t) => ({
      planId: t.id({ required: true }),
      kind: t.field({
        type: CoproductionKindEnum,
        description: 'Required; optional here so a form left blank is told so.',
      }),
      title: t.string({ required: true }),
      heldOn: t.field({
        type: 'Date',
        description: 'Required; optional here so a form left blank is told so.',
      }),
      audiences: t.stringList(),
      chair: t.string(),
      reached: t.int(),
      heard: t.string({ required: true }),
    }),
  });
  const UpdateActivityInput = builder.inputType('UpdateCoproductionActivityInput', {
    description: 'Every field but id and version is optional; an omitted field is unchanged.',
    validate: z.looseObject({
      version: z.number().int().min(0, 'Version must be 0 or more'),
      kind: activityFields.kind.nullish(),
      title: activityFields.title.nullish(),
      heldOn: activityFields.heldOn.nullish(),
      audiences: activityFields.audiences,
      chair: activityFields.chair,
      reached: activityFields.reached,
      heard: activityFields.heard.nullish(),
    }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      kind: t.field({ type: CoproductionKindEnum }),
      title: t.string(),
      heldOn: t.field({ type: 'Date' }),
      audiences: t.stringList(),
      chair: t.string(),
      reached: t.int(),
      heard: t.string(),
    }),
  });
  const AddResponseInput = builder.inputType('AddCoproductionResponseInput', {
    validate: z.looseObject(responseFields),
    fields: (t) => ({
      activityId: t.id({ required: true }),
      youSaid: t.string({ required: true }),
      weDid: t.string({ required: true }),
      commitmentIds: t.idList(),
    }),
  });
  const UpdateResponseInput = builder.inputType('UpdateCoproductionResponseInput', {
    description:
      'Every field but id and version is optional; an omitted field is unchanged. commitmentIds replaces the links.',
    validate: z.looseObject({
      version: z.number().int().min(0, 'Version must be 0 or more'),
      youSaid: responseFields.youSaid.nullish(),
      weDid: responseFields.weDid.nullish(),
      commitmentIds: responseFields.commitmentIds,
    }),
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      youSaid: t.string(),
      weDid: t.string(),
      commitmentIds: t.idList(),
    }),
  });

  // ---- Comments ----------------------------------------------------------------------------
  const userName = async (id: string | null) =>
    id
      ? ((await host.prisma.user.findUnique({ where: { id }, select: { name: true } }))?.name ??
        null)
      : null;

  const CommentRef = builder.prismaNode('Comment', {
    id: { field: 'id' },
    description: 'A comment on a section or commitment. Partnership members only.',
    include: commentInclude,
    findUnique: (id, ctx) => ({ id, plan: visiblePlansWhere(ctx) }),
    authScopes: (comment) => ({ member: comment.plan.partnershipId }),
    fields: (t) => ({
      body: t.exposeString('body'),
      authorName: t.string({
        resolve: async (c) => (await userName(c.authorId)) ?? 'Former member',
      }),
      authorOrganisation: t.prismaField({
        type: 'Organisation',
        nullable: true,
        description: "The author's organisation in this partnership.",
        resolve: async (query, c) => {
          const member = await host.prisma.member.findUnique({
            where: {
              partnershipId_userId: { partnershipId: c.plan.partnershipId, userId: c.authorId },
            },
            select: { organisationId: true },
          });
          return member
            ? host.prisma.organisation.findUnique({
                ...query,
                where: { id: member.organisationId },
              })
            : null;
        },
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
      resolvedByName: t.string({ nullable: true, resolve: (c) => userName(c.resolvedById) }),
      replies: t.relation('replies', {
        description: 'Replies, oldest first (threads are one level deep).',
        query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      }),
      viewerCanResolve: t.boolean({
        description: 'True when the viewer may resolve or reopen this thread (false on replies).',
        resolve: (c, _args, ctx) => canResolve(host, ctx, c),
      }),
    }),
  });

  const threadOrder = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  builder.prismaObjectField('Commitment', 'comments', (t) =>
    t.prismaField({
      type: ['Comment'],
      description: 'Comment threads on this commitment, oldest first.',
      resolve: (query, commitment) =>
        host.prisma.comment.findMany({
          ...query,
          where: { commitmentId: commitment.id, parentId: null },
          orderBy: threadOrder,
        }),
    }),
  );
  builder.objectField(SectionRef, 'comments', (t) =>
    t.prismaField({
      type: ['Comment'],
      description: 'Comment threads on this section (not its commitments), oldest first.',
      resolve: (query, section) =>
        section.row
          ? host.prisma.comment.findMany({
              ...query,
              where: { sectionId: section.row.id, parentId: null },
              orderBy: threadOrder,
            })
          : [],
    }),
  );

  const AddCommentInput = builder.inputType('AddCommentInput', {
    description:
      "Name one of sectionKey, commitmentId or parentId (a reply joins its parent's thread).",
    validate: z.looseObject({
      body: z
        .string({ error: 'Enter a comment' })
        .trim()
        .min(1, 'Enter a comment')
        .max(5000, 'Comment must be 5,000 characters or fewer'),
    }),
    fields: (t) => ({
      planId: t.id({ required: true }),
      sectionKey: t.string(),
      commitmentId: t.id(),
      parentId: t.id(),
      body: t.string({ required: true }),
    }),
  });
  const CommentIdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });
  const ResolveCommentInput = CommentIdInput('ResolveCommentInput');
  const ReopenCommentInput = CommentIdInput('ReopenCommentInput');

  // ---- Activity feed -----------------------------------------------------------------------
  const ActivityEventRef = builder.objectRef<ActivityEventView>('ActivityEvent').implement({
    description: 'One entry of the audit trail, for people to read.',
    fields: (t) => ({
      id: t.exposeID('id'),
      occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
      actorName: t.exposeString('actorName', { nullable: true }),
      organisationName: t.exposeString('organisationName', { nullable: true }),
      action: t.exposeString('action'),
      entityType: t.exposeString('entityType'),
      summary: t.exposeString('summary', {
        description: "A sentence: 'Priya Shah (NHS Northshire ICB) updated commitment HE-03'.",
      }),
      path: t.exposeString('path', {
        nullable: true,
        description: 'Where in the app, when the thing still exists.',
      }),
    }),
  });
  builder.prismaObjectField('Plan', 'activity', (t) =>
    t.connection(
      {
        type: ActivityEventRef,
        description: "The plan's audit trail, newest first.",
        resolve: async (plan, args) => {
          if (args.last != null || args.before != null)
            throw new ValidationError([
              { path: ['last'], message: 'Page forwards with first and after' },
            ]);
          const first = Math.min(
            Math.max(args.first ?? limits.defaultPageSize, 1),
            limits.maxPageSize,
          );
          const after = args.after && /^\d{1,19}$/.test(args.after) ? BigInt(args.after) : null;
          const page = await activityOfPlan(host, plan, { first, after });
          return {
            edges: page.events.map((node) => ({ cursor: node.id, node })),
            pageInfo: {
              hasNextPage: page.hasNextPage,
              hasPreviousPage: after !== null,
              startCursor: page.events[0]?.id ?? null,
              endCursor: page.events.at(-1)?.id ?? null,
            },
          };
        },
      },
      { name: 'ActivityConnection' },
    ),
  );

  // ---- Mutations ---------------------------------------------------------------------------
  const common = [ValidationError, NotFoundError, ForbiddenError];
  builder.mutationFields((t) => ({
    createCoproductionActivity: t.field({
      type: ActivityRef,
      errors: { types: common },
      args: { input: t.arg({ type: CreateActivityInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        activityWithPlan((await createActivity(host, ctx, input)).id),
    }),
    updateCoproductionActivity: t.field({
      type: ActivityRef,
      errors: { types: [CoproductionActivityConflictError, ...common] },
      args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        activityWithPlan((await updateActivity(host, ctx, input)).id),
    }),
    addCoproductionResponse: t.field({
      type: ResponseRef,
      errors: { types: common },
      args: { input: t.arg({ type: AddResponseInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        withPartnership(await addResponse(host, ctx, input)),
    }),
    updateCoproductionResponse: t.field({
      type: ResponseRef,
      errors: { types: [CoproductionResponseConflictError, ...common] },
      args: { input: t.arg({ type: UpdateResponseInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        withPartnership(await updateResponse(host, ctx, input)),
    }),
    addComment: t.field({
      type: CommentRef,
      errors: { types: common },
      args: { input: t.arg({ type: AddCommentInput, required: true }) },
      resolve: (_root, { input }, ctx) => addComment(host, ctx, input),
    }),
    resolveComment: t.field({
      type: CommentRef,
      errors: { types: common },
      args: { input: t.arg({ type: ResolveCommentInput, required: true }) },
      resolve: (_root, { input }, ctx) => setResolved(host, ctx, input.id, true),
    }),
    reopenComment: t.field({
      type: CommentRef,
      errors: { types: common },
      args: { input: t.arg({ type: ReopenCommentInput, required: true }) },
      resolve: (_root, { input }, ctx) => setResolved(host, ctx, input.id, false),
    }),
  }));

  /** The activity with what its type's fields read (the plan's state). */
  function activityWithPlan(id: string) {
    return host.prisma.coproductionActivity.findUniqueOrThrow({
      where: { id },
      include: { plan: { select: { state: true, archivedAt: true } } },
    });
  }

  /** The response with what its type's auth scope reads (the activity's partnership). */
  async function withPartnership<T extends { activityId: string }>(response: T) {
    const activity = await host.prisma.coproductionActivity.findUniqueOrThrow({
      where: { id: response.activityId },
      select: { partnershipId: true },
    });
    return { ...response, activity };
  }
}
