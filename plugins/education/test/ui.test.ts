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
      'specialistProvision { id setting kind places additionalPlanned }',
    );
    expect(section.mutation).toContain('result: updateEducationSection(input: $input)');
    expect(section.mutation).toContain('... on SectionConflictError');
  });

  it('summarises by theme: a table of phases, a table of specialist places with totals', () => {
    const html = renderToStaticMarkup(createElement(section.Summary, { section: saved }));
    expect(html).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">What every setting provides without an EHC plan, by phase</caption>',
    );
    expect(html).toContain('<th scope="row" class="govuk-table__header">Early years</th>');
    expect(html).toContain(
      '<a class="govuk-link" href="https://www.northshire.example/local-offer/oap/primary">Read the guide<span class="govuk-visually-hidden"> to primary ordinarily available provision</span></a>',
    );
    // The post-16 guide is not published in the demo.
    expect(html).toMatch(
      /<th scope="row" class="govuk-table__header">Post-16<\/th><td class="govuk-table__cell"><span class="govuk-hint govuk-!-margin-0">Not given yet<\/span>/,
    );
    expect(html).toContain('Resourced provision in a mainstream school');
    expect(html).toContain('<strong>1,995</strong>');
    expect(html).toContain('<strong>280</strong>');
    expect(html).toContain('70%, excluding exceptions');
    expect(html).toContain('141 (45% of SENCos in post)');
  });

  it('summarises an empty section without failing', () => {
    const html = renderToStaticMarkup(
      createElement(section.Summary, { section: { version: 0, education: null } }),
    );
    expect(html).toContain('No specialist settings given yet');
    expect(html.match(/Not given yet/g)?.length).toBeGreaterThan(10);
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
