import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.ts';
import { EVIDENCE, FORUM_CONCERNS, PLUGIN_COUNTS, fixturePublication } from './fixtures.ts';

const publication = fixturePublication();

/** The text of each w:p, in order: run texts joined (line breaks as spaces), entities decoded. */
function paragraphTexts(xml: string): Array<{ style: string | null; text: string }> {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map(([whole, t]) => (whole === '<w:br/>' ? ' ' : decode(t ?? '')))
      .join(''),
  }));
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('renderDocx', () => {
  let xml = '';
  let styles = '';
  let core = '';
  let paragraphs: Array<{ style: string | null; text: string }> = [];

  beforeAll(async () => {
    const buffer = await renderDocx(publication);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const zip = await JSZip.loadAsync(buffer);
    xml = await zip.file('word/document.xml')!.async('string');
    styles = await zip.file('word/styles.xml')!.async('string');
    core = await zip.file('docProps/core.xml')!.async('string');
    paragraphs = paragraphTexts(xml);
  });

  it('starts with a title page naming the plan, partnership, period, version, state and date', () => {
    expect(paragraphs[0]).toEqual({ style: 'Title', text: publication.snapshot.plan.title });
    const titlePage = paragraphs.slice(0, 8).map((p) => p.text);
    expect(titlePage).toContain('Northshire SEND and AP Partnership');
    expect(titlePage).toContain('Period: 1 April 2026 to 31 March 2029');
    expect(titlePage).toContain('Version 2: Published');
    expect(titlePage).toContain('Published 2 November 2026');
  });

  it('declares British English and a document title', () => {
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>/);
    expect(core).toContain(`<dc:title>${publication.snapshot.plan.title} (version 2)</dc:title>`);
  });

  it('has a TOC field and a plain contents list linking to bookmarks on the headings', () => {
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;/);
    for (const section of publication.snapshot.sections) {
      const link = new RegExp(
        `<w:hyperlink[^>]*w:anchor="(b_[^"]+)"[^>]*>(?:(?!</w:hyperlink>)[\\s\\S])*<w:t[^>]*>${section.title}</w:t>`,
      ).exec(xml);
      expect(link, section.title).not.toBeNull();
      // The bookmark it points at sits in the section's Heading 1.
      const headingParagraph =
        new RegExp(
          `<w:p>(?:(?!</w:p>)[\\s\\S])*w:name="${link![1]}"(?:(?!</w:p>)[\\s\\S])*</w:p>`,
        ).exec(xml)?.[0] ?? '';
      expect(headingParagraph).toContain('<w:pStyle w:val="Heading1"/>');
      expect(headingParagraph).toContain(`>${section.title}</w:t>`);
    }
  });

  it('uses real heading styles: each section a Heading 1, in order, then the other parts', () => {
    const heading1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(heading1).toEqual([
      'Contents',
      ...publication.snapshot.sections.map((s) => s.title),
      'Coverage of the standards',
      'Metrics and targets',
      'Budget and tariffs',
      'Co-production: you said, we did',
      'What the parent carer forum said',
      'Sign-off',
    ]);
    expect(
      paragraphs.filter((p) => p.style === 'Heading2' && p.text === 'Easy Read summary'),
    ).toHaveLength(3);
  });

  it('has a commitments table per section with a header row, holding every commitment', () => {
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t]) => t ?? '');
    const commitmentTables = tables.filter(
      (t) => t.includes('>Reference<') && t.includes('>Standards<'),
    );
    expect(commitmentTables).toHaveLength(4);
    for (const t of tables) {
      // The first row of every table repeats as a header row.
      const firstRow = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(t)?.[1] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
    }
    const allText = paragraphs.map((p) => p.text).join('\n');
    for (const c of publication.snapshot.commitments) {
      expect(allText).toContain(c.reference);
      expect(allText).toContain(c.title);
    }
    const rowCount = commitmentTables.reduce((n, t) => n + (t.match(/<w:tr>/g)?.length ?? 0), 0);
    expect(rowCount).toBe(publication.snapshot.commitments.length + 4);
  });

  it('prints a plugin’s suppressed counts as "c", explained after the section’s details', () => {
    const texts = paragraphs.map((p) => p.text);
    const at = texts.findIndex((t) => t.startsWith(`${PLUGIN_COUNTS.label}: `));
    expect(texts[at]).toContain('Into AP: c');
    expect(texts[at + 1]).toBe(
      'c: confidential (suppressed), a count of children too small to publish',
    );
    expect(texts.filter((t) => t.startsWith('c: confidential (suppressed), a count'))).toHaveLength(
      1,
    );
  });

  it('has an evidence table for a section whose commitments have evidence, and none for the others', () => {
    const captions = paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions.filter((c) => c.startsWith('Evidence: '))).toEqual(['Evidence: Education']);
    const table = xml.slice(xml.indexOf('Evidence: Education'));
    const body = table.slice(0, table.indexOf('</w:tbl>'));
    for (const e of Object.values(EVIDENCE).flat()) {
      expect(body).toContain(`>${e.title.replace(/"/g, '&quot;')}<`);
      if (e.url) expect(body).toContain(e.url);
    }
    expect(body).toContain('>14 July 2026<');
  });

  it('prints the forum’s concerns as its words, quoted, after co-production and before sign-off', () => {
    const texts = paragraphs.map((p) => p.text);
    const heading1 = (text: string) =>
      paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === text);
    const at = heading1('What the parent carer forum said');
    expect(at).toBeGreaterThan(heading1('Co-production: you said, we did'));
    expect(at).toBeLessThan(heading1('Sign-off'));
    expect(texts[at + 1]).toContain('They are the forum’s own words, not the partnership’s.');
    expect(paragraphs[at + 2]).toEqual({
      style: 'Heading2',
      text: 'Northshire Parent Carer Forum',
    });
    expect(paragraphs[at + 3]).toEqual({
      style: 'Quote',
      text: FORUM_CONCERNS.replace('\n', ' '),
    });
    expect(texts[at + 4]).toBe(
      'Acknowledged by Alex Green, Chair, at Forum steering group on 23 October 2026.',
    );
    expect(styles).toContain('w:styleId="Quote"');
  });

  it('has the coverage, metrics (suppressed cell as "c") and sign-off tables', () => {
    const captions = paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions).toEqual(
      expect.arrayContaining([
        'Commitments by standard area and section',
        'Progress against targets',
        'All published figures',
        'Decisions recorded on this version',
      ]),
    );
    const figures = xml.slice(xml.indexOf('All published figures'));
    const suppressedRow =
      /<w:tr>(?:(?!<\/w:tr>)[\s\S])*Primary need: Visual impairment(?:(?!<\/w:tr>)[\s\S])*<\/w:tr>/.exec(
        figures,
      )?.[0] ?? '';
    const cells = [...suppressedRow.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(([, t]) => t);
    expect(cells.at(-1)).toBe('c');
    expect(paragraphs.map((p) => p.text)).toContain('c: confidential (suppressed)');
    expect(paragraphs.map((p) => p.text).join('\n')).toContain('Give us the same driver.');
  });
});
