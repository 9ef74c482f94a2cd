export const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCommitmentInput!) {
    result: createCommitment(input: $input) {
      __typename
      ... on MutationCreateCommitmentSuccess {
        data {
          id
          reference
          title
          description
          version
          phase
          ragStatus
          progress
          rating
          leadOfficer
          needAreas
          supportLayer
          startDate
          dueDate
          budgetLine
          budgetAmount
          ownerOrganisation {
            name
          }
          section {
            key
          }
          standards {
            code
          }
          viewerCanEdit
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

export const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateCommitmentInput!) {
    result: updateCommitment(input: $input) {
      __typename
      ... on MutationUpdateCommitmentSuccess {
        data {
          id
          title
          version
          standards {
            code
          }
          dueDate
          progress
          rating
          ragStatus
          leadOfficer
        }
      }
      ... on CommitmentConflictError {
        current {
          id
          title
          version
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

export interface MutationResult<T = Record<string, unknown>> {
  result: {
    __typename: string;
    message?: string;
    data?: T;
    current?: { id: string; title: string; version: number };
    fieldErrors?: { path: string[]; message: string }[];
  };
}

export const PLAN = /* GraphQL */ `
  {
    partnerships {
      edges {
        node {
          slug
          plans {
            edges {
              node {
                id
                framework {
                  id
                  areas {
                    id
                    code
                  }
                }
                sections {
                  key
                  version
                  viewerCanEdit
                  commitments(first: 1) {
                    edges {
                      node {
                        id
                        version
                        viewerCanEdit
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export interface PlanData {
  partnerships: {
    edges: {
      node: {
        slug: string;
        plans: {
          edges: {
            node: {
              id: string;
              framework: { id: string; areas: { id: string; code: string }[] };
              sections: {
                key: string;
                version: number;
                viewerCanEdit: boolean;
                commitments: {
                  edges: { node: { id: string; version: number; viewerCanEdit: boolean } }[];
                };
              }[];
            };
          }[];
        };
      };
    }[];
  };
}
