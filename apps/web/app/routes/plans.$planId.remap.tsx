// Move the plan to another standards framework. The page lists every commitment with the areas of
// the chosen framework that continue its current ones ticked, flags the ones nothing corresponds to,
// and changes nothing until the lead confirms the whole re-mapping (all or nothing).
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  BackLink,
  Button,
  Checkboxes,
  ErrorSummary,
  InsetText,
  Select,
  Tag,
  WarningText,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, notFound, requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Move to another standards framework', page.plan.title);

const QUERY = graphql(`
  query RemapPage($id: ID!, $frameworkId: ID!, $withProposal: Boolean!) {
    viewer {
      id
    }
    standardsFrameworks {
      id
      title
      status
    }
    plan(id: $id) {
      id
      title
      state
      viewerCanEdit
      framework {
        id
        title
      }
      remapProposal(frameworkId: $frameworkId) @include(if: $withProposal) {
        framework {
          id
          title
          areas {
            id
            code
            title
          }
        }
        unresolvedCount
        items {
          resolved
          commitment {
            id
            reference
            title
          }
          from {
            id
            code
            title
          }
          suggested {
            id
          }
        }
      }
    }
  }
`);

async function loadPage(
  request: Request,
  context: LoaderFunctionArgs['context'],
  planId: string | undefined,
  frameworkId: string,
) {
  const page = requireViewer(
    request,
    await gql(context, QUERY, {
      id: planId ?? '',
      frameworkId,
      withProposal: frameworkId !== '',
    }),
  );
  invariantResponse(page.plan);
  return { frameworks: page.standardsFrameworks, plan: page.plan };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const frameworkId = new URL(request.url).searchParams.get('frameworkId') ?? '';
  const { frameworks, plan } = await loadPage(request, context, params.planId, frameworkId);
  const { remapProposal: proposal = null, ...rest } = plan;
  invariantResponse(frameworkId === '' || proposal);
  return { frameworks, plan: rest, proposal, done: new URL(request.url).searchParams.has('done') };
}

const REMAP = graphql(
  `
    mutation Remap($input: RemapPlanInput!) {
      result: remapPlan(input: $input) {
        __typename
        ... on MutationRemapPlanSuccess {
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

interface RemapActionData {
  /** Chosen area ids by commitment id, to re-tick what the lead chose. */
  chosen: Record<string, string[]>;
  /** Error message by commitment id ('_form' for the page). */
  errors: Record<string, string>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const form = await readForm(request);
  const frameworkId = form.text('frameworkId');
  const commitmentIds = form.all('commitmentId');
  const chosen: Record<string, string[]> = {};
  for (const id of commitmentIds) chosen[id] = form.all(`areas-${id}`);
  // Signed in, and the plan is there (the proposal itself is not needed to confirm it).
  await loadPage(request, context, planId, '');

  // A commitment left without an area is refused by the API, all or nothing, naming it
  // ("Choose at least one standard area of the new framework for C-03 ‘…’").
  const { result } = await gql(context, REMAP, {
    input: {
      planId,
      frameworkId,
      mappings: commitmentIds.map((id) => ({
        commitmentId: id,
        standardAreaIds: chosen[id] ?? [],
      })),
    },
  });
  if (result.__typename === 'MutationRemapPlanSuccess')
    throw redirect(`${planPath(planId, '/remap')}?done=1`);
  if (result.__typename === 'NotFoundError') notFound(result.message);
  const errors: Record<string, string> = {};
  for (const e of result.__typename === 'ValidationError' ? result.fieldErrors : []) {
    // ['mappings', <commitment id>] for a commitment left without an area; anything else is the page's.
    const [field, id] = e.path.filter((p) => p !== 'input');
    const key = field === 'mappings' && id && chosen[id] ? id : '_form';
    errors[key] ??= e.message;
  }
  if (Object.keys(errors).length === 0)
    errors._form = result.message || 'The plan could not be re-mapped';
  // Only the lead may re-map: the page says so, and a refusal is explained there too.
  return data<RemapActionData>(
    { chosen, errors },
    { status: result.__typename === 'ForbiddenError' ? 403 : 400 },
  );
}

export default function Remap() {
  const { frameworks, plan, proposal, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const others = frameworks.filter((f) => f.id !== plan.framework.id);
  const errors = failure?.errors ?? {};
  const summary = Object.entries(errors).map(([id, text]) => ({
    href: id === '_form' ? 'remap-form' : `areas-${id}`,
    text,
  }));
  return (
    <>
      <BackLink href={planPath(plan.id, '/coverage')}>Back to standards coverage</BackLink>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Move to another standards framework</h1>
      {done && (
        <InsetText>
          The plan now uses the {plan.framework.title}. Check the standards coverage before you
          submit.
        </InsetText>
      )}
      <p className="govuk-body">The plan uses the {plan.framework.title}.</p>
      {!plan.viewerCanEdit && (
        <InsetText>Only the partnership lead can re-map the plan, while it is a draft.</InsetText>
      )}
      {others.length === 0 ? (
        <p className="govuk-body">There is no other standards framework to move to.</p>
      ) : (
        <form method="get" className="govuk-!-margin-bottom-8">
          <Select
            id="frameworkId"
            name="frameworkId"
            label="Framework to move to"
            defaultValue={proposal?.framework.id ?? others[0]!.id}
            options={others.map((f) => ({ value: f.id, text: f.title }))}
          />
          <Button variant="secondary">Show the proposed re-mapping</Button>
        </form>
      )}
      {proposal && (
        <form method="post" id="remap-form" noValidate>
          <input type="hidden" name="frameworkId" value={proposal.framework.id} />
          <h2 className="govuk-heading-m">Proposed re-mapping to the {proposal.framework.title}</h2>
          {proposal.unresolvedCount > 0 ? (
            <WarningText>
              Nothing in the new framework corresponds to the current areas of{' '}
              {proposal.unresolvedCount}{' '}
              {proposal.unresolvedCount === 1 ? 'commitment' : 'commitments'}: choose their areas.
            </WarningText>
          ) : (
            <p className="govuk-body">
              Every commitment has suggested areas. Check them: nothing changes until you confirm.
            </p>
          )}
          {proposal.items.map((item) => {
            const id = item.commitment.id;
            const ticked = failure?.chosen[id] ?? item.suggested.map((a) => a.id);
            return (
              <div key={id} className="govuk-!-margin-bottom-6">
                <input type="hidden" name="commitmentId" value={id} />
                <Checkboxes
                  idPrefix={`areas-${id}`}
                  name={`areas-${id}`}
                  small
                  legend={
                    <>
                      {item.commitment.reference} {item.commitment.title}
                      {!item.resolved && (
                        <>
                          {' '}
                          <Tag colour="red">Choose areas</Tag>
                        </>
                      )}
                    </>
                  }
                  legendSize="s"
                  hint={`Now: ${item.from.map((a) => a.code).join(', ') || 'no areas'}`}
                  errorMessage={errors[id]}
                  values={ticked}
                  items={proposal.framework.areas.map((a) => ({
                    value: a.id,
                    text: `${a.code} ${a.title}`,
                  }))}
                />
              </div>
            );
          })}
          <Button>Confirm re-mapping</Button>
        </form>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
