// Global ids: "<Type>:<database id>" in base64url, so they are opaque and safe in a URL.
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } | null {
  if (globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId))
    return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { typename: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

/** The database id behind a global id of the given type, or null (garbage or another type). */
export function idOf(typename: string, globalId: string | null | undefined): string | null {
  if (!globalId) return null;
  const decoded = decodeGlobalId(globalId);
  return decoded && decoded.typename === typename ? decoded.id : null;
}
