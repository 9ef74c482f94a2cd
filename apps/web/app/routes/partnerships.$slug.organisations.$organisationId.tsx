// Change one of the partnership's organisations. Its name, type and ODS code are the same in every
// partnership it is in; whether it signs off is this partnership's alone.
import { data } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { InsetText } from '@lip/ui';
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
import { leadPartnershipPage, oneOf } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(`Change ${page.organisation.name}`);

const QUERY = graphql(
  `
    query ChangeOrganisationPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        organisations {
          id
          name
          typeCode
          odsCode
          isSignatory
        }
      }
      organisationTypes {
        code
        title
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

const UPDATE = graphql(
  `
    mutation UpdatePartnershipOrganisation($input: UpdatePartnershipOrganisationInput!) {
      result: updatePartnershipOrganisation(input: $input) {
        __typename
        ... on MutationUpdatePartnershipOrganisationSuccess {
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
  const { partnership, item: organisation } = oneOf(
    page.partnership,
    'organisations',
    args.params.organisationId,
  );
  return { partnership, organisation, types: page.organisationTypes };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

export async function action(args: ActionFunctionArgs) {
  const { partnership, organisation } = await loadPage(args);
  const values = await readOrganisationForm(args.request);
  const { result } = await gql(args.context, UPDATE, {
    input: {
      partnershipId: partnership.id,
      organisationId: organisation.id,
      // Every field as the form shows it (last write wins); '' removes the ODS code.
      name: values.name,
      typeCode: values.typeCode,
      odsCode: values.odsCode,
      isSignatory: values.isSignatory === 'yes',
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdatePartnershipOrganisationSuccess')
    throw organisationSaved(partnership.slug, 'changed', outcome.data.id);
  return data<OrganisationActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function ChangeOrganisation() {
  const { partnership, organisation, types } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  return (
    <OrganisationFormPage
      partnership={partnership}
      heading={<>Change {organisation.name}</>}
      submit="Save changes"
      odsFirst={false}
      types={types}
      errors={failure?.errors ?? {}}
      values={
        failure?.values ?? {
          odsCode: organisation.odsCode ?? '',
          name: organisation.name,
          typeCode: organisation.typeCode,
          isSignatory: organisation.isSignatory ? 'yes' : 'no',
        }
      }
    >
      <InsetText>
        The name, type and ODS code are the organisation’s own: if it also works with other
        partnerships, they see the change too.
      </InsetText>
    </OrganisationFormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
