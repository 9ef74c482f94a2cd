// Comment threads on section and commitment pages: loading them and handling their forms
// (post, reply, resolve, reopen). Every form posts to the page it is on and comes back to it,
// so threads work without JavaScript.
import { redirect, type AppLoadContext } from '@remix-run/node';
import { gql, type UnionResult } from './graphql.server.ts';
import type {
  CommentError,
  CommentThreadsData,
  CommentView,
} from '../components/CommentThread.tsx';

export type CommentTarget =
  | { planId: string; sectionKey: string; commitmentId?: undefined }
  | { planId: string; commitmentId: string; sectionKey?: undefined };

const COMMENT_FIELDS =
  'id body authorName authorOrganisation { name } createdAt resolvedAt resolvedByName viewerCanResolve';
const THREADS_QUERY = /* GraphQL */ `
  query CommentThreads($planId: ID!, $key: String!, $commitmentId: ID!, $onSection: Boolean!) {
    plan(id: $planId) {
      partnership { viewerMembership { roles } }
      section(key: $key) @include(if: $onSection) { comments { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} } } }
    }
    commitment(id: $commitmentId) @skip(if: $onSection) { comments { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} } } }
  }
`;

interface ThreadsQueryData {
  plan: {
    partnership: { viewerMembership: { roles: string[] } | null };
    section?: { comments: CommentView[] } | null;
  } | null;
  commitment?: { comments: CommentView[] } | null;
}

/** The page's threads, oldest first, and whether the viewer may take part (everyone but viewers). */
export async function loadCommentThreads(
  context: AppLoadContext,
  target: CommentTarget,
): Promise<CommentThreadsData> {
  const onSection = target.commitmentId === undefined;
  const result = await gql<ThreadsQueryData>(context, THREADS_QUERY, {
    planId: target.planId,
    key: target.sectionKey ?? '',
    commitmentId: target.commitmentId ?? '',
    onSection,
  });
  const roles = result.plan?.partnership.viewerMembership?.roles ?? [];
  const threads = (onSection ? result.plan?.section?.comments : result.commitment?.comments) ?? [];
  return { threads, canComment: roles.some((role) => role !== 'VIEWER') };
}

const INTENTS = ['comment', 'reply', 'resolve', 'reopen'] as const;
type Intent = (typeof INTENTS)[number];

const MUTATIONS: Record<Intent, string> = {
  comment:
    'mutation($input: AddCommentInput!) { result: addComment(input: $input) { __typename ... on MutationAddCommentSuccess { data { id } } ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }',
  reply:
    'mutation($input: AddCommentInput!) { result: addComment(input: $input) { __typename ... on MutationAddCommentSuccess { data { id } } ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }',
  resolve:
    'mutation($input: ResolveCommentInput!) { result: resolveComment(input: $input) { __typename ... on MutationResolveCommentSuccess { data { id } } ... on Error { message } } }',
  reopen:
    'mutation($input: ReopenCommentInput!) { result: reopenComment(input: $input) { __typename ... on MutationReopenCommentSuccess { data { id } } ... on Error { message } } }',
};

/** Messages by code: the URL carries a code, never text, so nobody can put words on the page. */
const ERROR_MESSAGES = {
  empty: 'Enter a comment',
  long: 'Comment must be 5,000 characters or fewer',
  forbidden: 'You can read these comments but you cannot take part',
  resolve: 'Only the author, the lead or the section’s editors can resolve this',
  gone: 'That comment no longer exists',
} as const;
type ErrorCode = keyof typeof ERROR_MESSAGES;

const MAX_BODY = 5000;

/**
 * Handles a comment form when the posted `intent` is one of ours (otherwise returns, and the page's
 * own action carries on): runs the mutation, then redirects back to the page, to the thread.
 */
export async function handleCommentForm(
  context: AppLoadContext,
  form: FormData,
  target: CommentTarget,
  pageUrl: string,
): Promise<void> {
  const intent = String(form.get('intent') ?? '') as Intent;
  if (!INTENTS.includes(intent)) return;
  const threadId = String(form.get('threadId') ?? '');
  const body = String(form.get('body') ?? '').trim();
  const back = (query: Record<string, string>, anchor: string) =>
    redirect(`${pageUrl}?${new URLSearchParams(query).toString()}#${anchor}`);
  const formFor = intent === 'comment' ? 'new' : threadId;
  const fail = (code: ErrorCode) =>
    back(
      { commentError: code, commentFor: formFor },
      intent === 'comment' ? 'comments' : `thread-${threadId}`,
    );

  if ((intent === 'comment' || intent === 'reply') && body === '') throw fail('empty');
  if (body.length > MAX_BODY) throw fail('long');
  const input =
    intent === 'comment'
      ? {
          planId: target.planId,
          sectionKey: target.sectionKey,
          commitmentId: target.commitmentId,
          body,
        }
      : intent === 'reply'
        ? { planId: target.planId, parentId: threadId, body }
        : { id: threadId };
  const { result } = await gql<{ result: UnionResult & { data?: { id: string } } }>(
    context,
    MUTATIONS[intent],
    { input },
  );
  if (result.data) {
    const done = { comment: 'posted', reply: 'replied', resolve: 'resolved', reopen: 'reopened' }[
      intent
    ];
    throw back({ commented: done }, `thread-${intent === 'comment' ? result.data.id : threadId}`);
  }
  if (result.__typename === 'ValidationError') throw fail(body === '' ? 'empty' : 'long');
  if (result.__typename === 'ForbiddenError')
    throw fail(intent === 'resolve' || intent === 'reopen' ? 'resolve' : 'forbidden');
  throw fail('gone');
}

/** The comment error named in the page's URL, if any. */
export function commentErrorFrom(searchParams: URLSearchParams): CommentError | null {
  const code = searchParams.get('commentError');
  if (!code || !(code in ERROR_MESSAGES)) return null;
  const forId = searchParams.get('commentFor') || 'new';
  return { for: forId, message: ERROR_MESSAGES[code as ErrorCode] };
}
