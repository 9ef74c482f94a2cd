// The social care section's typed fields, shared by the server (validation, GraphQL) and the UI
// (labels, hints, messages). Browser-safe: only the SDK's field helpers. Every field is optional
// (null = not written yet); readiness checks say what must be written before the section is complete.
// Counts are aggregate figures for the area: never a child's name or details.
import { defineFields, field, type FieldValues } from '@lip/plugin-sdk/fields';

const AGGREGATE_ONLY =
  'An aggregate count for the area only. Never enter a child’s name or details.';

export const careFields = defineFields({
  // The short breaks services statement (Breaks for Carers of Disabled Children Regulations 2011).
  shortBreaksStatementUrl: field.url({
    label: 'Link to the short breaks services statement',
    hint: 'The published statement on the local offer, starting https://',
  }),
  shortBreaksRange: field.longText({
    label: 'Range of short breaks',
    hint: 'Day, overnight, leisure, evening, weekend and holiday breaks, and who provides them.',
    max: 5000,
  }),
  shortBreaksEligibility: field.longText({
    label: 'Who is eligible for short breaks',
    hint: 'The criteria for universal, targeted and assessed short breaks, and how families apply.',
    max: 5000,
  }),
  shortBreaksCarersNeeds: field.longText({
    label: 'How short breaks meet carers’ needs',
    hint: 'How the range lets parent carers work, study, rest and care for other children.',
    max: 5000,
  }),
  shortBreaksLastReviewedWithParents: field.date({
    label: 'Date the short breaks statement was last reviewed with parents',
    hint: 'The council must review the statement from time to time, consulting parent carers. For example, 2026-03-14.',
  }),

  // Respite placements.
  overnightRespitePlaces: field.integer({
    label: 'Overnight respite places',
    publication: 'public',
    hint: 'Commissioned overnight short break beds or placements in the area.',
    noun: 'The number of overnight respite places',
    min: 0,
    max: 100000,
  }),
  respiteSummary: field.longText({
    label: 'Respite placements',
    hint: 'Residential, family-based and in-home respite: what is available, waiting times and plans to add places.',
    max: 5000,
  }),

  // Family hubs.
  familyHubCount: field.integer({
    label: 'Family hubs open',
    publication: 'public',
    noun: 'The number of family hubs',
    min: 0,
    max: 10000,
  }),
  familyHubsSummary: field.longText({
    label: 'Family hubs and family help for families of children with SEND',
    hint: 'What families of children with SEND can get at a family hub, and how hubs link to the local offer and SENDIASS.',
    max: 5000,
  }),

  // Children in need and looked after with SEND (aggregate counts; metric CSC-01).
  childrenInNeedWithSend: field.integer({
    label: 'Children in need with SEND',
    publication: 'count',
    countGroup: 'send-social-care',
    noun: 'The number of children in need with SEND',
    hint: AGGREGATE_ONLY,
    min: 0,
    max: 1000000,
  }),
  childProtectionPlansWithSend: field.integer({
    label: 'Children on a child protection plan with SEND',
    publication: 'count',
    countGroup: 'send-social-care',
    noun: 'The number of children on a child protection plan with SEND',
    hint: AGGREGATE_ONLY,
    min: 0,
    max: 1000000,
  }),
  lookedAfterWithSend: field.integer({
    label: 'Looked-after children with SEND',
    publication: 'count',
    countGroup: 'send-social-care',
    noun: 'The number of looked-after children with SEND',
    hint: AGGREGATE_ONLY,
    min: 0,
    max: 1000000,
  }),
  countsAsAt: field.date({
    label: 'Date the counts were taken',
    hint: 'Usually 31 March, as in the children in need census. For example, 2026-03-31.',
  }),
  socialCareSendSummary: field.longText({
    label: 'Social care for children in need and looked after with SEND',
    hint: 'How social care assessments feed EHC plans (sections D and H), and how the virtual school supports looked-after children with SEND.',
    max: 5000,
  }),
});

export type CareFields = FieldValues<typeof careFields>;
