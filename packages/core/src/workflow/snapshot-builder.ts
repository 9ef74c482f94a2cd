// Reads a plan's current content into the frozen snapshot format (src/snapshot.ts). Submission
// stores the result in PlanVersion.snapshot; the diff against the current draft builds one in memory.
import type { Prisma } from '@lip/db';
import { protectCountGroup, type DisclosureSettings } from '@lip/statistics';
import { tailoredListOf } from '../settings/snapshot.ts';
import type { CoreHost } from '../host.ts';
import { ragStatusOf } from '../services/commitment-fields.ts';
import { rateAgainstLocal } from '../metrics/rag.ts';
import type { InstalledSection } from '../plugin-host/types.ts';
import { readSectionData } from '../services/section-data.ts';
import {
  SNAPSHOT_FORMAT,
  type PlanSnapshot,
  type SnapshotField,
  type SnapshotMetric,
  type SnapshotObservation,
  type SnapshotTariffs,
} from '../snapshot.ts';
import { ukToday } from '../services/commitment-parts.ts';

/** Reads through a transaction or the client alike. */
export type Reader = Prisma.TransactionClient;

const day = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
const decimal = (value: { toString(): string } | null): string | null =>
  value === null ? null : value.toString();

/** Key/JSON text for sections whose plugin cannot describe its fields. */
function fallbackFields(data: Record<string, unknown>): SnapshotField[] {
  return Object.entries(data).map(([key, value]) => ({
    key,
    label: key,
    value:
      value === null || value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
  }));
}

function sectionFields(
  definition: InstalledSection | undefined,
  data: Record<string, unknown>,
): SnapshotField[] {
  if (definition?.describeFields) return definition.describeFields(data);
  return fallbackFields(data);
}

