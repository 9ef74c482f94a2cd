// Live plan events: what changed in a plan, derived from the audit entries a write appended, and
// sent to subscribers only once the write's transaction has committed (after-commit.ts).
import type { RecordedAudit } from '../services/audit.ts';

export const PLAN_EVENT_KINDS = [
  'SECTION_SAVED',
  'COMMITMENT_CREATED',
  'COMMITMENT_CHANGED',
  'COMMITMENT_DELETED',
  'COMMENT',
  'COPRODUCTION',
  'LIFECYCLE',
  'METRIC_IMPORT_FINISHED',
  'OTHER',
] as const;
export type PlanEventKind = (typeof PLAN_EVENT_KINDS)[number];

/** Who made the change, as people see them. */
export interface PlanEventActor {
  userId: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}

/** One event as it travels (through Redis): plain JSON. */
export interface PlanEventPayload {
  planId: string;
  kind: PlanEventKind;
  /** The audit entry's entity type and action ("Commitment", "commitment.update"). */
  entityType: string;
  action: string;
  /** Database id of the entity. */
  entityId: string;
  /** The section the entity is in (its key), when it is in one. */
  sectionKey: string | null;
  /** The commitment the entity is or belongs to (database id). */
  commitmentId: string | null;
  actor: PlanEventActor | null;
  /** ISO time of the change. */
  at: string;
}

/** What a caller outside a write (the metric import job) publishes; the rest is looked up. */
export interface PlanEventInput {
  planId: string;
  kind: PlanEventKind;
  entityType: string;
  entityId: string;
  action?: string;
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  at?: Date;
}

const LIFECYCLE_TYPES = new Set(['PlanVersion', 'SignOff']);
const LIFECYCLE_PLAN_ACTIONS = new Set(['plan.archived', 'plan.remapped']);

/** The kind of event an audit entry announces. */
export function kindOf(entityType: string, action: string): PlanEventKind {
  switch (entityType) {
    case 'Section':
      return 'SECTION_SAVED';
    case 'Commitment':
      if (action.endsWith('.create')) return 'COMMITMENT_CREATED';
      if (action.endsWith('.delete')) return 'COMMITMENT_DELETED';
      return 'COMMITMENT_CHANGED';
    // A milestone or a piece of evidence is part of its commitment.
    case 'Milestone':
    case 'Evidence':
      return 'COMMITMENT_CHANGED';
    case 'Comment':
      return 'COMMENT';
    case 'CoproductionActivity':
    case 'CoproductionResponse':
      return 'COPRODUCTION';
    case 'ObservationImport':
      return action === 'observations.import' ? 'METRIC_IMPORT_FINISHED' : 'OTHER';
    default:
      if (LIFECYCLE_TYPES.has(entityType)) return 'LIFECYCLE';
      if (entityType === 'Plan' && LIFECYCLE_PLAN_ACTIONS.has(action)) return 'LIFECYCLE';
      return 'OTHER';
  }
}

function field(value: unknown, name: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' ? found : null;
}

/** What an audit entry says directly about where its entity is (before any lookup). */
export function placeOf(
  audit: Pick<RecordedAudit, 'entityType' | 'entityId' | 'before' | 'after'>,
) {
  const commitmentId =
    audit.entityType === 'Commitment'
      ? audit.entityId
      : (field(audit.after, 'commitmentId') ?? field(audit.before, 'commitmentId'));
  const sectionId =
    audit.entityType === 'Section'
      ? audit.entityId
      : (field(audit.after, 'sectionId') ?? field(audit.before, 'sectionId'));
  return { commitmentId, sectionId };
}

/** The PubSub topic of a plan's events. */
export const planTopic = (prefix: string, planId: string) => `${prefix}plan-events:${planId}`;
