// /sitemap.xml: the public pages search engines may index: the index of published plans and each
// plan's public address (which always shows the version published now).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';

const PAGE = 100;

const QUERY = graphql(`
  query SitemapPlans($first: Int, $offset: Int) {
    publishedPlans(first: $first, offset: $offset) {
      totalCount
      entries {
        planPath
        publishedAt
      }
    }
  }
`);

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function url(location: string, lastModified?: string): string {
  const lastmod = lastModified ? `<lastmod>${lastModified.slice(0, 10)}</lastmod>` : '';
  return `<url><loc>${escapeXml(location)}</loc>${lastmod}</url>`;
}

export async function loader({ context }: LoaderFunctionArgs) {
  const plans: Array<{ planPath: string; publishedAt: string }> = [];
  for (let offset = 0; ; offset += PAGE) {
    const { publishedPlans } = await gql(context, QUERY, { first: PAGE, offset });
    plans.push(...publishedPlans.entries);
    if (offset + PAGE >= publishedPlans.totalCount) break;
  }
  const origin = context.origin;
  const newest = plans
    .map((plan) => plan.publishedAt)
    .sort()
    .at(-1);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${origin}/published`, newest),
    ...plans.map((plan) => url(`${origin}${plan.planPath}`, plan.publishedAt)),
    '</urlset>',
  ].join('\n');
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
