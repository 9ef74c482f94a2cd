// Standards coverage: the plan framework's standard areas as rows, the sections as columns, the
// commitments meeting each area in the cells (the first few by reference, then a link to the rest). The lead marks an area not applicable, with a reason,
// while the plan is a draft; an uncovered area stops submission.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, NotificationBanner, Tag, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import {
  CLEAR_NOT_APPLICABLE,
  MARK_NOT_APPLICABLE,
  runTransition,
} from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Standards coverage', page.plan.title);

const QUERY = graphql(`
  query CoveragePage($id: ID!, $inline: Int!) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      state
      viewerCanEdit
      partnership {
        slug
        name
      }
      framework {
        title
      }
      sections {
        key
        viewerCanEdit
      }
      coverage {
        uncoveredCount
        sections {
          key
          title
        }
        rows {
          area {
            id
            code
            title
          }
          covered
          notApplicableReason
          cells {
            sectionKey
            count
            commitments(first: $inline) {
              id
              reference
              title
            }
          }
        }
      }
    }
  }
`);

/**
 * Commitments named in a cell; more are counted and linked to the section's list filtered by the
 * area, so the page stays small however large the plan grows.
 */
const INLINE = 3;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = requireViewer(
    request,
    await gql(context, QUERY, { id: params.planId ?? '', inline: INLINE }),
  );
  invariantResponse(page.plan);
  const url = new URL(request.url);
  return {
    plan: page.plan,
    /** Sections the viewer may add commitments to: an uncovered area offers them there. */
    editableSections: page.plan.sections.filter((s) => s.viewerCanEdit).map((s) => s.key),
    saved: url.searchParams.get('saved'),
    cleared: url.searchParams.get('cleared'),
  };
}

interface CoverageActionData {
  areaId: string;
  reason: string;
  error: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const form = await readForm(request);
  const standardAreaId = form.text('standardAreaId');
  const code = form.text('code');
  if (form.intent === 'clear') {
    const outcome = await runTransition(context, CLEAR_NOT_APPLICABLE, {
      input: { planId, standardAreaId },
    });
    if (outcome.ok)
      throw redirect(
        `${planPath(planId, '/coverage')}?cleared=${encodeURIComponent(code)}#area-${encodeURIComponent(code)}`,
      );
    return data<CoverageActionData>(
      { areaId: standardAreaId, reason: '', error: outcome.message },
      { status: outcome.status },
    );
  }
  // A reason is required: the API says so ("Enter why this standard area does not apply…").
  const reason = form.text('reason');
  const outcome = await runTransition(context, MARK_NOT_APPLICABLE, {
    input: { planId, standardAreaId, reason },
  });
  if (outcome.ok)
    throw redirect(
      `${planPath(planId, '/coverage')}?saved=${encodeURIComponent(code)}#area-${encodeURIComponent(code)}`,
    );
  const error = outcome.fieldErrors.reason ?? outcome.message;
  return data<CoverageActionData>(
    { areaId: standardAreaId, reason, error },
    { status: outcome.status },
  );
}

