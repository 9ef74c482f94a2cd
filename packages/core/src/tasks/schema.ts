// GraphQL of "my tasks": Query.myTasks. The web app's home page lists them; each names what it is
// about (plan, section, organisation, commitment, metric target) so the page can link to it.
import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { tasksOf, type Task } from './tasks.ts';

const globalId = (type: string, id: string | null) =>
  id === null ? null : encodeGlobalId(type, id);

export function addTaskTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const TaskKindEnum = builder.enumType('TaskKind', {
    values: {
      FINISH_SECTION: { description: 'A section your organisation writes fails readiness checks.' },
      EXPLAIN_RED_METRIC: {
        description: 'A red metric target your organisation owns needs its commentary.',
      },
      MILESTONE_DUE: {
        description: 'A milestone of a commitment your organisation owns is due soon or overdue.',
      },
      ANSWER_COMMENTS: {
        description: 'Unresolved comment threads on a section your organisation writes.',
      },
      CLEAR_BLOCKERS: { description: 'The lead: things stop the draft being submitted.' },
      SUBMIT_PLAN: { description: 'The lead: the draft can be submitted for partner review.' },
      RECORD_SIGN_OFF: { description: 'Your organisation’s sign-off decision is waited for.' },
      ACKNOWLEDGE: { description: 'The parent carer forum’s acknowledgement is waited for.' },
      PUBLISH_PLAN: { description: 'The lead: the plan is signed off and can be published.' },
    } as const,
  });

  const TaskRef = builder.objectRef<Task>('Task').implement({
    description: 'Something the viewer should do next in one of their partnerships’ plans.',
    fields: (t) => ({
      kind: t.field({ type: TaskKindEnum, resolve: (task) => task.kind }),
      plan: t.field({ type: types.PlanRef, resolve: (task) => task.plan }),
      partnershipName: t.exposeString('partnershipName'),
      sectionKey: t.exposeString('sectionKey', { nullable: true }),
      sectionTitle: t.exposeString('sectionTitle', { nullable: true }),
      organisationId: t.id({
        nullable: true,
        description: 'The organisation the viewer signs or acknowledges for.',
        resolve: (task) => globalId('Organisation', task.organisationId),
      }),
      commitmentId: t.id({
        nullable: true,
        resolve: (task) => globalId('Commitment', task.commitmentId),
      }),
      metricTargetId: t.id({
        nullable: true,
        resolve: (task) => globalId('MetricTarget', task.metricTargetId),
      }),
      subject: t.exposeString('subject', {
        nullable: true,
        description: 'What the task names: a milestone, a metric, an organisation.',
      }),
      count: t.exposeInt('count', {
        description: 'How many things there are to do (checks failing, threads open, blockers).',
      }),
      dueOn: t.field({ type: 'Date', nullable: true, resolve: (task) => task.dueOn }),
    }),
  });

  builder.queryField('myTasks', (t) =>
    t.field({
      type: [TaskRef],
      description:
        'What the viewer should do next across their partnerships’ current plans, most urgent first; empty when signed out.',
      resolve: (_root, _args, ctx) => tasksOf(host, ctx),
    }),
  );
}
