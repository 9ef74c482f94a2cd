import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, ErrorSummary, Input } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/metrics/useErrorTitle.ts';
import {
  fieldErrorMap,
  gql,
  notFound,
  requireViewer,
  type UnionResult,
} from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Disclosure control', page.partnership.name);

const QUERY = /* GraphQL */ `
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
        viewerCanEdit
      }
    }
  }
`;

interface PageData {
  viewer: { id: string } | null;
  partnership: {
    id: string;
    slug: string;
    name: string;
    disclosure: {
      smallNumberThreshold: number | null;
      roundingBase: number | null;
      viewerCanEdit: boolean;
    };
  } | null;
}

async function load({ request, params, context }: LoaderFunctionArgs) {
  const page = requireViewer(request, await gql<PageData>(context, QUERY, { slug: params.slug }));
  if (!page.partnership) notFound();
  if (!page.partnership.disclosure.viewerCanEdit) throw new Response('Forbidden', { status: 403 });
  return { partnership: page.partnership };
}

export const loader = load;

interface ActionData {
  values: { smallNumberThreshold: string; roundingBase: string };
  errors: Record<string, string>;
}

const UPDATE = /* GraphQL */ `
  mutation UpdateDisclosureSettings($input: UpdateDisclosureSettingsInput!) {
    result: updateDisclosureSettings(input: $input) {
      __typename
      ... on MutationUpdateDisclosureSettingsSuccess {
        data {
          id
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

/** A whole number in range, or null when left empty; a message when neither. */
function wholeNumber(raw: string, label: string, max: number): number | null | string {
  if (raw === '') return null;
  if (!/^\d+$/.test(raw)) return `${label} must be a whole number`;
  const n = Number(raw);
  if (n < 1 || n > max) return `${label} must be between 1 and ${max.toLocaleString('en-GB')}`;
  return n;
}

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await load(args);
  const form = await args.request.formData();
  const values = {
    smallNumberThreshold: String(form.get('smallNumberThreshold') ?? '').trim(),
    roundingBase: String(form.get('roundingBase') ?? '').trim(),
  };
  const threshold = wholeNumber(values.smallNumberThreshold, 'Small number threshold', 100);
  const rounding = wholeNumber(values.roundingBase, 'Rounding base', 1000);
  const errors: Record<string, string> = {};
  if (typeof threshold === 'string') errors.smallNumberThreshold = threshold;
  if (typeof rounding === 'string') errors.roundingBase = rounding;
  if (Object.keys(errors).length > 0) return data<ActionData>({ values, errors }, { status: 400 });

  const { result } = await gql<{ result: UnionResult & { data?: { id: string } } }>(
    args.context,
    UPDATE,
    {
      input: {
        partnershipId: partnership.id,
        smallNumberThreshold: threshold,
        roundingBase: rounding,
      },
    },
  );
  if (result.data)
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/metrics?saved=disclosure`,
    );
  if (result.__typename === 'ForbiddenError') throw new Response('Forbidden', { status: 403 });
  if (result.__typename === 'NotFoundError') throw new Response('Not found', { status: 404 });
  const fieldErrors = fieldErrorMap(result);
  if (Object.keys(fieldErrors).length === 0)
    fieldErrors.smallNumberThreshold = result.message ?? 'Check the settings';
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
  return (
    <>
      <BackLink href={back}>Back to metrics</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {summary.length > 0 && <ErrorSummary errors={summary} />}
          <span className="govuk-caption-l">{partnership.name}</span>
          <h1 className="govuk-heading-l">Disclosure control</h1>
          <p className="govuk-body">
            Published plans and dashboards apply these rules to counts, so small numbers cannot
            identify a child. Leave a box empty for no rule.
          </p>
          <form method="post" noValidate>
            <Input
              id="smallNumberThreshold"
              name="smallNumberThreshold"
              label="Small number threshold"
              hint="Counts below this number are shown as c (confidential). For example 5. A whole number from 1 to 100."
              inputMode="numeric"
              width="4"
              errorMessage={errors.smallNumberThreshold}
              defaultValue={values.smallNumberThreshold}
            />
            <Input
              id="roundingBase"
              name="roundingBase"
              label="Rounding base"
              hint="Counts are rounded to the nearest multiple of this number. For example 5. A whole number from 1 to 1,000."
              inputMode="numeric"
              width="4"
              errorMessage={errors.roundingBase}
              defaultValue={values.roundingBase}
            />
            <div className="govuk-button-group">
              <Button>Save settings</Button>
              <a className="govuk-link" href={back}>
                Cancel
              </a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
