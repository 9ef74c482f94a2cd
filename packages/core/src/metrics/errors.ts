import { LipError } from '../errors.ts';
import type { TargetRecord } from './target-record.ts';

export class MetricTargetConflictError extends LipError {
  readonly current: TargetRecord;
  constructor(current: TargetRecord) {
    super('Someone else changed this target while you were editing it');
    this.current = current;
  }
}
