// Changing a setting: one added by hand changes here (or is removed); one from GIAS changes when its
// file is imported again, so only the fields plugins add are changed here.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, FormActions, FormPage, InsetText, SummaryList } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SettingFormFields, settingErrorSummary } from '../components/settings/SettingForm.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { invariantResponse, requireViewer, unlessRefused } from '../lib/outcome.server.ts';
import {
  ageRangeText,
  NEED_AREA_LABELS,
  SETTING_CATEGORY_LABELS,
  type NeedAreaCode,
  type SettingCategory,
  type SettingFormValues,
} from '../lib/settings.ts';
import { settingErrors, settingFromForm } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(page.setting.name, page.partnership.name);

const QUERY = graphql(`
  query SettingPage($slug: String!, $id: ID!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
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
    node(id: $id) {
      ... on Setting {
        id
        urn
        name
        category
        establishmentType
        phase
        postcode
        status
        closed
        needAreas
        ageLow
        ageHigh
        places
        source
        version
        viewerCanEdit
        pluginFieldValues {
          key
          value
        }
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const page = requireViewer(
    args.request,
    await gql(args.context, QUERY, {
      slug: args.params.slug ?? '',
      id: args.params.settingId ?? '',
    }),
  );
  invariantResponse(page.partnership);
  const setting = page.node && 'name' in page.node ? page.node : null;
  invariantResponse(setting);
  if (!setting.viewerCanEdit)
    throw new Response('You cannot change this setting', { status: 403, statusText: 'Forbidden' });
  return { partnership: page.partnership, setting };
}

export const loader = load;

const UPDATE = graphql(
  `
    mutation UpdateSetting($input: UpdateSettingInput!) {
      result: updateSetting(input: $input) {
        __typename
        ... on MutationUpdateSettingSuccess {
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

const REMOVE = graphql(
  `
    mutation RemoveSetting($input: RemoveSettingInput!) {
      result: removeSetting(input: $input) {
        __typename
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
  const { partnership, setting } = await load(args);
  const form = await readForm(args.request);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/settings`;
  if (form.intent === 'remove') {
    const outcome = unlessRefused(
      (await gql(args.context, REMOVE, { input: { id: setting.id } })).result,
    );
    if (outcome.__typename === 'MutationRemoveSettingSuccess')
      throw redirect(`${back}?saved=${encodeURIComponent(`${setting.name} removed`)}`);
    throw new Response(outcome.message, { status: 400 });
  }
  const giasOwned = setting.source === 'GIAS';
  const posted = giasOwned ? withCategory(form, setting.category) : form;
  const { values, errors, input } = settingFromForm(
    posted,
    partnership.settingsFieldDefinitions,
    giasOwned,
  );
  if (Object.keys(errors).length > 0) return data<ActionData>({ values, errors }, { status: 400 });
  const { result } = await gql(args.context, UPDATE, {
    input: { ...input, id: setting.id, version: form.version() } as never,
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateSettingSuccess')
    throw redirect(`${back}?saved=${encodeURIComponent(`${outcome.data.name} saved`)}`);
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

/** A GIAS setting's form has no category field: its plugin fields are those of its own category. */
function withCategory(form: Awaited<ReturnType<typeof readForm>>, category: string) {
  return { ...form, text: (name: string) => (name === 'category' ? category : form.text(name)) };
}

export default function ChangeSetting() {
  const { partnership, setting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const summary = settingErrorSummary(errors);
  useErrorTitle(summary.length > 0);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/settings`;
  const giasOwned = setting.source === 'GIAS';
  const values: SettingFormValues = actionData?.values ?? {
    name: setting.name,
    urn: setting.urn ?? '',
    category: setting.category,
    establishmentType: setting.establishmentType ?? '',
    phase: setting.phase ?? '',
    postcode: setting.postcode ?? '',
    ageLow: setting.ageLow?.toString() ?? '',
    ageHigh: setting.ageHigh?.toString() ?? '',
    places: setting.places?.toString() ?? '',
    needAreas: [...setting.needAreas],
    closed: setting.closed ? 'yes' : '',
    plugin: Object.fromEntries(setting.pluginFieldValues.map((v) => [v.key, v.value])),
  };
  return (
    <FormPage
      back={{ href: back, text: 'Back to settings' }}
      errors={summary}
      caption={partnership.name}
      heading={setting.name}
    >
      {giasOwned && (
        <>
          <InsetText>
            This setting comes from Get Information about Schools. Its details change when you
            import the GIAS file again.
          </InsetText>
          <SummaryList
            rows={[
              { key: 'URN', value: setting.urn ?? '' },
              {
                key: 'Kind',
                value:
                  SETTING_CATEGORY_LABELS[setting.category as SettingCategory] ?? setting.category,
              },
              { key: 'Type', value: setting.establishmentType ?? '' },
              { key: 'Status', value: setting.status },
              {
                key: 'Areas of need',
                value:
                  setting.needAreas
                    .map((a) => NEED_AREA_LABELS[a as NeedAreaCode] ?? a)
                    .join(', ') || 'Not recorded',
              },
              { key: 'Ages', value: ageRangeText(setting) || 'Not recorded' },
              { key: 'Places', value: setting.places?.toLocaleString('en-GB') ?? 'Not recorded' },
            ]}
          />
        </>
      )}
      <form method="post" noValidate>
        <input type="hidden" name="version" value={setting.version} />
        <SettingFormFields
          values={values}
          errors={errors}
          definitions={partnership.settingsFieldDefinitions}
          giasOwned={giasOwned}
        />
        <FormActions submit="Save setting" cancelHref={back} />
      </form>
      {!giasOwned && (
        <form method="post">
          <h2 className="govuk-heading-m">Remove this setting</h2>
          <p className="govuk-body">
            It leaves the directory and every draft plan’s tailored list. Published plans keep the
            list they published.
          </p>
          <Button variant="warning" name="intent" value="remove">
            Remove {setting.name}
          </Button>
        </form>
      )}
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
