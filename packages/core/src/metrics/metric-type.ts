// The Metric object type and the metrics enums. Defined once per builder: the section's `metrics`
// field (schema/section-readiness.ts) and the metrics schema (index.ts) share the refs.
import { GeographyLevel, PeriodType, Polarity } from '@lip/db';
import type { LipBuilder } from '../builder.ts';

function defineMetricTypes(builder: LipBuilder) {
  const PolarityEnum = builder.enumType(Polarity, {
    name: 'Polarity',
    description:
      'Which way is better: higher, lower, or neither (a context measure, never rated red).',
  });
  const PeriodTypeEnum = builder.enumType(PeriodType, { name: 'PeriodType' });
  const GeographyLevelEnum = builder.enumType(GeographyLevel, { name: 'GeographyLevel' });
  const RagEnum = builder.enumType('Rag', {
    description: 'How a target is doing, from the latest local figure.',
    values: ['RED', 'AMBER', 'GREEN', 'NO_DATA', 'NO_TARGET'] as const,
  });

  const MetricRef = builder.prismaObject('Metric', {
    description:
      "A measure: national catalogue entry, a plugin metric pack entry, or a partnership's local metric.",
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('id'),
      title: t.exposeString('title'),
      theme: t.exposeString('theme'),
      unit: t.exposeString('unit'),
      polarity: t.expose('polarity', { type: PolarityEnum }),
      periodType: t.expose('periodType', { type: PeriodTypeEnum }),
      numerator: t.exposeString('numerator', { nullable: true }),
      denominator: t.exposeString('denominator', { nullable: true }),
      source: t.exposeString('source', { nullable: true }),
      decimals: t.exposeInt('decimals', {
        description:
          "Decimal places figures are published to (LAIT's, else the release's): every page and export shows them so.",
      }),
      indicators: t.exposeStringList('indicators', {
        description:
          'Names DfE\'s own files give this measure (indicator values, or columns of a wide file such as sen2_mi.csv\'s "ass_refused_ehc_pc"): the import maps them without being told.',
      }),
      status: t.exposeString('status'),
      pluginId: t.exposeString('pluginId', { nullable: true }),
      isLocal: t.boolean({
        description: "True for the partnership's own metrics (not in the national catalogue).",
        resolve: (metric) => metric.partnershipId !== null,
      }),
    }),
  });
  return { MetricRef, PolarityEnum, PeriodTypeEnum, GeographyLevelEnum, RagEnum };
}

export type MetricTypeRefs = ReturnType<typeof defineMetricTypes>;

const refsByBuilder = new WeakMap<LipBuilder, MetricTypeRefs>();

/** The Metric type and metrics enums of this builder (defined on first call). */
export function metricTypes(builder: LipBuilder): MetricTypeRefs {
  let refs = refsByBuilder.get(builder);
  if (!refs) {
    refs = defineMetricTypes(builder);
    refsByBuilder.set(builder, refs);
  }
  return refs;
}
