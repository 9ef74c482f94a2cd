// Comment threads on sections and commitments: one level of replies, resolve and reopen.
// Threads are for partnership members only; viewers read but cannot post.
import type { Comment, Plan, Section } from '@lip/db';
import { authorize, can, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import type { InstalledSection } from '../plugin-host/types.ts';
import { appendAudit } from '../services/audit.ts';
import { visiblePlan, visiblePlansWhere } from '../services/plans.ts';
import { defaultOwnerOrganisationId, type SectionOwnership } from '../services/section-owner.ts';

export type CommentRecord = Comment & {
  plan: Pick<Plan, 'id' | 'partnershipId' | 'state' | 'archivedAt'>;
};
export const commentInclude = {
  plan: { select: { id: true, partnershipId: true, state: true, archivedAt: true } },
} as const;

export interface AddCommentArgs {
  planId: string;
  sectionKey?: string | null;
  commitmentId?: string | null;
  parentId?: string | null;
  body: string;
}

/** Who writes the thread's section, for the permission check (section editors may resolve). */
async function sectionOfComment(
  host: CoreHost,
  comment: Pick<Comment, 'sectionId' | 'commitmentId'> & { plan: Pick<Plan, 'partnershipId'> },
): Promise<SectionOwnership | undefined> {
  const row = comment.sectionId
    ? await host.prisma.section.findUnique({
        where: { id: comment.sectionId },
        select: { key: true, ownerOrganisationId: true },
      })
    : comment.commitmentId
      ? (
          await host.prisma.commitment.findUnique({
            where: { id: comment.commitmentId },
            select: { section: { select: { key: true, ownerOrganisationId: true } } },
          })
        )?.section
      : null;
  const definition = row ? host.section(row.key) : undefined;
  if (!row || !definition) return undefined;
  return {
    ownerOrganisationId: await defaultOwnerOrganisationId(host, {
      plan: comment.plan,
      definition,
      row,
    }),
  };
}

/** The section row a new thread hangs on, created (version 0) when the section was never written. */
async function sectionRowFor(
  host: CoreHost,
  plan: Plan,
  definition: InstalledSection,
): Promise<Section> {
  const existing = await host.prisma.section.findUnique({
    where: { planId_key: { planId: plan.id, key: definition.key } },
  });
  if (existing) return existing;
  const ownerOrganisationId = await defaultOwnerOrganisationId(host, {
    plan,
    definition,
    row: null,
  });
  return host.prisma.section.upsert({
    where: { planId_key: { planId: plan.id, key: definition.key } },
    create: {
      planId: plan.id,
      key: definition.key,
      pluginId: definition.pluginId,
      ownerOrganisationId,
      version: 0,
    },
    update: {},
  });
}

export async function addComment(
  host: CoreHost,
  ctx: RequestContext,
  input: AddCommentArgs,
): Promise<CommentRecord> {
  const plan = await visiblePlan(host, ctx, input.planId);
  let target: {
    sectionId: string | null;
    commitmentId: string | null;
    parentId: string | null;
    section?: InstalledSection;
  };
  if (input.parentId) {
    const parentId = idOf('Comment', input.parentId);
    const parent = parentId
      ? await host.prisma.comment.findFirst({ where: { id: parentId, planId: plan.id } })
      : null;
    if (!parent) throw new NotFoundError('Comment');
    // Threads are one level deep: a reply to a reply joins its thread.
    const threadId = parent.parentId ?? parent.id;
    target = {
      sectionId: parent.sectionId,
      commitmentId: parent.commitmentId,
      parentId: threadId,
    };
  } else if (input.commitmentId) {
    const commitmentId = idOf('Commitment', input.commitmentId);
    const commitment = commitmentId
      ? await host.prisma.commitment.findFirst({
          where: { id: commitmentId, planId: plan.id, section: { key: { in: host.sectionKeys } } },
          select: { id: true, section: { select: { key: true } } },
        })
      : null;
    if (!commitment) throw new NotFoundError('Commitment');
    target = {
      sectionId: null,
      commitmentId: commitment.id,
      parentId: null,
      section: host.section(commitment.section.key),
    };
  } else if (input.sectionKey) {
    const definition = host.section(input.sectionKey);
    if (!definition) throw new NotFoundError('Section');
    target = { sectionId: null, commitmentId: null, parentId: null, section: definition };
  } else {
    throw ValidationError.field('sectionKey', 'Choose a section or commitment to comment on');
  }
  // Any participant may comment on any section: who writes it does not matter here.
  const membership = authorize(ctx, 'comment:create', planFacts(plan));
  if (!target.parentId && !target.commitmentId && target.section) {
    target.sectionId = (await sectionRowFor(host, plan, target.section)).id;
  }
  const authorId = ctx.user?.id;
  if (!authorId) throw new NotFoundError('Plan');
  const created = await host.prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        planId: plan.id,
        sectionId: target.sectionId,
        commitmentId: target.commitmentId,
        parentId: target.parentId,
        authorId,
        body: input.body.trim(),
      },
      include: commentInclude,
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: plan.partnershipId,
      planId: plan.id,
      entityType: 'Comment',
      entityId: comment.id,
      action: comment.parentId ? 'comment.reply' : 'comment.create',
      after: { ...comment, plan: undefined },
    });
    return comment;
  });
  return created;
}

/** Resolves (or reopens) a thread: its author, the lead or the section's editors. */
export async function setResolved(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
  resolved: boolean,
): Promise<CommentRecord> {
  const id = idOf('Comment', globalId);
  const comment = id
    ? await host.prisma.comment.findFirst({
        where: { id, plan: visiblePlansWhere(ctx) },
        include: commentInclude,
      })
    : null;
  if (!comment) throw new NotFoundError('Comment');
  if (comment.parentId) throw ValidationError.field('id', 'Resolve the thread, not a reply');
  const membership = authorize(ctx, 'comment:resolve', {
    ...planFacts(comment.plan),
    section: await sectionOfComment(host, comment),
    authorUserId: comment.authorId,
  });
  if ((comment.resolvedAt !== null) === resolved) return comment; // already so: nothing to record
  return host.prisma.$transaction(async (tx) => {
    const after = await tx.comment.update({
      where: { id: comment.id },
      data: resolved
        ? { resolvedAt: new Date(), resolvedById: ctx.user?.id ?? null, version: { increment: 1 } }
        : { resolvedAt: null, resolvedById: null, version: { increment: 1 } },
      include: commentInclude,
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: comment.plan.partnershipId,
      planId: comment.planId,
      entityType: 'Comment',
      entityId: comment.id,
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      before: { resolvedAt: comment.resolvedAt },
      after: { resolvedAt: after.resolvedAt },
    });
    return after;
  });
}

export async function canResolve(
  host: CoreHost,
  ctx: RequestContext,
  comment: CommentRecord,
): Promise<boolean> {
  if (comment.parentId) return false;
  return can(ctx, 'comment:resolve', {
    ...planFacts(comment.plan),
    section: await sectionOfComment(host, comment),
    authorUserId: comment.authorId,
  });
}
