// Milestones and evidence of a commitment, and its owner member: writes through the API with the
// commitment's permissions, optimistic concurrency, URL and owner checks, and audit entries.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId, idOf } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';

let t: TestCore;
let planId: string;
let planDbId: string;
/** Global ids of a health (ICB-owned) and an education (council-owned) commitment. */
let health: string;
let education: string;

const ERROR_FIELDS = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
`;
const MILESTONE = `id title dueDate completedOn isComplete isOverdue version`;
const EVIDENCE = `id title url note version createdByName`;

const CREATE_MILESTONE = /* GraphQL */ `
  mutation ($input: CreateMilestoneInput!) {
    result: createMilestone(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationCreateMilestoneSuccess { data { ${MILESTONE} } }
    }
  }
`;
const UPDATE_MILESTONE = /* GraphQL */ `
  mutation ($input: UpdateMilestoneInput!) {
    result: updateMilestone(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationUpdateMilestoneSuccess { data { ${MILESTONE} } }
      ... on MilestoneConflictError { current { ${MILESTONE} } }
    }
  }
`;
const COMPLETE_MILESTONE = /* GraphQL */ `
  mutation ($input: CompleteMilestoneInput!) {
    result: completeMilestone(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationCompleteMilestoneSuccess { data { ${MILESTONE} } }
      ... on MilestoneConflictError { current { ${MILESTONE} } }
    }
  }
`;
const REOPEN_MILESTONE = /* GraphQL */ `
  mutation ($input: MilestoneVersionInput!) {
    result: reopenMilestone(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationReopenMilestoneSuccess { data { ${MILESTONE} } }
      ... on MilestoneConflictError { current { ${MILESTONE} } }
    }
  }
`;
const DELETE_MILESTONE = /* GraphQL */ `
  mutation ($input: DeleteMilestoneInput!) {
    result: deleteMilestone(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationDeleteMilestoneSuccess { data { id milestones { id } } }
      ... on MilestoneConflictError { current { ${MILESTONE} } }
    }
  }
`;
const ADD_EVIDENCE = /* GraphQL */ `
  mutation ($input: AddEvidenceInput!) {
    result: addEvidence(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationAddEvidenceSuccess { data { ${EVIDENCE} } }
    }
  }
`;
const UPDATE_EVIDENCE = /* GraphQL */ `
  mutation ($input: UpdateEvidenceInput!) {
    result: updateEvidence(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationUpdateEvidenceSuccess { data { ${EVIDENCE} } }
      ... on EvidenceConflictError { current { ${EVIDENCE} } }
    }
  }
`;
const REMOVE_EVIDENCE = /* GraphQL */ `
  mutation ($input: RemoveEvidenceInput!) {
    result: removeEvidence(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationRemoveEvidenceSuccess { data { id evidence { id } } }
    }
  }
`;
const COMMITMENT = /* GraphQL */ `
  query ($id: ID!) {
    commitment(id: $id) {
      id
      version
      milestones { ${MILESTONE} }
      evidence { ${EVIDENCE} }
      ownerOrganisation { id name }
      ownerMember { id user { name } organisation { name } }
    }
  }
`;
const UPDATE_COMMITMENT = /* GraphQL */ `
  mutation ($input: UpdateCommitmentInput!) {
    result: updateCommitment(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationUpdateCommitmentSuccess {
        data { id version ownerOrganisation { name } ownerMember { user { name } } }
      }
    }
  }
`;
const CREATE_COMMITMENT = /* GraphQL */ `
  mutation ($input: CreateCommitmentInput!) {
    result: createCommitment(input: $input) {
      ${ERROR_FIELDS}
      ... on MutationCreateCommitmentSuccess {
        data { id ownerOrganisation { name } ownerMember { user { name } } }
      }
    }
  }
