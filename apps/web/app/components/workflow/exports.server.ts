// Renders a frozen version's Publication (publicationJson from GraphQL) into a download with
// @lip/publish. Shared by the members' export route and the public download route, so both give
// the same bytes for the same version.
import type { Publication } from '@lip/core/snapshot';
import {
  publicationJsonSchemaText,
  renderCsv,
  renderDocx,
  renderJson,
  renderZip,
} from '@lip/publish';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface Download {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export function parsePublication(json: string): Publication {
  // The API's own serialisation of a Publication (checked against its JSON Schema in @lip/publish tests).
  return JSON.parse(json) as Publication;
}

/** "northshire-plan-v2" */
export function fileStem(partnershipSlug: string, version: number): string {
  return `${partnershipSlug}-plan-v${version}`;
}

/** A members' export: docx, json, csv (the CSV files zipped) or zip (every format). null for an unknown format. */
export async function renderExport(
  publication: Publication,
  format: string,
  stem: string,
): Promise<Download | null> {
  switch (format) {
    case 'docx':
      return {
        body: await renderDocx(publication),
        contentType: DOCX_TYPE,
        fileName: `${stem}.docx`,
      };
    case 'json':
      return {
        body: renderJson(publication),
        contentType: 'application/json; charset=utf-8',
        fileName: `${stem}.json`,
      };
    case 'csv':
      return {
        body: await renderZip(publication, { formats: ['csv'], stem }),
        contentType: 'application/zip',
        fileName: `${stem}-csv.zip`,
      };
    case 'zip':
      return {
        body: await renderZip(publication, { stem }),
        contentType: 'application/zip',
        fileName: `${stem}.zip`,
      };
    default:
      return null;
  }
}

/** The public downloads by file name: plan.docx, plan.json, plan.zip, publication.schema.json and each CSV file. */
export async function renderPublicFile(
  publication: Publication,
  file: string,
  stem: string,
): Promise<Download | null> {
  switch (file) {
    case 'plan.docx':
    case 'plan.json':
    case 'plan.zip':
      return renderExport(publication, file.slice('plan.'.length), stem);
    case 'publication.schema.json':
      return {
        body: publicationJsonSchemaText(),
        contentType: 'application/schema+json; charset=utf-8',
        fileName: file,
      };
    default: {
      if (!file.endsWith('.csv')) return null;
      const csv = renderCsv(publication).files.find((f) => f.name === file);
      return csv
        ? {
            // A byte-order mark, so Excel reads the file as UTF-8 (not curly apostrophes as "â€™").
            body: `\uFEFF${csv.content}`,
            contentType: 'text/csv; charset=utf-8',
            fileName: `${stem}-${csv.name}`,
          }
        : null;
    }
  }
}

/** The CSV file names of a publication, for the public page's download list. */
export function csvFileNames(publication: Publication): string[] {
  return renderCsv(publication).files.map((f) => f.name);
}

export function downloadResponse(download: Download, cacheControl: string): Response {
  const body = typeof download.body === 'string' ? download.body : new Uint8Array(download.body);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': download.contentType,
      'Content-Disposition': `attachment; filename="${download.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
