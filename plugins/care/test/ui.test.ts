// The social care section's UI entry: what the app renders and the input it sends.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ui from '../src/ui/index.tsx';
import { northshireCare } from '../src/server/seed-content.ts';

const section = ui.sections.care;
if (!section) throw new Error('the care section UI is missing');

const saved = {
  version: 2,
  care: { ...northshireCare(new Date('2026-11-28T00:00:00Z')), familyHubsSummary: null },
};

describe('social care section UI', () => {
  it('belongs to the care plugin and asks for the section by key', () => {
    expect(ui.pluginId).toBe('care');
    expect(section.query).toContain('section(key: "care")');
    expect(section.mutation).toContain('result: updateCareSection(input: $input)');
    expect(section.mutation).toContain('... on SectionConflictError');
  });

  it('summarises by theme, with GOV.UK dates and the aggregate counts as a table', () => {
    const html = renderToStaticMarkup(createElement(section.Summary, { section: saved }));
    expect(html).toContain('govuk-summary-list');
    expect(html).toContain(
      'href="https://www.northshire.example/local-offer/short-breaks-statement"',
    );
    expect(html).toContain(
      '<dt class="govuk-summary-list__key">Last reviewed with parents</dt><dd class="govuk-summary-list__value">1 June 2026</dd>',
    );
    expect(html).toContain('Aggregate counts for the area at 31 March 2026');
    expect(html).toMatch(
      /<th scope="row" class="govuk-table__header">Children in need<\/th><td class="govuk-table__cell govuk-table__cell--numeric">1,840<\/td>/,
    );
    expect(html).toContain('410');
    // Family hubs are not described in this fixture.
    expect(html).toContain('Not given yet');
  });

  it('summarises an empty section without failing', () => {
    const html = renderToStaticMarkup(
      createElement(section.Summary, { section: { version: 0, care: null } }),
    );
    expect(html).toContain('Aggregate counts for the area</caption>');
    expect(html.match(/Not given yet/g)?.length).toBe(13); // every field but the date of the counts, which only changes the caption
  });

  it('edits every field, says counts are aggregate only, and shows errors beside fields', () => {
    const html = renderToStaticMarkup(
      createElement(section.Editor, {
        values: section.toValues(saved),
        errors: { shortBreaksStatementUrl: 'Enter a real web address starting with https://' },
      }),
    );
    expect(html).toContain('name="shortBreaksLastReviewedWithParents"');
    expect(html).toContain('value="2026-06-01"');
    expect(html).toContain('Never enter a child’s name or details.');
    expect(html).toContain('Enter a real web address starting with https://');
  });

  it('sends numbers as numbers and blanks as null, with the version it edits', () => {
    const form = new FormData();
    form.set('shortBreaksLastReviewedWithParents', ' 2026-06-01 ');
    form.set('overnightRespitePlaces', '26');
    form.set('respiteSummary', '');
    const { input } = section.toVariables(form, { planId: 'p1', version: 2 }) as {
      input: Record<string, unknown>;
    };
    expect(input).toMatchObject({
      planId: 'p1',
      version: 2,
      shortBreaksLastReviewedWithParents: '2026-06-01',
      overnightRespitePlaces: 26,
      respiteSummary: null,
      childrenInNeedWithSend: null,
    });
  });
});
