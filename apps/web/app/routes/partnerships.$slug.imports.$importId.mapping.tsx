import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, Checkboxes, ErrorSummary, Select } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { themeTitle } from '../components/metrics/labels.ts';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { MAPPING_COLUMNS, type ImportMapping } from '../components/metrics/mapping-columns.ts';
import { checkImport, mappingFromForm } from '../lib/metrics-import.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { importPage, importPath } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Map the file’s columns', page.observationImport.fileName);

export async function loader(args: LoaderFunctionArgs) {
  const page = await importPage(args);
  if (!page.partnership.disclosure.viewerCanEdit) forbidden();
  return page;
}

interface ActionData {
  mapping: ImportMapping;
  errors: Record<string, string>;
}

/** Field names of the mapping form, for the error summary's links. */
function fieldId(key: string): string {
  if (key === 'metricForIndicator') return 'metricForIndicator-0';
  if (key === 'filterColumns') return 'filterColumns';
  return MAPPING_COLUMNS.some((c) => c.name === key) ? key : 'timePeriodColumn';
}

export async function action(args: ActionFunctionArgs) {
  const page = await importPage(args);
  const form = await readForm(args.request);
  const mapping = mappingFromForm(form);
  // The API says which columns the mapping needs (and whether the file has them).
  const result = unlessRefused(
    await checkImport(args.context, page.observationImport.id, form.version(), mapping),
  );
  if (result.__typename === 'MutationCheckObservationImportSuccess')
    throw redirect(importPath(page));
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(formErrors(result, 'The mapping could not be saved')))
    errors[key === 'mapping' ? '_form' : key] ??= message;
  return data<ActionData>({ mapping, errors }, { status: 400 });
}

export default function Mapping() {
  const { partnership, observationImport } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mapping = actionData?.mapping ?? observationImport.mapping;
  const errors = actionData?.errors ?? {};
  useErrorTitle(Object.keys(errors).length > 0);
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}/imports`;
  const columnOptions = [
    { value: '', text: 'Not in this file' },
    ...observationImport.columns.map((c) => ({ value: c, text: c })),
  ];
  const metricOptions = [
    { value: '', text: 'Do not import' },
    ...partnership.metrics.map((m) => ({
      value: m.id,
      text: `${m.title} (${m.isLocal ? 'local' : themeTitle(m.theme)})`,
    })),
  ];
  const metricFor = new Map(mapping.metricForIndicator.map((m) => [m.indicator, m.metricId]));
  const summary = Object.entries(errors).map(([key, text]) => ({
    href: key === '_form' ? 'timePeriodColumn' : fieldId(key),
    text,
  }));
  return (
    <>
      <BackLink href={base}>Back to imports</BackLink>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      <span className="govuk-caption-l">{observationImport.fileName}</span>
      <h1 className="govuk-heading-l">Map the file’s columns</h1>
      <p className="govuk-body">
        We have suggested a mapping from the Department for Education’s standard column names. Check
        it, then check the file. Nothing is saved until you choose to import.
      </p>
      <form method="post" noValidate>
        <input type="hidden" name="version" value={observationImport.version} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Columns</h2>
            {MAPPING_COLUMNS.map((c) => (
              <Select
                key={c.name}
                id={c.name}
                name={c.name}
                label={c.label}
                hint={c.hint}
                errorMessage={errors[c.name]}
                defaultValue={mapping[c.name] ?? ''}
                options={
                  c.name === 'geographyCodeColumn'
                    ? [
                        {
                          value: '',
                          text: 'By geographic level (country_code, region_code, new_la_code…)',
                        },
                        ...columnOptions.slice(1),
                      ]
                    : columnOptions
                }
              />
            ))}
            {observationImport.columns.length > 0 && (
              <Checkboxes
                idPrefix="filterColumns"
                name="filterColumns"
                legend="Breakdown columns"
                hint="Columns that split the figures, such as sen_status or primary_need. Rows for all pupils use the value Total."
                errorMessage={errors.filterColumns}
                values={mapping.filterColumns}
                items={observationImport.columns.map((c) => ({ value: c, text: c }))}
              />
            )}
          </div>
        </div>
        <h2 className="govuk-heading-m">Indicators</h2>
        {observationImport.indicators.length === 0 ? (
          <p className="govuk-body">The file has no indicator column, or it is not mapped yet.</p>
        ) : (
          <>
            <p className="govuk-body">
              Choose the metric each indicator in the file is a figure for.
            </p>
            {errors.metricForIndicator && (
              <p className="govuk-error-message">{errors.metricForIndicator}</p>
            )}
            {observationImport.indicators.map((indicator, i) => (
              <div key={indicator}>
                <input type="hidden" name="indicator" value={indicator} />
                <Select
                  id={`metricForIndicator-${i}`}
                  name={`metricForIndicator-${i}`}
                  label={
                    <>
                      Metric for <code>{indicator}</code>
                    </>
                  }
                  defaultValue={metricFor.get(indicator) ?? ''}
                  options={metricOptions}
                />
              </div>
            ))}
          </>
        )}
        <Button>Check the file</Button>
      </form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
