import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink, ErrorSummary, NotificationBanner, SummaryList } from '@lip/ui';
import { CommentThread, commentErrorSummary } from '../components/CommentThread.tsx';
import { CommitmentParts } from '../components/CommitmentParts.tsx';
import {
  COMMITMENT_BUDGET_FRAGMENT,
  CommitmentBudgetLines,
} from '../components/CommitmentBudgetLines.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { COMMITMENT_FIELDS, displayValue, valuesFromCommitment } from '../lib/commitment-form.ts';
import {
  COMMITMENT_FIELDS_FRAGMENT,
  loadFormContext,
  commitmentHere,
} from '../lib/commitment-page.server.ts';
import { COMMITMENT_PARTS_FRAGMENT, doneMessage } from '../lib/commitment-parts.server.ts';
import { commentErrorFrom, handleCommentForm, loadCommentThreads } from '../lib/comments.server.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { LiveUpdates } from '../components/live/index.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        `Commitment ${page.commitment.reference}`,
        page.plan.section.title,
        page.plan.title,
      );

const COMMITMENT_QUERY = graphql(
  `
    query CommitmentPage($id: ID!) {
      commitment(id: $id) {
        ...CommitmentFields
        ...CommitmentParts
        ...CommitmentBudget
      }
    }
  `,
  [COMMITMENT_FIELDS_FRAGMENT, COMMITMENT_PARTS_FRAGMENT, COMMITMENT_BUDGET_FRAGMENT],
);

async function loadCommitment(args: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const ctx = await loadFormContext(args);
  const { commitment: found } = await gql(args.context, COMMITMENT_QUERY, {
    id: args.params.commitmentId ?? '',
  });
  const commitment = commitmentHere(found, ctx.plan);
  return { ...ctx, commitment };
}

export async function loader(args: LoaderFunctionArgs) {
  const page = await loadCommitment(args);
  const comments = await loadCommentThreads(args.context, {
    planId: page.plan.id,
    commitmentId: page.commitment.id,
  });
  const searchParams = new URL(args.request.url).searchParams;
  return {
    ...page,
    comments,
    commentError: commentErrorFrom(searchParams),
    done: doneMessage(searchParams),
  };
}

/** The page's only forms are the comment forms (post, reply, resolve, reopen); they redirect back. */
export async function action(args: ActionFunctionArgs) {
  const { params, request, context } = args;
  const { commitment, plan } = await loadCommitment(args);
  const form = await readForm(request);
  await handleCommentForm(
    context,
    form,
    { planId: plan.id, commitmentId: commitment.id },
    `/plans/${encodeURIComponent(params.planId ?? '')}/sections/${encodeURIComponent(params.sectionKey ?? '')}/commitments/${encodeURIComponent(params.commitmentId ?? '')}`,
  );
  throw new Response('Bad request', { status: 400 });
}

export default function Commitment() {
  const { plan, commitment, comments, commentError, done } = useLoaderData<typeof loader>();
  const sectionUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(plan.section.key)}`;
  const commitmentUrl = `${sectionUrl}/commitments/${encodeURIComponent(commitment.id)}`;
  const canEdit = commitment.viewerCanEdit;
  const saved = valuesFromCommitment(commitment);
  const opts = {
    organisations: plan.partnership.organisations,
    members: plan.partnership.members,
    areas: plan.framework.areas,
  };
  const notSet = <span className="govuk-hint govuk-!-margin-bottom-0">Not set</span>;
  return (
    <>
      <BackLink href={sectionUrl}>Back to {plan.section.title}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {commentError && <ErrorSummary errors={commentErrorSummary(commentError)} />}
          {done && <NotificationBanner type="success" heading={done} />}
          <LiveUpdates
            planId={plan.id}
            sectionKey={plan.section.key}
            commitmentId={commitment.id}
          />
          <span className="govuk-caption-l">
            {plan.section.title} · {commitment.reference}
          </span>
          <h1 className="govuk-heading-l">{commitment.title}</h1>
          {!canEdit && (
            <div className="govuk-inset-text">You can read this commitment but not change it.</div>
          )}
          <h2 className="govuk-heading-m">Details</h2>
          <SummaryList
            rows={COMMITMENT_FIELDS.map((f) => {
              const value = displayValue(saved, f.name, opts);
              return {
                key: f.label,
                value:
                  f.name === 'description' && value ? (
                    <p className="govuk-body" style={{ whiteSpace: 'pre-line' }}>
                      {value}
                    </p>
                  ) : f.name === 'standardAreaIds' && commitment.standards.length > 0 ? (
                    <ul className="govuk-list">
                      {commitment.standards.map((s) => (
                        <li key={s.id}>
                          {s.code} {s.title}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    value || notSet
                  ),
                actions: canEdit
                  ? [
                      {
                        href: `${commitmentUrl}/edit#${f.focusId}`,
                        text: 'Change',
                        visuallyHiddenText: f.label.toLowerCase(),
                      },
                    ]
                  : undefined,
              };
            })}
          />
          <CommitmentBudgetLines
            commitment={commitment}
            canEdit={canEdit}
            commitmentUrl={commitmentUrl}
          />
          <CommitmentParts parts={commitment} canEdit={canEdit} commitmentUrl={commitmentUrl} />
          {canEdit && (
            <p className="govuk-body">
              <a className="govuk-link" href={`${commitmentUrl}/delete`}>
                Delete commitment
                <span className="govuk-visually-hidden"> {commitment.reference}</span>
              </a>
            </p>
          )}
          <CommentThread {...comments} error={commentError} what="commitment" />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
