/**
 * The browser's side of live updates: planEvents over Server-Sent Events and presence heartbeats,
 * both to /graphql with the session cookie. A streamed fetch (POST, JSON, `Accept:
 * text/event-stream`) rather than EventSource: EventSource can only GET and cannot send the header
 * /graphql's CSRF prevention asks of GET requests, while a same-origin JSON POST passes it.
 */
import { print } from 'graphql';
import { graphql, type ResultOf } from '../../graphql.ts';

export const PLAN_EVENTS = graphql(`
  subscription LivePlanEvents($planId: ID!) {
    planEvents(planId: $planId) {
      kind
      sectionKey
      commitmentId
      byViewer
      actor {
        name
        organisationName
      }
      at
    }
  }
`);

export const HEARTBEAT = graphql(`
  mutation LiveHeartbeat($planId: ID!, $sectionKey: String, $commitmentId: ID) {
    heartbeat(planId: $planId, sectionKey: $sectionKey, commitmentId: $commitmentId) {
      name
      organisationName
    }
  }
`);

export type LiveEvent = ResultOf<typeof PLAN_EVENTS>['planEvents'];
export type PresentPerson = ResultOf<typeof HEARTBEAT>['heartbeat'][number];

export interface Place {
  planId: string;
  sectionKey?: string;
  commitmentId?: string;
}

const headers = { 'content-type': 'application/json' };

/** Says the viewer is here; answers who else is (an empty list when the call fails). */
export async function heartbeat(place: Place): Promise<PresentPerson[]> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, accept: 'application/json' },
      body: JSON.stringify({
        query: print(HEARTBEAT),
        // The narrowest place: a commitment's page is the commitment, not its section.
        variables: {
          planId: place.planId,
          sectionKey: place.commitmentId ? null : (place.sectionKey ?? null),
          commitmentId: place.commitmentId ?? null,
        },
      }),
    });
    const body = (await response.json()) as { data?: ResultOf<typeof HEARTBEAT> | null };
    return body.data?.heartbeat ?? [];
  } catch {
    return [];
  }
}

/**
 * Streams the plan's events to `onEvent` until `signal` aborts; reconnects after a dropped
 * connection (the server restarted, a proxy timed out), and gives up when refused.
 */
export async function streamPlanEvents(
  planId: string,
  onEvent: (event: LiveEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 2_000;
  while (!signal.aborted) {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify({ query: print(PLAN_EVENTS), variables: { planId } }),
        signal,
      });
      if (!response.ok || !response.body) return; // refused: signed out, or not this plan's member
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          if (!lines.includes('event: next')) continue;
          const data = lines.find((line) => line.startsWith('data: '));
          if (!data) continue;
          const result = JSON.parse(data.slice(6)) as {
            data?: ResultOf<typeof PLAN_EVENTS> | null;
            errors?: unknown[];
          };
          if (result.errors) return; // refused at subscribe
          if (result.data) onEvent(result.data.planEvents);
        }
      }
      delay = 2_000;
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 60_000);
  }
}

/** "10 seconds ago", "3 minutes ago". */
export function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const say = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (seconds < 5) return 'a moment ago';
  if (seconds < 60) return say(seconds, 'second');
  if (seconds < 3600) return say(Math.floor(seconds / 60), 'minute');
  return say(Math.floor(seconds / 3600), 'hour');
}

/** "Priya Shah (NHS Northshire ICB)". */
export function personLabel(person: { name: string; organisationName?: string | null }): string {
  return person.organisationName ? `${person.name} (${person.organisationName})` : person.name;
}
