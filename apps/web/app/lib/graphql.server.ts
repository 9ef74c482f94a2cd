import type { AppLoadContext } from '@remix-run/node';
import { redirectToSignIn } from './session.server.ts';

/** Runs a document in process as the request's person; any GraphQL error is a server error (500). */
export async function gql<TData>(context: AppLoadContext, document: string, variables?: Record<string, unknown>): Promise<TData> {
  const result = await context.lip.execute<TData>(document, variables);
  if (result.errors && result.errors.length > 0) {
    console.error('GraphQL errors:', result.errors.map((e) => e.message).join('; '));
    throw new Response('Something went wrong', { status: 500 });
  }
  if (!result.data) throw new Response('Something went wrong', { status: 500 });
  return result.data;
}

/** Throws a redirect to sign-in when the page's query found nobody signed in. */
export function requireViewer<T extends { viewer: unknown }>(request: Request, data: T): T & { viewer: NonNullable<T['viewer']> } {
  if (!data.viewer) throw redirectToSignIn(request);
  return data as T & { viewer: NonNullable<T['viewer']> };
}

/** 404 for anything missing or not visible (the API answers both the same way). */
export function notFound(message = 'Page not found'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' });
}

export interface UnionResult {
  __typename: string;
  message?: string;
  fieldErrors?: Array<{ path: string[]; message: string }>;
}

/** ValidationError.fieldErrors as messages by input field name (first message wins). */
export function fieldErrorMap(result: UnionResult): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of result.fieldErrors ?? []) {
    const key = e.path.find((p) => p !== 'input') ?? '_form';
    map[key] ??= e.message;
  }
  return map;
}
