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

export type CommitmentRecord = Commitment & {
  plan: Pick<Plan, 'id' | 'partnershipId' | 'state' | 'archivedAt'>;
  section: Pick<Section, 'id' | 'key' | 'pluginId' | 'ownerOrganisationId'>;
};

export class CommitmentConflictError extends LipError {
  readonly current: CommitmentRecord;
  constructor(current: CommitmentRecord) {
    super('Someone else changed this commitment while you were editing it');
    this.current = current;
  }
}

export class MilestoneConflictError extends LipError {
  readonly current: Milestone;
  constructor(current: Milestone) {
    super('Someone else changed this milestone while you were editing it');
    this.current = current;
  }
}

export class EvidenceConflictError extends LipError {
  readonly current: Evidence;
  constructor(current: Evidence) {
    super('Someone else changed this evidence while you were editing it');
    this.current = current;
  }
}

export class SectionConflictError extends LipError {
  readonly current: SectionView;
  constructor(current: SectionView) {
    super('Someone else changed this section while you were editing it');
    this.current = current;
  }
}

export type { Organisation };
