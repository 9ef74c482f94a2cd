// The alternative provision section's UI entry (the SDK's generic section UI over its fields).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NORTHSHIRE_AP } from '../src/server/seed-data.ts';
import ui from '../src/ui/index.tsx';

const section = ui.sections['alternative-provision'];
if (!section) throw new Error('the alternative provision section UI is missing');

const saved = { version: 3, alternativeProvision: NORTHSHIRE_AP };

describe('alternative provision section UI', () => {
  it('belongs to the plugin and asks for the section by key', () => {
    expect(ui.pluginId).toBe('alternative-provision');
    expect(section.query).toContain('section(key: "alternative-provision")');
    expect(section.query).toContain(
      'movements { id term intoAp returnedToMainstream movedToSpecialSchool post16Destination }',
    );
    expect(section.mutation).toContain('result: updateAlternativeProvisionSection(input: $input)');
    expect(section.mutation).toContain('... on SectionConflictError');
  });

  it('summarises the tiers, the budget, the outcomes and the movements read-only', () => {
    const html = renderToStaticMarkup(createElement(section.Summary, { section: saved }));
    expect(html).toContain('Tier 1: Targeted support in mainstream schools');
    expect(html).toContain('£6,850,000');
    expect(html).toContain('APO-5: Successful post-16 transitions');
    expect(html).toContain('Not given yet'); // APO-5's target
    expect(html).toContain('85%'); // APO-1's target, as the API reads it from the metric target
    expect(html).toContain('<th scope="row" class="govuk-table__header">Summer 2026</th>');
    // Headings go no deeper than h3 (the app's "Section details" is an h2).
    expect(html).not.toMatch(/<h[456]/);
  });

  it('says what is not given yet on an empty section', () => {
    const html = renderToStaticMarkup(
      createElement(section.Summary, { section: { version: 0, alternativeProvision: null } }),
    );
    expect(html).toContain('No pupil movements given yet.');
    expect(html.match(/Not given yet/g)!.length).toBe(3 * 2 + 2 + 5 * 2);
  });

  it('edits every field, with one blank row to add another term', () => {
    const html = renderToStaticMarkup(
      createElement(section.Editor, {
        values: section.toValues(saved),
        errors: { budget: 'The AP budget must be 0 or more' },
      }),
    );
    expect(html).toContain('name="tier2.providers"');
    expect(html).toContain('name="apo5.target"');
    expect(html).toContain('name="movements.3.intoAp"'); // three saved terms + a blank row
    expect(html).not.toContain('name="movements.4.intoAp"');
    expect(html).toContain('The AP budget must be 0 or more');
  });

  it('sends counts as numbers, drops blank rows, and names the version it edits', () => {
    const form = new FormData();
    form.set('budget.amount', '£6,850,000');
    form.set('apo5.target', ' 90 ');
    form.set('movements.0.term', 'Autumn 2026');
    form.set('movements.0.intoAp', '12');
    form.set('movements.1.term', '');
    const { input } = section.toVariables(form, { planId: 'p1', version: 3 });
    expect(input).toMatchObject({
      planId: 'p1',
      version: 3,
      budget: { amount: 6_850_000, note: null },
      apo5: { measure: null, target: 90 },
      movements: [
        {
          term: 'Autumn 2026',
          intoAp: 12,
          returnedToMainstream: null,
          movedToSpecialSchool: null,
          post16Destination: null,
        },
      ],
    });
  });
});
