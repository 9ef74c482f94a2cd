import type { TadaDocumentNode } from 'gql.tada';

/** The app's view of the GraphQL core: execute a document as the signed-in person. */
export interface GraphQLResult<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface LipContext {
  execute<TData, TVars>(
    document: TadaDocumentNode<TData, TVars> | string,
    variables?: TVars,
  ): Promise<GraphQLResult<TData>>;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    lip: LipContext;
    /** The server runs with the fictional demo partnerships (`--demo`, `LIP_DEMO=1`). */
    demo: boolean;
    /** The address people reach the service at, e.g. https://lip.example.gov.uk (no trailing slash). */
    origin: string;
  }
}
