// The plan's frozen versions, newest first, and a form to compare two of them (or one with the draft).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Button, Select, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { formatDateTime } from '../components/workflow/labels.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import { PLAN_STATES, PLAN_STATE_COLOURS } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';
import { PLAN_VERSION_RECORD } from '../lib/plan/fragments.ts';
import { queryPlan } from '../lib/plan-query.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Versions and sign-off', page.plan.title);

const QUERY = graphql(
  `
    query VersionsPage($id: ID!) {
      viewer {
        id
      }
      plan(id: $id) {
        ...PlanHeading
        state
        versions {
          ...PlanVersionRecord
        }
      }
    }
  `,
  [PLAN_HEADING, PLAN_VERSION_RECORD],
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { plan: await queryPlan(request, context, QUERY, { id: params.planId ?? '' }) };
}

export default function Versions() {
  const { plan } = useLoaderData<typeof loader>();
  const base = planPath(plan.id);
  const versions = plan.versions;
  return (
    <>
      <PlanPageHeader
        plan={plan}
        trail={[{ text: 'Versions and sign-off' }]}
        heading="Versions and sign-off"
        current="versions"
      />
      {versions.length === 0 ? (
        <p className="govuk-body">
          The plan has not been submitted yet, so it has no versions. Submitting it freezes version
          1.
        </p>
      ) : (
        <>
          <Table
            caption="Versions, newest first"
            region="Versions of the plan"
            firstCellIsHeader
            head={['Version', 'State', 'Submitted', 'Signed off', 'Published']}
            rowKeys={versions.map((v) => String(v.number))}
            rows={versions.map((v) => [
              <a key="link" className="govuk-link" href={`${base}/versions/${v.number}`}>
                Version {v.number}
              </a>,
              <Tag key="state" colour={PLAN_STATE_COLOURS[v.state]}>
                {PLAN_STATES[v.state] ?? v.state}
              </Tag>,
              <>
                {formatDateTime(v.createdAt)}
                {v.createdByName && (
                  <>
                    <br />
                    by {v.createdByName}
                    {v.createdByOrganisation ? ` (${v.createdByOrganisation.name})` : ''}
                  </>
                )}
              </>,
              v.signedOffAt ? formatDateTime(v.signedOffAt) : 'Not yet',
              v.publishedAt ? (
                <>
                  {formatDateTime(v.publishedAt)}
                  {v.publicPath && (
                    <>
                      <br />
                      <a className="govuk-link" href={v.publicPath}>
                        Public page
                        <span className="govuk-visually-hidden"> of version {v.number}</span>
                      </a>
                    </>
                  )}
                </>
              ) : (
                'Not yet'
              ),
            ])}
          />
          <h2 className="govuk-heading-m">Compare versions</h2>
          {versions.length < 2 && plan.state !== 'DRAFT' ? (
            <p className="govuk-body">
              There is only version {versions[0]!.number}. You can compare versions once the plan is
              revised.
            </p>
          ) : (
            <form method="get" action={`${base}/versions/compare`}>
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-one-third">
                  <Select
                    id="from"
                    name="from"
                    label="From"
                    defaultValue={String(versions[1]?.number ?? versions[0]!.number)}
                    options={versions.map((v) => ({
                      value: String(v.number),
                      text: `Version ${v.number}`,
                    }))}
                  />
                </div>
                <div className="govuk-grid-column-one-third">
                  <Select
                    id="to"
                    name="to"
                    label="To"
                    defaultValue={versions.length > 1 ? String(versions[0]!.number) : 'draft'}
                    options={[
                      ...(plan.state === 'DRAFT'
                        ? [{ value: 'draft', text: 'The current draft' }]
                        : []),
                      ...versions.map((v) => ({
                        value: String(v.number),
                        text: `Version ${v.number}`,
                      })),
                    ]}
                  />
                </div>
              </div>
              <Button variant="secondary">Compare</Button>
            </form>
          )}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
