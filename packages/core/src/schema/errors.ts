import {
  CommitmentConflictError,
  ForbiddenError,
  InvalidCredentialsError,
  type LipError,
  NotFoundError,
  SectionConflictError,
  ValidationError,
  type FieldError,
} from '../errors.ts';
import type { LipBuilder } from '../builder.ts';

const CONFLICT_FIELDS =
  'The fields both you and someone else changed since the version you read (dotted paths; a list item is named by its id). Empty when the whole record was in the way.';

/** The error types; the conflict errors' `current` field is added where Commitment/Section are defined. */
export function addErrorTypes(builder: LipBuilder) {
  const ErrorInterface = builder.interfaceRef<LipError>('Error').implement({
    fields: (t) => ({ message: t.exposeString('message') }),
  });
  const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
    fields: (t) => ({
      path: t.exposeStringList('path'),
      message: t.exposeString('message'),
    }),
  });

  builder.objectType(ValidationError, {
    name: 'ValidationError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ValidationError,
    fields: (t) => ({
      fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }),
    }),
  });
  builder.objectType(NotFoundError, {
    name: 'NotFoundError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof NotFoundError,
  });
  builder.objectType(ForbiddenError, {
    name: 'ForbiddenError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ForbiddenError,
  });
  builder.objectType(InvalidCredentialsError, {
    name: 'InvalidCredentialsError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof InvalidCredentialsError,
  });
  const CommitmentConflictErrorRef = builder.objectType(CommitmentConflictError, {
    name: 'CommitmentConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof CommitmentConflictError,
    fields: (t) => ({ fields: t.exposeStringList('fields', { description: CONFLICT_FIELDS }) }),
  });
  const SectionConflictErrorRef = builder.objectType(SectionConflictError, {
    name: 'SectionConflictError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof SectionConflictError,
    fields: (t) => ({ fields: t.exposeStringList('fields', { description: CONFLICT_FIELDS }) }),
  });
  return { ErrorInterface, CommitmentConflictErrorRef, SectionConflictErrorRef };
}
