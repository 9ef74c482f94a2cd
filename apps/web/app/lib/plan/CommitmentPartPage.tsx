// The milestone and evidence pages of a commitment: their frame, the confirmation before one is
// removed, and the milestone's fields (the same on the add and change pages).
import type { ReactNode } from 'react';
import {
  bindFields,
  DateInput,
  FormActions,
  FormPage,
  Input,
  SummaryList,
  type DateParts,
  type ErrorSummaryItem,
  type SummaryListRow,
} from '@lip/ui';
import type { EvidenceValues } from '../../components/EvidenceForm.tsx';
import { errorTitle, pageTitle } from '../meta.ts';

/** The title of a part's page: `confirmTitle` on the confirmation of its removal. */
export function commitmentPartMeta(confirmTitle: string, changeTitle: string) {
  return ({
    error,
    data: page,
  }: {
    error?: unknown;
    data?: { confirm: boolean; commitment: { reference: string }; plan: { title: string } };
  }) =>
    error || !page
      ? errorTitle(error)
      : pageTitle(
          page.confirm ? confirmTitle : changeTitle,
          page.commitment.reference,
          page.plan.title,
        );
}

/** A piece of evidence as its form shows it. */
export function evidenceValues(evidence: {
  title: string;
  url: string | null;
  note: string;
}): EvidenceValues {
  return { title: evidence.title, url: evidence.url ?? '', note: evidence.note };
}

interface PartPage {
  plan: { section: { title: string } };
  commitment: { reference: string };
  /** The commitment's page. */
  back: string;
  /** Instead of "Back to commitment …". */
  backLink?: { href: string; text: string };
  heading: string;
}

/** Back to the commitment, then the section and commitment reference above the heading. */
export function CommitmentPartPage({
  plan,
  commitment,
  back,
  backLink,
  heading,
  errors,
  children,
}: PartPage & { errors?: ErrorSummaryItem[]; children: ReactNode }) {
  return (
    <FormPage
      back={backLink ?? { href: back, text: `Back to commitment ${commitment.reference}` }}
      caption={`${plan.section.title} · ${commitment.reference}`}
      heading={heading}
      errors={errors}
    >
      {children}
    </FormPage>
  );
}

/** What is about to be removed, then the warning button (its `intent`) and Cancel. */
export function ConfirmPartRemoval({
  rows,
  version,
  intent,
  submit,
  ...page
}: PartPage & { rows: SummaryListRow[]; version: number; intent: string; submit: string }) {
  return (
    <CommitmentPartPage {...page}>
      <SummaryList rows={rows} />
      <form method="post" noValidate action="?">
        <input type="hidden" name="version" value={version} />
        <FormActions
          variant="warning"
          name="intent"
          value={intent}
          submit={submit}
          cancelHref={page.back}
        />
      </form>
    </CommitmentPartPage>
  );
}

export interface MilestoneValues {
  title: string;
  dueDate: DateParts;
}

/** Error summary targets of the milestone fields. */
export const MILESTONE_TARGETS = [
  ['title', 'title'],
  ['dueDate', 'dueDate-day'],
] as const;

/** A milestone's title and due date; `version` resets them when the page shows another version. */
export function MilestoneFields({
  values,
  errors,
  titleHint,
  version,
}: {
  values: Partial<MilestoneValues> | undefined;
  errors: Readonly<Record<string, string>>;
  titleHint?: string;
  version?: number;
}) {
  const field = bindFields<Partial<MilestoneValues>>(values ?? {}, errors);
  return (
    <>
      <Input
        {...field.text('title')}
        label="Milestone"
        labelSize="s"
        hint={titleHint}
        key={version === undefined ? undefined : `title-${version}`}
      />
      <DateInput
        {...field.date('dueDate')}
        legend="Due date"
        hint="For example, 31 1 2027"
        key={version === undefined ? undefined : `due-${version}`}
      />
    </>
  );
}
