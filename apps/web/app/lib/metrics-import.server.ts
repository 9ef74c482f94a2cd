// GraphQL documents and form handling for the observations import (docs/api-metrics.md):
// upload → mapping → dry run (CHECKING, polled) → report → apply.
import type { AppLoadContext } from '@remix-run/node';
import {
  IMPORT_MAPPING_FIELDS,
  IMPORT_REPORT_ROW_FIELDS,
  IMPORT_ROW_ERROR_FIELDS,
} from '../components/metrics/fragments.ts';
import { MAPPING_COLUMNS, type ImportMapping } from '../components/metrics/mapping-columns.ts';
import { graphql, MUTATION_ERROR, type ResultOf } from '../graphql.ts';
import type { FormFields } from './form.server.ts';
import { gql } from './graphql.server.ts';
import { invariantResponse, requireViewer } from './outcome.server.ts';

export type { ImportMapping };

const IMPORT_QUERY = graphql(
  `
    query ObservationImportPage($slug: String!, $id: ID!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        id
        slug
        name
        metrics {
          id
          title
          theme
          isLocal
        }
        disclosure {
          viewerCanEdit
        }
      }
      observationImport(id: $id) {
        id
        fileName
        status
        version
        columns
        indicators
        createdAt
        appliedAt
        totalRows
        processedRows
        addedRows
        changedRows
        unchangedRows
        refusedRows
        mapping {
          ...ImportMappingFields
        }
        errors {
          ...ImportRowErrorFields
        }
        added: report(action: ADD) {
          ...ImportReportRowFields
        }
        changed: report(action: CHANGE) {
          ...ImportReportRowFields
        }
        unchanged: report(action: UNCHANGED) {
          ...ImportReportRowFields
        }
        refused: report(action: REFUSE) {
          ...ImportReportRowFields
        }
      }
    }
  `,
  [IMPORT_MAPPING_FIELDS, IMPORT_ROW_ERROR_FIELDS, IMPORT_REPORT_ROW_FIELDS],
);

export type ObservationImport = NonNullable<ResultOf<typeof IMPORT_QUERY>['observationImport']>;

/** The import and its partnership; 404 unless both exist, are visible and belong together. */
export async function loadImport(
  context: AppLoadContext,
  request: Request,
  slug: string,
  importId: string,
) {
  const data = requireViewer(request, await gql(context, IMPORT_QUERY, { slug, id: importId }));
  invariantResponse(data.partnership && data.observationImport);
  return { partnership: data.partnership, observationImport: data.observationImport };
}

const UPLOAD = graphql(
  `
    mutation UploadObservations($input: UploadObservationsInput!) {
      result: uploadObservations(input: $input) {
        __typename
        ... on MutationUploadObservationsSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

/** The largest file the API takes (it says so in its own message, "smaller than 20 MB"). */
export const MAX_UPLOAD_FILE_BYTES = 20 * 1024 * 1024;
/** The largest upload form read: the file plus room for multipart headers and the other fields. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_FILE_BYTES + 64 * 1024;
export const UPLOAD_TOO_LARGE = 'The selected file must be smaller than 20 MB';

/** Sends the uploaded file to the core (in process, as base64: GraphQL variables are JSON). */
export async function uploadFile(
  context: AppLoadContext,
  partnershipId: string,
  file: File,
  planId: string | null,
) {
  const bytes = Buffer.from(await file.arrayBuffer());
  const input = {
    partnershipId,
    planId,
    // A name is text: control characters (a NUL above all) are dropped, not sent.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    fileName: file.name.replace(/[\u0000-\u001f\u007f]/g, ''),
    contentBase64: bytes.toString('base64'),
  };
  return (await gql(context, UPLOAD, { input })).result;
}

const CHECK = graphql(
  `
    mutation CheckObservationImport($input: CheckObservationImportInput!) {
      result: checkObservationImport(input: $input) {
        __typename
        ... on MutationCheckObservationImportSuccess {
          data {
            id
            status
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

/**
 * The mapping form's fields as the mutation's ImportMappingInput (unchosen columns as null). Column
 * and indicator names are posted as the file has them, so they are read untrimmed.
 */
export function mappingFromForm(form: FormFields): ImportMapping {
  const strings = (name: string) =>
    form.data.getAll(name).filter((v): v is string => typeof v === 'string');
  const column = (name: string): string | null => strings(name)[0] || null;
  const mapping: ImportMapping = {
    timePeriodColumn: null,
    timeIdentifierColumn: null,
    geographicLevelColumn: null,
    geographyCodeColumn: null,
    indicatorColumn: null,
    valueColumn: null,
    numeratorColumn: null,
    denominatorColumn: null,
    filterColumns: strings('filterColumns').filter((v) => v !== ''),
    metricForIndicator: [],
  };
  for (const { name } of MAPPING_COLUMNS) mapping[name] = column(name);
  mapping.metricForIndicator = strings('indicator').map((indicator, i) => ({
    indicator,
    metricId: column(`metricForIndicator-${i}`),
  }));
  return mapping;
}

export async function checkImport(
  context: AppLoadContext,
  id: string,
  version: number,
  mapping: ImportMapping,
) {
  return (await gql(context, CHECK, { input: { id, version, mapping } })).result;
}

const APPLY = graphql(`
  mutation ApplyObservationImport($input: ApplyObservationImportInput!) {
    result: applyObservationImport(input: $input) {
      __typename
      ... on MutationApplyObservationImportSuccess {
        data {
          id
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export async function applyImport(context: AppLoadContext, id: string, version: number) {
  return (await gql(context, APPLY, { input: { id, version } })).result;
}
