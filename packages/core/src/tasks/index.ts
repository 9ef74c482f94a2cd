export { addTaskTypes } from './schema.ts';
export { tasksOf, type Task, type TaskKind } from './tasks.ts';
