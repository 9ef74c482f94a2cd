/**
 * The Content-Security-Policy nonce of this response's inline scripts. The server makes one per
 * request (server/security.ts) and hands it to Remix as `context.cspNonce`; entry.server.tsx
 * provides it to the tree, where <Scripts>, <ScrollRestoration> and our own inline script use it.
 * In the browser there is none (browsers hide nonces from the DOM): hydration keeps the server's.
 */
import { createContext, useContext } from 'react';

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string;
  }
}

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
