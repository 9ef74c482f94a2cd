// The commitment form's rules, with messages that say what to fix (GOV.UK style).
import { z } from 'zod';
import type { CommitmentProgress, DeliveryRating } from '@lip/db';
import { dateField, moneyField } from '../validation.ts';

/** The one-word status commitments had before progress and rating were asked apart. */
export const RAG_STATUSES = ['NOT_STARTED', 'RED', 'AMBER', 'GREEN', 'COMPLETE'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/**
 * Progress and rating as the one word older readers (the RagStatus field, snapshots' ragStatus,
 * readiness checks) expect: COMPLETE when complete, else the rating, else NOT_STARTED.
 */
export function ragStatusOf(c: {
  progress: CommitmentProgress;
  rating: DeliveryRating | null;
}): RagStatus {
  if (c.progress === 'COMPLETE') return 'COMPLETE';
  return c.rating ?? 'NOT_STARTED';
}

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
  leadOfficer: z.string().max(200, 'Lead officer must be 200 characters or fewer').nullish(),
  budgetAmount: moneyField('Budget amount', BUDGET_INTEGER_DIGITS).nullish(),
  standardAreaIds: z.array(z.string()).max(50, 'Choose no more than 50 standards').nullish(),
  startDate: dateField('Start date').nullish(),
  dueDate: dateField('Due date').nullish(),
};

// Create and update take the same details; they differ only in what names the commitment.
const detailRules = {
  description: commitmentFields.description,
  budgetLine: commitmentFields.budgetLine,
  leadOfficer: commitmentFields.leadOfficer,
  budgetAmount: commitmentFields.budgetAmount,
  standardAreaIds: commitmentFields.standardAreaIds,
  startDate: commitmentFields.startDate,
  dueDate: commitmentFields.dueDate,
};

/**
 * The inputs' rules. The service checks them together with the rules that need the database
 * (owners, standards, date order), so every problem is reported at once (GOV.UK error summary).
 */
export const createCommitmentRules = z.looseObject({
  sectionKey: commitmentFields.sectionKey,
  title: commitmentFields.title,
  ...detailRules,
});

export const updateCommitmentRules = z.looseObject({
  version: z.number().int().min(0, 'Version must be 0 or more'),
  title: commitmentFields.title.optional(),
  ...detailRules,
});

/** "£12,500.5" → "12500.5"; "" → null. */
export function normaliseAmount(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const cleaned = value.trim().replace(/^£\s?/, '').replaceAll(',', '');
  return cleaned === '' ? null : cleaned;
}
