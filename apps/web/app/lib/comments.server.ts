// Comment threads on section and commitment pages: loading them and handling their forms
// (post, reply, resolve, reopen). Every form posts to the page it is on and comes back to it,
// so threads work without JavaScript.
import { redirect, type AppLoadContext } from '@remix-run/node';
import { graphql, MUTATION_ERROR, type ResultOf } from '../graphql.ts';
import type { FormFields } from './form.server.ts';
import { gql } from './graphql.server.ts';
import { formErrors } from './outcome.server.ts';
import type { CommentError, CommentThreadsData } from '../components/CommentThread.tsx';

export type CommentTarget =
  | { planId: string; sectionKey: string; commitmentId?: undefined }
  | { planId: string; commitmentId: string; sectionKey?: undefined };

const COMMENT_FIELDS = graphql(`
  fragment CommentFields on Comment {
    id
    body
    authorName
    authorOrganisation {
      name
    }
    createdAt
    resolvedAt
    resolvedByName
    viewerCanResolve
  }
`);

/** A section's threads, for a page whose own query already reads the section (no second read). */
export const SECTION_COMMENT_THREADS = graphql(
  `
    fragment SectionCommentThreads on Section {
      comments {
        ...CommentFields
        replies {
          ...CommentFields
        }
      }
    }
  `,
  [COMMENT_FIELDS],
);

/** Whether the viewer may take part in the plan's threads, read with the page's plan. */
export const PLAN_COMMENTING = graphql(`
  fragment PlanCommenting on Plan {
    partnership {
      viewerMembership {
        roles
      }
    }
  }
`);

/** Threads read with the page's own query (the two fragments above). */
export function commentThreadsFrom(
  plan: ResultOf<typeof PLAN_COMMENTING>,
  section: ResultOf<typeof SECTION_COMMENT_THREADS>,
): CommentThreadsData {
  const roles = plan.partnership.viewerMembership?.roles ?? [];
  return { threads: [...section.comments], canComment: roles.some((role) => role !== 'VIEWER') };
}

const THREADS_QUERY = graphql(
  `
    query CommentThreads($planId: ID!, $key: String!, $commitmentId: ID!, $onSection: Boolean!) {
      plan(id: $planId) {
        partnership {
          viewerMembership {
            roles
          }
        }
        section(key: $key) @include(if: $onSection) {
          comments {
            ...CommentFields
            replies {
              ...CommentFields
            }
          }
        }
      }
      commitment(id: $commitmentId) @skip(if: $onSection) {
        comments {
          ...CommentFields
          replies {
            ...CommentFields
          }
        }
      }
    }
  `,
  [COMMENT_FIELDS],
);

/** The page's threads, oldest first, and whether the viewer may take part (everyone but viewers). */
export async function loadCommentThreads(
  context: AppLoadContext,
  target: CommentTarget,
): Promise<CommentThreadsData> {
  const onSection = target.commitmentId === undefined;
  const result = await gql(context, THREADS_QUERY, {
    planId: target.planId,
    key: target.sectionKey ?? '',
    commitmentId: target.commitmentId ?? '',
    onSection,
  });
  const roles = result.plan?.partnership.viewerMembership?.roles ?? [];
  const threads = (onSection ? result.plan?.section?.comments : result.commitment?.comments) ?? [];
  return { threads, canComment: roles.some((role) => role !== 'VIEWER') };
}

const ADD_COMMENT = graphql(
  `
    mutation AddComment($input: AddCommentInput!) {
      result: addComment(input: $input) {
        __typename
        ... on MutationAddCommentSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const RESOLVE_COMMENT = graphql(
  `
    mutation ResolveComment($input: ResolveCommentInput!) {
      result: resolveComment(input: $input) {
        __typename
        ... on MutationResolveCommentSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const REOPEN_COMMENT = graphql(
  `
    mutation ReopenComment($input: ReopenCommentInput!) {
      result: reopenComment(input: $input) {
        __typename
        ... on MutationReopenCommentSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const INTENTS = ['comment', 'reply', 'resolve', 'reopen'] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);

/** Messages by code: the URL carries a code, never text, so nobody can put words on the page. */
const ERROR_MESSAGES = {
  empty: 'Enter a comment',
  long: 'Comment must be 5,000 characters or fewer',
  forbidden: 'You can read these comments but you cannot take part',
  resolve: 'Only the author, the lead or the section’s editors can resolve this',
  gone: 'That comment no longer exists',
} as const;
type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The code of an API message the page knows ('Enter a comment' → 'empty'). */
const codeOf = (message: string | undefined): ErrorCode | undefined =>
  (Object.keys(ERROR_MESSAGES) as ErrorCode[]).find((code) => ERROR_MESSAGES[code] === message);

/** Runs the intent's mutation; every one answers its success (with the comment's id) or an error. */
async function runIntent(
  context: AppLoadContext,
  intent: Intent,
  target: CommentTarget,
  threadId: string,
  body: string,
) {
  switch (intent) {
    case 'comment':
      return (
        await gql(context, ADD_COMMENT, {
          input: {
            planId: target.planId,
            sectionKey: target.sectionKey,
            commitmentId: target.commitmentId,
            body,
          },
        })
      ).result;
    case 'reply':
      return (
        await gql(context, ADD_COMMENT, {
          input: { planId: target.planId, parentId: threadId, body },
        })
      ).result;
    case 'resolve':
      return (await gql(context, RESOLVE_COMMENT, { input: { id: threadId } })).result;
    case 'reopen':
      return (await gql(context, REOPEN_COMMENT, { input: { id: threadId } })).result;
  }
}

/**
 * Handles a comment form when the posted `intent` is one of ours (otherwise returns, and the page's
 * own action carries on): runs the mutation, then redirects back to the page, to the thread.
 * The API checks the comment ("Enter a comment", at most 5,000 characters).
 */
export async function handleCommentForm(
  context: AppLoadContext,
  form: FormFields,
  target: CommentTarget,
  pageUrl: string,
): Promise<void> {
  const intent = form.intent;
  if (!isIntent(intent)) return;
  const threadId = form.text('threadId');
  const body = form.text('body');
  const back = (query: Record<string, string>, anchor: string) =>
    redirect(`${pageUrl}?${new URLSearchParams(query).toString()}#${anchor}`);
  const formFor = intent === 'comment' ? 'new' : threadId;
  const fail = (code: ErrorCode) =>
    back(
      { commentError: code, commentFor: formFor },
      intent === 'comment' ? 'comments' : `thread-${threadId}`,
    );

  const result = await runIntent(context, intent, target, threadId, body);
  if ('data' in result) {
    const done = { comment: 'posted', reply: 'replied', resolve: 'resolved', reopen: 'reopened' }[
      intent
    ];
    throw back({ commented: done }, `thread-${intent === 'comment' ? result.data.id : threadId}`);
  }
  switch (result.__typename) {
    case 'ValidationError': {
      const errors = formErrors(result);
      throw fail(codeOf(errors.body ?? errors._form) ?? (body === '' ? 'empty' : 'long'));
    }
    case 'ForbiddenError':
      throw fail(intent === 'resolve' || intent === 'reopen' ? 'resolve' : 'forbidden');
    default:
      throw fail('gone');
  }
}

/** The comment error named in the page's URL, if any. */
export function commentErrorFrom(searchParams: URLSearchParams): CommentError | null {
  const code = searchParams.get('commentError');
  if (!code || !(code in ERROR_MESSAGES)) return null;
  const forId = searchParams.get('commentFor') || 'new';
  return { for: forId, message: ERROR_MESSAGES[code as ErrorCode] };
}
