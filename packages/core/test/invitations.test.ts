// Partnership creation and invitations by email, through GraphQL, with the mail really sent over
// SMTP to a server started here (smtp-server) and the links read from the mails it received.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, hashPassword } from '@lip/db';
import { decodeGlobalId, encodeGlobalId } from '../src/ids.ts';
import { smtpTransport } from '../src/mail/mailer.ts';
import type { RequestContext } from '../src/index.ts';
import { parsePublicUrl } from '../src/invitations/links.ts';
import { plainMailError } from '../src/invitations/delivery.ts';
import { createTestCore, type TestCore } from '../src/testing.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../src/test-servers/index.ts';
import { testPlugins } from './support/plugins.ts';

const ORIGIN = 'https://lip.test';
const NORTHSHIRE = encodeGlobalId('Partnership', 'demo-partnership-northshire');
const N_ICB = encodeGlobalId('Organisation', 'demo-org-nhs-northshire-icb');
const N_PCF = encodeGlobalId('Organisation', 'demo-org-northshire-pcf');
const SV_CC = encodeGlobalId('Organisation', 'demo-org-southvale-council');
/** The demo seed's service administrator. */
const ADMIN = 'admin@service.example';

const ERRORS = /* GraphQL */ `
  fragment Problems on Error {
    __typename
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
    ... on InvitationUnusableError {
      problem
    }
  }
`;

const INVITATION_FIELDS = /* GraphQL */ `
  fragment InvitationFields on Invitation {
    id
    email
    roles
    jobTitle
    status
    sentAt
    expiresAt
    organisation {
      name
    }
    invitedBy {
      name
    }
    delivery {
      status
      problem
    }
    link
  }
`;

const INVITE = /* GraphQL */ `
  mutation ($input: InviteMemberInput!) {
    result: inviteMember(input: $input) {
      __typename
      ... on MutationInviteMemberSuccess {
        data {
          invitations {
            ...InvitationFields
          }
        }
      }
      ...Problems
    }
  }
  ${ERRORS}
  ${INVITATION_FIELDS}
`;

const RESEND = /* GraphQL */ `
  mutation ($input: ResendInvitationInput!) {
    result: resendInvitation(input: $input) {
      __typename
      ... on MutationResendInvitationSuccess {
        data {
          ...InvitationFields
        }
      }
      ...Problems
    }
  }
  ${ERRORS}
  ${INVITATION_FIELDS}
`;

const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeInvitationInput!) {
    result: revokeInvitation(input: $input) {
      __typename
      ... on MutationRevokeInvitationSuccess {
        data {
          ...InvitationFields
        }
      }
      ...Problems
    }
  }
  ${ERRORS}
  ${INVITATION_FIELDS}
`;

const ACCEPT = /* GraphQL */ `
  mutation ($input: AcceptInvitationInput!) {
    result: acceptInvitation(input: $input) {
      __typename
      ... on MutationAcceptInvitationSuccess {
        data {
          token
          expiresAt
          partnershipSlug
          partnershipName
          user {
            email
            name
          }
        }
      }
      ...Problems
    }
  }
  ${ERRORS}
`;

const PREVIEW = /* GraphQL */ `
  query ($token: String!) {
    invitation(token: $token) {
      status
      email
      partnershipName
      organisationName
      roles
      invitedByName
      accountExists
    }
  }
`;

const LIST = /* GraphQL */ `
  query ($slug: String!) {
    partnership(slug: $slug) {
      invitations {
        ...InvitationFields
      }
    }
  }
  ${INVITATION_FIELDS}
`;

const CREATE_PARTNERSHIP = /* GraphQL */ `
  mutation ($input: CreatePartnershipInput!) {
    result: createPartnership(input: $input) {
      __typename
      ... on MutationCreatePartnershipSuccess {
        data {
          partnershipId
          slug
          name
          invitation {
            ...InvitationFields
          }
        }
      }
      ...Problems
    }
  }
  ${ERRORS}
  ${INVITATION_FIELDS}
