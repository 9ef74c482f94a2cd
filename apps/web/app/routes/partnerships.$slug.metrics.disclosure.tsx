import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { bindFields, FormActions, FormPage, Input, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Disclosure control', page.partnership.name);

const QUERY = graphql(`
  query DisclosureSettings($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      disclosure {
        smallNumberThreshold
        roundingBase
        isSet
        viewerCanEdit
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  if (!page.partnership.disclosure.viewerCanEdit) forbidden();
  return { partnership: page.partnership };
}

export const loader = load;

interface ActionData {
  values: { smallNumberThreshold: string; roundingBase: string };
  errors: Record<string, string>;
}

const UPDATE = graphql(
  `
    mutation UpdateDisclosureSettings($input: UpdateDisclosureSettingsInput!) {
      result: updateDisclosureSettings(input: $input) {
        __typename
        ... on MutationUpdateDisclosureSettingsSuccess {
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

/** GraphQL's Int is 32-bit: a longer number is sent as the largest, which the API refuses as out of range. */
const MAX_INT = 2 ** 31 - 1;

/**
 * The box as the API's Int: null when left empty, a message when it is not a whole number. Which
 * numbers are allowed is the API's rule (its ValidationError names the range).
 */
function wholeNumber(raw: string, label: string): number | null | string {
  if (raw === '') return null;
  if (!/^-?\d+$/.test(raw)) return `${label} must be a whole number`;
  return Math.max(-MAX_INT, Math.min(MAX_INT, Number(raw)));
}

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await load(args);
  const form = await readForm(args.request);
  const values = {
    smallNumberThreshold: form.text('smallNumberThreshold'),
    roundingBase: form.text('roundingBase'),
  };
  const threshold = wholeNumber(values.smallNumberThreshold, 'Small number threshold');
  const rounding = wholeNumber(values.roundingBase, 'Rounding base');
  const errors: Record<string, string> = {};
  if (typeof threshold === 'string') errors.smallNumberThreshold = threshold;
  if (typeof rounding === 'string') errors.roundingBase = rounding;
  if (typeof threshold === 'string' || typeof rounding === 'string')
    return data<ActionData>({ values, errors }, { status: 400 });

  const { result } = await gql(args.context, UPDATE, {
    input: {
      partnershipId: partnership.id,
      smallNumberThreshold: threshold,
      roundingBase: rounding,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateDisclosureSettingsSuccess')
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/metrics?saved=disclosure`,
    );
  const { _form: message, ...fieldErrors } = formErrors(outcome, 'Check the settings');
  // A message about no one box is shown against the first.
  if (message) fieldErrors.smallNumberThreshold ??= message;
  return data<ActionData>({ values, errors: fieldErrors }, { status: 400 });
}

export default function Disclosure() {
  const { partnership } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const summary = ['smallNumberThreshold', 'roundingBase'].flatMap((name) =>
    errors[name] ? [{ href: name, text: errors[name] ?? '' }] : [],
  );
  useErrorTitle(summary.length > 0);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/metrics`;
  const values = actionData?.values ?? {
    smallNumberThreshold: partnership.disclosure.smallNumberThreshold?.toString() ?? '',
    roundingBase: partnership.disclosure.roundingBase?.toString() ?? '',
  };
  const field = bindFields(values, errors);
  return (
    <FormPage
      back={{ href: back, text: 'Back to metrics' }}
      errors={summary}
      caption={partnership.name}
      heading="Disclosure control"
    >
      {partnership.disclosure.isSet ? null : (
        <WarningText>
          No plan can be submitted or published until the partnership saves its disclosure rule.
        </WarningText>
      )}
      <p className="govuk-body">
        Everything the partnership publishes (plans, their documents and open data) applies this
        rule to counts of children and young people, in metrics and in section figures alike, so
        small numbers cannot identify a child.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          A count greater than 0 and below the threshold is published as c (confidential), and so is
          another figure beside it where the c could be worked out from a total.
        </li>
        <li>Other counts are rounded to the nearest multiple of the rounding base.</li>
        <li>
          Many partnerships use the Department for Education’s convention: a threshold of 5, and
          rounding to 5 where figures could be compared over time.
        </li>
      </ul>
      <p className="govuk-body">
        The threshold is required. Leave the rounding base empty to publish counts unrounded: saving
        records that as your choice.
      </p>
      <form method="post" noValidate>
        <Input
          {...field.text('smallNumberThreshold')}
          label="Small number threshold"
          hint="Counts below this number are shown as c (confidential). For example 5. A whole number from 1 to 100."
          inputMode="numeric"
          width="4"
        />
        <Input
          {...field.text('roundingBase')}
          label="Rounding base"
          hint="Counts are rounded to the nearest multiple of this number. For example 5. A whole number from 1 to 1,000."
          inputMode="numeric"
          width="4"
        />
        <FormActions submit="Save settings" cancelHref={back} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
