// Who may do what, in one place. The rules form a matrix (role × operation × section × plan state)
// that test/permissions.test.ts iterates over; resolvers only ever ask `decide`.
import type { MemberRole, PlanState } from '@lip/db';
import type { Membership, RequestContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

export type Operation = 'plan:read' | 'plan:edit' | 'commitment:create' | 'commitment:update' | 'section:update';

export interface PermissionSubject {
  partnershipId: string;
  planState: PlanState;
  /** The section written to (for commitment and section operations). */
  section?: { ownerOrganisationTypes: readonly string[] };
}

export type Decision = { allowed: true; membership: Membership } | { allowed: false; error: NotFoundError | ForbiddenError };

const WRITABLE_STATES: readonly PlanState[] = ['DRAFT'];

/** Roles that may write a section their organisation owns. */
const SECTION_WRITERS: readonly MemberRole[] = ['SECTION_EDITOR'];

export function decide(ctx: RequestContext, operation: Operation, subject: PermissionSubject): Decision {
  const membership = ctx.memberships.get(subject.partnershipId);
  // Not a member: the plan does not exist as far as this person can tell.
  if (!membership) return { allowed: false, error: new NotFoundError('Plan') };
  if (operation === 'plan:read') return { allowed: true, membership };

  const isLead = membership.roles.includes('PARTNERSHIP_LEAD');
  const canWriteSomething = isLead || membership.roles.some((r) => SECTION_WRITERS.includes(r));
  if (!canWriteSomething) {
    return { allowed: false, error: new ForbiddenError('You can view this plan but you cannot change it') };
  }
  if (!WRITABLE_STATES.includes(subject.planState)) {
    return { allowed: false, error: new ForbiddenError('This plan is no longer a draft, so it cannot be changed') };
  }
  if (isLead) return { allowed: true, membership };
  if (operation === 'plan:edit') {
    return { allowed: false, error: new ForbiddenError('Only the partnership lead can change the plan') };
  }
  const owners = subject.section?.ownerOrganisationTypes ?? [];
  if (owners.includes(membership.organisationTypeCode)) return { allowed: true, membership };
  return { allowed: false, error: new ForbiddenError('You can only change sections that your organisation owns') };
}

/** Throws the typed error when refused; returns the acting membership. */
export function authorize(ctx: RequestContext, operation: Operation, subject: PermissionSubject): Membership {
  const decision = decide(ctx, operation, subject);
  if (!decision.allowed) throw decision.error;
  return decision.membership;
}

export function can(ctx: RequestContext, operation: Operation, subject: PermissionSubject): boolean {
  return decide(ctx, operation, subject).allowed;
}
