// A partnership's NHS geography: the ICB whose footprint it shares and the sub-ICB locations that
// cover its area. Some NHS figures are only published per sub-ICB location (HLT-02, suspected-autism
// referrals waiting), so without these codes those metrics have no local figure to be rated against.
import type { Partnership } from '@lip/db';
import { authorize, partnershipFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';

/** ONS (E54... for ICBs, E38... for sub-ICB locations) or ODS codes (QHM, 00L, 01A...). */
const CODE = /^(E\d{8}|[A-Z0-9]{3,5})$/;
export const MAX_SUB_ICB_CODES = 20;

export interface HealthGeographyArgs {
  partnershipId: string;
  icbCode?: string | null;
  subIcbCodes?: readonly string[] | null;
}

export async function updateNhsGeography(
  host: CoreHost,
  ctx: RequestContext,
  input: HealthGeographyArgs,
): Promise<Partnership> {
  const partnershipId = idOf('Partnership', input.partnershipId);
  if (!partnershipId || !ctx.memberships.has(partnershipId)) throw new NotFoundError('Partnership');
  const membership = authorize(ctx, 'metrics:manage', partnershipFacts(partnershipId));
  const errors: FieldError[] = [];
  const icbCode =
    input.icbCode === undefined ? undefined : input.icbCode?.trim().toUpperCase() || null;
  if (icbCode && !CODE.test(icbCode))
    errors.push({
      path: ['icbCode'],
      message: 'Enter the ICB code as the NHS publishes it, like E54000050 or QHM',
    });
  let subIcbCodes: string[] | undefined;
  if (input.subIcbCodes != null) {
    const given = input.subIcbCodes.map((code) => code.trim()).filter(Boolean);
    subIcbCodes = [...new Set(given.map((code) => code.toUpperCase()))];
    // Named as typed, so the person finds it in what they entered.
    const bad = given.find((code) => !CODE.test(code.toUpperCase()));
    if (bad)
      errors.push({
        path: ['subIcbCodes'],
        message: `"${bad.slice(0, 20)}" is not a sub-ICB location code: enter codes like E38000163 or 00L`,
      });
    else if (subIcbCodes.length > MAX_SUB_ICB_CODES)
      errors.push({
        path: ['subIcbCodes'],
        message: `Enter at most ${MAX_SUB_ICB_CODES} sub-ICB location codes`,
      });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return host.prisma.$transaction(async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: { icbCode: true, subIcbCodes: true },
    });
    const after = await tx.partnership.update({
      where: { id: partnershipId },
      data: {
        ...(icbCode !== undefined ? { icbCode } : {}),
        ...(subIcbCodes !== undefined ? { subIcbCodes } : {}),
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: null,
      entityType: 'Partnership',
      entityId: partnershipId,
      action: 'partnership.healthGeography',
      before,
      after: { icbCode: after.icbCode, subIcbCodes: after.subIcbCodes },
    });
    return after;
  });
}
