/**
 * Live updates on a plan page (progressive enhancement: rendered empty on the server, so a page
 * without JavaScript is unchanged). Lists refresh themselves as others save; a form someone else
 * just saved gets a banner naming them instead of a refresh, so nothing typed is lost; and a line
 * says who else has the page open.
 */
import { useActionData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import {
  ago,
  heartbeat,
  personLabel,
  streamPlanEvents,
  type LiveEvent,
  type PresentPerson,
} from './live-client.ts';

export const HEARTBEAT_MS = 20_000;

export interface LiveUpdatesProps {
  planId: string;
  /** The section the page shows (or the commitment's section). */
  sectionKey?: string;
  /** The commitment the page shows. */
  commitmentId?: string;
  /**
   * A form on the page editing that section (no commitmentId) or commitment: its element id, and
   * the page that shows the saved record, opened in a new tab to compare.
   */
  form?: { id: string; readHref: string };
}

interface Change {
  who: string;
  deleted: boolean;
  /** When it happened by this browser's clock. */
  at: number;
}

function concernsForm(event: LiveEvent, props: LiveUpdatesProps): boolean {
  if (props.commitmentId) return event.commitmentId === props.commitmentId;
  return event.kind === 'SECTION_SAVED' && event.sectionKey === props.sectionKey;
}

export function LiveUpdates(props: LiveUpdatesProps) {
  const { planId, sectionKey, commitmentId, form } = props;
  const revalidator = useRevalidator();
  const [present, setPresent] = useState<PresentPerson[]>([]);
  const [change, setChange] = useState<Change | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // Read inside the event handler, which outlives renders.
  // A revalidation clears the route's action data, so an error summary or a "saved" message the
  // person has not read yet would vanish when someone else saves: the page holds still until the
  // next navigation.
  const showingActionResult = useActionData() !== undefined;
  const latest = useRef({
    props,
    revalidate: revalidator.revalidate,
    dirty: false,
    showingActionResult,
  });
  latest.current.props = props;
  latest.current.revalidate = revalidator.revalidate;
  latest.current.showingActionResult = showingActionResult;

  useEffect(() => {
    const element = form ? document.getElementById(form.id) : null;
    if (!element) return;
    const typed = () => (latest.current.dirty = true);
    element.addEventListener('input', typed);
    return () => element.removeEventListener('input', typed);
  }, [form?.id]);

  useEffect(() => {
    const controller = new AbortController();
    void streamPlanEvents(
      planId,
      (event) => {
        const { props: current, revalidate, dirty, showingActionResult } = latest.current;
        if (current.form && concernsForm(event, current)) {
          // The record the open form edits: a banner, never a refresh (the form would be rebuilt
          // from the new record). Saving then meets the usual conflict page, with both versions.
          if (!event.byViewer)
            setChange({
              who: event.actor ? personLabel(event.actor) : 'Someone',
              deleted: event.kind === 'COMMITMENT_DELETED',
              at: Math.min(Date.now(), Date.parse(event.at) || Date.now()),
            });
          return;
        }
        // Lists refresh themselves, but never over what someone is typing or the outcome of what
        // they just submitted; they catch up on the next event after that.
        if (!dirty && !showingActionResult) revalidate();
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [planId]);

  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const people = await heartbeat({ planId, sectionKey, commitmentId });
      if (!stopped) setPresent(people);
    };
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [planId, sectionKey, commitmentId]);

  useEffect(() => {
    if (!change) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    setNow(Date.now());
    return () => clearInterval(timer);
  }, [change]);

  return (
    <div className="lip-live">
      <div aria-live="polite">
        {change && form && (
          <div
            className="govuk-notification-banner"
            role="region"
            aria-labelledby="live-change-title"
            id="live-change"
          >
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="live-change-title">
                Important
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {change.who} {change.deleted ? 'deleted' : 'changed'} this {ago(now - change.at)}
              </p>
              {!change.deleted && (
                <p className="govuk-body">
                  What you have typed is kept.{' '}
                  <a
                    className="govuk-notification-banner__link"
                    href={form.readHref}
                    target="_blank"
                    rel="noreferrer"
                  >
                    Compare with the saved version (opens in new tab)
                  </a>
                  . If you save, you will be asked which changes to keep.
                </p>
              )}
            </div>
          </div>
        )}
      </div>
      {present.length > 0 && (
        <p className="govuk-body-s" id="live-presence">
          Also here: {present.map(personLabel).join(', ')}
        </p>
      )}
    </div>
  );
}
