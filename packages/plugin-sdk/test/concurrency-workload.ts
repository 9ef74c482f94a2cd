// The concurrency workload shared by test/concurrency.test.ts and bench/merge/concurrency.ts:
// N clients make M edits each of one section (the sample plugin's) and one commitment, through
// the /graphql HTTP handler (or core.execute, as the web app calls it), as a web form would: each edit sends only what it changes, with the values it
// read as base; a conflict re-reads and retries. Every client owns some fields (its own list item
// of the section; one of five commitment fields for the first five clients) and shares others
// (the section's summary and early years summary, the commitment's description).
import { demoBearerToken } from '@lip/core/testing';
import type { TestHarness } from '../src/testing.ts';

export interface WorkloadOptions {
  clients: number;
  edits: number;
  /** Every how many edits a client also changes the shared fields. */
  shareEvery?: number;
  /** Most tries of one edit before giving up (a give-up is reported, never hidden). */
  maxTries?: number;
  /** 'http' (default): POSTs to core's /graphql handler with a bearer token; 'execute': in process. */
  over?: 'http' | 'execute';
}

export interface WorkloadReport {
  writes: number;
  conflicts: number;
  /** Answers that were neither a success nor the typed conflict (GraphQL errors included). */
  otherErrors: string[];
  /** HTTP answers with a 5xx status (over 'http'; also counted in otherErrors). */
  serverErrors: number;
  /** How often each field was named by a conflict (list items as "arrangements.item"). */
  conflictFields: Record<string, number>;
  /** Edits given up after maxTries conflicts. */
  givenUp: number;
  /** Owned fields whose stored value is not the owner's last successful write. */
  lostUpdates: string[];
  /** Shared fields whose stored value is not one some client wrote successfully. */
  strayShared: string[];
  seconds: number;
}

interface Item {
  id: string;
  what: string | null;
  by: string | null;
  budget: number | null;
}
interface SectionRead {
  version: number;
  sample: { summary: string | null; arrangements: Item[]; earlyYears: { summary: string | null } };
}
interface CommitmentRead {
  version: number;
  title: string;
  description: string;
  leadOfficer: string | null;
  budgetLine: string | null;
  budgetAmount: string | null;
  dueDate: string | null;
}

const READ_SECTION = `query($planId: ID!) { plan(id: $planId) { section(key: "sample") { version
  sample { summary arrangements { id what by budget } earlyYears { summary } } } } }`;
const UPDATE_SECTION = `mutation($input: UpdateSampleSectionInput!) { result: updateSampleSection(input: $input) {
  __typename ... on SectionConflictError { fields } } }`;
const READ_COMMITMENT = `query($id: ID!) { commitment(id: $id) {
  version title description leadOfficer budgetLine budgetAmount dueDate } }`;
const UPDATE_COMMITMENT = `mutation($input: UpdateCommitmentInput!) { result: updateCommitment(input: $input) {
  __typename ... on CommitmentConflictError { fields } } }`;
const CREATE_COMMITMENT = `mutation($input: CreateCommitmentInput!) { result: createCommitment(input: $input) {
  __typename ... on MutationCreateCommitmentSuccess { data { id } } } }`;

/** The commitment fields owned by clients 0..4, and the value client k writes at edit i. */
const OWNED = ['title', 'leadOfficer', 'budgetLine', 'budgetAmount', 'dueDate'] as const;
type Owned = (typeof OWNED)[number];
function ownedValue(field: Owned, k: number, i: number): string {
  if (field === 'budgetAmount') return `${k * 1000 + i}.00`;
  if (field === 'dueDate') return `2027-01-${String((i % 28) + 1).padStart(2, '0')}`;
  return `client ${k} edit ${i}`;
}

