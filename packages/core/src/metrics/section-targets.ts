// A section's metric target fields (SectionDefinition.metricTargetFields, from the SDK's
// `field.metricTarget`): the value lives only in the plan's metric target, so the section and the
// metrics dashboard can never disagree (issue 14, decision 027). Reading fills the fields in from
// the plan's targets; writing through the section writes the target, with the section's
// permission (section:update) and the target's own audit entries.
import type { Metric, MetricTarget, Plan, PeriodType } from '@lip/db';
import type { Membership, RequestContext } from '../context.ts';
import { type FieldError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { InstalledSection, SectionMetricTargetField } from '../plugin-host/types.ts';
import type { SectionView } from '../schema/section-view.ts';
import { planTargets } from './plan-targets.ts';
import { insertTarget, visibleMetric, writeTarget } from './targets.ts';
import { targetInclude } from './target-record.ts';

type Values = Record<string, unknown>;

/**
 * The plan's target of each metric. A plan may hold more than one target of a metric (tied to
 * different commitments); "the" target a section shows is the first made. One statement per plan
 * and request.
 */
export async function planTargetsByMetric(
  host: CoreHost,
  plan: Pick<Plan, 'id'>,
): Promise<Map<string, MetricTarget>> {
  const byMetric = new Map<string, MetricTarget>();
  for (const row of await planTargets(host, plan))
    if (!byMetric.has(row.metricId)) byMetric.set(row.metricId, row);
  return byMetric;
}

/** The value of each of the section's metric target fields (by dotted path; null when unset). */
export async function sectionTargetValues(
  host: CoreHost,
  view: Pick<SectionView, 'plan' | 'definition'>,
): Promise<Record<string, number | null>> {
  const fields = view.definition.metricTargetFields ?? [];
  if (fields.length === 0) return {};
  const targets = await planTargetsByMetric(host, view.plan);
  return Object.fromEntries(
    fields.map((f) => {
      const target = targets.get(f.metric);
      return [f.path, target ? Number(target.targetValue) : null];
    }),
  );
}

/** A copy of `values` with each dotted path set (groups copied on the way down). */
export function withValuesAt(values: Values, byPath: Record<string, unknown>): Values {
  const out: Values = { ...values };
  for (const [path, value] of Object.entries(byPath)) {
    const parts = path.split('.');
    let holder = out;
    for (const part of parts.slice(0, -1)) {
      const next = holder[part];
      const copy: Values =
        next && typeof next === 'object' && !Array.isArray(next) ? { ...next } : {};
      holder[part] = copy;
      holder = copy;
    }
    holder[parts[parts.length - 1]!] = value;
  }
  return out;
}

/** The section's fields as read, with its metric target fields filled in from the plan's targets. */
export async function withSectionTargets(
  host: CoreHost,
  view: Pick<SectionView, 'plan' | 'definition'>,
  values: Values,
): Promise<Values> {
  if ((view.definition.metricTargetFields ?? []).length === 0) return values;
  return withValuesAt(values, await sectionTargetValues(host, view));
}

/**
 * The period a new target is set for: the one the plan's last day falls in, in the metric's period
 * type (a plan ending on 31 August 2029: "2029", "2028/29", "2029-30", "2029-08").
 */
export function planEndPeriod(type: PeriodType, plan: Pick<Plan, 'periodEnd' | 'slug'>): string {
  const end = plan.periodEnd;
  const y = end.getUTCFullYear();
  const m = end.getUTCMonth() + 1;
  const span = (start: number, sep: string) =>
    `${start}${sep}${String((start + 1) % 100).padStart(2, '0')}`;
  switch (type) {
    case 'CALENDAR_YEAR':
    case 'JANUARY_SNAPSHOT':
    case 'MARCH_SNAPSHOT':
      return String(y);
    case 'ACADEMIC_YEAR':
      return span(m >= 9 ? y : y - 1, '/');
    case 'FINANCIAL_YEAR':
      return span(m >= 4 ? y : y - 1, '-');
    case 'MONTHLY':
    case 'ROLLING_12_MONTHS':
      return `${y}-${String(m).padStart(2, '0')}`;
    case 'EVENT':
    case 'LOCAL':
      return `End of the plan (${plan.slug})`.slice(0, 50);
  }
}

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;

interface PlannedWrite {
  field: SectionMetricTargetField;
  metric: Metric;
  existing: MetricTarget | undefined;
  value: string;
}

/**
 * Checks a section's metric target values before anything is written (field errors name the
 * section's fields) and returns the writes to make: only values that change. The caller has
 * already authorised section:update on this section.
 */
export async function planSectionTargetWrites(
  host: CoreHost,
  plan: Plan,
  definition: InstalledSection,
  values: Record<string, number | null>,
): Promise<PlannedWrite[]> {
  const fields = definition.metricTargetFields ?? [];
  const errors: FieldError[] = [];
  const planned: PlannedWrite[] = [];
  const current = await host.prisma.metricTarget.findMany({
    where: { planId: plan.id, metricId: { in: fields.map((f) => f.metric) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const [path, value] of Object.entries(values)) {
    const field = fields.find((f) => f.path === path);
    if (!field) throw new Error(`Section "${definition.key}" has no metric target field "${path}"`);
    const existing = current.find((t) => t.metricId === field.metric);
    if (value === null) {
      // Removing a target removes its baseline, trajectory and commentary too: not from a form
      // field left blank.
      if (existing)
        errors.push({
          path: path.split('.'),
          message: `Enter ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}: a target is removed from the plan's metrics, not here`,
        });
      continue;
    }
    const text = String(value);
    if (!DECIMAL.test(text)) {
      errors.push({
        path: path.split('.'),
        message: 'Enter a number, like 85 or 12.5 (up to 4 decimal places)',
      });
      continue;
    }
    if (existing && Number(existing.targetValue) === value) continue;
    const metric = await visibleMetric(host, plan.partnershipId, field.metric);
    if (!metric) throw new Error(`Metric "${field.metric}" is not in the catalogue`);
    planned.push({ field, metric, existing, value: text });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return planned;
}

/**
 * Makes the planned writes: an existing target gets its new value ("metricTarget.update"); a
 * missing one is created for the plan's last period, answered for by the section's owner
 * ("metricTarget.create"). Each is its own audited transaction, as through the metric mutations.
 */
export async function writeSectionTargets(
  host: CoreHost,
  ctx: RequestContext,
  membership: Membership,
  plan: Plan,
  ownerOrganisationId: string | null,
  planned: readonly PlannedWrite[],
): Promise<void> {
  for (const { metric, existing, value } of planned) {
    if (existing) {
      const record = await host.prisma.metricTarget.findUniqueOrThrow({
        where: { id: existing.id },
        include: targetInclude,
      });
      await writeTarget(
        host,
        ctx,
        record,
        record.version,
        { targetValue: value },
        'metricTarget.update',
        membership,
      );
    } else {
      await insertTarget(host, ctx, membership, plan, metric, {
        targetValue: value,
        targetPeriod: planEndPeriod(metric.periodType, plan),
        ownerOrganisationId,
      });
    }
  }
}
