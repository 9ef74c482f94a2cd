// The oversight feature's GraphQL: `Query.oversight` (null without an oversight membership) reading
// the published plans of the partnerships in scope, and the service administrator's grants.
import type { LipBuilder } from '../builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { grantOversight, oversightGrants, revokeOversight, type OversightGrant } from './grants.ts';
import {
  OVERSIGHT_SORTS,
  oversightHeatMap,
  oversightMetric,
  oversightMetrics,
  oversightRows,
  type Figure,
  type HeatMap,
  type MetricComparison,
  type OversightRow,
} from './overview.ts';
import { oversightScopeOf, type OversightScope } from './scope.ts';

export function addOversightTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const { enums } = types;
  const prisma = host.prisma;

  const SortEnum = builder.enumType('OversightSort', {
    description:
      'How the table of partnerships is ordered: by name (default), region or plan state ascending; by date or count largest first.',
    values: OVERSIGHT_SORTS,
  });
  const HeatMapStatusEnum = builder.enumType('HeatMapStatus', {
    values: {
      COVERED: { description: 'The published plan has a commitment mapped to the area.' },
      NOT_APPLICABLE: { description: 'The partnership marked the area not applicable.' },
      GAP: { description: 'Neither: a gap in the published plan.' },
      NOT_IN_FRAMEWORK: { description: 'The plan’s standards framework has no such area.' },
    },
  });

  const PartnershipRowRef = builder.objectRef<OversightRow>('OversightPartnership').implement({
    description:
      'A plan of a partnership in scope (or the partnership alone when it has no plan): its submission state, and what its published version shows. Never a draft’s content.',
    fields: (t) => ({
      partnershipSlug: t.string({ resolve: (r) => r.partnership.slug }),
      partnershipName: t.string({ resolve: (r) => r.partnership.name }),
      region: t.string({ nullable: true, resolve: (r) => r.partnership.region }),
      icbCode: t.string({ nullable: true, resolve: (r) => r.partnership.icbCode }),
      localAuthorityCodes: t.stringList({ resolve: (r) => r.partnership.localAuthorityCodes }),
      planSlug: t.string({
        nullable: true,
        description: 'The plan’s period, e.g. 2026-29; null when the partnership has no plan.',
        resolve: (r) => r.plan?.slug ?? null,
      }),
      state: t.field({
        type: enums.PlanStateEnum,
        nullable: true,
        description:
          'Submission status: where the plan stands now (a draft, in partner review, signed off, published). null when there is no plan.',
        resolve: (r) => r.plan?.state ?? null,
      }),
      signOffsOutstanding: t.int({
        description:
          'Signing organisations (and parent carer forums) yet to decide on the version in partner review; 0 in any other state.',
        resolve: (r) => r.signOffsOutstanding,
      }),
      publishedTitle: t.string({
        nullable: true,
        description: 'The title as published; null when nothing is published.',
        resolve: (r) => r.published?.title ?? null,
      }),
      publishedVersion: t.int({ nullable: true, resolve: (r) => r.published?.version ?? null }),
      lastPublishedAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: (r) => r.published?.publishedAt ?? null,
      }),
      publicPath: t.string({
        nullable: true,
        description: 'The published version’s public address.',
        resolve: (r) => r.published?.path ?? null,
      }),
      coveredAreas: t.int({ nullable: true, resolve: (r) => r.published?.coveredAreas ?? null }),
      notApplicableAreas: t.int({
        nullable: true,
        resolve: (r) => r.published?.notApplicableAreas ?? null,
      }),
      uncoveredAreas: t.int({
        nullable: true,
        description: 'Standard areas with neither a commitment nor a reason they do not apply.',
        resolve: (r) => r.published?.uncoveredAreas ?? null,
      }),
      redTargetsWithCommentary: t.int({
        nullable: true,
        resolve: (r) => r.published?.redTargetsWithCommentary ?? null,
      }),
      redTargetsWithoutCommentary: t.int({
        nullable: true,
        resolve: (r) => r.published?.redTargetsWithoutCommentary ?? null,
      }),
    }),
  });

  const HeatMapAreaRef = builder.objectRef<HeatMap['areas'][number]>('HeatMapArea').implement({
    fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
  });
  const HeatMapRowRef = builder.objectRef<HeatMap['rows'][number]>('HeatMapRow').implement({
    fields: (t) => ({
      partnershipSlug: t.string({ resolve: (r) => r.entry.partnership.slug }),
      partnershipName: t.string({ resolve: (r) => r.entry.partnership.name }),
      region: t.string({ nullable: true, resolve: (r) => r.entry.partnership.region }),
      planSlug: t.string({ nullable: true, resolve: (r) => r.entry.plan?.slug ?? null }),
      published: t.boolean({ resolve: (r) => r.entry.publication !== null }),
      publicPath: t.string({
        nullable: true,
        resolve: (r) => r.entry.publication?.version.publicPath ?? null,
      }),
      cells: t.field({
        type: [HeatMapStatusEnum],
        description: 'One per HeatMap.areas, in order; empty when nothing is published.',
        resolve: (r) => r.cells,
      }),
    }),
  });
  const HeatMapRef = builder.objectRef<HeatMap>('HeatMap').implement({
    description:
      'Partnerships × the standard areas of their published plans (the union, by position).',
    fields: (t) => ({
      areas: t.field({ type: [HeatMapAreaRef], resolve: (h) => h.areas }),
      rows: t.field({ type: [HeatMapRowRef], resolve: (h) => h.rows }),
    }),
  });

  const FigureRef = builder.objectRef<Figure>('OversightFigure').implement({
    description: 'A published figure, after disclosure control.',
    fields: (t) => ({
      geographyCode: t.exposeString('geographyCode'),
      period: t.exposeString('period'),
      value: t.exposeString('value', {
        nullable: true,
        description: 'A decimal; null when suppressed or not available (see symbol).',
      }),
      symbol: t.exposeString('symbol', { nullable: true }),
    }),
  });
  const RegionFigureRef = builder
    .objectRef<MetricComparison['regions'][number]>('OversightRegionFigure')
    .implement({
      fields: (t) => ({
        region: t.exposeString('region'),
        figure: t.field({ type: FigureRef, resolve: (r) => r.figure }),
      }),
    });
  const MetricRowRef = builder
    .objectRef<MetricComparison['partnerships'][number]>('OversightMetricPartnership')
    .implement({
      fields: (t) => ({
        partnershipSlug: t.string({ resolve: (r) => r.entry.partnership.slug }),
        partnershipName: t.string({ resolve: (r) => r.entry.partnership.name }),
        region: t.string({ nullable: true, resolve: (r) => r.entry.partnership.region }),
        planSlug: t.string({ nullable: true, resolve: (r) => r.entry.plan?.slug ?? null }),
        publicPath: t.string({
          nullable: true,
          resolve: (r) => r.entry.publication?.version.publicPath ?? null,
        }),
        figure: t.field({
          type: FigureRef,
          nullable: true,
          description: 'The figure the published RAG rating was measured against.',
          resolve: (r) => r.figure,
        }),
        targetValue: t.string({ resolve: (r) => r.target.value }),
        targetPeriod: t.string({ resolve: (r) => r.target.period }),
        rag: t.exposeString('rag', { description: 'RED, AMBER, GREEN, NO_DATA or NO_TARGET.' }),
        commentary: t.exposeString('commentary', { nullable: true }),
      }),
    });
  const MetricComparisonRef = builder
    .objectRef<MetricComparison>('OversightMetricComparison')
    .implement({
      description:
        'One national metric across the published plans in scope, with England and region figures from the same publications.',
      fields: (t) => ({
        code: t.exposeString('code'),
        title: t.exposeString('title'),
        unit: t.exposeString('unit'),
        polarity: t.exposeString('polarity'),
        england: t.field({ type: FigureRef, nullable: true, resolve: (m) => m.england }),
        regions: t.field({ type: [RegionFigureRef], resolve: (m) => m.regions }),
        partnerships: t.field({ type: [MetricRowRef], resolve: (m) => m.partnerships }),
      }),
    });
  const MetricSummaryRef = builder
    .objectRef<{ code: string; title: string; partnershipCount: number }>('OversightMetricSummary')
    .implement({
      fields: (t) => ({
        code: t.exposeString('code'),
        title: t.exposeString('title'),
        partnershipCount: t.exposeInt('partnershipCount'),
      }),
    });

  const OversightRef = builder.objectRef<OversightScope>('Oversight').implement({
    description:
      'Read-only oversight of the published plans of partnerships in one region (or all England): only what partnerships have published, and their submission status.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'The team, e.g. DfE North West region.' }),
      region: t.exposeString('region', {
        nullable: true,
        description: 'The region overseen; null for all England.',
      }),
      partnerships: t.field({
        type: [PartnershipRowRef],
        args: {
          region: t.arg.string({ description: 'Only partnerships in this region.' }),
          icbCode: t.arg.string({ description: 'Only partnerships sharing this ICB’s footprint.' }),
          state: t.arg({ type: enums.PlanStateEnum, description: 'Only plans in this state.' }),
          sort: t.arg({ type: SortEnum, description: 'Default NAME.' }),
        },
        resolve: (scope, args) => oversightRows(prisma, scope, args, args.sort ?? 'NAME'),
      }),
      heatMap: t.field({
        type: HeatMapRef,
        args: {
          region: t.arg.string(),
          icbCode: t.arg.string(),
          state: t.arg({ type: enums.PlanStateEnum }),
        },
        resolve: (scope, args) => oversightHeatMap(prisma, scope, args),
      }),
      metrics: t.field({
        type: [MetricSummaryRef],
        description: 'The national metrics the published plans in scope set targets on.',
        resolve: (scope) => oversightMetrics(prisma, scope),
      }),
      metric: t.field({
        type: MetricComparisonRef,
        nullable: true,
        description: 'One national metric across the partnerships; null for an unknown code.',
        args: {
          code: t.arg.string({ required: true, description: 'The metric’s id in the catalogue.' }),
          region: t.arg.string(),
          icbCode: t.arg.string(),
        },
        resolve: (scope, args) => oversightMetric(prisma, scope, args.code, args),
      }),
    }),
  });

  const GrantRef = builder.objectRef<OversightGrant>('OversightMembership').implement({
    description: 'A person’s oversight, granted by a service administrator.',
    fields: (t) => ({
      id: t.id({ resolve: (g) => encodeGlobalId('OversightMembership', g.id) }),
      name: t.exposeString('name'),
      region: t.exposeString('region', { nullable: true, description: 'null: all England.' }),
      grantedAt: t.field({ type: 'DateTime', resolve: (g) => g.grantedAt }),
      userEmail: t.string({ resolve: (g) => g.user.email }),
      userName: t.string({ resolve: (g) => g.user.name }),
      grantedByName: t.string({ nullable: true, resolve: (g) => g.grantedBy?.name ?? null }),
    }),
  });

  builder.queryFields((t) => ({
    oversight: t.field({
      type: OversightRef,
      nullable: true,
      description:
        'The viewer’s oversight of published plans across partnerships; null without an oversight membership.',
      resolve: (_root, _args, ctx) => oversightScopeOf(prisma, ctx),
    }),
    oversightMemberships: t.field({
      type: [GrantRef],
      description: 'Every oversight membership (service administrators only).',
      errors: { types: [ForbiddenError] },
      resolve: (_root, _args, ctx) => oversightGrants(prisma, ctx),
    }),
  }));

  const GrantInput = builder.inputType('GrantOversightInput', {
    fields: (t) => ({
      email: t.string({ required: true, description: 'An existing account’s email address.' }),
      name: t.string({ required: true, description: 'The team, e.g. DfE North West region.' }),
      region: t.string({ description: 'A region of England; empty or absent for all England.' }),
    }),
  });
  const RevokeInput = builder.inputType('RevokeOversightInput', {
    fields: (t) => ({ id: t.id({ required: true }) }),
  });
  builder.mutationFields((t) => ({
    grantOversight: t.field({
      type: GrantRef,
      description:
        'Grants a person (an existing account) read-only oversight of the published plans of a region, or all England (service administrators only).',
      errors: { types: [ValidationError, ForbiddenError] },
      args: { input: t.arg({ type: GrantInput, required: true }) },
      resolve: (_root, { input }, ctx) => grantOversight(prisma, ctx, input),
    }),
    revokeOversight: t.field({
      type: GrantRef,
      description: 'Ends a person’s oversight (service administrators only).',
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: RevokeInput, required: true }) },
      resolve: (_root, { input }, ctx) => revokeOversight(prisma, ctx, String(input.id)),
    }),
  }));
}