`;

interface Result {
  result: {
    __typename: string;
    message?: string;
    fieldErrors?: { path: string[]; message: string }[];
    data?: Record<string, unknown> & { id: string; version: number };
    current?: Record<string, unknown> & { id: string; version: number };
  };
}

async function run(email: string, document: string, input: Record<string, unknown>) {
  return (await t.run<Result>(await t.as(email), document, { input })).result;
}

const ICB = 'icb@northshire.example';
const LEAD = 'lead@northshire.example';

beforeAll(async () => {
  t = await bootCore();
  const plan = await t.db.prisma.plan.findFirstOrThrow({
    where: { partnership: { slug: 'northshire' } },
    orderBy: { createdAt: 'asc' },
  });
  planDbId = plan.id;
  planId = encodeGlobalId('Plan', plan.id);
  const first = (key: string) =>
    t.db.prisma.commitment.findFirstOrThrow({
      where: { planId: plan.id, section: { key } },
      orderBy: { reference: 'asc' },
    });
  health = encodeGlobalId('Commitment', (await first('health')).id);
  education = encodeGlobalId('Commitment', (await first('education')).id);
});
afterAll(() => t?.close());

async function newMilestone(title = 'Therapists recruited', commitmentId = health) {
  const r = await run(ICB, CREATE_MILESTONE, { commitmentId, title, dueDate: '2027-01-31' });
  expect(r.__typename).toBe('MutationCreateMilestoneSuccess');
  return r.data!;
}

describe('milestones', () => {
  test('an ICB editor adds, changes, completes and reopens a milestone of a health commitment', async () => {
    const before = await t.db.prisma.commitment.findUniqueOrThrow({
      where: { id: idOf('Commitment', health)! },
    });
    const created = await newMilestone('  Therapists recruited  ');
    expect(created).toMatchObject({
      title: 'Therapists recruited',
      dueDate: '2027-01-31',
      completedOn: null,
      isComplete: false,
      isOverdue: false,
      version: 1,
    });
    // The commitment's version is untouched (whoever is editing it keeps their place).
    const after = await t.db.prisma.commitment.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());

    const changed = await run(ICB, UPDATE_MILESTONE, {
      id: created.id,
      version: 1,
      title: 'All therapists recruited',
      dueDate: '2020-01-31',
    });
    expect(changed.data).toMatchObject({
      title: 'All therapists recruited',
      dueDate: '2020-01-31',
      isOverdue: true,
      version: 2,
    });

    const done = await run(ICB, COMPLETE_MILESTONE, { id: created.id, version: 2 });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    expect(done.data).toMatchObject({
      completedOn: today,
      isComplete: true,
      isOverdue: false,
      version: 3,
    });

    const reopened = await run(ICB, REOPEN_MILESTONE, { id: created.id, version: 3 });
    expect(reopened.data).toMatchObject({ completedOn: null, isComplete: false, version: 4 });

    const onDate = await run(ICB, COMPLETE_MILESTONE, {
      id: created.id,
      version: 4,
      completedOn: '2026-10-01',
    });
    expect(onDate.data).toMatchObject({ completedOn: '2026-10-01', version: 5 });

    const { commitment } = await t.run<{
      commitment: { milestones: { id: string; title: string }[] };
    }>(await t.as('viewer@northshire.example'), COMMITMENT, { id: health });
    expect(commitment.milestones.map((m) => m.id)).toContain(created.id);

    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entityType: 'Milestone', entityId: idOf('Milestone', created.id)! },
      orderBy: { id: 'asc' },
    });
    expect(audit[0]).toMatchObject({
      planId: planDbId,
      after: { title: 'Therapists recruited', commitmentReference: expect.stringMatching(/^HE-/) },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'milestone.create',
      'milestone.update',
      'milestone.complete',
      'milestone.reopen',
      'milestone.complete',
    ]);
  });

  test('milestones come back in due-date order', async () => {
    const a = await newMilestone('Later');
    await run(ICB, UPDATE_MILESTONE, { id: a.id, version: 1, dueDate: '2030-06-01' });
    const b = await newMilestone('Earlier');
    await run(ICB, UPDATE_MILESTONE, { id: b.id, version: 1, dueDate: '2021-06-01' });
    const { commitment } = await t.run<{ commitment: { milestones: { dueDate: string }[] } }>(
      await t.as(ICB),
      COMMITMENT,
      { id: health },
    );
    const dates = commitment.milestones.map((m) => m.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  test('a stale version is a conflict that says someone else changed it, and writes nothing', async () => {
    const m = await newMilestone('Conflicted');
    await run(LEAD, UPDATE_MILESTONE, { id: m.id, version: 1, title: 'Changed by the lead' });
    for (const [doc, input] of [
      [UPDATE_MILESTONE, { id: m.id, version: 1, title: 'Mine' }],
      [COMPLETE_MILESTONE, { id: m.id, version: 1 }],
      [REOPEN_MILESTONE, { id: m.id, version: 1 }],
      [DELETE_MILESTONE, { id: m.id, version: 1 }],
    ] as const) {
      const r = await run(ICB, doc, input);
      expect(r).toMatchObject({
        __typename: 'MilestoneConflictError',
        message: 'Someone else changed this milestone while you were editing it',
        current: { title: 'Changed by the lead', version: 2 },
      });
    }
    const row = await t.db.prisma.milestone.findFirstOrThrow({
      where: { title: 'Changed by the lead' },
    });
    expect(row.version).toBe(2);
    expect(row.completedOn).toBeNull();
  });

  test('validation: title, real dates, no completion date in the future', async () => {
    const r = await run(ICB, CREATE_MILESTONE, {
      commitmentId: health,
      title: '   ',
      dueDate: '2027-02-30',
    });
    expect(r.__typename).toBe('ValidationError');
    expect(r.fieldErrors).toEqual([
      { path: ['title'], message: 'Enter the milestone' },
      { path: ['dueDate'], message: 'Due date must be a real date' },
    ]);
    const m = await newMilestone('Future');
    const future = await run(ICB, COMPLETE_MILESTONE, {
      id: m.id,
      version: 1,
      completedOn: '2199-01-01',
    });
    expect(future.fieldErrors).toEqual([
      { path: ['completedOn'], message: 'Date completed must be today or in the past' },
    ]);
  });

  test('deletes a milestone, audited', async () => {
    const m = await newMilestone('To delete');
    const r = await run(ICB, DELETE_MILESTONE, { id: m.id, version: 1 });
    expect(r.__typename).toBe('MutationDeleteMilestoneSuccess');
    expect((r.data!.milestones as { id: string }[]).map((x) => x.id)).not.toContain(m.id);
    const again = await run(ICB, DELETE_MILESTONE, { id: m.id });
    expect(again.__typename).toBe('NotFoundError');
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'milestone.delete' },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({ entityType: 'Milestone', planId: planDbId });
  });
});

describe('permissions follow the commitment', () => {
  const input = (commitmentId: string) => ({
    commitmentId,
    title: 'Step',
    dueDate: '2027-03-01',
  });

  test('an ICB editor may not add to an education commitment; the lead may', async () => {
    const r = await run(ICB, CREATE_MILESTONE, input(education));
    expect(r).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'You can only change sections that your organisation owns',
    });
    expect((await run(LEAD, CREATE_MILESTONE, input(education))).__typename).toBe(
      'MutationCreateMilestoneSuccess',
    );
    expect(
      (await run('education@northshire.example', CREATE_MILESTONE, input(education))).__typename,
    ).toBe('MutationCreateMilestoneSuccess');
  });

  test('the forum and viewers are refused; nothing is written', async () => {
    const count = await t.db.prisma.milestone.count();
    for (const email of ['forum@northshire.example', 'viewer@northshire.example']) {
      expect(await run(email, CREATE_MILESTONE, input(health))).toMatchObject({
        __typename: 'ForbiddenError',
      });
      expect(
        await run(email, ADD_EVIDENCE, { commitmentId: health, title: 'x', note: 'y' }),
      ).toMatchObject({ __typename: 'ForbiddenError' });
    }
    expect(await t.db.prisma.milestone.count()).toBe(count);
  });

  test('another partnership’s lead gets NotFound for the commitment, its milestones and evidence', async () => {
    const m = await newMilestone('Private');
    const e = (await run(ICB, ADD_EVIDENCE, { commitmentId: health, title: 'Private', note: 'n' }))
      .data!;
    const SV = 'lead@southvale.example';
    expect((await run(SV, CREATE_MILESTONE, input(health))).__typename).toBe('NotFoundError');
    expect((await run(SV, UPDATE_MILESTONE, { id: m.id, version: 1, title: 'x' })).__typename).toBe(
      'NotFoundError',
    );
    expect((await run(SV, COMPLETE_MILESTONE, { id: m.id, version: 1 })).__typename).toBe(
      'NotFoundError',
    );
    expect((await run(SV, REMOVE_EVIDENCE, { id: e.id })).__typename).toBe('NotFoundError');
    const node = await t.run<{ node: unknown }>(
      await t.as(SV),
      `query ($id: ID!) { node(id: $id) { id } }`,
      {
        id: m.id,
      },
    );
    expect(node.node).toBeNull();
  });

  test('nothing is written once the plan is no longer a draft', async () => {
    const m = await newMilestone('Frozen');
    await t.db.prisma.plan.update({ where: { id: planDbId }, data: { state: 'PARTNER_REVIEW' } });
    try {
      for (const email of [LEAD, ICB]) {
        for (const [doc, inp] of [
          [CREATE_MILESTONE, input(health)],
          [COMPLETE_MILESTONE, { id: m.id, version: 1 }],
          [ADD_EVIDENCE, { commitmentId: health, title: 'Late', url: 'https://example.org' }],
        ] as const) {
          expect(await run(email, doc, inp)).toMatchObject({
            __typename: 'ForbiddenError',
            message: 'This plan is no longer a draft, so it cannot be changed',
          });
        }
      }
    } finally {
      await t.db.prisma.plan.update({ where: { id: planDbId }, data: { state: 'DRAFT' } });
    }
  });
});

describe('evidence', () => {
  test('adds evidence with a link and a note, changes it and removes it, audited', async () => {
    const added = await run(ICB, ADD_EVIDENCE, {
      commitmentId: health,
      title: 'Recruitment report',
      url: ' https://www.example.org/report.pdf ',
      note: 'Page 4',
    });
    expect(added).toMatchObject({
      __typename: 'MutationAddEvidenceSuccess',
      data: {
        title: 'Recruitment report',
        url: 'https://www.example.org/report.pdf',
        note: 'Page 4',
        version: 1,
        createdByName: expect.any(String),
      },
    });
    const id = added.data!.id;
    const changed = await run(ICB, UPDATE_EVIDENCE, {
      id,
      version: 1,
      url: '',
      note: 'In the board papers',
    });
    expect(changed.data).toMatchObject({ url: null, note: 'In the board papers', version: 2 });
    const stale = await run(LEAD, UPDATE_EVIDENCE, { id, version: 1, title: 'Old' });
    expect(stale).toMatchObject({
      __typename: 'EvidenceConflictError',
      message: 'Someone else changed this evidence while you were editing it',
      current: { version: 2 },
    });
    const emptied = await run(ICB, UPDATE_EVIDENCE, { id, version: 2, note: '' });
    expect(emptied.fieldErrors).toEqual([
      { path: ['url'], message: 'Enter a link to the evidence or a note about it' },
    ]);
    const removed = await run(ICB, REMOVE_EVIDENCE, { id, version: 2 });
    expect(removed.__typename).toBe('MutationRemoveEvidenceSuccess');
    expect((removed.data!.evidence as { id: string }[]).map((e) => e.id)).not.toContain(id);
    const actions = (
      await t.db.prisma.auditEvent.findMany({
        where: { entityType: 'Evidence', entityId: idOf('Evidence', id)! },
        orderBy: { id: 'asc' },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(['evidence.create', 'evidence.update', 'evidence.delete']);
  });

  test('only http and https links; a link or a note is needed', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'www.example.org',
      'https://user:secret@example.org/',
    ]) {
      const r = await run(ICB, ADD_EVIDENCE, { commitmentId: health, title: 'Bad', url });
      expect(r.fieldErrors, url).toEqual([
        {
          path: ['url'],
          message:
            'Enter a link that starts with https:// or http://, like https://www.example.org/report',
        },
      ]);
    }
    const neither = await run(ICB, ADD_EVIDENCE, { commitmentId: health, title: 'Bare', url: ' ' });
    expect(neither.fieldErrors).toEqual([
      { path: ['url'], message: 'Enter a link to the evidence or a note about it' },
    ]);
    expect(await t.db.prisma.evidence.count({ where: { title: { in: ['Bad', 'Bare'] } } })).toBe(0);
  });

  test('the activity feed says what happened to which commitment', async () => {
    await run(ICB, ADD_EVIDENCE, { commitmentId: health, title: 'Feed check', note: 'n' });
    const feed = await t.run<{
      plan: { activity: { edges: { node: { summary: string; path: string | null } }[] } };
    }>(
      await t.as(LEAD),
      `query ($id: ID!) { plan(id: $id) { activity(first: 5) { edges { node { summary path } } } } }`,
      { id: planId },
    );
    const top = feed.plan.activity.edges[0]!.node;
    expect(top.summary).toMatch(/added evidence “Feed check” of commitment HE-\d\d$/);
    expect(top.path).toContain(health);
  });
});

describe('owner member', () => {
  async function members() {
    const rows = await t.db.prisma.member.findMany({
      include: { user: true, organisation: true, partnership: true },
    });
    const by = (email: string) => {
      const m = rows.find((r) => r.user.email === email)!;
      return { ...m, id: encodeGlobalId('Member', m.id) };
    };
    return { by };
  }

  test('names a member of the owner organisation; refuses others with a clear message', async () => {
    const { by } = await members();
    const c = await t.run<{ commitment: { version: number; ownerOrganisation: { name: string } } }>(
      await t.as(ICB),
      COMMITMENT,
      { id: health },
    );
    const icb = by(ICB);
    const ok = await run(ICB, UPDATE_COMMITMENT, {
      id: health,
      version: c.commitment.version,
      ownerMemberId: icb.id,
    });
    expect(ok).toMatchObject({
      __typename: 'MutationUpdateCommitmentSuccess',
      data: { ownerMember: { user: { name: icb.user.name } } },
    });
    const version = ok.data!.version;

    const council = by('education@northshire.example');
    const wrongOrg = await run(ICB, UPDATE_COMMITMENT, {
      id: health,
      version,
      ownerMemberId: council.id,
    });
    expect(wrongOrg.fieldErrors).toEqual([
      {
        path: ['ownerMemberId'],
        message: `Choose someone from ${c.commitment.ownerOrganisation.name}, or change the owner organisation`,
      },
    ]);

    const southvale = by('lead@southvale.example');
    const elsewhere = await run(ICB, UPDATE_COMMITMENT, {
      id: health,
      version,
      ownerMemberId: southvale.id,
    });
    expect(elsewhere.fieldErrors).toEqual([
      { path: ['ownerMemberId'], message: 'Choose a member of this partnership' },
    ]);
    const garbage = await run(ICB, UPDATE_COMMITMENT, { id: health, version, ownerMemberId: 'x' });
    expect(garbage.fieldErrors?.[0]?.path).toEqual(['ownerMemberId']);

    // Nothing half-written by the refusals.
    const saved = await t.db.prisma.commitment.findUniqueOrThrow({
      where: { id: idOf('Commitment', health)! },
    });
    expect(saved.version).toBe(version);
    expect(saved.ownerMemberId).toBe(idOf('Member', icb.id));

    // Cleared with null.
    const cleared = await run(ICB, UPDATE_COMMITMENT, { id: health, version, ownerMemberId: null });
    expect(cleared.data).toMatchObject({ ownerMember: null });
  });

  test('a new commitment may name its owner member', async () => {
    const { by } = await members();
    const icb = by(ICB);
    const r = await run(ICB, CREATE_COMMITMENT, {
      planId,
      sectionKey: 'health',
      title: 'Owned by a person',
      ownerMemberId: icb.id,
    });
    expect(r.data).toMatchObject({ ownerMember: { user: { name: icb.user.name } } });
    const refused = await run(ICB, CREATE_COMMITMENT, {
      planId,
      sectionKey: 'health',
      title: 'Owned by the wrong person',
      ownerMemberId: by('care@northshire.example').id,
    });
    expect(refused.__typename).toBe('ValidationError');
  });

  test('changing only the organisation clears an owner member who does not work for it', async () => {
    const { by } = await members();
    const icb = by(ICB);
    const council = by('education@northshire.example');
    const created = await run(ICB, CREATE_COMMITMENT, {
      planId,
      sectionKey: 'health',
      title: 'Moves to the council',
      ownerMemberId: icb.id,
    });
    const moved = await run(LEAD, UPDATE_COMMITMENT, {
      id: created.data!.id,
      version: 1,
      ownerOrganisationId: encodeGlobalId('Organisation', council.organisationId),
    });
    expect(moved.data).toMatchObject({
      ownerOrganisation: { name: council.organisation.name },
      ownerMember: null,
    });
  });
});
