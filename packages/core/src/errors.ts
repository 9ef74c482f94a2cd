// Typed errors. Mutations list them in `errors.types`, so they reach clients as data (a union
// member); anything else thrown in a resolver is masked by yoga / `execute` as "Unexpected error.".
import type { Commitment, Evidence, Milestone, Organisation, Plan, Section } from '@lip/db';
import type { SectionView } from './schema/section-view.ts';

export interface FieldError {
  /** The input field name, e.g. ["title"], so a form can put the message beside its field. */
  path: string[];
  message: string;
}

export class LipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends LipError {
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[], message = 'There is a problem') {
    super(message);
    this.fieldErrors = fieldErrors;
  }
  static field(path: string, message: string): ValidationError {
    return new ValidationError([{ path: [path], message }]);
  }
}

export class NotFoundError extends LipError {
  constructor(what = 'Page') {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends LipError {
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

export class InvalidCredentialsError extends LipError {
  constructor() {
    super('Enter a correct email address and password');
  }
}

/**
 * Someone else changed the record since it was read; `current` is the record as it is now and
 * `fields` names what both changed (dotted paths; empty when the whole record was in the way).
 */
export class ConflictError<T> extends LipError {
  readonly current: T;
  readonly fields: string[];
  constructor(current: T, message: string, fields: string[] = []) {
    super(message);
    this.current = current;
    this.fields = fields;
  }
}

/** The conflict error class of one kind of record; the subclass's name is its GraphQL type. */
export function conflictErrorOf<T>(what: string) {
  return class extends ConflictError<T> {
    constructor(current: T, fields: string[] = []) {
      super(current, `Someone else changed this ${what} while you were editing it`, fields);
    }
  };
}

export type CommitmentRecord = Commitment & {
  plan: Pick<Plan, 'id' | 'partnershipId' | 'state' | 'archivedAt'>;
  section: Pick<Section, 'id' | 'key' | 'pluginId' | 'ownerOrganisationId'>;
};

export class CommitmentConflictError extends conflictErrorOf<CommitmentRecord>('commitment') {}

export class MilestoneConflictError extends conflictErrorOf<Milestone>('milestone') {}

export class EvidenceConflictError extends conflictErrorOf<Evidence>('evidence') {}

export class SectionConflictError extends conflictErrorOf<SectionView>('section') {}

export type { Organisation };
