import type { AppLoadContext } from '@remix-run/node';
import type { TadaDocumentNode } from 'gql.tada';

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Errors the request itself caused: a variable GraphQL refused ("Variable "$version" got invalid
 * value 2147483648"; a NUL character), or input the API refused as a request error.
 */
function isRequestError(error: GraphQLErrorLike): boolean {
  const code = error.extensions?.code;
  return (
    code === 'BAD_USER_INPUT' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)
  );
}

export const BAD_REQUEST_MESSAGE =
  'The address or the form sent something this service cannot use: go back and try again';

/**
 * Runs a document in process as the request's person. What the request got wrong is its own
 * error: a refused variable or input is a 400, something not found a 404; any other GraphQL error
 * is a server error (500).
 */
export async function gql<TData, TVars>(
  context: AppLoadContext,
  document: TadaDocumentNode<TData, TVars>,
  variables?: TVars,
): Promise<TData> {
  const result = await context.lip.execute(document, variables);
  if (result.errors && result.errors.length > 0) throwForErrors(result.errors);
  if (!result.data) throw new Response('Something went wrong', { status: 500 });
  return result.data;
}

/** GraphQL errors as the route's answer: 400 for the request's own, 404 for not found, else 500. */
export function throwForErrors(errors: ReadonlyArray<GraphQLErrorLike> | undefined): never {
  const all = errors ?? [];
  if (all.length > 0 && all.every(isRequestError))
    throw new Response(BAD_REQUEST_MESSAGE, { status: 400, statusText: 'Bad Request' });
  if (all.length > 0 && all.every((e) => e.extensions?.code === 'NOT_FOUND'))
    throw new Response('Page not found', { status: 404, statusText: 'Not Found' });
  console.error('GraphQL errors:', all.map((e) => e.message).join('; '));
  throw new Response('Something went wrong', { status: 500 });
}

/**
 * GraphQL refuses a variable of the wrong type before any resolver runs ("Variable "$input" got
 * invalid value "lots" at "input.budget.amount"; Float cannot represent non numeric value: "lots"").
 * A form sends what the person typed, so those refusals are shown as field errors, keyed by the
 * input's top-level field (as `formErrors` does), with the field's label when known.
 */
export function inputTypeErrors(
  errors: ReadonlyArray<{ message: string }> | undefined,
  labels: ReadonlyArray<{ name: string; label: string }>,
): Record<string, string> | null {
  if (!errors?.length) return null;
  const map: Record<string, string> = {};
  for (const e of errors) {
    const m = /^Variable "\$input" got invalid value .* at "input\.([^"]+)"; (.*)$/s.exec(
      e.message,
    );
    if (!m) return null;
    const segments = m[1]!.split(/\.|\[(\d+)\]/).filter((s): s is string => Boolean(s));
    const top = segments[0]!;
    const row = segments.find((s) => /^\d+$/.test(s));
    const dotted = segments.join('.');
    const withoutRows = segments.filter((s) => !/^\d+$/.test(s)).join('.');
    const label =
      labels.find((l) => l.name === dotted)?.label ??
      labels.find((l) => l.name === withoutRows)?.label ??
      labels.find((l) => l.name === top)?.label ??
      top;
    const what = row !== undefined ? `${label} (row ${Number(row) + 1})` : label;
    const reason = m[2] ?? '';
    map[top] ??= /non-integer|Int cannot/.test(reason)
      ? `${what} must be a whole number`
      : /Float cannot|Int cannot|non numeric/.test(reason)
        ? `${what} must be a number`
        : `Check ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
  }
  return map;
}