/** The section's fields as they may be published, under the partnership's disclosure rule. */
function publishedSectionFields(
  definition: InstalledSection | undefined,
  data: Record<string, unknown>,
  rule: DisclosureSettings,
): SnapshotField[] | undefined {
  if (!definition?.publishFields) return undefined;
  return definition.publishFields(data, (counts) => protectCountGroup(counts, rule));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export async function buildSnapshot(
  db: Reader,
  host: CoreHost,
  planId: string,
  versionNumber: number,
): Promise<PlanSnapshot> {
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      kind: true,
      framework: { include: { areas: { orderBy: { position: 'asc' } } } },
      partnership: {
        include: { organisations: { include: { organisation: { include: { type: true } } } } },
      },
      sections: true,
      standardAreaExclusions: true,
    },
  });
  const commitments = await db.commitment.findMany({
    where: { planId, section: { key: { in: host.sectionKeys } } },
    orderBy: { reference: 'asc' },
    include: {
      section: { select: { key: true } },
      ownerMember: { select: { user: { select: { name: true } } } },
      standards: { select: { standardArea: { select: { code: true, position: true } } } },
      milestones: { orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }] },
      evidence: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      budgetLines: { orderBy: [{ financialYear: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  const targets = await db.metricTarget.findMany({
    where: { planId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { metric: true, commitment: { select: { reference: true } } },
  });
  const metricIds = [...new Set(targets.map((t) => t.metricId))];
  // Observations are held per partnership: the ones it imported are its geographies and comparators.
  const observations = metricIds.length
    ? await db.metricObservation.findMany({
        where: { partnershipId: plan.partnershipId, metricId: { in: metricIds } },
        orderBy: [
          { geographyLevel: 'asc' },
          { geographyCode: 'asc' },
          { period: 'asc' },
          { breakdown: 'asc' },
        ],
      })
    : [];
  const activities = await db.coproductionActivity.findMany({
    where: { partnershipId: plan.partnershipId, OR: [{ planId }, { planId: null }] },
    orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
    include: {
      responses: {
        orderBy: { createdAt: 'asc' },
        include: {
          commitments: { include: { commitment: { select: { reference: true, planId: true } } } },
        },
      },
    },
  });

  const tailoredList = await tailoredListOf(db, host, planId);

  const rowsByKey = new Map(plan.sections.map((s) => [s.key, s]));
  const sections = host.sections.map((definition) => {
    const row = rowsByKey.get(definition.key) ?? null;
    const data = readSectionData({ plan, definition, row }, definition.pluginId);
    const published = publishedSectionFields(definition, data, {
      smallNumberThreshold: plan.partnership.smallNumberThreshold,
      roundingBase: plan.partnership.roundingBase,
    });
    return {
      key: definition.key,
      title: definition.title,
      pluginId: definition.pluginId,
      position: definition.position,
      ownerOrganisationId: row?.ownerOrganisationId ?? null,
      status: row?.status ?? 'NOT_STARTED',
      summary: row?.summary ?? null,
      easyReadSummary: row?.easyReadSummary ?? null,
      fields: sectionFields(definition, data),
      ...(published ? { publishedFields: published } : {}),
    };
  });

  const snapshotCommitments = commitments.map((c) => {
    const definition = host.section(c.section.key);
    const own = asRecord(asRecord(c.data)[definition?.pluginId ?? '']);
    return {
      id: c.id,
      reference: c.reference,
      sectionKey: c.section.key,
      title: c.title,
      description: c.description,
      ownerOrganisationId: c.ownerOrganisationId,
      ownerName: c.ownerMember?.user.name ?? null,
      needAreas: [...c.needAreas],
      phase: c.phase,
      supportLayer: c.supportLayer,
      ragStatus: ragStatusOf(c),
      progress: c.progress,
      rating: c.rating,
      leadOfficer: c.leadOfficer,
      startDate: day(c.startDate),
      dueDate: day(c.dueDate),
      budgetLine: c.budgetLine,
      budgetAmount: c.budgetAmount === null ? null : c.budgetAmount.toFixed(2),
      standardAreaCodes: c.standards
        .map((s) => s.standardArea)
        .sort((a, b) => a.position - b.position)
        .map((a) => a.code),
      milestones: c.milestones.map((m) => ({
        title: m.title,
        dueDate: day(m.dueDate) ?? '',
        completedOn: day(m.completedOn),
      })),
      evidence: c.evidence.map((e) => ({
        title: e.title,
        url: e.url,
        note: e.description,
        addedOn: day(e.createdAt) ?? '',
      })),
      fields: Object.keys(own).length ? fallbackFields(own) : [],
      budgetLines: c.budgetLines.map((l) => ({
        name: l.name,
        block: l.block,
        amount: l.amount.toFixed(2),
        financialYear: l.financialYear,
      })),
    };
  });

  const exclusions = new Map(plan.standardAreaExclusions.map((e) => [e.standardAreaId, e.reason]));
  const coverage = plan.framework.areas.map((area) => ({
    areaCode: area.code,
    notApplicableReason: exclusions.get(area.id) ?? null,
    commitmentReferences: snapshotCommitments
      .filter((c) => c.standardAreaCodes.includes(area.code))
      .map((c) => c.reference),
  }));

  const metrics: SnapshotMetric[] = targets.map((t) => {
    const own = observations.filter((o) => o.metricId === t.metricId);
    // Measured against the same local figure as the dashboard (metrics/rag.ts), frozen with it.
    const { rag, latest } = rateAgainstLocal(host, plan.partnership, t, own);
    return {
      targetId: t.id,
      metricId: t.metricId,
      title: t.metric.title,
      theme: t.metric.theme,
      unit: t.metric.unit,
      decimals: t.metric.decimals,
      polarity: t.metric.polarity,
      periodType: t.metric.periodType,
      commitmentReference: t.commitment?.reference ?? null,
      ownerOrganisationId: t.ownerOrganisationId,
      baseline: { value: decimal(t.baselineValue), period: t.baselinePeriod },
      target: { value: t.targetValue.toString(), period: t.targetPeriod },
      commentary: t.commentary,
      rag,
      latest: latest
        ? {
            geographyLevel: latest.geographyLevel,
            geographyCode: latest.geographyCode,
            period: latest.period,
          }
        : null,
      observations: own.map((o): SnapshotObservation => ({
        geographyLevel: o.geographyLevel,
        geographyCode: o.geographyCode,
        period: o.period,
        breakdown: o.breakdown,
        value: decimal(o.value),
        numerator: decimal(o.numerator),
        denominator: decimal(o.denominator),
        symbol: o.symbol,
        provisional: o.provisional,
        revised: o.revised,
      })),
    };
  });

  const tariffs = await tariffsInForce(db, plan.partnershipId);

  return {
    format: SNAPSHOT_FORMAT,
    takenAt: new Date().toISOString(),
    plan: {
      id: plan.id,
      title: plan.title,
      kind: plan.kind.title,
      periodStart: day(plan.periodStart) ?? '',
      periodEnd: day(plan.periodEnd) ?? '',
      versionNumber,
    },
    partnership: {
      id: plan.partnership.id,
      slug: plan.partnership.slug,
      name: plan.partnership.name,
      localAuthorityCodes: [...plan.partnership.localAuthorityCodes],
      region: plan.partnership.region,
      disclosure: {
        smallNumberThreshold: plan.partnership.smallNumberThreshold,
        roundingBase: plan.partnership.roundingBase,
      },
    },
    organisations: plan.partnership.organisations
      .map((po) => ({
        id: po.organisation.id,
        name: po.organisation.name,
        typeCode: po.organisation.typeCode,
        typeTitle: po.organisation.type.title,
        isSignatory: po.isSignatory,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    framework: {
      id: plan.framework.id,
      title: plan.framework.title,
      status: plan.framework.status,
      areas: plan.framework.areas.map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        position: a.position,
      })),
    },
    sections,
    commitments: snapshotCommitments,
    coverage,
    metrics,
    coproduction: activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      heldOn: day(a.heldOn) ?? '',
      audiences: [...a.audiences],
      chair: a.chair,
      reached: a.reached,
      heard: a.heard,
      responses: a.responses.map((r) => ({
        youSaid: r.youSaid,
        weDid: r.weDid,
        commitmentReferences: r.commitments
          .filter((link) => link.commitment.planId === planId)
          .map((link) => link.commitment.reference)
          .sort(),
      })),
    })),
    tariffs,
    settings: tailoredList,
  };
}

/** The banding framework and the tariffs in force today (UK date), as the version freezes them. */
async function tariffsInForce(db: Reader, partnershipId: string): Promise<SnapshotTariffs> {
  const today = ukToday();
  const [bands, prices] = await Promise.all([
    db.band.findMany({ where: { partnershipId }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    db.tariff.findMany({
      where: {
        partnershipId,
        effectiveFrom: { lte: today },
        OR: [{ effectiveTo: null }, { effectiveTo: { gte: today } }],
      },
      include: { band: { select: { name: true, position: true } } },
      orderBy: [{ band: { position: 'asc' } }, { provisionType: 'asc' }],
    }),
  ]);
  return {
    inForceOn: day(today) ?? '',
    bands: bands.map((b) => ({
      name: b.name,
      position: b.position,
      descriptionOfNeed: b.descriptionOfNeed,
    })),
    prices: prices.map((p) => ({
      band: p.band.name,
      provisionType: p.provisionType,
      annualPrice: p.annualPrice.toFixed(2),
      effectiveFrom: day(p.effectiveFrom) ?? '',
      effectiveTo: day(p.effectiveTo),
    })),
  };
}
