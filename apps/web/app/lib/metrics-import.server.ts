// GraphQL documents and form handling for the observations import (docs/api-metrics.md):
// upload → mapping → dry run (CHECKING, polled) → report → apply.
import type { AppLoadContext } from '@remix-run/node';
import { MAPPING_COLUMNS, type ImportMapping } from '../components/metrics/mapping-columns.ts';
import { gql, notFound, requireViewer, type UnionResult } from './graphql.server.ts';

export type { ImportMapping };

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReportRow {
  row: number;
  action: string;
  metricId: string | null;
  geography: string | null;
  period: string | null;
  breakdown: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

const MAPPING_FIELDS = `
  timePeriodColumn timeIdentifierColumn geographicLevelColumn geographyCodeColumn indicatorColumn valueColumn
  numeratorColumn denominatorColumn filterColumns metricForIndicator { indicator metricId }
`;
const REPORT_FIELDS = 'row action metricId geography period breakdown before after reason';

const IMPORT_QUERY = /* GraphQL */ `
  query ObservationImportPage($slug: String!, $id: ID!) {
    viewer { id }
    partnership(slug: $slug) {
      id slug name
      metrics { id title theme isLocal }
      disclosure { viewerCanEdit }
    }
    observationImport(id: $id) {
      id fileName status version columns indicators createdAt appliedAt
      totalRows processedRows addedRows changedRows unchangedRows refusedRows
      mapping { ${MAPPING_FIELDS} }
      errors { row column message }
      added: report(action: ADD) { ${REPORT_FIELDS} }
      changed: report(action: CHANGE) { ${REPORT_FIELDS} }
      unchanged: report(action: UNCHANGED) { ${REPORT_FIELDS} }
      refused: report(action: REFUSE) { ${REPORT_FIELDS} }
    }
  }
`;

export interface ObservationImport {
  id: string;
  fileName: string;
  status: string;
  version: number;
  columns: string[];
  indicators: string[];
  createdAt: string;
  appliedAt: string | null;
  totalRows: number;
  processedRows: number;
  addedRows: number;
  changedRows: number;
  unchangedRows: number;
  refusedRows: number;
  mapping: ImportMapping;
  errors: ImportRowError[];
  added: ImportReportRow[];
  changed: ImportReportRow[];
  unchanged: ImportReportRow[];
  refused: ImportReportRow[];
}

interface ImportQueryData {
  viewer: { id: string } | null;
  partnership: {
    id: string;
    slug: string;
    name: string;
    metrics: Array<{ id: string; title: string; theme: string; isLocal: boolean }>;
    disclosure: { viewerCanEdit: boolean };
  } | null;
  observationImport: ObservationImport | null;
}

/** The import and its partnership; 404 unless both exist, are visible and belong together. */
export async function loadImport(
  context: AppLoadContext,
  request: Request,
  slug: string,
  importId: string,
) {
  const data = requireViewer(
    request,
    await gql<ImportQueryData>(context, IMPORT_QUERY, { slug, id: importId }),
  );
  if (!data.partnership || !data.observationImport) notFound();
  return { partnership: data.partnership, observationImport: data.observationImport };
}

const UPLOAD = /* GraphQL */ `
  mutation UploadObservations($input: UploadObservationsInput!) {
    result: uploadObservations(input: $input) {
      __typename
      ... on MutationUploadObservationsSuccess {
        data {
          id
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

type MutationResult<T> = { result: UnionResult & { data?: T } };

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
    fileName: file.name,
    contentBase64: bytes.toString('base64'),
  };
  return (await gql<MutationResult<{ id: string }>>(context, UPLOAD, { input })).result;
}

const CHECK = /* GraphQL */ `
  mutation CheckObservationImport($input: CheckObservationImportInput!) {
    result: checkObservationImport(input: $input) {
      __typename
      ... on MutationCheckObservationImportSuccess {
        data {
          id
          status
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

/** The mapping form's fields as the mutation's ImportMappingInput. */
export function mappingFromForm(form: FormData): ImportMapping {
  const text = (name: string): string | null => {
    const value = form.get(name);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const mapping: ImportMapping = {
    timePeriodColumn: null,
    timeIdentifierColumn: null,
    geographicLevelColumn: null,
    geographyCodeColumn: null,
    indicatorColumn: null,
    valueColumn: null,
    numeratorColumn: null,
    denominatorColumn: null,
    filterColumns: form
      .getAll('filterColumns')
      .filter((v): v is string => typeof v === 'string' && v !== ''),
    metricForIndicator: [],
  };
  for (const { name } of MAPPING_COLUMNS) mapping[name] = text(name);
  const indicators = form.getAll('indicator').filter((v): v is string => typeof v === 'string');
  mapping.metricForIndicator = indicators.map((indicator, i) => ({
    indicator,
    metricId: text(`metricForIndicator-${i}`),
  }));
  return mapping;
}

export async function checkImport(
  context: AppLoadContext,
  id: string,
  version: number,
  mapping: ImportMapping,
) {
  return (
    await gql<MutationResult<{ id: string; status: string }>>(context, CHECK, {
      input: { id, version, mapping },
    })
  ).result;
}

const APPLY = /* GraphQL */ `
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
`;

export async function applyImport(context: AppLoadContext, id: string, version: number) {
  return (
    await gql<MutationResult<{ id: string; status: string }>>(context, APPLY, {
      input: { id, version },
    })
  ).result;
}

/** A mutation's refusal as a page response: 403, 404, else null (the page shows the message). */
export function refusalResponse(result: UnionResult): Response | null {
  if (result.__typename === 'ForbiddenError') return new Response('Forbidden', { status: 403 });
  if (result.__typename === 'NotFoundError') return new Response('Not found', { status: 404 });
  return null;
}
