// The plan's activity feed: its audit events, newest first, as sentences people can read.
// Audit events are append-only, so this only ever reads them.
import type { AuditEvent, Prisma } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';

export interface ActivityEventView {
  id: string;
  occurredAt: Date;
  actorName: string | null;
  organisationName: string | null;
  action: string;
  entityType: string;
  summary: string;
  path: string | null;
}

/** "commitment.update" → "updated"; the last dotted part names what happened. */
const VERBS: Record<string, string> = {
  create: 'added',
  update: 'updated',
  delete: 'removed',
  reply: 'replied to',
  resolve: 'resolved',
  reopen: 'reopened',
  complete: 'completed',
  seed: 'set up',
  submit: 'submitted',
  submitted: 'submitted',
  withdraw: 'withdrew',
  withdrawn: 'withdrew',
  publish: 'published',
  published: 'published',
  signed_off: 'signed off',
  rejected: 'returned to draft',
  remapped: 're-mapped',
  revise: 'started a revision of',
  revision_started: 'started a revision of',
  upload: 'uploaded',
  check: 'checked',
  import: 'imported',
};

/** Whole actions whose verb is not their last part's (a commitment is deleted, evidence removed). */
const ACTION_VERBS: Record<string, string> = {
  'commitment.delete': 'deleted',
};

function verbOf(action: string): string {
  const last = action.split('.').pop() ?? action;
  return ACTION_VERBS[action] ?? VERBS[last] ?? last.replaceAll('_', ' ');
}

function field(json: Prisma.JsonValue | null, name: string): string | null {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const value = (json as Record<string, Prisma.JsonValue>)[name];
    if (typeof value === 'string') return value;
  }
  return null;
}

interface Lookups {
  users: Map<string, string>;
  organisations: Map<string, string>;
  commitments: Map<string, { reference: string; sectionKey: string }>;
  sections: Map<string, string>;
  activities: Map<string, string>;
  responses: Map<string, string>;
  comments: Map<
    string,
    { sectionId: string | null; commitmentId: string | null; parentId: string | null }
  >;
}

async function lookups(host: CoreHost, events: AuditEvent[]): Promise<Lookups> {
  const ids = (type: string) => [
    ...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId)),
  ];
  const comments = await host.prisma.comment.findMany({
    where: { id: { in: ids('Comment') } },
    select: { id: true, sectionId: true, commitmentId: true, parentId: true },
  });
  // Milestones and evidence name their commitment in the audit entry (they may be gone since).
  const partsOf = events.flatMap((e) =>
    e.entityType === 'Milestone' || e.entityType === 'Evidence'
      ? [field(e.after ?? e.before, 'commitmentId') ?? '']
      : [],
  );
  const commitmentIds = [
    ...ids('Commitment'),
    ...partsOf.filter(Boolean),
    ...comments.flatMap((c) => (c.commitmentId ? [c.commitmentId] : [])),
  ];
  const sectionIds = [
    ...ids('Section'),
    ...comments.flatMap((c) => (c.sectionId ? [c.sectionId] : [])),
  ];
  const [users, organisations, commitments, sections, activities, responses] = await Promise.all([
    host.prisma.user.findMany({
      where: {
        id: { in: [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))] },
      },
      select: { id: true, name: true },
    }),
    host.prisma.organisation.findMany({
      where: {
        id: {
          in: [
            ...new Set(
              events.flatMap((e) => (e.actorOrganisationId ? [e.actorOrganisationId] : [])),
            ),
          ],
        },
      },
      select: { id: true, name: true },
    }),
    host.prisma.commitment.findMany({
      where: { id: { in: commitmentIds } },
      select: { id: true, reference: true, section: { select: { key: true } } },
    }),
    host.prisma.section.findMany({
      where: { id: { in: sectionIds } },
      select: { id: true, key: true },
    }),
    host.prisma.coproductionActivity.findMany({
      where: { id: { in: ids('CoproductionActivity') } },
      select: { id: true },
    }),
    host.prisma.coproductionResponse.findMany({
      where: { id: { in: ids('CoproductionResponse') } },
      select: { id: true, activityId: true },
    }),
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
    commitments: new Map(
      commitments.map((c) => [c.id, { reference: c.reference, sectionKey: c.section.key }]),
    ),
    sections: new Map(sections.map((s) => [s.id, s.key])),
    activities: new Map(activities.map((a) => [a.id, a.id])),
    responses: new Map(responses.map((r) => [r.id, r.activityId])),
    comments: new Map(comments.map((c) => [c.id, c])),
  };
}

