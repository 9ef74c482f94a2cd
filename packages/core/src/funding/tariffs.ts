// Bands and tariffs of a partnership (issue 16). Any member reads them; only a partnership lead
// writes them (a tariff prices every plan's provision, so changing one in force is the lead's call),
// and every write is audited as a partnership-wide entry. Tariffs of one band and provision type
// never overlap: setTariff checks under a lock on the band row, so two writes cannot both pass.
import { Prisma, type Band, type ProvisionType, type Tariff } from '@lip/db';
import { authorizeLead } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { govukDate } from '../dates.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { ukToday } from '../services/commitment-parts.ts';
import { EARLIEST_YEAR, LATEST_YEAR } from '../validation.ts';
import { formatPounds, parsePounds, PROVISION_TYPE_LABELS } from './totals.ts';

/** Tariff.annualPrice is Decimal(12, 2): 10 digits before the point. */
const PRICE_INTEGER_DIGITS = 10;
const DAY = 24 * 60 * 60 * 1000;

/** The partnership of a global id, if the viewer is a member; NotFoundError otherwise. */
export function memberPartnershipId(ctx: RequestContext, globalId: string): string {
  const id = idOf('Partnership', globalId);
  if (!id || !ctx.memberships.has(id)) throw new NotFoundError('Partnership');
  return id;
}

