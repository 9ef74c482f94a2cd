import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  cookieIsSecure,
  safeRedirectTo,
  setSessionCookie,
} from '../app/lib/session.server.ts';

const env = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = env;
});

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax, carrying the raw token the core reads', () => {
    const cookie = setSessionCookie(
      new Request('http://localhost:3000/sign-in'),
      'tok_en-1',
      '2026-12-27T10:00:00.000Z',
    );
    expect(cookie).toBe(
      'lip_session=tok_en-1; Path=/; Expires=Sun, 27 Dec 2026 10:00:00 GMT; HttpOnly; SameSite=Lax',
    );
    expect(clearSessionCookie(new Request('http://localhost/'))).toContain(
      'lip_session=; Path=/; Expires=Thu, 01 Jan 1970',
    );
  });

  it('is Secure over https, and in production except on this machine', () => {
    process.env.NODE_ENV = 'production';
    expect(cookieIsSecure(new Request('https://lip.example/sign-in'))).toBe(true);
    expect(cookieIsSecure(new Request('http://lip.example/sign-in'))).toBe(true);
    expect(cookieIsSecure(new Request('http://127.0.0.1:3000/sign-in'))).toBe(false);
    expect(cookieIsSecure(new Request('http://localhost:3000/sign-in'))).toBe(false);
    expect(
      setSessionCookie(new Request('https://lip.example/'), 't', '2026-12-27T10:00:00.000Z'),
    ).toMatch(/; Secure$/);
    process.env.NODE_ENV = 'development';
    expect(cookieIsSecure(new Request('http://lip.example/sign-in'))).toBe(false);
  });

  it('only redirects to paths on this site after sign-in', () => {
    expect(safeRedirectTo('/plans/1')).toBe('/plans/1');
    expect(safeRedirectTo('//evil.example')).toBe('/partnerships');
    expect(safeRedirectTo('https://evil.example')).toBe('/partnerships');
    expect(safeRedirectTo(null)).toBe('/partnerships');
  });
});
