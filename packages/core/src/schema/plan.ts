import type { LipBuilder } from '../builder.ts';
import { can, planFacts } from '../auth/permissions.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { visiblePlanWhere } from '../services/plans.ts';
import type { addScalarsAndEnums } from './scalars.ts';
import type { SectionRefType } from './section.ts';
import { sectionOfPlan, sectionsOfPlan } from './section-view.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;

export function addPlanType(
  builder: LipBuilder,
  host: CoreHost,
  enums: Enums,
  SectionRef: SectionRefType,
) {
  const PlanRef = builder.prismaNode('Plan', {
    id: { field: 'id' },
    findUnique: (id, ctx) => visiblePlanWhere(ctx, id),
    authScopes: (plan) => ({ member: plan.partnershipId }),
    fields: (t) => ({
      title: t.exposeString('title'),
      slug: t.exposeString('slug', {
        description:
          'Its part of the public address, unique in the partnership: "2026-29" in /published/northshire/2026-29.',
      }),
      kindTitle: t.string({
        select: { kind: { select: { title: true } } },
        resolve: (plan) => plan.kind.title,
      }),
      state: t.expose('state', { type: enums.PlanStateEnum }),
      version: t.exposeInt('version'),
      periodStart: t.expose('periodStart', { type: 'Date' }),
      periodEnd: t.expose('periodEnd', { type: 'Date' }),
      partnership: t.relation('partnership'),
      framework: t.relation('framework'),
      sections: t.field({
        type: [SectionRef],
        description: 'One per installed section plugin, by position.',
        resolve: (plan) => sectionsOfPlan(host, plan),
      }),
      section: t.field({
        type: SectionRef,
        nullable: true,
        args: { key: t.arg.string({ required: true }) },
        resolve: (plan, { key }) => sectionOfPlan(host.prisma, host, plan, key),
      }),
      archivedAt: t.expose('archivedAt', {
        type: 'DateTime',
        nullable: true,
        description:
          'When a lead archived the plan: it is kept whole and read-only, and leaves Partnership.plans (see its `archived` argument).',
      }),
      viewerCanArchive: t.boolean({
        description:
          'The partnership lead, while the plan is not archived, in partner review or signed off.',
        resolve: (plan, _args, ctx) =>
          plan.archivedAt === null &&
          plan.state !== 'PARTNER_REVIEW' &&
          plan.state !== 'SIGNED_OFF' &&
          (ctx.memberships.get(plan.partnershipId)?.roles.includes('PARTNERSHIP_LEAD') ?? false),
      }),
      viewerCanEdit: t.boolean({
        description: 'Plan-wide edits: the partnership lead, while the plan is a draft.',
        resolve: (plan, _args, ctx) => can(ctx, 'plan:edit', planFacts(plan)),
      }),
    }),
  });

  const PlanConnection = builder.connectionObject({ type: PlanRef, name: 'PlanConnection' });
  builder.prismaObjectField('Partnership', 'plans', (t) =>
    t.relatedConnection(
      'plans',
      {
        cursor: 'id',
        description: 'Newest period first. Archived plans are left out unless `archived` is true.',
        args: {
          archived: t.arg.boolean({
            defaultValue: false,
            description: 'true: only the archived plans; false (the default): the others.',
          }),
        },
        query: (args) => ({
          where: { archivedAt: args.archived ? { not: null } : null },
          orderBy: [{ periodStart: 'desc' }, { id: 'asc' }],
        }),
      },
      PlanConnection,
    ),
  );

  builder.queryField('plan', (t) =>
    t.prismaField({
      type: 'Plan',
      nullable: true,
      description: 'null when there is no such plan or the viewer cannot see it.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, { id }, ctx) => {
        const planId = idOf('Plan', String(id));
        if (!planId) return null;
        return host.prisma.plan.findFirst({ ...query, where: visiblePlanWhere(ctx, planId) });
      },
    }),
  );

  return { PlanRef };
}
