// Strings that are not text: a NUL (U+0000), which PostgreSQL's text and jsonb cannot hold, and an
// unpaired UTF-16 surrogate ("\ud800"), which jsonb refuses and text would silently turn into
// U+FFFD. Either reached the database and failed as an unexpected error (500). No field of the
// schema has a use for them, so any variable or inline argument holding one is refused before
// execution, as a request error (400), for every client: yoga at /graphql and the web app's
// in-process execute alike.
import type { Plugin } from '@envelop/core';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is not text, or null when it is. */
export function notText(value: string): string | null {
  if (value.includes(NUL)) return 'a NUL character';
  if (LONE_SURROGATE.test(value)) return 'an unpaired surrogate';
  return null;
}

export const NOT_TEXT_MESSAGE =
  'text cannot contain NUL characters (U+0000) or unpaired surrogates';

interface Found {
  /** "title", "rows[2].name"; '' for the value itself. */
  path: string;
  what: string;
}

/** The first string (or property name) in a value that is not text. */
export function findNotText(value: unknown, path = ''): Found | null {
  if (typeof value === 'string') {
    const what = notText(value);
    return what ? { path, what } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNotText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  // Plain objects only: an uploaded File (multipart) is checked where its bytes are read.
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const [key, item] of Object.entries(value)) {
      const what = notText(key);
      // A bad property name is reported at its object, so the name itself is never echoed.
      if (what) return { path, what };
      const found = findNotText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Documents already seen to hold only text in their string literals (typed documents are constants). */
const cleanDocuments = new WeakSet<DocumentNode>();

function documentNotText(document: DocumentNode): string | null {
  if (cleanDocuments.has(document)) return null;
  let found: string | null = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      found ??= notText(node.value);
    },
  });
  if (!found) cleanDocuments.add(document);
  return found;
}

/** The refusal, shaped like graphql-js's own variable errors so clients (and the web app) read it the same way. */
export function notTextError(variable: string | null, found: Found): GraphQLError {
  const at =
    variable === null || found.path === ''
      ? ''
      : ` at "${variable}${found.path.startsWith('[') ? '' : '.'}${found.path}"`;
  const message =
    variable === null
      ? `An argument holds ${found.what}; ${NOT_TEXT_MESSAGE}.`
      : `Variable "$${variable}" got invalid value (${found.what})${at}; ${NOT_TEXT_MESSAGE}.`;
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** The first string in a request's variables or inline arguments that is not text, as the error to answer with. */
export function refusalOf(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const badName = notText(name);
    if (badName) return notTextError(null, { path: '', what: badName });
    const found = findNotText(value);
    if (found) return notTextError(name, found);
  }
  const inDocument = documentNotText(document);
  return inDocument ? notTextError(null, { path: '', what: inDocument }) : null;
}

export function useRefuseNonText(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = refusalOf(args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = refusalOf(args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
