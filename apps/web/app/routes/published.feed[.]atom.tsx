// /published/feed.atom: an Atom feed of publications, newest first, so councils' sites and data
// portals can follow new plans and new versions. Public: only published (or superseded) versions.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Feed } from 'feed';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';

const FEED_SIZE = 50;

const QUERY = graphql(`
  query PublicationsFeed($first: Int) {
    recentPublications(first: $first) {
      id
      partnershipName
      title
      version
      superseded
      publishedAt
      path
    }
  }
`);

export async function loader({ context }: LoaderFunctionArgs) {
  const { recentPublications } = await gql(context, QUERY, { first: FEED_SIZE });
  const origin = context.origin;
  const feed = new Feed({
    id: `${origin}/published`,
    link: `${origin}/published`,
    title: 'New local inclusion plans',
    description: 'Local SEND and alternative provision partnerships’ plans as they are published.',
    language: 'en-GB',
    copyright: 'Open Government Licence v3.0',
    generator: false,
    feedLinks: { atom: `${origin}/published/feed.atom` },
    // A feed with nothing published yet is still valid: it was last updated when it began.
    updated: recentPublications[0] ? new Date(recentPublications[0].publishedAt) : new Date(0),
  });
  for (const publication of recentPublications) {
    const link = `${origin}${publication.path}`;
    feed.addItem({
      id: link,
      link,
      title: `${publication.partnershipName}: ${publication.title}, version ${publication.version}`,
      description:
        publication.version === 1
          ? `${publication.partnershipName} published its plan.`
          : `${publication.partnershipName} published version ${publication.version} of its plan.`,
      date: new Date(publication.publishedAt),
      published: new Date(publication.publishedAt),
      author: [{ name: publication.partnershipName }],
    });
  }
  return new Response(feed.atom1(), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
