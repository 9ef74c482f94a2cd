// Sessions: an idle limit and an absolute limit (ended sessions are refused and deleted), lastSeenAt
// written at most once a minute, your list of sessions to end (never anyone else's), and roles read
// afresh on every request so a change applies to sessions already open.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import type { RequestContext } from '../src/index.ts';
import { bootCore, DEMO_PASSWORD, type TestCore } from './support/core.ts';

const FIREFOX_ON_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) {
    signIn(input: $input) {
      ... on MutationSignInSuccess {
        data {
          token
          expiresAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`;

const MY_SESSIONS = /* GraphQL */ `
  {
    mySessions {
      id
      device
      createdAt
      lastSeenAt
      expiresAt
      current
    }
  }
`;

interface SessionRow {
  id: string;
  device: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

let t: TestCore;
beforeAll(async () => {
  t = await bootCore(undefined, { auth: { sessionIdleHours: 8, sessionMaxHours: 24 } });
});
afterAll(() => t?.close());

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Signs in through the API from a device; returns the token. */
async function signInOn(email: string, userAgent: string | null): Promise<string> {
  const anonymous = await t.core.contextForSession(undefined, {
    clientAddress: '192.0.2.1',
    userAgent,
  });
  const result = await t.run<{ signIn: { data?: { token: string }; message?: string } }>(
    anonymous,
    SIGN_IN,
    { input: { email, password: DEMO_PASSWORD } },
  );
  if (!result.signIn.data) throw new Error(result.signIn.message);
  return result.signIn.data.token;
}

const contextOf = (token: string): Promise<RequestContext> => t.core.contextForSession(token);

describe('ends', () => {
  test('a session unused for longer than the idle limit: refused, and its row deleted', async () => {
    const token = await signInOn('viewer@northshire.example', FIREFOX_ON_MAC);
    await t.db.prisma.session.update({
      where: { id: hashOf(token) },
      data: { lastSeenAt: new Date(Date.now() - 8 * 3600_000 - 1000) },
    });
    expect((await contextOf(token)).user).toBeNull();
    expect(await t.db.prisma.session.findUnique({ where: { id: hashOf(token) } })).toBeNull();
  });

  test('a session used within the idle limit goes on', async () => {
    const token = await signInOn('viewer@northshire.example', FIREFOX_ON_MAC);
    await t.db.prisma.session.update({
      where: { id: hashOf(token) },
      data: { lastSeenAt: new Date(Date.now() - 7 * 3600_000) },
    });
    expect((await contextOf(token)).user?.email).toBe('viewer@northshire.example');
  });

  test('a session past its absolute limit, however busy: refused, and its row deleted', async () => {
    const result = await t.run<{ signIn: { data: { token: string; expiresAt: string } } }>(
      await t.core.contextForSession(undefined),
      SIGN_IN,
      { input: { email: 'forum@northshire.example', password: DEMO_PASSWORD } },
    );
    const { token, expiresAt } = result.signIn.data;
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    await t.db.prisma.session.update({
      where: { id: hashOf(token) },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect((await contextOf(token)).user).toBeNull();
    expect(await t.db.prisma.session.findUnique({ where: { id: hashOf(token) } })).toBeNull();
  });
});

describe('lastSeenAt', () => {
  test('is moved forward once it is over a minute old', async () => {
    const token = await signInOn('care@northshire.example', FIREFOX_ON_MAC);
    const old = new Date(Date.now() - 5 * 60_000);
    await t.db.prisma.session.update({ where: { id: hashOf(token) }, data: { lastSeenAt: old } });
    const before = Date.now();
    await contextOf(token);
    const row = await t.db.prisma.session.findUniqueOrThrow({ where: { id: hashOf(token) } });
    expect(row.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  test('is not written on every request', async () => {
    const token = await signInOn('care@northshire.example', FIREFOX_ON_MAC);
    const recent = new Date(Date.now() - 10_000);
    await t.db.prisma.session.update({
      where: { id: hashOf(token) },
      data: { lastSeenAt: recent },
    });
    await contextOf(token);
    await contextOf(token);
    const row = await t.db.prisma.session.findUniqueOrThrow({ where: { id: hashOf(token) } });
    expect(row.lastSeenAt.getTime()).toBe(recent.getTime());
  });
});

describe('your sessions', () => {
  test('lists your devices in plain words, this one first; never the token or its hash', async () => {
    const email = 'ap@northshire.example';
    const onMac = await signInOn(email, FIREFOX_ON_MAC);
    const onPhone = await signInOn(email, SAFARI_ON_IPHONE);
    const unknown = await signInOn(email, null);
    const { mySessions } = await t.run<{ mySessions: SessionRow[] }>(
      await contextOf(onPhone),
      MY_SESSIONS,
    );
    expect(mySessions.map((s) => [s.device, s.current])).toEqual([
      ['Safari on iOS', true],
      ['Unknown device', false],
      ['Firefox on macOS', false],
    ]);
    const ids = mySessions.map((s) => s.id).join(' ');
    for (const token of [onMac, onPhone, unknown]) {
      expect(ids).not.toContain(token);
      expect(ids).not.toContain(hashOf(token));
    }
    // Someone else's list never shows them.
    const other = await t.run<{ mySessions: SessionRow[] }>(
      await t.as('lead@southvale.example'),
      MY_SESSIONS,
    );
    expect(other.mySessions.map((s) => s.id)).not.toContain(mySessions[0]!.id);
    // Signed out: nothing.
    expect(await t.run(await t.core.contextForSession(undefined), MY_SESSIONS)).toEqual({
      mySessions: [],
    });
  });

  test("end one of yours; someone else's is not found and goes on", async () => {
    const mine = await signInOn('icb@northshire.example', FIREFOX_ON_MAC);
    const other = await signInOn('icb@northshire.example', SAFARI_ON_IPHONE);
    const theirs = await signInOn('lead@southvale.example', FIREFOX_ON_MAC);
    const theirId = (
      await t.run<{ mySessions: SessionRow[] }>(await contextOf(theirs), MY_SESSIONS)
    ).mySessions.find((s) => s.current)!.id;
    const END = /* GraphQL */ `
      mutation ($id: ID!) {
        endSession(id: $id) {
          __typename
          ... on Error {
            message
          }
        }
      }
    `;
    const me = await contextOf(mine);
    expect(await t.run(me, END, { id: theirId })).toEqual({
      endSession: { __typename: 'NotFoundError', message: 'Session not found' },
    });
    expect((await contextOf(theirs)).user?.email).toBe('lead@southvale.example');

    const otherId = (await t.run<{ mySessions: SessionRow[] }>(me, MY_SESSIONS)).mySessions.find(
      (s) => s.device === 'Safari on iOS',
    )!.id;
    expect(await t.run(me, END, { id: otherId })).toEqual({
      endSession: { __typename: 'MutationEndSessionSuccess' },
    });
    expect((await contextOf(other)).user).toBeNull();
    expect((await contextOf(mine)).user?.email).toBe('icb@northshire.example');
    const audited = await t.db.prisma.auditEvent.findFirst({
      where: { action: 'session.ended', entityId: otherId },
    });
    expect(audited).toMatchObject({ partnershipId: null, planId: null });

    // Signed out, ending anything is refused.
    expect(await t.run(await t.core.contextForSession(undefined), END, { id: theirId })).toEqual({
      endSession: { __typename: 'ForbiddenError', message: 'Sign in to manage your sessions' },
    });
  });

  test('end all your other sessions: this one goes on, nobody else is touched', async () => {
    const email = 'education@northshire.example';
    const keep = await signInOn(email, FIREFOX_ON_MAC);
    const others = [await signInOn(email, SAFARI_ON_IPHONE), await signInOn(email, null)];
    const bystander = await signInOn('viewer@northshire.example', FIREFOX_ON_MAC);
    const result = await t.run<{ endOtherSessions: { data: number } }>(
      await contextOf(keep),
      /* GraphQL */ `
        mutation {
          endOtherSessions {
            ... on MutationEndOtherSessionsSuccess {
              data
            }
          }
        }
      `,
    );
    expect(result.endOtherSessions.data).toBe(2);
    for (const token of others) expect((await contextOf(token)).user).toBeNull();
    expect((await contextOf(keep)).user?.email).toBe(email);
    expect((await contextOf(bystander)).user?.email).toBe('viewer@northshire.example');
  });
});

test('a role removed in the database applies on the next request of a session already open', async () => {
  const token = await signInOn('lead@northshire.example', FIREFOX_ON_MAC);
  const PLAN = /* GraphQL */ `
    query ($id: ID!) {
      plan(id: $id) {
        viewerCanEdit
      }
    }
  `;
  const id = encodeGlobalId('Plan', 'demo-plan-northshire-lip-2026');
  expect(await t.run(await contextOf(token), PLAN, { id })).toEqual({
    plan: { viewerCanEdit: true },
  });
  const user = await t.db.prisma.user.findUniqueOrThrow({
    where: { email: 'lead@northshire.example' },
  });
  await t.db.prisma.member.updateMany({ where: { userId: user.id }, data: { roles: ['VIEWER'] } });
  expect(await t.run(await contextOf(token), PLAN, { id })).toEqual({
    plan: { viewerCanEdit: false },
  });
  // Removed from the partnership altogether: the plan is not there for them any more.
  await t.db.prisma.member.deleteMany({ where: { userId: user.id } });
  expect(await t.run(await contextOf(token), PLAN, { id })).toEqual({ plan: null });
});
