// Who may do what, in one place. The rules form a matrix (role × operation × section × plan state)
// that test/permissions.test.ts iterates over; resolvers only ever ask `decide`.
import type { MemberRole, PlanState } from '@lip/db';
import type { Membership, RequestContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

/** Editing the plan's content (commitments, sections, coverage, targets): drafts only. */
type ContentOperation = 'plan:edit' | 'commitment:create' | 'commitment:update' | 'section:update';

/** Moving the plan through its lifecycle. */
type LifecycleOperation =
  /** draft → partner review (freezes a version). */
  | 'plan:submit'
  /** partner review → draft (the lead takes it back for changes). */
  | 'plan:withdraw'
  /** Record an organisation's sign-off decision, or the parent carer forum's acknowledgement. */
  | 'plan:sign'
  /** signed off → published. */
  | 'plan:publish'
  /** published → draft: start the next revision (the published version stays public). */
  | 'plan:revise';

/** Work around the plan that does not change its content, so it is not bound to drafts. */
type CollaborationOperation =
  | 'comment:create'
  /** Resolve or reopen a thread: its author, the lead, or whoever may write the section. */
  | 'comment:resolve'
  /**
   * Record engagement activities and "you said, we did": the partnership lead and the plan's
   * editors answer for them. Others who take part (the parent carer forum) comment instead.
   */
  | 'coproduction:edit'
  /** Import observations; add local metrics; set disclosure control. */
  | 'metrics:manage'
  /** Write the exception commentary of a metric target the member's organisation owns. */
  | 'target:comment';

export type Operation =
  'plan:read' | ContentOperation | LifecycleOperation | CollaborationOperation;

export const OPERATIONS: readonly Operation[] = [
  'plan:read',
  'plan:edit',
  'commitment:create',
  'commitment:update',
  'section:update',
  'plan:submit',
  'plan:withdraw',
  'plan:sign',
  'plan:publish',
  'plan:revise',
  'comment:create',
  'comment:resolve',
  'coproduction:edit',
  'metrics:manage',
  'target:comment',
];

/** Who writes a section in this plan (see services/section-owner.ts). */
export interface SectionOwnership {
  ownerOrganisationId: string | null;
}

export interface PermissionSubject {
  partnershipId: string;
  planState: PlanState;
  /**
   * The plan is archived (Plan.archivedAt): kept for the record and readable, never changed again.
   * Required, so no write can forget to ask; false for operations on the partnership, not a plan.
   */
  planArchived: boolean;
  /** The section written to (for commitment and section operations, and comments on them). */
  section?: SectionOwnership;
  /** plan:sign: the organisation signed for. target:comment: the target's owner organisation. */
  organisationId?: string | null;
  /** comment:resolve: who wrote the thread. */
  authorUserId?: string;
}

/** What a plan tells `decide`: its partnership, state and whether it is archived. */
export function planFacts(plan: {
  partnershipId: string;
  state: PlanState;
  archivedAt: Date | null;
}): PermissionSubject {
  return {
    partnershipId: plan.partnershipId,
    planState: plan.state,
    planArchived: plan.archivedAt !== null,
  };
}

/**
 * For operations on the partnership rather than one of its plans (metrics:manage), which do not
 * depend on a plan's state: a draft that is not archived stands in for "no plan".
 */
export function partnershipFacts(partnershipId: string): PermissionSubject {
  return { partnershipId, planState: 'DRAFT', planArchived: false };
}

export type Decision =
  | { allowed: true; membership: Membership }
  | { allowed: false; error: NotFoundError | ForbiddenError };

/** Roles that may write a section their organisation owns. */
const SECTION_WRITERS: readonly MemberRole[] = ['SECTION_EDITOR'];
/** Roles that take part in discussion and co-production (everyone but viewers). */
const PARTICIPANTS: readonly MemberRole[] = [
  'PARTNERSHIP_LEAD',
  'SECTION_EDITOR',
  'CONTRIBUTOR',
  'SIGNATORY',
];

/** The one plan state each lifecycle operation starts from. */
const LIFECYCLE_FROM: Record<LifecycleOperation, PlanState> = {
  'plan:submit': 'DRAFT',
  'plan:withdraw': 'PARTNER_REVIEW',
  'plan:sign': 'PARTNER_REVIEW',
  'plan:publish': 'SIGNED_OFF',
  'plan:revise': 'PUBLISHED',
};

const STATE_WORDS: Record<PlanState, string> = {
  DRAFT: 'a draft',
  PARTNER_REVIEW: 'in partner review',
  SIGNED_OFF: 'signed off',
  PUBLISHED: 'published',
  SUPERSEDED: 'superseded',
};

const allow = (membership: Membership): Decision => ({ allowed: true, membership });
const refuse = (message: string): Decision => ({
  allowed: false,
  error: new ForbiddenError(message),
});

/** The plan names the organisation that writes each section; its editors write it. */
function ownsSection(membership: Membership, section: SectionOwnership | undefined): boolean {
  return (
    section?.ownerOrganisationId != null &&
    section.ownerOrganisationId === membership.organisationId
  );
}

function isLifecycle(operation: Operation): operation is LifecycleOperation {
  return operation in LIFECYCLE_FROM;
}

function decideContent(
  membership: Membership,
  operation: ContentOperation,
  subject: PermissionSubject,
): Decision {
  const isLead = membership.roles.includes('PARTNERSHIP_LEAD');
  const canWriteSomething = isLead || membership.roles.some((r) => SECTION_WRITERS.includes(r));
  if (!canWriteSomething) return refuse('You can view this plan but you cannot change it');
  if (subject.planState !== 'DRAFT')
    return refuse('This plan is no longer a draft, so it cannot be changed');
  if (isLead) return allow(membership);
  if (operation === 'plan:edit') return refuse('Only the partnership lead can change the plan');
  if (ownsSection(membership, subject.section)) return allow(membership);
  return refuse('You can only change sections that your organisation owns');
}

function decideLifecycle(
  membership: Membership,
  operation: LifecycleOperation,
  subject: PermissionSubject,
): Decision {
  const from = LIFECYCLE_FROM[operation];
  if (operation === 'plan:sign') {
    if (!membership.roles.includes('SIGNATORY'))
      return refuse('Only a signatory can record a sign-off');
    if (subject.organisationId && subject.organisationId !== membership.organisationId) {
      return refuse('You can only sign off for your own organisation');
    }
  } else if (!membership.roles.includes('PARTNERSHIP_LEAD')) {
    return refuse('Only the partnership lead can do that');
  }
  if (subject.planState !== from) {
    return refuse(
      `The plan is ${STATE_WORDS[subject.planState]}, so this cannot be done now: it must be ${STATE_WORDS[from]}`,
    );
  }
  return allow(membership);
}

function decideCollaboration(
  ctx: RequestContext,
  membership: Membership,
  operation: CollaborationOperation,
  subject: PermissionSubject,
): Decision {
  const isLead = membership.roles.includes('PARTNERSHIP_LEAD');
  const participates = membership.roles.some((r) => PARTICIPANTS.includes(r));
  switch (operation) {
    case 'comment:create':
      return participates
        ? allow(membership)
        : refuse('You can view this plan but you cannot take part in it');
    case 'coproduction:edit':
      return isLead || membership.roles.some((r) => SECTION_WRITERS.includes(r))
        ? allow(membership)
        : refuse(
            'Only the partnership lead or the plan’s editors can record co-production: you can comment on the plan instead',
          );
    case 'comment:resolve': {
      if (isLead || (subject.authorUserId !== undefined && subject.authorUserId === ctx.user?.id))
        return allow(membership);
      const writesSection =
        membership.roles.some((r) => SECTION_WRITERS.includes(r)) &&
        ownsSection(membership, subject.section);
      return writesSection
        ? allow(membership)
        : refuse('Only the author, the lead or the section’s editors can resolve this');
    }
    case 'metrics:manage':
      return isLead ? allow(membership) : refuse('Only the partnership lead can manage metrics');
    case 'target:comment': {
      if (subject.planState !== 'DRAFT')
        return refuse('This plan is no longer a draft, so it cannot be changed');
      if (isLead) return allow(membership);
      const ownOrganisation =
        subject.organisationId != null && subject.organisationId === membership.organisationId;
      return ownOrganisation && membership.roles.some((r) => SECTION_WRITERS.includes(r))
        ? allow(membership)
        : refuse('Only the organisation that owns this metric can write its commentary');
    }
  }
}

export function decide(
  ctx: RequestContext,
  operation: Operation,
  subject: PermissionSubject,
): Decision {
  const membership = ctx.memberships.get(subject.partnershipId);
  // Not a member: the plan does not exist as far as this person can tell.
  if (!membership) return { allowed: false, error: new NotFoundError('Plan') };
  if (operation === 'plan:read') return allow(membership);
  if (subject.planArchived) return refuse('This plan is archived, so it cannot be changed');
  if (isLifecycle(operation)) return decideLifecycle(membership, operation, subject);
  switch (operation) {
    case 'plan:edit':
    case 'commitment:create':
    case 'commitment:update':
    case 'section:update':
      return decideContent(membership, operation, subject);
    default:
      return decideCollaboration(ctx, membership, operation, subject);
  }
}

/** Throws the typed error when refused; returns the acting membership. */
export function authorize(
  ctx: RequestContext,
  operation: Operation,
  subject: PermissionSubject,
): Membership {
  const decision = decide(ctx, operation, subject);
  if (!decision.allowed) throw decision.error;
  return decision.membership;
}

export function can(
  ctx: RequestContext,
  operation: Operation,
  subject: PermissionSubject,
): boolean {
  return decide(ctx, operation, subject).allowed;
}

/**
 * Managing the partnership itself (organisations, members, invitations, plans): its leads only.
 * A non-member is told the partnership does not exist, as for plans.
 */
export function authorizeLead(ctx: RequestContext, partnershipId: string): Membership {
  const membership = ctx.memberships.get(partnershipId);
  if (!membership) throw new NotFoundError('Partnership');
  if (!membership.roles.includes('PARTNERSHIP_LEAD'))
    throw new ForbiddenError('Only a partnership lead can manage the partnership');
  return membership;
}

/** Creating partnerships and their first lead: service administrators only. */
export function authorizeSystemAdmin(ctx: RequestContext): void {
  if (!ctx.user) throw new ForbiddenError('Sign in as a service administrator');
  if (!ctx.user.isSystemAdmin) throw new ForbiddenError('Only a service administrator can do that');
}
