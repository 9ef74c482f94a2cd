// How the section's fields are published (issue 14): every whole number says whether it is a count
// of children (under the partnership's disclosure rule) or a public figure; the DCO/DMO's direct email is not for publication.
import { integerFieldsWithoutPublication } from '@lip/plugin-sdk';
import { describe, expect, test } from 'vitest';
import { healthFields } from '../src/fields.ts';

describe('publication of the fields', () => {
  test('every integer field is marked as a count of children or a public figure', () => {
    expect(integerFieldsWithoutPublication(healthFields.meta)).toEqual([]);
  });

  test('the DCO/DMO direct email is not for publication; the name is published', () => {
    const facts = Object.fromEntries(healthFields.meta.map((m) => [m.name, m.notForPublication]));
    expect(facts.dcoEmail).toBe(true);
    expect(facts.dcoName).toBeUndefined();
  });
});

describe('the health section as published', () => {
  test('leaves the DCO/DMO email out and keeps the name', async () => {
    const { default: health } = await import('../src/server/index.ts');
    const section = health.sections!.find((s) => s.publishFields)!;
    const published = section.publishFields!(
      { dcoName: 'Dr Asha Rahman', dcoEmail: 'asha.rahman@example.nhs.uk' },
      (counts) => [...counts],
    );
    expect(published.find((f) => f.key === 'dcoName')?.value).toBe('Dr Asha Rahman');
    expect(published.some((f) => f.key === 'dcoEmail')).toBe(false);
    expect(JSON.stringify(published)).not.toContain('asha.rahman@example.nhs.uk');
    // Members' frozen text (describeFields) still has it.
    expect(
      JSON.stringify(section.describeFields!({ dcoEmail: 'asha.rahman@example.nhs.uk' })),
    ).toContain('asha.rahman@example.nhs.uk');
  });
});
