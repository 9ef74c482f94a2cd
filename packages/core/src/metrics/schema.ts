// Metric catalogue and local metrics, targets, observations and their import, the dashboard and
// disclosure settings. See docs/api-metrics.md.
import { GraphQLError } from 'graphql';
import { ObservationImportStatus, type Partnership } from '@lip/db';
import type { LipBuilder } from '../builder.ts';
import { can, planFacts, partnershipFacts } from '../auth/permissions.ts';
import { visiblePartnershipIds } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { visiblePlansWhere } from '../services/plans.ts';
import { createLocalMetric, partnershipMetrics, updateDisclosureSettings } from './catalogue.ts';
import { updateNhsGeography } from './health-geography.ts';
import {
  planDashboard,
  type Dashboard,
  type DashboardItem,
  type ObservationPoint,
} from './dashboard.ts';
import { MetricTargetConflictError } from './errors.ts';
import {
  mappingOf,
  reportOf,
  type ImportAction,
  type ImportMapping,
  type ImportReportRow,
  type ImportRowError,
  type IndicatorMapping,
} from './import.ts';
import {
  applyObservationImport,
  checkObservationImport,
  mappingInForce,
  uploadObservations,
  visibleImport,
} from './imports.ts';
import { metricTypes } from './metric-type.ts';
import {
  createMetricTarget,
  deleteMetricTarget,
  ragOf,
  trajectoryOf,
  updateMetricTarget,
  updateTargetCommentary,
  type TrajectoryPoint,
} from './targets.ts';
import { targetInclude } from './target-record.ts';

interface DisclosureSettings {
  partnership: Partnership;
}

/** An optional ID argument as a string: null (clear the link) stays apart from omitted (keep it). */
function optionalId<Absent extends null | undefined>(
  id: string | number | Absent,
): string | Absent {
  return id == null ? id : String(id);
}

