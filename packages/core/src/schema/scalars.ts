import { GraphQLError, Kind } from 'graphql';
import {
  CommitmentProgress,
  DeliveryRating,
  MemberRole,
  Phase,
  PlanState,
  SectionStatus,
  SupportLayer,
} from '@lip/db';
import { RAG_STATUSES } from '../services/commitment-fields.ts';
import type { LipBuilder } from '../builder.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-09-01" → that date at UTC midnight. A string that is not a real date (e.g. "2026-02-30")
 * becomes an Invalid Date rather than a request error, so the input's zod schema can report it
 * beside its field ("Due date must be a real date"); anything but a string is a request error.
 */
export function parseDate(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('A Date is a string like "2026-09-01"');
  if (DATE.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) return date;
  }
  return new Date(Number.NaN);
}

export const NEED_AREAS = ['CI', 'CL', 'SEMH', 'SP'] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

export function addScalarsAndEnums(builder: LipBuilder) {
  builder.scalarType('Date', {
    description:
      'A calendar date, "2026-09-01". Inputs that are not a real date fail validation of their field.',
    serialize: (value) => value.toISOString().slice(0, 10),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
  });
  builder.scalarType('DateTime', {
    description: 'An instant, ISO 8601 in UTC: "2026-09-01T09:30:00.000Z".',
    serialize: (value) => value.toISOString(),
    parseValue: (value) => {
      const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError('Enter a real date and time');
      return date;
    },
  });
  return {
    MemberRoleEnum: builder.enumType(MemberRole, { name: 'MemberRole' }),
    PlanStateEnum: builder.enumType(PlanState, { name: 'PlanState' }),
    SectionStatusEnum: builder.enumType(SectionStatus, { name: 'SectionStatus' }),
    PhaseEnum: builder.enumType(Phase, { name: 'Phase' }),
    SupportLayerEnum: builder.enumType(SupportLayer, { name: 'SupportLayer' }),
    RagStatusEnum: builder.enumType('RagStatus', {
      description:
        'Progress and rating in one word, as commitments had before they were asked apart: COMPLETE when complete, else the rating, else NOT_STARTED.',
      values: RAG_STATUSES,
    }),
    CommitmentProgressEnum: builder.enumType(CommitmentProgress, { name: 'CommitmentProgress' }),
    DeliveryRatingEnum: builder.enumType(DeliveryRating, {
      name: 'DeliveryRating',
      description: 'How delivery is going. A commitment without one is not rated.',
    }),
    NeedAreaEnum: builder.enumType('NeedArea', {
      description:
        'Communication and interaction; cognition and learning; SEMH; sensory and/or physical.',
      values: NEED_AREAS,
    }),
  };
}
