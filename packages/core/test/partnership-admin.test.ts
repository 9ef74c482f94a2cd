// Running a partnership through the API: its lead adds and changes organisations, changes members'
// roles and removes members, creates and archives plans. Every refusal is a typed error and
// leaves nothing half-written; every change is audited and shows in the activity feed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import {
  clearSubmissionBlockers,
  mutate,
  northshirePlan,
  submitAndSignOff,
} from './support/workflow.ts';

let t: TestCore;
beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const LEAD = 'lead@northshire.example';
const SOUTHVALE = 'lead@southvale.example';
const NORTHSHIRE_ID = 'demo-partnership-northshire';
const partnershipId = (id: string) => Buffer.from(`Partnership:${id}`).toString('base64url');
const NORTHSHIRE = partnershipId(NORTHSHIRE_ID);
const SOUTHVALE_P = partnershipId('demo-partnership-southvale');
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

interface Outcome<T = Record<string, unknown>> {
  __typename: string;
  message?: string;
  data?: T;
  fieldErrors?: { path: string[]; message: string }[];
}

async function run<T = Record<string, unknown>>(
  who: string | RequestContext,
  field: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<Outcome<T>> {
  const ctx = typeof who === 'string' ? await t.as(who) : who;
  const inputType = `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`;
  const success = `Mutation${inputType.replace(/Input$/, '')}Success`;
  const { result } = await t.run<{ result: Outcome<T> }>(
    ctx,
    `mutation($input: ${inputType}!) { result: ${field}(input: $input) {
      __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
      ... on ${success} { data { ${selection} } } } }`,
    { input },
  );
  return result;
}

/** The field error's message for one input field. */
const fieldError = (outcome: Outcome, field: string) =>
  outcome.fieldErrors?.find((e) => e.path.includes(field))?.message;

const ORG = 'id name typeCode typeTitle odsCode isSignatory';
interface Org {
  id: string;
  name: string;
  typeCode: string;
  odsCode: string | null;
  isSignatory: boolean | null;
}

async function organisations(email = LEAD, slug = 'northshire'): Promise<Org[]> {
  const { partnership } = await t.run<{ partnership: { organisations: Org[] } }>(
    await t.as(email),
    `query($slug: String!) { partnership(slug: $slug) { organisations { ${ORG} } } }`,
    { slug },
  );
  return partnership.organisations;
}

interface MemberRow {
  id: string;
  roles: string[];
  jobTitle: string | null;
  organisation: { name: string };
  user: { name: string; email: string | null; lastSignedInAt: string | null };
}

async function members(email = LEAD): Promise<MemberRow[]> {
  const { partnership } = await t.run<{ partnership: { members: MemberRow[] } }>(
    await t.as(email),
    `{ partnership(slug: "northshire") { members { id roles jobTitle organisation { name }
        user { name email lastSignedInAt } } } }`,
  );
  return partnership.members;
}

async function memberId(email: string): Promise<string> {
  const member = await t.db.prisma.member.findFirstOrThrow({
    where: { partnershipId: NORTHSHIRE_ID, user: { email } },
  });
  return globalId('Member', member.id);
}

const auditCount = (action: string) =>
  t.db.prisma.auditEvent.count({ where: { partnershipId: NORTHSHIRE_ID, action } });

async function feed(planId: string): Promise<string[]> {
  const { plan } = await t.run<{ plan: { activity: { edges: { node: { summary: string } }[] } } }>(
    await t.as(LEAD),
    `query($id: ID!) { plan(id: $id) { activity(first: 50) { edges { node { summary } } } } }`,
    { id: planId },
  );
  return plan.activity.edges.map((e) => e.node.summary);
}

describe('catalogues', () => {
  test('organisation types and plan kinds are listed for forms', async () => {
    const data = await t.run<{
      organisationTypes: { code: string; title: string }[];
      planKinds: { id: string; title: string }[];
    }>(await t.as(LEAD), `{ organisationTypes { code title } planKinds { id title } }`);
    expect(data.organisationTypes.map((o) => o.code)).toEqual(
      expect.arrayContaining(['integrated-care-board', 'parent-carer-forum']),
    );
    expect(data.planKinds.map((k) => k.id)).toContain('local-inclusion-plan');
  });
});

describe('organisations', () => {
  test('Partnership.organisations says which organisations sign off', async () => {
    const orgs = await organisations();
    expect(orgs).toHaveLength(5);
    const byType = Object.fromEntries(orgs.map((o) => [o.typeCode, o.isSignatory]));
    expect(byType['integrated-care-board']).toBe(true);
    expect(byType['parent-carer-forum']).toBe(false);
  });

  test('the lead adds a new organisation; its ODS code is normalised; it is audited', async () => {
    const outcome = await run<Org>(
      LEAD,
      'addPartnershipOrganisation',
      {
        partnershipId: NORTHSHIRE,
        name: '  Northshire   Community Health Trust ',
        typeCode: 'nhs-provider',
        odsCode: ' rxq1 ',
        isSignatory: true,
      },
      ORG,
    );
    expect(outcome.__typename).toBe('MutationAddPartnershipOrganisationSuccess');
    expect(outcome.data).toMatchObject({
      name: 'Northshire Community Health Trust',
      odsCode: 'RXQ1',
      isSignatory: true,
    });
    const listed = (await organisations()).find((o) => o.odsCode === 'RXQ1');
    expect(listed).toMatchObject({ isSignatory: true, typeCode: 'nhs-provider' });
    expect(await auditCount('organisation.create')).toBe(1);
    const { planId } = await northshirePlan(t);
    expect(await feed(planId)).toContainEqual(
      expect.stringMatching(/added organisation “Northshire Community Health Trust”$/),
    );
  });

  test('a known ODS code adds the existing (shared) organisation, not a copy', async () => {
    const before = await t.db.prisma.organisation.count();
    const outcome = await run<Org>(
      SOUTHVALE,
      'addPartnershipOrganisation',
      { partnershipId: SOUTHVALE_P, odsCode: 'rxq1' },
      ORG,
    );
    expect(outcome.__typename).toBe('MutationAddPartnershipOrganisationSuccess');
    expect(outcome.data).toMatchObject({
      name: 'Northshire Community Health Trust',
      isSignatory: false,
    });
    expect(await t.db.prisma.organisation.count()).toBe(before);
    // Signing off belongs to each partnership.
    expect((await organisations()).find((o) => o.odsCode === 'RXQ1')?.isSignatory).toBe(true);
    expect(
      (await organisations(SOUTHVALE, 'southvale')).find((o) => o.odsCode === 'RXQ1')?.isSignatory,
    ).toBe(false);
  });

  test('an organisation of one of the lead’s partnerships can be added by id', async () => {
    // Southvale's lead can see the shared trust now, but not Northshire's own council.
    const trust = (await organisations(SOUTHVALE, 'southvale')).find((o) => o.odsCode === 'RXQ1')!;
    const again = await run(
      SOUTHVALE,
      'addPartnershipOrganisation',
      { partnershipId: SOUTHVALE_P, organisationId: trust.id },
      'id',
    );
    expect(again.__typename).toBe('ValidationError');
    expect(fieldError(again, 'organisationId')).toBe(
      'Northshire Community Health Trust is already in this partnership',
    );
    const council = (await organisations()).find(
      (o) => o.typeCode === 'local-authority-education',
    )!;
    const hidden = await run(
      SOUTHVALE,
      'addPartnershipOrganisation',
      { partnershipId: SOUTHVALE_P, organisationId: council.id },
      'id',
    );
    expect(fieldError(hidden, 'organisationId')).toBe('Choose an organisation');
  });

  test('bad input is refused field by field, and nothing is written', async () => {
    const organisationsBefore = await t.db.prisma.organisation.count();
    const linksBefore = await t.db.prisma.partnershipOrganisation.count();
    const auditBefore = await t.db.prisma.auditEvent.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { name: 'Eastfield Youth Forum', typeCode: 'youth-club' },
        'typeCode',
        '“youth-club” is not a type of organisation',
      ],
      [{ name: 'Eastfield Youth Forum' }, 'typeCode', 'Select the type of organisation'],
      [
        { name: 'Eastfield Trust', typeCode: 'nhs-provider', odsCode: 'R-1' },
        'odsCode',
        'Enter an ODS code of 3 to 10 letters and numbers, like QKS',
      ],
      [
        { name: 'Eastfield Trust', typeCode: 'nhs-provider', odsCode: 'ABCDEFGHIJK' },
        'odsCode',
        'Enter an ODS code of 3 to 10 letters and numbers, like QKS',
      ],
      [{ name: '   ', typeCode: 'nhs-provider' }, 'name', 'Enter the name of the organisation'],
      [
        { name: 'x'.repeat(201), typeCode: 'nhs-provider' },
        'name',
        'Name must be 200 characters or fewer',
      ],
      // The trust is already in Northshire: found by its ODS code.
      [
        { odsCode: 'RXQ1' },
        'odsCode',
        'Northshire Community Health Trust is already in this partnership',
      ],
    ];
    for (const [input, field, message] of cases) {
      const outcome = await run(
        LEAD,
        'addPartnershipOrganisation',
        { partnershipId: NORTHSHIRE, ...input },
        'id',
      );
      expect(outcome.__typename, JSON.stringify(input)).toBe('ValidationError');
      expect(fieldError(outcome, field), JSON.stringify(input)).toBe(message);
    }
    expect(await t.db.prisma.organisation.count()).toBe(organisationsBefore);
    expect(await t.db.prisma.partnershipOrganisation.count()).toBe(linksBefore);
    expect(await t.db.prisma.auditEvent.count()).toBe(auditBefore);
  });

  test('only the partnership’s leads add organisations', async () => {
    const input = { partnershipId: NORTHSHIRE, name: 'Any', typeCode: 'nhs-provider' };
    const member = await run('icb@northshire.example', 'addPartnershipOrganisation', input, 'id');
    expect(member.__typename).toBe('ForbiddenError');
    const outsider = await run(SOUTHVALE, 'addPartnershipOrganisation', input, 'id');
    expect(outsider.__typename).toBe('NotFoundError');
  });

  test('the lead changes an organisation: name, ODS code, signatory', async () => {
    const trust = (await organisations()).find((o) => o.odsCode === 'RXQ1')!;
    const outcome = await run<Org>(
      LEAD,
      'updatePartnershipOrganisation',
      {
        partnershipId: NORTHSHIRE,
        organisationId: trust.id,
        name: 'Northshire Community Health NHS Trust',
        odsCode: 'rxq2',
        isSignatory: false,
      },
      ORG,
    );
    expect(outcome.data).toMatchObject({
      name: 'Northshire Community Health NHS Trust',
      odsCode: 'RXQ2',
      isSignatory: false,
    });
    // The name is the organisation's everywhere; signing off stays Southvale's own.
    const inSouthvale = (await organisations(SOUTHVALE, 'southvale')).find(
      (o) => o.id === trust.id,
    );
    expect(inSouthvale).toMatchObject({ name: 'Northshire Community Health NHS Trust' });
    expect(await auditCount('organisation.update')).toBe(1);
  });

  test('changing an organisation refuses clashing ODS codes and types its members cannot be', async () => {
    const orgs = await organisations();
    const trust = orgs.find((o) => o.odsCode === 'RXQ2')!;
    const icb = orgs.find((o) => o.typeCode === 'integrated-care-board')!;
    const council = orgs.find((o) => o.typeCode === 'local-authority-education')!;
    await t.db.prisma.organisation.update({
      where: { id: Buffer.from(icb.id, 'base64url').toString().split(':')[1]! },
      data: { odsCode: 'QKS' },
    });
    const before = await t.db.prisma.organisation.findMany({ orderBy: { id: 'asc' } });
    const auditBefore = await t.db.prisma.auditEvent.count();

    const clash = await run(
      LEAD,
      'updatePartnershipOrganisation',
      { partnershipId: NORTHSHIRE, organisationId: trust.id, odsCode: 'qks' },
      'id',
    );
    expect(fieldError(clash, 'odsCode')).toBe(
      'The ODS code QKS belongs to another organisation, NHS Northshire Integrated Care Board',
    );
    // The council's education service has the lead and a section editor: a parent carer forum
    // can have neither.
    const forum = await run(
      LEAD,
      'updatePartnershipOrganisation',
      {
        partnershipId: NORTHSHIRE,
        organisationId: council.id,
        typeCode: 'parent-carer-forum',
        name: 'Renamed at the same time',
      },
      'id',
    );
    expect(forum.__typename).toBe('ValidationError');
    expect(fieldError(forum, 'typeCode')).toMatch(
      /^Change the roles of Alex Morgan and 1 other member before changing the type of Northshire County Council \(education\)\. A member from a parent carer forum/,
    );
    const unknown = await run(
      LEAD,
      'updatePartnershipOrganisation',
      { partnershipId: NORTHSHIRE, organisationId: council.id, typeCode: 'nope' },
      'id',
    );
    expect(fieldError(unknown, 'typeCode')).toBe('“nope” is not a type of organisation');
    const blank = await run(
      LEAD,
      'updatePartnershipOrganisation',
      { partnershipId: NORTHSHIRE, organisationId: council.id, name: ' ' },
      'id',
    );
    expect(fieldError(blank, 'name')).toBe('Enter the name of the organisation');

    expect(await t.db.prisma.organisation.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await t.db.prisma.auditEvent.count()).toBe(auditBefore);
  });

  test('another partnership’s organisation cannot be changed through yours', async () => {
    const council = (await organisations()).find(
      (o) => o.typeCode === 'local-authority-education',
    )!;
    const outcome = await run(
      SOUTHVALE,
      'updatePartnershipOrganisation',
      { partnershipId: SOUTHVALE_P, organisationId: council.id, name: 'Taken over' },
      'id',
    );
    expect(outcome.__typename).toBe('NotFoundError');
    const direct = await run(
      SOUTHVALE,
      'updatePartnershipOrganisation',
      { partnershipId: NORTHSHIRE, organisationId: council.id, name: 'Taken over' },
      'id',
    );
    expect(direct.__typename).toBe('NotFoundError');
  });
});

