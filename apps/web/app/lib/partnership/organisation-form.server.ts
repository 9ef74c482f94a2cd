import type { OrganisationValues } from '../../components/OrganisationFields.tsx';
import { readForm } from '../form.server.ts';

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
