// The partnership's NHS geography: its ICB and the sub-ICB locations covering its area, so health
// metrics published only per sub-ICB location (HLT-02) have a local figure to be rated against.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { bindFields, FormActions, FormPage, Input, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('NHS geography', page.partnership.name);

const QUERY = graphql(`
  query HealthGeography($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      icbCode
      subIcbCodes
      disclosure {
        viewerCanEdit
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  // Whoever manages the partnership's metrics (and so its disclosure settings) sets its geography.
  if (!page.partnership.disclosure.viewerCanEdit) forbidden();
  return { partnership: page.partnership };
}

export const loader = load;

interface ActionData {
  values: { icbCode: string; subIcbCodes: string };
  errors: Record<string, string>;
}

const UPDATE = graphql(
  `
    mutation UpdateNhsGeography($input: UpdateNhsGeographyInput!) {
      result: updateNhsGeography(input: $input) {
        __typename
        ... on MutationUpdateNhsGeographySuccess {
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

/** Codes separated by commas, spaces or new lines. */
const codesOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await load(args);
  const form = await readForm(args.request);
  const values = { icbCode: form.text('icbCode'), subIcbCodes: form.text('subIcbCodes') };
  const { result } = await gql(args.context, UPDATE, {
    input: {
      partnershipId: partnership.id,
      icbCode: values.icbCode.trim() || null,
      subIcbCodes: codesOf(values.subIcbCodes),
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateNhsGeographySuccess')
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/metrics?saved=health-geography`,
    );
  const { _form: message, ...fieldErrors } = formErrors(outcome, 'Check the codes');
  if (message) fieldErrors.icbCode ??= message;
  return data<ActionData>({ values, errors: fieldErrors }, { status: 400 });
}

export default function HealthGeography() {
  const { partnership } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const summary = ['icbCode', 'subIcbCodes'].flatMap((name) =>
    errors[name] ? [{ href: name, text: errors[name] ?? '' }] : [],
  );
  useErrorTitle(summary.length > 0);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/metrics`;
  const values = actionData?.values ?? {
    icbCode: partnership.icbCode ?? '',
    subIcbCodes: partnership.subIcbCodes.join('\n'),
  };
  const field = bindFields(values, errors);
  return (
    <FormPage
      back={{ href: back, text: 'Back to metrics' }}
      errors={summary}
      caption={partnership.name}
      heading="NHS geography"
    >
      <p className="govuk-body">
        Health metrics use the NHS’s own areas. Some figures, such as suspected autism referrals
        waiting 13 weeks or more, are published only for sub-ICB locations: enter those covering
        your area to rate them.
      </p>
      <form method="post" noValidate>
        <Input
          {...field.text('icbCode')}
          label="ICB code"
          hint="As NHS England publishes it, for example E54000050 or QHM. Leave empty for none."
          width="10"
          spellCheck={false}
        />
        <Textarea
          {...field.text('subIcbCodes')}
          label="Sub-ICB location codes"
          hint="One a line, for example E38000163 or 00L. At most 20."
          rows={4}
          spellCheck={false}
        />
        <FormActions submit="Save NHS geography" cancelHref={back} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
