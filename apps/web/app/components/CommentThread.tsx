// Comment threads on a section or commitment page: each thread with its replies, a reply form,
// resolve or reopen, and a form for a new thread. Plain forms posting to the page (no JavaScript).
import { Form, useSearchParams } from '@remix-run/react';
import { Button, NotificationBanner, Tag, Textarea, type ErrorSummaryItem } from '@lip/ui';

export interface CommentView {
  id: string;
  body: string;
  authorName: string;
  authorOrganisation: { name: string } | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  viewerCanResolve: boolean;
  replies?: CommentView[];
}

export interface CommentThreadsData {
  threads: CommentView[];
  canComment: boolean;
}

/** A problem with one of the forms: `for` is the thread id, or "new" for the new-thread form. */
export interface CommentError {
  for: string;
  message: string;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
const when = (iso: string) => dateTime.format(new Date(iso));

const fieldId = (forId: string) => (forId === 'new' ? 'comment-body' : `reply-${forId}`);

/** The error summary entry for a comment error, linking to its field. */
export function commentErrorSummary(error: CommentError | null): ErrorSummaryItem[] {
  return error ? [{ href: fieldId(error.for), text: error.message }] : [];
}

const DONE: Record<string, string> = {
  posted: 'Comment posted',
  replied: 'Reply posted',
  resolved: 'Thread resolved',
  reopened: 'Thread reopened',
};

function Byline({ comment }: { comment: CommentView }) {
  return (
    <p className="govuk-body-s govuk-!-margin-bottom-1">
      <strong>{comment.authorName}</strong>
      {comment.authorOrganisation && <> ({comment.authorOrganisation.name})</>} ·{' '}
      <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
    </p>
  );
}

export function CommentThread({
  threads,
  canComment,
  error,
  what,
}: CommentThreadsData & { error: CommentError | null; what: string }) {
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get('commented') ?? ''];
  return (
    <section aria-labelledby="comments-heading" id="comments" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="comments-heading">
        Comments
      </h2>
      {done && <NotificationBanner type="success" heading={done} id="comment-banner" />}
      <p className="govuk-hint">
        Only members of this partnership can see these comments. They are never published.
      </p>
      {threads.length === 0 && (
        <p className="govuk-body">There are no comments on this {what} yet.</p>
      )}
      {threads.map((thread) => {
        const threadError = error?.for === thread.id ? error.message : undefined;
        return (
          <article
            key={thread.id}
            id={`thread-${thread.id}`}
            className="lip-comment-thread govuk-!-margin-bottom-6"
            aria-label={`Comment by ${thread.authorName}`}
          >
            <Byline comment={thread} />
            <p className="govuk-body lip-comment__body">{thread.body}</p>
            {thread.resolvedAt && (
              <p className="govuk-body-s">
                <Tag colour="green">Resolved</Tag>{' '}
                {thread.resolvedByName ? `by ${thread.resolvedByName} ` : ''}on{' '}
                {when(thread.resolvedAt)}
              </p>
            )}
            {(thread.replies ?? []).length > 0 && (
              <ul
                className="govuk-list lip-comment__replies govuk-!-margin-left-6"
                aria-label="Replies"
              >
                {(thread.replies ?? []).map((reply) => (
                  <li key={reply.id} id={`comment-${reply.id}`} className="govuk-!-margin-bottom-3">
                    <Byline comment={reply} />
                    <p className="govuk-body lip-comment__body">{reply.body}</p>
                  </li>
                ))}
              </ul>
            )}
            {canComment && !thread.resolvedAt && (
              <Form method="post" reloadDocument noValidate className="govuk-!-margin-left-6">
                <input type="hidden" name="intent" value="reply" />
                <input type="hidden" name="threadId" value={thread.id} />
                <Textarea
                  id={fieldId(thread.id)}
                  name="body"
                  rows={2}
                  maxLength={5000}
                  label={
                    <>
                      Reply<span className="govuk-visually-hidden"> to {thread.authorName}</span>
                    </>
                  }
                  labelSize="s"
                  errorMessage={threadError}
                />
                <Button variant="secondary">Post reply</Button>
              </Form>
            )}
            {thread.viewerCanResolve && (
              <Form method="post" reloadDocument>
                <input
                  type="hidden"
                  name="intent"
                  value={thread.resolvedAt ? 'reopen' : 'resolve'}
                />
                <input type="hidden" name="threadId" value={thread.id} />
                {threadError && !canComment && <p className="govuk-error-message">{threadError}</p>}
                <Button variant="secondary">
                  {thread.resolvedAt ? 'Reopen thread' : 'Resolve thread'}
                  <span className="govuk-visually-hidden"> started by {thread.authorName}</span>
                </Button>
              </Form>
            )}
          </article>
        );
      })}
      {canComment ? (
        <Form method="post" reloadDocument noValidate id="new-comment">
          <input type="hidden" name="intent" value="comment" />
          <Textarea
            id={fieldId('new')}
            name="body"
            rows={4}
            maxLength={5000}
            label="Add a comment"
            labelSize="s"
            hint={`Start a new thread on this ${what}. Up to 5,000 characters.`}
            errorMessage={error?.for === 'new' ? error.message : undefined}
          />
          <Button>Post comment</Button>
        </Form>
      ) : (
        <p className="govuk-body">You can read comments but not add them.</p>
      )}
    </section>
  );
}
