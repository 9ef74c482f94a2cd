export {
  createJobQueue,
  type JobAttempt,
  type JobDefinition,
  type JobEvent,
  type JobQueue,
  type JobQueueOptions,
  type SendOptions,
} from './queue.ts';