export function bandsOf(host: CoreHost, partnershipId: string): Promise<Band[]> {
  return host.prisma.band.findMany({
    where: { partnershipId },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

export type TariffWithBand = Tariff & { band: Pick<Band, 'id' | 'name' | 'position'> };

/**
 * The tariffs in force on `date` (one per band and provision type at most), or every tariff ever
 * set when `date` is null: by band order, provision type, then start date.
 */
export function tariffsOf(
  host: CoreHost,
  partnershipId: string,
  date: Date | null,
): Promise<TariffWithBand[]> {
  return host.prisma.tariff.findMany({
    where: {
      partnershipId,
      ...(date
        ? {
            effectiveFrom: { lte: date },
            OR: [{ effectiveTo: null }, { effectiveTo: { gte: date } }],
          }
        : {}),
    },
    include: { band: { select: { id: true, name: true, position: true } } },
    orderBy: [{ band: { position: 'asc' } }, { provisionType: 'asc' }, { effectiveFrom: 'asc' }],
  });
}

function checkBandText(
  input: { name?: string | null; descriptionOfNeed?: string | null },
  errors: FieldError[],
): void {
  if (input.name !== undefined) {
    const name = input.name?.trim() ?? '';
    if (name === '') errors.push({ path: ['name'], message: 'Enter the band’s name' });
    else if (name.length > 100)
      errors.push({ path: ['name'], message: 'Name must be 100 characters or fewer' });
  }
  if ((input.descriptionOfNeed ?? '').length > 2000)
    errors.push({
      path: ['descriptionOfNeed'],
      message: 'Description of need must be 2,000 characters or fewer',
    });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

const nameTaken = () =>
  new ValidationError([
    { path: ['name'], message: 'The partnership already has a band of that name' },
  ]);

export async function createBand(
  host: CoreHost,
  ctx: RequestContext,
  input: { partnershipId: string; name: string; descriptionOfNeed?: string | null },
): Promise<Band> {
  const partnershipId = memberPartnershipId(ctx, input.partnershipId);
  const membership = authorizeLead(ctx, partnershipId);
  const errors: FieldError[] = [];
  checkBandText(input, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  try {
    return await host.prisma.$transaction(async (tx) => {
      // Lock the partnership row: two bands created at once get different positions.
      await tx.$queryRaw`SELECT "id" FROM "Partnership" WHERE "id" = ${partnershipId} FOR UPDATE`;
      const last = await tx.band.aggregate({ where: { partnershipId }, _max: { position: true } });
      const band = await tx.band.create({
        data: {
          partnershipId,
          name: input.name.trim(),
          descriptionOfNeed: input.descriptionOfNeed?.trim() ?? '',
          position: (last._max.position ?? 0) + 1,
        },
      });
      await appendAudit(tx, ctx, membership, {
        partnershipId,
        planId: null,
        entityType: 'Band',
        entityId: band.id,
        action: 'band.create',
        after: {
          name: band.name,
          position: band.position,
          descriptionOfNeed: band.descriptionOfNeed,
        },
      });
      return band;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The band of a global id in a partnership the viewer leads. */
async function leadBand(host: CoreHost, ctx: RequestContext, globalId: string) {
  const id = idOf('Band', globalId);
  const band = id ? await host.prisma.band.findUnique({ where: { id } }) : null;
  if (!band || !ctx.memberships.has(band.partnershipId)) throw new NotFoundError('Band');
  return { band, membership: authorizeLead(ctx, band.partnershipId) };
}

export async function updateBand(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; name?: string | null; descriptionOfNeed?: string | null },
): Promise<Band> {
  const { band, membership } = await leadBand(host, ctx, input.id);
  const errors: FieldError[] = [];
  checkBandText(input, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  try {
    return await host.prisma.$transaction(async (tx) => {
      const after = await tx.band.update({
        where: { id: band.id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.descriptionOfNeed != null
            ? { descriptionOfNeed: input.descriptionOfNeed.trim() }
            : {}),
          version: { increment: 1 },
        },
      });
      await appendAudit(tx, ctx, membership, {
        partnershipId: band.partnershipId,
        planId: null,
        entityType: 'Band',
        entityId: band.id,
        action: 'band.update',
        before: { name: band.name, descriptionOfNeed: band.descriptionOfNeed },
        after: { name: after.name, descriptionOfNeed: after.descriptionOfNeed },
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Puts the partnership's bands in the order given (every band, each once). */
export async function reorderBands(
  host: CoreHost,
  ctx: RequestContext,
  input: { partnershipId: string; bandIds: readonly string[] },
): Promise<Band[]> {
  const partnershipId = memberPartnershipId(ctx, input.partnershipId);
  const membership = authorizeLead(ctx, partnershipId);
  const ids = input.bandIds.map((g) => idOf('Band', g));
  return host.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Partnership" WHERE "id" = ${partnershipId} FOR UPDATE`;
    const bands = await tx.band.findMany({
      where: { partnershipId },
      orderBy: { position: 'asc' },
    });
    const known = new Set(bands.map((b) => b.id));
    if (
      ids.length !== bands.length ||
      new Set(ids).size !== ids.length ||
      ids.some((id) => !id || !known.has(id))
    )
      throw ValidationError.field('bandIds', 'List every band of the partnership once');
    for (const [index, id] of ids.entries())
      await tx.band.update({ where: { id: id! }, data: { position: index + 1 } });
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: null,
      entityType: 'Partnership',
      entityId: partnershipId,
      action: 'band.reorder',
      before: bands.map((b) => b.name),
      after: ids.map((id) => bands.find((b) => b.id === id)!.name),
    });
    return tx.band.findMany({ where: { partnershipId }, orderBy: { position: 'asc' } });
  });
}

export interface SetTariffArgs {
  bandId: string;
  provisionType: ProvisionType;
  /** Pounds as typed: "12500", "£12,500.50". */
  annualPrice: string;
  effectiveFrom: Date | null | undefined;
  /** Inclusive; null or absent: until replaced. */
  effectiveTo?: Date | null;
}

function validDate(date: Date | null | undefined): boolean {
  if (!date || Number.isNaN(date.getTime())) return false;
  const year = date.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/**
 * Sets the annual price of a band and provision type from a date. A tariff with no end date that
 * started earlier is closed the day before (that is how a price changes); any other overlap is
 * refused with a message naming the tariff in the way. Lead only; audited (`tariff.set`, and
 * `tariff.close` for the tariff it ends).
 */
export async function setTariff(
  host: CoreHost,
  ctx: RequestContext,
  input: SetTariffArgs,
): Promise<TariffWithBand> {
  const { band, membership } = await leadBand(host, ctx, input.bandId);
  const errors: FieldError[] = [];
  const price = parsePounds(input.annualPrice, 'Annual price', PRICE_INTEGER_DIGITS);
  if (!price.ok) errors.push({ path: ['annualPrice'], message: price.message });
  if (!validDate(input.effectiveFrom))
    errors.push({ path: ['effectiveFrom'], message: 'Enter the date the price applies from' });
  const to = input.effectiveTo ?? null;
  if (input.effectiveTo !== undefined && input.effectiveTo !== null && !validDate(to))
    errors.push({ path: ['effectiveTo'], message: 'The end date must be a real date' });
  else if (to && validDate(input.effectiveFrom) && to < input.effectiveFrom!)
    errors.push({
      path: ['effectiveTo'],
      message: 'The end date must be the same as or after the start date',
    });
  if (errors.length > 0 || !price.ok) throw new ValidationError(errors);
  const from = input.effectiveFrom!;
  const label = `${band.name}, ${PROVISION_TYPE_LABELS[input.provisionType].toLowerCase()}`;

  return host.prisma.$transaction(async (tx) => {
    // One writer per band at a time: the overlap check below sees every committed tariff.
    await tx.$queryRaw`SELECT "id" FROM "Band" WHERE "id" = ${band.id} FOR UPDATE`;
    const existing = await tx.tariff.findMany({
      where: { bandId: band.id, provisionType: input.provisionType },
      orderBy: { effectiveFrom: 'asc' },
    });
    const overlapping = existing.filter(
      (t) =>
        (to === null || t.effectiveFrom <= to) && (t.effectiveTo === null || t.effectiveTo >= from),
    );
    const replaced =
      overlapping.length === 1 &&
      overlapping[0]!.effectiveTo === null &&
      overlapping[0]!.effectiveFrom < from
        ? overlapping[0]!
        : null;
    if (overlapping.length > 0 && !replaced) {
      const first = overlapping[0]!;
      throw new ValidationError([
        {
          path: ['effectiveFrom'],
          message: `These dates overlap the ${label} price of ${formatPounds(first.annualPrice.toFixed(2))} from ${govukDate(first.effectiveFrom)} ${first.effectiveTo ? `to ${govukDate(first.effectiveTo)}` : 'until replaced'}`,
        },
      ]);
    }
    const today = ukToday();
    const audit = (entityId: string, action: string, before: unknown, after: unknown) =>
      appendAudit(tx, ctx, membership, {
        partnershipId: band.partnershipId,
        planId: null,
        entityType: 'Tariff',
        entityId,
        action,
        before,
        after,
      });
    const describe = (t: Pick<Tariff, 'annualPrice' | 'effectiveFrom' | 'effectiveTo'>) => ({
      band: band.name,
      provisionType: input.provisionType,
      annualPrice: t.annualPrice.toFixed(2),
      effectiveFrom: t.effectiveFrom.toISOString().slice(0, 10),
      effectiveTo: t.effectiveTo ? t.effectiveTo.toISOString().slice(0, 10) : null,
      inForce: t.effectiveFrom <= today && (t.effectiveTo === null || t.effectiveTo >= today),
    });
    if (replaced) {
      const closed = await tx.tariff.update({
        where: { id: replaced.id },
        data: { effectiveTo: new Date(from.getTime() - DAY) },
      });
      await audit(replaced.id, 'tariff.close', describe(replaced), describe(closed));
    }
    const created = await tx.tariff.create({
      data: {
        partnershipId: band.partnershipId,
        bandId: band.id,
        provisionType: input.provisionType,
        annualPrice: price.value,
        effectiveFrom: from,
        effectiveTo: to,
        createdById: ctx.user?.id ?? null,
      },
      include: { band: { select: { id: true, name: true, position: true } } },
    });
    await audit(
      created.id,
      'tariff.set',
      replaced ? describe(replaced) : undefined,
      describe(created),
    );
    return created;
  });
}
