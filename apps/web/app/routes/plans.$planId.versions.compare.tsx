// Compare two versions (or a version with the current draft): the sections and commitments that
// changed, each field before and after, and who changed them (from the audit log).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { CHANGE_KINDS, formatDateTime } from '../components/workflow/labels.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { positiveInt } from '../lib/params.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Compare ${page.fromLabel} with ${page.toLabel}`, page.plan.title);

const QUERY = graphql(`
  query ComparePage($id: ID!, $from: Int!, $to: Int) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      partnership {
        slug
        name
      }
    }
    planDiff(planId: $id, from: $from, to: $to) {
      from
      to
      changedCount
      tariffs {
        field
        label
        before
        after
      }
      sections {
        key
        title
        fields {
          field
          label
          before
          after
        }
        commitments {
          reference
          title
          change
          fields {
            field
            label
            before
            after
          }
          changedBy {
            name
            organisationName
            at
          }
        }
      }
    }
  }
`);

type FieldChange = NonNullable<
  ResultOf<typeof QUERY>['planDiff']
>['sections'][number]['fields'][number];

function versionNumber(raw: string | null): number | null {
  if (raw === null || raw === '' || raw === 'draft') return null;
  return positiveInt(raw) ?? Number.NaN;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const from = versionNumber(url.searchParams.get('from'));
  const to = versionNumber(url.searchParams.get('to'));
  invariantResponse(from !== null && !Number.isNaN(from) && !Number.isNaN(to));
  const page = requireViewer(
    request,
    await gql(context, QUERY, { id: params.planId ?? '', from, to }),
  );
  invariantResponse(page.plan && page.planDiff);
  const diff = page.planDiff;
  return {
    plan: page.plan,
    diff,
    fromLabel: `version ${diff.from}`,
    toLabel: diff.to === null ? 'the current draft' : `version ${diff.to}`,
  };
}

const CHANGE_COLOURS: Record<string, 'green' | 'red' | 'blue'> = {
  ADDED: 'green',
  REMOVED: 'red',
  CHANGED: 'blue',
};

function Changes({ fields, idPrefix }: { fields: FieldChange[]; idPrefix: string }) {
  return (
    <dl className="govuk-summary-list">
      {fields.map((f) => (
        <div className="govuk-summary-list__row" key={`${idPrefix}-${f.field}`}>
          <dt className="govuk-summary-list__key">{f.label}</dt>
          <dd className="govuk-summary-list__value">
            {f.before !== null && f.before !== '' && (
              <p className="govuk-body govuk-!-margin-bottom-1">
                <span className="govuk-!-font-weight-bold">Before: </span>
                <del>{f.before}</del>
              </p>
            )}
            {f.after !== null && f.after !== '' ? (
              <p className="govuk-body govuk-!-margin-bottom-0">
                <span className="govuk-!-font-weight-bold">After: </span>
                <ins>{f.after}</ins>
              </p>
            ) : (
              <p className="govuk-body govuk-!-margin-bottom-0">
                <span className="govuk-!-font-weight-bold">After: </span>removed
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function Compare() {
  const { plan, diff, fromLabel, toLabel } = useLoaderData<typeof loader>();
  const base = planPath(plan.id);
  return (
    <>
      <PlanPageHeader
        plan={plan}
        trail={[{ text: 'Versions and sign-off', href: `${base}/versions` }, { text: 'Compare' }]}
        heading={`Changes from ${fromLabel} to ${toLabel}`}
        current="versions"
      />
      <p className="govuk-body">
        {diff.changedCount === 0
          ? 'Nothing changed.'
          : `${diff.changedCount} ${diff.changedCount === 1 ? 'change' : 'changes'} in ${diff.sections.length} ${diff.sections.length === 1 ? 'section' : 'sections'}.`}
      </p>
      {diff.tariffs.length > 0 && (
        <section aria-labelledby="tariff-changes">
          <h2 className="govuk-heading-m" id="tariff-changes">
            Tariffs in force
          </h2>
          <Changes fields={diff.tariffs} idPrefix="tariffs" />
        </section>
      )}
      {diff.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h2 className="govuk-heading-m" id={`section-${section.key}`}>
            {section.title}
          </h2>
          {section.fields.length > 0 && (
            <>
              <h3 className="govuk-heading-s">Section details</h3>
              <Changes fields={section.fields} idPrefix={section.key} />
            </>
          )}
          {section.commitments.map((c) => (
            <div key={c.reference} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s">
                {c.reference} {c.title}{' '}
                <Tag colour={CHANGE_COLOURS[c.change]}>{CHANGE_KINDS[c.change] ?? c.change}</Tag>
              </h3>
              {c.changedBy.length > 0 && (
                <p className="govuk-body-s">
                  Changed by{' '}
                  {c.changedBy
                    .map(
                      (a) =>
                        `${a.name}${a.organisationName ? ` (${a.organisationName})` : ''}, ${formatDateTime(a.at)}`,
                    )
                    .join('; ')}
                </p>
              )}
              {c.fields.length > 0 && <Changes fields={c.fields} idPrefix={c.reference} />}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
