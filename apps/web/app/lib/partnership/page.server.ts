// The preamble of a partnership page's loader and action: its one query, for the partnership the
// address names, asked as the person signed in. Nobody signed in goes to sign-in; someone who is
// not a member gets the 404 page (the query finds no partnership for them); the lead's pages give
// other members the 403 page.
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { TadaDocumentNode } from '../../graphql.ts';
import { gql } from '../graphql.server.ts';
import { loadImport } from '../metrics-import.server.ts';
import { invariantResponse, requireViewer } from '../outcome.server.ts';
import { partnershipPath } from '../partnership-admin.ts';
import { requireLead } from '../partnership-admin.server.ts';

type PageArgs = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>;

type Found<T extends { viewer: unknown; partnership: unknown }> = T & {
  viewer: NonNullable<T['viewer']>;
  partnership: NonNullable<T['partnership']>;
};

/** The page's query (`$slug` is its one variable), with the viewer and the partnership found. */
export async function partnershipPage<T extends { viewer: unknown; partnership: unknown }>(
  { request, params, context }: PageArgs,
  document: TadaDocumentNode<T, { slug: string }>,
): Promise<Found<T>> {
  const page = requireViewer(request, await gql(context, document, { slug: params.slug ?? '' }));
  invariantResponse(page.partnership);
  return page as Found<T>;
}

/** The same for a page only the partnership's lead may use. */
export async function leadPartnershipPage<
  T extends { viewer: unknown; partnership: { viewerIsLead: boolean } | null | undefined },
>(args: PageArgs, document: TadaDocumentNode<T, { slug: string }>): Promise<Found<T>> {
  const page = await partnershipPage(args, document);
  requireLead(page.partnership);
  return page;
}

/**
 * The one of the partnership's members or organisations that the address names, and the partnership
 * without the list; the 404 page when the partnership has none with that id.
 */
export function oneOf<K extends string, P extends Record<K, ReadonlyArray<{ id: string }>>>(
  partnership: P,
  list: K,
  id: string | undefined,
): { partnership: Omit<P, K>; item: P[K][number] } {
  const { [list]: items, ...rest } = partnership;
  const item = items.find((i): i is P[K][number] => i.id === id);
  invariantResponse(item);
  return { partnership: rest, item };
}

/** An import's page: the import the address names (`$importId`) and its partnership. */
export function importPage({ request, params, context }: PageArgs) {
  return loadImport(context, request, params.slug ?? '', params.importId ?? '');
}

/** Where an import's report is (and, with `/mapping`, its column mapping). */
export function importPath(page: Awaited<ReturnType<typeof importPage>>, rest = '') {
  return partnershipPath(
    page.partnership.slug,
    `/imports/${encodeURIComponent(page.observationImport.id)}${rest}`,
  );
}
