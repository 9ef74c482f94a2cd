import type { ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from '@remix-run/react';

/** One GOV.UK error page: a heading and what to do next. */
function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}

const yourPartnerships = (
  <a className="govuk-link" href="/partnerships">
    your partnerships
  </a>
);

/** The GOV.UK error pages, used as every route's ErrorBoundary. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage title="Page not found">
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">
          If you pasted the web address, check you copied the entire address.
        </p>
        <p className="govuk-body">
          If the address is correct, the page may belong to a partnership you are not a member of.
          Go to {yourPartnerships}.
        </p>
      </ErrorPage>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <ErrorPage title="You do not have access to this page">
        <p className="govuk-body">
          Ask your partnership lead if you need access. Go to {yourPartnerships}.
        </p>
      </ErrorPage>
    );
  }
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    // A request the service cannot use (a malformed form or address): say what to do, plainly.
    const message =
      typeof error.data === 'string' && error.data !== ''
        ? error.data
        : 'The address or the form sent something this service cannot use: go back and try again';
    return (
      <ErrorPage title="There is a problem with your request">
        <p className="govuk-body">{message}</p>
        <p className="govuk-body">Go to {yourPartnerships}.</p>
      </ErrorPage>
    );
  }
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <ErrorPage title="Sorry, there is a problem with the service">
      <p className="govuk-body">Try again later. Nothing you had saved has been lost.</p>
    </ErrorPage>
  );
}
