// The home page's "Your tasks": what to do next, most urgent first, each linking to where it is done.
import { TaskList, Tag } from '@lip/ui';
import { taskLine, type TaskData } from '../lib/tasks.ts';

export function MyTasks({ tasks, today }: { tasks: TaskData[]; today: string }) {
  const now = new Date(today);
  return (
    <section aria-labelledby="tasks-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="tasks-heading">
        Your tasks
      </h2>
      {tasks.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for you in your partnerships’ plans.</p>
      ) : (
        <>
          <p className="govuk-body">
            {tasks.length === 1
              ? '1 thing is waiting for you.'
              : `${tasks.length} things are waiting for you.`}{' '}
            The most urgent come first.
          </p>
          <TaskList
            idPrefix="my-tasks"
            items={tasks.map((task) => {
              const line = taskLine(task, now);
              return {
                title: line.title,
                href: line.href,
                hint: line.hint,
                status: <Tag colour={line.status.colour}>{line.status.text}</Tag>,
              };
            })}
          />
        </>
      )}
    </section>
  );
}
