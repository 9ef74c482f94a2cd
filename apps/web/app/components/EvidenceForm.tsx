// The evidence form (add and change): a title, and a link, a note or both.
import { bindFields, FormActions, Input, Textarea } from '@lip/ui';

export interface EvidenceValues {
  title: string;
  url: string;
  note: string;
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
