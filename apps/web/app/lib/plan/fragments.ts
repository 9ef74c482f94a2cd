import { graphql } from '../../graphql.ts';

/** A frozen version's record, as the versions list and a version's own page show it. */
export const PLAN_VERSION_RECORD = graphql(`
  fragment PlanVersionRecord on PlanVersion {
    number
    state
    createdAt
    createdByName
    createdByOrganisation {
      name
    }
    signedOffAt
    publishedAt
    supersededAt
    publicPath
  }
`);

/** Who signs the plan off, and whether the viewer may record their decision. */
export const PLAN_SIGNATORY = graphql(`
  fragment PlanSignatory on Signatory {
    kind
    viewerCanRecord
    organisation {
      id
      name
    }
  }
`);

/** The evidence as it now is, when someone else changed it first. */
export const EVIDENCE_CONFLICT = graphql(`
  fragment EvidenceConflict on EvidenceConflictError {
    current {
      title
      url
      note
      version
    }
  }
`);
