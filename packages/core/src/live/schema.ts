// planEvents (a subscription, over Server-Sent Events at /graphql), heartbeat and presence.
// See docs/api-live.md.
import type { LipBuilder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId, idOf } from '../ids.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { visiblePlan } from '../services/plans.ts';
import type { LiveBus } from './bus.ts';
import { mayStillReadPlan, whileAllowed } from './while-allowed.ts';
import { PLAN_EVENT_KINDS, type PlanEventActor, type PlanEventPayload } from './events.ts';

interface PresentPerson {
  name: string;
  organisationName: string | null;
  place: string;
}

/** The place a page is, as heartbeats and presence name it. */
async function placeOf(
  host: CoreHost,
  planId: string,
  where: { sectionKey?: string | null; commitmentId?: string | null },
): Promise<string> {
  if (where.sectionKey && where.commitmentId)
    throw new ValidationError([
      { path: ['commitmentId'], message: 'Name a section or a commitment, not both' },
    ]);
  if (where.sectionKey) {
    if (!host.section(where.sectionKey)) throw new NotFoundError('Section');
    return `section:${where.sectionKey}`;
  }
  if (where.commitmentId) {
    const id = idOf('Commitment', where.commitmentId);
    const found =
      id &&
      (await host.prisma.commitment.findFirst({ where: { id, planId }, select: { id: true } }));
    if (!found) throw new NotFoundError('Commitment');
    return `commitment:${found.id}`;
  }
  return 'plan';
}

export function addLiveTypes(
  builder: LipBuilder,
  host: CoreHost,
  bus: LiveBus,
  { PlanRef }: CoreTypeRefs,
): void {
  const KindEnum = builder.enumType('PlanEventKind', {
    description: 'What happened in the plan.',
    values: PLAN_EVENT_KINDS,
  });

  const ActorRef = builder.objectRef<PlanEventActor>('PlanEventActor').implement({
    description: 'Who made a change: a person and the organisation they acted for.',
    fields: (t) => ({
      name: t.exposeString('name'),
      organisationName: t.exposeString('organisationName', { nullable: true }),
    }),
  });

  const EventRef = builder.objectRef<PlanEventPayload>('PlanEvent').implement({
    description: 'A change in a plan, sent once the change is saved (never for a refused write).',
    fields: (t) => ({
      kind: t.expose('kind', { type: KindEnum }),
      entityType: t.exposeString('entityType', {
        description: 'The type of the changed record ("Section", "Commitment", "Milestone"...).',
      }),
      entityId: t.id({
        description: "The changed record's global id.",
        resolve: (event) => encodeGlobalId(event.entityType, event.entityId),
      }),
      action: t.exposeString('action', {
        description: 'As in the audit log ("commitment.update").',
      }),
      sectionKey: t.exposeString('sectionKey', {
        nullable: true,
        description: 'The section the record is in, if any.',
      }),
      commitmentId: t.id({
        nullable: true,
        description: 'The commitment the record is or belongs to, if any.',
        resolve: (event) =>
          event.commitmentId ? encodeGlobalId('Commitment', event.commitmentId) : null,
      }),
      actor: t.field({ type: ActorRef, nullable: true, resolve: (event) => event.actor }),
      byViewer: t.boolean({
        description: 'Whether the subscriber made the change (in this or another window).',
        resolve: (event, _args, ctx) =>
          Boolean(ctx.user && event.actor && event.actor.userId === ctx.user.id),
      }),
      at: t.field({ type: 'DateTime', resolve: (event) => new Date(event.at) }),
    }),
  });

  const PersonRef = builder.objectRef<PresentPerson>('PresentPerson').implement({
    description: 'Someone who has a page of the plan open now (seen in the last 45 seconds).',
    fields: (t) => ({
      name: t.exposeString('name'),
      organisationName: t.exposeString('organisationName', { nullable: true }),
    }),
  });

  /** Who else is at the place ("plan": anywhere in the plan), one line per person. */
  const commitmentArg = (id: string | number | null | undefined) =>
    id === null || id === undefined ? null : String(id);

  async function present(
    ctx: RequestContext,
    planId: string,
    place: string,
  ): Promise<PresentPerson[]> {
    const seen = (await bus.presence.list(planId)).filter(
      (b) => b.userId !== ctx.user?.id && (place === 'plan' || b.place === place),
    );
    const userIds = [...new Set(seen.map((b) => b.userId))];
    if (userIds.length === 0) return [];
    const orgIds = [...new Set(seen.flatMap((b) => (b.organisationId ? [b.organisationId] : [])))];
    const [users, orgs] = await Promise.all([
      host.prisma.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, name: true },
      }),
      host.prisma.organisation.findMany({
        where: { id: { in: orgIds } },
        select: { id: true, name: true },
      }),
    ]);
    const userName = new Map(users.map((u) => [u.id, u.name]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const people = new Map<string, PresentPerson>();
    for (const beat of seen) {
      const name = userName.get(beat.userId);
      if (!name || people.has(beat.userId)) continue;
      people.set(beat.userId, {
        name,
        organisationName: beat.organisationId ? (orgName.get(beat.organisationId) ?? null) : null,
        place: beat.place,
      });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  builder.objectField(PlanRef, 'presence', (t) =>
    t.field({
      type: [PersonRef],
      description:
        'Who else has the plan open now (seen in the last 45 seconds), or only a section or a commitment of it.',
      args: {
        sectionKey: t.arg.string({ required: false }),
        commitmentId: t.arg.id({ required: false }),
      },
      resolve: async (plan, args, ctx) =>
        present(
          ctx,
          plan.id,
          await placeOf(host, plan.id, {
            sectionKey: args.sectionKey,
            commitmentId: commitmentArg(args.commitmentId),
          }),
        ),
    }),
  );

  builder.mutationField('heartbeat', (t) =>
    t.field({
      type: [PersonRef],
      description:
        'Says the viewer has this page open (send every 20 seconds); answers who else is there.',
      args: {
        planId: t.arg.id({ required: true }),
        sectionKey: t.arg.string({ required: false }),
        commitmentId: t.arg.id({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        if (!ctx.user) throw new NotFoundError('Plan');
        const plan = await visiblePlan(host, ctx, String(args.planId));
        const place = await placeOf(host, plan.id, {
          sectionKey: args.sectionKey,
          commitmentId: commitmentArg(args.commitmentId),
        });
        await bus.presence.beat({
          planId: plan.id,
          userId: ctx.user.id,
          organisationId: ctx.memberships.get(plan.partnershipId)?.organisationId ?? null,
          place,
        });
        return present(ctx, plan.id, place);
      },
    }),
  );

  builder.subscriptionType({});
  builder.subscriptionField('planEvents', (t) =>
    t.field({
      type: EventRef,
      description:
        "Changes in a plan as they are saved, for whoever may read the plan (over Server-Sent Events: POST /graphql with 'Accept: text/event-stream').",
      args: { planId: t.arg.id({ required: true }) },
      // Authorized as reading the plan is: a stranger or a signed-out caller gets "not found";
      // and again at each event, ending the stream once the member is removed or signed out.
      subscribe: async (_root, { planId }, ctx) => {
        const plan = await visiblePlan(host, ctx, String(planId));
        return whileAllowed(await bus.subscribe(plan.id), () =>
          mayStillReadPlan(host.prisma, ctx, plan.partnershipId),
        );
      },
      resolve: (event) => event,
    }),
  );
}
