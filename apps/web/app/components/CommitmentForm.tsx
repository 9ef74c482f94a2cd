import { Form } from '@remix-run/react';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  DateInput,
  Input,
  Radios,
  Select,
  Textarea,
} from '@lip/ui';
import type { CommitmentValues, OwnerMemberOption } from '../lib/commitment-form.ts';
import { NEED_AREAS, PHASES, RAG_STATUSES, SUPPORT_LAYERS } from '../lib/labels.ts';

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
  return (
    <Form method="post" noValidate reloadDocument id="commitment-form">
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {baseline && <input type="hidden" name="baseline" value={JSON.stringify(baseline)} />}
      <Input
        id="title"
        name="title"
        label="Title"
        labelSize="s"
        defaultValue={values.title}
        errorMessage={errors.title}
      />
      <Textarea
        id="description"
        name="description"
        label="Description"
        labelSize="s"
        hint="What will be done, for whom, and how you will know it has worked."
        defaultValue={values.description}
        errorMessage={errors.description}
      />
      <Select
        id="ownerOrganisationId"
        name="ownerOrganisationId"
        label="Owner organisation"
        labelSize="s"
        defaultValue={values.ownerOrganisationId}
        errorMessage={errors.ownerOrganisationId}
        options={[
          { value: '', text: 'Not yet decided' },
          ...organisations.map((o) => ({ value: o.id, text: o.name })),
        ]}
      />
      <Select
        id="ownerMemberId"
        name="ownerMemberId"
        label="Owner"
        labelSize="s"
        hint="The person responsible for it. Choose someone who works for the owner organisation."
        defaultValue={values.ownerMemberId}
        errorMessage={errors.ownerMemberId}
        options={[
          { value: '', text: 'Not yet decided' },
          ...ownerOptions(members, values.ownerOrganisationId),
        ]}
      />
      <Checkboxes
        idPrefix="needAreas"
        name="needAreas"
        legend="Need areas"
        legendSize="s"
        hint="Select all that apply."
        small
        values={values.needAreas}
        errorMessage={errors.needAreas}
        items={NEED_AREAS.map((n) => ({ value: n.value, text: n.text }))}
      />
      <Radios
        idPrefix="phase"
        name="phase"
        legend="Phase"
        legendSize="s"
        small
        value={values.phase}
        errorMessage={errors.phase}
        items={PHASES.map((p) => ({ value: p.value, text: p.text }))}
      />
      <Radios
        idPrefix="supportLayer"
        name="supportLayer"
        legend="Support layer"
        legendSize="s"
        small
        value={values.supportLayer}
        errorMessage={errors.supportLayer}
        items={[
          ...SUPPORT_LAYERS.map((s) => ({ value: s.value, text: s.text })),
          { value: '', text: 'Not set' },
        ]}
      />
      <Radios
        idPrefix="ragStatus"
        name="ragStatus"
        legend="RAG status"
        legendSize="s"
        hint="Red, amber or green: how delivery is going."
        small
        value={values.ragStatus}
        errorMessage={errors.ragStatus}
        items={RAG_STATUSES.map((r) => ({ value: r.value, text: r.text }))}
      />
      <DateInput
        id="startDate"
        legend="Start date"
        hint="For example, 1 9 2026"
        value={values.startDate}
        errorMessage={errors.startDate}
      />
      <DateInput
        id="dueDate"
        legend="Due date"
        hint="For example, 31 3 2027"
        value={values.dueDate}
        errorMessage={errors.dueDate}
      />
      <Input
        id="budgetLine"
        name="budgetLine"
        label="Budget line"
        labelSize="s"
        hint="For example, High needs block: SEN support services"
        defaultValue={values.budgetLine}
        errorMessage={errors.budgetLine}
      />
      <Input
        id="budgetAmount"
        name="budgetAmount"
        label="Budget amount"
        labelSize="s"
        prefix="£"
        width="10"
        inputMode="decimal"
        spellCheck={false}
        defaultValue={values.budgetAmount}
        errorMessage={errors.budgetAmount}
      />
      <Checkboxes
        idPrefix="standardAreaIds"
        name="standardAreaIds"
        legend="Standards this commitment meets"
        legendSize="s"
        hint="Select every area of the standards framework this commitment contributes to."
        small
        values={values.standardAreaIds}
        errorMessage={errors.standardAreaIds}
        items={areas.map((a) => ({ value: a.id, text: `${a.code} ${a.title}` }))}
      />
      <ButtonGroup>
        <Button>{submitText}</Button>
        <a className="govuk-link" href={cancelHref}>
          Cancel
        </a>
      </ButtonGroup>
    </Form>
  );
}
