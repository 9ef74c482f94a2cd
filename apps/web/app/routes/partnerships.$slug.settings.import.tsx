// Importing the GIAS establishment download: one upload, checked whole. A file with any problem
// writes nothing and the page lists each problem by row and column; a good file is written and the
// page says what changed.
import { data } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  Breadcrumbs,
  Button,
  ErrorMessage,
  ErrorSummary,
  FormGroup,
  Hint,
  NotificationBanner,
  SummaryList,
  Table,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql } from '../graphql.ts';
import { declaredUploadTooLarge, readCsvUpload, type CsvUpload } from '../lib/csv-upload.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';
import { importSettingsFile } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Import the GIAS establishment file', page.partnership.name);

const QUERY = graphql(`
  query SettingsImportPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerSettingsCategories
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const { partnership } = await partnershipPage(args, QUERY);
  if (partnership.viewerSettingsCategories.length === 0)
    forbidden(
      'Only the partnership lead, or the editors of the education or AP sections, can import settings',
    );
  return partnership;
}

export async function loader(args: LoaderFunctionArgs) {
  return { partnership: await load(args) };
}

interface Report {
  fileName: string;
  applied: boolean;
  totalRows: number;
  added: number;
  changed: number;
  unchanged: number;
  closed: number;
  errors: Array<{ row: number; column: string | null; message: string }>;
}

type ActionData = { fileError: string; report: null } | { fileError: null; report: Report };

/** The file's problem (none chosen, not a CSV, too large) as this page shows it. */
function refusedFile({ message, status, headers }: NonNullable<CsvUpload['problem']>) {
  return data<ActionData>({ fileError: message, report: null }, { status, headers });
}

export async function action(args: ActionFunctionArgs) {
  const tooLarge = declaredUploadTooLarge(args.request);
  if (tooLarge?.problem) return refusedFile(tooLarge.problem);
  const partnership = await load(args);
  const { file, problem } = await readCsvUpload(args.request);
  if (problem) return refusedFile(problem);
  const result = unlessRefused(await importSettingsFile(args.context, partnership.id, file));
  if (result.__typename === 'MutationImportSettingsSuccess') {
    const report = result.data;
    return data<ActionData>({ fileError: null, report }, { status: report.applied ? 200 : 400 });
  }
  const errors = formErrors(result, 'The selected file could not be imported');
  return data<ActionData>(
    { fileError: errors.file ?? Object.values(errors)[0] ?? '', report: null },
    { status: 400 },
  );
}

export default function ImportSettings() {
  const { partnership } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fileError = actionData?.fileError ?? null;
  const report = actionData?.report ?? null;
  const refused = report !== null && !report.applied;
  useErrorTitle(Boolean(fileError) || refused);
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: base },
          { text: 'Settings', href: `${base}/settings` },
          { text: 'Import' },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {fileError && <ErrorSummary errors={[{ href: 'file', text: fileError }]} />}
          {refused && (
            <ErrorSummary
              title="The file was not imported"
              errors={[
                {
                  href: 'problems',
                  text: `${report.errors.length === 1 ? '1 problem' : `${report.errors.length} problems`} in ${report.fileName}: nothing was saved`,
                },
              ]}
            />
          )}
          {report?.applied && (
            <NotificationBanner type="success" heading={`${report.fileName} imported`}>
              <p className="govuk-body">
                <a className="govuk-notification-banner__link" href={`${base}/settings`}>
                  Go to the settings directory
                </a>
              </p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">{partnership.name}</span>
          <h1 className="govuk-heading-l">Import the GIAS establishment file</h1>
          <p className="govuk-body">
            Download the establishment data for your local authorities from{' '}
            <a
              className="govuk-link"
              href="https://get-information-schools.service.gov.uk/Downloads"
            >
              Get Information about Schools
            </a>{' '}
            and upload it unchanged. Settings already in the directory are updated by their URN,
            never added twice. A setting GIAS shows as closed stays in the directory and leaves the
            published list. If any row has a problem, nothing is saved.
          </p>
          {report?.applied && (
            <>
              <h2 className="govuk-heading-m">What the import did</h2>
              <SummaryList
                rows={[
                  { key: 'Rows in the file', value: report.totalRows.toLocaleString('en-GB') },
                  { key: 'Settings added', value: report.added.toLocaleString('en-GB') },
                  { key: 'Settings changed', value: report.changed.toLocaleString('en-GB') },
                  { key: 'Settings unchanged', value: report.unchanged.toLocaleString('en-GB') },
                  { key: 'Newly closed', value: report.closed.toLocaleString('en-GB') },
                ]}
              />
            </>
          )}
          <form method="post" encType="multipart/form-data" noValidate>
            <FormGroup error={Boolean(fileError)}>
              <label className="govuk-label govuk-label--m" htmlFor="file">
                Upload the GIAS file (CSV)
              </label>
              <Hint id="file-hint">
                The establishment download, with its header row as GIAS writes it. UTF-8, smaller
                than 20 MB.
              </Hint>
              {fileError && <ErrorMessage id="file-error">{fileError}</ErrorMessage>}
              <input
                className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
                id="file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
              />
            </FormGroup>
            <Button>Import file</Button>
          </form>
        </div>
      </div>
      {refused && (
        <>
          <h2 className="govuk-heading-m" id="problems" tabIndex={-1}>
            Problems in the file
          </h2>
          <Table
            caption={`${report.fileName}: fix these rows and upload the file again`}
            captionSize="s"
            head={[{ content: 'Row', numeric: true }, 'Column', 'Problem']}
            rows={report.errors.map((e) => [
              { content: e.row === 0 ? 'File' : String(e.row), numeric: true },
              e.column ?? '',
              e.message,
            ])}
          />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
