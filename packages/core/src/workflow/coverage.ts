// Standards coverage: which commitments of a plan meet which standard area of its framework, per
// section. An area counts as covered when a commitment maps to it or the partnership marked it not
// applicable (with a reason). The coverage page, the submission check and the snapshot read this.
import type { Plan, StandardArea } from '@lip/db';
import type { CoreHost } from '../host.ts';

export interface CoverageSection {
  key: string;
  title: string;
}

export interface CoverageCommitment {
  id: string;
  reference: string;
}

export interface CoverageCell {
  sectionKey: string;
  /** Commitments of this section mapped to the row's area, by reference. */
  commitments: CoverageCommitment[];
}

export interface CoverageRow {
  area: StandardArea;
  /** One per installed section, in the order of CoverageResult.sections. */
  cells: CoverageCell[];
  covered: boolean;
  notApplicableReason: string | null;
}

export interface CoverageResult {
  /** Installed sections by position: the columns. */
  sections: CoverageSection[];
  /** The plan framework's standard areas by position: the rows. */
  rows: CoverageRow[];
  uncoveredCount: number;
}

export async function coverageOf(host: CoreHost, plan: Pick<Plan, 'id' | 'frameworkId'>): Promise<CoverageResult> {
  const [areas, exclusions, mappings] = await Promise.all([
    host.prisma.standardArea.findMany({ where: { frameworkId: plan.frameworkId }, orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
    host.prisma.planStandardAreaExclusion.findMany({ where: { planId: plan.id }, select: { standardAreaId: true, reason: true } }),
    host.prisma.commitmentStandard.findMany({
      where: { commitment: { planId: plan.id }, standardArea: { frameworkId: plan.frameworkId } },
      select: { standardAreaId: true, commitment: { select: { id: true, reference: true, section: { select: { key: true } } } } },
    }),
  ]);
  const sections = host.sections.map((s) => ({ key: s.key, title: s.title }));
  const reasonByArea = new Map(exclusions.map((e) => [e.standardAreaId, e.reason]));
  // area id → section key → commitments
  const byAreaAndSection = new Map<string, Map<string, CoverageCommitment[]>>();
  for (const { standardAreaId, commitment } of mappings) {
    const bySection = byAreaAndSection.get(standardAreaId) ?? new Map<string, CoverageCommitment[]>();
    byAreaAndSection.set(standardAreaId, bySection);
    const list = bySection.get(commitment.section.key) ?? [];
    bySection.set(commitment.section.key, list);
    list.push({ id: commitment.id, reference: commitment.reference });
  }
  const rows = areas.map((area): CoverageRow => {
    const bySection = byAreaAndSection.get(area.id);
    const cells = sections.map((section) => ({
      sectionKey: section.key,
      commitments: [...(bySection?.get(section.key) ?? [])].sort((a, b) => a.reference.localeCompare(b.reference)),
    }));
    const notApplicableReason = reasonByArea.get(area.id) ?? null;
    // A commitment in a section no longer installed still covers the area.
    const hasCommitment = bySection !== undefined && [...bySection.values()].some((list) => list.length > 0);
    return { area, cells, covered: hasCommitment || notApplicableReason !== null, notApplicableReason };
  });
  return { sections, rows, uncoveredCount: rows.filter((r) => !r.covered).length };
}