/** What the event was about, in words, and where it is now (null once it is gone). */
function describe(
  host: CoreHost,
  event: AuditEvent,
  planPath: string,
  l: Lookups,
): { thing: string; path: string | null } {
  const sectionTitle = (key: string | null) => (key ? (host.section(key)?.title ?? key) : null);
  const commitmentPath = (id: string) => {
    const c = l.commitments.get(id);
    return c
      ? `${planPath}/sections/${encodeURIComponent(c.sectionKey)}/commitments/${encodeGlobalId('Commitment', id)}`
      : null;
  };
  const sectionPath = (key: string | undefined) =>
    key && host.section(key) ? `${planPath}/sections/${encodeURIComponent(key)}` : null;
  const after = event.after ?? event.before;
  switch (event.entityType) {
    case 'Commitment': {
      const reference = l.commitments.get(event.entityId)?.reference ?? field(after, 'reference');
      return {
        thing: reference ? `commitment ${reference}` : 'a commitment',
        path: commitmentPath(event.entityId),
      };
    }
    case 'Milestone':
    case 'Evidence': {
      const commitmentId = field(after, 'commitmentId');
      const reference =
        (commitmentId ? l.commitments.get(commitmentId)?.reference : undefined) ??
        field(after, 'commitmentReference');
      const title = field(after, 'title');
      const what = event.entityType === 'Milestone' ? 'milestone' : 'evidence';
      return {
        thing: `${what}${title ? ` “${title}”` : ''}${reference ? ` of commitment ${reference}` : ''}`,
        path: commitmentId ? commitmentPath(commitmentId) : null,
      };
    }
    case 'Section': {
      const key = l.sections.get(event.entityId) ?? field(after, 'key');
      const title = sectionTitle(key);
      return {
        thing: title ? `the ${title} section` : 'a section',
        path: sectionPath(key ?? undefined),
      };
    }
    case 'Comment': {
      const comment = l.comments.get(event.entityId);
      if (!comment) return { thing: 'a comment', path: null };
      if (comment.commitmentId) {
        const reference = l.commitments.get(comment.commitmentId)?.reference;
        return {
          thing: `a comment on commitment ${reference ?? ''}`.trim(),
          path: commitmentPath(comment.commitmentId),
        };
      }
      const key = comment.sectionId ? l.sections.get(comment.sectionId) : undefined;
      return {
        thing: `a comment on the ${sectionTitle(key ?? null) ?? ''} section`.replace(
          'the  section',
          'a section',
        ),
        path: sectionPath(key),
      };
    }
    case 'CoproductionActivity': {
      const title = field(after, 'title');
      return {
        thing: title ? `co-production activity “${title}”` : 'a co-production activity',
        path: l.activities.has(event.entityId)
          ? `${planPath}/coproduction/${encodeGlobalId('CoproductionActivity', event.entityId)}`
          : null,
      };
    }
    case 'CoproductionResponse': {
      const activityId = l.responses.get(event.entityId);
      return {
        thing: 'a “you said, we did” response',
        path: activityId
          ? `${planPath}/coproduction/${encodeGlobalId('CoproductionActivity', activityId)}`
          : null,
      };
    }
    case 'Plan':
      return { thing: 'the plan', path: planPath };
    // Partnership-wide: they show in each of the partnership's plans' feeds.
    case 'Organisation': {
      const name = field(after, 'name');
      return { thing: name ? `organisation “${name}”` : 'an organisation', path: null };
    }
    case 'Member': {
      // Named as they were then: a removed member's row is gone, the event keeps the name.
      const name = field(after, 'name') ?? field(event.before, 'name');
      if (event.action === 'member.update')
        return { thing: name ? `the roles of ${name}` : 'a member’s roles', path: null };
      return { thing: name ? `member ${name}` : 'a member', path: null };
    }
    case 'PlanVersion':
      return { thing: 'a version of the plan', path: `${planPath}/versions` };
    case 'SignOff':
      return { thing: 'a sign-off', path: `${planPath}/versions` };
    case 'Partnership':
      return { thing: 'the partnership', path: null };
    case 'Invitation': {
      const email = field(after, 'email');
      return { thing: email ? `an invitation for ${email}` : 'an invitation', path: null };
    }
    default: {
      // "MetricTarget" → "a metric target"
      const words = event.entityType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return { thing: `a ${words}`, path: null };
    }
  }
}

export interface ActivityPage {
  events: ActivityEventView[];
  hasNextPage: boolean;
}

/**
 * One page of the plan's feed, newest first; `after` is the id of the last event already shown.
 * Partnership-wide events (no plan, e.g. a co-production activity for every plan) show in every
 * plan's feed of that partnership.
 */
export async function activityOfPlan(
  host: CoreHost,
  plan: { id: string; partnershipId: string },
  page: { first: number; after: bigint | null },
): Promise<ActivityPage> {
  const planId = plan.id;
  const rows = await host.prisma.auditEvent.findMany({
    where: {
      OR: [{ planId }, { planId: null, partnershipId: plan.partnershipId }],
      ...(page.after !== null ? { id: { lt: page.after } } : {}),
    },
    orderBy: { id: 'desc' },
    take: page.first + 1,
  });
  const events = rows.slice(0, page.first);
  const l = await lookups(host, events);
  const planPath = `/plans/${encodeGlobalId('Plan', planId)}`;
  return {
    hasNextPage: rows.length > page.first,
    events: events.map((event) => {
      const actorName = event.actorUserId ? (l.users.get(event.actorUserId) ?? null) : null;
      const organisationName = event.actorOrganisationId
        ? (l.organisations.get(event.actorOrganisationId) ?? null)
        : null;
      const { thing, path } = describe(host, event, planPath, l);
      const who = actorName
        ? organisationName
          ? `${actorName} (${organisationName})`
          : actorName
        : 'The system';
      return {
        id: event.id.toString(),
        occurredAt: event.occurredAt,
        actorName,
        organisationName,
        action: event.action,
        entityType: event.entityType,
        summary: `${who} ${verbOf(event.action)} ${thing}`,
        path,
      };
    }),
  };
}
