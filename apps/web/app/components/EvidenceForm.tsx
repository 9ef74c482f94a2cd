// The evidence form (add and change): a title, and a link, a note or both.
import { bindFields, ErrorSummary, FormActions, Input, Textarea } from '@lip/ui';

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
  const field = bindFields<Partial<EvidenceValues>>(values ?? {}, errors);
  return (
    <form method="post" noValidate action="?">
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Input
        {...field.text('title')}
        label="Title"
        labelSize="s"
        hint="For example, ‘Recruitment report, October 2026’."
      />
      <Input
        {...field.text('url')}
        type="url"
        spellCheck={false}
        autoComplete="url"
        label="Link (optional if you add a note)"
        labelSize="s"
        hint="A web address starting with https://, for example https://www.example.org/report"
      />
      <Textarea
        {...field.text('note')}
        label="Note (optional if you add a link)"
        labelSize="s"
        hint="What it shows, or where to find it."
      />
      <FormActions submit={submitText} cancelHref={cancelHref} />
    </form>
  );
}
