// Added by core to every section: readiness (the plugin's checks), metrics (its metric pack) and
// the standard areas its commitments usually map to.
import type { ObjectRef } from '@pothos/core';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import type { SectionStatus } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { commitmentsOfPlan } from '../plan-commitments.ts';
import { memoForPlan } from '../plan-memo.ts';
import type { CommitmentSummary, CommitmentsSummary } from '../plugin-host/types.ts';
import { metricTypes } from '../metrics/metric-type.ts';
import { withSectionTargets } from '../metrics/section-targets.ts';
import { readSectionData } from '../services/section-data.ts';
import { ragStatusOf } from '../services/commitment-fields.ts';
import type { SectionRefType } from './section.ts';
import type { SectionView } from './section-view.ts';

type StandardAreaRefType = ObjectRef<
  PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>,
  { id: string }
>;

export interface ReadinessResult {
  id: string;
  title: string;
  passed: boolean;
  message: string | null;
  field: string | null;
}

/** Every section's commitments as readiness checks see them, by section id (once per plan). */
function commitmentsBySection(host: CoreHost, plan: SectionView['plan']) {
  return memoForPlan(plan, 'readiness-commitments', async () => {
    const bySection = new Map<string, CommitmentSummary[]>();
    for (const r of await commitmentsOfPlan(host, plan)) {
      const items = bySection.get(r.sectionId) ?? [];
      items.push({
        reference: r.reference,
        title: r.title,
        rag: ragStatusOf(r),
        standards: r.standards.map((s) => s.standardArea.code).sort(),
      });
      bySection.set(r.sectionId, items);
    }
    return bySection;
  });
}

async function commitmentsOf(host: CoreHost, view: SectionView): Promise<CommitmentsSummary> {
  const items = view.row
    ? ((await commitmentsBySection(host, view.plan)).get(view.row.id) ?? [])
    : [];
  return Object.assign([...items], { count: items.length });
}

/**
 * A section's place on the plan's task list: COMPLETE when every readiness check passes,
 * NOT_STARTED while none does, else IN_PROGRESS; a section whose plugin declares no check keeps
 * its stored status. One rule for Section.progress and Plan.sectionsComplete.
 */
export function progressOf(
  status: SectionStatus,
  checks: ReadonlyArray<Pick<ReadinessResult, 'passed'>>,
): SectionStatus {
  if (checks.length === 0) return status;
  if (checks.every((check) => check.passed)) return 'COMPLETE';
  return checks.some((check) => check.passed) ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** A section's progress (see progressOf), from its memoised readiness. */
export async function sectionProgressOf(host: CoreHost, view: SectionView): Promise<SectionStatus> {
  return progressOf(view.row?.status ?? 'NOT_STARTED', await readinessOf(host, view));
}

/** Runs the section's readiness checks (in declaration order), once per section version and plan. */
export function readinessOf(host: CoreHost, view: SectionView): Promise<ReadinessResult[]> {
  const key = `readiness:${view.definition.key}:${view.row?.id ?? ''}:${view.row?.version ?? 0}`;
  return memoForPlan(view.plan, key, () => runReadiness(host, view));
}

async function runReadiness(host: CoreHost, view: SectionView): Promise<ReadinessResult[]> {
  const checks = view.definition.readinessChecks ?? [];
  if (checks.length === 0) return [];
  const data = readSectionData(view, view.definition.pluginId);
  // Metric target fields read the plan's targets (decision 027).
  const fields = await withSectionTargets(
    host,
    view,
    view.definition.readFields ? view.definition.readFields(data) : data,
  );
  const commitments = await commitmentsOf(host, view);
  const results: ReadinessResult[] = [];
  for (const check of checks) {
    const outcome = await check.check({ fields, commitments });
    const passed = outcome === true;
    results.push({
      id: check.id,
      title: check.title,
      passed,
      message: passed ? null : String(outcome),
      field: (typeof check.field === 'function' ? check.field(fields) : check.field) ?? null,
    });
  }
  return results;
}

export function addSectionReadiness(
  builder: LipBuilder,
  host: CoreHost,
  SectionRef: SectionRefType,
  StandardAreaRef: StandardAreaRefType,
) {
  const ReadinessRef = builder.objectRef<ReadinessResult>('ReadinessCheckResult').implement({
    description:
      'One readiness check of a section: what must be true before the section counts as complete.',
    fields: (t) => ({
      id: t.exposeString('id'),
      title: t.exposeString('title'),
      passed: t.exposeBoolean('passed'),
      message: t.exposeString('message', {
        nullable: true,
        description: 'What to do to pass it; null when it passes.',
      }),
      field: t.exposeString('field', {
        nullable: true,
        description:
          'The section field a person changes to pass it, as a dotted path ("dcoName", "mentalHealth.summary"); null for checks about commitments.',
      }),
    }),
  });

  const { MetricRef } = metricTypes(builder);

  builder.objectFields(SectionRef, (t) => ({
    readiness: t.field({
      type: [ReadinessRef],
      description: "The section plugin's readiness checks, in order.",
      resolve: (section) => readinessOf(host, section),
    }),
    isReady: t.boolean({
      description: 'True when every readiness check passes.',
      resolve: async (section) => (await readinessOf(host, section)).every((r) => r.passed),
    }),
    metrics: t.prismaField({
      type: [MetricRef],
      description:
        "The section plugin's metric pack (catalogue metrics it uses, then those it adds).",
      resolve: async (query, section) => {
        const plugin = host.plugin(section.definition.pluginId);
        const ids = [
          ...(plugin?.metrics?.uses ?? []),
          ...(plugin?.metrics?.adds ?? []).map((m) => m.id),
        ];
        if (ids.length === 0) return [];
        const rows = await host.prisma.metric.findMany({
          ...query,
          where: { id: { in: ids }, partnershipId: null },
        });
        const order = new Map(ids.map((id, i) => [id, i]));
        return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      },
    }),
    suggestedStandards: t.field({
      type: [StandardAreaRef],
      description:
        "Standard areas of the plan's framework this section's commitments usually map to.",
      resolve: async (section) => {
        const codes = section.definition.standardsSuggestions ?? [];
        if (codes.length === 0) return [];
        return host.prisma.standardArea.findMany({
          where: { frameworkId: section.plan.frameworkId, code: { in: [...codes] } },
          orderBy: { position: 'asc' },
        });
      },
    }),
  }));
}
