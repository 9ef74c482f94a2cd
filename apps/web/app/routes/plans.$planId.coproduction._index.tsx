// The plan's co-production log: every engagement activity by date held, and a form to add one.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, ErrorSummary, Table } from '@lip/ui';
import {
  ActivityFields,
  activityInput,
  errorSummaryOf,
  kindText,
} from '../components/CoproductionActivityForm.tsx';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  fieldErrorMap,
  gql,
  notFound,
  requireViewer,
  type UnionResult,
} from '../lib/graphql.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Co-production', page.plan.title);

const QUERY = /* GraphQL */ `
  query CoproductionLog($planId: ID!) {
    viewer {
      id
    }
    plan(id: $planId) {
      id
      title
      partnership {
        slug
        name
        viewerMembership {
          roles
        }
      }
      coproduction {
        id
        kind
        title
        heldOn
        audiences
        chair
        reached
        partnershipWide
        responses {
          id
        }
      }
    }
  }
`;

interface Activity {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  partnershipWide: boolean;
  responses: { id: string }[];
}
interface PageData {
  viewer: { id: string } | null;
  plan: {
    id: string;
    title: string;
    partnership: { slug: string; name: string; viewerMembership: { roles: string[] } | null };
    coproduction: Activity[];
  } | null;
}

async function loadPage({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const page = requireViewer(
    request,
    await gql<PageData>(context, QUERY, { planId: params.planId }),
  );
  if (!page.plan) notFound();
  const roles = page.plan.partnership.viewerMembership?.roles ?? [];
  return { plan: page.plan, canEdit: roles.some((role) => role !== 'VIEWER') };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

const CREATE = /* GraphQL */ `
  mutation CreateActivity($input: CreateCoproductionActivityInput!) {
    result: createCoproductionActivity(input: $input) {
      __typename
      ... on MutationCreateCoproductionActivitySuccess {
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

export async function action(args: ActionFunctionArgs) {
  const { plan } = await loadPage(args);
  const { values, input, errors: formErrors } = activityInput(await args.request.formData());
  const { result } = await gql<{ result: UnionResult & { data?: { id: string } } }>(
    args.context,
    CREATE,
    { input: { ...input, planId: plan.id } },
  );
  if (result.data && Object.keys(formErrors).length === 0) {
    throw redirect(
      `/plans/${encodeURIComponent(plan.id)}/coproduction/${encodeURIComponent(result.data.id)}?added=1`,
    );
  }
  if (result.__typename === 'ForbiddenError') throw new Response('Forbidden', { status: 403 });
  // The form's own findings win: "must be a real date" says more than "enter the date".
  const errors = { ...fieldErrorMap(result), ...formErrors };
  if (Object.keys(errors).length === 0)
    errors._form = result.message ?? 'Check the details you entered';
  return data({ values, errors }, { status: 400 });
}

export default function CoproductionLog() {
  const { plan, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const summary = errorSummaryOf(errors, 'add-activity');
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: plan.partnership.name, href: `/partnerships/${plan.partnership.slug}` },
          { text: plan.title, href: planUrl },
          { text: 'Co-production' },
        ]}
      />
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Co-production</h1>
      <PlanNav planId={plan.id} current="coproduction" />
      <p className="govuk-body">
        How the plan was developed and tested with children, young people, families, schools and
        partners, and what changed as a result (“you said, we did”). The published plan shows this
        log.
      </p>
      {plan.coproduction.length === 0 ? (
        <p className="govuk-body">No activities have been recorded yet.</p>
      ) : (
        <Table
          caption="Activities, by date held"
          captionSize="m"
          head={['Date held', 'Activity', 'Who took part', 'Reached', '“You said, we did”']}
          rowKeys={plan.coproduction.map((a) => a.id)}
          rows={plan.coproduction.map((a) => [
            <time key="date" dateTime={a.heldOn}>
              {formatDate(a.heldOn)}
            </time>,
            <span key="title">
              <a
                className="govuk-link"
                href={`${planUrl}/coproduction/${encodeURIComponent(a.id)}`}
              >
                {a.title}
              </a>
              <br />
              <span className="govuk-body-s govuk-!-margin-bottom-0">
                {kindText(a.kind)}
                {a.chair ? `, chaired by ${a.chair}` : ''}
                {a.partnershipWide ? ' (partnership-wide)' : ''}
              </span>
            </span>,
            a.audiences.join(', '),
            a.reached === null ? '' : a.reached.toLocaleString('en-GB'),
            a.responses.length === 0 ? 'None yet' : String(a.responses.length),
          ])}
        />
      )}
      {canEdit && (
        <section aria-labelledby="add-activity-heading" className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m" id="add-activity-heading">
              Add an activity
            </h2>
            <Form
              method="post"
              noValidate
              reloadDocument
              id="add-activity"
              key={JSON.stringify(actionData?.values ?? null)}
            >
              <ActivityFields values={actionData?.values} errors={errors} />
              <Button>Add activity</Button>
            </Form>
          </div>
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
