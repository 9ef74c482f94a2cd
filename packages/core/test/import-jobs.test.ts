// An import's background jobs: a second job started while the first is finishing runs after it,
// and the import counts as running until the last one ends (issue 17: the apply started right
// after a check was dropped, and the import was later failed as "interrupted").
import { expect, test } from 'vitest';
import {
  importJobSettled,
  isImportJobRunning,
  startImportJob,
} from '../src/metrics/import-jobs.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('a job started while another runs for the same import waits for it, and is not dropped', async () => {
  const order: string[] = [];
  const checkFinishing = gate();
  startImportJob(
    'imp-1',
    async () => {
      order.push('check: status CHECKED');
      await checkFinishing.opened; // the check's last writes, after the status a poller sees
      order.push('check: done');
    },
    async () => undefined,
  );
  startImportJob(
    'imp-1',
    async () => {
      order.push('apply');
    },
    async () => undefined,
  );
  await Promise.resolve();
  expect(order).toEqual(['check: status CHECKED']);
  expect(isImportJobRunning('imp-1')).toBe(true);

  checkFinishing.open();
  await importJobSettled('imp-1');
  expect(order).toEqual(['check: status CHECKED', 'check: done', 'apply']);
  expect(isImportJobRunning('imp-1')).toBe(false);
});

test('a failing job records its failure and the next job still runs', async () => {
  const failures: unknown[] = [];
  let applied = false;
  startImportJob(
    'imp-2',
    async () => {
      throw new Error('bad file');
    },
    async (error) => void failures.push(error),
  );
  startImportJob(
    'imp-2',
    async () => {
      applied = true;
    },
    async (error) => void failures.push(error),
  );
  await importJobSettled('imp-2');
  expect(failures).toHaveLength(1);
  expect(applied).toBe(true);
  expect(isImportJobRunning('imp-2')).toBe(false);
});
