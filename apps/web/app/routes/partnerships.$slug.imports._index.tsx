import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, ErrorMessage, ErrorSummary, FormGroup, Hint, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { IMPORT_STATUSES } from '../components/metrics/labels.ts';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql } from '../graphql.ts';
import { declaredUploadTooLarge, readCsvUpload, type CsvUpload } from '../lib/csv-upload.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { uploadFile } from '../lib/metrics-import.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Import figures', page.partnership.name);

const QUERY = graphql(`
  query ImportsPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      disclosure {
        viewerCanEdit
      }
      observationImports {
        id
        fileName
        status
        createdAt
        totalRows
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  return (await partnershipPage(args, QUERY)).partnership;
}

export async function loader(args: LoaderFunctionArgs) {
  const partnership = await load(args);
  const planId = new URL(args.request.url).searchParams.get('plan');
  return { partnership, planId };
}

interface ActionData {
  errors: Record<string, string>;
}

/** The file's problem (none chosen, not a CSV, too large) as this page shows it. */
function refusedFile({ message, status, headers }: NonNullable<CsvUpload['problem']>) {
  return data<ActionData>({ errors: { file: message } }, { status, headers });
}

export async function action(args: ActionFunctionArgs) {
  const tooLarge = declaredUploadTooLarge(args.request);
  if (tooLarge?.problem) return refusedFile(tooLarge.problem);
  const partnership = await load(args);
  const { file, form, problem } = await readCsvUpload(args.request);
  if (problem) return refusedFile(problem);
  const result = unlessRefused(
    await uploadFile(args.context, partnership.id, file, form.optional('planId') ?? null),
  );
  if (result.__typename === 'MutationUploadObservationsSuccess') {
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/imports/${encodeURIComponent(result.data.id)}/mapping`,
    );
  }
  const errors = formErrors(result, 'The selected file could not be uploaded');
  // Every problem here is about the file.
  const message = errors.file ?? errors.contentBase64 ?? Object.values(errors)[0] ?? '';
  return data<ActionData>({ errors: { file: message } }, { status: 400 });
}

export default function Imports() {
  const { partnership, planId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fileError = actionData?.errors.file;
  useErrorTitle(Boolean(fileError));
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: base },
          { text: 'Import figures' },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {fileError && <ErrorSummary errors={[{ href: 'file', text: fileError }]} />}
          <span className="govuk-caption-l">{partnership.name}</span>
          <h1 className="govuk-heading-l">Import figures</h1>
          <p className="govuk-body">
            Upload published figures as a CSV file in the Department for Education’s tidy layout:
            one row per time period, geography, breakdown and indicator. Include the England and
            regional figures you want to compare with. Nothing is saved until you have checked the
            file and chosen to import it.
          </p>
          {partnership.disclosure.viewerCanEdit ? (
            <form method="post" encType="multipart/form-data" noValidate>
              {planId && <input type="hidden" name="planId" value={planId} />}
              <FormGroup error={Boolean(fileError)}>
                <label className="govuk-label govuk-label--m" htmlFor="file">
                  Upload a CSV file
                </label>
                <Hint id="file-hint">The file must be UTF-8 and smaller than 20 MB.</Hint>
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
              <Button>Upload file</Button>
            </form>
          ) : (
            <p className="govuk-body">Only the partnership lead can import figures.</p>
          )}
        </div>
      </div>
      <h2 className="govuk-heading-m">Earlier imports</h2>
      {partnership.observationImports.length === 0 ? (
        <p className="govuk-body">No files have been imported yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Files uploaded, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                File
              </th>
              <th scope="col" className="govuk-table__header">
                Uploaded
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Rows
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {partnership.observationImports.map((imp) => {
              const status = IMPORT_STATUSES[imp.status] ?? {
                text: imp.status,
                colour: 'grey' as const,
              };
              return (
                <tr key={imp.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    <a
                      className="govuk-link"
                      href={`${base}/imports/${encodeURIComponent(imp.id)}`}
                    >
                      {imp.fileName}
                    </a>
                  </th>
                  <td className="govuk-table__cell">{formatDate(imp.createdAt)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {imp.totalRows.toLocaleString('en-GB')}
                  </td>
                  <td className="govuk-table__cell">
                    <Tag colour={status.colour}>{status.text}</Tag>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
