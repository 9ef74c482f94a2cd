// What the milestone and evidence pages of a commitment read and check on the server.
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { EvidenceValues } from '../../components/EvidenceForm.tsx';
import { loadCommitmentParts, requiredDate } from '../commitment-parts.server.ts';
import type { FormFields } from '../form.server.ts';
import { invariantResponse } from '../outcome.server.ts';
import type { MilestoneValues } from './CommitmentPartPage.tsx';

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>;
type Commitment = Awaited<ReturnType<typeof loadCommitmentParts>>['commitment'];

/** One milestone or piece of evidence of the route's commitment: 404 unless it is this commitment's. */
export async function loadCommitmentPart<K extends 'milestones' | 'evidence'>(
  args: Args,
  kind: K,
  id: string | undefined,
) {
  const page = await loadCommitmentParts(args);
  const parts: ReadonlyArray<Commitment[K][number]> = page.commitment[kind];
  const part = parts.find((p) => p.id === id);
  invariantResponse(part);
  return { ...page, part };
}

/** The page of one part, or (with `confirmParam` in the address) the confirmation of its removal. */
export async function commitmentPartLoader<K extends 'milestones' | 'evidence'>(
  args: LoaderFunctionArgs,
  kind: K,
  id: string | undefined,
  confirmParam: string,
) {
  const page = await loadCommitmentPart(args, kind, id);
  return { ...page, confirm: new URL(args.request.url).searchParams.has(confirmParam) };
}

/** The version the page posted; the one just read when it posted none (the API refuses NaN). */
export function postedVersion(form: FormFields, current: { version: number }): number {
  const posted = form.version();
  return Number.isNaN(posted) ? current.version : posted;
}

export function evidenceValuesFromForm(form: FormFields): EvidenceValues {
  return { title: form.text('title'), url: form.text('url'), note: form.text('note') };
}

export function milestoneValuesFromForm(form: FormFields): MilestoneValues {
  return {
    title: form.text('title'),
    dueDate: {
      day: form.text('dueDate-day'),
      month: form.text('dueDate-month'),
      year: form.text('dueDate-year'),
    },
  };
}

/** The form's own checks, before the API is asked: a title and a real due date. */
export function checkMilestone(
  values: MilestoneValues,
): { ok: true; dueDate: string } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!values.title) errors.title = 'Enter the milestone';
  const due = requiredDate(values.dueDate, 'Due date');
  if (!due.ok) errors.dueDate = due.message;
  return due.ok && Object.keys(errors).length === 0
    ? { ok: true, dueDate: due.value }
    : { ok: false, errors };
}