describe('members', () => {
  test('leads see when every member last signed in; other members see only their own', async () => {
    await t.as('viewer@northshire.example');
    const asLead = await members();
    expect(asLead).toHaveLength(8);
    const lead = asLead.find((m) => m.roles.includes('PARTNERSHIP_LEAD'))!;
    expect(lead.user.email).toBe(LEAD);
    expect(lead.user.lastSignedInAt).not.toBeNull();
    const viewer = asLead.find((m) => m.user.email === 'viewer@northshire.example')!;
    expect(viewer.user.lastSignedInAt).not.toBeNull();

    const asViewer = await members('viewer@northshire.example');
    const leadSeenByViewer = asViewer.find((m) => m.roles.includes('PARTNERSHIP_LEAD'))!;
    // Colleagues' addresses, yes; when they sign in, no.
    expect(leadSeenByViewer.user).toMatchObject({
      name: 'Alex Morgan',
      email: LEAD,
      lastSignedInAt: null,
    });
    expect(leadSeenByViewer.organisation.name).toBe('Northshire County Council (education)');
    const self = asViewer.find((m) => m.user.name === viewer.user.name)!;
    expect(self.user.lastSignedInAt).not.toBeNull();
  });

  test('signing in records when', async () => {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: LEAD } });
    expect(user.lastSignedInAt).toBeInstanceOf(Date);
    expect(Date.now() - user.lastSignedInAt!.getTime()).toBeLessThan(10 * 60_000);
  });

  test('the lead changes a member’s roles; it is audited and named in the feed', async () => {
    const id = await memberId('viewer@northshire.example');
    const outcome = await run<{ roles: string[] }>(
      LEAD,
      'updateMemberRoles',
      { memberId: id, roles: ['VIEWER', 'CONTRIBUTOR'] },
      'roles',
    );
    expect(outcome.data?.roles).toEqual(['CONTRIBUTOR', 'VIEWER']);
    expect(await auditCount('member.update')).toBe(1);
    const { planId } = await northshirePlan(t);
    expect((await feed(planId))[0]).toMatch(/updated the roles of \S+ \S+$/);
  });

  test('roles the member’s organisation type cannot hold are refused', async () => {
    const forum = await memberId('forum@northshire.example');
    const before = await t.db.prisma.member.findMany({ orderBy: { id: 'asc' } });
    const editor = await run(
      LEAD,
      'updateMemberRoles',
      { memberId: forum, roles: ['SECTION_EDITOR'] },
      'roles',
    );
    expect(editor.__typename).toBe('ValidationError');
    expect(fieldError(editor, 'roles')).toBe(
      'A member from a parent carer forum, young people’s forum or SENDIASS cannot be a section editor',
    );
    const lead = await run(
      LEAD,
      'updateMemberRoles',
      { memberId: forum, roles: ['CONTRIBUTOR', 'PARTNERSHIP_LEAD'] },
      'roles',
    );
    expect(fieldError(lead, 'roles')).toMatch(/cannot be the partnership lead$/);
    const none = await run(LEAD, 'updateMemberRoles', { memberId: forum, roles: [] }, 'roles');
    expect(fieldError(none, 'roles')).toBe('Select at least one role');
    expect(await t.db.prisma.member.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  test('the last lead cannot be demoted or removed', async () => {
    const lead = await memberId(LEAD);
    const demoted = await run(
      LEAD,
      'updateMemberRoles',
      { memberId: lead, roles: ['SECTION_EDITOR'] },
      'roles',
    );
    expect(demoted.__typename).toBe('ValidationError');
    expect(fieldError(demoted, 'roles')).toBe(
      'Alex Morgan is the only partnership lead. Make someone else a lead first',
    );
    const removed = await run(LEAD, 'removeMember', { memberId: lead }, 'name');
    expect(removed.__typename).toBe('ValidationError');
    expect(removed.fieldErrors?.[0]?.message).toMatch(
      /only partnership lead, so they cannot be removed/,
    );
    expect(
      (await t.db.prisma.member.findFirstOrThrow({ where: { user: { email: LEAD } } })).roles,
    ).toEqual(['PARTNERSHIP_LEAD']);
    expect(await t.db.prisma.session.count({ where: { user: { email: LEAD } } })).toBeGreaterThan(
      0,
    );
  });

  test('a second lead lets the first step down', async () => {
    const education = await memberId('education@northshire.example');
    const promoted = await run<{ roles: string[] }>(
      LEAD,
      'updateMemberRoles',
      { memberId: education, roles: ['SECTION_EDITOR', 'SIGNATORY', 'PARTNERSHIP_LEAD'] },
      'roles',
    );
    expect(promoted.data?.roles).toEqual(['PARTNERSHIP_LEAD', 'SECTION_EDITOR', 'SIGNATORY']);
    const stepDown = await run<{ roles: string[] }>(
      'education@northshire.example',
      'updateMemberRoles',
      { memberId: await memberId(LEAD), roles: ['SECTION_EDITOR'] },
      'roles',
    );
    expect(stepDown.data?.roles).toEqual(['SECTION_EDITOR']);
    // And back, so the rest of the file has Alex as a lead.
    const back = await run(
      'education@northshire.example',
      'updateMemberRoles',
      { memberId: await memberId(LEAD), roles: ['PARTNERSHIP_LEAD'] },
      'roles',
    );
    expect(back.__typename).toBe('MutationUpdateMemberRolesSuccess');
    const restore = await run(
      LEAD,
      'updateMemberRoles',
      { memberId: education, roles: ['SECTION_EDITOR', 'SIGNATORY'] },
      'roles',
    );
    expect(restore.__typename).toBe('MutationUpdateMemberRolesSuccess');
  });

  test('only the partnership’s leads change roles or remove members', async () => {
    const viewer = await memberId('viewer@northshire.example');
    const byMember = await run(
      'icb@northshire.example',
      'updateMemberRoles',
      { memberId: viewer, roles: ['VIEWER'] },
      'roles',
    );
    expect(byMember.__typename).toBe('ForbiddenError');
    const removeByMember = await run(
      'icb@northshire.example',
      'removeMember',
      { memberId: viewer },
      'name',
    );
    expect(removeByMember.__typename).toBe('ForbiddenError');
    const byOutsider = await run(SOUTHVALE, 'removeMember', { memberId: viewer }, 'name');
    expect(byOutsider.__typename).toBe('NotFoundError');
    expect(
      await t.db.prisma.member.count({
        where: { id: Buffer.from(viewer, 'base64url').toString().split(':')[1]! },
      }),
    ).toBe(1);
  });

  test('removing a member signs them out at once; what they did stays theirs', async () => {
    const ap = 'ap@northshire.example';
    const apCtx = await t.as(ap);
    const { planId } = await northshirePlan(t);
    // Something they did: a comment on the plan's AP section.
    const comment = await t.run<{ result: { __typename: string } }>(
      apCtx,
      `mutation($input: AddCommentInput!) { result: addComment(input: $input) { __typename } }`,
      { input: { planId, sectionKey: 'alternative-provision', body: 'Ready for review.' } },
    );
    expect(comment.result.__typename).toBe('MutationAddCommentSuccess');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: ap } });
    const memberRow = await t.db.prisma.member.findFirstOrThrow({ where: { userId: user.id } });
    await t.db.prisma.commitment.updateMany({
      where: {
        planId: Buffer.from(planId, 'base64url').toString().split(':')[1]!,
        section: { key: 'alternative-provision' },
      },
      data: { ownerMemberId: memberRow.id },
    });
    const owned = (
      await t.db.prisma.commitment.findMany({
        where: { ownerMemberId: memberRow.id },
        select: { id: true },
      })
    ).map((c) => c.id);
    expect(owned.length).toBeGreaterThan(0);

    const removed = await run<{ name: string; sessionsEnded: number }>(
      LEAD,
      'removeMember',
      { memberId: globalId('Member', memberRow.id) },
      'memberId name sessionsEnded',
    );
    expect(removed.__typename).toBe('MutationRemoveMemberSuccess');
    expect(removed.data).toMatchObject({ name: user.name, sessionsEnded: 1 });

    // Their open session ends: the same token is now signed out.
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await t.as(ap);
    expect(after.user).toBeNull();
    expect(await t.run(after, `{ viewer { id } plan(id: "${planId}") { id } }`)).toEqual({
      viewer: null,
      plan: null,
    });
    // The user remains (they may be in other partnerships, and their edits name them).
    expect(await t.db.prisma.user.count({ where: { id: user.id } })).toBe(1);
    expect(await t.db.prisma.member.count({ where: { id: memberRow.id } })).toBe(0);
    // Commitments they owned stay (with their owner organisation); the member link is cleared.
    expect(
      await t.db.prisma.commitment.count({ where: { id: { in: owned }, ownerMemberId: null } }),
    ).toBe(owned.length);
    expect((await members()).some((m) => m.user.name === user.name)).toBe(false);
    expect(await auditCount('member.delete')).toBe(1);
    const summaries = await feed(planId);
    expect(summaries[0]).toBe(
      `Alex Morgan (Northshire County Council (education)) removed member ${user.name}`,
    );
    // Their comment is still theirs in the feed.
    expect(summaries).toContainEqual(expect.stringMatching(new RegExp(`^${user.name} \\(`)));
  });
});