export default function Coverage() {
  const { plan, editableSections, saved, cleared } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { coverage } = plan;
  const sectionTitle = (key: string) =>
    (coverage.sections.find((s) => s.key === key)?.title ?? key).toLowerCase();
  const base = planPath(plan.id);
  const failedRow = failure ? coverage.rows.find((r) => r.area.id === failure.areaId) : undefined;
  useErrorTitle(Boolean(failure));
  return (
    <>
      <PlanPageHeader
        plan={plan}
        trail={[{ text: 'Standards coverage' }]}
        notices={
          <>
            {failure && (
              <ErrorSummary
                errors={[
                  {
                    href: failedRow ? `reason-${failedRow.area.code}` : 'coverage',
                    text: failure.error,
                  },
                ]}
              />
            )}
            {saved && (
              <NotificationBanner type="success" heading={`${saved} marked as not applicable`} />
            )}
            {cleared && (
              <NotificationBanner
                type="success"
                heading={`${cleared} is no longer marked as not applicable`}
              />
            )}
          </>
        }
        heading="Standards coverage"
        current="coverage"
      />
      <p className="govuk-body">
        Which commitments meet each standard area of the {plan.framework.title}. Every area must be
        met by at least one commitment, or marked as not applicable with a reason, before the plan
        can be submitted.
      </p>
      {plan.viewerCanEdit && (
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/remap`}>
            Move the plan to another standards framework
          </a>
        </p>
      )}
      <p className="govuk-body" id="coverage-summary">
        {coverage.uncoveredCount === 0
          ? 'Every standard area is covered.'
          : `${coverage.uncoveredCount} standard ${coverage.uncoveredCount === 1 ? 'area is' : 'areas are'} not covered.`}
      </p>
      <div
        id="coverage"
        className="lip-table-region"
        tabIndex={0}
        role="region"
        aria-label="Standards coverage table"
      >
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            Commitments by standard area and section
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Standard area
              </th>
              {coverage.sections.map((s) => (
                <th key={s.key} scope="col" className="govuk-table__header">
                  {s.title}
                </th>
              ))}
              <th scope="col" className="govuk-table__header">
                Not applicable
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {coverage.rows.map((row) => {
              const rowFailure = failure && failure.areaId === row.area.id ? failure : undefined;
              return (
                <tr key={row.area.id} className="govuk-table__row" id={`area-${row.area.code}`}>
                  <th scope="row" className="govuk-table__header">
                    {row.area.code} {row.area.title}
                    {!row.covered && (
                      <>
                        {' '}
                        <Tag colour="red">Uncovered</Tag>
                      </>
                    )}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.sectionKey} className="govuk-table__cell">
                      {cell.commitments.length === 0 ? (
                        !row.covered &&
                        row.notApplicableReason === null &&
                        editableSections.includes(cell.sectionKey) ? (
                          <a
                            className="govuk-link govuk-body-s"
                            href={`${base}/sections/${encodeURIComponent(cell.sectionKey)}/commitments/new?area=${encodeURIComponent(row.area.id)}`}
                          >
                            Add a commitment
                            <span className="govuk-visually-hidden">
                              {' '}
                              for {row.area.code} to the {sectionTitle(cell.sectionKey)} section
                            </span>
                          </a>
                        ) : (
                          <span className="govuk-visually-hidden">None</span>
                        )
                      ) : (
                        <ul className="govuk-list govuk-!-margin-bottom-0">
                          {cell.commitments.map((c) => (
                            <li key={c.id} className="govuk-!-margin-bottom-2">
                              <a
                                className="govuk-link"
                                href={`${base}/sections/${encodeURIComponent(cell.sectionKey)}/commitments/${encodeURIComponent(c.id)}`}
                              >
                                {c.reference}
                              </a>
                              <br />
                              <span className="govuk-body-s">{c.title}</span>
                            </li>
                          ))}
                          {cell.count > cell.commitments.length && (
                            <li>
                              <a
                                className="govuk-link govuk-body-s"
                                href={`${base}/sections/${encodeURIComponent(cell.sectionKey)}/commitments?area=${encodeURIComponent(row.area.id)}`}
                              >
                                {`All ${cell.count} commitments`}
                                <span className="govuk-visually-hidden">
                                  {' '}
                                  for {row.area.code} in the {sectionTitle(cell.sectionKey)} section
                                </span>
                              </a>
                            </li>
                          )}
                        </ul>
                      )}
                    </td>
                  ))}
                  <td className="govuk-table__cell">
                    {row.notApplicableReason !== null ? (
                      <>
                        <Tag colour="grey">Not applicable</Tag>
                        <p className="govuk-body-s govuk-!-margin-top-2">
                          {row.notApplicableReason}
                        </p>
                        {plan.viewerCanEdit && (
                          <form method="post">
                            <input type="hidden" name="intent" value="clear" />
                            <input type="hidden" name="standardAreaId" value={row.area.id} />
                            <input type="hidden" name="code" value={row.area.code} />
                            <Button variant="secondary" className="govuk-!-margin-bottom-0">
                              Clear
                              <span className="govuk-visually-hidden">
                                {' '}
                                not applicable for {row.area.code}
                              </span>
                            </Button>
                          </form>
                        )}
                      </>
                    ) : plan.viewerCanEdit ? (
                      <details
                        className="govuk-details govuk-!-margin-bottom-0"
                        open={Boolean(rowFailure) || !row.covered}
                      >
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">
                            Mark as not applicable
                            <span className="govuk-visually-hidden"> for {row.area.code}</span>
                          </span>
                        </summary>
                        <div className="govuk-details__text">
                          <form method="post" noValidate>
                            <input type="hidden" name="intent" value="mark" />
                            <input type="hidden" name="standardAreaId" value={row.area.id} />
                            <input type="hidden" name="code" value={row.area.code} />
                            <Textarea
                              id={`reason-${row.area.code}`}
                              name="reason"
                              rows={3}
                              label={<>Why does {row.area.code} not apply to this plan?</>}
                              labelSize="s"
                              errorMessage={rowFailure?.error}
                              defaultValue={rowFailure?.reason}
                            />
                            <Button className="govuk-!-margin-bottom-0">
                              Mark as not applicable
                              <span className="govuk-visually-hidden"> for {row.area.code}</span>
                            </Button>
                          </form>
                        </div>
                      </details>
                    ) : (
                      <span className="govuk-visually-hidden">No</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