`;

interface Invitation {
  id: string;
  email: string;
  roles: string[];
  jobTitle: string | null;
  status: string;
  sentAt: string;
  expiresAt: string;
  organisation: { name: string };
  invitedBy: { name: string } | null;
  delivery: { status: string; problem: string | null };
  link: string | null;
}

interface Problem {
  __typename: string;
  message?: string;
  fieldErrors?: Array<{ path: string[]; message: string }>;
  problem?: string;
}

type Outcome<T> = Problem & { data?: T };

let smtp: TestSmtpServer;
let t: TestCore;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await createTestCore({
    plugins: testPlugins,
    identity: {
      mail: {
        transport: smtpTransport(smtp.url),
        from: 'LIP <no-reply@lip.test>',
        maxAttempts: 2,
        firstRetryMs: 1,
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A demo account's context, as if its request came to https://lip.test. */
async function as(email: string): Promise<RequestContext> {
  return { ...(await t.signIn(email)), origin: ORIGIN };
}

async function anonymous(): Promise<RequestContext> {
  return { ...(await t.anonymous()), origin: ORIGIN };
}

async function run<T>(
  ctx: RequestContext,
  document: string,
  variables: Record<string, unknown>,
  core: TestCore = t,
): Promise<T> {
  const result = await core.core.execute<T>({ document, variables, context: ctx });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

const invite = async (ctx: RequestContext, input: Record<string, unknown>, core = t) =>
  (
    await run<{ result: Outcome<{ invitations: Invitation[] }> }>(
      ctx,
      INVITE,
      {
        input: {
          partnershipId: NORTHSHIRE,
          organisationId: N_ICB,
          roles: ['CONTRIBUTOR'],
          ...input,
        },
      },
      core,
    )
  ).result;

const accept = async (ctx: RequestContext, token: string, name?: string, core = t) =>
  (
    await run<{
      result: Outcome<{
        token: string;
        partnershipSlug: string;
        user: { email: string; name: string };
      }>;
    }>(ctx, ACCEPT, { input: { token, name } }, core)
  ).result;

const resend = async (ctx: RequestContext, id: string) =>
  (await run<{ result: Outcome<Invitation> }>(ctx, RESEND, { input: { id } })).result;

const revoke = async (ctx: RequestContext, id: string) =>
  (await run<{ result: Outcome<Invitation> }>(ctx, REVOKE, { input: { id } })).result;

const list = async (ctx: RequestContext, core = t) =>
  (
    await run<{ partnership: { invitations: Invitation[] } }>(
      ctx,
      LIST,
      { slug: 'northshire' },
      core,
    )
  ).partnership.invitations;

/** Reads the link from the next mail the SMTP server received for this address. */
async function linkFromMail(email: string): Promise<{ link: string; token: string; text: string }> {
  const mail = await smtp.nextMail(email);
  const link = /https:\/\/lip\.test\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!link) throw new Error(`No link in the mail: ${mail.text}`);
  return { link: link[0], token: link[1]!, text: mail.text };
}

/** Everything an invitation request could write, to check nothing was half-written. */
async function counts() {
  const [invitations, mails, audit, users, members, partnerships, organisations] =
    await Promise.all([
      t.db.prisma.invitation.count(),
      t.db.prisma.emailOutbox.count(),
      t.db.prisma.auditEvent.count(),
      t.db.prisma.user.count(),
      t.db.prisma.member.count(),
      t.db.prisma.partnership.count(),
      t.db.prisma.organisation.count(),
    ]);
  return { invitations, mails, audit, users, members, partnerships, organisations };
}

const databaseId = (globalId: string) => decodeGlobalId(globalId)!.id;

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await t.core.mailer.drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('inviting and accepting', () => {
  test('a lead invites two people: one mail each, with the link, and the lead sees them sent', async () => {
    const lead = await as('lead@northshire.example');
    const result = await invite(lead, {
      emails: ['New.Person@Example.org ', 'second@example.org', 'new.person@example.org', ''],
      roles: ['SECTION_EDITOR', 'CONTRIBUTOR'],
      jobTitle: 'SEND commissioning manager',
    });
    expect(result.__typename).toBe('MutationInviteMemberSuccess');
    const invitations = result.data!.invitations;
    expect(invitations.map((i) => i.email)).toEqual([
      'new.person@example.org',
      'second@example.org',
    ]);
    expect(invitations[0]).toMatchObject({
      roles: ['SECTION_EDITOR', 'CONTRIBUTOR'],
      jobTitle: 'SEND commissioning manager',
      status: 'PENDING',
      organisation: { name: 'NHS Northshire Integrated Care Board' },
      invitedBy: { name: 'Alex Morgan' },
      link: null,
    });
    const days = (Date.parse(invitations[0]!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const { text, token } = await linkFromMail('new.person@example.org');
    expect(text).toContain(
      'Alex Morgan (Northshire County Council (education)) has invited you to join Northshire SEND and AP Partnership on Local Inclusion Plan Builder as a section editor and contributor for NHS Northshire Integrated Care Board.',
    );
    expect(text).toContain('The link works once and expires on');
    expect(text).toContain('If you were not expecting this email, you can ignore it.');
    const mail = smtp.messages.find((m) => m.to.includes('new.person@example.org'))!;
    expect(mail.subject).toBe(
      'You have been invited to join Northshire SEND and AP Partnership on Local Inclusion Plan Builder',
    );
    await linkFromMail('second@example.org');

    // Only the token's hash is kept, and the sent mail's text is blanked.
    const row = await t.db.prisma.invitation.findFirstOrThrow({
      where: { email: 'new.person@example.org' },
      include: { mail: true },
    });
    expect(row.tokenHash).not.toContain(token);
    await waitFor(async () => {
      const m = await t.db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.mailId! } });
      return m.status === 'SENT' && m.text === '';
    }, 'the sent mail to be blanked');

    const listed = await list(lead);
    const mine = listed.find((i) => i.email === 'new.person@example.org')!;
    expect(mine.delivery).toEqual({ status: 'SENT', problem: null });
    expect(listed[0]!.status).toBe('PENDING');

    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entityType: 'Invitation', entityId: row.id },
    });
    expect(audit).toMatchObject([
      { action: 'invitation.sent', planId: null, partnershipId: 'demo-partnership-northshire' },
    ]);
  });

  test('accepting creates the account (a name is needed), signs in, and the link works once', async () => {
    const lead = await as('lead@northshire.example');
    await invite(lead, {
      emails: ['fresh@example.org'],
      roles: ['CONTRIBUTOR'],
      organisationId: N_ICB,
    });
    const { token } = await linkFromMail('fresh@example.org');

    const visitor = await anonymous();
    const preview = await run<{ invitation: Record<string, unknown> }>(visitor, PREVIEW, { token });
    expect(preview.invitation).toEqual({
      status: 'PENDING',
      email: 'fresh@example.org',
      partnershipName: 'Northshire SEND and AP Partnership',
      organisationName: 'NHS Northshire Integrated Care Board',
      roles: ['CONTRIBUTOR'],
      invitedByName: 'Alex Morgan',
      accountExists: false,
    });

    const nameless = await accept(visitor, token);
    expect(nameless.__typename).toBe('ValidationError');
    expect(nameless.fieldErrors).toEqual([{ path: ['name'], message: 'Enter your full name' }]);

    const accepted = await accept(visitor, token, '  Jo Fresh ');
    expect(accepted.__typename).toBe('MutationAcceptInvitationSuccess');
    expect(accepted.data).toMatchObject({
      partnershipSlug: 'northshire',
      user: { email: 'fresh@example.org', name: 'Jo Fresh' },
    });
    // The session works: the new member sees the partnership with the invitation's roles.
    const session = await t.core.contextForSession(accepted.data!.token);
    expect(session.user?.email).toBe('fresh@example.org');
    expect(session.memberships.get('demo-partnership-northshire')).toMatchObject({
      organisationId: 'demo-org-nhs-northshire-icb',
      roles: ['CONTRIBUTOR'],
    });
    const user = await t.db.prisma.user.findUniqueOrThrow({
      where: { email: 'fresh@example.org' },
    });
    expect(user.lastSignedInAt).not.toBeNull();
    expect(user.passwordHash).toBeNull();

    const again = await accept(visitor, token, 'Jo Fresh');
    expect(again).toMatchObject({ __typename: 'InvitationUnusableError', problem: 'USED' });
    expect(again.message).toMatch(/already been used/);
    const after = await run<{ invitation: { status: string } }>(visitor, PREVIEW, { token });
    expect(after.invitation.status).toBe('ACCEPTED');
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'invitation.accepted', actorUserId: user.id },
    });
    expect(audit).toMatchObject({
      planId: null,
      actorOrganisationId: 'demo-org-nhs-northshire-icb',
    });
  });

  test('accepting links an existing account with that address, and refuses someone else signed in', async () => {
    await t.db.prisma.user.create({
      data: {
        email: 'known@elsewhere.example',
        name: 'Kim Known',
        passwordHash: await hashPassword(DEMO_PASSWORD),
      },
    });
    const lead = await as('lead@northshire.example');
    await invite(lead, { emails: ['Known@elsewhere.example'], roles: ['VIEWER'] });
    const { token } = await linkFromMail('known@elsewhere.example');
    const usersBefore = await t.db.prisma.user.count();

    const preview = await run<{ invitation: { accountExists: boolean } }>(
      await anonymous(),
      PREVIEW,
      {
        token,
      },
    );
    expect(preview.invitation.accountExists).toBe(true);

    const someoneElse = await accept(await as('viewer@northshire.example'), token);
    expect(someoneElse).toMatchObject({
      __typename: 'InvitationUnusableError',
      problem: 'OTHER_ACCOUNT',
    });
    expect(someoneElse.message).toContain('known@elsewhere.example');

    const accepted = await accept(await as('known@elsewhere.example'), token, 'Ignored');
    expect(accepted.__typename).toBe('MutationAcceptInvitationSuccess');
    expect(accepted.data!.user.name).toBe('Kim Known');
    expect(await t.db.prisma.user.count()).toBe(usersBefore);
    const session = await t.core.contextForSession(accepted.data!.token);
    expect([...session.memberships.keys()]).toEqual(['demo-partnership-northshire']);
    expect(session.memberships.get('demo-partnership-northshire')?.roles).toEqual(['VIEWER']);
  });

  test('two accepts at once: one member, one refusal', async () => {
    const lead = await as('lead@northshire.example');
    await invite(lead, { emails: ['racer@example.org'] });
    const { token } = await linkFromMail('racer@example.org');
    const visitor = await anonymous();
    const results = await Promise.all([
      accept(visitor, token, 'Ray Racer'),
      accept(visitor, token, 'Ray Racer'),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual([
      'InvitationUnusableError',
      'MutationAcceptInvitationSuccess',
    ]);
    expect(
      await t.db.prisma.member.count({
        where: {
          user: { email: 'racer@example.org' },
          partnershipId: 'demo-partnership-northshire',
        },
      }),
    ).toBe(1);
    expect(await t.db.prisma.user.count({ where: { email: 'racer@example.org' } })).toBe(1);
  });

  test('an unknown or malformed link reveals nothing', async () => {
    const visitor = await anonymous();
    for (const token of ['A'.repeat(43), 'nonsense', '']) {
      expect((await run<{ invitation: null }>(visitor, PREVIEW, { token })).invitation).toBeNull();
      expect(await accept(visitor, token, 'X')).toMatchObject({
        __typename: 'InvitationUnusableError',
        problem: 'UNKNOWN',
      });
    }
  });
});

describe('resend, revoke and expiry', () => {
  test('resending sends a new link, and the old one stops working', async () => {
    const lead = await as('lead@northshire.example');
    const created = await invite(lead, { emails: ['resend@example.org'] });
    const first = await linkFromMail('resend@example.org');
    const id = created.data!.invitations[0]!.id;

    const resent = await resend(lead, id);
    expect(resent.__typename).toBe('MutationResendInvitationSuccess');
    const second = await linkFromMail('resend@example.org');
    expect(second.token).not.toBe(first.token);

    expect(await accept(await anonymous(), first.token, 'R')).toMatchObject({
      problem: 'UNKNOWN',
    });
    expect(await accept(await anonymous(), second.token, 'Rene Resend')).toMatchObject({
      __typename: 'MutationAcceptInvitationSuccess',
    });
    expect(await resend(lead, id)).toMatchObject({
      __typename: 'ValidationError',
      message: 'This invitation has been accepted, so there is nothing to send',
    });
    expect(
      await t.db.prisma.auditEvent.count({
        where: { entityId: databaseId(id), action: 'invitation.resent' },
      }),
    ).toBe(1);
  });

  test('a revoked link says so; a revoked invitation cannot be resent', async () => {
    const lead = await as('lead@northshire.example');
    const created = await invite(lead, { emails: ['revoked@example.org'] });
    const { token } = await linkFromMail('revoked@example.org');
    const id = created.data!.invitations[0]!.id;

    const revoked = await revoke(lead, id);
    expect(revoked).toMatchObject({
      __typename: 'MutationRevokeInvitationSuccess',
      data: { status: 'REVOKED' },
    });
    const refused = await accept(await anonymous(), token, 'R');
    expect(refused).toMatchObject({ __typename: 'InvitationUnusableError', problem: 'REVOKED' });
    expect(refused.message).toMatch(/cancelled/);
    expect(await revoke(lead, id)).toMatchObject({ __typename: 'ValidationError' });
    expect(await resend(lead, id)).toMatchObject({ __typename: 'ValidationError' });
    // Revoked, so the address may be invited again.
    expect((await invite(lead, { emails: ['revoked@example.org'] })).__typename).toBe(
      'MutationInviteMemberSuccess',
    );
    await linkFromMail('revoked@example.org');
  });

  test('an expired link says so, and the lead can send it again', async () => {
    const lead = await as('lead@northshire.example');
    const created = await invite(lead, { emails: ['late@example.org'] });
    const { token } = await linkFromMail('late@example.org');
    const id = created.data!.invitations[0]!.id;
    await t.db.prisma.invitation.updateMany({
      where: { email: 'late@example.org' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(
      (await run<{ invitation: { status: string } }>(await anonymous(), PREVIEW, { token }))
        .invitation.status,
    ).toBe('EXPIRED');
    const refused = await accept(await anonymous(), token, 'L');
    expect(refused).toMatchObject({ problem: 'EXPIRED' });
    expect(refused.message).toMatch(/expired.*partnership lead/);
    expect((await list(lead)).find((i) => i.id === id)?.status).toBe('EXPIRED');
    expect(await revoke(lead, id)).toMatchObject({ __typename: 'ValidationError' });

    expect((await resend(lead, id)).data?.status).toBe('PENDING');
    const fresh = await linkFromMail('late@example.org');
    expect(await accept(await anonymous(), fresh.token, 'Lee Late')).toMatchObject({
      __typename: 'MutationAcceptInvitationSuccess',
    });
  });

  test('a failed delivery shows to the lead, and the invitation is kept', async () => {
    const lead = await as('lead@northshire.example');
    smtp.refuseNext(2);
    const created = await invite(lead, { emails: ['bounce@example.org'] });
    const id = created.data!.invitations[0]!.id;
    await waitFor(async () => {
      const row = await t.db.prisma.invitation.findUniqueOrThrow({
        where: { id: databaseId(id) },
        include: { mail: true },
      });
      return row.mail?.status === 'FAILED';
    }, 'the delivery to fail');
    const shown = (await list(lead)).find((i) => i.id === id)!;
    expect(shown.status).toBe('PENDING');
    expect(shown.delivery.status).toBe('FAILED');
    expect(shown.delivery.problem).toMatch(/^The mail server did not accept the email/);
    expect(shown.delivery.problem).toContain('Try again later');

    // Sending again works, with a new link.
    expect((await resend(lead, id)).__typename).toBe('MutationResendInvitationSuccess');
    await linkFromMail('bounce@example.org');
    await waitFor(
      async () => (await list(lead)).find((i) => i.id === id)?.delivery.status === 'SENT',
      'the resent mail to go',
    );
  });

  test('mail errors never show credentials', () => {
    const said = plainMailError(
      'Invalid login: 535 smtps://user:hunter2@mail.example failed pass=hunter2',
    );
    expect(said).not.toContain('hunter2');
    expect(said).toMatch(/^The mail server did not accept the service’s sign-in details/);
    expect(plainMailError('connect ECONNREFUSED 127.0.0.1:25')).toMatch(/could not reach/);
  });
});

describe('bad input writes nothing', () => {
  const refusedWith = async (input: Record<string, unknown>, field: string, message: RegExp) => {
    const lead = await as('lead@northshire.example');
    const before = await counts();
    const result = await invite(lead, input);
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors?.[0]?.path).toEqual([field]);
    expect(result.fieldErrors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  };

  test('an address with an invitation waiting: resend it instead', async () => {
    const lead = await as('lead@northshire.example');
    await invite(lead, { emails: ['waiting@example.org'] });
    await linkFromMail('waiting@example.org');
    await refusedWith(
      { emails: ['other@example.org', 'WAITING@example.org'] },
      'emails',
      /^waiting@example\.org already has an invitation waiting: resend it instead$/,
    );
  });

  test('an address that is a member already', () =>
    refusedWith(
      { emails: ['new1@example.org', 'education@northshire.example'] },
      'emails',
      /^education@northshire\.example is already a member of this partnership$/,
    ));

  test('addresses that are not addresses are named', () =>
    refusedWith(
      { emails: ['fine@example.org', 'not-an-address', 'also wrong@x'] },
      'emails',
      /Check not-an-address and also wrong@x$/,
    ));

  test('no addresses', () => refusedWith({ emails: [' ', ''] }, 'emails', /at least one/));

  test('500 addresses at once', () =>
    refusedWith(
      { emails: Array.from({ length: 500 }, (_, i) => `person${i}@example.org`) },
      'emails',
      /up to 100 people at a time. You entered 500/,
    ));

  test('an organisation of another partnership', () =>
    refusedWith(
      { emails: ['x1@example.org'], organisationId: SV_CC },
      'organisationId',
      /Choose an organisation of this partnership/,
    ));

  test('a parent carer forum member as a section editor', () =>
    refusedWith(
      { emails: ['x2@example.org'], organisationId: N_PCF, roles: ['SECTION_EDITOR'] },
      'roles',
      /parent carer forum.*cannot be a section editor/,
    ));

  test('no roles', () =>
    refusedWith({ emails: ['x3@example.org'], roles: [] }, 'roles', /Select at least one role/));
});

describe('who may', () => {
  test('members who are not leads, and other partnerships’ leads, are refused', async () => {
    const lead = await as('lead@northshire.example');
    const created = await invite(lead, { emails: ['guarded@example.org'] });
    await linkFromMail('guarded@example.org');
    const id = created.data!.invitations[0]!.id;
    const editor = await as('education@northshire.example');
    const southvale = await as('lead@southvale.example');
    const before = await counts();

    expect(await invite(editor, { emails: ['sneak@example.org'] })).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await resend(editor, id)).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await revoke(editor, id)).toMatchObject({ __typename: 'ForbiddenError' });
    const editorList = await t.core.execute({
      document: LIST,
      variables: { slug: 'northshire' },
      context: editor,
    });
    expect(editorList.errors?.[0]?.message).toMatch(/not found/i);

    expect(await invite(southvale, { emails: ['sneak@example.org'] })).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await revoke(southvale, id)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await resend(southvale, id)).toMatchObject({ __typename: 'NotFoundError' });
    // Inviting into Southvale with a Northshire organisation is refused too.
    expect(
      await invite(southvale, {
        partnershipId: encodeGlobalId('Partnership', 'demo-partnership-southvale'),
        emails: ['sneak@example.org'],
        organisationId: N_ICB,
      }),
    ).toMatchObject({ __typename: 'ValidationError' });
    expect(await counts()).toEqual(before);
  });
});

describe('creating a partnership', () => {
  const create = async (ctx: RequestContext, input: Record<string, unknown>) =>
    (
      await run<{
        result: Outcome<{
          partnershipId: string;
          slug: string;
          name: string;
          invitation: Invitation;
        }>;
      }>(ctx, CREATE_PARTNERSHIP, {
        input: {
          name: 'Eastmarsh SEND Partnership',
          localAuthorityCodes: ['e10000042'],
          region: 'East of England',
          organisationName: 'Eastmarsh Council',
          organisationTypeCode: 'local-authority-education',
          leadEmail: 'lead@eastmarsh.example',
          leadJobTitle: 'Head of SEND',
          ...input,
        },
      })
    ).result;

  test('only a service administrator may', async () => {
    const before = await counts();
    expect(await create(await as('lead@northshire.example'), {})).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'Only a service administrator can do that',
    });
    expect(await create(await anonymous(), {})).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await counts()).toEqual(before);
  });

  test('bad input is refused field by field, writing nothing', async () => {
    const admin = await as(ADMIN);
    const before = await counts();
    const bad = await create(admin, {
      name: '',
      slug: 'Not A Slug!',
      localAuthorityCodes: ['8*6'],
      organisationName: '',
      organisationTypeCode: 'no-such-type',
      organisationOdsCode: 'x',
      leadEmail: 'nobody',
    });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fieldErrors!.map((e) => e.path[0]).sort()).toEqual([
      'leadEmail',
      'localAuthorityCodes',
      'name',
      'organisationName',
      'organisationOdsCode',
      'organisationTypeCode',
      'slug',
    ]);
    const clash = await create(admin, { name: 'Northshire' });
    expect(clash.fieldErrors).toEqual([
      {
        path: ['slug'],
        message:
          'Another partnership already uses the address /partnerships/northshire: enter a different one',
      },
    ]);
    const forum = await create(admin, { organisationTypeCode: 'parent-carer-forum' });
    expect(forum.fieldErrors?.[0]?.path).toEqual(['organisationTypeCode']);
    expect(await counts()).toEqual(before);
  });

  test('the administrator creates Eastmarsh and invites its lead, who accepts', async () => {
    const admin = await as(ADMIN);
    const created = await create(admin, {});
    expect(created.__typename).toBe('MutationCreatePartnershipSuccess');
    expect(created.data).toMatchObject({
      slug: 'eastmarsh-send-partnership',
      name: 'Eastmarsh SEND Partnership',
      invitation: {
        email: 'lead@eastmarsh.example',
        roles: ['PARTNERSHIP_LEAD'],
        jobTitle: 'Head of SEND',
        status: 'PENDING',
        organisation: { name: 'Eastmarsh Council' },
        invitedBy: { name: 'Sam Okafor' },
        link: null,
      },
    });
    const partnership = await t.db.prisma.partnership.findUniqueOrThrow({
      where: { slug: 'eastmarsh-send-partnership' },
      include: { organisations: true },
    });
    expect(partnership.localAuthorityCodes).toEqual(['E10000042']);
    expect(partnership.organisations).toMatchObject([{ isSignatory: true }]);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { partnershipId: partnership.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['partnership.created', 'invitation.sent']);
    expect(audit.every((a) => a.planId === null && a.actorOrganisationId === null)).toBe(true);

    // The administrator reads the invitation by id (the confirmation page); a lead of another
    // partnership cannot.
    const NODE = `query ($id: ID!) { node(id: $id) { ... on Invitation { email partnershipSlug } } }`;
    const id = created.data!.invitation.id;
    expect(await run(admin, NODE, { id })).toEqual({
      node: { email: 'lead@eastmarsh.example', partnershipSlug: 'eastmarsh-send-partnership' },
    });
    expect(await run(await as('lead@northshire.example'), NODE, { id })).toEqual({ node: null });

    const { text, token } = await linkFromMail('lead@eastmarsh.example');
    expect(text).toContain(
      'Sam Okafor (Local Inclusion Plan Builder service administrator) has invited you to join Eastmarsh SEND Partnership on Local Inclusion Plan Builder as a partnership lead for Eastmarsh Council.',
    );
    const accepted = await accept(await anonymous(), token, 'Eve East');
    expect(accepted.data?.partnershipSlug).toBe('eastmarsh-send-partnership');
    const lead = { ...(await t.core.contextForSession(accepted.data!.token)), origin: ORIGIN };
    expect(lead.memberships.get(partnership.id)?.roles).toEqual(['PARTNERSHIP_LEAD']);

    // The new lead invites an officer of the same organisation.
    const next = await run<{ result: Outcome<{ invitations: Invitation[] }> }>(lead, INVITE, {
      input: {
        partnershipId: created.data!.partnershipId,
        organisationId: encodeGlobalId(
          'Organisation',
          partnership.organisations[0]!.organisationId,
        ),
        emails: ['officer@eastmarsh.example'],
        roles: ['SECTION_EDITOR'],
      },
    });
    expect(next.result.__typename).toBe('MutationInviteMemberSuccess');
    await linkFromMail('officer@eastmarsh.example');
  });

  test('an organisation that exists is found by its ODS code and shared', async () => {
    await t.db.prisma.organisation.update({
      where: { id: 'demo-org-nhs-northshire-icb' },
      data: { odsCode: 'QNS' },
    });
    const admin = await as(ADMIN);
    const organisations = await t.db.prisma.organisation.count();
    const created = await create(admin, {
      name: 'Westmarsh',
      slug: 'westmarsh',
      organisationName: '',
      organisationTypeCode: '',
      organisationOdsCode: ' qns ',
      leadEmail: 'lead@westmarsh.example',
    });
    expect(created.data?.invitation.organisation.name).toBe('NHS Northshire Integrated Care Board');
    expect(await t.db.prisma.organisation.count()).toBe(organisations);
    await linkFromMail('lead@westmarsh.example');

    const unknown = await create(admin, {
      name: 'Southmarsh',
      organisationName: '',
      organisationOdsCode: 'ZZZ9',
    });
    expect(unknown.fieldErrors?.[0]).toMatchObject({
      path: ['organisationName'],
      message: expect.stringMatching(/No organisation has the ODS code ZZZ9/),
    });
  });
});

describe('without a mail server', () => {
  let quiet: TestCore;
  beforeAll(async () => {
    quiet = await createTestCore({ plugins: testPlugins });
  }, 60_000);
  afterAll(async () => {
    await quiet?.close();
  });

  test('the lead sees the link to pass on until the invitation is accepted', async () => {
    const lead = { ...(await quiet.signIn('lead@northshire.example')), origin: ORIGIN };
    const created = await invite(lead, { emails: ['offline@example.org'] }, quiet);
    const shown = created.data!.invitations[0]!;
    expect(shown.delivery.status).toBe('NOT_SENT');
    expect(shown.delivery.problem).toMatch(/no mail server/);
    expect(shown.link).toMatch(/^https:\/\/lip\.test\/invitations\/[A-Za-z0-9_-]{43}$/);
    await quiet.core.mailer.drain();
    expect(
      (
        await run<{ partnership: { invitations: Invitation[] } }>(
          lead,
          LIST,
          { slug: 'northshire' },
          quiet,
        )
      ).partnership.invitations[0]!.link,
    ).toBe(shown.link);
    // Others never see it.
    const other = { ...(await quiet.signIn('education@northshire.example')) };
    const node = await quiet.core.execute({
      document: `query ($id: ID!) { node(id: $id) { ... on Invitation { link } } }`,
      variables: { id: shown.id },
      context: other,
    });
    expect(node.data).toEqual({ node: null });

    const token = shown.link!.split('/').at(-1)!;
    const accepted = await accept(
      { ...(await quiet.anonymous()), origin: ORIGIN },
      token,
      'Olly Offline',
      quiet,
    );
    expect(accepted.__typename).toBe('MutationAcceptInvitationSuccess');
    const after = (
      await run<{ partnership: { invitations: Invitation[] } }>(
        lead,
        LIST,
        { slug: 'northshire' },
        quiet,
      )
    ).partnership.invitations.find((i) => i.id === shown.id)!;
    expect(after.link).toBeNull();
    const mail = await quiet.db.prisma.emailOutbox.findFirstOrThrow({
      where: { to: 'offline@example.org' },
    });
    expect(mail.text).toBe('');
    expect(mail.status).toBe('EXPIRED');
  });
});

test('PUBLIC_URL must be an origin', () => {
  expect(parsePublicUrl(undefined)).toBeUndefined();
  expect(parsePublicUrl('https://lip.example.gov.uk/')).toBe('https://lip.example.gov.uk');
  expect(() => parsePublicUrl('lip.example.gov.uk')).toThrow(/PUBLIC_URL/);
  expect(() => parsePublicUrl('https://lip.example.gov.uk/app')).toThrow(/no path/);
  expect(() => parsePublicUrl('ftp://lip.example.gov.uk')).toThrow(/PUBLIC_URL/);
});
