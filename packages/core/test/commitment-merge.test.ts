// Field-level merge of commitment updates (decision 020): a stale update saves the fields nobody
// else changed since the version it read; the same field is a CommitmentConflictError naming it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE, PLAN, type MutationResult, type PlanData } from './support/queries.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];
const ICB = 'icb@northshire.example';
const LEAD = 'lead@northshire.example';

beforeAll(async () => {
  t = await bootCore();
  const plan = (await t.run<PlanData>(await t.as(ICB), PLAN)).partnerships.edges[0]!.node.plans
    .edges[0]!.node;
  planId = plan.id;
  areas = plan.framework.areas;
});
afterAll(() => t?.close());

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateCommitmentInput!) {
    result: updateCommitment(input: $input) {
      __typename
      ... on CommitmentConflictError {
        fields
        current {
          version
        }
      }
    }
  }
`;
const READ = /* GraphQL */ `
  query Read($id: ID!) {
    commitment(id: $id) {
      version
      title
      description
      dueDate
      leadOfficer
      budgetAmount
      rating
      standards {
        code
      }
    }
  }
`;

interface Read {
  version: number;
  title: string;
  description: string;
  dueDate: string | null;
  leadOfficer: string | null;
  budgetAmount: string | null;
  rating: string | null;
  standards: { code: string }[];
}

async function create(): Promise<{ id: string; version: number }> {
  const result = await t.run<MutationResult<{ id: string; version: number }>>(
    await t.as(ICB),
    CREATE,
    {
      input: {
        planId,
        sectionKey: 'health',
        title: 'Speech and language therapy',
        description: 'In every secondary school.',
        dueDate: '2027-07-31',
        budgetAmount: '1000',
      },
    },
  );
  return result.result.data!;
}

async function read(id: string): Promise<Read> {
  return (await t.run<{ commitment: Read }>(await t.as(ICB), READ, { id })).commitment;
}

async function update(email: string, input: Record<string, unknown>) {
  return (
    await t.run<{ result: { __typename: string; fields?: string[] } }>(await t.as(email), UPDATE, {
      input,
    })
  ).result;
}

const OK = 'MutationUpdateCommitmentSuccess';

describe('updateCommitment merges field by field', () => {
  test('two people change different fields from the same version: both persist', async () => {
    const { id, version } = await create();
    const start = await read(id);
    const a = await update(ICB, {
      id,
      version,
      title: 'Speech, language and communication',
      base: { title: start.title },
    });
    const b = await update(LEAD, {
      id,
      version,
      dueDate: '2027-12-31',
      budgetAmount: '2500.50',
      standardAreaIds: [areas[0]!.id],
      base: { dueDate: start.dueDate, budgetAmount: start.budgetAmount, standardAreaIds: [] },
    });
    expect([a.__typename, b.__typename]).toEqual([OK, OK]);
    expect(await read(id)).toMatchObject({
      version: version + 2,
      title: 'Speech, language and communication',
      description: 'In every secondary school.',
      dueDate: '2027-12-31',
      budgetAmount: '2500.50',
      standards: [{ code: areas[0]!.code }],
    });
  });

  test('the same field from a stale version is a conflict naming it; nothing is written', async () => {
    const { id, version } = await create();
    const start = await read(id);
    expect(
      (
        await update(ICB, {
          id,
          version,
          description: 'Theirs',
          base: { description: start.description },
        })
      ).__typename,
    ).toBe(OK);
    const stale = await update(LEAD, {
      id,
      version,
      description: 'Mine',
      leadOfficer: 'Designated Clinical Officer',
      base: { description: start.description, leadOfficer: start.leadOfficer },
    });
    expect(stale).toMatchObject({
      __typename: 'CommitmentConflictError',
      fields: ['description'],
      current: { version: version + 1 },
    });
    expect(await read(id)).toMatchObject({ description: 'Theirs', leadOfficer: null });
  });

  test('dates changed apart that end out of order are a conflict on both; nothing is written', async () => {
    const { id, version } = await create();
    const start = await read(id);
    // Someone brings the due date forward to March...
    expect(
      (await update(ICB, { id, version, dueDate: '2027-03-01', base: { dueDate: start.dueDate } }))
        .__typename,
    ).toBe(OK);
    // ...while the lead, from the version before, starts the work in May: each fine alone.
    const stale = await update(LEAD, {
      id,
      version,
      startDate: '2027-05-01',
      base: { startDate: null, dueDate: start.dueDate },
    });
    expect(stale).toMatchObject({
      __typename: 'CommitmentConflictError',
      fields: ['startDate', 'dueDate'],
      current: { version: version + 1 },
    });
    expect(await read(id)).toMatchObject({ version: version + 1, dueDate: '2027-03-01' });
  });

  test('without base values a stale version saves only what is already stored', async () => {
    const { id, version } = await create();
    await update(ICB, { id, version, rating: 'AMBER' });
    expect((await update(LEAD, { id, version, rating: 'AMBER' })).__typename).toBe(OK);
    expect(await update(LEAD, { id, version, leadOfficer: 'Someone' })).toMatchObject({
      __typename: 'CommitmentConflictError',
      fields: ['leadOfficer'],
    });
  });

  test('a field sent back as it was read is not a change', async () => {
    const { id, version } = await create();
    const start = await read(id);
    await update(ICB, { id, version, title: 'Renamed' });
    const form = await update(LEAD, {
      id,
      version,
      title: start.title,
      leadOfficer: 'Head of therapies',
      base: { title: start.title, leadOfficer: null },
    });
    expect(form.__typename).toBe(OK);
    expect(await read(id)).toMatchObject({ title: 'Renamed', leadOfficer: 'Head of therapies' });
  });
});
