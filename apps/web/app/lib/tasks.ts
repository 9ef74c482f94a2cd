// How a task from Query.myTasks reads on the home page: what to do, where, and how urgent. Pure, so
// the wording is tested without a server.
import type { TagColour } from '@lip/ui';
import { graphql, type ResultOf } from '../graphql.ts';
import { formatDate } from './labels.ts';

/** What the home page reads of each task. */
export const TASK_FIELDS = graphql(`
  fragment TaskFields on Task {
    kind
    plan {
      id
      title
    }
    partnershipName
    sectionKey
    sectionTitle
    organisationId
    commitmentId
    metricTargetId
    subject
    count
    dueOn
  }
`);

export type TaskData = ResultOf<typeof TASK_FIELDS>;

export interface TaskLine {
  title: string;
  href: string;
  /** The plan and partnership it belongs to. */
  hint: string;
  status: { text: string; colour: TagColour };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const path = (planId: string, rest = '') => `/plans/${encodeURIComponent(planId)}${rest}`;
const sectionPath = (task: TaskData, rest = '') =>
  path(task.plan.id, `/sections/${encodeURIComponent(task.sectionKey ?? '')}${rest}`);

/** Days from `today` to an ISO date (negative when past). */
export function daysUntil(isoDate: string, today: Date): number {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - day) / 86_400_000);
}

function dueStatus(isoDate: string, today: Date): TaskLine['status'] {
  const days = daysUntil(isoDate, today);
  if (days < 0) return { text: `Overdue since ${formatDate(isoDate)}`, colour: 'red' };
  if (days === 0) return { text: 'Due today', colour: 'orange' };
  return { text: `Due ${formatDate(isoDate)}`, colour: days <= 7 ? 'orange' : 'blue' };
}

function describe(task: TaskData): Omit<TaskLine, 'hint' | 'status'> & { status: string } {
  const section = task.sectionTitle ?? task.sectionKey ?? 'the section';
  switch (task.kind) {
    case 'FINISH_SECTION':
      return {
        title: `Finish the ${section} section`,
        href: sectionPath(task),
        status: `${plural(task.count, 'thing', 'things')} to fix`,
      };
    case 'EXPLAIN_RED_METRIC':
      return {
        title: `Explain why ‘${task.subject ?? 'a metric'}’ is red`,
        href: path(
          task.plan.id,
          `/targets/${encodeURIComponent(task.metricTargetId ?? '')}/commentary`,
        ),
        status: 'Commentary needed',
      };
    case 'MILESTONE_DUE':
      return {
        title: `Complete the milestone ‘${task.subject ?? ''}’`,
        href: sectionPath(task, `/commitments/${encodeURIComponent(task.commitmentId ?? '')}`),
        status: 'Milestone',
      };
    case 'ANSWER_COMMENTS':
      return {
        title: `Answer comments on the ${section} section`,
        href: sectionPath(task, '#comments'),
        status: plural(task.count, 'open thread', 'open threads'),
      };
    case 'CLEAR_BLOCKERS':
      return {
        title: 'Clear what stops the plan being submitted',
        href: path(task.plan.id, '/submit'),
        status: plural(task.count, 'blocker', 'blockers'),
      };
    case 'SUBMIT_PLAN':
      return {
        title: 'Submit the plan for partner review',
        href: path(task.plan.id, '/submit'),
        status: 'Ready to submit',
      };
    case 'RECORD_SIGN_OFF':
      return {
        title: `Record ${task.subject ?? 'your organisation'}’s sign-off decision`,
        href: path(task.plan.id, `/sign-off/${encodeURIComponent(task.organisationId ?? '')}`),
        status: 'Waiting for you',
      };
    case 'ACKNOWLEDGE':
      return {
        title: `Acknowledge the plan for ${task.subject ?? 'the parent carer forum'}`,
        href: path(task.plan.id, `/sign-off/${encodeURIComponent(task.organisationId ?? '')}`),
        status: 'Waiting for you',
      };
    case 'PUBLISH_PLAN':
      return {
        title: 'Publish the signed-off plan',
        href: path(task.plan.id, '/publish'),
        status: 'Ready to publish',
      };
  }
}

const URGENT: ReadonlySet<TaskData['kind']> = new Set([
  'RECORD_SIGN_OFF',
  'ACKNOWLEDGE',
  'EXPLAIN_RED_METRIC',
]);

export function taskLine(task: TaskData, today: Date = new Date()): TaskLine {
  const { title, href, status } = describe(task);
  return {
    title,
    href,
    hint: `${task.plan.title} · ${task.partnershipName}`,
    status: task.dueOn
      ? dueStatus(task.dueOn, today)
      : { text: status, colour: URGENT.has(task.kind) ? 'orange' : 'blue' },
  };
}
