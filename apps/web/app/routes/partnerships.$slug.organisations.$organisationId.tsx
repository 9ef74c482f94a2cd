// Change one of the partnership's organisations. Its name, type and ODS code are the same in every
// partnership it is in; whether it signs off is this partnership's alone.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, FormPage, InsetText } from '@lip/ui';
import {
  ORGANISATION_FIELD_IDS,
  OrganisationFields,
  type OrganisationValues,
} from '../components/OrganisationFields.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { readOrganisationForm } from '../lib/partnership/organisation-form.server.ts';
import { leadPartnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(`Change ${page.organisation.name}`);

const QUERY = graphql(`
  query ChangeOrganisationPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerIsLead
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
`);

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
  const { organisations, ...partnership } = page.partnership;
  const organisation = organisations.find((o) => o.id === args.params.organisationId);
  invariantResponse(organisation);
  return { partnership, organisation, types: page.organisationTypes };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

interface ChangeActionData {
  values: OrganisationValues;
  errors: Record<string, string>;
}

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
    throw redirect(
      partnershipPath(
        partnership.slug,
        `/organisations?changed=${encodeURIComponent(outcome.data.id)}`,
      ),
    );
  return data<ChangeActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function ChangeOrganisation() {
  const { partnership, organisation, types } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const errors = failure?.errors ?? {};
  return (
    <FormPage
      back={{
        href: partnershipPath(partnership.slug, '/organisations'),
        text: 'Back to organisations',
      }}
      errors={Object.entries(errors).map(([field, text]) => ({
        href: ORGANISATION_FIELD_IDS[field] ?? 'name',
        text,
      }))}
      caption={partnership.name}
      heading={<>Change {organisation.name}</>}
    >
      <InsetText>
        The name, type and ODS code are the organisation’s own: if it also works with other
        partnerships, they see the change too.
      </InsetText>
      <form method="post" noValidate>
        <OrganisationFields
          odsFirst={false}
          types={types}
          errors={errors}
          values={
            failure?.values ?? {
              odsCode: organisation.odsCode ?? '',
              name: organisation.name,
              typeCode: organisation.typeCode,
              isSignatory: organisation.isSignatory ? 'yes' : 'no',
            }
          }
        />
        <Button>Save changes</Button>
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
