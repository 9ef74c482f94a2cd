// Sign-off of the version under review: each signing organisation decides once; the parent carer
// forum acknowledges. The last approval moves plan and version to SIGNED_OFF (once: the plan row is
// locked); a rejection returns the plan to DRAFT.
import {
  Prisma,
  type Organisation,
  type Plan,
  type PlanVersion,
  type SignOff,
  type SignOffDecision,
} from '@lip/db';
import { authorize, can, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { updatePlan, visiblePlan } from '../services/plans.ts';
import { PlanStateConflictError, transition } from './lifecycle.ts';
import { expectedSignatories, type ExpectedSignatory, type SignatoryKind } from './signatories.ts';

export { PARENT_CARER_FORUM, type SignatoryKind } from './signatories.ts';

export interface Signatory {
  organisation: Organisation;
  kind: SignatoryKind;
  signOff: SignOff | null;
  viewerCanRecord: boolean;
}

/** The plan's newest version, when it is under review or further on; null for a plan never submitted. */
async function currentVersionOf(
  db: Prisma.TransactionClient,
  plan: Plan,
): Promise<PlanVersion | null> {
  if (plan.state === 'DRAFT') return null;
  return db.planVersion.findFirst({ where: { planId: plan.id }, orderBy: { number: 'desc' } });
}

export async function signatoriesOf(
  host: CoreHost,
  ctx: RequestContext,
  plan: Plan,
): Promise<Signatory[]> {
  const expected = await expectedSignatories(host.prisma, plan.partnershipId);
  const version = await currentVersionOf(host.prisma, plan);
  const signOffs = version
    ? await host.prisma.signOff.findMany({ where: { planVersionId: version.id } })
    : [];
  return expected.map(({ organisation, kind }) => {
    const signOff = signOffs.find((s) => s.organisationId === organisation.id) ?? null;
    return {
      organisation,
      kind,
      signOff,
      viewerCanRecord:
        signOff === null &&
        can(ctx, 'plan:sign', {
          ...planFacts(plan),
          organisationId: organisation.id,
        }),
    };
  });
}

export interface RecordSignOffArgs {
  planId: string;
  versionNumber: number;
  organisationId: string;
  decision: SignOffDecision;
  conditions?: string | null;
  /** The parent carer forum's concerns, recorded with its acknowledgement (optional). */
  concerns?: string | null;
  signatoryName: string;
  signatoryRole: string;
  forum: string;
  decidedOn: Date;
}

/** Every signing organisation approved (with or without conditions) and every forum acknowledged. */
function allDecided(expected: ExpectedSignatory[], signOffs: SignOff[]): boolean {
  return expected.every(({ organisation, kind }) => {
    const decision = signOffs.find((s) => s.organisationId === organisation.id)?.decision;
    return kind === 'ACKNOWLEDGEMENT'
      ? decision === 'ACKNOWLEDGED'
      : decision === 'APPROVED' || decision === 'APPROVED_WITH_CONDITIONS';
  });
}

function checkInput(
  input: RecordSignOffArgs,
  kind: SignatoryKind | null,
): { conditions: string | null; concerns: string | null } {
  const errors: FieldError[] = [];
  const conditions = input.conditions?.trim() || null;
  const concerns = input.concerns?.trim() || null;
  if (kind === null)
    errors.push({
      path: ['organisationId'],
      message: 'Choose an organisation that signs off or acknowledges this plan',
    });
  if (kind === 'ACKNOWLEDGEMENT' && input.decision !== 'ACKNOWLEDGED') {
    errors.push({
      path: ['decision'],
      message: 'The parent carer forum acknowledges the plan: select acknowledged',
    });
  }
  if (kind === 'SIGN_OFF' && input.decision === 'ACKNOWLEDGED') {
    errors.push({
      path: ['decision'],
      message:
        'Only the parent carer forum acknowledges: select approved, approved with conditions or rejected',
    });
  }
  if (concerns && kind === 'SIGN_OFF') {
    errors.push({
      path: ['concerns'],
      message:
        'Only the parent carer forum records concerns: a signing organisation records conditions',
    });
  }
  if (
    (input.decision === 'APPROVED_WITH_CONDITIONS' || input.decision === 'REJECTED') &&
    !conditions
  ) {
    errors.push({
      path: ['conditions'],
      message:
        input.decision === 'REJECTED'
          ? 'Enter why the plan is rejected'
          : 'Enter the conditions of the approval',
    });
  }
  if (!input.signatoryName.trim())
    errors.push({ path: ['signatoryName'], message: 'Enter the name of the person who decided' });
  if (!input.signatoryRole.trim())
    errors.push({ path: ['signatoryRole'], message: 'Enter their role' });
  if (!input.forum.trim())
    errors.push({ path: ['forum'], message: 'Enter the meeting or forum where it was decided' });
  if (errors.length > 0) throw new ValidationError(errors);
  return { conditions, concerns };
}

const alreadyRecorded = () =>
  ValidationError.field(
    'organisationId',
    'A decision has already been recorded for this organisation on this version',
  );

export async function recordSignOff(
  host: CoreHost,
  ctx: RequestContext,
  input: RecordSignOffArgs,
): Promise<SignOff> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const organisationId = idOf('Organisation', input.organisationId);
  const membership = authorize(ctx, 'plan:sign', {
    ...planFacts(plan),
    organisationId: organisationId ?? input.organisationId,
  });
  const expected = await expectedSignatories(host.prisma, plan.partnershipId);
  const kind = expected.find((e) => e.organisation.id === organisationId)?.kind ?? null;
  const { conditions, concerns } = checkInput(input, kind);

  try {
    return await transition(host, plan, 'PARTNER_REVIEW', async (tx, locked) => {
      const version = await tx.planVersion.findUnique({
        where: { planId_number: { planId: plan.id, number: input.versionNumber } },
      });
      if (!version) throw new NotFoundError('Plan version');
      const newest = await tx.planVersion.findFirst({
        where: { planId: plan.id },
        orderBy: { number: 'desc' },
      });
      if (newest?.id !== version.id || version.state !== 'PARTNER_REVIEW')
        throw new PlanStateConflictError(locked);
      if (
        await tx.signOff.findUnique({
          where: {
            planVersionId_organisationId: {
              planVersionId: version.id,
              organisationId: organisationId!,
            },
          },
        })
      ) {
        throw alreadyRecorded();
      }
      const signOff = await tx.signOff.create({
        data: {
          planId: plan.id,
          planVersionId: version.id,
          organisationId: organisationId!,
          decision: input.decision,
          conditions,
          concerns,
          signatoryName: input.signatoryName.trim(),
          signatoryRole: input.signatoryRole.trim(),
          forum: input.forum.trim(),
          decidedOn: input.decidedOn,
          recordedById: ctx.user?.id ?? null,
        },
      });
      const audit = { partnershipId: plan.partnershipId, planId: plan.id };
      await appendAudit(tx, ctx, membership, {
        ...audit,
        entityType: 'SignOff',
        entityId: signOff.id,
        action: 'sign_off.recorded',
        after: { ...signOff, versionNumber: version.number },
      });

      const nextState =
        input.decision === 'REJECTED'
          ? 'DRAFT'
          : allDecided(
                expected,
                await tx.signOff.findMany({ where: { planVersionId: version.id } }),
              )
            ? 'SIGNED_OFF'
            : null;
      if (nextState) {
        // A rejected version goes back with the plan: it is no longer under review.
        await tx.planVersion.update({
          where: { id: version.id },
          data:
            nextState === 'SIGNED_OFF'
              ? { state: 'SIGNED_OFF', signedOffAt: new Date() }
              : { state: 'DRAFT' },
        });
        await updatePlan(tx, ctx, membership, plan, {
          data: { state: nextState },
          action: nextState === 'SIGNED_OFF' ? 'plan.signed_off' : 'plan.rejected',
          before: { state: locked.state },
          after: { state: nextState, versionNumber: version.number },
        });
      }
      return signOff;
    });
  } catch (error) {
    // The unique constraint is the last word when two people record for one organisation at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw alreadyRecorded();
    throw error;
  }
}
