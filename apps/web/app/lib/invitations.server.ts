// The partnership a lead's invitation pages are about (anyone else: 403; a non-member: 404).
import type { AppLoadContext } from '@remix-run/node';
import { graphql } from '../graphql.ts';
import { gql } from './graphql.server.ts';
import { forbidden, invariantResponse, requireViewer } from './outcome.server.ts';

const PARTNERSHIP = graphql(`
  query InvitationsPartnership($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerMembership {
        roles
      }
    }
  }
`);

/** The partnership, when the viewer leads it (anyone else: 403; a non-member: 404). */
export async function leadPartnership(request: Request, context: AppLoadContext, slug: string) {
  const page = requireViewer(request, await gql(context, PARTNERSHIP, { slug }));
  invariantResponse(page.partnership);
  if (!page.partnership.viewerMembership?.roles.includes('PARTNERSHIP_LEAD'))
    forbidden('Only a partnership lead can manage invitations');
  return page.partnership;
}
