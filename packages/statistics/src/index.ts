export { roundHalfUp } from './rounding.ts';
export {
  ragStatus,
  type Polarity,
  type Rag,
  type RagInput,
  type RagResult,
  type TrajectoryPoint,
} from './rag.ts';
export {
  protectObservations,
  isSuppressed,
  filterName,
  SUPPRESSED,
  type DisclosureSettings,
  type ObservationLike,
  type ProtectOptions,
} from './disclosure.ts';
export { protectCountGroup, type PublishedCount } from './counts.ts';
export { formatValue, isCountUnit, isPercentUnit } from './format.ts';
