// A partnership's metrics (catalogue + its own), its local metrics and its disclosure settings.
import type { Metric, Partnership, PeriodType, Polarity } from '@lip/db';
import { authorize, partnershipFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';

/** "Families' experience of annual reviews" → "families-experience-of-annual-reviews". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export async function partnershipMetrics(host: CoreHost, partnershipId: string): Promise<Metric[]> {
  return host.prisma.metric.findMany({
    where: { OR: [{ partnershipId: null }, { partnershipId }] },
    orderBy: [{ theme: 'asc' }, { title: 'asc' }, { id: 'asc' }],
  });
}

function memberPartnership(ctx: RequestContext, globalId: string): string {
  const id = idOf('Partnership', globalId);
  if (!id || !ctx.memberships.has(id)) throw new NotFoundError('Partnership');
  return id;
}

export interface LocalMetricArgs {
  partnershipId: string;
  title: string;
  theme: string;
  unit: string;
  polarity: Polarity;
  periodType: PeriodType;
  numerator?: string | null;
  denominator?: string | null;
  source?: string | null;
  /** Decimal places figures are shown to: 0 to 4; by default 0 for counts, 1 otherwise. */
  decimals?: number | null;
}

export async function createLocalMetric(
  host: CoreHost,
  ctx: RequestContext,
  input: LocalMetricArgs,
): Promise<Metric> {
  const partnershipId = memberPartnership(ctx, input.partnershipId);
  const membership = authorize(ctx, 'metrics:manage', partnershipFacts(partnershipId));
  const errors: FieldError[] = [];
  const text = (
    field: keyof LocalMetricArgs,
    value: string | null | undefined,
    label: string,
    max: number,
    required: boolean,
  ) => {
    const trimmed = value?.trim() ?? '';
    if (required && trimmed === '') errors.push({ path: [field], message: `Enter the ${label}` });
    else if (trimmed.length > max)
      errors.push({ path: [field], message: `The ${label} must be ${max} characters or fewer` });
    return trimmed === '' ? null : trimmed;
  };
  const title = text('title', input.title, 'title', 200, true);
  const theme = text('theme', input.theme, 'theme', 60, true);
  const unit = text('unit', input.unit, 'unit', 40, true);
  const numerator = text('numerator', input.numerator, 'numerator', 300, false);
  const denominator = text('denominator', input.denominator, 'denominator', 300, false);
  const source = text('source', input.source, 'source', 300, false);
  const decimals = input.decimals ?? (unit && /^(count|number)$/i.test(unit) ? 0 : 1);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4)
    errors.push({
      path: ['decimals'],
      message: 'Decimal places must be a whole number from 0 to 4',
    });
  if (title && slugify(title) === '')
    errors.push({ path: ['title'], message: 'The title must contain letters or numbers' });
  if (errors.length > 0) throw new ValidationError(errors);

  const partnership = await host.prisma.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
  });
  const id = `local-${partnership.slug}-${slugify(title!)}`;
  if (await host.prisma.metric.findUnique({ where: { id } })) {
    throw ValidationError.field('title', 'Your partnership already has a metric with this title');
  }
  return host.prisma.$transaction(async (tx) => {
    const metric = await tx.metric.create({
      data: {
        id,
        partnershipId,
        theme: slugify(theme!) || theme!,
        title: title!,
        unit: unit!,
        polarity: input.polarity,
        periodType: input.periodType,
        numerator,
        denominator,
        source,
        decimals,
        status: 'LOCAL',
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: null,
      entityType: 'Metric',
      entityId: metric.id,
      action: 'metric.create',
      after: metric,
    });
    return metric;
  });
}

export async function updateDisclosureSettings(
  host: CoreHost,
  ctx: RequestContext,
  input: {
    partnershipId: string;
    smallNumberThreshold?: number | null;
    roundingBase?: number | null;
  },
): Promise<Partnership> {
  const partnershipId = memberPartnership(ctx, input.partnershipId);
  const membership = authorize(ctx, 'metrics:manage', partnershipFacts(partnershipId));
  const errors: FieldError[] = [];
  const { smallNumberThreshold, roundingBase } = input;
  if (
    smallNumberThreshold != null &&
    (!Number.isInteger(smallNumberThreshold) ||
      smallNumberThreshold < 1 ||
      smallNumberThreshold > 100)
  ) {
    errors.push({
      path: ['smallNumberThreshold'],
      message: 'The threshold must be a whole number from 1 to 100',
    });
  }
  if (
    roundingBase != null &&
    (!Number.isInteger(roundingBase) || roundingBase < 1 || roundingBase > 1000)
  ) {
    errors.push({
      path: ['roundingBase'],
      message: 'Rounding must be to a whole number from 1 to 1,000',
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return host.prisma.$transaction(async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: { smallNumberThreshold: true, roundingBase: true },
    });
    // A rule needs a threshold: no threshold never means "no suppression" (issue 14). Rounding
    // may be none, as an explicit choice; saving is what sets the rule.
    const threshold =
      smallNumberThreshold !== undefined ? smallNumberThreshold : before.smallNumberThreshold;
    if (threshold == null)
      throw new ValidationError([
        {
          path: ['smallNumberThreshold'],
          message:
            'Enter the small-number threshold: counts of children below it are published as c',
        },
      ]);
    const after = await tx.partnership.update({
      where: { id: partnershipId },
      data: {
        ...(smallNumberThreshold !== undefined ? { smallNumberThreshold } : {}),
        ...(roundingBase !== undefined ? { roundingBase } : {}),
        disclosureRuleSetAt: new Date(),
      },
    });
    // Not about one plan: the partnership-wide audit entry has no planId.
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: null,
      entityType: 'Partnership',
      entityId: partnershipId,
      action: 'partnership.disclosure',
      before,
      after: {
        smallNumberThreshold: after.smallNumberThreshold,
        roundingBase: after.roundingBase,
      },
    });
    return after;
  });
}
