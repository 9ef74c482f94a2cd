import { redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink, Button, NotificationBanner, SummaryList, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { ImportReportTable, RowErrorsTable } from '../components/metrics/ImportTables.tsx';
import { IMPORT_ACTIONS, IMPORT_STATUSES } from '../components/metrics/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { readForm } from '../lib/form.server.ts';
import { applyImport } from '../lib/metrics-import.server.ts';
import { unlessRefused } from '../lib/outcome.server.ts';
import { importPage, importPath } from '../lib/partnership/page.server.ts';

const IN_PROGRESS = new Set(['CHECKING', 'APPLYING']);

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) => {
  if (error || !page) return errorTitle(error);
  const title = pageTitle(
    page.observationImport.status === 'APPLIED' ? 'Figures imported' : 'Check the file',
    page.observationImport.fileName,
  );
  // Without JavaScript the page reloads itself every 2 seconds while the file is processed.
  return IN_PROGRESS.has(page.observationImport.status)
    ? [...title, { httpEquiv: 'refresh', content: '2' }]
    : title;
};

export async function loader(args: LoaderFunctionArgs) {
  const page = await importPage(args);
  if (page.observationImport.status === 'UPLOADED') throw redirect(importPath(page, '/mapping'));
  return page;
}

export async function action(args: ActionFunctionArgs) {
  const page = await importPage(args);
  const form = await readForm(args.request);
  unlessRefused(await applyImport(args.context, page.observationImport.id, form.version()));
  // Applied, applying, or refused (a stale version: someone else changed it): the page shows the state.
  throw redirect(importPath(page));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export default function ImportReport() {
  const { partnership, observationImport: imp } = useLoaderData<typeof loader>();
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}/imports`;
  const status = IMPORT_STATUSES[imp.status] ?? { text: imp.status, colour: 'grey' as const };
  const inProgress = IN_PROGRESS.has(imp.status);
  const toImport = imp.addedRows + imp.changedRows;
  const canApply =
    imp.status === 'CHECKED' &&
    imp.refusedRows === 0 &&
    imp.errors.length === 0 &&
    toImport > 0 &&
    partnership.disclosure.viewerCanEdit;
  const reports = {
    ADD: imp.added,
    CHANGE: imp.changed,
    UNCHANGED: imp.unchanged,
    REFUSE: imp.refused,
  };
  const counts = {
    ADD: imp.addedRows,
    CHANGE: imp.changedRows,
    UNCHANGED: imp.unchangedRows,
    REFUSE: imp.refusedRows,
  };
  return (
    <>
      <BackLink href={base}>Back to imports</BackLink>
      {imp.status === 'APPLIED' && (
        <NotificationBanner type="success" heading={`${plural(toImport, 'row')} imported`}>
          <p className="govuk-body">
            The dashboards of this partnership’s plans now show these figures.
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{imp.fileName}</span>
      <h1 className="govuk-heading-l">
        {imp.status === 'APPLIED' ? 'Figures imported' : 'Check the file'}
      </h1>
      <p className="govuk-body">
        Status: <Tag colour={status.colour}>{status.text}</Tag>
      </p>

      <div aria-live="polite" aria-atomic="true" className="govuk-!-margin-bottom-6">
        {inProgress && (
          <>
            <p className="govuk-body govuk-!-font-weight-bold" id="progress">
              {imp.status === 'CHECKING' ? 'Checking' : 'Importing'}:{' '}
              {imp.processedRows.toLocaleString('en-GB')} of {imp.totalRows.toLocaleString('en-GB')}{' '}
              rows
            </p>
            <progress
              className="govuk-!-width-two-thirds"
              max={Math.max(imp.totalRows, 1)}
              value={imp.processedRows}
              aria-labelledby="progress"
            />
            <p className="govuk-body">This page updates itself every few seconds.</p>
          </>
        )}
      </div>

      {!inProgress && (
        <>
          <SummaryList
            rows={[
              { key: 'Rows in the file', value: imp.totalRows.toLocaleString('en-GB') },
              ...IMPORT_ACTIONS.map((a) => ({
                key: a.text,
                value: counts[a.value].toLocaleString('en-GB'),
              })),
            ]}
          />

          {imp.errors.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Problems in the file</h2>
              <p className="govuk-body">
                Nothing can be imported until these are fixed. Correct the file and upload it again.
              </p>
              <RowErrorsTable errors={imp.errors} />
            </>
          )}

          {imp.status === 'CHECKED' &&
            imp.errors.length === 0 &&
            toImport === 0 &&
            imp.refusedRows === 0 && (
              <p className="govuk-body govuk-!-font-weight-bold">
                Every row is unchanged: these figures are already imported, so there is nothing to
                import.
              </p>
            )}

          {canApply && (
            <form method="post">
              <input type="hidden" name="version" value={imp.version} />
              <Button>{`Import ${plural(toImport, 'row')}`}</Button>
            </form>
          )}

          <div className="govuk-button-group">
            {(imp.status === 'CHECKED' || imp.status === 'FAILED') &&
              partnership.disclosure.viewerCanEdit && (
                <a className="govuk-link" href={`${base}/${encodeURIComponent(imp.id)}/mapping`}>
                  Change the column mapping
                </a>
              )}
            <a className="govuk-link" href={base}>
              Upload another file
            </a>
          </div>

          {IMPORT_ACTIONS.map((a) =>
            reports[a.value].length > 0 ? (
              <ImportReportTable
                key={a.value}
                caption={`${a.text} (${counts[a.value].toLocaleString('en-GB')})`}
                rows={reports[a.value]}
                shownOf={counts[a.value]}
              />
            ) : null,
          )}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
