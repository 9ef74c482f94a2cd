// Publish the signed-off version: it becomes public, and any earlier published version is superseded.
// The page lists the conditions signatories attached to their approval and the forum's concerns, and
// the lead confirms the conditions are met (core refuses a publish without that confirmation).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, Checkboxes, InsetText, SummaryList } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage } from '../components/workflow/TransitionPage.tsx';
import { FORUM_CONCERNS } from '../components/workflow/labels.ts';
import { PUBLISH_PLAN } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { queryPlan } from '../lib/plan-query.server.ts';
import { transitionAction, transitionLoader } from '../lib/plan/transition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Publish the plan', page.plan.title);

const DECISIONS_QUERY = graphql(`
  query PublishDecisions($id: ID!) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      currentVersion {
        number
        signOffs {
          id
          decision
          conditions
          concerns
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export async function loader(args: LoaderFunctionArgs) {
  const { plan } = await transitionLoader(args);
  const { currentVersion } = await queryPlan(args.request, args.context, DECISIONS_QUERY, {
    id: args.params.planId ?? '',
  });
  const signOffs = currentVersion?.signOffs ?? [];
  return {
    plan,
    conditions: signOffs.flatMap((s) =>
      s.decision === 'APPROVED_WITH_CONDITIONS' && s.conditions
        ? [{ id: s.id, organisation: s.organisation.name, text: s.conditions }]
        : [],
    ),
    concerns: signOffs.flatMap((s) =>
      s.concerns ? [{ id: s.id, organisation: s.organisation.name, text: s.concerns }] : [],
    ),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const confirmed = (await readForm(request)).checked('confirmed');
  return transitionAction(
    context,
    PUBLISH_PLAN,
    { input: { planId, confirmed } },
    (plan) => planPath(planId, `/versions/${plan.publishedVersion?.number ?? ''}?published=1`),
    { confirmed },
  );
}

/** Organisation, then what it wrote, as a summary list. */
function ByOrganisation({
  items,
}: {
  items: ReadonlyArray<{ id: string; organisation: string; text: string }>;
}) {
  return (
    <SummaryList
      rows={items.map((item) => ({
        key: item.organisation,
        value: <span className="lip-preserve-lines">{item.text}</span>,
      }))}
    />
  );
}

export default function Publish() {
  const { plan, conditions, concerns } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const version = plan.currentVersion?.number;
  return (
    <TransitionPage
      plan={plan}
      heading="Publish the plan"
      failure={failure}
      fieldLinks={{ confirmed: 'confirmed' }}
    >
      {plan.viewerCan.publish ? (
        <p className="govuk-body">
          Version {version} has been signed off by every partner. Publishing puts it on a public
          page, with its Word and open data downloads, for anyone to read without signing in.
          {plan.publishedVersion
            ? ` Version ${plan.publishedVersion.number} stays available but is marked as superseded.`
            : ''}
        </p>
      ) : (
        <InsetText>
          Only the partnership lead can publish, once every signatory has approved the version under
          review.
        </InsetText>
      )}
      <h2 className="govuk-heading-m">Conditions of approval</h2>
      {conditions.length > 0 ? (
        <>
          <p className="govuk-body">
            {conditions.length === 1
              ? 'One organisation approved this version with conditions:'
              : `${conditions.length} organisations approved this version with conditions:`}
          </p>
          <ByOrganisation items={conditions} />
        </>
      ) : (
        <p className="govuk-body">No organisation attached conditions to its approval.</p>
      )}
      {concerns.length > 0 && (
        <>
          <h2 className="govuk-heading-m">{FORUM_CONCERNS}</h2>
          <ByOrganisation items={concerns} />
        </>
      )}
      <form method="post" id="main-form" noValidate>
        <Checkboxes
          idPrefix="confirmed"
          name="confirmed"
          legend="Before you publish"
          legendSize="s"
          errorMessage={failure?.fieldErrors.confirmed}
          values={failure?.confirmed ? ['yes'] : []}
          items={[
            {
              value: 'yes',
              text:
                conditions.length > 0
                  ? 'I confirm the conditions above have been met and this version can be made public'
                  : 'I confirm this version can be made public',
            },
          ]}
        />
        <Button>Publish version {version ?? ''}</Button>
      </form>
    </TransitionPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
