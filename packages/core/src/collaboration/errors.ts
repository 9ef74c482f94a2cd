// Conflict errors of the collaboration mutations: each carries the record as it is now.
import type { CoproductionActivity, CoproductionResponse } from '@lip/db';
import { LipError } from '../errors.ts';

export type ActivityRecord = CoproductionActivity;
export type ResponseRecord = CoproductionResponse;

export class CoproductionActivityConflictError extends LipError {
  readonly current: ActivityRecord;
  constructor(current: ActivityRecord) {
    super('Someone else changed this activity while you were editing it');
    this.current = current;
  }
}

export class CoproductionResponseConflictError extends LipError {
  readonly current: ResponseRecord;
  constructor(current: ResponseRecord) {
    super('Someone else changed this response while you were editing it');
    this.current = current;
  }
}
