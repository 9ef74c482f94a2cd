// Comment threads: sections and commitments, one level of replies, resolve and reopen, who may do what.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';

let t: TestCore;
const planId = encodeGlobalId('Plan', 'demo-plan-northshire-lip-2026');
const HE_03 = encodeGlobalId('Commitment', 'demo-plan-northshire-lip-2026.HE-03');

beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const COMMENT =
  'id body authorName authorOrganisation { name } resolvedAt resolvedByName viewerCanResolve replies { id body authorName }';
const ADD = /* GraphQL */ `
  mutation($input: AddCommentInput!) {
    result: addComment(input: $input) {
      __typename
      ... on MutationAddCommentSuccess { data { ${COMMENT} } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;
const RESOLVE = /* GraphQL */ `
  mutation($input: ResolveCommentInput!) {
    result: resolveComment(input: $input) {
      __typename ... on MutationResolveCommentSuccess { data { ${COMMENT} } } ... on Error { message }
    }
  }
`;
const REOPEN = /* GraphQL */ `
  mutation($input: ReopenCommentInput!) {
    result: reopenComment(input: $input) {
      __typename ... on MutationReopenCommentSuccess { data { ${COMMENT} } } ... on Error { message }
    }
  }
`;
const THREADS = /* GraphQL */ `
  query($planId: ID!, $c: ID!) {
    plan(id: $planId) { section(key: "health") { comments { ${COMMENT} } } }
    commitment(id: $c) { comments { ${COMMENT} } }
  }
`;

interface CommentData {
  id: string;
  body: string;
  authorName: string;
  authorOrganisation: { name: string } | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  viewerCanResolve: boolean;
  replies: { id: string; body: string; authorName: string }[];
}
interface Result {
  result: {
    __typename: string;
    message?: string;
    data?: CommentData;
    fieldErrors?: { path: string[]; message: string }[];
  };
}

async function mutate(document: string, input: Record<string, unknown>, email: string) {
  return (await t.run<Result>(await t.as(email), document, { input })).result;
}
async function threads(email: string) {
  return t.run<{
    plan: { section: { comments: CommentData[] } } | null;
    commitment: { comments: CommentData[] } | null;
  }>(await t.as(email), THREADS, { planId, c: HE_03 });
}

describe('section threads', () => {
  test('the forum comments on the health section, the ICB replies and resolves, the forum reopens', async () => {
    const posted = await mutate(
      ADD,
      { planId, sectionKey: 'health', body: '  Families need to know who the DCO is. ' },
      'forum@northshire.example',
    );
    expect(posted.__typename).toBe('MutationAddCommentSuccess');
    expect(posted.data).toMatchObject({
      body: 'Families need to know who the DCO is.',
      resolvedAt: null,
      replies: [],
      viewerCanResolve: true,
    });
    const threadId = posted.data!.id;

    const reply = await mutate(
      ADD,
      { planId, parentId: threadId, body: 'We will name the DCO in the plan.' },
      'icb@northshire.example',
    );
    expect(reply.data?.viewerCanResolve).toBe(false); // replies are not resolved on their own
    // A reply to a reply joins the thread: threads are one level deep.
    await mutate(
      ADD,
      { planId, parentId: reply.data!.id, body: 'Thank you.' },
      'forum@northshire.example',
    );

    // The ICB edits the health section, so may resolve a thread it did not start.
    const resolved = await mutate(RESOLVE, { id: threadId }, 'icb@northshire.example');
    expect(resolved.data).toMatchObject({
      resolvedAt: expect.any(String),
      resolvedByName: expect.any(String),
    });

    const seen = await threads('viewer@northshire.example');
    const thread = seen.plan!.section.comments.find((c) => c.id === threadId)!;
    expect(thread.replies.map((r) => r.body)).toEqual([
      'We will name the DCO in the plan.',
      'Thank you.',
    ]);
    expect(thread.authorOrganisation).not.toBeNull();
    expect(thread.viewerCanResolve).toBe(false);

    const reopened = await mutate(REOPEN, { id: threadId }, 'forum@northshire.example');
    expect(reopened.data).toMatchObject({ resolvedAt: null, resolvedByName: null });

    const actions = await t.db.prisma.auditEvent.findMany({
      where: { entityType: 'Comment', planId: 'demo-plan-northshire-lip-2026' },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'comment.create',
      'comment.reply',
      'comment.reply',
      'comment.resolve',
      'comment.reopen',
    ]);
  });

  test('only the author, the lead or the section editors may resolve', async () => {
    const posted = await mutate(
      ADD,
      { planId, sectionKey: 'health', body: 'Short breaks?' },
      'forum@northshire.example',
    );
    const byEducation = await mutate(
      RESOLVE,
      { id: posted.data!.id },
      'education@northshire.example',
    );
    expect(byEducation.__typename).toBe('ForbiddenError');
    const byLead = await mutate(RESOLVE, { id: posted.data!.id }, 'lead@northshire.example');
    expect(byLead.__typename).toBe('MutationResolveCommentSuccess');
  });

  test('viewers cannot comment and an empty comment is refused', async () => {
    const byViewer = await mutate(
      ADD,
      { planId, sectionKey: 'health', body: 'Hello' },
      'viewer@northshire.example',
    );
    expect(byViewer.__typename).toBe('ForbiddenError');
    const empty = await mutate(
      ADD,
      { planId, sectionKey: 'health', body: '   ' },
      'forum@northshire.example',
    );
    expect(empty).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['body'], message: 'Enter a comment' }],
    });
    const nowhere = await mutate(ADD, { planId, body: 'Where?' }, 'forum@northshire.example');
    expect(nowhere.__typename).toBe('ValidationError');
  });
});

describe('commitment threads', () => {
  test('are separate from the section thread and listed on the commitment', async () => {
    const posted = await mutate(
      ADD,
      { planId, commitmentId: HE_03, body: 'Include a named contact.' },
      'forum@northshire.example',
    );
    const seen = await threads('icb@northshire.example');
    expect(seen.commitment!.comments.map((c) => c.id)).toContain(posted.data!.id);
    expect(seen.plan!.section.comments.map((c) => c.id)).not.toContain(posted.data!.id);
  });
});

describe('another partnership', () => {
  test('cannot see, post to or resolve the threads', async () => {
    const posted = await mutate(
      ADD,
      { planId, sectionKey: 'health', body: 'Members only' },
      'forum@northshire.example',
    );
    const outsider = 'lead@southvale.example';
    expect(await threads(outsider)).toEqual({ plan: null, commitment: null });
    expect(
      (await mutate(ADD, { planId, sectionKey: 'health', body: 'x' }, outsider)).__typename,
    ).toBe('NotFoundError');
    expect((await mutate(RESOLVE, { id: posted.data!.id }, outsider)).__typename).toBe(
      'NotFoundError',
    );
    const node = await t.run<{ node: unknown }>(
      await t.as(outsider),
      'query($id: ID!) { node(id: $id) { id } }',
      { id: posted.data!.id },
    );
    expect(node.node).toBeNull();
  });
});
