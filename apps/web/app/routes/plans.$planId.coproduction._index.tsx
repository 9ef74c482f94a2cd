// The plan's co-production log: every engagement activity by date held, and a form to add one.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, InsetText, Table } from '@lip/ui';
import {
  ActivityFields,
  activityInput,
  errorSummaryOf,
  kindText,
} from '../components/CoproductionActivityForm.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, PLAN_HEADING, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';
import { queryPlan } from '../lib/plan-query.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Co-production', page.plan.title);

const QUERY = graphql(
  `
    query CoproductionLog($planId: ID!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        viewerCan {
          editCoproduction
          comment
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
  `,
  [PLAN_HEADING],
);

async function loadPage({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const plan = await queryPlan(request, context, QUERY, { planId: params.planId ?? '' });
  // Core decides who records co-production (the lead and the plan's editors, not the forum).
  return { plan, canEdit: plan.viewerCan.editCoproduction };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

const CREATE = graphql(
  `
    mutation CreateActivity($input: CreateCoproductionActivityInput!) {
      result: createCoproductionActivity(input: $input) {
        __typename
        ... on MutationCreateCoproductionActivitySuccess {
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

export async function action(args: ActionFunctionArgs) {
  const { plan } = await loadPage(args);
  const { values, input, errors: found } = activityInput(await readForm(args.request));
  // The API is asked even when the form found something (a date that is not real, a number typed
  // as text), for its own findings on the other fields; then without a date, which it requires,
  // so nothing is written.
  const formFound = Object.keys(found).length > 0;
  const { result } = await gql(args.context, CREATE, {
    input: { ...input, heldOn: formFound ? null : input.heldOn, planId: plan.id },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateCoproductionActivitySuccess') {
    throw redirect(
      `/plans/${encodeURIComponent(plan.id)}/coproduction/${encodeURIComponent(outcome.data.id)}?added=1`,
    );
  }
  const { heldOn: heldOnError, ...apiErrors } = formErrors(outcome);
  // The form's own findings win: "must be a real date" says more than "enter the date".
  const errors: Record<string, string> = {
    ...apiErrors,
    ...(input.heldOn === null && heldOnError ? { heldOn: heldOnError } : {}),
    ...found,
  };
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
      <PlanPageHeader
        plan={plan}
        trail={[{ text: 'Co-production' }]}
        notices={summary.length > 0 && <ErrorSummary errors={summary} />}
        heading="Co-production"
        current="coproduction"
      />
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
          region="Co-production activities"
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
      {!canEdit && plan.viewerCan.comment && (
        <InsetText>
          The partnership lead and the plan’s editors record activities and “you said, we did”. You
          can comment on the plan’s sections.
        </InsetText>
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
