// One frozen version: its record, the decisions of each signing organisation (and links to record
// them while it is under review), the evidence frozen with its commitments, and its downloads.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NotificationBanner, SummaryList, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { parsePublication } from '../components/workflow/exports.server.ts';
import {
  DECISIONS,
  FORUM_CONCERNS,
  formatDateTime,
  LEAD_NOTE,
} from '../components/workflow/labels.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import { intParam } from '../lib/params.server.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { PLAN_STATES, formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';
import { PLAN_SIGNATORY, PLAN_VERSION_RECORD } from '../lib/plan/fragments.ts';
import { queryPlan } from '../lib/plan-query.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(`Version ${page.version.number}`, page.plan.title);

const QUERY = graphql(
  `
    query VersionPage($id: ID!, $number: Int!) {
      viewer {
        id
      }
      plan(id: $id) {
        ...PlanHeading
        state
        currentVersion {
          number
        }
        signatories {
          ...PlanSignatory
          signOff {
            id
          }
        }
        planVersion(number: $number) {
          ...PlanVersionRecord
          note
          publicationJson
          signOffs {
            id
            decision
            conditions
            concerns
            signatoryName
            signatoryRole
            forum
            decidedOn
            recordedByName
            createdAt
            organisation {
              id
              name
            }
          }
        }
      }
    }
  `,
  [PLAN_HEADING, PLAN_VERSION_RECORD, PLAN_SIGNATORY],
);

export const EXPORTS = [
  { format: 'docx', label: 'Board pack (Word document)' },
  { format: 'json', label: 'Open data (JSON)' },
  { format: 'csv', label: 'Open data (CSV files, zipped)' },
  { format: 'zip', label: 'Every format (zip)' },
] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const number = intParam(params, 'n');
  const { planVersion: found, ...plan } = await queryPlan(request, context, QUERY, {
    id: params.planId ?? '',
    number,
  });
  invariantResponse(found);
  const { publicationJson, ...version } = found;
  // The evidence frozen with each commitment, as it is published (the snapshot's own words).
  const evidence = parsePublication(publicationJson)
    .snapshot.commitments.filter((c) => c.evidence.length > 0)
    .map((c) => ({ reference: c.reference, title: c.title, evidence: c.evidence }));
  const url = new URL(request.url);
  return {
    plan,
    version,
    evidence,
    banner: url.searchParams.has('submitted')
      ? `Version ${version.number} submitted for partner review`
      : url.searchParams.has('published')
        ? `Version ${version.number} published`
        : url.searchParams.get('recorded')
          ? `Decision recorded for ${url.searchParams.get('recorded')}`
          : null,
  };
}

