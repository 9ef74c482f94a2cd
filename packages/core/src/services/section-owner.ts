// Which organisation writes a plan's section. The plan says so (the section row's owner, which the
// lead can change); until it does, the plugin's eligible organisation types decide, in the order
// the plugin lists them: the partnership's first organisation of the first type it has.
import type { Plan, PrismaClient, Section } from '@lip/db';
import { authorize, type SectionOwnership, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { sectionOfPlan, type SectionView } from '../schema/section-view.ts';
import { appendAudit } from './audit.ts';
import { visiblePlanSection } from './plans.ts';
import type { InstalledSection } from '../plugin-host/types.ts';

/**
 * The partnership's organisations that may write the section (of a type the plugin allows), the
 * plugin's most preferred type first, by name within a type.
 */
export async function eligibleOwnerOrganisations(
  db: Pick<PrismaClient, 'organisation'>,
  partnershipId: string,
  definition: Pick<InstalledSection, 'ownerOrganisationTypes'>,
) {
  const organisations = await db.organisation.findMany({
    where: {
      typeCode: { in: definition.ownerOrganisationTypes },
      partnerships: { some: { partnershipId } },
    },
    orderBy: { name: 'asc' },
  });
  const rank = (typeCode: string) => definition.ownerOrganisationTypes.indexOf(typeCode);
  return organisations.sort((a, b) => rank(a.typeCode) - rank(b.typeCode));
}

/** The organisation the plugin's preference gives the partnership, ignoring any row. */
export async function preferredOwnerOrganisationId(
  db: Pick<PrismaClient, 'organisation'>,
  partnershipId: string,
  definition: Pick<InstalledSection, 'ownerOrganisationTypes'>,
): Promise<string | null> {
  const [preferred] = await eligibleOwnerOrganisations(db, partnershipId, definition);
  return preferred?.id ?? null;
}

/** The section's owner: the row's, else the plugin's preference. */
export async function defaultOwnerOrganisationId(
  host: CoreHost,
  view: {
    plan: Pick<Plan, 'partnershipId'>;
    definition: Pick<InstalledSection, 'ownerOrganisationTypes'>;
    row: Pick<Section, 'ownerOrganisationId'> | null;
  },
): Promise<string | null> {
  if (view.row?.ownerOrganisationId) return view.row.ownerOrganisationId;
  return preferredOwnerOrganisationId(host.prisma, view.plan.partnershipId, view.definition);
}

/** Reads the row and works out the owner, for a permission check on a section. */
export async function sectionOwnership(
  host: CoreHost,
  plan: Pick<Plan, 'id' | 'partnershipId'>,
  definition: InstalledSection,
): Promise<SectionOwnership> {
  const row = await host.prisma.section.findUnique({
    where: { planId_key: { planId: plan.id, key: definition.key } },
    select: { ownerOrganisationId: true },
  });
  return { ownerOrganisationId: await defaultOwnerOrganisationId(host, { plan, definition, row }) };
}

export type { SectionOwnership };

export interface SetSectionOwnerArgs {
  planId: string;
  sectionKey: string;
  organisationId: string;
}

/**
 * The lead names the organisation that writes a section of a draft plan. The section's content
 * version is unchanged: whoever is editing it keeps their place.
 */
export async function setSectionOwner(
  host: CoreHost,
  ctx: RequestContext,
  args: SetSectionOwnerArgs,
): Promise<SectionView> {
  const { plan, definition } = await visiblePlanSection(host, ctx, args.planId, args.sectionKey);
  const membership = authorize(ctx, 'plan:edit', planFacts(plan));
  const organisationId = idOf('Organisation', args.organisationId);
  const eligible = await eligibleOwnerOrganisations(host.prisma, plan.partnershipId, definition);
  const organisation = eligible.find((o) => o.id === organisationId);
  if (!organisation) {
    throw ValidationError.field(
      'organisationId',
      `Choose an organisation of this partnership that can write the ${definition.title} section`,
    );
  }
  await host.prisma.$transaction(async (tx) => {
    const where = { planId_key: { planId: plan.id, key: definition.key } };
    const before = await tx.section.findUnique({ where });
    const previousOwnerId =
      before?.ownerOrganisationId ??
      (await preferredOwnerOrganisationId(tx, plan.partnershipId, definition));
    if (previousOwnerId === organisation.id && before) return;
    const after = before
      ? await tx.section.update({
          where: { id: before.id },
          data: { ownerOrganisationId: organisation.id },
        })
      : // The row appears on first write; its own fields are still unwritten, so version stays 0.
        await tx.section.create({
          data: {
            planId: plan.id,
            key: definition.key,
            pluginId: definition.pluginId,
            ownerOrganisationId: organisation.id,
            status: 'NOT_STARTED',
            version: 0,
          },
        });
    await appendAudit(tx, ctx, membership, {
      partnershipId: plan.partnershipId,
      planId: plan.id,
      entityType: 'Section',
      entityId: after.id,
      action: 'section.owner',
      before: { ownerOrganisationId: previousOwnerId },
      after: { ownerOrganisationId: organisation.id, ownerOrganisationName: organisation.name },
    });
  });
  const view = await sectionOfPlan(host.prisma, host, plan, definition.key);
  if (!view) throw new NotFoundError('Section');
  return view;
}
