// The evidence form (add and change): a title, and a link, a note or both.
import { Button, ErrorSummary, Input, Textarea } from '@lip/ui';

export interface EvidenceValues {
  title: string;
  url: string;
  note: string;
}

const FIELDS = ['title', 'url', 'note'] as const;

/** The error summary for the form's errors (nothing when there are none). */
export function evidenceSummary(errors: Readonly<Record<string, string>> | undefined) {
  if (!errors) return null;
  const items = [
    ...FIELDS.flatMap((f) => (errors[f] ? [{ href: f, text: errors[f] }] : [])),
    ...Object.entries(errors)
      .filter(([k]) => !(FIELDS as readonly string[]).includes(k))
      .map(([, text]) => ({ href: 'title', text })),
  ];
  return items.length > 0 ? <ErrorSummary errors={items} /> : null;
}

export function EvidenceForm({
  values,
  errors,
  version,
  submitText,
  cancelHref,
}: {
  values?: EvidenceValues;
  errors: Readonly<Record<string, string>>;
  version?: number;
  submitText: string;
  cancelHref: string;
}) {
  return (
    <form method="post" noValidate action="?">
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Input
        id="title"
        name="title"
        label="Title"
        labelSize="s"
        hint="For example, ‘Recruitment report, October 2026’."
        defaultValue={values?.title}
        errorMessage={errors.title}
      />
      <Input
        id="url"
        name="url"
        type="url"
        spellCheck={false}
        autoComplete="url"
        label="Link (optional if you add a note)"
        labelSize="s"
        hint="A web address starting with https://, for example https://www.example.org/report"
        defaultValue={values?.url}
        errorMessage={errors.url}
      />
      <Textarea
        id="note"
        name="note"
        label="Note (optional if you add a link)"
        labelSize="s"
        hint="What it shows, or where to find it."
        defaultValue={values?.note}
        errorMessage={errors.note}
      />
      <div className="govuk-button-group">
        <Button>{submitText}</Button>
        <a className="govuk-link" href={cancelHref}>
          Cancel
        </a>
      </div>
    </form>
  );
}
