// Exception report: a metric rated red needs a written commentary from its owning organisation
// before the plan can be submitted. The workflow's submission check calls this.
import type { Partnership, Plan } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { planTargets } from './plan-targets.ts';
import { rateTargets } from './targets.ts';

export interface MetricException {
  targetId: string;
  metricId: string;
  metricTitle: string;
  /** The section the target belongs to (through its commitment, or the metric pack), if any. */
  sectionKey: string | null;
  ownerOrganisationName: string | null;
}

/** The section whose plugin's metric pack includes the metric (installed sections, in order). */
export function packSectionKey(host: CoreHost, metricId: string): string | null {
  for (const section of host.sections) {
    const pack = host.plugin(section.pluginId)?.metrics;
    if (pack?.uses?.includes(metricId) || pack?.adds?.some((m) => m.id === metricId))
      return section.key;
  }
  return null;
}

/**
 * Targets of the plan rated red that have no commentary yet. The plan's targets are read once per
 * plan and request (planTargets), shared with the sections' metric target fields; `partnership`
 * is the plan's, when already read.
 */
export async function unexplainedRedMetrics(
  host: CoreHost,
  plan: Pick<Plan, 'id'>,
  partnership?: Partnership,
): Promise<MetricException[]> {
  const targets = (await planTargets(host, plan))
    .filter((t) => t.commentary === null || t.commentary === '')
    .sort((a, b) => a.metricId.localeCompare(b.metricId) || a.id.localeCompare(b.id));
  if (targets.length === 0) return [];
  const rags = await rateTargets(host, targets, partnership ? [partnership] : []);
  return targets
    .filter((target) => rags.get(target.id)?.rag === 'RED')
    .map((target) => ({
      targetId: target.id,
      metricId: target.metricId,
      metricTitle: target.metric.title,
      sectionKey: target.commitment?.section.key ?? packSectionKey(host, target.metricId),
      ownerOrganisationName: target.ownerOrganisation?.name ?? null,
    }));
}
