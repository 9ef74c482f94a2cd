import { describe, expect, it } from 'vitest';
import {
  changedCommitmentInput,
  differingFields,
  displayValue,
  emptyCommitmentValues,
  mergeOnto,
  summaryOf,
  toCommitmentInput,
  valuesFromCommitment,
  valuesFromForm,
  type CommitmentData,
} from '../app/lib/commitment-form.ts';

const saved: CommitmentData = {
  id: 'c1',
  reference: 'HE-01',
  title: 'DCO-led health advice',
  description: 'Within six weeks',
  ownerOrganisation: { id: 'icb', name: 'NHS Northshire ICB' },
  ownerMember: { id: 'm1' },
  needAreas: ['SP', 'CI'],
  phase: 'ALL_AGES',
  supportLayer: null,
  progress: 'IN_PROGRESS',
  rating: 'AMBER',
  leadOfficer: null,
  startDate: '2026-09-01',
  dueDate: '2027-03-31',
  standards: [{ id: 'sa4', code: 'SA-04', title: 'Consistent processes' }],
  version: 3,
  updatedAt: '2026-11-27T10:00:00Z',
  viewerCanEdit: true,
  section: { key: 'health' },
  plan: { id: 'p1' },
};

function form(entries: Array<[string, string]>): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe('commitment form values', () => {
  it('reads a saved commitment as form values (dates as day, month, year)', () => {
    const v = valuesFromCommitment(saved);
    expect(v.startDate).toEqual({ day: '1', month: '9', year: '2026' });
    expect(v.needAreas).toEqual(['CI', 'SP']);
    expect(v.supportLayer).toBe('');
  });

  it('turns form values into the GraphQL input, blanks as null', () => {
    const values = valuesFromForm(
      form([
        ['title', '  Speech and language  '],
        ['needAreas', 'CL'],
        ['needAreas', 'CI'],
        ['phase', 'PRIMARY'],
        ['progress', 'IN_PROGRESS'],
        ['rating', 'GREEN'],
        ['leadOfficer', ' Head of SEND '],
        ['dueDate-day', '31'],
        ['dueDate-month', '3'],
        ['dueDate-year', '2028'],
        ['ownerMemberId', ''],
      ]),
    );
    const { input, errors } = toCommitmentInput(values);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      title: 'Speech and language',
      needAreas: ['CI', 'CL'],
      phase: 'PRIMARY',
      progress: 'IN_PROGRESS',
      rating: 'GREEN',
      leadOfficer: 'Head of SEND',
      startDate: null,
      dueDate: '2028-03-31',
      ownerMemberId: null,
      ownerOrganisationId: null,
    });
  });

  it('refuses dates that do not exist, naming the missing part', () => {
    const bad = {
      ...emptyCommitmentValues(),
      startDate: { day: '31', month: '2', year: '2027' },
      dueDate: { day: '1', month: '', year: '2027' },
    };
    expect(toCommitmentInput(bad).errors).toEqual({
      startDate: 'Start date must be a real date',
      dueDate: 'Due date must include a month',
    });
    // Still sent, as dates the core refuses, so its other errors come back with these.
    expect(toCommitmentInput(bad).input).toMatchObject({
      startDate: 'not-a-date',
      dueDate: 'not-a-date',
    });
  });

  it('orders the error summary as the form and links to the first input of each field', () => {
    expect(
      summaryOf({
        dueDate: 'Due date must be after the start date',
        title: 'Enter a title',
        planId: 'Plan not found',
      }),
    ).toEqual([
      { href: 'title', text: 'Enter a title' },
      { href: 'dueDate-day', text: 'Due date must be after the start date' },
      { href: 'commitment-form', text: 'Plan not found' },
    ]);
  });
});

describe('a stale edit', () => {
  it('re-applies only the fields the person changed onto the saved version', () => {
    const baseline = valuesFromCommitment(saved);
    const current = { ...baseline, leadOfficer: 'Designated Clinical Officer' }; // someone else's
    const yours = { ...baseline, title: 'New title' }; // this person's change
    const merged = mergeOnto(current, yours, baseline);
    expect(merged.title).toBe('New title');
    expect(merged.leadOfficer).toBe('Designated Clinical Officer');
    expect(differingFields(yours, current)).toEqual(['title', 'leadOfficer']);
  });

  it('sends only the changed fields, with what they were as the base of the merge', () => {
    const baseline = valuesFromCommitment(saved);
    const yours = {
      ...baseline,
      title: 'New title',
      dueDate: { day: '30', month: '6', year: '2027' },
    };
    const { input, base, errors } = changedCommitmentInput(yours, baseline);
    expect(input).toEqual({ title: 'New title', dueDate: '2027-06-30' });
    expect(base).toEqual({ title: 'DCO-led health advice', dueDate: '2027-03-31' });
    expect(errors).toEqual({});
    // Without a baseline (a form from before this change), every field, as before.
    expect(Object.keys(changedCommitmentInput(yours, null).input)).toContain('leadOfficer');
  });

  it('keeps all of the person’s values when it does not know where they started', () => {
    const yours = { ...valuesFromCommitment(saved), title: 'Mine' };
    expect(mergeOnto(valuesFromCommitment(saved), yours, null)).toBe(yours);
  });

  it('shows each field as a person reads it', () => {
    const v = valuesFromCommitment(saved);
    const opts = {
      organisations: [{ id: 'icb', name: 'NHS Northshire ICB' }],
      members: [
        {
          id: 'm1',
          user: { name: 'Priya Shah' },
          organisation: { id: 'icb', name: 'NHS Northshire ICB' },
        },
      ],
      areas: [{ id: 'sa4', code: 'SA-04', title: 'Consistent processes' }],
    };
    expect(displayValue(v, 'ownerOrganisationId', opts)).toBe('NHS Northshire ICB');
    expect(displayValue(v, 'ownerMemberId', opts)).toBe('Priya Shah (NHS Northshire ICB)');
    expect(displayValue(v, 'needAreas', opts)).toBe(
      'Communication and interaction, Sensory and/or physical',
    );
    expect(displayValue(v, 'dueDate', opts)).toBe('31 March 2027');
    expect(displayValue(v, 'standardAreaIds', opts)).toBe('SA-04 Consistent processes');
  });
});
