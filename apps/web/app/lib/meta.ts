import { isRouteErrorResponse } from '@remix-run/react';

export const SERVICE_NAME = 'Local inclusion plan builder';

export function pageTitle(...parts: Array<string | undefined>): Array<{ title: string }> {
  return [{ title: [...parts.filter(Boolean), SERVICE_NAME].join(' – ') }];
}

/** The page title of an error page. */
export function errorTitle(error: unknown): Array<{ title: string }> {
  if (isRouteErrorResponse(error) && error.status === 404) return pageTitle('Page not found');
  if (isRouteErrorResponse(error) && error.status === 403)
    return pageTitle('You do not have access to this page');
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500)
    return pageTitle('There is a problem with your request');
  return pageTitle('Sorry, there is a problem with the service');
}
