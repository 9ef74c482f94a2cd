import { redirect } from '@remix-run/node';
import type { OrganisationValues } from '../../components/OrganisationFields.tsx';
import { readForm } from '../form.server.ts';
import { partnershipPath } from '../partnership-admin.ts';

/** The organisation form as posted, by the add and change pages alike. */
export async function readOrganisationForm(request: Request): Promise<OrganisationValues> {
  const form = await readForm(request);
  return {
    odsCode: form.text('odsCode'),
    name: form.text('name'),
    typeCode: form.text('typeCode'),
    isSignatory: form.text('isSignatory'),
  };
}

export interface OrganisationActionData {
  values: OrganisationValues;
  errors: Record<string, string>;
}

/** Back to the organisations, whose banner names the one just added or changed. */
export function organisationSaved(slug: string, saved: 'added' | 'changed', id: string) {
  return redirect(partnershipPath(slug, `/organisations?${saved}=${encodeURIComponent(id)}`));
}
