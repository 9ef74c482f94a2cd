// The funding feature (issue 16): bands, tariffs and high-needs budget lines. GraphQL in
// schema.ts, logic in the other modules (decision 009); totals.ts is also `@lip/core/funding`.
export { addFundingTypes } from './schema.ts';
export { tariffsOf, bandsOf } from './tariffs.ts';
export { budgetTotalsOf, financialYearLabel } from './totals.ts';
