// The workflow feature: GraphQL in schema.ts (parts in schema/), logic in the other modules
// (docs/decisions/010).
export { addWorkflowTypes } from './schema.ts';
export {
  defineSignOffReminders,
  queueSignOffReminders,
  SIGN_OFF_REMINDER_JOB,
} from './sign-off-reminders.ts';
