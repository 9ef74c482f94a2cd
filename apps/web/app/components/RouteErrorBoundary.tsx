import { isRouteErrorResponse, useRouteError } from '@remix-run/react';

/** The GOV.UK error pages, used as every route's ErrorBoundary. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">
            If you pasted the web address, check you copied the entire address.
          </p>
          <p className="govuk-body">
            If the address is correct, the page may belong to a partnership you are not a member of.
            Go to{' '}
            <a className="govuk-link" href="/partnerships">
              your partnerships
            </a>
            .
          </p>
        </div>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You do not have access to this page</h1>
          <p className="govuk-body">
            Ask your partnership lead if you need access. Go to{' '}
            <a className="govuk-link" href="/partnerships">
              your partnerships
            </a>
            .
          </p>
        </div>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    // A request the service cannot use (a malformed form or address): say what to do, plainly.
    const message =
      typeof error.data === 'string' && error.data !== ''
        ? error.data
        : 'The address or the form sent something this service cannot use: go back and try again';
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">There is a problem with your request</h1>
          <p className="govuk-body">{message}</p>
          <p className="govuk-body">
            Go to{' '}
            <a className="govuk-link" href="/partnerships">
              your partnerships
            </a>
            .
          </p>
        </div>
      </div>
    );
  }
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again later. Nothing you had saved has been lost.</p>
      </div>
    </div>
  );
}
