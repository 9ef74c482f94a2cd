import { conflictErrorOf } from '../errors.ts';
import type { TargetRecord } from './target-record.ts';

export class MetricTargetConflictError extends conflictErrorOf<TargetRecord>('target') {}
