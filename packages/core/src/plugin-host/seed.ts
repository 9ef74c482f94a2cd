// Plugin seeds, run after the core seed (db:seed, the web app's start-up, the test harness): each
// plugin's metric pack (catalogue metrics it uses tagged with its id, metrics it adds upserted),
// then, with demo data, its own `seed(ctx)`. Idempotent.
import type { Database, Prisma } from '@lip/db';
import { signedOutContext } from '../context.ts';
import { encodeGlobalId, idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { preferredOwnerOrganisationId } from '../services/section-owner.ts';
import { checkPlugins, PluginError } from './host.ts';
import { planEndPeriod } from '../metrics/section-targets.ts';
import type { DemoPlan, InstalledSection, LipPlugin, PluginSeedContext } from './types.ts';

export interface RunPluginSeedsOptions {
  /** Also run each plugin's `seed` (demo content). Default false: metric packs only. */
  demo?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seed data without its metric target fields, and those fields' numeric values. */
function splitTargets(
  definition: InstalledSection,
  data: Record<string, unknown>,
): { own: Record<string, unknown>; targets: { metric: string; value: number }[] } {
  const own = structuredClone(data);
  const targets: { metric: string; value: number }[] = [];
  for (const { path, metric } of definition.metricTargetFields ?? []) {
    const parts = path.split('.');
    let holder: unknown = own;
    for (const part of parts.slice(0, -1)) holder = isRecord(holder) ? holder[part] : undefined;
    if (!isRecord(holder)) continue;
    const last = parts[parts.length - 1]!;
    const value = holder[last];
    delete holder[last];
    if (typeof value === 'number' && Number.isFinite(value)) targets.push({ metric, value });
  }
  return { own, targets };
}

export async function runPluginSeeds(
  db: Pick<Database, 'prisma'>,
  plugins: readonly LipPlugin[],
  options: RunPluginSeedsOptions = {},
): Promise<void> {
  const sections = checkPlugins(plugins);
  const prisma = db.prisma;
  const demo = options.demo ?? false;
  for (const plugin of plugins) {
    const uses = [...(plugin.metrics?.uses ?? [])];
    if (uses.length > 0) {
      const found = await prisma.metric.findMany({
        where: { id: { in: uses } },
        select: { id: true },
      });
      const missing = uses.filter((id) => !found.some((m) => m.id === id));
      if (missing.length > 0)
        throw new PluginError(
          plugin,
          `metrics.uses names metrics not in the catalogue: ${missing.join(', ')}`,
        );
      await prisma.metric.updateMany({
        where: { id: { in: uses }, pluginId: null },
        data: { pluginId: plugin.id },
      });
    }
    for (const metric of plugin.metrics?.adds ?? []) {
      const data = {
        theme: metric.theme,
        title: metric.title,
        numerator: metric.numerator ?? null,
        denominator: metric.denominator ?? null,
        unit: metric.unit,
        polarity: metric.polarity,
        periodType: metric.periodType,
        source: metric.source ?? null,
        status: metric.status,
        pluginId: plugin.id,
      };
      await prisma.metric.upsert({
        where: { id: metric.id },
        create: { id: metric.id, ...data },
        update: data,
      });
    }
    if (!demo || !plugin.seed) continue;

    const own = sections.filter((s) => s.pluginId === plugin.id);
    const ctx: PluginSeedContext = {
      demo,
      async demoPlans(): Promise<DemoPlan[]> {
        const plans = await prisma.plan.findMany({
          orderBy: { title: 'asc' },
          include: { partnership: { select: { slug: true } } },
        });
        return plans.map((p) => ({
          planId: encodeGlobalId('Plan', p.id),
          partnershipSlug: p.partnership.slug,
          title: p.title,
        }));
      },
      async fillSectionData(planId, sectionKey, given) {
        const definition = own.find((s) => s.key === sectionKey);
        if (!definition)
          throw new PluginError(
            plugin,
            `seed: section "${sectionKey}" is not one of this plugin's sections`,
          );
        const dbPlanId = idOf('Plan', planId) ?? planId;
        const plan = await prisma.plan.findUnique({ where: { id: dbPlanId } });
        if (!plan) throw new PluginError(plugin, `seed: no plan ${planId}`);
        // Metric target fields are not stored with the section: their values seed the plan's
        // metric targets (decision 027), where the plan has none for that metric yet.
        const { own: data, targets } = splitTargets(definition, given);
        return prisma.$transaction(async (tx) => {
          const before = await tx.section.findUnique({
            where: { planId_key: { planId: plan.id, key: sectionKey } },
          });
          const stored = isRecord(before?.data) ? before.data : {};
          const existing = stored[plugin.id];
          if (isRecord(existing) && Object.keys(existing).length > 0) return false;
          const merged = { ...stored, [plugin.id]: data } as Prisma.InputJsonObject;
          let after;
          if (!before) {
            const ownerId = await preferredOwnerOrganisationId(tx, plan.partnershipId, definition);
            after = await tx.section.create({
              data: {
                planId: plan.id,
                key: sectionKey,
                pluginId: plugin.id,
                ownerOrganisationId: ownerId,
                status: 'IN_PROGRESS',
                data: merged,
                version: 1,
              },
            });
          } else {
            after = await tx.section.update({
              where: { id: before.id },
              data: { data: merged, version: { increment: 1 } },
            });
          }
          // The system writes it: no user, no organisation.
          await appendAudit(tx, signedOutContext(), undefined, {
            partnershipId: plan.partnershipId,
            planId: plan.id,
            entityType: 'Section',
            entityId: after.id,
            action: 'section.seed',
            before: before ? { version: before.version, data: existing ?? {} } : undefined,
            after: { version: after.version, data },
          });
          for (const { metric, value } of targets) {
            const found = await tx.metric.findUnique({ where: { id: metric } });
            const exists = await tx.metricTarget.findFirst({
              where: { planId: plan.id, metricId: metric },
            });
            if (!found || exists) continue;
            const created = await tx.metricTarget.create({
              data: {
                planId: plan.id,
                metricId: metric,
                targetValue: String(value),
                targetPeriod: planEndPeriod(found.periodType, plan),
                ownerOrganisationId: after.ownerOrganisationId,
              },
            });
            await appendAudit(tx, signedOutContext(), undefined, {
              partnershipId: plan.partnershipId,
              planId: plan.id,
              entityType: 'MetricTarget',
              entityId: created.id,
              action: 'metricTarget.seed',
              after: created,
            });
          }
          return true;
        });
      },
    };
    try {
      await plugin.seed(ctx);
    } catch (error) {
      if (error instanceof PluginError) throw error;
      throw new PluginError(plugin, `seed() failed: ${(error as Error).message}`);
    }
  }
}
