import type { PrismaClient } from '../generated/prisma/client.ts';
import { metrics, organisationTypes, planKinds, standardsFrameworks } from './catalogue.ts';

/**
 * The national catalogue: both standards frameworks with their areas, plan kinds, organisation
 * types and the 38 metrics. Idempotent: every row is upserted by its natural key.
 */
export async function seedCatalogue(prisma: PrismaClient): Promise<void> {
  for (const type of organisationTypes) {
    await prisma.organisationType.upsert({ where: { code: type.code }, create: type, update: { title: type.title } });
  }
  for (const kind of planKinds) {
    const { id, ...fields } = kind;
    await prisma.planKind.upsert({ where: { id }, create: kind, update: fields });
  }
  for (const framework of standardsFrameworks) {
    const fields = {
      title: framework.title,
      status: framework.status,
      effectiveFrom: new Date(`${framework.effectiveFrom}T00:00:00Z`),
    };
    await prisma.standardsFramework.upsert({
      where: { id: framework.id },
      create: { id: framework.id, ...fields },
      update: fields,
    });
    for (const [index, area] of framework.areas.entries()) {
      const areaFields = { title: area.title, position: index + 1, correspondsTo: [...area.correspondsTo] };
      await prisma.standardArea.upsert({
        where: { frameworkId_code: { frameworkId: framework.id, code: area.code } },
        create: { frameworkId: framework.id, code: area.code, ...areaFields },
        update: areaFields,
      });
    }
  }
  for (const metric of metrics) {
    const { id, ...fields } = metric;
    await prisma.metric.upsert({ where: { id }, create: metric, update: fields });
  }
}
