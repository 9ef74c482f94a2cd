// The commitment form's rules, with messages that say what to fix (GOV.UK style).
import { z } from 'zod';
import { dateField, moneyField } from '../validation.ts';

/** Commitment.budgetAmount is Decimal(14, 2): 12 digits before the point. */
const BUDGET_INTEGER_DIGITS = 12;

export const commitmentFields = {
  sectionKey: z.string().min(1, 'Choose a section').max(64, 'Choose a section'),
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  description: z.string().max(5000, 'Description must be 5,000 characters or fewer').nullish(),
  budgetLine: z.string().max(200, 'Budget line must be 200 characters or fewer').nullish(),
  budgetAmount: moneyField('Budget amount', BUDGET_INTEGER_DIGITS).nullish(),
  standardAreaIds: z.array(z.string()).max(50, 'Choose no more than 50 standards').nullish(),
  startDate: dateField('Start date').nullish(),
  dueDate: dateField('Due date').nullish(),
};

/** "£12,500.5" → "12500.5"; "" → null. */
export function normaliseAmount(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const cleaned = value.trim().replace(/^£\s?/, '').replaceAll(',', '');
  return cleaned === '' ? null : cleaned;
}
