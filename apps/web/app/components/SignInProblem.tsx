/** A sign-in through an identity provider that could not finish: what happened and where to go. */
export function SignInProblem({ message, redirectTo }: { message: string; redirectTo?: string }) {
  const back =
    redirectTo && redirectTo !== '/partnerships'
      ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`
      : '/sign-in';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You could not be signed in</h1>
        <p className="govuk-body" data-testid="sign-in-problem">
          {message}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={back}>
            Go back to the sign-in page
          </a>
        </p>
      </div>
    </div>
  );
}