export async function runWorkload(
  h: TestHarness,
  email: string,
  { clients, edits, shareEvery = 10, maxTries = 200, over = 'http' }: WorkloadOptions,
): Promise<WorkloadReport> {
  const ctx = await h.contextFor(email);
  const token = over === 'http' ? await bearerToken(h, email) : null;
  const planId = await h.planId(email);
  const report: WorkloadReport = {
    writes: 0,
    conflicts: 0,
    otherErrors: [],
    serverErrors: 0,
    conflictFields: {},
    givenUp: 0,
    lostUpdates: [],
    strayShared: [],
    seconds: 0,
  };

  async function overHttp<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly { message: string }[] }> {
    const response = await h.core.yoga.fetch('http://lip.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document, variables }),
    });
    if (response.status >= 500) {
      report.serverErrors++;
      return { errors: [{ message: `HTTP ${response.status}` }] };
    }
    return (await response.json()) as { data?: T | null; errors?: { message: string }[] };
  }

  async function run<T>(document: string, variables: Record<string, unknown>): Promise<T | null> {
    const result =
      over === 'http'
        ? await overHttp<T>(document, variables)
        : await h.execute<T>({ document, variables, context: ctx });
    if (result.errors?.length) {
      report.otherErrors.push(result.errors.map((e) => e.message).join('; '));
      return null;
    }
    return result.data ?? null;
  }
  const readSection = async () =>
    (await run<{ plan: { section: SectionRead } }>(READ_SECTION, { planId }))!.plan.section;

  // Setup: the section's list gets one item per client (so each owns one), and a commitment.
  const start = await readSection();
  await run(UPDATE_SECTION, {
    input: {
      planId,
      version: start.version,
      arrangements: Array.from({ length: clients }, (_, k) => ({ what: `Client ${k}'s item` })),
    },
  });
  const created = await run<{ result: { data: { id: string } } }>(CREATE_COMMITMENT, {
    input: { planId, sectionKey: 'sample', title: 'Shared commitment' },
  });
  const commitmentId = created!.result.data.id;
  const readCommitment = async () =>
    (await run<{ commitment: CommitmentRead }>(READ_COMMITMENT, { id: commitmentId }))!.commitment;

  const firstRead = await readSection();
  const itemOf = firstRead.sample.arrangements.map((item) => item.id);
  const lastOwnBudget = new Map<number, number>();
  const lastOwnField = new Map<number, string>();
  const sharedWritten = { summary: new Set<string>(), early: new Set<string>(), desc: new Set() };

  /** One edit, retried on conflict: `attempt` reads (or reuses) state and answers a typename. */
  async function edit(
    attempt: (fresh: boolean) => Promise<{ __typename: string; fields?: string[] } | null>,
  ): Promise<void> {
    for (let tries = 0; tries < maxTries; tries++) {
      const answer = await attempt(tries > 0);
      const typename = answer?.__typename ?? null;
      if (typename === null) return;
      if (typename.endsWith('Success')) {
        report.writes++;
        return;
      }
      if (typename === 'SectionConflictError' || typename === 'CommitmentConflictError') {
        report.conflicts++;
        for (const field of answer?.fields ?? []) {
          const name = field.startsWith('arrangements.') ? 'arrangements.item' : field;
          report.conflictFields[name] = (report.conflictFields[name] ?? 0) + 1;
        }
      } else {
        report.otherErrors.push(typename);
        return;
      }
    }
    report.givenUp++;
  }

  async function client(k: number): Promise<void> {
    let section = await readSection();
    let commitment = await readCommitment();
    const own = itemOf[k]!;
    const owned = k < OWNED.length ? OWNED[k]! : null;
    for (let i = 0; i < edits; i++) {
      const shared = i % shareEvery === k % shareEvery;
      const budget = k * 1000 + i;
      const summary = `c${k} e${i}`;
      // The section: this client's own item, and now and then the shared fields.
      await edit(async (fresh) => {
        if (fresh) section = await readSection();
        const items = section.sample.arrangements;
        const input: Record<string, unknown> = {
          planId,
          version: section.version,
          arrangements: items.map((item) => (item.id === own ? { ...item, budget } : item)),
          base: { arrangements: items },
        };
        if (shared) {
          input.summary = summary;
          input.earlyYears = { summary };
          input.base = {
            arrangements: items,
            summary: section.sample.summary,
            earlyYears: { summary: section.sample.earlyYears.summary },
          };
        }
        const answer = await run<{ result: { __typename: string; fields?: string[] } }>(
          UPDATE_SECTION,
          { input },
        );
        const typename = answer?.result.__typename ?? null;
        if (typename?.endsWith('Success')) {
          lastOwnBudget.set(k, budget);
          // What this client now knows it stored (other fields stay as last read).
          section = {
            ...section,
            sample: {
              ...section.sample,
              arrangements: items.map((item) => (item.id === own ? { ...item, budget } : item)),
              ...(shared ? { summary, earlyYears: { summary } } : {}),
            },
          };
          if (shared) {
            sharedWritten.summary.add(summary);
            sharedWritten.early.add(summary);
          }
        }
        return answer?.result ?? null;
      });
      // The commitment: an owned field (clients 0..4), and now and then the shared description.
      if (!owned && !shared) continue;
      await edit(async (fresh) => {
        if (fresh) commitment = await readCommitment();
        const input: Record<string, unknown> = { id: commitmentId, version: commitment.version };
        const base: Record<string, unknown> = {};
        const changes: Record<string, string> = {};
        if (owned) changes[owned] = ownedValue(owned, k, i);
        if (shared) changes.description = summary;
        for (const [field, value] of Object.entries(changes)) {
          input[field] = value;
          base[field] = commitment[field as keyof CommitmentRead];
        }
        input.base = base;
        const answer = await run<{ result: { __typename: string; fields?: string[] } }>(
          UPDATE_COMMITMENT,
          { input },
        );
        const typename = answer?.result.__typename ?? null;
        if (typename?.endsWith('Success')) {
          commitment = { ...commitment, ...changes };
          if (owned) lastOwnField.set(k, changes[owned]!);
          if (shared) sharedWritten.desc.add(summary);
        }
        return answer?.result ?? null;
      });
    }
  }

  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  report.seconds = (performance.now() - began) / 1000;

  const endSection = await readSection();
  for (let k = 0; k < clients; k++) {
    const item = endSection.sample.arrangements.find((it) => it.id === itemOf[k]);
    if (item?.budget !== (lastOwnBudget.get(k) ?? null))
      report.lostUpdates.push(`section item of client ${k}: ${item?.budget}`);
  }
  if (!sharedWritten.summary.has(endSection.sample.summary ?? ''))
    report.strayShared.push(`section summary: ${endSection.sample.summary}`);
  if (!sharedWritten.early.has(endSection.sample.earlyYears.summary ?? ''))
    report.strayShared.push(`early years summary: ${endSection.sample.earlyYears.summary}`);
  const endCommitment = await readCommitment();
  for (let k = 0; k < Math.min(clients, OWNED.length); k++) {
    const field = OWNED[k]!;
    const expected = lastOwnField.get(k);
    const stored = endCommitment[field];
    if (expected !== undefined && stored !== expected)
      report.lostUpdates.push(`commitment ${field} of client ${k}: ${stored} (wrote ${expected})`);
  }
  if (!sharedWritten.desc.has(endCommitment.description))
    report.strayShared.push(`commitment description: ${endCommitment.description}`);
  return report;
}

/** A demo account's session token, signed in over HTTP as any API client would. */
const bearerToken = (h: TestHarness, email: string): Promise<string> =>
  demoBearerToken((url, init) => h.core.yoga.fetch(url, init), 'http://lip.test', email);
