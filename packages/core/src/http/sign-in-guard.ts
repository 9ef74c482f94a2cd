// signIn is one password guess per request. Throttling counts every guess (auth/throttle.ts); this
// also refuses the shapes that exist only to send many guesses at once:
// - signIn inside a batch of operations (a JSON array of requests): 400;
// - signIn more than once in one operation (under aliases, or through fragments): a validation
//   error, so 400 too.
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limits } from './armor.ts';

const SIGN_IN = 'signIn';

/**
 * How many times the operation runs signIn: the distinct response keys of root signIn fields,
 * fragments included (graphql-js merges fields with one key, and runs a fragment spread once).
 */
function signInsOf(
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
): number {
  if (operation.operation !== 'mutation') return 0;
  const keys = new Set<string>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === SIGN_IN)
          keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const definition = fragment(selection.name.value);
        if (definition) visit(definition.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return keys.size;
}

/** Validation rule: at most one signIn in an operation. */
export const oneSignInPerOperation: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const count = signInsOf(node, (name) => context.getFragment(name));
    if (count > 1) {
      context.reportError(
        new GraphQLError(`Sign in once per request: this operation has signIn ${count} times.`, {
          nodes: [node],
          extensions: { code: 'SIGN_IN_ONCE_PER_REQUEST' },
        }),
      );
    }
  },
});

/** Whether a document's text has a mutation that signs in (false when it does not parse). */
function signsIn(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch {
    return false; // its own (single) validation reports the syntax error
  }
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && signInsOf(d, (n) => fragments.get(n)) > 0,
  );
}

export function useSignInGuard(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(oneSignInPerOperation);
    },
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult) || requestParserResult.length < 2) return;
          if (requestParserResult.some((params) => signsIn(params.query))) {
            throw new GraphQLError('Send signIn on its own, not in a batch of operations.', {
              extensions: { code: 'SIGN_IN_ONCE_PER_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
