// A partnership's organisations: the lead adds them (an existing organisation, or a new one) and
// changes them. Organisations are shared (one ICB serves several partnerships), so an ODS code names
// at most one organisation, and adding a known ODS code adds that organisation rather than a copy.
import { Prisma, type Organisation, type PrismaClient } from '@lip/db';
import { authorizeLead } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { normaliseOdsCode, roleRefusal } from './rules.ts';

/** An organisation as a partnership lists it: with whether it signs that partnership's plans off. */
export interface PartnershipOrganisationView extends Organisation {
  isSignatory: boolean;
}

const NAME_MAX = 200;

/** Trimmed name, or a field error when blank or too long. */
function organisationName(field: string, value: string | null | undefined): string {
  const name = (value ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') throw ValidationError.field(field, 'Enter the name of the organisation');
  if (name.length > NAME_MAX)
    throw ValidationError.field(field, `Name must be ${NAME_MAX} characters or fewer`);
  return name;
}

async function organisationType(
  db: Pick<PrismaClient, 'organisationType'>,
  field: string,
  code: string | null | undefined,
) {
  const value = (code ?? '').trim();
  if (value === '') throw ValidationError.field(field, 'Select the type of organisation');
  const type = await db.organisationType.findUnique({ where: { code: value } });
  if (!type) throw ValidationError.field(field, `“${value}” is not a type of organisation`);
  return type;
}

/** Locks the partnership row: its organisation and member changes happen one at a time. */
export async function lockPartnership(tx: Prisma.TransactionClient, partnershipId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Partnership" WHERE "id" = ${partnershipId} FOR UPDATE`;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export interface AddPartnershipOrganisationArgs {
  partnershipId: string;
  /** An existing organisation (one the lead can already see, in any of their partnerships). */
  organisationId?: string | null;
  /** An existing organisation's ODS code, or the new organisation's. */
  odsCode?: string | null;
  /** For a new organisation. */
  name?: string | null;
  typeCode?: string | null;
  isSignatory?: boolean | null;
}

/**
 * Adds an organisation to the partnership: the one named by id, else the one with the ODS code
 * given, else a new organisation (name and type required, the ODS code optional).
 */
export async function addPartnershipOrganisation(
  prisma: PrismaClient,
  ctx: RequestContext,
  args: AddPartnershipOrganisationArgs,
): Promise<PartnershipOrganisationView> {
  const partnershipId = idOf('Partnership', args.partnershipId);
  if (!partnershipId) throw new NotFoundError('Partnership');
  const membership = authorizeLead(ctx, partnershipId);
  const odsCode = normaliseOdsCode('odsCode', args.odsCode);
  const isSignatory = args.isSignatory ?? false;

  try {
    return await prisma.$transaction(async (tx) => {
      await lockPartnership(tx, partnershipId);
      let organisation: Organisation | null = null;
      let created = false;
      if (args.organisationId) {
        const id = idOf('Organisation', args.organisationId);
        // Organisations the lead can see: those of their own partnerships.
        organisation = id
          ? await tx.organisation.findFirst({
              where: {
                id,
                partnerships: { some: { partnershipId: { in: [...ctx.memberships.keys()] } } },
              },
            })
          : null;
        if (!organisation) throw ValidationError.field('organisationId', 'Choose an organisation');
        if (odsCode && organisation.odsCode !== odsCode)
          throw ValidationError.field(
            'odsCode',
            `The ODS code ${odsCode} is not the code of ${organisation.name}`,
          );
      } else if (odsCode) {
        organisation = await tx.organisation.findUnique({ where: { odsCode } });
      }
      if (!organisation) {
        const name = organisationName('name', args.name);
        const type = await organisationType(tx, 'typeCode', args.typeCode);
        organisation = await tx.organisation.create({
          data: { name, typeCode: type.code, odsCode },
        });
        created = true;
      }
      const already = await tx.partnershipOrganisation.findUnique({
        where: {
          partnershipId_organisationId: { partnershipId, organisationId: organisation.id },
        },
      });
      if (already)
        throw ValidationError.field(
          odsCode && !args.organisationId ? 'odsCode' : 'organisationId',
          `${organisation.name} is already in this partnership`,
        );
      await tx.partnershipOrganisation.create({
        data: { partnershipId, organisationId: organisation.id, isSignatory },
      });
      await appendAudit(tx, ctx, membership, {
        partnershipId,
        planId: null,
        entityType: 'Organisation',
        entityId: organisation.id,
        action: 'organisation.create',
        after: {
          name: organisation.name,
          typeCode: organisation.typeCode,
          odsCode: organisation.odsCode,
          isSignatory,
          newOrganisation: created,
        },
      });
      return { ...organisation, isSignatory };
    });
  } catch (error) {
    // Two leads creating the same ODS code at once: the second is told it is taken.
    if (isUniqueViolation(error))
      throw ValidationError.field(
        'odsCode',
        'Another organisation was added with this ODS code just now: try again',
      );
    throw error;
  }
}

export interface UpdatePartnershipOrganisationArgs {
  partnershipId: string;
  organisationId: string;
  /** Omitted (null) fields are left as they are. */
  name?: string | null;
  typeCode?: string | null;
  /** '' removes the ODS code. */
  odsCode?: string | null;
  isSignatory?: boolean | null;
}

/**
 * Changes one of the partnership's organisations. Last write wins: the form sends every field as
 * the lead last saw it, and organisations carry no version (they change rarely, and each change is
 * audited with what it replaced).
 *
 * An organisation is shared between partnerships, so its name, type and ODS code are the same in
 * every partnership it is in: changing them here changes them there too. That is allowed for the
 * lead of any partnership the organisation is in (it is the same organisation, and a renamed ICB
 * is renamed for everyone), and only for them: a lead cannot touch an organisation outside their
 * own partnership. Whether it signs off belongs to this partnership alone.
 */
export async function updatePartnershipOrganisation(
  prisma: PrismaClient,
  ctx: RequestContext,
  args: UpdatePartnershipOrganisationArgs,
): Promise<PartnershipOrganisationView> {
  const partnershipId = idOf('Partnership', args.partnershipId);
  if (!partnershipId) throw new NotFoundError('Partnership');
  const membership = authorizeLead(ctx, partnershipId);
  const organisationId = idOf('Organisation', args.organisationId);
  if (!organisationId) throw new NotFoundError('Organisation');
  const name = args.name == null ? undefined : organisationName('name', args.name);
  const odsCode = args.odsCode == null ? undefined : normaliseOdsCode('odsCode', args.odsCode);

  try {
    return await prisma.$transaction(async (tx) => {
      await lockPartnership(tx, partnershipId);
      const link = await tx.partnershipOrganisation.findUnique({
        where: { partnershipId_organisationId: { partnershipId, organisationId } },
        include: { organisation: true },
      });
      if (!link) throw new NotFoundError('Organisation');
      const before = link.organisation;
      const type =
        args.typeCode == null ? undefined : await organisationType(tx, 'typeCode', args.typeCode);
      if (type && type.code !== before.typeCode)
        await checkMembersFitType(tx, partnershipId, before, type.code);
      if (odsCode && odsCode !== before.odsCode) {
        const holder = await tx.organisation.findUnique({ where: { odsCode } });
        if (holder)
          throw ValidationError.field(
            'odsCode',
            `The ODS code ${odsCode} belongs to another organisation, ${holder.name}`,
          );
      }
      const after = await tx.organisation.update({
        where: { id: organisationId },
        data: {
          ...(name !== undefined ? { name } : {}),
          ...(type ? { typeCode: type.code } : {}),
          ...(odsCode !== undefined ? { odsCode } : {}),
        },
      });
      const isSignatory = args.isSignatory ?? link.isSignatory;
      if (isSignatory !== link.isSignatory)
        await tx.partnershipOrganisation.update({
          where: { partnershipId_organisationId: { partnershipId, organisationId } },
          data: { isSignatory },
        });
      const changed =
        after.name !== before.name ||
        after.typeCode !== before.typeCode ||
        after.odsCode !== before.odsCode ||
        isSignatory !== link.isSignatory;
      if (changed)
        await appendAudit(tx, ctx, membership, {
          partnershipId,
          planId: null,
          entityType: 'Organisation',
          entityId: organisationId,
          action: 'organisation.update',
          before: {
            name: before.name,
            typeCode: before.typeCode,
            odsCode: before.odsCode,
            isSignatory: link.isSignatory,
          },
          after: {
            name: after.name,
            typeCode: after.typeCode,
            odsCode: after.odsCode,
            isSignatory,
          },
        });
      return { ...after, isSignatory };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw ValidationError.field('odsCode', 'Another organisation has this ODS code');
    throw error;
  }
}

/**
 * A new type must not leave anyone with roles it refuses (a council changed to a parent carer
 * forum cannot keep section editors). Members of other partnerships count too, since the type is
 * the organisation's everywhere, but their names are not shown to this lead.
 */
async function checkMembersFitType(
  tx: Prisma.TransactionClient,
  partnershipId: string,
  organisation: Organisation,
  typeCode: string,
): Promise<void> {
  const members = await tx.member.findMany({
    where: { organisationId: organisation.id },
    select: { roles: true, partnershipId: true, user: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const refused = members
    .filter((m) => roleRefusal(typeCode, m.roles) !== null)
    // This partnership's members first: the lead can change their roles.
    .sort(
      (a, b) =>
        Number(b.partnershipId === partnershipId) - Number(a.partnershipId === partnershipId),
    );
  const first = refused[0];
  if (!first) return;
  const refusal = roleRefusal(typeCode, first.roles);
  const ours = refused.filter((m) => m.partnershipId === partnershipId);
  const who =
    ours.length === 0
      ? 'members in another partnership'
      : ours.length === 1 && refused.length === 1
        ? first.user.name
        : `${first.user.name} and ${refused.length - 1} other ${refused.length === 2 ? 'member' : 'members'}`;
  throw ValidationError.field(
    'typeCode',
    `Change the roles of ${who} before changing the type of ${organisation.name}. ${refusal ?? ''}`.trim(),
  );
}