export function addMetricsTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const { MetricRef, PolarityEnum, PeriodTypeEnum, RagEnum } = metricTypes(builder);

  builder.scalarType('File', {
    description: 'An uploaded file (GraphQL multipart request). Input only.',
    serialize: () => {
      throw new GraphQLError('A File is input only');
    },
    parseValue: (value) => {
      if (value instanceof File) return value;
      throw new GraphQLError('Upload the file as a multipart request');
    },
  });

  // ---- Targets -----------------------------------------------------------------------------------
  const TrajectoryPointRef = builder.objectRef<TrajectoryPoint>('TrajectoryPoint').implement({
    fields: (t) => ({ period: t.exposeString('period'), value: t.exposeString('value') }),
  });

  const MetricTargetRef = builder.prismaNode('MetricTarget', {
    id: { field: 'id' },
    include: targetInclude,
    findUnique: (id, ctx) => ({ id, plan: visiblePlansWhere(ctx) }),
    authScopes: (target) => ({ member: target.plan.partnershipId }),
    description: 'A target for one metric in a plan, optionally for one commitment.',
    fields: (t) => ({
      metric: t.relation('metric'),
      commitment: t.relation('commitment', { nullable: true }),
      ownerOrganisation: t.relation('ownerOrganisation', { nullable: true }),
      baselineValue: t.string({
        nullable: true,
        resolve: (x) => x.baselineValue?.toString() ?? null,
      }),
      baselinePeriod: t.exposeString('baselinePeriod', { nullable: true }),
      targetValue: t.string({ resolve: (x) => x.targetValue.toString() }),
      targetPeriod: t.exposeString('targetPeriod'),
      trajectory: t.field({ type: [TrajectoryPointRef], resolve: (x) => trajectoryOf(x) }),
      commentary: t.exposeString('commentary', { nullable: true }),
      commentaryByName: t.string({
        nullable: true,
        resolve: async (x) =>
          x.commentaryById
            ? ((await host.prisma.user.findUnique({ where: { id: x.commentaryById } }))?.name ??
              null)
            : null,
      }),
      commentaryAt: t.expose('commentaryAt', { type: 'DateTime', nullable: true }),
      rag: t.field({
        type: RagEnum,
        resolve: async (x, _args, ctx) => (await ragOf(host, ctx, x)).rag,
      }),
      ragReason: t.string({ resolve: async (x, _args, ctx) => (await ragOf(host, ctx, x)).reason }),
      version: t.exposeInt('version'),
      viewerCanEdit: t.boolean({
        resolve: (x, _args, ctx) => can(ctx, 'plan:edit', planFacts(x.plan)),
      }),
      viewerCanComment: t.boolean({
        resolve: (x, _args, ctx) =>
          can(ctx, 'target:comment', {
            ...planFacts(x.plan),
            organisationId: x.ownerOrganisationId,
          }),
      }),
    }),
  });

  builder.objectType(MetricTargetConflictError, {
    name: 'MetricTargetConflictError',
    interfaces: [types.ErrorInterface],
    isTypeOf: (value) => value instanceof MetricTargetConflictError,
    fields: (t) => ({
      current: t.field({
        type: MetricTargetRef,
        description: 'The target as it is now.',
        resolve: (e) => e.current,
      }),
    }),
  });

  builder.prismaObjectField('Plan', 'metricTargets', (t) =>
    t.relation('metricTargets', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  );
  builder.prismaObjectField('Commitment', 'metricTargets', (t) =>
    t.relation('metricTargets', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  );

  // ---- Dashboard ---------------------------------------------------------------------------------
  const ObservationPointRef = builder.objectRef<ObservationPoint>('ObservationPoint').implement({
    description: 'One published figure: a value, or a disclosure symbol (z, x, c, low, u) instead.',
    fields: (t) => ({
      period: t.exposeString('period'),
      value: t.exposeString('value', { nullable: true }),
      symbol: t.exposeString('symbol', { nullable: true }),
      numerator: t.exposeString('numerator', { nullable: true }),
      denominator: t.exposeString('denominator', { nullable: true }),
      provisional: t.exposeBoolean('provisional'),
      revised: t.exposeBoolean('revised'),
    }),
  });
  const DashboardItemRef = builder.objectRef<DashboardItem>('DashboardItem').implement({
    fields: (t) => ({
      metric: t.field({ type: MetricRef, resolve: (x) => x.metric }),
      target: t.field({ type: MetricTargetRef, nullable: true, resolve: (x) => x.target }),
      local: t.field({
        type: [ObservationPointRef],
        description:
          "The partnership's own geography (its local authority; the ICB for ICB metrics).",
        resolve: (x) => x.local,
      }),
      region: t.field({ type: [ObservationPointRef], resolve: (x) => x.region }),
      england: t.field({ type: [ObservationPointRef], resolve: (x) => x.england }),
      latest: t.field({ type: ObservationPointRef, nullable: true, resolve: (x) => x.latest }),
      rag: t.field({ type: RagEnum, resolve: (x) => x.rag }),
      sectionKeys: t.exposeStringList('sectionKeys'),
    }),
  });
  const DashboardRef = builder.objectRef<Dashboard>('Dashboard').implement({
    fields: (t) => ({
      themes: t.exposeStringList('themes'),
      items: t.field({ type: [DashboardItemRef], resolve: (x) => x.items }),
      exceptions: t.field({
        type: [MetricTargetRef],
        description: 'Targets rated red: the exception report.',
        resolve: (x) => x.exceptions,
      }),
    }),
  });
  builder.objectField(types.PlanRef, 'dashboard', (t) =>
    t.field({
      type: DashboardRef,
      args: { theme: t.arg.string(), sectionKey: t.arg.string() },
      resolve: (plan, args) => planDashboard(host, plan, args),
    }),
  );

  // ---- Partnership: metrics, disclosure, imports --------------------------------------------------
  const DisclosureRef = builder.objectRef<DisclosureSettings>('DisclosureSettings').implement({
    description: 'Disclosure control for published figures.',
    fields: (t) => ({
      smallNumberThreshold: t.int({
        nullable: true,
        resolve: (x) => x.partnership.smallNumberThreshold,
      }),
      roundingBase: t.int({ nullable: true, resolve: (x) => x.partnership.roundingBase }),
      isSet: t.boolean({
        description:
          'Whether the partnership has chosen its rule (saved these settings). Until it has, no plan can be submitted or published.',
        resolve: (x) => x.partnership.disclosureRuleSetAt !== null,
      }),
      setAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the rule was last saved.',
        resolve: (x) => x.partnership.disclosureRuleSetAt,
      }),
      viewerCanEdit: t.boolean({
        resolve: (x, _args, ctx) => can(ctx, 'metrics:manage', partnershipFacts(x.partnership.id)),
      }),
    }),
  });

  const StatusEnum = builder.enumType(ObservationImportStatus, { name: 'ObservationImportStatus' });
  const ActionEnum = builder.enumType('ImportRowAction', {
    values: ['ADD', 'CHANGE', 'UNCHANGED', 'REFUSE'] as const,
  });
  const IndicatorMappingRef = builder.objectRef<IndicatorMapping>('IndicatorMapping').implement({
    fields: (t) => ({
      indicator: t.exposeString('indicator'),
      metricId: t.exposeID('metricId', { nullable: true }),
    }),
  });
  const ImportMappingRef = builder.objectRef<ImportMapping>('ImportMapping').implement({
    fields: (t) => ({
      timePeriodColumn: t.exposeString('timePeriodColumn', { nullable: true }),
      timeIdentifierColumn: t.exposeString('timeIdentifierColumn', { nullable: true }),
      geographicLevelColumn: t.exposeString('geographicLevelColumn', { nullable: true }),
      geographyCodeColumn: t.exposeString('geographyCodeColumn', {
        nullable: true,
        description:
          "One column for every row's geography code; null: DfE's column for each level (new_la_code, icb_code, region_code...).",
      }),
      indicatorColumn: t.exposeString('indicatorColumn', {
        nullable: true,
        description: 'Tidy layout: the column naming the measure.',
      }),
      valueColumn: t.exposeString('valueColumn', {
        nullable: true,
        description: "Tidy layout: the indicator's value column.",
      }),
      numeratorColumn: t.exposeString('numeratorColumn', { nullable: true }),
      denominatorColumn: t.exposeString('denominatorColumn', { nullable: true }),
      filterColumns: t.exposeStringList('filterColumns', {
        description: 'Breakdowns, e.g. sen_status, primary_need.',
      }),
      metricForIndicator: t.field({
        type: [IndicatorMappingRef],
        resolve: (x) => x.metricForIndicator,
      }),
    }),
  });
  const ImportRowErrorRef = builder.objectRef<ImportRowError>('ImportRowError').implement({
    fields: (t) => ({
      row: t.exposeInt('row', {
        description: 'The row number as in the file (1 is the header; 0: the whole file).',
      }),
      column: t.exposeString('column', { nullable: true }),
      message: t.exposeString('message'),
    }),
  });
  const ImportReportRowRef = builder.objectRef<ImportReportRow>('ImportReportRow').implement({
    fields: (t) => ({
      row: t.exposeInt('row'),
      action: t.field({ type: ActionEnum, resolve: (x) => x.action }),
      metricId: t.exposeString('metricId', { nullable: true }),
      geography: t.exposeString('geography', { nullable: true }),
      period: t.exposeString('period', { nullable: true }),
      breakdown: t.exposeString('breakdown', { nullable: true }),
      before: t.exposeString('before', { nullable: true }),
      after: t.exposeString('after', { nullable: true }),
      reason: t.exposeString('reason', { nullable: true }),
    }),
  });

  const ObservationImportRef = builder.prismaNode('ObservationImport', {
    id: { field: 'id' },
    // The file's bytes stay in the database: the API never sends them back.
    select: {
      id: true,
      partnershipId: true,
      planId: true,
      fileName: true,
      fileSha256: true,
      status: true,
      mapping: true,
      totalRows: true,
      processedRows: true,
      addedRows: true,
      changedRows: true,
      unchangedRows: true,
      refusedRows: true,
      errors: true,
      report: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      appliedAt: true,
      createdById: true,
    },
    findUnique: (id, ctx) => ({ id, partnershipId: { in: visiblePartnershipIds(ctx) } }),
    authScopes: (imp) => ({ member: imp.partnershipId }),
    description: 'One uploaded CSV of observations on its way in: mapping, dry run, apply.',
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      status: t.expose('status', { type: StatusEnum }),
      version: t.exposeInt('version'),
      columns: t.stringList({
        description: "The file's header row.",
        select: { report: true },
        resolve: (x) => reportOf(x.report).columns,
      }),
      mapping: t.field({
        type: ImportMappingRef,
        description:
          "The mapping in force, else the one suggested from DfE's standard column names.",
        resolve: (x) => mappingOf(x.mapping) ?? mappingInForce(host, x),
      }),
      indicators: t.stringList({
        description: 'Indicator values in the file (for mapping them to metrics).',
        select: { report: true },
        resolve: (x) => reportOf(x.report).indicators,
      }),
      totalRows: t.exposeInt('totalRows'),
      processedRows: t.exposeInt('processedRows'),
      addedRows: t.exposeInt('addedRows'),
      changedRows: t.exposeInt('changedRows'),
      unchangedRows: t.exposeInt('unchangedRows'),
      refusedRows: t.exposeInt('refusedRows'),
      // Each JSON field names its column: without it Pothos may resolve it from a row loaded
      // before the job's last write (seen on PostgreSQL: a CHECKED import with an empty report).
      errors: t.field({
        type: [ImportRowErrorRef],
        select: { errors: true },
        resolve: (x) => (Array.isArray(x.errors) ? (x.errors as unknown as ImportRowError[]) : []),
      }),
      report: t.field({
        type: [ImportReportRowRef],
        select: { report: true },
        description: 'Dry-run report rows (first 1,000 of each action).',
        args: { action: t.arg({ type: ActionEnum }) },
        resolve: (x, { action }) =>
          reportOf(x.report).rows.filter((r) => !action || r.action === (action as ImportAction)),
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      appliedAt: t.expose('appliedAt', { type: 'DateTime', nullable: true }),
    }),
  });

  builder.prismaObjectFields('Partnership', (t) => ({
    metrics: t.field({
      type: [MetricRef],
      description: "Catalogue metrics and this partnership's local metrics, by theme then title.",
      resolve: (partnership) => partnershipMetrics(host, partnership.id),
    }),
    disclosure: t.field({ type: DisclosureRef, resolve: (partnership) => ({ partnership }) }),
    icbCode: t.exposeString('icbCode', {
      nullable: true,
      description: "The ICB whose footprint the partnership shares: health metrics' own figures.",
    }),
    subIcbCodes: t.exposeStringList('subIcbCodes', {
      description:
        'The sub-ICB locations covering the area: NHS figures published only per sub-ICB location (HLT-02) are rated against them.',
    }),
    observationImports: t.field({
      type: [ObservationImportRef],
      description: 'Newest first.',
      resolve: (partnership) =>
        host.prisma.observationImport.findMany({
          where: { partnershipId: partnership.id },
          omit: { content: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 100,
        }),
    }),
  }));

  builder.queryField('observationImport', (t) =>
    t.field({
      type: ObservationImportRef,
      nullable: true,
      description: 'null when there is no such import or the viewer cannot see it.',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => {
        try {
          return await visibleImport(host, ctx, String(id));
        } catch (error) {
          if (error instanceof NotFoundError) return null;
          throw error;
        }
      },
    }),
  );

  // ---- Mutations ----------------------------------------------------------------------------------
  const CreateLocalMetricInput = builder.inputType('CreateLocalMetricInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      title: t.string({ required: true }),
      theme: t.string({ required: true }),
      unit: t.string({ required: true }),
      polarity: t.field({ type: PolarityEnum, required: true }),
      periodType: t.field({ type: PeriodTypeEnum, required: true }),
      numerator: t.string(),
      denominator: t.string(),
      source: t.string(),
      decimals: t.int({
        description:
          'Decimal places figures are shown to, 0 to 4; by default 0 for counts, 1 otherwise.',
      }),
    }),
  });
  const UpdateDisclosureInput = builder.inputType('UpdateDisclosureSettingsInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      smallNumberThreshold: t.int({
        description: 'Counts below this are suppressed ("c"); null for none. 1 to 100.',
      }),
      roundingBase: t.int({
        description: 'Round counts to a multiple of this; null for none. 1 to 1,000.',
      }),
    }),
  });
  const UpdateNhsGeographyInput = builder.inputType('UpdateNhsGeographyInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      icbCode: t.string({ description: 'ONS (E54...) or ODS code; null or empty for none.' }),
      subIcbCodes: t.stringList({
        description: 'ONS (E38...) or ODS codes, at most 20; an empty list for none.',
      }),
    }),
  });
  const TrajectoryPointInput = builder.inputType('TrajectoryPointInput', {
    fields: (t) => ({ period: t.string({ required: true }), value: t.string({ required: true }) }),
  });
  const CreateMetricTargetInput = builder.inputType('CreateMetricTargetInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      metricId: t.id({ required: true }),
      commitmentId: t.id(),
      ownerOrganisationId: t.id(),
      baselineValue: t.string({ description: 'A decimal as text, e.g. "61.5".' }),
      baselinePeriod: t.string({ description: 'In the metric\'s period type, e.g. "2023/24".' }),
      targetValue: t.string({ required: true }),
      targetPeriod: t.string({ required: true }),
      trajectory: t.field({ type: [TrajectoryPointInput] }),
    }),
  });
  const UpdateMetricTargetInput = builder.inputType('UpdateMetricTargetInput', {
    description: 'Every field but id and version is optional; an omitted field is unchanged.',
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      commitmentId: t.id(),
      ownerOrganisationId: t.id(),
      baselineValue: t.string(),
      baselinePeriod: t.string(),
      targetValue: t.string(),
      targetPeriod: t.string(),
      trajectory: t.field({ type: [TrajectoryPointInput] }),
    }),
  });
  const DeleteMetricTargetInput = builder.inputType('DeleteMetricTargetInput', {
    fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
  });
  const UpdateTargetCommentaryInput = builder.inputType('UpdateTargetCommentaryInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      commentary: t.string({ required: true }),
    }),
  });
  const UploadObservationsInput = builder.inputType('UploadObservationsInput', {
    description:
      'The CSV as a multipart `file`, or (in process) as `contentBase64`. At most 20 MB.',
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      planId: t.id(),
      file: t.field({ type: 'File' }),
      contentBase64: t.string(),
      fileName: t.string({ description: 'Defaults to the uploaded file’s name.' }),
    }),
  });
  const IndicatorMappingInput = builder.inputType('IndicatorMappingInput', {
    fields: (t) => ({ indicator: t.string({ required: true }), metricId: t.id() }),
  });
  const ImportMappingInput = builder.inputType('ImportMappingInput', {
    fields: (t) => ({
      timePeriodColumn: t.string(),
      timeIdentifierColumn: t.string(),
      geographicLevelColumn: t.string(),
      geographyCodeColumn: t.string(),
      indicatorColumn: t.string(),
      valueColumn: t.string(),
      numeratorColumn: t.string(),
      denominatorColumn: t.string(),
      filterColumns: t.stringList(),
      metricForIndicator: t.field({ type: [IndicatorMappingInput] }),
    }),
  });
  const CheckImportInput = builder.inputType('CheckObservationImportInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      mapping: t.field({ type: ImportMappingInput, required: true }),
    }),
  });
  const ApplyImportInput = builder.inputType('ApplyObservationImportInput', {
    fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
  });

  const common = [ValidationError, NotFoundError, ForbiddenError];
  builder.mutationFields((t) => ({
    createLocalMetric: t.field({
      type: MetricRef,
      errors: { types: common },
      args: { input: t.arg({ type: CreateLocalMetricInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        createLocalMetric(host, ctx, { ...input, partnershipId: String(input.partnershipId) }),
    }),
    updateDisclosureSettings: t.field({
      type: types.PartnershipRef,
      errors: { types: common },
      args: { input: t.arg({ type: UpdateDisclosureInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateDisclosureSettings(host, ctx, {
          ...input,
          partnershipId: String(input.partnershipId),
        }),
    }),
    updateNhsGeography: t.field({
      type: types.PartnershipRef,
      description: "The partnership's ICB and sub-ICB location codes (metrics:manage).",
      errors: { types: common },
      args: { input: t.arg({ type: UpdateNhsGeographyInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateNhsGeography(host, ctx, {
          ...input,
          partnershipId: String(input.partnershipId),
        }),
    }),
    createMetricTarget: t.field({
      type: MetricTargetRef,
      errors: { types: common },
      args: { input: t.arg({ type: CreateMetricTargetInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        createMetricTarget(host, ctx, {
          ...input,
          planId: String(input.planId),
          metricId: String(input.metricId),
          commitmentId: optionalId(input.commitmentId),
          ownerOrganisationId: optionalId(input.ownerOrganisationId),
        }),
    }),
    updateMetricTarget: t.field({
      type: MetricTargetRef,
      errors: { types: [MetricTargetConflictError, ...common] },
      args: { input: t.arg({ type: UpdateMetricTargetInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateMetricTarget(host, ctx, {
          ...input,
          id: String(input.id),
          commitmentId: optionalId(input.commitmentId),
          ownerOrganisationId: optionalId(input.ownerOrganisationId),
        }),
    }),
    deleteMetricTarget: t.field({
      type: types.PlanRef,
      errors: { types: [MetricTargetConflictError, ...common] },
      args: { input: t.arg({ type: DeleteMetricTargetInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        deleteMetricTarget(host, ctx, { id: String(input.id), version: input.version }),
    }),
    updateTargetCommentary: t.field({
      type: MetricTargetRef,
      errors: { types: [MetricTargetConflictError, ...common] },
      args: { input: t.arg({ type: UpdateTargetCommentaryInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateTargetCommentary(host, ctx, { ...input, id: String(input.id) }),
    }),
    uploadObservations: t.field({
      type: ObservationImportRef,
      description: 'Upload a CSV (GraphQL multipart `File`, or `contentBase64` when in process).',
      errors: { types: common },
      args: { input: t.arg({ type: UploadObservationsInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        uploadObservations(host, ctx, {
          ...input,
          partnershipId: String(input.partnershipId),
          planId: input.planId == null ? null : String(input.planId),
        }),
    }),
    checkObservationImport: t.field({
      type: ObservationImportRef,
      description:
        'Save the mapping and start the dry run (runs in the background; poll observationImport).',
      errors: { types: common },
      args: { input: t.arg({ type: CheckImportInput, required: true }) },
      resolve: (_root, { input }, ctx) => {
        const m = input.mapping;
        return checkObservationImport(host, ctx, {
          id: String(input.id),
          version: input.version,
          mapping: {
            timePeriodColumn: m.timePeriodColumn ?? null,
            timeIdentifierColumn: m.timeIdentifierColumn ?? null,
            geographicLevelColumn: m.geographicLevelColumn ?? null,
            geographyCodeColumn: m.geographyCodeColumn ?? null,
            indicatorColumn: m.indicatorColumn ?? null,
            valueColumn: m.valueColumn ?? null,
            numeratorColumn: m.numeratorColumn ?? null,
            denominatorColumn: m.denominatorColumn ?? null,
            filterColumns: m.filterColumns ?? [],
            metricForIndicator: (m.metricForIndicator ?? []).map((x) => ({
              indicator: x.indicator,
              metricId: x.metricId == null ? null : String(x.metricId),
            })),
          },
        });
      },
    }),
    applyObservationImport: t.field({
      type: ObservationImportRef,
      description:
        'Write what the dry run reported, in one transaction (in the background; poll observationImport). The same file again changes nothing.',
      errors: { types: common },
      args: { input: t.arg({ type: ApplyImportInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        applyObservationImport(host, ctx, { id: String(input.id), version: input.version }),
    }),
  }));
}
