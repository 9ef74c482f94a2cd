import type { PrismaClient } from '../generated/prisma/client.ts';
import { metrics, organisationTypes, planKinds, standardsFrameworks } from './catalogue.ts';

type Value = string | number | null;
type RawExecutor = Pick<PrismaClient, '$executeRawUnsafe'>;

/**
 * One `INSERT ... ON CONFLICT DO UPDATE` for many rows (one statement per table instead of one
 * upsert per row: seeding is part of every test template, so it has to be quick).
 * `columns` name the columns with an optional cast (`status::"CatalogueStatus"`).
 */
async function upsertRows(
  prisma: RawExecutor,
  table: string,
  columns: string[],
  conflict: string[],
  rows: Value[][],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((column) => column.split('::')[0] ?? column);
  const params: Value[] = [];
  const values = rows.map((row) => {
    const cells = row.map((value, index) => {
      params.push(value);
      const cast = columns[index]?.split('::')[1];
      return cast ? `$${params.length}::${cast}` : `$${params.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  const updates = names.filter((name) => !conflict.includes(name) && name !== 'id');
  const sql =
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES ${values.join(', ')} ` +
    `ON CONFLICT (${conflict.map((name) => `"${name}"`).join(', ')}) DO ` +
    (updates.length > 0
      ? `UPDATE SET ${updates.map((name) => `"${name}" = EXCLUDED."${name}"`).join(', ')}`
      : 'NOTHING');
  await prisma.$executeRawUnsafe(sql, ...params);
}

/**
 * The national catalogue: both standards frameworks with their areas, plan kinds, organisation
 * types and the metrics. Idempotent: every row is upserted by its natural key, so re-running it
 * after editing src/seed/catalogue.ts updates titles and adds new entries.
 */
export async function seedCatalogue(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (client) => {
    await upsertRows(
      client,
      'OrganisationType',
      ['code', 'title'],
      ['code'],
      organisationTypes.map((type) => [type.code, type.title]),
    );
    await upsertRows(
      client,
      'PlanKind',
      ['id', 'title', 'status::"CatalogueStatus"', 'note'],
      ['id'],
      planKinds.map((kind) => [kind.id, kind.title, kind.status, kind.note]),
    );
    await upsertRows(
      client,
      'StandardsFramework',
      ['id', 'title', 'status::"CatalogueStatus"', 'effectiveFrom::date'],
      ['id'],
      standardsFrameworks.map((framework) => [
        framework.id,
        framework.title,
        framework.status,
        framework.effectiveFrom,
      ]),
    );
    await upsertRows(
      client,
      'StandardArea',
      ['id', 'frameworkId', 'code', 'title', 'position::integer', 'correspondsTo::text[]'],
      ['frameworkId', 'code'],
      standardsFrameworks.flatMap((framework) =>
        framework.areas.map((area, index) => [
          `${framework.id}.${area.code}`,
          framework.id,
          area.code,
          area.title,
          index + 1,
          `{${area.correspondsTo.map((code) => `"${code}"`).join(',')}}`,
        ]),
      ),
    );
    await upsertRows(
      client,
      'Metric',
      [
        'id',
        'theme',
        'title',
        'numerator',
        'denominator',
        'unit',
        'polarity::"Polarity"',
        'periodType::"PeriodType"',
        'source',
        'status::"CatalogueStatus"',
        'decimals::integer',
        'indicators::text[]',
      ],
      ['id'],
      metrics.map((metric) => [
        metric.id,
        metric.theme,
        metric.title,
        metric.numerator,
        metric.denominator,
        metric.unit,
        metric.polarity,
        metric.periodType,
        metric.source,
        metric.status,
        metric.decimals,
        `{${metric.indicators.map((name) => `"${name}"`).join(',')}}`,
      ]),
    );
  });
}
