// What a client may see of an error: typed (LipError) and GraphQL request errors as they are;
// anything else becomes "Unexpected error." with no stack, SQL or Prisma text.
import { GraphQLError } from 'graphql';
import { ForbiddenError, LipError, NotFoundError, ValidationError } from '../errors.ts';

export const UNEXPECTED = 'Unexpected error.';

export type ErrorLogger = (error: unknown) => void;

function codeOf(error: LipError): string {
  if (error instanceof NotFoundError) return 'NOT_FOUND';
  if (error instanceof ForbiddenError) return 'FORBIDDEN';
  if (error instanceof ValidationError) return 'BAD_USER_INPUT';
  return 'BAD_REQUEST';
}

export function createMaskError(log: ErrorLogger) {
  return function maskError(error: unknown, message = UNEXPECTED): Error {
    if (error instanceof GraphQLError) {
      const original = error.originalError;
      if (!original || original instanceof GraphQLError) {
        if (
          original instanceof GraphQLError &&
          original.originalError &&
          !(original.originalError instanceof GraphQLError)
        ) {
          return maskError(
            new GraphQLError(original.message, {
              originalError: original.originalError,
              nodes: error.nodes,
              path: error.path,
            }),
            message,
          );
        }
        return error;
      }
      if (original instanceof LipError) {
        return new GraphQLError(original.message, {
          nodes: error.nodes,
          path: error.path,
          extensions: { code: codeOf(original) },
        });
      }
      log(original);
      return new GraphQLError(message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
    log(error);
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
