// The page that adds or changes one of a partnership's organisations: back to the organisations,
// the error summary, the organisation's fields and the button.
import type { ReactNode } from 'react';
import { Button, FormPage } from '@lip/ui';
import { partnershipPath } from '../lib/partnership-admin.ts';
import {
  ORGANISATION_FIELD_IDS,
  OrganisationFields,
  type OrganisationValues,
} from './OrganisationFields.tsx';

export function OrganisationFormPage({
  partnership,
  heading,
  submit,
  odsFirst,
  types,
  values,
  errors,
  children,
}: {
  partnership: { slug: string; name: string };
  heading: ReactNode;
  submit: string;
  odsFirst: boolean;
  types: ReadonlyArray<{ code: string; title: string }>;
  values: OrganisationValues;
  errors: Record<string, string>;
  /** Shown above the form. */
  children?: ReactNode;
}) {
  // An error for no one field (the form's own) points at the first field.
  const firstField = odsFirst ? 'odsCode' : 'name';
  return (
    <FormPage
      back={{
        href: partnershipPath(partnership.slug, '/organisations'),
        text: 'Back to organisations',
      }}
      errors={Object.entries(errors).map(([field, text]) => ({
        href: ORGANISATION_FIELD_IDS[field] ?? firstField,
        text,
      }))}
      caption={partnership.name}
      heading={heading}
    >
      {children}
      <form method="post" noValidate>
        <OrganisationFields odsFirst={odsFirst} types={types} errors={errors} values={values} />
        <Button>{submit}</Button>
      </form>
    </FormPage>
  );
}
