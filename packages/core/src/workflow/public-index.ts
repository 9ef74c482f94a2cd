// The public index of published plans (/published), and the publications behind its Atom feed and
// sitemap. Only versions that are public (published, or superseded and still readable) appear; a
// draft or a version in review never does.
import type { Prisma } from '@lip/db';
import { ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { publicPathOf } from './publication.ts';

export const MAX_SEARCH_LENGTH = 100;
export const MAX_PAGE_SIZE = 100;

/** One public version as the index, feed and sitemap list it. */
export interface PublicationEntry {
  versionId: string;
  partnershipSlug: string;
  partnershipName: string;
  region: string | null;
  localAuthorityCodes: string[];
  planSlug: string;
  /** The plan's title as published in this version. */
  title: string;
  version: number;
  state: 'PUBLISHED' | 'SUPERSEDED';
  publishedAt: Date;
  /** This version's public address, e.g. /published/northshire/2026-29/1. */
  path: string;
  /** The plan's public address (always the version published now). */
  planPath: string;
}

export interface PublishedPlanPage {
  totalCount: number;
  entries: PublicationEntry[];
}

const entrySelect = {
  id: true,
  number: true,
  state: true,
  publishedAt: true,
  plan: {
    select: {
      slug: true,
      title: true,
      partnership: {
        select: { slug: true, name: true, region: true, localAuthorityCodes: true },
      },
    },
  },
} as const satisfies Prisma.PlanVersionSelect;

type EntryRow = Prisma.PlanVersionGetPayload<{ select: typeof entrySelect }>;

/** A refused argument, its reason as the error's message (a public query has no error union). */
const refuse = (path: string, message: string) =>
  new ValidationError([{ path: [path], message }], message);

function searchTerm(search: string | null | undefined): string | null {
  const term = search?.trim() ?? '';
  if (term.length > MAX_SEARCH_LENGTH)
    throw refuse('search', `Search must be ${MAX_SEARCH_LENGTH} characters or fewer`);
  return term === '' ? null : term;
}

function pageArgs(first: number | null | undefined, offset: number | null | undefined) {
  const take = first ?? 20;
  const skip = offset ?? 0;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE)
    throw refuse('first', `Ask for between 1 and ${MAX_PAGE_SIZE} plans`);
  if (!Number.isInteger(skip) || skip < 0) throw refuse('offset', 'Offset must be 0 or more');
  return { take, skip };
}

/**
 * A local authority's name or code finds its partnership: the partnership's name, its council's
 * (or any member organisation's) name, or one of its local authority codes ("E10000099", "999").
 */
function matching(term: string | null): Prisma.PlanVersionWhereInput {
  if (term === null) return {};
  const contains = { contains: term, mode: 'insensitive' as const };
  return {
    plan: {
      OR: [
        { title: contains },
        { partnership: { name: contains } },
        { partnership: { localAuthorityCodes: { has: term.toUpperCase() } } },
        { partnership: { organisations: { some: { organisation: { name: contains } } } } },
      ],
    },
  };
}

/** Titles as each version published them (read from the snapshot without loading all of it). */
async function publishedTitles(host: CoreHost, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await host.prisma.$queryRaw<Array<{ id: string; title: string | null }>>`
    SELECT "id", "snapshot"->'plan'->>'title' AS "title"
    FROM "PlanVersion" WHERE "id" = ANY(${ids}::text[])`;
  return new Map(rows.flatMap((row) => (row.title ? [[row.id, row.title] as const] : [])));
}

async function entriesOf(host: CoreHost, rows: EntryRow[]): Promise<PublicationEntry[]> {
  const titles = await publishedTitles(
    host,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => {
    if (!row.publishedAt || (row.state !== 'PUBLISHED' && row.state !== 'SUPERSEDED')) return [];
    const { partnership } = row.plan;
    return [
      {
        versionId: row.id,
        partnershipSlug: partnership.slug,
        partnershipName: partnership.name,
        region: partnership.region,
        localAuthorityCodes: partnership.localAuthorityCodes,
        planSlug: row.plan.slug,
        title: titles.get(row.id) ?? row.plan.title,
        version: row.number,
        state: row.state,
        publishedAt: row.publishedAt,
        path: publicPathOf(partnership.slug, row.plan.slug, row.number),
        planPath: publicPathOf(partnership.slug, row.plan.slug),
      },
    ];
  });
}

/** Every plan with a version published now, by partnership name, optionally searched. */
export async function publishedPlans(
  host: CoreHost,
  args: { search?: string | null; first?: number | null; offset?: number | null },
): Promise<PublishedPlanPage> {
  const term = searchTerm(args.search);
  const { take, skip } = pageArgs(args.first, args.offset);
  const where: Prisma.PlanVersionWhereInput = {
    state: 'PUBLISHED',
    publishedAt: { not: null },
    ...matching(term),
  };
  const [totalCount, rows] = await Promise.all([
    host.prisma.planVersion.count({ where }),
    host.prisma.planVersion.findMany({
      where,
      select: entrySelect,
      orderBy: [{ plan: { partnership: { name: 'asc' } } }, { plan: { slug: 'desc' } }],
      take,
      skip,
    }),
  ]);
  return { totalCount, entries: await entriesOf(host, rows) };
}

/** Every public version, newest publication first: what the feed and the sitemap announce. */
export async function recentPublications(
  host: CoreHost,
  args: { first?: number | null },
): Promise<PublicationEntry[]> {
  const { take } = pageArgs(args.first ?? 50, 0);
  const rows = await host.prisma.planVersion.findMany({
    where: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, publishedAt: { not: null } },
    select: entrySelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take,
  });
  return entriesOf(host, rows);
}
