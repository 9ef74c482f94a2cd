// The Easy Read summary of one section: short sentences in plain words, published with the plan.
// Its editors are the section's editors; a stale edit (someone saved since) is refused and explained.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { UPDATE_EASY_READ, runTransition } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Easy Read summary', page.plan.section.title, page.plan.title);

const QUERY = graphql(`
  query EasyReadPage($id: ID!, $key: String!) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      section(key: $key) {
        key
        title
        easyReadSummary
        version
        viewerCanEdit
      }
    }
  }
`);

/**
 * Long enough for a few short sentences; the published page shows it beside the section. Stricter
 * than the API's own limit (MAX_EASY_READ_LENGTH, 5,000), so the page checks it itself.
 */
const MAX_LENGTH = 2000;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = requireViewer(
    request,
    await gql(context, QUERY, { id: params.planId ?? '', key: params.sectionKey ?? '' }),
  );
  invariantResponse(page.plan?.section);
  const { section, ...plan } = page.plan;
  return { plan: { ...plan, section }, saved: new URL(request.url).searchParams.has('saved') };
}

interface EasyReadActionData {
  summary: string;
  error: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const summary = form.text('easyReadSummary');
  const version = form.version();
  if (summary.length > MAX_LENGTH) {
    return data<EasyReadActionData>(
      { summary, error: `Easy Read summary must be ${MAX_LENGTH} characters or fewer` },
      { status: 400 },
    );
  }
  const planId = params.planId ?? '';
  const sectionKey = params.sectionKey ?? '';
  const outcome = await runTransition(context, UPDATE_EASY_READ, {
    input: {
      planId,
      sectionKey,
      version: Number.isInteger(version) ? version : 0,
      easyReadSummary: summary || null,
    },
  });
  if (outcome.ok)
    throw redirect(
      `${planPath(planId, `/sections/${encodeURIComponent(sectionKey)}/easy-read`)}?saved=1`,
    );
  const error =
    outcome.fieldErrors.easyReadSummary ??
    (outcome.status === 409
      ? 'Someone else changed this section since you opened it. Check the summary below and save again.'
      : outcome.message);
  return data<EasyReadActionData>({ summary, error }, { status: outcome.status });
}

export default function EasyRead() {
  const { plan, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const { section } = plan;
  const sectionUrl = planPath(plan.id, `/sections/${encodeURIComponent(section.key)}`);
  return (
    <>
      <BackLink href={planPath(plan.id)}>Back to the plan</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {failure && <ErrorSummary errors={[{ href: 'easyReadSummary', text: failure.error }]} />}
          {saved && !failure && (
            <NotificationBanner type="success" heading="Easy Read summary saved" />
          )}
          <span className="govuk-caption-l">{section.title}</span>
          <h1 className="govuk-heading-l">Easy Read summary</h1>
          <p className="govuk-body">
            A few short sentences about what the{' '}
            <a className="govuk-link" href={sectionUrl}>
              {section.title.toLowerCase()} section
            </a>{' '}
            promises, for children, young people and families. It is published with the plan.
          </p>
          {section.viewerCanEdit ? (
            <form method="post" noValidate>
              <input type="hidden" name="version" value={section.version} />
              <Textarea
                id="easyReadSummary"
                name="easyReadSummary"
                label="Easy Read summary"
                labelSize="m"
                hint="Use short sentences and everyday words. One idea in each sentence. Leave it empty to remove the summary."
                rows={8}
                maxLength={MAX_LENGTH}
                errorMessage={failure?.error}
                defaultValue={failure?.summary ?? section.easyReadSummary ?? ''}
              />
              <Button>Save Easy Read summary</Button>
            </form>
          ) : section.easyReadSummary ? (
            <InsetText>{section.easyReadSummary}</InsetText>
          ) : (
            <p className="govuk-body">This section has no Easy Read summary yet.</p>
          )}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
