// Add an organisation to the partnership: one already on the service (found by its ODS code, as
// organisations such as an ICB serve several partnerships), or a new one.
import { data } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OrganisationFormPage } from '../components/OrganisationFormPage.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  organisationSaved,
  readOrganisationForm,
  type OrganisationActionData,
} from '../lib/partnership/organisation-form.server.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Add an organisation', page.partnership.name);

const QUERY = graphql(
  `
    query AddOrganisationPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
      }
      organisationTypes {
        code
        title
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

const ADD = graphql(
  `
    mutation AddPartnershipOrganisation($input: AddPartnershipOrganisationInput!) {
      result: addPartnershipOrganisation(input: $input) {
        __typename
        ... on MutationAddPartnershipOrganisationSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

async function loadPage(args: LoaderFunctionArgs) {
  const page = await leadPartnershipPage(args, QUERY);
  return { partnership: page.partnership, types: page.organisationTypes };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await loadPage(args);
  const values = await readOrganisationForm(args.request);
  const { result } = await gql(args.context, ADD, {
    input: {
      partnershipId: partnership.id,
      odsCode: values.odsCode || null,
      name: values.name || null,
      typeCode: values.typeCode || null,
      isSignatory: values.isSignatory === 'yes',
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationAddPartnershipOrganisationSuccess')
    throw organisationSaved(partnership.slug, 'added', outcome.data.id);
  return data<OrganisationActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function AddOrganisation() {
  const { partnership, types } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  return (
    <OrganisationFormPage
      partnership={partnership}
      heading="Add an organisation"
      submit="Add organisation"
      odsFirst
      types={types}
      errors={failure?.errors ?? {}}
      values={failure?.values ?? { odsCode: '', name: '', typeCode: '', isSignatory: 'no' }}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
