import { Form } from '@remix-run/react';
import {
  bindFields,
  Checkboxes,
  DateInput,
  FormActions,
  Input,
  Radios,
  Select,
  Textarea,
} from '@lip/ui';
import type { CommitmentValues, OwnerMemberOption } from '../lib/commitment-form.ts';
import { DELIVERY_RATINGS, NEED_AREAS, PHASES, PROGRESS, SUPPORT_LAYERS } from '../lib/labels.ts';

export interface CommitmentFormProps {
  values: CommitmentValues;
  errors: Readonly<Record<string, string>>;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  /** The partnership's members, offered as the commitment's owner (grouped by organisation). */
  members: ReadonlyArray<OwnerMemberOption>;
  areas: ReadonlyArray<{ id: string; code: string; title: string }>;
  /** The version being edited and the values it had (to re-apply changes after a conflict). */
  version?: number;
  baseline?: CommitmentValues;
  submitText: string;
  cancelHref: string;
}

/**
 * Members grouped by organisation, the owner organisation's first (the only ones the API accepts
 * when it is set: without JavaScript the list cannot follow the organisation chosen above, so the
 * others stay listed and a mismatch is reported beside the field).
 */
function ownerOptions(members: ReadonlyArray<OwnerMemberOption>, ownerOrganisationId: string) {
  const rank = (m: OwnerMemberOption) => (m.organisation.id === ownerOrganisationId ? 0 : 1);
  return [...members]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.organisation.name.localeCompare(b.organisation.name) ||
        a.user.name.localeCompare(b.user.name),
    )
    .map((m) => ({ value: m.id, text: m.user.name, group: m.organisation.name }));
}

/** The commitment form: a plain POST form that works without JavaScript. */
export function CommitmentForm({
  values,
  errors,
  organisations,
  members,
  areas,
  version,
  baseline,
  submitText,
  cancelHref,
}: CommitmentFormProps) {
  const field = bindFields(values, errors);
  return (
    <Form method="post" noValidate reloadDocument id="commitment-form">
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {baseline && <input type="hidden" name="baseline" value={JSON.stringify(baseline)} />}
      <Input {...field.text('title')} label="Title" labelSize="s" />
      <Textarea
        {...field.text('description')}
        label="Description"
        labelSize="s"
        hint="What will be done, for whom, and how you will know it has worked."
      />
      <Select
        {...field.text('ownerOrganisationId')}
        label="Owner organisation"
        labelSize="s"
        options={[
          { value: '', text: 'Not yet decided' },
          ...organisations.map((o) => ({ value: o.id, text: o.name })),
        ]}
      />
      <Select
        {...field.text('ownerMemberId')}
        label="Owner"
        labelSize="s"
        hint="The person responsible for it. Choose someone who works for the owner organisation."
        options={[
          { value: '', text: 'Not yet decided' },
          ...ownerOptions(members, values.ownerOrganisationId),
        ]}
      />
      <Input
        {...field.text('leadOfficer')}
        label="Lead officer (optional)"
        labelSize="s"
        hint="The officer who leads delivery: a job title or a name, for example Head of SEND."
      />
      <Checkboxes
        {...field.checkboxes('needAreas')}
        legend="Need areas"
        legendSize="s"
        hint="Select all that apply."
        small
        items={NEED_AREAS.map((n) => ({ value: n.value, text: n.text }))}
      />
      <Radios
        {...field.radios('phase')}
        legend="Phase"
        legendSize="s"
        small
        items={PHASES.map((p) => ({ value: p.value, text: p.text }))}
      />
      <Radios
        {...field.radios('supportLayer')}
        legend="Support layer"
        legendSize="s"
        small
        items={[
          ...SUPPORT_LAYERS.map((s) => ({ value: s.value, text: s.text })),
          { value: '', text: 'Not set' },
        ]}
      />
      <Radios
        {...field.radios('progress')}
        legend="Progress"
        legendSize="s"
        small
        items={PROGRESS.map((p) => ({ value: p.value, text: p.text }))}
      />
      <Radios
        {...field.radios('rating')}
        legend="How is it going?"
        legendSize="s"
        hint="Green: on track. Amber: at risk. Red: off track."
        small
        items={DELIVERY_RATINGS.map((r) => ({ value: r.value, text: r.text }))}
      />
      <DateInput {...field.date('startDate')} legend="Start date" hint="For example, 1 9 2026" />
      <DateInput {...field.date('dueDate')} legend="Due date" hint="For example, 31 3 2027" />
      <Checkboxes
        {...field.checkboxes('standardAreaIds')}
        legend="Standards this commitment meets"
        legendSize="s"
        hint="Select every area of the standards framework this commitment contributes to."
        small
        items={areas.map((a) => ({ value: a.id, text: `${a.code} ${a.title}` }))}
      />
      <FormActions submit={submitText} cancelHref={cancelHref} />
    </Form>
  );
}
