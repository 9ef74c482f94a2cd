// Conflict errors of the collaboration mutations: each carries the record as it is now.
import type { CoproductionActivity, CoproductionResponse } from '@lip/db';
import { conflictErrorOf } from '../errors.ts';

export type ActivityRecord = CoproductionActivity;
export type ResponseRecord = CoproductionResponse;

export class CoproductionActivityConflictError extends conflictErrorOf<ActivityRecord>(
  'activity',
) {}

export class CoproductionResponseConflictError extends conflictErrorOf<ResponseRecord>(
  'response',
) {}
