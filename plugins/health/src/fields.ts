// The health section's fields, shared by the server (GraphQL, validation, readiness) and the UI
// (labels, hints, messages). Blank means "not recorded yet".
import { defineFields, field, type FieldValues } from '@lip/plugin-sdk/fields';

const pathway = (name: string) => ({
  summary: field.longText({
    label: `${name} pathway`,
    hint: 'How children and young people are referred, assessed and supported, and by whom.',
    max: 5000,
  }),
  waits: field.text({
    label: `${name} waiting times`,
    hint: 'In words, for example "18 weeks from referral to first appointment (median, March 2026)".',
    max: 500,
  }),
});

export const healthFields = defineFields({
  icbExecutiveLead: field.text({
    label: 'ICB executive lead for SEND',
    hint: 'The named executive at the integrated care board accountable for SEND.',
  }),
  icbExecutiveLeadRole: field.text({ label: 'Executive lead’s job title' }),
  dcoName: field.text({
    label: 'Designated clinical or medical officer (DCO/DMO)',
    hint: 'The person who advises on health provision for children and young people with SEND.',
  }),
  dcoRole: field.text({ label: 'DCO/DMO job title' }),
  // A named officer's direct email: members see it, published versions never carry it.
  dcoEmail: field.email({
    label: 'DCO/DMO email address',
    example: 'name@example.nhs.uk',
    notForPublication: true,
  }),
  jointCommissioning: field.list({
    label: 'Joint commissioning arrangements',
    hint: 'Under section 26 of the Children and Families Act 2014: what the council and the ICB commission together, by whom, and from which budget.',
    itemLabel: 'Arrangement',
    maxItems: 30,
    fields: {
      what: field.text({ label: 'What is commissioned', required: true, max: 300 }),
      by: field.text({
        label: 'Commissioned by',
        hint: 'For example "ICB (lead commissioner) with the council".',
      }),
      budget: field.text({
        label: 'From which budget',
        hint: 'For example "ICB community services budget" or "pooled budget (section 75)".',
      }),
    },
  }),
  therapies: field.longText({
    label: 'Therapies',
    hint: 'Speech and language, occupational therapy and physiotherapy: what is offered, where and how it is accessed.',
    max: 5000,
  }),
  mentalHealth: field.group({ label: 'Mental health', fields: pathway('Mental health') }),
  neurodevelopmental: field.group({
    label: 'Neurodevelopmental (autism and ADHD)',
    fields: pathway('Neurodevelopmental'),
  }),
});

export type HealthFields = FieldValues<typeof healthFields>;
