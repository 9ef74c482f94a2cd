/**
 * The health (ICB) section's UI: the summary everyone in the partnership reads and the editor the
 * ICB's members and the partnership lead use. The app renders these on the section page; it reads
 * and writes the data with the documents below, through the same GraphQL API as any client.
 */
import { Input, SummaryList, definePluginUi, defineSectionUi, formText } from '@lip/ui';

interface HealthFields {
  icbExecutiveLead: string | null;
  icbExecutiveLeadRole: string | null;
  dcoName: string | null;
  dcoRole: string | null;
  dcoEmail: string | null;
}

interface HealthSectionData {
  version: number;
  health: HealthFields | null;
}

type FieldName = keyof HealthFields;

const fields: ReadonlyArray<{ name: FieldName; label: string; hint?: string; type?: string; autoComplete?: string }> = [
  { name: 'icbExecutiveLead', label: 'ICB executive lead for SEND', hint: 'The named executive at the integrated care board accountable for SEND.', autoComplete: 'off' },
  { name: 'icbExecutiveLeadRole', label: 'Executive lead’s job title', autoComplete: 'off' },
  { name: 'dcoName', label: 'Designated clinical or medical officer (DCO/DMO)', hint: 'The person who advises on health provision for children and young people with SEND.', autoComplete: 'off' },
  { name: 'dcoRole', label: 'DCO/DMO job title', autoComplete: 'off' },
  { name: 'dcoEmail', label: 'DCO/DMO email address', type: 'email', autoComplete: 'off' },
];

const SELECTION = 'version health { icbExecutiveLead icbExecutiveLeadRole dcoName dcoRole dcoEmail }';

const health = defineSectionUi<HealthSectionData>({
  query: /* GraphQL */ `
    query HealthSection($planId: ID!) {
      plan(id: $planId) { id section(key: "health") { ${SELECTION} } }
    }
  `,
  mutation: /* GraphQL */ `
    mutation UpdateHealthSection($input: UpdateHealthSectionInput!) {
      result: updateHealthSection(input: $input) {
        __typename
        ... on MutationUpdateHealthSectionSuccess { data { version } }
        ... on Error { message }
        ... on ValidationError { fieldErrors { path message } }
        ... on SectionConflictError { current { ${SELECTION} } }
      }
    }
  `,
  fields: fields.map(({ name, label }) => ({ name, label })),
  toValues: (section) => Object.fromEntries(fields.map((f) => [f.name, section.health?.[f.name] ?? ''])),
  toVariables: (formData, { planId, version }) => ({
    input: {
      planId,
      version,
      ...Object.fromEntries(fields.map((f) => [f.name, formText(formData, f.name)])),
    },
  }),
  Summary: ({ section }) => (
    <SummaryList
      rows={fields.map((f) => ({
        key: f.label,
        value: section.health?.[f.name] || <span className="govuk-hint govuk-!-margin-0">Not given yet</span>,
      }))}
    />
  ),
  Editor: ({ values, errors }) => (
    <>
      {fields.map((f) => (
        <Input
          key={f.name}
          id={f.name}
          name={f.name}
          label={f.label}
          labelSize="s"
          hint={f.hint}
          type={f.type ?? 'text'}
          autoComplete={f.autoComplete}
          spellCheck={false}
          width={f.type === 'email' ? 'two-thirds' : undefined}
          defaultValue={values[f.name] ?? ''}
          errorMessage={errors[f.name]}
        />
      ))}
    </>
  ),
});

export default definePluginUi({ pluginId: 'health', sections: { health } });
