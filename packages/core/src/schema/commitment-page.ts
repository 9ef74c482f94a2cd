// Section.commitmentPage: one numbered page of a section's commitments, filtered (RAG status, owner
// organisation, standard area, words in the reference, title or description), with the count of
// every commitment the filter matches: what the commitments list page shows with GOV.UK pagination.
import type { Prisma } from '@lip/db';
import type { LipBuilder } from '../builder.ts';
import { ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import type { RagStatus } from '../services/commitment-fields.ts';
import type { addScalarsAndEnums } from './scalars.ts';
import type { SectionRefType } from './section.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;

export const MAX_PER_PAGE = 100;

interface CommitmentPage {
  where: Prisma.CommitmentWhereInput;
  page: number;
  perPage: number;
}

export interface CommitmentFilter {
  ragStatus?: RagStatus | null;
  /** Global ids. */
  ownerOrganisationId?: string | null;
  standardAreaId?: string | null;
  search?: string | null;
}

/** The commitments a filter matches, within one section's commitments. */
export function commitmentFilterWhere(
  sectionId: string,
  filter: CommitmentFilter | null | undefined,
): Prisma.CommitmentWhereInput {
  const and: Prisma.CommitmentWhereInput[] = [{ sectionId }];
  const rag = filter?.ragStatus;
  if (rag === 'COMPLETE') and.push({ progress: 'COMPLETE' });
  else if (rag === 'NOT_STARTED') and.push({ progress: { not: 'COMPLETE' }, rating: null });
  else if (rag) and.push({ progress: { not: 'COMPLETE' }, rating: rag });
  // Global ids; one that is not an id of its type matches nothing.
  const nothing: Prisma.CommitmentWhereInput = { id: { in: [] } };
  if (filter?.ownerOrganisationId) {
    const id = idOf('Organisation', filter.ownerOrganisationId);
    and.push(id ? { ownerOrganisationId: id } : nothing);
  }
  if (filter?.standardAreaId) {
    const id = idOf('StandardArea', filter.standardAreaId);
    and.push(id ? { standards: { some: { standardAreaId: id } } } : nothing);
  }
  const words = (filter?.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const word of words) {
    and.push({
      OR: [
        { reference: { contains: word, mode: 'insensitive' } },
        { title: { contains: word, mode: 'insensitive' } },
        { description: { contains: word, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
}

export function addCommitmentPage(
  builder: LipBuilder,
  host: CoreHost,
  enums: Enums,
  SectionRef: SectionRefType,
) {
  const FilterInput = builder.inputType('CommitmentFilter', {
    description: 'Which commitments to list; every given condition must hold.',
    fields: (t) => ({
      ragStatus: t.field({ type: enums.RagStatusEnum, required: false }),
      ownerOrganisationId: t.id({ required: false }),
      standardAreaId: t.id({ required: false }),
      search: t.string({
        required: false,
        description: 'Words that must each appear in the reference, title or description.',
      }),
    }),
  });

  const PageRef = builder.objectRef<CommitmentPage>('CommitmentPage').implement({
    description: 'One numbered page of commitments matching a filter.',
    fields: (t) => ({
      page: t.exposeInt('page', { description: 'This page, from 1.' }),
      perPage: t.exposeInt('perPage'),
      totalCount: t.int({
        description: 'How many commitments match the filter (on every page).',
        resolve: (p) => host.prisma.commitment.count({ where: p.where }),
      }),
      nodes: t.prismaField({
        type: ['Commitment'],
        description: 'The commitments on this page, by reference.',
        resolve: (query, p) =>
          host.prisma.commitment.findMany({
            ...query,
            where: p.where,
            orderBy: [{ reference: 'asc' }, { id: 'asc' }],
            skip: (p.page - 1) * p.perPage,
            take: p.perPage,
          }),
      }),
    }),
  });

  builder.objectField(SectionRef, 'commitmentPage', (t) =>
    t.field({
      type: PageRef,
      description: `The section's commitments matching a filter, one numbered page (at most ${MAX_PER_PAGE} a page).`,
      args: {
        filter: t.arg({ type: FilterInput, required: false }),
        page: t.arg.int({ required: false, defaultValue: 1 }),
        perPage: t.arg.int({ required: false, defaultValue: 20 }),
      },
      resolve: (section, args) => {
        const page = args.page ?? 1;
        const perPage = args.perPage ?? 20;
        if (!Number.isInteger(page) || page < 1)
          throw new ValidationError([{ path: ['page'], message: 'Page must be 1 or more' }]);
        if (perPage < 1 || perPage > MAX_PER_PAGE)
          throw new ValidationError([
            { path: ['perPage'], message: `Per page must be between 1 and ${MAX_PER_PAGE}` },
          ]);
        // A section nobody has written yet has no commitments: a filter that matches none.
        const where = section.row
          ? commitmentFilterWhere(section.row.id, args.filter)
          : { id: { in: [] } };
        return { where, page, perPage };
      },
    }),
  );
}
