// Adding a setting by hand: independent special schools and alternative provision that are not in
// the GIAS file (or not in the partnership's area), with the fields plugins add to their kind.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions, FormPage } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SettingFormFields, settingErrorSummary } from '../components/settings/SettingForm.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { forbidden, unlessRefused } from '../lib/outcome.server.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';
import type { SettingFormValues } from '../lib/settings.ts';
import { settingErrors, settingFromForm } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Add a setting', page.partnership.name);

const QUERY = graphql(`
  query NewSettingPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerSettingsCategories
      settingsFieldDefinitions {
        pluginId
        pluginName
        categories
        fields {
          key
          label
          hint
          kind
          options {
            value
            label
          }
        }
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const { partnership } = await partnershipPage(args, QUERY);
  if (partnership.viewerSettingsCategories.length === 0)
    forbidden(
      'Only the partnership lead, or the editors of the education or AP sections, can add settings',
    );
  return partnership;
}

export async function loader(args: LoaderFunctionArgs) {
  return { partnership: await load(args) };
}

const CREATE = graphql(
  `
    mutation CreateSetting($input: CreateSettingInput!) {
      result: createSetting(input: $input) {
        __typename
        ... on MutationCreateSettingSuccess {
          data {
            id
            name
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface ActionData {
  values: SettingFormValues;
  errors: Record<string, string>;
}

export async function action(args: ActionFunctionArgs) {
  const partnership = await load(args);
  const form = await readForm(args.request);
  const { values, errors, input } = settingFromForm(
    form,
    partnership.settingsFieldDefinitions,
    false,
  );
  if (Object.keys(errors).length > 0) return data<ActionData>({ values, errors }, { status: 400 });
  const { result } = await gql(args.context, CREATE, {
    input: { ...input, partnershipId: partnership.id } as never,
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateSettingSuccess')
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/settings?saved=${encodeURIComponent(`${outcome.data.name} added`)}`,
    );
  return data<ActionData>(
    {
      values,
      errors: settingErrors(
        'fieldErrors' in outcome ? (outcome.fieldErrors ?? []) : [],
        outcome.message,
      ),
    },
    { status: 400 },
  );
}

const EMPTY: SettingFormValues = {
  name: '',
  urn: '',
  category: '',
  establishmentType: '',
  phase: '',
  postcode: '',
  ageLow: '',
  ageHigh: '',
  places: '',
  needAreas: [],
  closed: '',
  plugin: {},
};

export default function NewSetting() {
  const { partnership } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const summary = settingErrorSummary(errors);
  useErrorTitle(summary.length > 0);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/settings`;
  return (
    <FormPage
      back={{ href: back, text: 'Back to settings' }}
      errors={summary}
      caption={partnership.name}
      heading="Add a setting"
    >
      <p className="govuk-body">
        For settings that are not in the Get Information about Schools file, such as independent
        special schools and alternative provision outside the area. Only facts about the setting:
        never about a child.
      </p>
      <form method="post" noValidate>
        <SettingFormFields
          values={actionData?.values ?? EMPTY}
          errors={errors}
          definitions={partnership.settingsFieldDefinitions}
          giasOwned={false}
        />
        <FormActions submit="Add setting" cancelHref={back} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
