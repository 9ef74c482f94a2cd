// The fields of an organisation, for the add and change pages of a partnership's organisations.
import { Input, Radios, Select } from '@lip/ui';

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
  const ods = (
    <Input
      id="odsCode"
      name="odsCode"
      label="ODS code (optional)"
      hint={
        odsFirst
          ? 'The NHS Organisation Data Service code, like QKS. If an organisation with this code is already on the service (it works with another partnership), that organisation is added and you do not need to give its name and type.'
          : 'The NHS Organisation Data Service code, like QKS'
      }
      width="10"
      spellCheck={false}
      autoComplete="off"
      defaultValue={values.odsCode}
      errorMessage={errors.odsCode ?? errors.organisationId}
    />
  );
  return (
    <>
      {odsFirst && ods}
      <Input
        id="name"
        name="name"
        label="Name"
        defaultValue={values.name}
        errorMessage={errors.name}
        autoComplete="organization"
      />
      <Select
        id="typeCode"
        name="typeCode"
        label="Type of organisation"
        defaultValue={values.typeCode}
        errorMessage={errors.typeCode}
        options={[
          { value: '', text: 'Choose a type' },
          ...types.map((t) => ({ value: t.code, text: t.title })),
        ]}
      />
      {!odsFirst && ods}
      <Radios
        idPrefix="isSignatory"
        name="isSignatory"
        legend="Does it sign off the plan?"
        legendSize="s"
        hint="Signatories (such as the council and the ICB) approve each version before it is published"
        inline
        errorMessage={errors.isSignatory}
        value={values.isSignatory}
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
    </>
  );
}
