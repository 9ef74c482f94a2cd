import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderCsv, renderJson, renderZip } from '../src/index.ts';
import { fixturePublication } from './fixtures.ts';

const publication = fixturePublication();

describe('renderZip', () => {
  it('holds every format, the CSV files byte for byte as renderCsv writes them', async () => {
    const zip = await JSZip.loadAsync(await renderZip(publication, { stem: 'northshire-v2' }));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort();
    const csvNames = renderCsv(publication).files.map((f) => `csv/${f.name}`);
    expect(names).toEqual(
      [
        ...csvNames,
        'northshire-v2.docx',
        'northshire-v2.html',
        'northshire-v2.json',
        'publication.schema.json',
      ].sort(),
    );
    for (const file of renderCsv(publication).files) {
      const bytes = await zip.file(`csv/${file.name}`)!.async('nodebuffer');
      // UTF-8 byte-order mark first, so Excel does not garble apostrophes; then the CSV itself.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(file.content);
    }
    expect(await zip.file('northshire-v2.json')!.async('string')).toBe(renderJson(publication));
  });

  it('includes only the formats asked for, and is the same bytes each time', async () => {
    const first = await renderZip(publication, { formats: ['csv'] });
    const zip = await JSZip.loadAsync(first);
    expect(Object.keys(zip.files).every((n) => n.startsWith('csv/'))).toBe(true);
    expect((await renderZip(publication, { formats: ['csv'] })).equals(first)).toBe(true);
  });
});
