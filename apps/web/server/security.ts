/**
 * Security headers (helmet) and the cross-site request check for the web app's form posts.
 *
 * Content-Security-Policy: scripts only from this origin or inline with this response's nonce (Remix's
 * hydration and streaming scripts, and the govuk-frontend `js-enabled` script in root.tsx); no
 * 'unsafe-inline' for scripts. Styles allow 'unsafe-inline': the charts (server-rendered SVG) and a
 * few components use style attributes, which nonces cannot cover; scripts are what CSP must stop.
 */
import { crossOriginMessage, isUnsafeMethod, originVerdict, type Origin } from '@lip/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The nonce of this response's inline scripts, set by `cspNonce()` before anything renders. */
export function nonceOf(res: ServerResponse): string {
  const { locals } = res as ServerResponse & { locals?: Record<string, unknown> };
  const nonce = locals?.cspNonce;
  if (typeof nonce !== 'string') throw new Error('cspNonce() must run before the page renders');
  return nonce;
}

/** A fresh, unguessable nonce per response (128 bits, as CSP asks). */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
}

export interface SecurityHeadersOptions {
  /**
   * Development (Vite HMR): the HMR client talks to Vite over a WebSocket, and GraphiQL at /graphql
   * is an inline page, so connect-src also allows ws:/wss: and /graphql gets no CSP. Production never.
   */
  dev: boolean;
  graphqlEndpoint: string;
  /** Origins the app's forms may be redirected to besides its own (identity providers' sign-in). */
  formActionOrigins?: readonly string[];
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler[] {
  const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: options.dev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", ...(options.formActionOrigins ?? [])],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin requests keep their Referer (the CSRF check's last fallback); other sites get none.
    // (Not no-referrer: with it, browsers send `Origin: null` on the app's own form posts.)
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    // Only over TLS: see below.
    strictTransportSecurity: false,
  });
  const withoutCsp = helmet({
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60 });
  return [
    (req, res, next) => {
      if (options.dev && req.path === options.graphqlEndpoint) return withoutCsp(req, res, next);
      return headers(req, res, next);
    },
    // HSTS only when the request came over TLS (directly, or per X-Forwarded-Proto from a proxy
    // that `trust proxy` believes): over plain http the header means nothing and would mislead.
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}

/** This request's own origin: its scheme (as `trust proxy` allows) and its Host header. */
export function ownOrigin(req: Request): Origin {
  try {
    return new URL(`${req.protocol}://${req.get('host') ?? ''}`).origin;
  } catch {
    return 'null'; // no usable Host: nothing can match, so browser posts are refused
  }
}

function refusalPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Request refused – Local inclusion plan builder</title></head>
<body><main><h1>This request was refused</h1><p>${message.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</p>
<p><a href="/">Go to the start page</a></p></main></body></html>`;
}

/**
 * Refuses form posts (and any other state-changing request) from pages on other origins: 403 with
 * a message, before Remix runs the action. /graphql has the same rule inside the core's yoga.
 */
export function crossSiteFormGuard(options: {
  allowedOrigins: readonly Origin[];
  graphqlEndpoint: string;
}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isUnsafeMethod(req.method) || req.path === options.graphqlEndpoint) return next();
    const verdict = originVerdict(
      {
        origin: req.get('origin'),
        secFetchSite: req.get('sec-fetch-site'),
        referer: req.get('referer'),
        ownOrigin: ownOrigin(req),
      },
      options.allowedOrigins,
    );
    if (verdict.kind !== 'cross-origin') return next();
    const message = crossOriginMessage(verdict.origin);
    res.status(403);
    if (req.accepts(['text/html', 'text/plain']) === 'text/html')
      res.type('html').send(refusalPage(message));
    else res.type('text/plain').send(message);
  };
}
