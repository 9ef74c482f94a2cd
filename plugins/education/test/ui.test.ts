// The education section's UI entry: what the app renders and the input it sends.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ui from '../src/ui/index.tsx';
import { northshireEducation } from '../src/server/seed-content.ts';

const section = ui.sections.education;
if (!section) throw new Error('the education section UI is missing');

const saved = { version: 3, education: northshireEducation };

describe('education section UI', () => {
  it('belongs to the education plugin and asks for the section by key', () => {
    expect(ui.pluginId).toBe('education');
    expect(section.query).toContain('section(key: "education")');
    expect(section.query).toContain('oapPost16 { url summary }');
    expect(section.query).toContain(
      'specialistProvision { setting kind places additionalPlanned }',
    );
    expect(section.mutation).toContain('result: updateEducationSection(input: $input)');
    expect(section.mutation).toContain('... on SectionConflictError');
  });

  it('summarises every phase, the specialist settings and what is not given yet', () => {
    const html = renderToStaticMarkup(createElement(section.Summary, { section: saved }));
    expect(html).toContain('govuk-summary-list');
    expect(html).toContain('Ordinarily available provision: early years');
    expect(html).toContain('https://www.northshire.example/local-offer/oap/primary');
    expect(html).toContain('Specialist setting 2');
    expect(html).toContain('Resourced provision in a mainstream school');
    expect(html).toContain('SENCos holding the NPQ for SENCos');
    expect(html).toContain('141');
    // The post-16 link is not written in the demo.
    expect(html).toContain('Not given yet');
  });

  it('edits every field, with a blank row to add another specialist setting and errors beside fields', () => {
    const values = section.toValues(saved);
    expect(values['oapPrimary.url']).toBe('https://www.northshire.example/local-offer/oap/primary');
    expect(values['specialistProvision.2.places']).toBe('265');
    const html = renderToStaticMarkup(
      createElement(section.Editor, {
        values,
        errors: { ehcTimelinessTarget: 'The 20-week target must be 100 or less' },
      }),
    );
    expect(html).toContain('name="oapPost16.url"');
    expect(html).toContain('Specialist setting 4 (add another)');
    expect(html).toContain('The 20-week target must be 100 or less');
    expect(html).toContain('How the plan will improve EHC plan timeliness');
  });

  it('sends numbers as numbers, blanks as null and drops blank rows, with the version it edits', () => {
    const form = new FormData();
    form.set('oapEarlyYears.url', ' https://www.northshire.example/ey ');
    form.set('oapEarlyYears.summary', '');
    form.set('sencoCount', '312');
    form.set('specialistProvision.0.setting', 'Beacon School');
    form.set('specialistProvision.0.kind', 'SPECIAL_SCHOOL');
    form.set('specialistProvision.0.places', '120');
    form.set('specialistProvision.1.setting', '');
    form.set('specialistProvision.1.places', '');
    const { input } = section.toVariables(form, { planId: 'p1', version: 3 }) as {
      input: Record<string, unknown>;
    };
    expect(input).toMatchObject({
      planId: 'p1',
      version: 3,
      oapEarlyYears: { url: 'https://www.northshire.example/ey', summary: null },
      sencoCount: 312,
      npqSencoCount: null,
      specialistProvision: [
        { setting: 'Beacon School', kind: 'SPECIAL_SCHOOL', places: 120, additionalPlanned: null },
      ],
    });
  });
});
