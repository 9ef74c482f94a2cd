// The commitment form's rules, with messages that say what to fix (GOV.UK style).
import { z } from 'zod';

const AMOUNT = /^£?\s?(\d{1,3}(,\d{3})+|\d{1,12})(\.\d{1,2})?$/;

export const commitmentFields = {
  sectionKey: z.string().min(1, 'Choose a section').max(64, 'Choose a section'),
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  description: z.string().max(5000, 'Description must be 5,000 characters or fewer').nullish(),
  budgetLine: z.string().max(200, 'Budget line must be 200 characters or fewer').nullish(),
  budgetAmount: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || AMOUNT.test(v),
      'Enter the budget amount in pounds, like 12500 or 12500.50',
    )
    .nullish(),
  standardAreaIds: z.array(z.string()).max(50, 'Choose no more than 50 standards').nullish(),
  startDate: z.date({ error: 'Start date must be a real date' }).nullish(),
  dueDate: z.date({ error: 'Due date must be a real date' }).nullish(),
};

/** "£12,500.5" → "12500.5"; "" → null. */
export function normaliseAmount(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const cleaned = value.trim().replace(/^£\s?/, '').replaceAll(',', '');
  return cleaned === '' ? null : cleaned;
}
