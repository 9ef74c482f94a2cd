/**
 * Numbers in addresses (/published/…/3, /plans/…/versions/3, ?from=2): anything but a whole
 * number from 1 to 2,147,483,647 (GraphQL's Int, PostgreSQL's integer) is a page that does not
 * exist, so it answers 404 before it reaches the API, where "2147483648" or "1e309" would be a
 * request error.
 */
import { notFound } from './outcome.server.ts';

export const MAX_INT = 2_147_483_647;

/** The whole number 1 … 2^31−1 that `raw` spells out in plain digits, else null. */
export function positiveInt(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_INT ? n : null;
}

/** A route parameter that must be a positive whole number in the Int32 range; 404 otherwise. */
export function intParam(
  params: Readonly<Record<string, string | undefined>>,
  name: string,
): number {
  return positiveInt(params[name]) ?? notFound();
}
