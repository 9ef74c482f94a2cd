// The co-production activity form, shared by the log (add) and the activity page (change):
// its fields, the form-only checks (a date typed in parts, a number typed as text) and its labels.
import { bindFields, DateInput, Input, Radios, Textarea, type DateParts } from '@lip/ui';
import type { FormFields } from '../lib/form.server.ts';

export const COPRODUCTION_KINDS = [
  { value: 'BRIEFING', text: 'Briefing' },
  { value: 'WORKSHOP', text: 'Workshop' },
  { value: 'ROUND_TABLE', text: 'Round table' },
  { value: 'FORUM', text: 'Forum' },
  { value: 'SURVEY', text: 'Survey' },
  { value: 'BOARD_MEETING', text: 'Board meeting' },
  { value: 'CABINET_MEETING', text: 'Cabinet meeting' },
  { value: 'OTHER', text: 'Other' },
] as const;

export type CoproductionKind = (typeof COPRODUCTION_KINDS)[number]['value'];

export interface ActivityFormValues {
  kind: string;
  title: string;
  heldOn: DateParts;
  audiences: string;
  chair: string;
  reached: string;
  heard: string;
}

const REACHED_MESSAGE = 'Enter the number of people reached as a whole number, 0 or more';

/** The fields both mutations take (create adds planId; change adds id and version). */
export interface ActivityInput {
  kind: CoproductionKind | null;
  title: string;
  heldOn: string | null;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  heard: string;
}

/** Form text → mutation input, with the checks only the form can make (dates typed in parts, numbers typed as text). */
export function activityInput(form: FormFields): {
  values: ActivityFormValues;
  input: ActivityInput;
  errors: Record<string, string>;
} {
  const text = form.text;
  const values: ActivityFormValues = {
    kind: text('kind'),
    title: text('title'),
    heldOn: { day: text('heldOn-day'), month: text('heldOn-month'), year: text('heldOn-year') },
    audiences: text('audiences'),
    chair: text('chair'),
    reached: text('reached'),
    heard: text('heard'),
  };
  const errors: Record<string, string> = {};
  const { day, month, year } = values.heldOn;
  let heldOn: string | null = null;
  if (day || month || year) {
    const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(iso) &&
      !Number.isNaN(parsed.getTime()) &&
      parsed.toISOString().startsWith(iso)
    )
      heldOn = iso;
    else errors.heldOn = 'The date the activity was held must be a real date';
  }
  let reached: number | null = null;
  if (values.reached !== '') {
    if (/^\d{1,9}$/.test(values.reached)) reached = Number(values.reached);
    else errors.reached = REACHED_MESSAGE;
  }
  const input: ActivityInput = {
    kind: COPRODUCTION_KINDS.find((k) => k.value === values.kind)?.value ?? null,
    title: values.title,
    heldOn,
    audiences: values.audiences
      .split(/\r?\n|,/)
      .map((a) => a.trim())
      .filter(Boolean),
    chair: values.chair || null,
    reached,
    heard: values.heard,
  };
  return { values, input, errors };
}

export const ACTIVITY_FIELD_ORDER: ReadonlyArray<{ name: string; focusId: string }> = [
  { name: 'kind', focusId: 'kind' },
  { name: 'title', focusId: 'title' },
  { name: 'heldOn', focusId: 'heldOn-day' },
  { name: 'audiences', focusId: 'audiences' },
  { name: 'chair', focusId: 'chair' },
  { name: 'reached', focusId: 'reached' },
  { name: 'heard', focusId: 'heard' },
];

export function ActivityFields({
  values,
  errors,
}: {
  values?: ActivityFormValues;
  errors: Record<string, string>;
}) {
  const field = bindFields<Partial<ActivityFormValues>>(values ?? {}, errors);
  return (
    <>
      <Radios
        {...field.radios('kind')}
        legend="What kind of activity was it?"
        legendSize="s"
        small
        items={COPRODUCTION_KINDS.map((k) => ({ value: k.value, text: k.text }))}
      />
      <Input {...field.text('title')} label="Title" labelSize="s" />
      <DateInput {...field.date('heldOn')} legend="Date held" hint="For example, 14 10 2026" />
      <Textarea
        {...field.text('audiences')}
        label="Who took part"
        labelSize="s"
        hint="One group on each line, for example SENCos or parents and carers"
        rows={3}
      />
      <Input
        {...field.text('chair')}
        label="Chaired by (optional)"
        labelSize="s"
        hint="A role, for example Lead Member for SEND"
      />
      <Input
        {...field.text('reached')}
        label="Number of people reached (optional)"
        labelSize="s"
        inputMode="numeric"
        width="5"
      />
      <Textarea {...field.text('heard')} label="What was heard" labelSize="s" rows={5} />
    </>
  );
}

export function errorSummaryOf(errors: Record<string, string>, formId: string) {
  const items = ACTIVITY_FIELD_ORDER.flatMap((f) =>
    errors[f.name] ? [{ href: f.focusId, text: errors[f.name] ?? '' }] : [],
  );
  if (errors._form) items.push({ href: formId, text: errors._form });
  return items;
}

export const kindText = (kind: string) =>
  COPRODUCTION_KINDS.find((k) => k.value === kind)?.text ?? kind;

const partsOf = (iso: string): DateParts => {
  const [year = '', month = '', day = ''] = iso.slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

/** An activity as the API returns it → the form's values. */
export function activityValues(a: {
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  heard: string;
}): ActivityFormValues {
  return {
    kind: a.kind,
    title: a.title,
    heldOn: partsOf(a.heldOn),
    audiences: a.audiences.join('\n'),
    chair: a.chair ?? '',
    reached: a.reached === null ? '' : String(a.reached),
    heard: a.heard,
  };
}

/** The form's values as the conflict comparison shows them. */
export function comparisonRows(yours: ActivityFormValues, saved: ActivityFormValues) {
  const date = (d: DateParts) => [d.day, d.month, d.year].filter(Boolean).join(' ');
  return [
    { label: 'Kind of activity', yours: kindText(yours.kind), saved: kindText(saved.kind) },
    { label: 'Title', yours: yours.title, saved: saved.title },
    { label: 'Date held', yours: date(yours.heldOn), saved: date(saved.heldOn) },
    {
      label: 'Who took part',
      yours: yours.audiences.split('\n').join(', '),
      saved: saved.audiences.split('\n').join(', '),
    },
    { label: 'Chaired by', yours: yours.chair, saved: saved.chair },
    { label: 'People reached', yours: yours.reached, saved: saved.reached },
    { label: 'What was heard', yours: yours.heard, saved: saved.heard },
  ];
}
