import { Button } from '@lip/ui';

/**
 * The sign-in page's other ways in: a button per organisation account (a plain form post, so no
 * JavaScript is needed) and the email code for people without one.
 */
export function OtherSignInOptions({
  options,
  redirectTo,
}: {
  options: { identityProviders: ReadonlyArray<{ id: string; displayName: string }> };
  redirectTo: string;
}) {
  const codeHref =
    redirectTo === '/partnerships'
      ? '/sign-in/code'
      : `/sign-in/code?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <>
      {options.identityProviders.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Sign in with your organisation account</h2>
          <p className="govuk-body">
            Council and NHS staff can use the account they sign in to work with.
          </p>
          {options.identityProviders.map((provider) => (
            <form key={provider.id} method="post" action={`/auth/oidc/${provider.id}/start`}>
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <Button variant="secondary">Sign in with {provider.displayName}</Button>
            </form>
          ))}
        </>
      )}
      <h2 className="govuk-heading-m">No organisation account?</h2>
      <p className="govuk-body">
        Parent carer forum members, and anyone else without one, can sign in with a code we email to
        them.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={codeHref}>
          Email me a sign-in code
        </a>
      </p>
    </>
  );
}
