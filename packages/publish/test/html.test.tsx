import axe from 'axe-core';
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PublishedPlan, renderHtmlDocument } from '../src/index.ts';
import {
  EVIDENCE,
  FORUM_CONCERNS,
  PLUGIN_COUNTS,
  SUPPRESSED,
  fixturePublication,
} from './fixtures.ts';

const publication = fixturePublication();

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('PublishedPlan', () => {
  const document = parse(renderToStaticMarkup(<PublishedPlan publication={publication} />));
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];

  it('has one h1 first and never skips a heading level', () => {
    expect(headings[0]?.tagName).toBe('H1');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    let previous = 1;
    for (const heading of headings) {
      const level = Number(heading.tagName.slice(1));
      expect(level - previous, `"${text(heading)}" jumps from h${previous}`).toBeLessThanOrEqual(1);
      previous = level;
    }
  });

  it('puts every section in an h2, in order, followed by its commitments in h3s', () => {
    const sectionTitles = publication.snapshot.sections.map((s) => s.title);
    const h2s = headings.filter((h) => h.tagName === 'H2').map(text);
    expect(h2s.filter((t) => sectionTitles.includes(t))).toEqual(sectionTitles);

    for (const section of publication.snapshot.sections) {
      const h2 = headings.find((h) => h.tagName === 'H2' && text(h) === section.title)!;
      const start = headings.indexOf(h2);
      const next = headings.findIndex((h, i) => i > start && h.tagName === 'H2');
      const h3s = headings.slice(start + 1, next).map(text);
      const expected = publication.snapshot.commitments
        .filter((c) => c.sectionKey === section.key)
        .map((c) => `${c.reference}: ${c.title}`.replace(/\s+/g, ' '));
      expect(h3s).toEqual(expected);
    }
    expect(
      headings.filter((h) => h.tagName === 'H3' && /^[A-Z]{2}-\d\d:/.test(text(h))),
    ).toHaveLength(40);
  });

  it('has a contents list linking to an anchor for every section', () => {
    const links = [...document.querySelectorAll('nav[aria-labelledby="contents"] a')];
    for (const section of publication.snapshot.sections) {
      const link = links.find((a) => text(a) === section.title);
      expect(link, section.title).toBeDefined();
      const target = document.getElementById(link!.getAttribute('href')!.slice(1));
      expect(text(target)).toBe(section.title);
    }
  });

  it('shows each written Easy Read summary in a labelled block, and none where not written', () => {
    const blocks = [...document.querySelectorAll('.govuk-inset-text')].filter((b) =>
      text(b).startsWith('Easy Read summary'),
    );
    const written = publication.snapshot.sections.filter((s) => s.easyReadSummary);
    expect(blocks).toHaveLength(written.length);
    for (const section of written) {
      expect(blocks.some((b) => text(b).includes(section.easyReadSummary!))).toBe(true);
    }
  });

  it('says where a section has no Easy Read summary yet, and puts a written one before the detail', () => {
    for (const section of publication.snapshot.sections) {
      const part = document.getElementById(`section-${section.key}`)!.closest('section')!;
      const firstInset = part.querySelector('.govuk-inset-text');
      expect(text(firstInset)).toMatch(
        section.easyReadSummary
          ? /^Easy Read summary/
          : /^There is no Easy Read summary of this section yet/,
      );
      // Before the section's own summary and fields.
      const summary = [...part.querySelectorAll('p')].find((p) =>
        text(p).startsWith('How the partnership will improve'),
      );
      expect(firstInset!.compareDocumentPosition(summary!) & 4).toBe(4); // FOLLOWING
    }
  });

  it('leads back to the contents after every part', () => {
    const parts = [...document.querySelectorAll('article > section')];
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts)
      expect(part.querySelector('a[href="#contents"]')?.textContent).toBe('Back to contents');
  });

  it('names areas and breakdowns in words, never by their codes', () => {
    const figures = document.getElementById('metrics')!.closest('section')!;
    const shown = text(figures);
    expect(shown).toContain('Primary need: Visual impairment');
    expect(shown).toContain('Northshire (local authority)');
    expect(shown).not.toContain('primary_need');
    expect(shown).not.toContain('E10000099');
  });

  it('makes web addresses links and keeps the parts of a value on their own lines', () => {
    const withLinks = fixturePublication();
    const health = withLinks.snapshot.sections[0]!;
    health.fields = [
      {
        key: 'offer',
        label: 'Local offer',
        value: 'See https://northshire.example/local-offer.',
      },
      {
        key: 'pathways',
        label: 'Pathways',
        value: 'Pathway: Autism\nWaiting: 18 weeks\n\nPathway: ADHD\nWaiting: 40 weeks',
      },
    ];
    const page = parse(renderToStaticMarkup(<PublishedPlan publication={withLinks} />));
    const part = page.getElementById(`section-${health.key}`)!.closest('section')!;
    const link = part.querySelector('a[href="https://northshire.example/local-offer"]');
    expect(text(link)).toBe('https://northshire.example/local-offer');
    const rows = [...part.querySelectorAll('.govuk-summary-list__row')].find((r) =>
      text(r).startsWith('Pathways'),
    )!;
    const items = [...rows.querySelectorAll('li')];
    expect(items.map((li) => li.innerHTML)).toEqual([
      '<span>Pathway: Autism</span><span><br>Waiting: 18 weeks</span>',
      '<span>Pathway: ADHD</span><span><br>Waiting: 40 weeks</span>',
    ]);
  });

  it('shows owner organisation and dates for commitments', () => {
    const card = document.getElementById('commitment-ed-01')!.closest('.govuk-summary-card')!;
    expect(text(card)).toContain('Owner organisationNorthshire County Council');
    expect(text(card)).toContain('Start1 January 2026');
    expect(text(card)).toContain('Due28 January 2027');
  });

  it('has a coverage table with a caption and scoped headers', () => {
    const table = [...document.querySelectorAll('table')].find((t) =>
      text(t.querySelector('caption')).includes('standard area'),
    )!;
    expect(table).toBeDefined();
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(
      1 + publication.snapshot.sections.length,
    );
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(
      publication.snapshot.coverage.length,
    );
  });

  it('prints the symbol, explained, where a figure is suppressed', () => {
    const figures = [...document.querySelectorAll('table')].find(
      (t) => text(t.querySelector('caption')) === 'All published figures',
    )!;
    const row = [...figures.querySelectorAll('tbody tr')].find((r) =>
      text(r).includes('Visual impairment'),
    )!;
    const cell = row.lastElementChild!;
    expect(text(cell)).toBe('c');
    expect(cell.querySelector('abbr')?.getAttribute('title')).toBe('confidential (suppressed)');
    expect(SUPPRESSED.breakdown).toContain('Visual impairment');
    // Every symbol is explained on the page.
    const key = text(document.querySelector('dl[aria-labelledby="symbols"]'));
    for (const meaning of [
      'not applicable',
      'unavailable',
      'confidential (suppressed)',
      'rounds to zero but is not zero',
      'low reliability',
    ]) {
      expect(key).toContain(meaning);
    }
  });

  it('prints a plugin’s suppressed counts as "c" and explains it under the section’s details', () => {
    const section = document
      .getElementById(`section-${publication.snapshot.sections[0]!.key}`)!
      .closest('section')!;
    const row = [...section.querySelectorAll('.govuk-summary-list__row')].find(
      (r) => text(r.querySelector('dt')) === PLUGIN_COUNTS.label,
    )!;
    expect(text(row.querySelector('dd'))).toContain('Into AP: c');
    expect(text(row.querySelector('dd'))).toContain('Into AP: 20');
    const note = section.querySelector('abbr[data-symbol="c"]')!;
    expect(note.getAttribute('title')).toBe('confidential (suppressed)');
    expect(text(note.parentElement)).toMatch(
      /^c means confidential \(suppressed\): a count of children too small to publish/,
    );
    // Sections without a suppressed count have no such note.
    const other = document
      .getElementById(`section-${publication.snapshot.sections[1]!.key}`)!
      .closest('section')!;
    expect(other.querySelector('abbr[data-symbol="c"]')).toBeNull();
  });

  it('shows co-production with "you said, we did", sign-offs, version and date', () => {
    const page = text(document.body);
    expect(page).toContain('Tell us where we are on the waiting list.');
    expect(page).toContain('Monthly waiting-list letters from January 2027 (HE-02).');
    expect(page).toContain('Approved with conditions: Review therapy capacity in April 2027.');
    expect(page).toContain('Version 2 (published), published 2 November 2026.');
  });

  it('lists each commitment’s evidence under it: a link when it has one, its note and date', () => {
    const card = (reference: string) =>
      document
        .getElementById(`commitment-${reference.toLowerCase()}`)!
        .closest('.govuk-summary-card')!;
    const row = (reference: string) =>
      [...card(reference).querySelectorAll('.govuk-summary-list__row')].find(
        (r) => text(r.querySelector('dt')) === 'Evidence',
      );
    const [audit, formula] = EVIDENCE['ED-01']!;
    const linked = row('ED-01')!.querySelector(`a[href="${audit!.url}"]`);
    expect(text(linked)).toBe(audit!.title);
    expect(text(row('ED-01')!)).toContain('Ten schools audited, "good" in eight;');
    expect(text(row('ED-01')!)).toContain('Added 14 July 2026');
    // Evidence without a link is named, not linked; a title is never run as anything.
    expect(text(row('ED-01')!)).toContain(formula!.title);
    expect(row('ED-01')!.querySelectorAll('a')).toHaveLength(1);
    expect(text(row('ED-02')!)).toContain('Held by the inclusion team');
    expect(row('ED-03')).toBeUndefined();
  });

  it('publishes the forum’s concerns in its own words, after co-production and before sign-off', () => {
    const part = document.getElementById('forum-concerns')!.closest('section')!;
    expect(text(part.querySelector('h2'))).toBe('What the parent carer forum said');
    expect(text(part)).toContain('They are the forum’s own words, not the partnership’s.');
    const quote = part.querySelector('figure blockquote');
    expect(text(quote)).toContain(
      'Families want the waiting-well offer reviewed after six months.',
    );
    expect(text(quote)).toContain(FORUM_CONCERNS.split('\n')[1]!);
    expect(text(part.querySelector('figcaption'))).toBe('Northshire Parent Carer Forum');
    expect(text(part)).toContain(
      'Acknowledged by Alex Green, Chair, at Forum steering group on 23 October 2026.',
    );
    const h2s = headings.filter((h) => h.tagName === 'H2').map(text);
    const at = h2s.indexOf('What the parent carer forum said');
    expect(h2s[at - 1]).toBe('Co-production: you said, we did');
    expect(h2s[at + 1]).toBe('Sign-off');
    expect(document.querySelector('a[href="#forum-concerns"]')).not.toBeNull();

    // No concerns recorded: no such part, and nothing in the contents.
    const none = fixturePublication();
    none.version.signOffs = none.version.signOffs.map((s) => ({ ...s, concerns: null }));
    const without = parse(renderToStaticMarkup(<PublishedPlan publication={none} />));
    expect(without.getElementById('forum-concerns')).toBeNull();
    expect(without.querySelector('a[href="#forum-concerns"]')).toBeNull();
  });

  it('lists the downloads it is given', () => {
    const html = renderToStaticMarkup(
      <PublishedPlan
        publication={publication}
        downloads={[{ label: 'Board pack', href: '/x.docx', format: 'DOCX', size: '48 KB' }]}
      />,
    );
    expect(text(parse(html).querySelector('a[href="/x.docx"]')?.parentElement ?? null)).toBe(
      'Board pack (DOCX, 48 KB)',
    );
  });
});

describe('renderHtmlDocument', () => {
  const html = renderHtmlDocument(publication);

  it('is a complete page with GOV.UK styles inlined', () => {
    const document = parse(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toContain(publication.snapshot.plan.title);
    expect(document.querySelector('style')?.textContent).toContain('.govuk-summary-card');
    expect(document.querySelectorAll('main')).toHaveLength(1);
  });

  it('has no axe-core violations', async () => {
    // Styles left out: jsdom cannot lay out pages, and axe's colour checks would only be "incomplete".
    const dom = new JSDOM(renderHtmlDocument(publication, { inlineStyles: false }), {
      runScripts: 'outside-only',
    });
    dom.window.eval(axe.source);
    const windowWithAxe = dom.window as unknown as { axe: typeof axe };
    const results = await windowWithAxe.axe.run(dom.window.document, {
      rules: { 'color-contrast': { enabled: false } },
    });
    const summary = results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
    expect(summary).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });
});
