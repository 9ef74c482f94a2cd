/**
 * The one way routes turn API outcomes into HTTP. Mutations answer a union: the success type or a
 * typed error. Refusals (ForbiddenError, NotFoundError) become thrown 403/404 responses, rendered
 * by the route's error boundary; what is left (success, validation, conflict, blocked…) is a
 * discriminated union the route narrows on `__typename`. Loaders use `invariantResponse`
 * (the Epic Stack's pattern) for "this must exist or the page is a 404".
 */
import { redirectToSignIn } from './session.server.ts';

type Refusal = 'ForbiddenError' | 'NotFoundError';

export function notFound(message = 'Page not found'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' });
}

export function forbidden(message = 'You do not have permission to do that'): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' });
}

/** Throws a 404 (or the status given) unless the condition holds. */
export function invariantResponse(
  condition: unknown,
  message: string = 'Page not found',
  init: ResponseInit = { status: 404, statusText: 'Not Found' },
): asserts condition {
  if (!condition) throw new Response(message, init);
}

/** A mutation's result with refusals thrown: 403 for ForbiddenError, 404 for NotFoundError. */
export function unlessRefused<T extends { __typename: string }>(
  result: T,
): Exclude<T, { __typename: Refusal }> {
  const message = 'message' in result && typeof result.message === 'string' ? result.message : '';
  if (result.__typename === 'ForbiddenError') forbidden(message || undefined);
  if (result.__typename === 'NotFoundError') notFound(message || undefined);
  return result as Exclude<T, { __typename: Refusal }>;
}

/** Throws a redirect to sign-in when the page's query found nobody signed in. */
export function requireViewer<T extends { viewer: unknown }>(
  request: Request,
  data: T,
): T & { viewer: NonNullable<T['viewer']> } {
  if (!data.viewer) throw redirectToSignIn(request);
  return data as T & { viewer: NonNullable<T['viewer']> };
}

interface ErrorResult {
  __typename: string;
  message?: string;
  fieldErrors?: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>;
}

/**
 * A typed error as the form's errors: ValidationError.fieldErrors by input field name (first
 * message wins), and the error's message as `_form` when no field is named.
 */
export function formErrors(
  result: ErrorResult,
  fallback = 'Check the details you entered',
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of result.fieldErrors ?? []) {
    const key = e.path.find((p) => p !== 'input') ?? '_form';
    map[key] ??= e.message;
  }
  if (Object.keys(map).length === 0) map._form = result.message || fallback;
  return map;
}
