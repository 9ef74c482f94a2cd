import { Input } from '@lip/ui';

/**
 * The email address a sign-in form asks for (for a password or for a code), with where the person
 * goes once signed in.
 */
export function SignInEmail({
  redirectTo,
  email,
  error,
}: {
  redirectTo: string;
  email: string;
  error: string | undefined;
}) {
  return (
    <>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Input
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="email"
        spellCheck={false}
        defaultValue={email}
        errorMessage={error}
      />
    </>
  );
}
