// The health section's own fields and their rules, shared by the server (validation) and the UI
// (labels and messages). Blank means "not recorded yet".
import { z } from 'zod';

const text = (label: string, max = 200) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).nullish();

const EMAIL_MESSAGE = 'Enter the DCO/DMO email address in the correct format, like name@example.nhs.uk';

export const healthFieldSchemas = {
  icbExecutiveLead: text('ICB executive lead for SEND'),
  icbExecutiveLeadRole: text('Executive lead’s job title'),
  dcoName: text('DCO/DMO name'),
  dcoRole: text('DCO/DMO job title'),
  dcoEmail: z
    .string()
    .trim()
    .max(320, EMAIL_MESSAGE)
    .refine((value) => value === '' || z.email().safeParse(value).success, EMAIL_MESSAGE)
    .nullish(),
};

export type HealthFieldName = keyof typeof healthFieldSchemas;

export const healthFieldNames = Object.keys(healthFieldSchemas) as HealthFieldName[];

export const healthFieldsSchema = z.object(healthFieldSchemas);

/** Validates the mutation input (other keys, like planId and version, pass through). */
export const healthInputSchema = z.looseObject(healthFieldSchemas);

export type HealthFields = { [K in HealthFieldName]: string | null };

export const emptyHealthFields: HealthFields = {
  icbExecutiveLead: null,
  icbExecutiveLeadRole: null,
  dcoName: null,
  dcoRole: null,
  dcoEmail: null,
};

/** Stored data (possibly from an older version) as fields, unknown keys dropped. */
export function toHealthFields(data: Record<string, unknown>): HealthFields {
  const fields = { ...emptyHealthFields };
  for (const name of healthFieldNames) {
    const value = data[name];
    fields[name] = typeof value === 'string' && value.trim() !== '' ? value : null;
  }
  return fields;
}
