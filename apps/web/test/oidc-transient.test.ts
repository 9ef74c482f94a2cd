import { describe, expect, it } from 'vitest';
import {
  callbackUrlFor,
  clearOidcTransient,
  readOidcTransient,
  setOidcTransient,
} from '../app/lib/oidc-transient.server.ts';

describe('the transient cookie of a sign-in through an identity provider', () => {
  it('is HttpOnly, SameSite=Lax, sent only to /auth/oidc/ and lives 10 minutes', () => {
    expect(setOidcTransient(new Request('http://localhost:3000/auth/oidc/x/start'), 'abc')).toBe(
      'lip_oidc=abc; Path=/auth/oidc/; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(setOidcTransient(new Request('https://lip.example/auth/oidc/x/start'), 'abc')).toMatch(
      /; Secure$/,
    );
    expect(clearOidcTransient(new Request('http://localhost/'))).toContain('Max-Age=0');
  });

  it('is read back from the request, and is empty when absent or malformed', () => {
    const request = (cookie?: string) =>
      new Request('http://localhost/auth/oidc/x/callback', {
        headers: cookie ? { cookie } : {},
      });
    expect(readOidcTransient(request('a=1; lip_oidc=t%2Bk; lip_session=s'))).toBe('t+k');
    expect(readOidcTransient(request())).toBe('');
    expect(readOidcTransient(request('lip_oidc=%E0%A4%A'))).toBe('');
  });

  it("names this site's callback URL for the provider", () => {
    expect(
      callbackUrlFor(new Request('https://lip.example/auth/oidc/nhsmail/start'), 'nhsmail'),
    ).toBe('https://lip.example/auth/oidc/nhsmail/callback');
  });
});
