// One download holding several formats (the web app's export.zip and the CSV download, which is
// several files). Uses jszip, which docx already depends on.
import type { Publication } from '@lip/core/snapshot';
import JSZip from 'jszip';
import { renderCsv } from './csv.ts';
import { renderDocx } from './docx.ts';
import { renderHtmlDocument } from './document.tsx';
import { publicationJsonSchemaText, renderJson } from './json.ts';

export type ZipFormat = 'csv' | 'json' | 'docx' | 'html';

export interface ZipOptions {
  /** Which formats to include (default all). */
  formats?: ZipFormat[];
  /** File name stem for the single-file formats (default "plan"). */
  stem?: string;
}

/**
 * A zip of the chosen formats: CSV files under `csv/` (with their metadata and data guidance,
 * each starting with a UTF-8 byte-order mark for Excel),
 * `<stem>.json` with `publication.schema.json`, `<stem>.docx`, `<stem>.html`. Entries carry the
 * version's freeze time, so without the DOCX (which records when it was made) the same publication
 * gives the same bytes.
 */
export async function renderZip(
  publication: Publication,
  options: ZipOptions = {},
): Promise<Buffer> {
  const formats = new Set(options.formats ?? ['csv', 'json', 'docx', 'html']);
  const stem = options.stem ?? 'plan';
  const date = new Date(publication.snapshot.takenAt);
  const zip = new JSZip();
  if (formats.has('csv')) {
    // A byte-order mark on each, as on the single CSV downloads, so Excel reads them as UTF-8.
    // No folder entry for csv/: jszip would date it now, and the same publication must give the
    // same bytes whenever it is zipped.
    for (const file of renderCsv(publication).files)
      zip.file(`csv/${file.name}`, `\uFEFF${file.content}`, { date, createFolders: false });
  }
  if (formats.has('json')) {
    zip.file(`${stem}.json`, renderJson(publication), { date });
    zip.file('publication.schema.json', publicationJsonSchemaText(), { date });
  }
  if (formats.has('docx')) zip.file(`${stem}.docx`, await renderDocx(publication), { date });
  if (formats.has('html')) zip.file(`${stem}.html`, renderHtmlDocument(publication), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