export default function Version() {
  const { plan, version, evidence, banner } = useLoaderData<typeof loader>();
  const base = planPath(plan.id);
  const underReview =
    version.state === 'PARTNER_REVIEW' && plan.currentVersion?.number === version.number;
  const decisionByOrg = new Map(version.signOffs.map((s) => [s.organisation.id, s]));
  return (
    <>
      <PlanPageHeader
        plan={plan}
        trail={[
          { text: 'Versions and sign-off', href: `${base}/versions` },
          { text: `Version ${version.number}` },
        ]}
        notices={banner && <NotificationBanner type="success" heading={banner} />}
        heading={`Version ${version.number}`}
        current="versions"
      />
      <SummaryList
        rows={[
          { key: 'State', value: PLAN_STATES[version.state] ?? version.state },
          {
            key: 'Submitted',
            value: `${formatDateTime(version.createdAt)}${version.createdByName ? ` by ${version.createdByName}` : ''}${version.createdByOrganisation ? ` (${version.createdByOrganisation.name})` : ''}`,
          },
          {
            key: 'Signed off',
            value: version.signedOffAt ? formatDateTime(version.signedOffAt) : 'Not yet',
          },
          {
            key: 'Published',
            value: version.publishedAt ? (
              <>
                {formatDateTime(version.publishedAt)}
                {version.publicPath && (
                  <>
                    {' '}
                    (
                    <a className="govuk-link" href={version.publicPath}>
                      public page
                    </a>
                    )
                  </>
                )}
              </>
            ) : (
              'Not yet'
            ),
          },
          ...(version.supersededAt
            ? [{ key: 'Superseded', value: formatDateTime(version.supersededAt) }]
            : []),
          ...(version.note
            ? [
                {
                  key: LEAD_NOTE,
                  value: <span className="lip-preserve-lines">{version.note}</span>,
                },
              ]
            : []),
        ]}
      />

      <h2 className="govuk-heading-m">Sign-off</h2>
      {underReview ? (
        <Table
          caption="Decisions on this version"
          region="Decisions on this version"
          captionSize="s"
          firstCellIsHeader
          head={['Organisation', 'Decision', 'Action']}
          rowKeys={plan.signatories.map((s) => s.organisation.id)}
          rows={plan.signatories.map((s) => {
            const signOff = decisionByOrg.get(s.organisation.id);
            return [
              <>
                {s.organisation.name}
                {s.kind === 'ACKNOWLEDGEMENT' && (
                  <span className="govuk-hint govuk-!-margin-bottom-0">Acknowledges the plan</span>
                )}
              </>,
              signOff ? (
                (DECISIONS[signOff.decision] ?? signOff.decision)
              ) : (
                <Tag colour="grey">Waiting</Tag>
              ),
              s.viewerCanRecord && !signOff ? (
                <a
                  className="govuk-link"
                  href={`${base}/sign-off/${encodeURIComponent(s.organisation.id)}`}
                >
                  {s.kind === 'ACKNOWLEDGEMENT' ? 'Record acknowledgement' : 'Record decision'}
                  <span className="govuk-visually-hidden"> for {s.organisation.name}</span>
                </a>
              ) : (
                ''
              ),
            ];
          })}
        />
      ) : null}
      {version.signOffs.length === 0 ? (
        <p className="govuk-body">No decisions have been recorded on this version.</p>
      ) : (
        version.signOffs.map((s) => (
          <div key={s.id}>
            <h3 className="govuk-heading-s">{s.organisation.name}</h3>
            <SummaryList
              rows={[
                { key: 'Decision', value: DECISIONS[s.decision] ?? s.decision },
                ...(s.conditions
                  ? [
                      {
                        key: s.decision === 'REJECTED' ? 'Reasons' : 'Conditions',
                        value: <span className="lip-preserve-lines">{s.conditions}</span>,
                      },
                    ]
                  : []),
                ...(s.concerns
                  ? [
                      {
                        key: FORUM_CONCERNS,
                        value: <span className="lip-preserve-lines">{s.concerns}</span>,
                      },
                    ]
                  : []),
                ...(s.decision === 'ACKNOWLEDGED'
                  ? [
                      { key: 'Acknowledged by', value: `${s.signatoryName}, ${s.signatoryRole}` },
                      { key: 'Where agreed', value: s.forum },
                      { key: 'Date of acknowledgement', value: formatDate(s.decidedOn) },
                    ]
                  : [
                      { key: 'Signed by', value: `${s.signatoryName}, ${s.signatoryRole}` },
                      { key: 'Where decided', value: s.forum },
                      { key: 'Date of decision', value: formatDate(s.decidedOn) },
                    ]),
                {
                  key: 'Recorded',
                  value: `${formatDateTime(s.createdAt)}${s.recordedByName ? ` by ${s.recordedByName}` : ''}`,
                },
              ]}
            />
          </div>
        ))
      )}

      <section aria-labelledby="evidence-heading" id="evidence">
        <h2 className="govuk-heading-m" id="evidence-heading">
          Evidence
        </h2>
        {evidence.length === 0 ? (
          <p className="govuk-body">No evidence was recorded on the commitments of this version.</p>
        ) : (
          <>
            <p className="govuk-body">
              What showed progress on each commitment when this version was frozen. It is published
              with the plan.
            </p>
            {evidence.map((c) => (
              <div key={c.reference}>
                <h3 className="govuk-heading-s">
                  {c.reference}: {c.title}
                </h3>
                <ul className="govuk-list govuk-list--bullet">
                  {c.evidence.map((e, i) => (
                    <li key={i}>
                      {e.url ? (
                        <a className="govuk-link" href={e.url} rel="noopener noreferrer">
                          {e.title}
                        </a>
                      ) : (
                        e.title
                      )}
                      {e.note && (
                        <>
                          : <span className="lip-preserve-lines">{e.note}</span>
                        </>
                      )}{' '}
                      <span className="govuk-hint govuk-!-display-inline">
                        (added {formatDate(e.addedOn)})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>

      <h2 className="govuk-heading-m">Downloads</h2>
      <ul className="govuk-list">
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <a
              className="govuk-link"
              href={`${base}/versions/${version.number}/export/${e.format}`}
              download
            >
              {e.label}
              <span className="govuk-visually-hidden">, version {version.number}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