describe('plans', () => {
  const input = {
    partnershipId: NORTHSHIRE,
    kindId: 'local-inclusion-plan',
    frameworkId: 'lip-working-2026',
    title: 'Northshire Local Inclusion Plan 2029 to 2032',
    periodStart: '2029-09-01',
    periodEnd: '2032-08-31',
  };
  let created: string;

  test('bad input is refused field by field, and nothing is written', async () => {
    const plans = await t.db.prisma.plan.count();
    const sections = await t.db.prisma.section.count();
    const audits = await t.db.prisma.auditEvent.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kindId: 'nope' }, 'kindId', 'Select the kind of plan'],
      [{ frameworkId: 'gp-1999' }, 'frameworkId', 'Select the standards framework'],
      [{ title: '  ' }, 'title', 'Enter a title for the plan'],
      [{ title: 'x'.repeat(201) }, 'title', 'Title must be 200 characters or fewer'],
      [{ periodEnd: '2029-09-01' }, 'periodEnd', 'End date must be after the start date'],
      [{ periodEnd: '2028-01-01' }, 'periodEnd', 'End date must be after the start date'],
      [{ periodStart: '2029-02-30' }, 'periodStart', 'Start date must be a real date'],
      [{ periodStart: '1899-01-01' }, 'periodStart', 'Start date must be between 2000 and 2100'],
      [{ periodEnd: '2045-01-01' }, 'periodEnd', 'A plan’s period must be 10 years or shorter'],
    ];
    for (const [change, field, message] of cases) {
      const outcome = await run(LEAD, 'createPlan', { ...input, ...change }, 'id');
      expect(outcome.__typename, JSON.stringify(change)).toBe('ValidationError');
      expect(fieldError(outcome, field), JSON.stringify(change)).toBe(message);
    }
    expect(await t.db.prisma.plan.count()).toBe(plans);
    expect(await t.db.prisma.section.count()).toBe(sections);
    expect(await t.db.prisma.auditEvent.count()).toBe(audits);
  });

  test('only the partnership’s leads create plans', async () => {
    expect((await run('icb@northshire.example', 'createPlan', input, 'id')).__typename).toBe(
      'ForbiddenError',
    );
    expect((await run(SOUTHVALE, 'createPlan', input, 'id')).__typename).toBe('NotFoundError');
  });

  test('the lead creates a draft plan with a section for each installed plugin', async () => {
    const outcome = await run<{
      id: string;
      title: string;
      state: string;
      kindTitle: string;
      periodStart: string;
      slug: string;
      sections: { key: string; version: number; ownerOrganisation: { typeCode: string } | null }[];
    }>(
      LEAD,
      'createPlan',
      input,
      'id title state kindTitle periodStart slug sections { key version ownerOrganisation { typeCode } }',
    );
    expect(outcome.__typename).toBe('MutationCreatePlanSuccess');
    const plan = outcome.data!;
    created = plan.id;
    expect(plan).toMatchObject({
      title: input.title,
      state: 'DRAFT',
      periodStart: '2029-09-01',
      slug: '2029-32',
    });
    expect(plan.sections.map((s) => s.key)).toEqual(
      testPlugins.flatMap((p) => p.sections!.map((s) => s.key)),
    );
    expect(plan.sections.every((s) => s.version === 0)).toBe(true);
    expect(plan.sections.find((s) => s.key === 'health')?.ownerOrganisation?.typeCode).toBe(
      'integrated-care-board',
    );
    const dbId = Buffer.from(created, 'base64url').toString().split(':')[1]!;
    expect(await t.db.prisma.section.count({ where: { planId: dbId } })).toBe(4);
    expect(
      await t.db.prisma.auditEvent.count({ where: { planId: dbId, action: 'plan.create' } }),
    ).toBe(1);
    expect(await plansOf()).toContain(input.title);
  });

  test('a second plan over the same years gets the next free address, even when created at once', async () => {
    const again = (title: string) =>
      run<{ slug: string }>(LEAD, 'createPlan', { ...input, title }, 'slug');
    const [a, b] = await Promise.all([
      again('Second plan 2029 to 2032'),
      again('Third plan 2029 to 2032'),
    ]);
    expect([a.data?.slug, b.data?.slug].sort()).toEqual(['2029-32-2', '2029-32-3']);
    // Another partnership's plan over the same years keeps the plain address.
    const southvale = await run<{ slug: string }>(
      SOUTHVALE,
      'createPlan',
      { ...input, partnershipId: SOUTHVALE_P, title: 'Southvale 2029 to 2032' },
      'slug',
    );
    expect(southvale.data?.slug).toBe('2029-32');
  });

  async function plansOf(archived = false): Promise<string[]> {
    const { partnership } = await t.run<{
      partnership: { plans: { edges: { node: { title: string } }[] } };
    }>(
      await t.as(LEAD),
      `query($archived: Boolean) { partnership(slug: "northshire") { plans(archived: $archived) { edges { node { title } } } } }`,
      { archived },
    );
    return partnership.plans.edges.map((e) => e.node.title);
  }

  test('archiving: leads only, the version shown, then the plan leaves the list', async () => {
    const { plan } = await t.run<{ plan: { version: number; viewerCanArchive: boolean } }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { version viewerCanArchive } }`,
      { id: created },
    );
    expect(plan.viewerCanArchive).toBe(true);
    expect(
      (await run('icb@northshire.example', 'archivePlan', { planId: created }, 'id')).__typename,
    ).toBe('ForbiddenError');
    expect((await run(SOUTHVALE, 'archivePlan', { planId: created }, 'id')).__typename).toBe(
      'NotFoundError',
    );
    expect(
      (await run(LEAD, 'archivePlan', { planId: created, version: plan.version + 1 }, 'id'))
        .__typename,
    ).toBe('PlanStateConflictError');

    const archived = await run<{ archivedAt: string | null; viewerCanArchive: boolean }>(
      LEAD,
      'archivePlan',
      { planId: created, version: plan.version },
      'archivedAt viewerCanArchive',
    );
    expect(archived.__typename).toBe('MutationArchivePlanSuccess');
    expect(archived.data?.archivedAt).not.toBeNull();
    expect(archived.data?.viewerCanArchive).toBe(false);
    expect(await plansOf()).not.toContain(input.title);
    expect(await plansOf(true)).toEqual([input.title]);
    const again = await run(LEAD, 'archivePlan', { planId: created }, 'id');
    expect(fieldError(again, 'planId')).toBe('This plan is already archived');
    expect((await feed(created))[0]).toBe(
      'Alex Morgan (Northshire County Council (education)) archived the plan',
    );
  });

  test('an archived plan is read, never changed: not by its lead, not by a section editor', async () => {
    const { plan } = await t.run<{
      plan: { viewerCanEdit: boolean; viewerCan: { submit: boolean; comment: boolean } };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { viewerCanEdit viewerCan { submit comment } } }`,
      { id: created },
    );
    expect(plan).toEqual({ viewerCanEdit: false, viewerCan: { submit: false, comment: false } });
    const commitments = await t.db.prisma.commitment.count();
    for (const who of [LEAD, 'icb@northshire.example']) {
      const outcome = await run(
        who,
        'createCommitment',
        { planId: created, sectionKey: 'health', title: 'Written after archiving' },
        'id',
      );
      expect(outcome.__typename, who).toBe('ForbiddenError');
      expect(outcome.message, who).toBe('This plan is archived, so it cannot be changed');
    }
    const submit = await run(LEAD, 'submitPlan', { planId: created }, 'id');
    expect(submit.message).toBe('This plan is archived, so it cannot be changed');
    expect(await t.db.prisma.commitment.count()).toBe(commitments);
  });

  test('a plan in partner review or signed off cannot be archived; a published one can, and stays public', async () => {
    const { planId, areas } = await northshirePlan(t);
    await clearSubmissionBlockers(t, planId, areas);
    const version = await submitAndSignOff(t, planId);
    const signedOff = await run(LEAD, 'archivePlan', { planId }, 'id');
    expect(fieldError(signedOff, 'planId')).toBe(
      'This plan has been signed off, so it cannot be archived. Publish it first, or start a new plan',
    );
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const archived = await run(LEAD, 'archivePlan', { planId }, 'id');
    expect(archived.__typename).toBe('MutationArchivePlanSuccess');
    const { publishedPlan } = await t.run<{ publishedPlan: { version: number } | null }>(
      await t.core.contextForSession(undefined),
      `query($id: ID!) { publishedPlan(partnershipSlug: "northshire", planId: $id) { version } }`,
      { id: planId },
    );
    expect(publishedPlan).toEqual({ version });
  });

  test('partner review refuses archiving', async () => {
    const outcome = await run(
      LEAD,
      'createPlan',
      { ...input, title: 'Short plan', periodStart: '2030-01-01', periodEnd: '2030-12-31' },
      'id',
    );
    const planId = (outcome.data as { id: string }).id;
    const dbId = Buffer.from(planId, 'base64url').toString().split(':')[1]!;
    // Straight to partner review in the database: the lifecycle is tested elsewhere.
    await t.db.prisma.plan.update({ where: { id: dbId }, data: { state: 'PARTNER_REVIEW' } });
    const refused = await run(LEAD, 'archivePlan', { planId }, 'id');
    expect(fieldError(refused, 'planId')).toBe(
      'This plan is in partner review, so it cannot be archived. Withdraw it from review first',
    );
  });
});
