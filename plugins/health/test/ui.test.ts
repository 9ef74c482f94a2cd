// The health section's UI entry: what the app renders and the input it sends.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ui from '../src/ui/index.tsx';

const section = ui.sections.health;
if (!section) throw new Error('the health section UI is missing');

const saved = {
  version: 2,
  health: { icbExecutiveLead: 'Sam Okafor', icbExecutiveLeadRole: 'Chief Nursing Officer', dcoName: 'Dr Asha Patel', dcoRole: null, dcoEmail: null },
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
      createElement(section.Editor, { values: section.toValues(saved), errors: { dcoEmail: 'Enter an email address in the correct format' } }),
    );
    expect(html).toContain('id="dcoName" name="dcoName" type="text" aria-describedby="dcoName-hint" value="Dr Asha Patel"');
    expect(html).toContain('aria-describedby="dcoEmail-error"');
    expect(html).toContain('Enter an email address in the correct format');
  });

  it('sends blanks as null with the version it edits', () => {
    const form = new FormData();
    form.set('icbExecutiveLead', ' Sam Okafor ');
    form.set('dcoName', '');
    expect(section.toVariables(form, { planId: 'p1', version: 2 })).toEqual({
      input: { planId: 'p1', version: 2, icbExecutiveLead: 'Sam Okafor', icbExecutiveLeadRole: null, dcoName: null, dcoRole: null, dcoEmail: null },
    });
  });
});
