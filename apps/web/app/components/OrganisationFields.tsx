// The fields of an organisation, for the add and change pages of a partnership's organisations.
import { bindFields, Input, Radios, Select } from '@lip/ui';

export interface OrganisationValues {
  odsCode: string;
  name: string;
  typeCode: string;
  isSignatory: string;
}

/** Field name → id of its input, in page order, for the error summary. */
export const ORGANISATION_FIELD_IDS: Record<string, string> = {
  odsCode: 'odsCode',
  organisationId: 'odsCode',
  name: 'name',
  typeCode: 'typeCode',
  isSignatory: 'isSignatory',
};

export function OrganisationFields({
  values,
  errors,
  types,
  odsFirst,
}: {
  values: OrganisationValues;
  errors: Record<string, string>;
  types: ReadonlyArray<{ code: string; title: string }>;
  /** Adding: the ODS code comes first, as it may name an organisation already on the service. */
  odsFirst: boolean;
}) {
  const field = bindFields(values, errors);
  const ods = (
    <Input
      {...field.text('odsCode')}
      label="ODS code (optional)"
      hint={
        odsFirst
          ? 'The NHS Organisation Data Service code, like QKS. If an organisation with this code is already on the service (it works with another partnership), that organisation is added and you do not need to give its name and type.'
          : 'The NHS Organisation Data Service code, like QKS'
      }
      width="10"
      spellCheck={false}
      autoComplete="off"
      errorMessage={errors.odsCode ?? errors.organisationId}
    />
  );
  return (
    <>
      {odsFirst && ods}
      <Input {...field.text('name')} label="Name" autoComplete="organization" />
      <Select
        {...field.text('typeCode')}
        label="Type of organisation"
        options={[
          { value: '', text: 'Choose a type' },
          ...types.map((t) => ({ value: t.code, text: t.title })),
        ]}
      />
      {!odsFirst && ods}
      <Radios
        {...field.radios('isSignatory')}
        legend="Does it sign off the plan?"
        legendSize="s"
        hint="Signatories (such as the council and the ICB) approve each version before it is published"
        inline
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
    </>
  );
}
