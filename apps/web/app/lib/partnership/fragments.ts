import { graphql } from '../../graphql.ts';

/**
 * What a partnership page asks of its partnership: enough to name it (the caption, the title), link
 * to it and, on its lead's pages, to turn other members away (`leadPartnershipPage`).
 */
export const PARTNERSHIP_PAGE_FIELDS = graphql(`
  fragment PartnershipPageFields on Partnership {
    id
    slug
    name
    viewerIsLead
  }
`);

/**
 * Where an invitation got to, as its sender sees it: to whom, for which organisation, until when,
 * whether the email went and, when the service cannot send email, the link to pass on.
 */
export const INVITATION_DELIVERY_FIELDS = graphql(`
  fragment InvitationDeliveryFields on Invitation {
    email
    expiresAt
    organisation {
      name
    }
    delivery {
      status
      problem
    }
    link
  }
`);
