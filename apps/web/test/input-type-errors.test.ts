import { describe, expect, it } from 'vitest';
import { inputTypeErrors } from '../app/lib/graphql.server.ts';

const labels = [
  { name: 'budget', label: 'Alternative provision budget' },
  { name: 'budget.amount', label: 'Alternative provision budget: Amount for the year' },
  { name: 'movements', label: 'Pupil movements' },
];

describe('GraphQL input type errors as field errors', () => {
  it('keys each by the top-level field, with the field’s label', () => {
    expect(
      inputTypeErrors(
        [
          {
            message:
              'Variable "$input" got invalid value "lots" at "input.budget.amount"; Float cannot represent non numeric value: "lots"',
          },
          {
            message:
              'Variable "$input" got invalid value 2.5 at "input.movements[0].intoAp"; Int cannot represent non-integer value: 2.5',
          },
        ],
        labels,
      ),
    ).toEqual({
      budget: 'Alternative provision budget: Amount for the year must be a number',
      movements: 'Pupil movements (row 1) must be a whole number',
    });
  });

  it('leaves any other error alone', () => {
    expect(inputTypeErrors(undefined, labels)).toBeNull();
    expect(inputTypeErrors([{ message: 'Unexpected error.' }], labels)).toBeNull();
  });
});
