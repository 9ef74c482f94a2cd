// The health section's UI entry: what the app renders and the input it sends.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ui from '../src/ui/index.tsx';

const section = ui.sections.health;
if (!section) throw new Error('the health section UI is missing');

const saved = {
  version: 2,
  health: {
    icbExecutiveLead: 'Sam Okafor',
    icbExecutiveLeadRole: 'Chief Nursing Officer',
    dcoName: 'Dr Asha Patel',
    dcoRole: null,
    dcoEmail: null,
    jointCommissioning: [],
    therapies: null,
    mentalHealth: { summary: null, waits: null },
    neurodevelopmental: { summary: null, waits: null },
  },
};

describe('health section UI', () => {
  it('belongs to the health plugin and asks for the section by key', () => {
    expect(ui.pluginId).toBe('health');
    expect(section.query).toContain('section(key: "health")');
    expect(section.mutation).toContain('result: updateHealthSection(input: $input)');
    expect(section.mutation).toContain('... on SectionConflictError');
  });

  it('shows the ICB executive lead and the DCO/DMO read-only', () => {
    const html = renderToStaticMarkup(createElement(section.Summary, { section: saved }));
    expect(html).toContain('govuk-summary-list');
    expect(html).toContain('Dr Asha Patel');
    expect(html).toContain('Designated clinical or medical officer (DCO/DMO)');
    expect(html).toContain('Not given yet');
  });

  it('edits every field with its error beside it', () => {
    const html = renderToStaticMarkup(
      createElement(section.Editor, {
        values: section.toValues(saved),
        errors: { dcoEmail: 'Enter an email address in the correct format' },
      }),
    );
    expect(html).toMatch(/<input[^>]*id="dcoName" name="dcoName"[^>]*value="Dr Asha Patel"/);
    expect(html).toContain('aria-describedby="dcoName-hint"');
    // Lists: the saved rows plus one blank row; groups: one input per field.
    expect(html).toContain('name="jointCommissioning.0.what"');
    expect(html).not.toContain('name="jointCommissioning.1.what"');
    expect(html).toContain('name="mentalHealth.summary"');
    expect(html).toContain('aria-describedby="dcoEmail-error"');
    expect(html).toContain('Enter an email address in the correct format');
  });

  it('sends blanks as null with the version it edits', () => {
    const form = new FormData();
    form.set('icbExecutiveLead', ' Sam Okafor ');
    form.set('dcoName', '');
    form.set('jointCommissioning.0.what', 'Speech and language therapy');
    form.set('jointCommissioning.0.by', '');
    form.set('jointCommissioning.0.budget', 'Pooled budget');
    form.set('jointCommissioning.1.what', ' ');
    form.set('jointCommissioning.1.by', '');
    form.set('mentalHealth.waits', '14 weeks');
    expect(section.toVariables(form, { planId: 'p1', version: 2 })).toEqual({
      input: {
        planId: 'p1',
        version: 2,
        icbExecutiveLead: 'Sam Okafor',
        icbExecutiveLeadRole: null,
        dcoName: null,
        dcoRole: null,
        dcoEmail: null,
        // The blank row is dropped.
        jointCommissioning: [
          { what: 'Speech and language therapy', by: null, budget: 'Pooled budget' },
        ],
        therapies: null,
        mentalHealth: { summary: null, waits: '14 weeks' },
        neurodevelopmental: { summary: null, waits: null },
      },
    });
  });
});
