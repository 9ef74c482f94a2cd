// The one Pothos builder. Each core gets its own (createCore builds a schema for its plugin list),
// so this module holds only the builder factory and its types.
import { isObjectType } from 'graphql';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ErrorsPlugin from '@pothos/plugin-errors';
import ValidationPlugin from '@pothos/plugin-validation';
import { Prisma, type PrismaClient } from '@lip/db';
import type PrismaTypes from '@lip/db/pothos';
import { getDatamodel } from '@lip/db/pothos';
import type { RequestContext } from './context.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { limits } from './http/armor.ts';
import { decodeGlobalId, encodeGlobalId } from './ids.ts';
import { fieldErrorsFromIssues } from './validation.ts';

export interface LipSchemaTypes {
  Context: RequestContext;
  PrismaTypes: PrismaTypes;
  Scalars: {
    ID: { Input: string; Output: string | number | bigint };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    /** An uploaded file (GraphQL multipart request), input only. */
    File: { Input: File; Output: never };
  };
  AuthScopes: {
    /** Anyone with a session. */
    signedIn: boolean;
    /** A member of the partnership with this id (any role). */
    member: string;
    /** A partnership lead of the partnership with this id. */
    lead: string;
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

export type LipBuilder = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>
>;

function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

export function createBuilder(prisma: PrismaClient): LipBuilder {
  return new SchemaBuilder<LipSchemaTypes>({
    // scope-auth first, so no other plugin's wrapper runs before the auth check; errors before
    // validation, so validation failures become the typed ValidationError.
    defaultFieldNullability: false,
    plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ErrorsPlugin, ValidationPlugin],
    scopeAuth: {
      authScopes: (ctx) => ({
        signedIn: ctx.user !== null,
        member: (partnershipId: string) => ctx.memberships.has(partnershipId),
        lead: (partnershipId: string) =>
          ctx.memberships.get(partnershipId)?.roles.includes('PARTNERSHIP_LEAD') ?? false,
      }),
      // Another partnership's data answers as "not found", never as "forbidden".
      unauthorizedError: () => new NotFoundError(),
    },
    prisma: {
      client: prisma,
      dmmf: getDatamodel(),
      filterConnectionTotalCount: true,
      // A plan has a few hundred commitments at most: a page without `first` holds them all.
      defaultConnectionSize: limits.defaultPageSize,
      maxConnectionSize: limits.maxPageSize,
      onUnusedQuery: null,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      nodesQueryOptions: false,
      // node(id) of something not visible (or not existing) is null, like plan(id) and commitment(id).
      nodeQueryOptions: {
        resolve: async (_root, { id }, _ctx, info, resolveNode) => {
          const type = info.schema.getType(id.typename);
          if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node'))
            return null;
          try {
            return await resolveNode(id);
          } catch (error) {
            if (isNotFound(error)) return null;
            throw error;
          }
        },
      },
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
      encodeGlobalID: encodeGlobalId,
      decodeGlobalID: (globalId) => decodeGlobalId(globalId) ?? { typename: 'Invalid', id: '' },
    },
    // Input validation runs in arg mappers, outside resolvers: let the errors plugin turn its
    // ValidationError into the typed result too (validation never reads data, so nothing leaks).
    errors: { defaultTypes: [], unsafelyHandleInputErrors: true },
    validation: {
      validationError: (failure) => new ValidationError(fieldErrorsFromIssues(failure.issues)),
    },
  });
}
