// The oversight table of partnerships as CSV, with the same filters and order as the page.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvResponse, oversightPartnerships, partnershipsCsv } from '../lib/oversight.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { oversight } = await oversightPartnerships(request, context);
  return csvResponse('oversight-partnerships.csv', partnershipsCsv(oversight.partnerships));
}
